/* indexer_internal.h - what the two halves of trawl_indexer share: indexer.c
 * (opening, articles, commits) and index_files.c (walking files, incrementally). */
#ifndef TW_INDEXER_INTERNAL_H
#define TW_INDEXER_INTERNAL_H

#include <signal.h>
#include <stdbool.h>
#include <sys/stat.h>

#include "trawl.h"
#include "buf.h"
#include "pathset.h"
#include "writer.h"

struct trawl_indexer {
    tw_writer *writer;
    trawl_indexer_opts opts;        /* with defaults filled in */
    char *stemmer;                  /* owned copy of opts.stemmer */
    trawl_indexer_stats stats;
    uint64_t pending_articles, pending_bytes;
    const char *file_path;          /* the file being extracted, or NULL */
    const struct stat *file_st;     /* and its status */
    uint64_t file_articles;         /* articles the current file gave */
    bool file_lost;                 /* part of the current file could not be indexed */
    tw_pathset seen;                /* files met by the current walk */
    char **failed_dirs;             /* folders the current walk could not read */
    size_t n_failed_dirs;
    volatile sig_atomic_t interrupted;  /* set by trawl_indexer_interrupt */
    uint64_t files_total, bytes_total;  /* counted ahead, for progress (count_first) */
    tw_buf read_buf;                /* reused across files */
    tw_buf fields[6], data;         /* reused across articles */
    char errmsg[1024];
};

/* Sets the handle's error message. */
void tw_ix_error(trawl_indexer *ix, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Passes a one-line warning about PATH to the caller's on_warning. */
void tw_ix_warn(trawl_indexer *ix, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Cleans and writes one article; commits when a batch is full. */
trawl_status tw_ix_add_article(trawl_indexer *ix, const trawl_article *a);

#endif
