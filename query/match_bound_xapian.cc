/* match_bound_xapian.cc - see match_bound_xapian.h. */
#include "match_bound_xapian.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "kept_answers_xapian.h"

namespace {
typedef std::map<std::string, Xapian::doccount> Freqs;

void leaf_terms(const Xapian::Query &q, Freqs &freqs)
{
    if (q.get_type() == Xapian::Query::LEAF_TERM) {
        freqs[*q.get_terms_begin()] = 0;
        return;
    }
    for (size_t i = 0, n = q.get_num_subqueries(); i < n; i++)
        leaf_terms(q.get_subquery(i), freqs);
}

Xapian::doccount most(const Xapian::Query &q, const Freqs &freqs, Xapian::doccount all)
{
    typedef Xapian::Query Q;
    size_t n = q.get_num_subqueries();
    switch (q.get_type()) {
    case Q::LEAF_TERM:
        return std::min(freqs.at(*q.get_terms_begin()), all);
    case Q::LEAF_MATCH_NOTHING:
        return 0;
    case Q::OP_AND:
    case Q::OP_NEAR:
    case Q::OP_PHRASE:
    case Q::OP_FILTER: {
        Xapian::doccount fewest = all;
        for (size_t i = 0; i < n; i++)
            fewest = std::min(fewest, most(q.get_subquery(i), freqs, all));
        return fewest;
    }
    case Q::OP_OR:
    case Q::OP_XOR:
    case Q::OP_SYNONYM:
    case Q::OP_ELITE_SET:
    case Q::OP_MAX: {
        Xapian::doccount sum = 0;
        for (size_t i = 0; i < n && sum < all; i++)
            sum += std::min(all - sum, most(q.get_subquery(i), freqs, all));
        return sum;
    }
    case Q::OP_AND_NOT:
    case Q::OP_AND_MAYBE:
    case Q::OP_SCALE_WEIGHT:
        return n ? most(q.get_subquery(0), freqs, all) : all;
    default:
        return all;
    }
}
}

Xapian::doccount tw_matches_most(const trawl_db *db, const Xapian::Query &q)
{
    Freqs freqs;
    leaf_terms(q, freqs);
    std::vector<std::string> terms;
    for (const auto &f : freqs)
        terms.push_back(f.first);
    std::vector<Xapian::doccount> counts = tw_db_term_freqs(db, terms);
    size_t i = 0;
    for (auto &f : freqs)
        f.second = counts[i++];
    return most(q, freqs, db->db.get_doccount());
}
