/* ties_xapian.cc - hits of equal score in an order no build changes. */
#include "ties_xapian.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "db_xapian.h"
#include "schema.h"
#include "shown_fields_xapian.h"

/* Orders RANKED[START, END), hits of one score, by their hash: SENT's when
 * it holds the hit's, else read from their documents in docid order (a
 * B-tree walked forwards). */
static void order_group(const trawl_db *db, std::vector<TwRanked> &ranked, size_t start,
                        size_t end, const std::map<Xapian::docid, std::string> &sent)
{
    std::vector<std::pair<std::string, size_t>> keyed;
    for (size_t i : tw_docid_order(ranked, start, end)) {
        const TwRanked &hit = ranked[i];
        auto h = sent.find(hit.did);
        if (h != sent.end()) {
            keyed.emplace_back(h->second, i);
            continue;
        }
        db->search_work.documents += !hit.doc;
        keyed.emplace_back(hit.doc ? hit.doc->get_value(TW_SLOT_HASH)
                                   : db->db.get_document(hit.did, Xapian::DOC_ASSUME_VALID)
                                         .get_value(TW_SLOT_HASH),
                           i);
    }
    /* Two hits of one hash (an index's from before the hash was kept, or
     * an id written twice) keep their docid order. */
    std::sort(keyed.begin(), keyed.end(), [&ranked](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : ranked[a.second].did < ranked[b.second].did;
    });
    std::vector<TwRanked> group;
    group.reserve(end - start);
    for (const auto &k : keyed)
        group.push_back(std::move(ranked[k.second]));
    std::move(group.begin(), group.end(), ranked.begin() + (std::ptrdiff_t)start);
}

/* Whether the hits A and B tie: of one score, and when DATED of one date
 * (its sort key). */
static bool tied(const TwRanked &a, const TwRanked &b, const Xapian::MSet *dated)
{
    return a.weight == b.weight &&
           (!dated || (*dated)[a.at].get_sort_key() == (*dated)[b.at].get_sort_key());
}

/* The group of equal score (and date, when DATED) of RANKED that holds
 * hit I: [*START, *END). */
static void group_of(const std::vector<TwRanked> &ranked, size_t i, const Xapian::MSet *dated,
                     size_t *start, size_t *end)
{
    *start = *end = i;
    while (*start > 0 && tied(ranked[*start - 1], ranked[i], dated))
        --*start;
    while (*end < ranked.size() && tied(ranked[*end], ranked[i], dated))
        ++*end;
}

/* Whether the group [START, END) of RANKED may go on outside it: it starts
 * RANKED and MORE_BEFORE, or ends it and MORE_AFTER; and whole, it might be
 * put in order (one larger than TW_TIES_GROUP_MAX already is not). */
static bool cut(const std::vector<TwRanked> &ranked, size_t start, size_t end, bool more_before,
                bool more_after)
{
    return end - start <= TW_TIES_GROUP_MAX &&
           ((more_before && start == 0) || (more_after && end == ranked.size()));
}

bool tw_ties_cut(const std::vector<TwRanked> &ranked, size_t from, size_t to, bool more_before,
                 bool more_after, const Xapian::MSet *dated)
{
    to = std::min(to, ranked.size());
    if (from >= to)
        return false;
    size_t first_start, first_end, last_start, last_end;
    group_of(ranked, from, dated, &first_start, &first_end);
    group_of(ranked, to - 1, dated, &last_start, &last_end);
    return cut(ranked, first_start, first_end, more_before, more_after) ||
           cut(ranked, last_start, last_end, more_before, more_after);
}

bool tw_ties_unordered(const std::vector<TwRanked> &ranked, size_t from, size_t to,
                       bool more_before, bool more_after)
{
    to = std::min(to, ranked.size());
    for (size_t start = from, end; start < to; start = end) {
        group_of(ranked, start, nullptr, &start, &end);
        if (end - start > TW_TIES_GROUP_MAX || (more_before && start == 0) ||
            (more_after && end == ranked.size()))
            return true;
    }
    return false;
}

void tw_ties_span(const std::vector<TwRanked> &ranked, size_t from, size_t to,
                  const Xapian::MSet *dated, size_t *lo, size_t *hi)
{
    to = std::min(to, ranked.size());
    *lo = from;
    *hi = to;
    if (from >= to)
        return;
    size_t start, end;
    group_of(ranked, from, dated, &start, &end);
    if (end - start <= TW_TIES_GROUP_MAX)
        *lo = start;
    group_of(ranked, to - 1, dated, &start, &end);
    if (end - start <= TW_TIES_GROUP_MAX)
        *hi = end;
}

void tw_order_ties(const trawl_db *db, std::vector<TwRanked> &ranked, size_t from, size_t to,
                   bool more_before, bool more_after, const Xapian::MSet *dated,
                   const Xapian::MSet *sent)
{
    to = std::min(to, ranked.size());
    std::vector<std::pair<size_t, size_t>> groups;
    size_t start = from, end;
    while (start < to) {
        group_of(ranked, start, dated, &start, &end);
        if (end - start > 1 && end - start <= TW_TIES_GROUP_MAX &&
            !cut(ranked, start, end, more_before, more_after))
            groups.emplace_back(start, end);
        start = end;
    }
    std::vector<std::string> id_terms;
    std::string term;
    for (const auto &g : groups)
        for (size_t i = g.first; sent && i < g.second; i++)
            if (tw_sent_id_term(*sent, ranked[i].at, ranked[i].did, term))
                id_terms.push_back(term);
    std::map<Xapian::docid, std::string> hashes =
        tw_values_sent(db->db, id_terms, TW_SLOT_HASH);
    for (const auto &g : groups)
        order_group(db, ranked, g.first, g.second, hashes);
}
