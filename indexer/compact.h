/* compact.h - compacting an index that runs have made sparse. */
#ifndef TW_COMPACT_H
#define TW_COMPACT_H

#include "indexer_internal.h"

/* Once more articles have been deleted from IX's index since its last
 * compaction than it holds (and at least TW_COMPACT_DELETED_MIN), compacts
 * it into a new generation, which replaces the current one in one rename,
 * and goes on writing there.  Call it after a commit.  *COMPACTED tells
 * whether it did. */
#define TW_COMPACT_DELETED_MIN 1000
TW_MUST_CHECK
trawl_status tw_ix_compact_if_sparse(trawl_indexer *ix, bool *compacted);

#endif
