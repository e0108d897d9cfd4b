/* bulk.c - building a fresh index in parallel.  Each worker thread reads,
 * extracts and writes whole files into a shard of its own (a glass database in
 * the index folder; a new one every SHARD_TEXT_MAX of text); at the end Xapian's compaction merges the shards into a new
 * generation of the index, which replaces the current one in one step (store.h).
 *
 * Why: Xapian allows one writer per database, and its inverter, not extraction,
 * is where indexing spends its time (bench/RESULTS.md); shards give each core an
 * inverter of its own, and the merge leaves one compact database, which searches
 * faster than several.  Only a fresh (or --full) index is built this way: in an
 * existing index a changed file must replace its articles in place, which the
 * indexer's single writer does.  An index that a stopped bulk build left
 * (TW_META_BUILD) goes on in bulk: its writer stays open beside the shards,
 * for the files it knows (the one or two a worker was on when it stopped
 * may have changed, or be half done), the new ones go to the workers, and
 * the merge takes it first, then the shards.  Going on with the single
 * writer took twice as long on two (busy) cores: linux-doc stopped at 6,400
 * of its 8,827 articles went on in 24.5 s (13.6 s of CPU), in bulk in 12.4 s
 * (8.2 s); Reuters stopped at 9,000-10,000 of 21,578, 27.9 s against 20.3.
 *
 * Threads: the caller's thread walks and hands files out through a small queue;
 * workers only touch their own lane, and ix->stats, ix->errmsg and the callbacks
 * under ix->mu.  The articles of a small file go to the shard of the worker
 * that took the file; those of a big one are shared out by id (bulk_route.c).
 * Article ids start with the file's path, and an id within a file always goes
 * to the same worker, so no id is in two shards. */
#include <stdio.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>

#include "bulk.h"
#include "bulk_internal.h"
#include "index_file.h"
#include "schema.h"

static void free_bulk(tw_bulk *b)
{
    for (unsigned k = 0; k < b->n; k++) {
        tw_writer_close(b->writers[k]);
        tw_lane_free(&b->lanes[k]);
    }
    for (size_t i = 0; i < b->n_paths; i++) {
        tw_store_remove(b->paths[i]);
        free(b->paths[i]);
    }
    tw_pathset_clear(&b->files);
    pthread_mutex_destroy(&b->mu);
    pthread_cond_destroy(&b->has_job);
    pthread_cond_destroy(&b->has_room);
    free(b->paths);
    free(b->writers);
    free(b->lanes);
    free(b->threads);
    free(b->inboxes);
    free(b->stemmer);
    free(b);
}

trawl_status tw_bulk_begin(trawl_indexer *ix)
{
    tw_bulk *b = calloc(1, sizeof *b);
    if (!b)
        return TRAWL_ENOMEM;
    pthread_mutex_init(&b->mu, NULL);
    pthread_cond_init(&b->has_job, NULL);
    pthread_cond_init(&b->has_room, NULL);
    b->n = (unsigned)ix->opts.jobs;
    b->cap_paths = b->n;
    b->paths = calloc(b->cap_paths, sizeof *b->paths);
    b->writers = calloc(b->n, sizeof *b->writers);
    b->lanes = calloc(b->n, sizeof *b->lanes);
    b->threads = calloc(b->n, sizeof *b->threads);
    b->inboxes = calloc(b->n, sizeof *b->inboxes);
    /* An empty index may have been made with --stem: its stemmer carries on. */
    const char *stemmer = ix->opts.stemmer ? ix->opts.stemmer
                        : ix->writer ? tw_writer_stemmer(ix->writer) : TW_STEM_BY_LANGUAGE;
    b->stemmer = strdup(stemmer);
    if (!b->paths || !b->writers || !b->lanes || !b->threads || !b->inboxes || !b->stemmer) {
        b->n = 0;
        free_bulk(b);
        return TRAWL_ENOMEM;
    }
    trawl_status st = TRAWL_OK;
    /* --memory bounds them all together: the workers, and the writer of
     * the current generation when it carries on beside them. */
    uint64_t share = tw_ix_memory(ix, true) / (b->n + ix->resume);
    for (unsigned k = 0; k < b->n && st == TRAWL_OK; k++) {
        if (!(b->paths[k] = tw_store_new_path(&ix->store, "build")))
            st = TRAWL_ENOMEM;
        else
            st = tw_writer_open(b->paths[k], ix->store.dir, b->stemmer, TW_OPEN_SCRATCH,
                                &b->writers[k], ix->errmsg,
                                sizeof ix->errmsg);
        b->n_paths = k + 1;
        tw_lane_init(&b->lanes[k], ix, b->writers[k], share);
    }
    if (st != TRAWL_OK) {
        free_bulk(b);
        return st;
    }
    /* The shards replace the current generation's writer until the merge;
     * going on from a stopped build, the shards add to it. */
    if (ix->resume) {
        ix->lane.memory_limit = share;
    } else {
        tw_writer_close(ix->writer);
        ix->writer = ix->lane.writer = NULL;
    }
    ix->bulk = b;
    return TRAWL_OK;
}

/* Commits LANE's shard and gives the lane a new, empty one. */
static trawl_status next_shard(tw_bulk *b, tw_lane *lane)
{
    trawl_status st = tw_lane_commit(lane);
    if (st != TRAWL_OK)
        return tw_lane_fail(lane, st);
    unsigned k = (unsigned)(lane - b->lanes);
    pthread_mutex_lock(&b->mu);
    char *path = NULL;
    if (b->n_paths == b->cap_paths) {
        char **more = realloc(b->paths, 2 * b->cap_paths * sizeof *more);
        if (more) {
            b->paths = more;
            b->cap_paths *= 2;
        }
    }
    if (b->n_paths < b->cap_paths && (path = tw_store_new_path(&lane->ix->store, "build")))
        b->paths[b->n_paths++] = path;
    pthread_mutex_unlock(&b->mu);
    if (!path) {
        snprintf(lane->errmsg, sizeof lane->errmsg, "out of memory");
        return tw_lane_fail(lane, TRAWL_ENOMEM);
    }
    tw_writer *w;
    st = tw_writer_open(path, lane->ix->store.dir, b->stemmer, TW_OPEN_SCRATCH, &w, lane->errmsg,
                        sizeof lane->errmsg);
    if (st != TRAWL_OK)
        return tw_lane_fail(lane, st);
    tw_writer_close(b->writers[k]);
    b->writers[k] = lane->writer = w;
    lane->shard_text = 0;
    return TRAWL_OK;
}

static void *work(void *arg)
{
    tw_lane *lane = arg;
    trawl_indexer *ix = lane->ix;
    tw_bulk *b = ix->bulk;
    for (;;) {
        pthread_mutex_lock(&b->mu);
        /* Articles sent by other workers first: their senders wait for them. */
        for (;;) {
            if (tw_bulk_take_locked(b, lane)) {
                if (lane->shard_text >= SHARD_TEXT_MAX) {
                    pthread_mutex_unlock(&b->mu);
                    tw_bulk_fail(b, next_shard(b, lane));
                    pthread_mutex_lock(&b->mu);
                }
                continue;
            }
            /* Stay while another worker is on a file: it may send articles. */
            if (b->count || (b->closed && !b->busy))
                break;
            pthread_cond_wait(&b->has_job, &b->mu);
        }
        if (!b->count) {
            pthread_mutex_unlock(&b->mu);
            tw_lane_report(lane, NULL);     /* articles others sent, counted */
            return NULL;
        }
        job j = b->queue[b->head];
        b->head = (b->head + 1) % QUEUE_SLOTS;
        b->count--;
        b->busy++;
        pthread_cond_signal(&b->has_room);
        bool skip = b->failed != TRAWL_OK || ix->interrupted;
        pthread_mutex_unlock(&b->mu);

        trawl_status st = skip ? TRAWL_OK : tw_lane_index_file(lane, j.path, &j.st, NULL);
        free(j.path);
        if (st == TRAWL_OK && lane->shard_text >= SHARD_TEXT_MAX)
            st = next_shard(b, lane);
        tw_bulk_fail(b, st);
        pthread_mutex_lock(&b->mu);
        b->busy--;
        pthread_cond_broadcast(&b->has_job);
        pthread_mutex_unlock(&b->mu);
    }
}

trawl_status tw_bulk_start_workers(trawl_indexer *ix)
{
    tw_bulk *b = ix->bulk;
    b->closed = false;
    for (; b->running < b->n; b->running++)
        if (pthread_create(&b->threads[b->running], NULL, work, &b->lanes[b->running])) {
            tw_ix_error(ix, "cannot start a worker thread");
            /* Those started are stopped; what one of them met is not why
             * the build fails. */
            TW_IGNORE(tw_bulk_stop_workers(ix));
            return TRAWL_ENOMEM;
        }
    return TRAWL_OK;
}

trawl_status tw_bulk_put(trawl_indexer *ix, const char *path, const struct stat *st)
{
    tw_bulk *b = ix->bulk;
    if (tw_pathset_has(&b->files, path)) {
        ix->lane.stats.files_seen++;
        ix->lane.stats.files_unchanged++;      /* named twice: indexed once */
        return TRAWL_OK;
    }
    job j = { strdup(path), *st };
    if (!j.path || tw_pathset_add(&b->files, path) < 0) {
        free(j.path);
        tw_ix_error(ix, "out of memory");
        return TRAWL_ENOMEM;
    }
    pthread_mutex_lock(&b->mu);
    while (b->count == QUEUE_SLOTS && b->failed == TRAWL_OK)
        pthread_cond_wait(&b->has_room, &b->mu);
    trawl_status failed = b->failed;
    if (failed == TRAWL_OK) {
        b->queue[(b->head + b->count) % QUEUE_SLOTS] = j;
        b->count++;
        /* Broadcast: workers sending articles wait on has_job too. */
        pthread_cond_broadcast(&b->has_job);
    }
    pthread_mutex_unlock(&b->mu);
    if (failed != TRAWL_OK)
        free(j.path);
    tw_lane_report(&ix->lane, NULL);
    return failed;
}

trawl_status tw_bulk_stop_workers(trawl_indexer *ix)
{
    tw_bulk *b = ix->bulk;
    pthread_mutex_lock(&b->mu);
    b->closed = true;
    pthread_cond_broadcast(&b->has_job);
    pthread_mutex_unlock(&b->mu);
    for (unsigned k = 0; k < b->running; k++)
        pthread_join(b->threads[k], NULL);
    b->running = 0;
    return b->failed;
}

void tw_bulk_cut_short(trawl_indexer *ix)
{
    ix->bulk->cut_short = true;
}

/* Links the near-copies of each story among the articles of the N shards
 * PATHS, in the database their merge will make, writing the keys into the
 * shards: linked in the merged database, they rewrote its documents, whose
 * split blocks then took a second compaction of the whole index (full
 * Reuters' text files, -j 2: 0.75 s of the 2.15 s the end took). */
static trawl_status link_parts(trawl_indexer *ix, char *const *paths, size_t n)
{
    tw_writer **parts = calloc(n, sizeof *parts);
    if (!parts)
        return TRAWL_ENOMEM;
    trawl_status st = TRAWL_OK;
    for (size_t i = 0; i < n && st == TRAWL_OK; i++)
        st = tw_writer_open(paths[i], ix->store.dir, NULL, TW_OPEN_EXISTING, &parts[i],
                            ix->errmsg, sizeof ix->errmsg);
    uint64_t linked = 0;
    if (st == TRAWL_OK) {
        tw_ix_tell_step(ix, "linking near-copies of a story");
        st = tw_writer_link_parts(parts, n, &linked, ix->errmsg, sizeof ix->errmsg);
    }
    for (size_t i = 0; i < n; i++)
        tw_writer_close(parts[i]);
    free(parts);
    return st;
}

/* The shards could not see each other's articles: an id written twice (into
 * two shards of one worker) keeps its last copy, near-copies of a story are
 * found (unless LINKED, in the shards already: link_parts) and the spelling
 * blocks built, in the merged database, before readers can see it.
 * CUT_SHORT: the build was stopped.  *REWRITTEN tells whether documents
 * were changed in place. */
static trawl_status link_stories(trawl_indexer *ix, const char *gen, bool cut_short,
                                 bool linked_already, bool *rewritten)
{
    tw_writer *w;
    trawl_status st = tw_writer_open(gen, ix->store.dir, NULL, TW_OPEN_EXISTING, &w, ix->errmsg,
                                     sizeof ix->errmsg);
    uint64_t linked = 0, doubled = 0, learnt = 0;
    /* The new index holds the part of the collection this run asked for,
     * named from the folder it ran in and the PATHs it was given. */
    if (st == TRAWL_OK)
        st = tw_writer_keep(w, TW_META_PART, ix->part, ix->errmsg, sizeof ix->errmsg);
    if (st == TRAWL_OK && ix->base)
        st = tw_writer_keep(w, TW_META_BASE, ix->base, ix->errmsg, sizeof ix->errmsg);
    if (st == TRAWL_OK && ix->roots)
        st = tw_writer_keep(w, TW_META_ROOTS, ix->roots, ix->errmsg, sizeof ix->errmsg);
    /* A stopped build is said to be, so that the next run goes on in bulk;
     * a finished one clears what a stopped one it went on from said. */
    if (st == TRAWL_OK)
        st = tw_writer_keep(w, TW_META_BUILD, cut_short ? TW_BUILD_UNFINISHED : "",
                            ix->errmsg, sizeof ix->errmsg);
    if (st == TRAWL_OK) {
        tw_ix_tell_step(ix, "finding ids written twice");
        st = tw_writer_dedupe(w, &doubled, ix->errmsg, sizeof ix->errmsg);
    }
    if (st == TRAWL_OK && !linked_already) {
        tw_ix_tell_step(ix, "linking near-copies of a story");
        st = tw_writer_link_stories(w, &linked, ix->errmsg, sizeof ix->errmsg);
    }
    if (st == TRAWL_OK) {
        tw_ix_tell_step(ix, "learning the sites' title tails");
        st = tw_writer_learn_tails(w, &learnt, ix->errmsg, sizeof ix->errmsg);
    }
    /* Always: the commit builds the spelling blocks from the merged
     * vocabulary (the shards wrote none, and the blocks of an index the
     * build went on from miss their words). */
    if (st == TRAWL_OK) {
        tw_ix_tell_step(ix, "building the spelling index");
#ifdef __GLIBC__
        /* What linking held (each article's signature, read once) is free
         * but kept in this thread's heap, which the threads below, each
         * with a heap of its own, would not reuse: given back, the 1 GB
         * build's spelling step peaks at 231 MiB, where it went on from
         * linking's 237 to 284. */
        malloc_trim(0);
#endif
        /* The workers are done: their threads pack the blocks. */
        tw_writer_spell_whole(w, ix->opts.jobs);
        st = tw_writer_commit(w, ix->errmsg, sizeof ix->errmsg);
    }
    tw_writer_close(w);
    *rewritten = linked || doubled;
    return st;
}

trawl_status tw_bulk_end(trawl_indexer *ix)
{
    tw_bulk *b = ix->bulk;
    ix->bulk = NULL;
    ix->fresh = ix->resume = false;
    trawl_status st = TRAWL_OK;
    /* Going on from a stopped build, the current generation is merged
     * first: what its writer did (files it knew, read again; files gone)
     * is committed, and it is closed, as the shards are. */
    bool add_to_current = ix->writer != NULL;
    if (add_to_current) {
        st = tw_lane_commit(&ix->lane);
        if (st != TRAWL_OK)
            st = tw_lane_fail(&ix->lane, st);
        tw_writer_close(ix->writer);
        ix->writer = ix->lane.writer = NULL;
        ix->lane.memory_limit = tw_ix_memory(ix, false);
    }
    for (unsigned k = 0; k < b->n; k++) {
        trawl_status c = tw_lane_commit(&b->lanes[k]);
        if (c != TRAWL_OK && st == TRAWL_OK)
            st = tw_lane_fail(&b->lanes[k], c);
        tw_lane_report(&b->lanes[k], NULL);
        tw_writer_close(b->writers[k]);
        b->writers[k] = NULL;
    }
    /* A rebuild (--full) that failed half-way must not replace a whole index. */
    if (st == TRAWL_OK && b->failed != TRAWL_OK && ix->opts.overwrite)
        st = b->failed;
    char *gen = NULL;
    bool rewritten = false;
    if (st == TRAWL_OK && !(gen = tw_store_new_path(&ix->store, "gen")))
        st = TRAWL_ENOMEM;
    /* A single shard (one worker, and less text than SHARD_TEXT_MAX) with
     * no generation to go on from holds the whole index: its near-copies are
     * linked and its spelling index built in the shard itself, and one
     * compaction makes the generation, with the documents and blocks the
     * merge would have made.  Linking after the merge cost a second
     * compaction whenever it rewrote documents: 16% of the instructions of
     * -j 1 over Reuters' first 2,000 text files. */
    bool alone = b->n_paths == 1 && !add_to_current;
    if (st == TRAWL_OK && alone)
        st = link_stories(ix, b->paths[0], b->cut_short, false, &rewritten);
    /* Several shards, and no generation to go on from (which readers may be
     * reading: it is not written): their near-copies are linked in them
     * before the merge (link_parts). */
    bool parted = b->n_paths > 1 && !add_to_current;
    if (st == TRAWL_OK && parted)
        st = link_parts(ix, b->paths, b->n_paths);
    /* The current generation first: an id both in it and in a shard (it
     * cannot be, as only files it does not know go to the workers) would
     * keep the shard's, the later copy. */
    const char **sources = NULL;
    size_t n_sources = b->n_paths + add_to_current;
    if (st == TRAWL_OK && !(sources = malloc(n_sources * sizeof *sources)))
        st = TRAWL_ENOMEM;
    if (st == TRAWL_OK) {
        if (add_to_current)
            sources[0] = ix->store.current;
        for (size_t i = 0; i < b->n_paths; i++)
            sources[add_to_current + i] = b->paths[i];
        st = tw_writer_merge(sources, n_sources, gen,
                             alone ? "compacting" : "merging the workers' parts", tw_ix_tell_step,
                             ix, ix->errmsg, sizeof ix->errmsg);
    }
    free(sources);
    if (st == TRAWL_OK && !alone)
        st = link_stories(ix, gen, b->cut_short, parted, &rewritten);
    /* Documents changed in place split the B-tree blocks that held them, in
     * every table: the merge's full blocks came out a quarter empty (Reuters,
     * where many articles have copies; their stored text's value chunks
     * most).  Compacting once more takes under a second per 100 MB. */
    if (st == TRAWL_OK && rewritten && !alone) {
        char *linked = gen;
        if (!(gen = tw_store_new_path(&ix->store, "gen")))
            st = TRAWL_ENOMEM;
        else
            st = tw_writer_merge((const char *const *)&linked, 1, gen, "compacting",
                                 tw_ix_tell_step, ix, ix->errmsg, sizeof ix->errmsg);
        tw_store_remove(linked);
        free(linked);
    }
    /* From here on (or after a failure, on the generation that stayed) the
     * single writer carries on. */
    st = tw_ix_switch(ix, gen, st);
    free_bulk(b);
    return st;
}
