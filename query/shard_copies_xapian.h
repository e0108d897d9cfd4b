/* shard_copies_xapian.h - the copies of a story that different shards of a
 * union hold.  Each index links its own articles into stories (the key a
 * search collapses on, TW_SLOT_STORY); to it a copy in another index is
 * another story, and was another hit: a third of the first pages of
 * Reuters split into three shards showed a story twice or ranked otherwise
 * than one index.  Among the first hits a search folds each such copy into
 * the one ranked before it, by the rule the indexer links copies by. */
#ifndef TW_SHARD_COPIES_XAPIAN_H
#define TW_SHARD_COPIES_XAPIAN_H

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>
#include <xapian.h>

#include "db_xapian.h"
#include "ranking_xapian.h"

/* What folding read of a hit: its member, signature and date. */
struct TwCopyRead;

/* A search's folding across members. */
struct TwShardCopies {
    /* The hits folded into each hit that stands, by its place in the MSet
     * (TwRanked::at, which stays when another copy of its story is shown). */
    std::map<Xapian::doccount, std::vector<TwRanked>> folded;
    /* What was read of each hit looked at, by docid: feedback's first hits
     * are looked at again for the page. */
    std::map<Xapian::docid, std::shared_ptr<TwCopyRead>> read;
};

/* Folds each hit of RANKED (hits of DB's union by rank, the first at rank
 * 0) that the indexer would have linked to a hit ranked before it in
 * another member of the union (tw_story_pair) into that hit, until WANT
 * hits stand or RANKED ends, and with GROUP_END on through the group of
 * equal score that the WANT-th hit cuts (up to TW_TIES_GROUP_MAX hits
 * more): the hit leaves RANKED for COPIES.folded.
 * Each hit looked at has its date read (from the shown fields SENT, the
 * match, sent as its sort key, when not NULL; else on a local shard with
 * its signature from the shard's values walked once, and from its
 * document elsewhere, read from remote shards side by side), and its
 * signature when a hit of another member is dated near it, into COPIES.read; DB's search_work counts the
 * documents.  Nothing folds in a union of one member. */
void tw_fold_shard_copies(const trawl_db *db, std::vector<TwRanked> &ranked, size_t want,
                          const Xapian::MSet *sent, TwShardCopies &copies, bool group_end);

/* The number of hits COPIES holds folded into others. */
size_t tw_shard_copies_folded(const TwShardCopies &copies);

/* Of each hit of RANKED[FROM, TO) and the hits folded into it of equal
 * score in the first ranking (MSET's), and BY_DATE of one date, each first
 * made the copy of its own index's story that SHOWN makes it (the one
 * first by hash of its copies that rank alike, tw_story_shown), the one
 * first by hash stands, as in one index, with the hit's score. */
void tw_shard_copies_first(const trawl_db *db, const Xapian::MSet &mset, bool by_date,
                           std::vector<TwRanked> &ranked, size_t from, size_t to,
                           TwShardCopies &copies,
                           const std::function<void(std::vector<TwRanked> &)> &shown);

/* Adds to IDS, a hit's copies' ids (sorted, at most TW_DUPLICATES_MAX),
 * those of the hits FOLDED into it and of their own stories' other copies
 * (their keys are MSET's collapse keys), and their number to *ALL.  When
 * KEYED, MSET sent each hit's shown fields as its sort key: no document is
 * read for an id. */
void tw_shard_copies_ids(const trawl_db *db, const Xapian::MSet &mset, bool keyed,
                         std::vector<TwRanked> &folded, std::vector<std::string> &ids,
                         size_t *all);

#endif
