/* ties_xapian.cc - hits of equal score in an order no build changes. */
#include "ties_xapian.h"

#include <algorithm>
#include <string>
#include <utility>

#include "db_xapian.h"
#include "schema.h"

/* Orders RANKED[START, END), hits of one score, by their hash, reading
 * their documents in docid order (a B-tree walked forwards). */
static void order_group(const trawl_db *db, std::vector<TwRanked> &ranked, size_t start,
                        size_t end)
{
    std::vector<std::pair<std::string, size_t>> keyed;
    for (size_t i : tw_docid_order(ranked, start, end)) {
        const TwRanked &hit = ranked[i];
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

bool tw_ties_cut(const std::vector<TwRanked> &ranked, size_t from, size_t to, bool more_before,
                 bool more_after)
{
    to = std::min(to, ranked.size());
    if (from >= to)
        return false;
    size_t start = from, end = to;
    while (start > 0 && ranked[start - 1].weight == ranked[from].weight)
        start--;
    while (end < ranked.size() && ranked[end].weight == ranked[to - 1].weight)
        end++;
    return (more_before && start == 0) || (more_after && end == ranked.size());
}

void tw_order_ties(const trawl_db *db, std::vector<TwRanked> &ranked, size_t from, size_t to,
                   bool starts_list, bool ends_list)
{
    to = std::min(to, ranked.size());
    if (from >= to)
        return;
    size_t start = from;
    while (start > 0 && ranked[start - 1].weight == ranked[from].weight)
        start--;
    while (start < to) {
        size_t end = start + 1;
        while (end < ranked.size() && ranked[end].weight == ranked[start].weight)
            end++;
        bool whole = (start > 0 || starts_list) && (end < ranked.size() || ends_list);
        if (end - start > 1 && end - start <= TW_TIES_GROUP_MAX && whole)
            order_group(db, ranked, start, end);
        start = end;
    }
}
