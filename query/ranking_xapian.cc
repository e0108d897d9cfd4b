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
#include <vector>

#include "db_xapian.h"
#include "schema.h"
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


Xapian::Query tw_near_bonus(const Xapian::QueryParser &parser, const Xapian::Query &query)
{
    typedef Xapian::Query Q;
    if (query.get_type() != Q::OP_AND && query.get_type() != Q::OP_OR)
        return query;
    std::vector<Q> words;
    for (size_t i = 0; i < query.get_num_subqueries(); i++) {
        Q sub = query.get_subquery(i);
        if (sub.get_type() != Q::LEAF_TERM)
            return query;
        std::string term = *sub.get_terms_begin();
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
        words.push_back(Q(term));
    }
    if (words.size() < 2)
        return query;
    Q near(Q::OP_NEAR, words.begin(), words.end(), std::max<Xapian::termcount>(
                                                        NEAR_WINDOW, words.size()));
    return Q(Q::OP_AND_MAYBE, query, Q(Q::OP_SCALE_WEIGHT, near, NEAR_WEIGHT));
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
    double idf;
};
}

/* The topic words of the article DID and its *LENGTH in words; false when
 * it is too long to be read.  The indexer keeps them in a value; an article
 * indexed before it did has them read from its term list. */
static bool hit_words(const Xapian::Database &db, Xapian::docid did, bool stemmed,
                      double *length, std::vector<TwTopicWord> &words, tw_search_work *work)
{
    Xapian::Document doc = db.get_document(did, Xapian::DOC_ASSUME_VALID);
    std::string value = doc.get_value(TW_SLOT_TOPIC);
    if (!value.empty()) {
        work->topic_values++;
        return tw_topic_unpack(value, stemmed, length, words);
    }
    *length = std::max<double>(1, db.get_doclength(did));
    if (*length > TW_TOPIC_MAX_LENGTH)
        return false;
    work->term_lists++;
    tw_topic_words(db.termlist_begin(did), db.termlist_end(did), stemmed, words);
    return true;
}

/* The words the first hits of RANKED share, best first (see FEEDBACK_WORDS). */
static std::vector<Added> shared_words(const Xapian::Database &db, const Xapian::Stem *stem,
                                       const Xapian::Query &query,
                                       const std::vector<TwRanked> &ranked,
                                       tw_search_work *work)
{
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
    std::map<std::string, Candidate> seen;
    double length;
    std::vector<TwTopicWord> words;
    for (size_t i = 0; i < ranked.size() && i < TW_FEEDBACK_HITS; i++) {
        if (!hit_words(db, ranked[i].did, stemmed, &length, words, work))
            continue;
        for (const TwTopicWord &w : words) {
            if (asked.count(w.term))
                continue;
            Candidate &c = seen[w.term];
            c.hits++;
            c.share += w.wdf / length;
        }
    }
    double n = db.get_doccount();
    std::vector<Added> added;
    for (const auto &e : seen) {
        if (e.second.hits < 2)
            continue;
        double tf = std::max<double>(1, db.get_termfreq(e.first));
        double weight = e.second.share * std::log(n / tf);
        if (weight > 0)
            added.push_back({ e.first, weight, std::log(1 + (n - tf + 0.5) / (tf + 0.5)) });
    }
    std::sort(added.begin(), added.end(), [](const Added &a, const Added &b) {
        return a.weight > b.weight || (a.weight == b.weight && a.term < b.term);
    });
    if (added.size() > FEEDBACK_WORDS)
        added.resize(FEEDBACK_WORDS);
    return added;
}

void tw_feedback(const Xapian::Database &db, const Xapian::Stem *stem,
                 const Xapian::Query &query, TwBm25 bm25, std::vector<TwRanked> &ranked,
                 tw_search_work *work)
{
    std::vector<Added> words = shared_words(db, stem, query, ranked, work);
    if (words.empty())
        return;
    /* Each added word scores as BM25 would score it, scaled down by how it
     * weighs against the best of them.  The hits are visited in docid
     * order, so that each word's posting list is read forwards once. */
    size_t pool = std::min<size_t>(ranked.size(), TW_FEEDBACK_POOL);
    std::vector<size_t> by_docid(pool);
    for (size_t i = 0; i < pool; i++)
        by_docid[i] = i;
    std::sort(by_docid.begin(), by_docid.end(), [&](size_t a, size_t b) {
        return ranked[a].did < ranked[b].did;
    });
    double avlength = std::max(1.0, db.get_avlength());
    std::vector<double> bonus(pool, 0), norm(pool);
    {
        Xapian::PostingIterator all = db.postlist_begin("");
        for (size_t i : by_docid) {
            all.skip_to(ranked[i].did);
            double length = all.get_doclength() / avlength;
            norm[i] = bm25.k1 * (1 - bm25.b + bm25.b * length);
        }
    }
    for (const Added &w : words) {
        double scale = FEEDBACK_WEIGHT * w.weight / words[0].weight * w.idf * (bm25.k1 + 1);
        Xapian::PostingIterator p = db.postlist_begin(w.term), end = db.postlist_end(w.term);
        for (size_t i : by_docid) {
            p.skip_to(ranked[i].did);
            if (p == end)
                break;
            if (*p != ranked[i].did)
                continue;
            double wdf = p.get_wdf();
            bonus[i] += scale * wdf / (wdf + norm[i]);
        }
    }
    for (size_t i = 0; i < pool; i++)
        ranked[i].weight += bonus[i];
    std::stable_sort(ranked.begin(), ranked.begin() + pool,
                     [](const TwRanked &a, const TwRanked &b) { return a.weight > b.weight; });
}
