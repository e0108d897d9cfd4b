/* match_ready_xapian.cc - a query made ready for Xapian 1.4's matcher. */
#include "match_ready_xapian.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "all_docs_xapian.h"

/* tw_ready_for_match for Q, a part of a query that ranks when WEIGHTED. */
static bool ready(const Xapian::Database &db, Xapian::Query &q, bool weighted)
{
    typedef Xapian::Query Q;
    Q::op op = q.get_type();
    if (op != Q::OP_OR && op != Q::OP_AND && op != Q::OP_AND_NOT && op != Q::OP_AND_MAYBE &&
        op != Q::OP_FILTER)
        return false;       /* a leaf, or an operator with parameters we cannot copy */
    if (op == Q::OP_AND_MAYBE && !weighted) {
        q = q.get_subquery(0);
        ready(db, q, false);
        return true;
    }
    size_t n = q.get_num_subqueries();
    bool big = op == Q::OP_OR && n > TW_MAX_OR_TERMS, changed = false;
    std::vector<Q> subs;
    subs.reserve(n);
    for (size_t i = 0; i < n; i++) {
        Q sub = q.get_subquery(i);
        if (big && sub.get_type() == Q::LEAF_TERM && !db.term_exists(*sub.get_terms_begin())) {
            changed = true;
            continue;
        }
        changed |= ready(db, sub, tw_sub_weighted(op, i, weighted));
        subs.push_back(sub);
    }
    if (!changed && !(big && weighted))
        return false;
    if (subs.empty())
        q = Q::MatchNothing;
    else if (big && weighted && subs.size() > TW_MAX_OR_TERMS)
        q = Q(Q::OP_ELITE_SET, subs.begin(), subs.end(), (Xapian::termcount)TW_MAX_OR_TERMS);
    else
        q = Q(op, subs.begin(), subs.end());
    return true;
}

bool tw_ready_for_match(const Xapian::Database &db, Xapian::Query &q)
{
    return ready(db, q, true);
}

/* What Q can add to a score at most, matched alone in DB by WEIGHT. */
static double most_added(const Xapian::Database &db, const Xapian::Query &q,
                         const Xapian::Weight &weight)
{
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(weight);
    return enquire.get_mset(0, 0).get_max_possible();
}

double tw_match_safe_below(const Xapian::Database &db, const Xapian::Query &q,
                           const Xapian::Weight &weight, size_t most_sides)
{
    typedef Xapian::Query Q;
    double safe = std::numeric_limits<double>::infinity();
    Q::op op = q.get_type();
    size_t n = q.get_num_subqueries();
    if (op == Q::OP_OR || op == Q::OP_ELITE_SET) {
        if (n > most_sides)
            return 0;
        if (n > 1) {
            std::vector<double> most;
            for (size_t i = 0; i < n; i++)
                most.push_back(most_added(db, q.get_subquery(i), weight));
            std::nth_element(most.begin(), most.begin() + 1, most.end());
            safe = most[1];
        }
    } else if (op != Q::OP_AND && op != Q::OP_AND_NOT && op != Q::OP_AND_MAYBE &&
               op != Q::OP_FILTER && op != Q::OP_SCALE_WEIGHT) {
        return safe;
    }
    /* Only what is weighed prunes: the first subquery of an AND_NOT or a
     * FILTER, and every one of the others.  A synonym weighs its words as
     * one, and no match prunes inside it. */
    if (op == Q::OP_AND_NOT || op == Q::OP_FILTER)
        n = 1;
    for (size_t i = 0; i < n; i++)
        safe = std::min(safe, tw_match_safe_below(db, q.get_subquery(i), weight, most_sides));
    return safe;
}
