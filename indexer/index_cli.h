/* index_cli.h - trawl-index's command line, parsed into a struct (testable). */
#ifndef TW_INDEX_CLI_H
#define TW_INDEX_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "errors.h"

typedef enum { TW_PROGRESS_AUTO, TW_PROGRESS_ALWAYS, TW_PROGRESS_NEVER } tw_progress_mode;

typedef struct tw_index_args {
    const char *db;             /* -d DIR, or NULL */
    uint64_t jobs;              /* -j N; 0 = number of cores */
    bool full;                  /* --full */
    const char *stem;           /* --stem LANG|none, or NULL */
    bool quiet;                 /* -q: no warnings, no summary */
    bool verbose;               /* -v: every warning (warn_groups.h) */
    uint64_t memory_bytes;      /* --memory; 0 = default */
    uint64_t wait_seconds;      /* --wait: for a locked index, 0 = fail at once */
    bool keep_boilerplate;      /* --keep-boilerplate */
    bool check;                 /* --check */
    bool compact;               /* --compact: the PATHs may be none */
    bool extract;               /* --extract: articles as JSON Lines, no index */
    tw_progress_mode progress;  /* --progress */
    const char **include;       /* NULL-terminated --include globs (malloc'd array) */
    const char **exclude;       /* NULL-terminated --exclude globs (malloc'd array) */
    uint64_t max_file_bytes, max_inflated_bytes, max_text_bytes;  /* 0 = default */
    uint64_t max_html_bytes;    /* --max-html; 0 = default */
    uint64_t max_members;       /* --max-members; 0 = default */
    double file_seconds;        /* --file-timeout; 0 = default, negative = none */
    unsigned shard, shards;     /* --shard K/N; shards 0 = the whole collection */
    char **paths;               /* the PATH operands (borrowed from argv) */
    size_t n_paths;
    bool help, version;
} tw_index_args;

/* Parses ARGV.  Returns 0, or -1 with a one-line reason in err[errlen].
 * Free with tw_index_args_free whatever the result. */
TW_MUST_CHECK
int tw_index_args_parse(int argc, char **argv, tw_index_args *args,
                        char *err, size_t errlen);
void tw_index_args_free(tw_index_args *args);

extern const char tw_index_usage[];

#endif
