/* match_bound_xapian.cc - see match_bound_xapian.h. */
#include "match_bound_xapian.h"

#include <algorithm>
#include <string>
#include <vector>

#include "kept_answers_xapian.h"

namespace {
/* The terms of Q's leaves, in the order most() meets them. */
void leaf_terms(const Xapian::Query &q, std::vector<std::string> &terms)
{
    if (q.get_type() == Xapian::Query::LEAF_TERM) {
        terms.push_back(*q.get_terms_begin());
        return;
    }
    for (size_t i = 0, n = q.get_num_subqueries(); i < n; i++)
        leaf_terms(q.get_subquery(i), terms);
}

/* The most articles Q matches, FREQS[*AT] being the frequency of the next
 * leaf met (leaf_terms' order): every part is walked, those whose bound is
 * not asked too, so that *AT stays in step with the leaves. */
Xapian::doccount most(const Xapian::Query &q, const std::vector<Xapian::doccount> &freqs,
                      size_t *at, Xapian::doccount all)
{
    typedef Xapian::Query Q;
    if (q.get_type() == Q::LEAF_TERM)
        return std::min(freqs[(*at)++], all);
    /* What an AND, an OR and the first part bound the matches to. */
    Xapian::doccount fewest = all, sum = 0, first = all;
    for (size_t i = 0, n = q.get_num_subqueries(); i < n; i++) {
        Xapian::doccount part = most(q.get_subquery(i), freqs, at, all);
        fewest = std::min(fewest, part);
        sum += std::min(all - sum, part);
        if (i == 0)
            first = part;
    }
    switch (q.get_type()) {
    case Q::LEAF_MATCH_NOTHING:
        return 0;
    case Q::OP_AND:
    case Q::OP_NEAR:
    case Q::OP_PHRASE:
    case Q::OP_FILTER:
        return fewest;
    case Q::OP_OR:
    case Q::OP_XOR:
    case Q::OP_SYNONYM:
    case Q::OP_ELITE_SET:
    case Q::OP_MAX:
        return sum;
    case Q::OP_AND_NOT:
    case Q::OP_AND_MAYBE:
    case Q::OP_SCALE_WEIGHT:
        return first;
    default:
        return all;
    }
}
}

/* (The leaves' terms asked once each, in one call, as a tree of them had
 * been: a leaf's term found in a sorted copy, where the tree's nodes had
 * cost an allocation each and a second look at every leaf's term -- 1% of
 * Reuters' default searches, which ask it of both the all-word match and
 * the any-word fallback's.) */
Xapian::doccount tw_matches_most(const trawl_db *db, const Xapian::Query &q)
{
    std::vector<std::string> leaves;
    leaf_terms(q, leaves);
    std::vector<std::string> terms(leaves);
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    std::vector<Xapian::doccount> counts = tw_db_term_freqs(db, terms), freqs;
    freqs.reserve(leaves.size());
    for (const std::string &t : leaves)
        freqs.push_back(counts[std::lower_bound(terms.begin(), terms.end(), t) - terms.begin()]);
    size_t at = 0;
    return most(q, freqs, &at, db->db.get_doccount());
}
