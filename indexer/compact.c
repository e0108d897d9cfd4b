/* compact.c - compacting an index that runs have made sparse (compact.h).
 *
 * Each run that deletes or moves articles leaves their room in Xapian's
 * B-trees, which later runs fill only in part: a news folder indexed after
 * each of 212 batches of 200 days (additions, edits, deletions, months moved
 * and gzipped; bench/RESULTS.md) grew to 219 MB where a fresh build of the
 * same folder took 92, and searches read 15% more.  Xapian's compaction
 * gave the 92 MB back in 0.9 s.  The document numbers Xapian hands out tell
 * how much was deleted at no cost (writer.h: tw_writer_deleted). */
#include <stdlib.h>
#include <string.h>

#include "compact.h"
#include "store/writer.h"

static void tell_step(void *ctx, const char *step)
{
    tw_ix_progress(ctx, NULL, step);
}

trawl_status tw_ix_compact_if_sparse(trawl_indexer *ix, bool *compacted)
{
    *compacted = false;
    uint64_t articles, deleted;
    trawl_status st = tw_writer_deleted(ix->writer, &articles, &deleted, ix->errmsg,
                                        sizeof ix->errmsg);
    if (st != TRAWL_OK || deleted < TW_COMPACT_DELETED_MIN || deleted <= articles)
        return st;
    char *gen = tw_store_new_path(&ix->store, "gen");
    if (!gen)
        return TRAWL_ENOMEM;
    /* Xapian compacts a database no writer has open; the store's lock
     * keeps other writers out meanwhile. */
    tw_writer_close(ix->writer);
    ix->writer = ix->lane.writer = NULL;
    const char *current = ix->store.current;
    st = tw_writer_merge(&current, 1, gen, "compacting the index", tell_step, ix, ix->errmsg,
                         sizeof ix->errmsg);
    if (st == TRAWL_OK)
        st = tw_store_switch(&ix->store, gen, ix->errmsg, sizeof ix->errmsg);
    if (st != TRAWL_OK)
        tw_store_remove(gen);
    free(gen);
    *compacted = st == TRAWL_OK;
    /* On the new generation, or on the one that stayed. */
    char keep[sizeof ix->errmsg];
    memcpy(keep, ix->errmsg, sizeof keep);
    trawl_status o = tw_writer_open(ix->store.current, ix->store.dir, NULL, TW_OPEN_EXISTING,
                                    &ix->writer, ix->errmsg, sizeof ix->errmsg);
    if (st != TRAWL_OK)
        memcpy(ix->errmsg, keep, sizeof keep);
    ix->lane.writer = ix->writer;
    if (st == TRAWL_OK && o == TRAWL_OK)
        o = tw_writer_compacted(ix->writer, ix->errmsg, sizeof ix->errmsg);
    return st != TRAWL_OK ? st : o;
}
