/* indexer_internal.h - what the parts of trawl_indexer share: the handle and
 * the lanes (lane.c).  The parts, each calling only those below it:
 *
 *   indexer.c     the handle: open, add, remove, commit, close
 *   compact.c     the index rewritten compact, once it stops changing
 *   add_path.c    walking files, incrementally
 *   bulk.c        a fresh index built by worker threads in shards (bulk.h)
 *   index_file.c  one file or buffer: extract, write, remember (index_file.h)
 *   bulk_route.c  a big file's articles shared out among the workers (bulk_route.h)
 *   lane.c        cleaning and writing one article, commits, messages (here) */
#ifndef TW_INDEXER_INTERNAL_H
#define TW_INDEXER_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <time.h>

#include "trawl.h"
#include "buf.h"
#include "docdata.h"
#include "errors.h"
#include "pathset.h"
#include "read.h"
#include "sea_words.h"
#include "store/store.h"
#include "store/writer.h"

/* A lane writes articles into one writer, with the buffers and counters of the
 * file it is on.  The indexer has one for its own writer; a bulk build has one
 * per worker thread and shard.  Only one thread uses a lane at a time. */
typedef struct tw_route tw_route;

typedef struct tw_lane {
    trawl_indexer *ix;
    tw_writer *writer;              /* borrowed */
    trawl_indexer_stats stats;      /* counted here, added to ix->stats by tw_lane_report */
    uint64_t pending_articles;      /* changes since the writer's last commit */
    uint64_t pending_memory;        /* and an estimate of the memory they hold */
    uint64_t memory_limit;          /* commit when pending_memory reaches this */
    uint64_t shard_text;            /* text bytes written through this writer */
    const char *file_path;          /* the file being extracted, or NULL */
    const char *file_name;          /* what its warnings name: the file, or the
                                     * member of it (an archive's) being read */
    const struct stat *file_st;     /* and its status */
    uint64_t file_articles;         /* articles the current file gave */
    bool file_lost;                 /* part of the current file could not be indexed */
    bool file_cut;                  /* its text was cut at --max-text, and said so */
    bool file_elsewhere;            /* it held articles of other shards */
    bool file_timed_out;            /* it used up its CPU time (--file-timeout) */
    const struct tw_source *file_source;  /* it is being read from here */
    uint64_t file_unpacked;         /* bytes unpacked from it by libarchive (its
                                     * members, or what xz, zstd... hold) */
    uint64_t file_bytes_told;       /* of its bytes, told to on_progress already */
    uint64_t file_articles_told;    /* and of its articles */
    struct timespec file_cpu_start; /* the thread's CPU clock when it began */
    time_t file_read_at;            /* the wall clock when the file was opened */
    tw_route *route;                /* the current file's articles are shared out */
    tw_buf read_buf;                /* reused across files */
    tw_buf fields[6], data;         /* reused across articles */
    /* Splits Thai, Lao, Khmer and Burmese runs for signatures (made at the
     * first run), and the text they are in. */
    tw_sea_splitter *sea;
    tw_buf sea_text;
    char errmsg[1024];
} tw_lane;

typedef struct tw_bulk tw_bulk;

struct trawl_indexer {
    tw_store store;                 /* the folder, locked while the indexer is open */
    tw_writer *writer;              /* the current generation's; NULL during a bulk build */
    tw_lane lane;                   /* the lane of `writer`, and the walk's counters */
    tw_bulk *bulk;                  /* the bulk build in progress, or NULL */
    bool fresh;                     /* empty at open: add_path may build it in bulk */
    /* A change was asked for (a path, an article, a removal): until then a
     * commit writes nothing, so that an indexer opened to check the index
     * (trawl-index --check alone) and closed leaves it as it was, its
     * last update's time too. */
    bool asked;
    bool resume;                    /* what a stopped bulk build had done (TW_META_BUILD):
                                       add_path goes on in bulk, adding to it */
    trawl_indexer_opts opts;        /* with defaults filled in */
    char *stemmer;                  /* owned copy of opts.stemmer */
    char part[48];                  /* "K/N" of opts.shard/shards, or TW_PART_WHOLE */
    char *part_unnamed;             /* the part K/N an index of a shard holds, which
                                       a run that named none may compact but not
                                       add to (malloc'd); NULL when named */
    char *base;                     /* TW_META_BASE of a run given a relative PATH
                                       (malloc'd), or NULL */
    char *roots;                    /* TW_META_ROOTS with this run's PATHs (malloc'd),
                                       or NULL before the first */
    trawl_indexer_stats stats;
    pthread_mutex_t mu;             /* stats, callbacks and errmsg, across threads */
    tw_pathset seen;                /* files met by the current walk */
    char **failed_dirs;             /* folders the current walk could not read */
    size_t n_failed_dirs;
    bool walk_unsure;               /* a failed folder could not be remembered */
    uint64_t walk_files;            /* files the current walk let in */
    /* Set by trawl_indexer_interrupt (from a signal handler or another
     * thread), read by every worker: atomic, not just volatile. */
    atomic_int interrupted;
    uint64_t files_total, bytes_total;  /* counted ahead, for progress (count_first) */
    char last_warning[512];         /* the last warning given, under mu */
    char errmsg[1024];
};

/* Whether IX only extracts (opts.on_extract): no index, no writer, one lane. */
static inline bool tw_ix_extracting(const trawl_indexer *ix)
{
    return ix->opts.on_extract != NULL;
}

/* The memory uncommitted changes may hold (opts.memory_bytes), of a bulk
 * build's workers (BULK) or of the one writer that updates an index: by
 * default 16 MiB for the first, whose small batches stay in the CPU's caches,
 * and 64 MiB for the second, each of whose commits rewrites the blocks of
 * every posting list its changes touch across the index (100,000 articles,
 * 40,000 of them removed: 10.0 GB written at 16 MiB, 3.1 GB at 64; 40,000
 * added: 9.0 and 4.3 GB, in 67 and 54-61 s). */
uint64_t tw_ix_memory(const trawl_indexer *ix, bool bulk);

/* Sets the handle's error message. */
void tw_ix_error(trawl_indexer *ix, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Whether IX has an index to write to (or only extracts).  A handle whose
 * open failed has none, and is kept only for its message; so has one whose
 * writer could not be opened again after a bulk build. */
static inline bool tw_ix_writable(const trawl_indexer *ix)
{
    return ix->writer || ix->bulk || tw_ix_extracting(ix);
}

/* What a call that would change the index returns on an IX that cannot
 * (tw_ix_writable): TRAWL_EINVAL, with a message that says why. */
trawl_status tw_ix_unwritable(trawl_indexer *ix);

/* TRAWL_OK when IX may add articles to its index or remove them: not when
 * it holds a shard of its collection and the run named none (part_unnamed),
 * which would add articles of every part; TRAWL_EINVAL then, saying which
 * part to give. */
trawl_status tw_ix_part_named(trawl_indexer *ix);

/* Ends a step that wrote a new generation at GEN (tw_store_new_path's, or
 * NULL; freed here) with status ST: makes it current when ST is TRAWL_OK,
 * else removes it; then opens the writer of the current generation again,
 * noting its revision as that of a compact generation when all went well.
 * Returns ST, or the switch's or the open's failure; a failed step's
 * message is kept. */
trawl_status tw_ix_switch(trawl_indexer *ix, char *gen, trawl_status st);

/* Tells the caller's on_progress that STEP has begun (a tw_tell_step for
 * tw_writer_merge, which goes on whatever is asked; CTX is the indexer):
 * true.  Only while no worker runs (a bulk build's end, a compaction): no
 * file's report may overlap it. */
bool tw_ix_tell_step(void *ctx, const char *step);

/* Passes a one-line warning about PATH to the caller's on_warning. */
void tw_ix_warn(trawl_indexer *ix, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Prepares LANE to write into W. */
void tw_lane_init(tw_lane *lane, trawl_indexer *ix, tw_writer *w, uint64_t memory_limit);
/* Deletes the articles that came from PATH, a part at a time (the lane may
 * commit between the parts, as --memory says), setting *REMOVED to their
 * number.  The index must be consistent with any part of them gone: the
 * file's record marked unfinished, or that of a file that is gone. */
TW_MUST_CHECK
trawl_status tw_lane_drop_path(tw_lane *lane, const char *path, uint64_t *removed);
/* PATH is gone: its articles, as tw_lane_drop_path deletes them, then its
 * record.  *REMOVED: the articles. */
TW_MUST_CHECK
trawl_status tw_lane_forget_path(tw_lane *lane, const char *path, uint64_t *removed);

/* Frees the lane's buffers (not its writer). */
void tw_lane_free(tw_lane *lane);

/* Commits the lane's writer. */
TW_MUST_CHECK
trawl_status tw_lane_commit(tw_lane *lane);

/* Adds the counters FROM to TO. */
void tw_stats_add(trawl_indexer_stats *to, const trawl_indexer_stats *from);

/* Tells on_progress the indexer's counters, and PATH (the file just
 * finished) or STAGE (a step of a bulk build's end).  The caller holds IX's
 * lock, or no other thread is running. */
void tw_ix_progress(trawl_indexer *ix, const char *path, const char *stage);
/* Adds the lane's counters to the indexer's; with PATH, tells on_progress. */
void tw_lane_report(tw_lane *lane, const char *path);
/* tw_lane_report of the lane's articles and bytes alone, MORE_BYTES read
 * added: its other counters are those of a file not done, counted when it
 * is. */
void tw_lane_report_part(tw_lane *lane, uint64_t more_bytes, const char *path);

/* Copies the lane's error message to the indexer's and returns ST. */
TW_MUST_CHECK
trawl_status tw_lane_fail(tw_lane *lane, trawl_status st);

/* Whether the article ID belongs to the shard this indexer writes
 * (trawl_indexer_opts.shard): always, when the collection is not split. */
bool tw_ix_in_shard(const trawl_indexer *ix, const char *id);

/* Cleans and writes one article; commits when the pending changes fill the
 * lane's memory.  An extracting indexer hands the cleaned article to
 * on_extract instead of writing it. */
TW_MUST_CHECK
trawl_status tw_ix_add_article(tw_lane *lane, const trawl_article *a, const char *lang);

#endif
