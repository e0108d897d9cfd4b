/* indexer.c - trawl_indexer, the handle: open, add an article or a buffer,
 * remove, commit, close.  Cleaning and writing articles is in lane.c, walking
 * files in add_path.c, one file or buffer in index_file.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "trawl.h"
#include "bulk.h"
#include "index_file.h"
#include "indexer_internal.h"
#include "opts_size.h"
#include "schema.h"
#include "store/writer.h"

#define DEFAULT_MAX_FILE     (64ull << 20)
#define DEFAULT_MAX_INFLATED (256ull << 20)
#define DEFAULT_MAX_TEXT     (16ull << 20)
#define DEFAULT_BULK_MEMORY   (16ull << 20)
#define DEFAULT_UPDATE_MEMORY (64ull << 20)
#define DEFAULT_MAX_HTML     (16ull << 20)
#define DEFAULT_FILE_SECONDS 60
#define DEFAULT_MAX_MEMBERS  10000

/* mkdir -p of the parent of PATH, so a default location like
 * ~/.local/share/trawl/default works on first use. */
static int make_parents(const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        return -1;
    for (char *p = copy + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(copy, 0777) < 0 && errno != EEXIST) {
            free(copy);
            return -1;
        }
        *p = '/';
    }
    free(copy);
    return 0;
}

static unsigned online_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}

/* Refuses a run that would add to an index articles of another part of the
 * collection than those it holds (--shard changed or left out): its unchanged
 * files would keep the other part's articles, and its new ones bring theirs,
 * so that the index would hold neither part, and searched beside the other
 * shards count some articles twice.  An index written before the part was
 * recorded takes the run's.  Then records the run's part.  A run that names
 * no part of an index of a shard is refused only when it adds or removes
 * articles (tw_ix_part_named): compacting a shard asked for its --shard
 * again, which the index knows. */
static trawl_status check_part(trawl_indexer *ix)
{
    const char *had = tw_writer_kept(ix->writer, TW_META_PART);
    if (ix->fresh || !*had || strcmp(had, ix->part) == 0)
        return tw_writer_keep(ix->writer, TW_META_PART, ix->part, ix->errmsg,
                              sizeof ix->errmsg);
    if (!ix->opts.shards && strcmp(had, TW_PART_WHOLE) != 0) {
        ix->part_unnamed = strdup(had);
        return ix->part_unnamed ? TRAWL_OK : TRAWL_ENOMEM;
    }
    if (strcmp(had, TW_PART_WHOLE) == 0)
        tw_ix_error(ix, "index %s holds its whole collection, not shard %s of it: give no "
                    "shard to add to it, or " TW_REBUILD_PART "shard %s", ix->store.dir,
                    ix->part, ix->part);
    else
        tw_ix_error(ix, "index %s holds shard %s of its collection, not shard %s: give "
                    "shard %s to add to it, or " TW_REBUILD_PART "shard %s", ix->store.dir,
                    had, ix->part, had, ix->part);
    return TRAWL_EINVAL;
}

trawl_status tw_ix_part_named(trawl_indexer *ix)
{
    if (!ix->part_unnamed)
        return TRAWL_OK;
    tw_ix_error(ix, "index %s holds shard %s of its collection, not all of it: give "
                "shard %s to add to it, or " TW_REBUILD_PART "the whole collection",
                ix->store.dir, ix->part_unnamed, ix->part_unnamed);
    return TRAWL_EINVAL;
}

/* Refuses an index that is not ours, or of another schema, and reads which
 * stemmer it uses; then decides whether it is empty, so that a first add_path
 * may build it in bulk. */
static trawl_status open_current(trawl_indexer *ix)
{
    trawl_status st;
    if (!ix->store.current) {
        /* A new index: an empty first generation, so readers find an index. */
        char *gen = tw_store_new_path(&ix->store, "gen");
        if (!gen)
            return TRAWL_ENOMEM;
        st = tw_writer_open(gen, ix->store.dir, ix->opts.stemmer, TW_OPEN_NEW, &ix->writer, ix->errmsg,
                            sizeof ix->errmsg);
        ix->fresh = true;
        if (st == TRAWL_OK)
            st = check_part(ix);
        if (st == TRAWL_OK)
            st = tw_writer_commit(ix->writer, ix->errmsg, sizeof ix->errmsg);
        if (st == TRAWL_OK)
            st = tw_store_switch(&ix->store, gen, ix->errmsg, sizeof ix->errmsg);
        if (st != TRAWL_OK)
            tw_store_remove(gen);
        free(gen);
        return st;
    }
    /* Xapian 1.4 trusts its tables: bit flips in one can crash a commit
     * (glibc aborts on the heap they spoil), which no check of ours after
     * the fact can catch.  Its own check finds them first, at a cost. */
    if (ix->opts.check) {
        char why[512];
        st = tw_writer_check(ix->store.current, why, sizeof why);
        if (st == TRAWL_ECORRUPT) {
            tw_ix_error(ix, "index %s is damaged (%s); nothing was changed: rebuild it "
                        "from the articles", ix->store.dir, why);
            return st;
        }
        /* A check that could not run (no process or pipe to be had, its
         * child killed) found no damage: rebuilding would mend nothing. */
        if (st != TRAWL_OK) {
            tw_ix_error(ix, "index %s could not be checked (%s); nothing was changed: run "
                        "again, or without the check", ix->store.dir, why);
            return st;
        }
    }
    st = tw_writer_open(ix->store.current, ix->store.dir, ix->opts.stemmer, TW_OPEN_EXISTING,
                        &ix->writer, ix->errmsg,
                        sizeof ix->errmsg);
    if (st != TRAWL_OK)
        return st;
    st = tw_writer_is_empty(ix->writer, &ix->fresh, ix->errmsg, sizeof ix->errmsg);
    ix->resume = !ix->fresh &&
                 strcmp(tw_writer_kept(ix->writer, TW_META_BUILD), TW_BUILD_UNFINISHED) == 0;
    return st == TRAWL_OK ? check_part(ix) : st;
}

trawl_status trawl_indexer_open(const char *path, const trawl_indexer_opts *opts,
                                trawl_indexer **out)
{
    if (!out)
        return TRAWL_EINVAL;
    *out = NULL;
    trawl_indexer *ix = calloc(1, sizeof *ix);
    if (!ix)
        return TRAWL_ENOMEM;
    *out = ix;
    ix->store.fd = -1;
    pthread_mutex_init(&ix->mu, NULL);
    tw_take_opts(&ix->opts, sizeof ix->opts, TW_INDEXER_OPTS_FIRST, opts);
    if ((!path || !*path) && !tw_ix_extracting(ix)) {
        tw_ix_error(ix, "no index path given");
        return TRAWL_EINVAL;
    }
    if (ix->opts.shards && !(ix->opts.shard >= 1 && ix->opts.shard <= ix->opts.shards)) {
        tw_ix_error(ix, "shard %u of %u: the shard must be from 1 to %u", ix->opts.shard,
                    ix->opts.shards, ix->opts.shards);
        return TRAWL_EINVAL;
    }
    /* Each worker is a thread and a shard's open files: a count from a
     * program's settings gone wrong failed far later, for want of memory. */
    if (ix->opts.jobs > TRAWL_JOBS_MAX) {
        tw_ix_error(ix, "%u jobs: at most %d worker threads can be started", ix->opts.jobs,
                    TRAWL_JOBS_MAX);
        return TRAWL_EINVAL;
    }
    if (ix->opts.shards)
        snprintf(ix->part, sizeof ix->part, "%u/%u", ix->opts.shard, ix->opts.shards);
    else
        snprintf(ix->part, sizeof ix->part, "%s", TW_PART_WHOLE);
    if (!ix->opts.max_file_bytes)
        ix->opts.max_file_bytes = DEFAULT_MAX_FILE;
    if (!ix->opts.max_inflated_bytes)
        ix->opts.max_inflated_bytes = DEFAULT_MAX_INFLATED;
    if (!ix->opts.max_text_bytes)
        ix->opts.max_text_bytes = DEFAULT_MAX_TEXT;
    if (!ix->opts.max_html_bytes)
        ix->opts.max_html_bytes = DEFAULT_MAX_HTML;
    if (!ix->opts.max_members)
        ix->opts.max_members = DEFAULT_MAX_MEMBERS;
    if (!ix->opts.file_seconds)
        ix->opts.file_seconds = DEFAULT_FILE_SECONDS;
    if (!ix->opts.jobs)
        ix->opts.jobs = online_cores();
    if (ix->opts.stemmer) {
        if (!(ix->stemmer = strdup(ix->opts.stemmer)))
            return TRAWL_ENOMEM;
        ix->opts.stemmer = ix->stemmer;
    }
    if (tw_ix_extracting(ix)) {
        /* No index: nothing to create, lock or open; one lane, no writer. */
        ix->opts.jobs = 1;
        tw_lane_init(&ix->lane, ix, NULL, tw_ix_memory(ix, false));
        return TRAWL_OK;
    }
    /* Before anything is made: a refused stemmer left new folders behind,
     * and a lock file in them. */
    if (ix->opts.stemmer) {
        trawl_status known = tw_writer_stemmer_known(ix->opts.stemmer, ix->errmsg,
                                                     sizeof ix->errmsg);
        if (known != TRAWL_OK)
            return known;
    }
    if (make_parents(path) < 0) {
        tw_ix_error(ix, "cannot create the folders above index %s: %s", path, strerror(errno));
        return TRAWL_EIO;
    }
    trawl_status st = tw_store_open(&ix->store, path, ix->opts.overwrite, ix->errmsg, sizeof ix->errmsg);
    /* A rebuild replaces the current database whatever it holds: one that
     * trawl did not write is another program's data, and stays. */
    if (st == TRAWL_OK && ix->opts.overwrite && ix->store.current)
        st = tw_writer_check_ours(ix->store.current, ix->errmsg, sizeof ix->errmsg);
    if (st == TRAWL_OK && ix->opts.overwrite) {
        /* --full: the old index stays searchable until the new one replaces it. */
        ix->fresh = true;
        st = tw_bulk_begin(ix);
    } else if (st == TRAWL_OK) {
        st = open_current(ix);
    }
    tw_lane_init(&ix->lane, ix, ix->writer, tw_ix_memory(ix, false));
    return st;
}

uint64_t tw_ix_memory(const trawl_indexer *ix, bool bulk)
{
    if (ix->opts.memory_bytes)
        return ix->opts.memory_bytes;
    return bulk ? DEFAULT_BULK_MEMORY : DEFAULT_UPDATE_MEMORY;
}

const char *trawl_indexer_errmsg(const trawl_indexer *ix)
{
    return ix ? ix->errmsg : "no indexer (it could not be allocated)";
}

trawl_status trawl_indexer_stats_get(const trawl_indexer *ix, trawl_indexer_stats *stats,
                                     size_t size)
{
    if (!stats || size < TW_INDEXER_STATS_FIRST)
        return TRAWL_EINVAL;
    trawl_indexer_stats all = { 0 };    /* zero on failure, as trawl.h says */
    if (ix) {
        all = ix->stats;
        tw_stats_add(&all, &ix->lane.stats);
    }
    tw_give_struct(stats, size, &all, sizeof all);
    return ix ? TRAWL_OK : TRAWL_EINVAL;
}

/* The indexer's own writer, ready for changes: a bulk build in progress is merged
 * first, since what comes now must replace what it wrote. */
static trawl_status own_writer(trawl_indexer *ix)
{
    /* What is written now is in the current generation: a later bulk build
     * would replace it, so there will be none (one that goes on from a
     * stopped one adds to it, and may still come). */
    ix->fresh = false;
    ix->asked = true;
    if (tw_ix_extracting(ix))
        return TRAWL_OK;
    trawl_status st = tw_ix_part_named(ix);
    if (st != TRAWL_OK)
        return st;
    if (!ix->bulk)
        return ix->writer ? TRAWL_OK : tw_ix_unwritable(ix);
    st = tw_bulk_end(ix);
    ix->lane.writer = ix->writer;
    return st;
}

trawl_status tw_ix_switch(trawl_indexer *ix, char *gen, trawl_status st)
{
    if (st == TRAWL_OK)
        st = tw_store_switch(&ix->store, gen, ix->errmsg, sizeof ix->errmsg);
    if (st != TRAWL_OK && gen)
        tw_store_remove(gen);
    free(gen);
    char keep[sizeof ix->errmsg];
    memcpy(keep, ix->errmsg, sizeof keep);
    if (ix->store.current) {
        trawl_status o = tw_writer_open(ix->store.current, ix->store.dir, NULL, TW_OPEN_EXISTING,
                                        &ix->writer, ix->errmsg, sizeof ix->errmsg);
        if (st == TRAWL_OK)
            st = o;
        else
            memcpy(ix->errmsg, keep, sizeof keep);
    }
    ix->lane.writer = ix->writer;
    return st;
}

bool tw_ix_tell_step(void *ctx, const char *step)
{
    tw_ix_progress(ctx, NULL, step);
    return true;
}

trawl_status trawl_indexer_commit(trawl_indexer *ix)
{
    if (!ix)
        return TRAWL_EINVAL;
    if (tw_ix_extracting(ix))
        return TRAWL_OK;        /* nothing is written, so nothing to commit */
    if (!tw_ix_writable(ix))
        return tw_ix_unwritable(ix);
    if (ix->bulk)
        return own_writer(ix);
    if (!ix->asked)
        return TRAWL_OK;
    trawl_status st = tw_lane_commit(&ix->lane);
    return st == TRAWL_OK ? st : tw_lane_fail(&ix->lane, st);
}

trawl_status trawl_indexer_close(trawl_indexer *ix)
{
    if (!ix)
        return TRAWL_OK;
    trawl_status st = TRAWL_OK;
    if (ix->writer || ix->bulk)
        st = trawl_indexer_commit(ix);
    tw_writer_close(ix->writer);
    tw_lane_free(&ix->lane);
    tw_store_close(&ix->store);
    pthread_mutex_destroy(&ix->mu);
    free(ix->stemmer);
    free(ix->part_unnamed);
    free(ix->base);
    free(ix->roots);
    free(ix);
    return st;
}

trawl_status trawl_indexer_add_article(trawl_indexer *ix, const trawl_article *article)
{
    trawl_article a;    /* the fields the caller's size holds; the others NULL */
    tw_take_opts(&a, sizeof a, TW_ARTICLE_FIRST, article);
    if (!ix || !a.id || !*a.id) {
        if (ix)
            tw_ix_error(ix, "an article needs a non-empty id");
        return TRAWL_EINVAL;
    }
    if (!tw_ix_in_shard(ix, a.id))
        return TRAWL_OK;
    trawl_status st = own_writer(ix);
    if (st != TRAWL_OK)
        return st;
    st = tw_ix_add_article(&ix->lane, &a, NULL);
    tw_lane_report(&ix->lane, NULL);
    return st;
}

trawl_status trawl_indexer_add_buffer(trawl_indexer *ix, const char *name, const void *data,
                                      size_t len)
{
    if (!ix || !name || !*name || (!data && len)) {
        if (ix)
            tw_ix_error(ix, "a buffer needs a non-empty name, and its bytes");
        return TRAWL_EINVAL;
    }
    trawl_status st = own_writer(ix);
    if (st != TRAWL_OK)
        return st;
    st = tw_lane_index_buffer(&ix->lane, name, data ? data : "", len);
    if (st == TRAWL_EFORMAT) {
        pthread_mutex_lock(&ix->mu);
        char why[sizeof ix->last_warning];
        memcpy(why, ix->last_warning, sizeof why);
        pthread_mutex_unlock(&ix->mu);
        tw_ix_error(ix, "%s: %s", name, why);
    }
    return st;
}

trawl_status trawl_indexer_remove(trawl_indexer *ix, const char *id)
{
    if (!ix || !id || !*id) {
        if (ix)
            tw_ix_error(ix, "no article id given");
        return TRAWL_EINVAL;
    }
    if (tw_ix_extracting(ix)) {
        tw_ix_error(ix, "this indexer only extracts (on_extract): it has no index to "
                    "remove %s from", id);
        return TRAWL_EINVAL;
    }
    trawl_status st = own_writer(ix);
    if (st != TRAWL_OK)
        return st;
    st = tw_writer_remove(ix->writer, id, ix->errmsg, sizeof ix->errmsg);
    if (st == TRAWL_OK) {
        ix->stats.articles_removed++;
        ix->lane.pending_articles++;
    }
    return st;
}

void trawl_indexer_interrupt(trawl_indexer *ix)
{
    if (ix)
        ix->interrupted = 1;
}
