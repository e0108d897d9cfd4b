/* compact.c - trawl_indexer_compact: the index rewritten into a new generation
 * with full blocks, for an index that has stopped changing (trawl.h).
 *
 * An index updated run by run grows: a day's articles land among the B-trees'
 * full blocks and split them.  Reuters as a news folder indexed day by day
 * (bench/months.py, 230 runs) ended at 247.5 MB against a fresh build's
 * 92.1 MB, and its searches read twice the blocks.  Compacting after every run was
 * tried and reverted: the next day's articles undid most of it (session 27 in
 * bench/RESULTS.md).  So compaction is asked for, once the index stops
 * changing, and made the way a bulk build ends: Xapian's compaction into a
 * new generation, made current by one rename of the stub. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "dir_bytes.h"
#include "indexer_internal.h"
#include "stub.h"

/* Whether the current generation is as a merge or a compaction made it,
 * in this run or an earlier one (tw_writer_compacted): a commit would only
 * stamp its time (each commit does), and the generation has its blocks
 * full.  The next --compact had rewritten a compacted index whole again,
 * for the few blocks each run's commit writes. */
static bool as_made_compact(trawl_indexer *ix)
{
    return ix->writer && !ix->lane.pending_articles && tw_writer_compacted(ix->writer);
}

/* Tells the step Xapian's compaction begins (none: only asked whether to
 * go on), unless trawl_indexer_interrupt asked to stop: then the
 * compaction stops at once, and the old generation stays current.  (Ctrl-C
 * had waited for the whole compaction, or for trawl-index's watchdog to end
 * the process, which left the half written generation on the disk until
 * the next run.  Stopped between two tables in this process, it left
 * Xapian's tables, their memory and open files, until the process ended:
 * it runs in a child process, which a stop ends.) */
static bool tell_unless_stopped(void *ctx, const char *step)
{
    trawl_indexer *ix = ctx;
    return !ix->interrupted && (!step || tw_ix_tell_step(ix, step));
}

/* The bytes of the current generation into *BYTES, or TRAWL_EIO saying
 * what to do.  Out of file descriptors, a compact index's size read as 0,
 * and trawl-index, which says nothing of a compaction of nothing, said
 * nothing at all, with exit 0. */
static trawl_status current_bytes(trawl_indexer *ix, uint64_t *bytes)
{
    if (tw_dir_bytes(ix->store.current, bytes) == 0)
        return TRAWL_OK;
    tw_ix_error(ix, "index %s cannot be read (%s: %s): %s", ix->store.path,
                strrchr(ix->store.current, '/') + 1, strerror(errno),
                tw_unreadable_file_advice(errno));
    return TRAWL_EIO;
}

trawl_status trawl_indexer_compact(trawl_indexer *ix, uint64_t *bytes_before,
                                   uint64_t *bytes_after)
{
    if (bytes_before)
        *bytes_before = 0;
    if (bytes_after)
        *bytes_after = 0;
    if (!ix)
        return TRAWL_EINVAL;
    if (tw_ix_extracting(ix)) {
        tw_ix_error(ix, "this indexer only extracts: it has no index to compact");
        return TRAWL_EINVAL;
    }
    /* What is pending goes into the index first (a bulk build in progress
     * is merged, which leaves a compact generation). */
    trawl_status st = as_made_compact(ix) ? TRAWL_OK : trawl_indexer_commit(ix);
    if (st != TRAWL_OK)
        return st;
    if (!ix->writer)
        return tw_ix_unwritable(ix);
    uint64_t before, after;
    if ((st = current_bytes(ix, &before)) != TRAWL_OK)
        return st;
    if (!as_made_compact(ix)) {
        /* The old generation is read by the compaction and removed by the
         * switch: its writer goes first. */
        tw_writer_close(ix->writer);
        ix->writer = ix->lane.writer = NULL;
        char *gen = tw_store_new_path(&ix->store, "gen");
        if (!gen)
            st = TRAWL_ENOMEM;
        if (st == TRAWL_OK) {
            const char *current = ix->store.current;
            st = tw_writer_merge_apart(&current, 1, gen, "compacting", tell_unless_stopped,
                                       ix, ix->errmsg, sizeof ix->errmsg);
        }
        st = tw_ix_switch(ix, gen, st);
        if (st == TRAWL_EINTR)
            ix->interrupted = 0;    /* the request is answered */
        if (st != TRAWL_OK)
            return st;
        ix->stats.compactions++;
    }
    if ((st = current_bytes(ix, &after)) != TRAWL_OK)
        return st;
    if (bytes_before)
        *bytes_before = before;
    if (bytes_after)
        *bytes_after = after;
    return TRAWL_OK;
}
