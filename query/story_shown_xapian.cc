/* story_shown_xapian.cc - which of a story's exact copies stands for it
 * (story_shown_xapian.h). */
#include "story_shown_xapian.h"

#include <set>
#include <vector>

#include "all_docs_xapian.h"
#include "schema.h"
#include "store/stories_xapian.h"

/* Whether Q or a query in it is a phrase or NEAR (WANT_PLACES, which look
 * at where words stand), or a range of values (else: a date: filter). */
static bool has_op(const Xapian::Query &q, bool want_places)
{
    typedef Xapian::Query Q;
    Q::op op = q.get_type();
    if (want_places ? op == Q::OP_PHRASE || op == Q::OP_NEAR
                    : op == Q::OP_VALUE_RANGE || op == Q::OP_VALUE_GE || op == Q::OP_VALUE_LE)
        return true;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        if (has_op(q.get_subquery(i), want_places))
            return true;
    return false;
}

/* Whether the articles A and B of D are alike to a query of the terms
 * ASKED: the same words, each as many times (and so the same length and
 * BM25 score), and the same of ASKED's other terms (a site:, path: or lang:
 * filter's).  The terms that are no words (an id, a path...) may differ. */
static bool same_terms(const Xapian::Database &d, Xapian::docid a, Xapian::docid b,
                       const std::set<std::string> &asked)
{
    Xapian::TermIterator s = d.termlist_begin(a), s_end = d.termlist_end(a);
    Xapian::TermIterator t = d.termlist_begin(b), t_end = d.termlist_end(b);
    while (s != s_end || t != t_end) {
        int order = s == s_end ? 1 : t == t_end ? -1 : (*s).compare(*t);
        if (order == 0) {
            if (s.get_wdf() != t.get_wdf())
                return false;
            ++s;
            ++t;
            continue;
        }
        Xapian::TermIterator &one = order < 0 ? s : t;
        if (one.get_wdf() > 0 || asked.count(*one))
            return false;
        ++one;
    }
    return true;
}

/* Whether the terms ASKED stand in the same places in the articles A and
 * B of D. */
static bool same_places(const Xapian::Database &d, Xapian::docid a, Xapian::docid b,
                        const std::set<std::string> &asked)
{
    for (const std::string &w : asked) {
        Xapian::PositionIterator p = d.positionlist_begin(a, w), p_end = d.positionlist_end(a, w);
        Xapian::PositionIterator q = d.positionlist_begin(b, w), q_end = d.positionlist_end(b, w);
        for (; p != p_end && q != q_end; ++p, ++q)
            if (*p != *q)
                return false;
        if (p != p_end || q != q_end)
            return false;
    }
    return true;
}

/* The most articles copy_before looks at: past them, the match decides
 * (a story of 5,000 copies would be 5,000 documents read). */
static const size_t LOOKS_MOST = 64;

/* Whether a copy of the story KEY other than HIT (whose hash is HASH)
 * that shares a band of BANDS with it may come before it by hash (then by
 * docid), in the local indexes of D: only such a copy can stand for the
 * story instead of HIT.  The band lists are short, and each article's two
 * values are read from its document; of two copies the hit comes first
 * half the time, and is spared the weighted match (~700k instructions on
 * Reuters, most of them Xapian's opening of READY's posting lists and
 * their statistics, against ~5k an article looked at). */
static bool copy_before(const Xapian::Database &d, const std::string &key,
                        const std::vector<std::string> &bands, const std::string &hash,
                        Xapian::docid hit)
{
    std::set<Xapian::docid> looked = { hit };
    for (const std::string &band : bands)
        for (Xapian::PostingIterator p = d.postlist_begin(band); p != d.postlist_end(band); ++p) {
            if (!looked.insert(*p).second)
                continue;
            if (looked.size() > LOOKS_MOST)
                return true;
            Xapian::Document copy = d.get_document(*p, Xapian::DOC_ASSUME_VALID);
            std::string h = copy.get_value(TW_SLOT_HASH);
            if ((h < hash || (h == hash && *p < hit)) && copy.get_value(TW_SLOT_STORY) == key)
                return true;
        }
    return false;
}

/* Of the copies of the story KEY that share a band with HIT (BANDS) and
 * that READY matches, the one first by hash of those READY weighs as its
 * first ranking weighed HIT (WEIGHT): one match, weighed by BM25, that
 * sends each copy's hash as its sort key, when a copy that comes before
 * HIT by hash may be one (copy_before; over a remote shard, where each
 * look-up is a round trip, the match is the look-up).  Near-copies of one
 * score (a word changed for another of its length, the same story dated
 * otherwise) stood by the one Xapian met first, in docid order, which the
 * build and a split into shards change. */
static bool first_of_score(const trawl_db *db, const Xapian::Query &ready, TwBm25 bm25,
                           const std::string &key, const std::vector<std::string> &bands,
                           const std::string &hash, double weight, TwRanked &hit)
{
    typedef Xapian::Query Q;
    if (!tw_shards_remote(db) && !copy_before(db->db, key, bands, hash, hit.did))
        return false;
    db->search_work.story_matches++;
    Xapian::Enquire enquire(db->db);
    enquire.set_query(Q(Q::OP_FILTER, ready,
                        Q(Q::OP_AND, Q(Q::OP_OR, bands.begin(), bands.end()),
                          Q(Q::OP_VALUE_RANGE, TW_SLOT_STORY, key, key))));
    enquire.set_weighting_scheme(tw_bm25_weight(bm25));
    enquire.set_sort_by_relevance_then_value(TW_SLOT_HASH, false);
    Xapian::MSet first = enquire.get_mset(0, 1);
    if (first.empty() || *first[0] == hit.did || first[0].get_weight() != weight)
        return false;
    hit.did = *first[0];
    hit.doc.reset();
    hit.topic.reset();
    return true;
}

bool tw_story_shown(const trawl_db *db, const Xapian::Query &ready, TwBm25 bm25,
                    const std::string &key, bool by_date, double weight, TwRanked &hit)
{
    typedef Xapian::Query Q;
    const Xapian::Database &d = db->db;
    db->search_work.documents += !hit.doc;
    const Xapian::Document &doc = tw_hit_document(d, hit);
    std::string sig = doc.get_value(TW_SLOT_SIG);
    std::vector<std::string> bands = tw_story_bands(sig);
    if (bands.empty())
        return false;
    std::string hash = doc.get_value(TW_SLOT_HASH), date;
    if (!by_date)
        return first_of_score(db, ready, bm25, key, bands, hash, weight, hit);
    /* An exact copy has HIT's signature, so every one of its band terms: a
     * match of them all keeps the story's exact copies and few others,
     * each with its hash as its sort key, in the order of hashes (then
     * docids), without a document read: over a remote shard each read is a
     * round trip of its own (a story of 5,000 copies was 5,000 of them,
     * 1.8 s a search).  Their values in the match instead (ranges of
     * signature, story and hash) made Xapian walk a slot's values through
     * for each hit: +11% of Reuters' every-default searches. */
    bool dated = by_date || has_op(ready, false);
    if (dated)
        date = doc.get_value(TW_SLOT_DATE);
    Xapian::Enquire enquire(d);
    enquire.set_query(Q(Q::OP_AND, bands.begin(), bands.end()));
    tw_weigh_nothing(enquire, tw_shards_remote(db));
    enquire.set_sort_by_value(TW_SLOT_HASH, false);
    Xapian::MSet same = enquire.get_mset(0, d.get_termfreq(bands[0]));
    /* The first of them before HIT that is of its story (the same text
     * weeks apart is another), of its date where the order or a filter
     * looks at dates, and alike to READY stands for the story. */
    std::set<std::string> asked(ready.get_unique_terms_begin(), ready.get_unique_terms_end());
    bool placed = has_op(ready, true);
    for (Xapian::MSetIterator m = same.begin(); m != same.end(); ++m) {
        if (*m == hit.did || m.get_sort_key() > hash ||
            (m.get_sort_key() == hash && *m > hit.did))
            break;
        db->search_work.story_reads++;
        Xapian::Document copy = m.get_document();
        if (copy.get_value(TW_SLOT_SIG) != sig || copy.get_value(TW_SLOT_STORY) != key ||
            (dated && copy.get_value(TW_SLOT_DATE) != date) || !same_terms(d, hit.did, *m, asked) ||
            (placed && !same_places(d, hit.did, *m, asked)))
            continue;
        hit.did = *m;
        hit.doc.reset();
        hit.topic.reset();
        return true;
    }
    return false;
}
