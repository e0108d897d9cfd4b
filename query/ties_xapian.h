/* ties_xapian.h - hits of equal score in an order no build changes.
 *
 * Xapian ranks hits of equal score by docid, the order the articles were
 * indexed in, and that order is not the collection's: a parallel build
 * writes whichever file a worker finishes first, an index grown run by run
 * numbers a folder's files in the order they came, and shards interleave.
 * Short articles tie often (BM25 takes every length under half the mean as
 * that length): of Reuters' 500 bench queries, 37 gave another first ten
 * after a build with -j 1 than after one with -j 2.  The groups of equal
 * score on a page are put in the order of a hash of each one's record and
 * text (TW_SLOT_HASH: its id, title... and body), which is the article's
 * own: the same however the index was built (a folder given under another
 * name has other ids, and its ties another order).
 * By date (newest first, then by score), hits tie when of one date and
 * one score: Xapian's order among them was the docid's too, over shards as
 * in one index ('yen dollar' by date: three stories of 1987-03-27 at one
 * score came in another order over shards than in one index).
 * (Asking Xapian to rank by relevance and then
 * by that value cost every search 12-24% more instructions on linux-doc:
 * it reads the value of each match it weighs, where only the ties of a
 * page need it.) */
#ifndef TW_TIES_XAPIAN_H
#define TW_TIES_XAPIAN_H

#include <vector>
#include <xapian.h>

#include "ranking_xapian.h"

struct trawl_db;

/* The largest group of equal score put in order: a larger one stays in
 * docid order, on every page alike, so that pages still fit together (each
 * of its hits is a document read, over a remote shard a round trip). */
#define TW_TIES_GROUP_MAX 50

/* In each function below a group of equal score is one of equal score
 * and date when DATED, the match of a search by date, is not NULL (the
 * MSet each hit's TwRanked::at is a place in, whose sort keys are the
 * dates). */

/* Whether a group of equal score of RANKED that has a hit in [FROM, TO)
 * may go on outside RANKED: it starts RANKED and MORE_BEFORE (hits were
 * matched before it), or ends it and MORE_AFTER; and holds no more than
 * TW_TIES_GROUP_MAX hits of RANKED (a larger one stays as it is, whole or
 * not).  The search then matches it whole, with more hits around the
 * page. */
bool tw_ties_cut(const std::vector<TwRanked> &ranked, size_t from, size_t to, bool more_before,
                 bool more_after, const Xapian::MSet *dated);

/* Whether a group of equal score of RANKED (by relevance) that has a hit
 * in [FROM, TO) is one tw_order_ties leaves as it is: of more than
 * TW_TIES_GROUP_MAX hits, or going on outside RANKED (it starts RANKED
 * and MORE_BEFORE, or ends it and MORE_AFTER).  The search then matches
 * again with Xapian ordering hits of equal score by their hash
 * (TW_SLOT_HASH), as tw_order_ties does, however many they are. */
bool tw_ties_unordered(const std::vector<TwRanked> &ranked, size_t from, size_t to,
                       bool more_before, bool more_after);

/* [*LO, *HI): [FROM, TO) of RANKED with the groups of equal score at its
 * edges whole, those tw_order_ties puts in order (no larger than
 * TW_TIES_GROUP_MAX): which hits of them come onto the page is decided by
 * their hashes. */
void tw_ties_span(const std::vector<TwRanked> &ranked, size_t from, size_t to,
                  const Xapian::MSet *dated, size_t *lo, size_t *hi);

/* Orders by their hash the hits of each group of equal score of RANKED
 * (a stretch of a search's hits, by score) that has a hit in [FROM, TO),
 * the page.  A group that may go on outside RANKED (tw_ties_cut) is left as
 * it is, its other hits unmatched; so is a group of more than
 * TW_TIES_GROUP_MAX.
 * Each hit ordered has its document read for the hash and let go (a page
 * of many hits holds no documents: RECORDS_HELD), which DB's search_work
 * counts; but when SENT, the match, sent a hit's shown fields as its sort
 * key (over remote shards, a page without snippets), the hashes of such
 * hits are sent by one more match (tw_values_sent) instead. */
void tw_order_ties(const trawl_db *db, std::vector<TwRanked> &ranked, size_t from, size_t to,
                   bool more_before, bool more_after, const Xapian::MSet *dated,
                   const Xapian::MSet *sent = nullptr);

#endif
