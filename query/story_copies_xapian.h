/* story_copies_xapian.h - the other copies of a hit's story, which a folding
 * search lists with the hit (indexer/store/stories_xapian.h says how the
 * indexer links them). */
#ifndef TW_STORY_COPIES_XAPIAN_H
#define TW_STORY_COPIES_XAPIAN_H

#include <string>
#include <vector>

#include "db_xapian.h"
#include "ranking_xapian.h"

/* Ids listed per hit of the near-copies folded into it. */
#define TW_DUPLICATES_MAX 20

/* The ids of the copies of the story with KEY other than HIT, in id order:
 * the first TW_DUPLICATES_MAX by docid (trawl_hit.duplicates), sorted, so
 * the same list whichever worker indexed which copy as long as a story has
 * no more copies than that.  *ALL gets their number.  Copies were linked through shared band
 * terms, so following bands from the hit reaches the whole story, each
 * article's bands made from its signature (a value).  Over a remote shard
 * HIT's document is read (and kept) for it.  DB's search_work counts the
 * documents read. */
std::vector<std::string> tw_story_copies(const trawl_db *db, const std::string &key,
                                         TwRanked &hit, size_t *all);

#endif
