/* story_shown_xapian.h - which of a story's exact copies stands for it on a
 * page of hits. */
#ifndef TW_STORY_SHOWN_XAPIAN_H
#define TW_STORY_SHOWN_XAPIAN_H

#include <string>
#include <xapian.h>

#include "db_xapian.h"
#include "ranking_xapian.h"

/* Folding keeps of each story the copy that scores best; of copies that
 * score the same, Xapian keeps the first in docid order, which is the order
 * they were indexed in: a parallel build, a folder grown run by run, or
 * shards gave the same story another face (path, id, url) from one index
 * to the next.  HIT, a hit of READY that stands for the story KEY, becomes
 * its exact copy first by hash (TW_SLOT_HASH, of its id and text), the
 * order hits of equal score are shown in (ties_xapian.h).  An exact copy,
 * which READY matches and weighs as it does HIT, has HIT's signature, its
 * words each as many times, READY's other terms, its words in the same
 * places when READY looks at places, and its date when READY or the page
 * (BY_DATE) does.  Returns whether HIT changed (its docid; its document and
 * topic words let go).  Throws what Xapian throws. */
bool tw_story_shown(const trawl_db *db, const Xapian::Query &ready, TwBm25 bm25,
                    const std::string &key, bool by_date, double weight, TwRanked &hit);

#endif
