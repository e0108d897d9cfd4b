/* all_docs_xapian.cc - matches that Xapian 1.4's "every document has this
 * term" shortcut cannot make fail (all_docs_xapian.h). */
#include "all_docs_xapian.h"

void tw_weigh_nothing(Xapian::Enquire &enquire, bool remote)
{
    if (remote)
        enquire.set_weighting_scheme(Xapian::BM25Weight());
    else
        enquire.set_weighting_scheme(TwZeroWeight());
}

/* Whether Q is a query scaled by 0 (Xapian 1.4 gives no other way to read
 * the factor than its description). */
static bool scaled_by_zero(const Xapian::Query &q)
{
    static const std::string zero = "Query(0 * ";
    return q.get_type() == Xapian::Query::OP_SCALE_WEIGHT &&
           q.get_description().compare(0, zero.size(), zero) == 0;
}

/* Whether OP's subqueries are each a query of their own: the operators
 * rebuilt from their parts alone.  A synonym's terms are read whole at any
 * weight, phrases and NEAR read positions, which the shortcut does not take. */
static bool plain_op(Xapian::Query::op op)
{
    typedef Xapian::Query Q;
    return op == Q::OP_AND || op == Q::OP_OR || op == Q::OP_AND_NOT || op == Q::OP_XOR ||
           op == Q::OP_AND_MAYBE || op == Q::OP_FILTER || op == Q::OP_MAX;
}

bool tw_sub_weighted(Xapian::Query::op op, size_t i, bool weighted)
{
    return weighted && !(i > 0 && (op == Xapian::Query::OP_FILTER ||
                                   op == Xapian::Query::OP_AND_NOT));
}

static void unweighted_terms(const Xapian::Query &q, bool weighted,
                             std::vector<std::string> &terms)
{
    Xapian::Query::op op = q.get_type();
    if (op == Xapian::Query::LEAF_TERM) {
        if (!weighted && !(*q.get_terms_begin()).empty())
            terms.push_back(*q.get_terms_begin());
    } else if (scaled_by_zero(q)) {
        unweighted_terms(q.get_subquery(0), false, terms);
    } else if (plain_op(op)) {
        for (size_t i = 0; i < q.get_num_subqueries(); i++)
            unweighted_terms(q.get_subquery(i), tw_sub_weighted(op, i, weighted), terms);
    }
}

void tw_unweighted_terms(const Xapian::Query &q, std::vector<std::string> &terms)
{
    unweighted_terms(q, true, terms);
}

/* tw_all_docs_safe for Q, a part of a query that ranks when WEIGHTED;
 * *CHANGED set when Q is rewritten. */
static Xapian::Query safe(const Xapian::Query &q, bool weighted,
                          const std::set<std::string> &at_risk, bool *changed)
{
    typedef Xapian::Query Q;
    Q::op op = q.get_type();
    if (op == Q::LEAF_TERM) {
        if (weighted || !at_risk.count(*q.get_terms_begin()))
            return q;
        /* Both lists of documents on the right of an AND_NOT: looked up,
         * as the documents of the left one, all of them, are read. */
        *changed = true;
        return Q(Q::OP_AND_NOT, Q::MatchAll, Q(Q::OP_AND_NOT, Q::MatchAll, q));
    }
    if (scaled_by_zero(q)) {
        bool sub_changed = false;
        Q sub = safe(q.get_subquery(0), false, at_risk, &sub_changed);
        if (!sub_changed)
            return q;
        *changed = true;
        return Q(Q::OP_SCALE_WEIGHT, sub, 0.0);
    }
    if (!plain_op(op))
        return q;
    bool any = false;
    std::vector<Q> subs;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        subs.push_back(safe(q.get_subquery(i), tw_sub_weighted(op, i, weighted), at_risk, &any));
    if (!any)
        return q;
    *changed = true;
    return Q(op, subs.begin(), subs.end());
}

Xapian::Query tw_all_docs_safe(const Xapian::Query &q, const std::set<std::string> &at_risk)
{
    bool changed = false;
    return at_risk.empty() ? q : safe(q, true, at_risk, &changed);
}
