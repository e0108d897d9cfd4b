/* story_shown_xapian.cc - which of a story's exact copies stands for it
 * (story_shown_xapian.h). */
#include "story_shown_xapian.h"

#include <set>
#include <vector>

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

bool tw_story_shown(const trawl_db *db, const Xapian::Query &ready, const std::string &key,
                    bool by_date, TwRanked &hit)
{
    const Xapian::Database &d = db->db;
    db->search_work.documents += !hit.doc;
    const Xapian::Document &doc = tw_hit_document(d, hit);
    std::string sig = doc.get_value(TW_SLOT_SIG);
    std::vector<std::string> bands = tw_story_bands(sig);
    if (bands.empty())
        return false;
    /* What a copy must share with HIT, once one has its signature. */
    std::set<std::string> asked;
    bool dated = false, placed = false, known = false;
    std::string hash, date;
    Xapian::docid shown = hit.did;
    /* An exact copy has HIT's signature, so its first band term: a short
     * list, of the story's copies that share that band, whose signatures
     * the match sends (over a remote shard, a document read is a round trip
     * of its own). */
    Xapian::Enquire enquire(d);
    enquire.set_query(Xapian::Query(bands[0]));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(TW_SLOT_SIG, false);
    Xapian::MSet band = enquire.get_mset(0, d.get_termfreq(bands[0]));
    for (Xapian::MSetIterator m = band.begin(); m != band.end(); ++m) {
        if (*m == hit.did || m.get_sort_key() != sig)
            continue;
        /* Of HIT's story (the same text weeks apart is another), of its
         * date where the order or a filter looks at dates, first by hash
         * (then docid), alike to READY. */
        db->search_work.story_reads++;
        Xapian::Document copy = m.get_document();
        if (!known) {
            asked.insert(ready.get_unique_terms_begin(), ready.get_unique_terms_end());
            dated = by_date || has_op(ready, false);
            placed = has_op(ready, true);
            hash = doc.get_value(TW_SLOT_HASH);
            date = doc.get_value(TW_SLOT_DATE);
            known = true;
        }
        if (copy.get_value(TW_SLOT_STORY) != key ||
            (dated && copy.get_value(TW_SLOT_DATE) != date))
            continue;
        std::string h = copy.get_value(TW_SLOT_HASH);
        if (h > hash || (h == hash && *m > shown) || !same_terms(d, hit.did, *m, asked) ||
            (placed && !same_places(d, hit.did, *m, asked)))
            continue;
        shown = *m;
        hash = h;
    }
    if (shown == hit.did)
        return false;
    hit.did = shown;
    hit.doc.reset();
    hit.topic.reset();
    return true;
}
