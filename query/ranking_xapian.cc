/* ranking_xapian.cc - the nearness bonus and the feedback ranking.  The
 * numbers below were chosen on bench/relevance_eval.py's known-item queries
 * (Reuters and linux-doc) and Reuters' topic queries together, each choice
 * made on one half of the queries and checked on the other. */
#include "ranking_xapian.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "db_xapian.h"
#include "kept_answers_xapian.h"
#include "parse_xapian.h"
#include "schema.h"
#include "shown_fields_xapian.h"
#include "topic_words_xapian.h"

/* The window, in words, that the query's words must all fall in, and the
 * bonus then: this fraction of what the words score.  Windows of 20 to 150
 * words all helped; wider ones more on known-item queries, where the words
 * come from anywhere in the article. */
static const Xapian::termcount NEAR_WINDOW = 80;
static const double NEAR_WEIGHT = 0.5;

/* Feedback: the first TW_FEEDBACK_HITS hits are read for words that at least
 * two of them use at least twice, and the FEEDBACK_WORDS that weigh most
 * (their share of each hit's words, times their rarity) add to the score of
 * each of the first TW_FEEDBACK_POOL hits that has them, the best at
 * FEEDBACK_WEIGHT of its BM25 score.  (Scoring the pool, not running the
 * search again with the words added, gave the same MAP and known-item MRR
 * with a pool of 150 or 300, 0.014 less MAP with 100, and costs less: no
 * second match.)  Only searches that match at least FEEDBACK_MIN_MATCHES
 * articles: below that, the queries measured were known-item ones, which
 * feedback made worse. */
static const unsigned FEEDBACK_WORDS = 10;
static const double FEEDBACK_WEIGHT = 0.3;
static const Xapian::doccount FEEDBACK_MIN_MATCHES = 50;

/* A group of hits of equal score at the edge of the hits read is read
 * whole when no more than this many are read then: short articles tie
 * often (eleven Reuters articles are titled 'cocoa' and little more), and
 * BM25 takes all those under half the mean length as of that length. */
static const size_t FEEDBACK_HITS_MAX = 50;


Xapian::Query tw_near_bonus(const Xapian::QueryParser &parser, const Xapian::Query &query)
{
    typedef Xapian::Query Q;
    if (query.get_type() != Q::OP_AND && query.get_type() != Q::OP_OR)
        return query;
    std::vector<Q> words;
    std::set<std::string> seen;    /* the words in WORDS */
    std::set<std::string> met;     /* the query's terms looked at */
    for (size_t i = 0; i < query.get_num_subqueries(); i++) {
        Q sub = query.get_subquery(i);
        if (sub.get_type() != Q::LEAF_TERM)
            return query;
        std::string term = *sub.get_terms_begin();
        /* A term met before is looked at once: the parser's list of the
         * words typed for a stem holds one per time it was typed, and is
         * copied at each look (10,000 copies of a word took 5 s). */
        if (!met.insert(term).second)
            continue;
        /* A stemmed term has no positions; nearness is of the words as
         * typed, which the parser remembers. */
        if (!term.empty() && term[0] == 'Z') {
            Xapian::TermIterator typed = parser.unstem_begin(term);
            if (typed == parser.unstem_end(term))
                return query;
            term = *typed;
        }
        if (!tw_plain_term(term))
            return query;
        /* A word typed twice is one word to find near the others: NEAR
         * would look for as many places of it, which costs a look at the
         * positions per copy (300 copies of "said": 2.4 s a search). */
        if (!seen.insert(term).second)
            continue;
        words.push_back(Q(term));
    }
    if (words.size() < 2)
        return query;
    Q near(Q::OP_NEAR, words.begin(), words.end(), std::max<Xapian::termcount>(
                                                        NEAR_WINDOW, words.size()));
    return Q(Q::OP_AND_MAYBE, query, Q(Q::OP_SCALE_WEIGHT, near, NEAR_WEIGHT));
}

bool tw_has_near_bonus(const Xapian::Query &query)
{
    typedef Xapian::Query Q;
    return query.get_type() == Q::OP_AND_MAYBE && query.get_num_subqueries() == 2 &&
           query.get_subquery(1).get_type() == Q::OP_SCALE_WEIGHT &&
           query.get_subquery(1).get_subquery(0).get_type() == Q::OP_NEAR;
}

Xapian::Query tw_without_near_bonus(const Xapian::Query &query)
{
    return tw_has_near_bonus(query) ? query.get_subquery(0) : query;
}

const Xapian::Document &tw_hit_document(const Xapian::Database &db, TwRanked &hit)
{
    if (!hit.doc)
        hit.doc.reset(new Xapian::Document(db.get_document(hit.did, Xapian::DOC_ASSUME_VALID)));
    return *hit.doc;
}

std::vector<size_t> tw_docid_order(const std::vector<TwRanked> &ranked, size_t from, size_t to)
{
    std::vector<size_t> order;
    for (size_t i = from; i < to && i < ranked.size(); i++)
        order.push_back(i);
    std::sort(order.begin(), order.end(),
              [&ranked](size_t a, size_t b) { return ranked[a].did < ranked[b].did; });
    return order;
}

bool tw_feedback_wanted(Xapian::doccount matches)
{
    return matches >= FEEDBACK_MIN_MATCHES;
}

namespace {
struct Candidate {
    unsigned hits = 0;          /* of the first hits that use it twice or more */
    double share = 0;           /* sum over them of its count / their length */
};

struct Added {
    std::string term;
    double weight;              /* its share times its rarity */
    double tf;                  /* the articles that have it */
};
}

/* Reads the topic words' value of RANKED[0, N) where no match sent it
 * (tw_feedback_topics), in docid order. */
static void read_topics(const Xapian::Database &db, std::vector<TwRanked> &ranked, size_t n,
                        tw_search_work *work)
{
    for (size_t i : tw_docid_order(ranked, 0, n)) {
        TwRanked &hit = ranked[i];
        if (hit.topic)
            continue;
        work->documents += !hit.doc;
        hit.topic.reset(new std::string(tw_hit_document(db, hit).get_value(TW_SLOT_TOPIC)));
    }
}

/* The topic words of HIT, one of DB's, and its *LENGTH in words; false
 * when it is too long to be read.  The indexer keeps them in a value
 * (read_topics); an article indexed before it did has them read from its
 * term list. */
static bool hit_words(const Xapian::Database &db, const TwRanked &hit,
                      bool stemmed, double *length, std::vector<TwTopicWord> &words,
                      tw_search_work *work)
{
    Xapian::docid did = hit.did;
    const std::string &value = *hit.topic;
    if (!value.empty()) {
        work->topic_values++;
        return tw_topic_unpack(value, stemmed, length, words);
    }
    *length = std::max<double>(1, db.get_doclength(did));
    if (*length > TW_TOPIC_MAX_LENGTH)
        return false;
    work->term_lists++;
    tw_topic_words(db.termlist_begin(did), db.termlist_end(did), stemmed, TW_TOPIC_USES, words);
    return true;
}

/* Where the first WANT hits of RANKED end once the group of equal score
 * at their edge is taken whole (if that makes no more than MOST) or left
 * out: a count of hits that the order of ties does not change. */
static size_t whole_ties(const std::vector<TwRanked> &ranked, size_t want, size_t most)
{
    if (want == 0 || want >= ranked.size() || ranked[want - 1].weight != ranked[want].weight)
        return std::min(want, ranked.size());
    double edge = ranked[want].weight;
    size_t end = want;
    while (end < ranked.size() && end <= most && ranked[end].weight == edge)
        end++;
    if (end <= most && (end == ranked.size() || ranked[end].weight != edge))
        return end;
    size_t start = want - 1;
    while (start > 0 && ranked[start - 1].weight == edge)
        start--;
    return start;
}

size_t tw_feedback_reads(const std::vector<TwRanked> &ranked)
{
    return whole_ties(ranked, TW_FEEDBACK_HITS, FEEDBACK_HITS_MAX);
}

void tw_feedback_topics(const Xapian::Database &db, const std::vector<std::string> &id_terms,
                        std::vector<TwRanked> &ranked)
{
    std::map<Xapian::docid, std::string> topics = tw_values_sent(db, id_terms, TW_SLOT_TOPIC);
    for (size_t i = 0; i < id_terms.size() && i < ranked.size(); i++) {
        auto t = topics.find(ranked[i].did);
        if (t != topics.end())
            ranked[i].topic.reset(new std::string(t->second));
    }
}

/* The words the first hits of RANKED share, best first (see FEEDBACK_WORDS). */
static std::vector<Added> shared_words(const trawl_db *tdb, const Xapian::Query &query,
                                       std::vector<TwRanked> &ranked)
{
    const Xapian::Database &db = tdb->db;
    const Xapian::Stem *stem = tdb->stemming ? &tdb->stem : nullptr;
    bool stemmed = stem != nullptr;
    /* The query's words are weighed already, in any form: a capitalised
     * word is searched as written, and its stem must not come back. */
    std::set<std::string> asked;
    for (Xapian::TermIterator t = query.get_unique_terms_begin();
         t != query.get_unique_terms_end(); ++t) {
        asked.insert(*t);
        if (stemmed && tw_plain_term(*t))
            asked.insert("Z" + (*stem)(*t));
    }
    /* Hashed: the ten hits' few hundred words are each looked up once a
     * hit, where a tree's look-ups compared each with a dozen others (3% of
     * a search with feedback); the shared ones are put in order below. */
    std::unordered_map<std::string, Candidate> seen;
    double length;
    std::vector<TwTopicWord> words;
    size_t read = tw_feedback_reads(ranked);
    read_topics(db, ranked, read, &tdb->search_work);
    for (size_t i = 0; i < read; i++) {
        if (!hit_words(db, ranked[i], stemmed, &length, words, &tdb->search_work))
            continue;
        for (const TwTopicWord &w : words) {
            if (asked.count(w.term))
                continue;
            Candidate &c = seen[w.term];
            c.hits++;
            c.share += w.wdf / length;
        }
    }
    std::vector<std::string> shared;
    for (const auto &e : seen)
        if (e.second.hits >= 2)
            shared.push_back(e.first);
    std::sort(shared.begin(), shared.end());
    std::vector<Xapian::doccount> freqs = tw_db_term_freqs(tdb, shared);
    double n = db.get_doccount();
    std::vector<Added> added;
    for (size_t i = 0; i < shared.size(); i++) {
        const Candidate &c = seen[shared[i]];
        double tf = std::max<double>(1, freqs[i]);
        double weight = c.share * std::log(n / tf);
        if (weight > 0)
            added.push_back({ shared[i], weight, tf });
    }
    std::sort(added.begin(), added.end(), [](const Added &a, const Added &b) {
        return a.weight > b.weight || (a.weight == b.weight && a.term < b.term);
    });
    if (added.size() > FEEDBACK_WORDS)
        added.resize(FEEDBACK_WORDS);
    return added;
}

Xapian::BM25Weight tw_bm25_weight(TwBm25 bm25)
{
    /* Lengths below half the mean count as half, as in Xapian's default:
     * a very short article does not score as if the word were all it said. */
    return Xapian::BM25Weight(bm25.k1, 0, 1, bm25.b, 0.5);
}

/* What word W, one of WORDS (best first), adds at most to a hit's score:
 * FEEDBACK_WEIGHT of what the best adds, in proportion to its weight, times
 * its BM25 rarity in the form that stays positive for the commonest word
 * (log(1 + (N - tf + 0.5) / (tf + 0.5))), and BM25's (k1 + 1). */
static double word_scale(const Added &w, const std::vector<Added> &words, double n, TwBm25 bm25)
{
    return FEEDBACK_WEIGHT * w.weight / words[0].weight *
           std::log(1 + (n - w.tf + 0.5) / (w.tf + 0.5)) * (bm25.k1 + 1);
}

/* Adds to BONUS[i] what WORDS add to the score of RANKED[i], for the first
 * POOL hits: each word BM25's share of a hit with its count (wdf) and
 * length, times word_scale.  Each word's posting list is read forwards once,
 * the hits visited in docid order; of a union of several indexes (MEMBERS,
 * in its order), each index's own list, for its own hits: the union's list
 * would look for every hit in every index. */
static void bonus_from_postings(const Xapian::Database &db,
                                const std::vector<const Xapian::Database *> &members,
                                const std::vector<Added> &words, TwBm25 bm25,
                                const std::vector<TwRanked> &ranked, size_t pool,
                                std::vector<double> &bonus)
{
    double avlength = std::max(1.0, db.get_avlength()), n = db.get_doccount();
    size_t parts = members.size() > 1 && members.size() == db.size() ? members.size() : 1;
    std::vector<std::vector<std::pair<Xapian::docid, size_t>>> hits(parts);
    for (size_t i = 0; i < pool; i++) {
        Xapian::docid did = ranked[i].did;
        hits[tw_union_member(did, parts)].push_back({ tw_member_docid(did, parts), i });
    }
    for (size_t m = 0; m < parts; m++) {
        const Xapian::Database &d = parts > 1 ? *members[m] : db;
        auto &its = hits[m];
        std::sort(its.begin(), its.end());
        std::vector<double> norm(its.size());
        Xapian::PostingIterator all = d.postlist_begin("");
        for (size_t k = 0; k < its.size(); k++) {
            all.skip_to(its[k].first);
            double length = all.get_doclength() / avlength;
            norm[k] = bm25.k1 * (1 - bm25.b + bm25.b * length);
        }
        for (const Added &w : words) {
            double scale = word_scale(w, words, n, bm25);
            Xapian::PostingIterator p = d.postlist_begin(w.term), end = d.postlist_end(w.term);
            for (size_t k = 0; k < its.size(); k++) {
                p.skip_to(its[k].first);
                if (p == end)
                    break;
                if (*p != its[k].first)
                    continue;
                double wdf = p.get_wdf();
                bonus[its[k].second] += scale * wdf / (wdf + norm[k]);
            }
        }
    }
}

/* The same bonus, from a second match on the servers: Xapian's BM25 with
 * the search's k1 and b, and lengths taken as they are (min_normlen 0),
 * scores each word as bonus_from_postings does once it is scaled by
 * word_scale over Xapian's own rarity and (k1 + 1) (BM25Weight, with no
 * relevance set: log((N - tf + 0.5) / (tf + 0.5)), that ratio r taken as
 * r / 2 + 1 below 2).  A remote shard sends posting lists whole, one
 * exchange per word, and document lengths one round trip per article; a
 * match is one exchange however many words and hits.  It scores the words
 * alone, in the articles QUERY matches, and the pool's are kept. */
static void bonus_from_match(const Xapian::Database &db, const Xapian::Query &query,
                             const std::vector<Added> &words, TwBm25 bm25,
                             const std::vector<TwRanked> &ranked, size_t pool,
                             std::vector<double> &bonus)
{
    typedef Xapian::Query Q;
    double n = db.get_doccount();
    std::vector<Q> scaled;
    for (const Added &w : words) {
        double ratio = (n - w.tf + 0.5) / (w.tf + 0.5);
        double rarity = std::log(ratio < 2 ? ratio * 0.5 + 1 : ratio);
        scaled.push_back(Q(Q::OP_SCALE_WEIGHT, Q(w.term),
                           word_scale(w, words, n, bm25) / (rarity * (bm25.k1 + 1))));
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(Q(Q::OP_FILTER, Q(Q::OP_OR, scaled.begin(), scaled.end()), query));
    enquire.set_weighting_scheme(Xapian::BM25Weight(bm25.k1, 0, 1, bm25.b, 0));
    std::map<Xapian::docid, size_t> in_pool;
    for (size_t i = 0; i < pool; i++)
        in_pool[ranked[i].did] = i;
    Xapian::MSet scored = enquire.get_mset(0, db.get_doccount());
    for (Xapian::MSetIterator m = scored.begin(); m != scored.end(); ++m) {
        auto i = in_pool.find(*m);
        if (i != in_pool.end())
            bonus[i->second] = m.get_weight();
    }
}

void tw_feedback(const trawl_db *tdb, const Xapian::Query &query, TwBm25 bm25,
                 std::vector<TwRanked> &ranked)
{
    std::vector<Added> words = shared_words(tdb, query, ranked);
    if (words.empty())
        return;
    size_t pool = whole_ties(ranked, TW_FEEDBACK_POOL, TW_FEEDBACK_POOL);
    std::vector<double> bonus(pool, 0);
    if (tw_shards_remote(tdb)) {
        bonus_from_match(tdb->db, query, words, bm25, ranked, pool, bonus);
    } else {
        std::vector<const Xapian::Database *> members;
        for (size_t i : tdb->live)
            members.push_back(&tdb->shards[i].db);
        bonus_from_postings(tdb->db, members, words, bm25, ranked, pool, bonus);
    }
    for (size_t i = 0; i < pool; i++)
        ranked[i].weight += bonus[i];
    std::stable_sort(ranked.begin(), ranked.begin() + pool,
                     [](const TwRanked &a, const TwRanked &b) { return a.weight > b.weight; });
}
