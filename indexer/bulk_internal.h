/* bulk_internal.h - what bulk.c (workers, shards, the merge) and bulk_route.c
 * (sharing out the articles of a big file) share.  bulk.c calls into
 * bulk_route.c (tw_bulk_take_locked), never the other way. */
#ifndef TW_BULK_INTERNAL_H
#define TW_BULK_INTERNAL_H

#include "indexer_internal.h"

#define QUEUE_SLOTS 64

/* A worker starts a new shard after writing this much text into one.  Each
 * commit rewrites the table blocks its terms land in, so it costs more the
 * bigger the shard's tables are: on the 1 GB benchmark corpus throughput fell
 * by a third as the two shards grew.  Small shards keep every commit cheap, and
 * the final merge reads them all in one pass.  Six copies of the benchmark's
 * mix (368 MB) built in 195-204 s with shards of 24 MB against 215-219 s with
 * 48 MB. */
#define SHARD_TEXT_MAX (24u << 20)

typedef struct job {
    char *path;
    struct stat st;
} job;

/* A big file whose articles are being shared out, under tw_bulk.mu. */
struct tw_route {
    unsigned outstanding;       /* handed to other workers, not yet written */
    bool lost;                  /* one of them could not be written */
};

/* One article of a big file on its way to the worker whose shard takes it. */
typedef struct article_job {
    trawl_article a;            /* its strings point into mem */
    const char *lang;           /* the declared language, in mem, or NULL */
    char *mem;
    size_t size;                /* of mem */
    struct stat st;             /* of the file */
    tw_route *route;            /* of the file */
} article_job;

/* An inbox holds this many articles, or this many bytes of them, whichever
 * comes first: big articles must not pile up in memory while a worker is busy. */
#define INBOX_SLOTS 16
#define INBOX_BYTES (8u << 20)

typedef struct inbox {
    article_job slot[INBOX_SLOTS];
    size_t head, count;
    size_t bytes;               /* of the articles in it */
} inbox;

struct tw_bulk {
    unsigned n;                 /* workers, each with a lane and a shard open */
    char **paths;               /* DIR/build-N of every shard so far */
    size_t n_paths, cap_paths;
    tw_writer **writers;        /* each worker's open shard */
    tw_lane *lanes;
    char *stemmer;              /* the shards', so the merged index records it */
    tw_pathset files;           /* handed out by this build, across add_path calls */
    pthread_t *threads;
    unsigned running;           /* threads started */
    pthread_mutex_t mu;
    pthread_cond_t has_job, has_room;
    job queue[QUEUE_SLOTS];
    size_t head, count;
    bool closed;                /* no more jobs: workers leave once the queue is empty */
    inbox *inboxes;             /* one per worker, under mu */
    unsigned busy;              /* workers on a file: it may send them articles */
    trawl_status failed;        /* the first failure of a worker, or TRAWL_OK */
    bool cut_short;             /* a walk was stopped: the files past it are not in */
};

/* Records ST as the build's first failure, if it is one (an interrupt is not),
 * and wakes whoever waits on the queues.  Here, not in bulk.c: bulk_route.c
 * uses it too, and calls nothing in bulk.c, which is above it. */
static inline void tw_bulk_fail(tw_bulk *b, trawl_status st)
{
    if (st == TRAWL_OK || st == TRAWL_EINTR)
        return;
    pthread_mutex_lock(&b->mu);
    if (b->failed == TRAWL_OK)
        b->failed = st;
    pthread_cond_signal(&b->has_room);
    pthread_cond_broadcast(&b->has_job);
    pthread_mutex_unlock(&b->mu);
}

/* With MU held: if LANE's inbox holds an article, writes it (MU is released
 * meanwhile) and returns true. */
bool tw_bulk_take_locked(tw_bulk *b, tw_lane *lane);

#endif
