/* ranking_xapian.h - what trawl adds to BM25, each measured by
 * bench/relevance_eval.py (bench/RESULTS.md): a bonus for the articles in
 * which the query's words stand near each other, and a second ranking of the
 * first hits that also weighs the words the first of them share
 * (pseudo-relevance feedback).
 * Neither changes which articles match, only their order. */
#ifndef TW_RANKING_XAPIAN_H
#define TW_RANKING_XAPIAN_H

#include <memory>
#include <vector>
#include <xapian.h>

#include "search_work.h"

/* QUERY, as PARSER just parsed it, with a bonus for the articles in which
 * its words all occur within a window of TW_NEAR_WINDOW words; QUERY itself
 * unless it is plain words (two or more, joined by AND or OR: no phrase,
 * field or other operator, where the user said how words relate). */
Xapian::Query tw_near_bonus(const Xapian::QueryParser &parser, const Xapian::Query &query);

/* Whether QUERY has the bonus tw_near_bonus gives (also once
 * tw_db_in_languages has added its words' other forms). */
bool tw_has_near_bonus(const Xapian::Query &query);

/* QUERY without that bonus, or QUERY itself when it has none: the same
 * articles match. */
Xapian::Query tw_without_near_bonus(const Xapian::Query &query);

/* Whether a search whose matches are about MATCHES articles gets a second
 * ranking: a query that many articles match asks about a subject, and the
 * first hits tell what else its articles say; one that a few articles match
 * asks for those, and expanding it only blurs them. */
bool tw_feedback_wanted(Xapian::doccount matches);

/* The first hits that feedback reads: TW_FEEDBACK_HITS, or more or fewer
 * where hits of equal score stand at the edge (see tw_feedback). */
#define TW_FEEDBACK_HITS 10

/* The hits feedback ranks again: the first TW_FEEDBACK_POOL of the first
 * ranking, or fewer where hits of equal score stand at the edge.  The ones
 * after them keep their order, so a page past them is the first ranking's,
 * and every page agrees with the others.  A search gives feedback one hit
 * more than the pool, to see whether the last ties with the next. */
#define TW_FEEDBACK_POOL 300

/* A hit as ranked. */
struct TwRanked {
    Xapian::docid did;
    double weight;
    Xapian::doccount at;        /* its place in the first ranking's MSet */
    /* Once read (tw_hit_document); a pointer, as most hits are never read
     * and an empty Xapian::Document costs an allocation. */
    std::unique_ptr<Xapian::Document> doc;
    /* Its topic words' value (TW_SLOT_TOPIC), when a match sent it
     * (tw_feedback_topics): feedback then does not read the document. */
    std::unique_ptr<std::string> topic;
};

/* BM25's parameters, as the search ran with them. */
struct TwBm25 {
    double k1, b;
};

/* The weighting of a search, and of feedback's words. */
Xapian::BM25Weight tw_bm25_weight(TwBm25 bm25);

/* The document of HIT, one of DB's: read once, and then kept with it, so
 * that the page does not read again what feedback read.  (A hit's document
 * exists: DOC_ASSUME_VALID spares a local index the look-up that checks.)  (MSet::fetch
 * would keep them too, but Xapian 1.4.22's takes the places of the items
 * counted from the end, fetching others, and its remote backend reads each
 * document in a round trip of its own whether fetched or not.) */
const Xapian::Document &tw_hit_document(const Xapian::Database &db, TwRanked &hit);

/* The places FROM to TO of RANKED in the order of their docids: the order
 * to read something of each hit in (a value, the record).  Each read is a
 * B-tree look-up, and in docid order a page's look-ups walk the table
 * forwards, reading each of its inner blocks once, where in rank order they
 * go back and forth: the page's shown fields of linux-doc's 500 bench
 * searches 3,865 -> 3,519 block reads (Reuters 4,581 -> 3,969), feedback's
 * topic words 3,866 -> 3,482 (3,666 -> 3,614). */
std::vector<size_t> tw_docid_order(const std::vector<TwRanked> &ranked, size_t from, size_t to);

/* How many of the first hits of RANKED tw_feedback reads. */
size_t tw_feedback_reads(const std::vector<TwRanked> &ranked);

/* Sends for each of the first ID_TERMS.size() hits of RANKED (ID_TERMS[i]
 * the unique id term of RANKED[i]) its topic words' value, in one match: a
 * remote shard would read each hit's document in a round trip of its own. */
void tw_feedback_topics(const Xapian::Database &db, const std::vector<std::string> &id_terms,
                        std::vector<TwRanked> &ranked);

/* RANKED, the first ranking of QUERY (its first TW_FEEDBACK_HITS read for
 * the words they share, and kept: tw_hit_document), with its first
 * TW_FEEDBACK_POOL hits ranked again by what those words add to their
 * scores.  Which hits of equal score come first is the order the articles
 * were indexed in, which a parallel build or a split into shards changes:
 * the hits read, and the pool, take all of a group of equal score or none,
 * so that the ranking is the same whatever that order.  The words are
 * DB's stemmed words when it stems, else its plain ones.  RANKED is left
 * as it was when the hits share nothing to add.  The same scores with a
 * remote shard in DB, reached another way (see ranking_xapian.cc); the
 * indexes of a local union are each read apart.  DB's search_work counts
 * what was read. */
void tw_feedback(const trawl_db *db, const Xapian::Query &query, TwBm25 bm25,
                 std::vector<TwRanked> &ranked);

#endif
