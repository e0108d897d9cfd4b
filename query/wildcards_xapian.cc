/* wildcards_xapian.cc - a query's wildcards and the broad ones. */
#include "wildcards_xapian.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "trawl.h"
#include "schema.h"
#include "accents_xapian.h"

/* Which words a wildcard keeps when it stands for more than
 * TRAWL_WILDCARD_MAX (the header says why). */
static const int EXPANSION_KEEPS = Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT;

void tw_wildcard_expansion(Xapian::QueryParser &qp)
{
    qp.set_max_expansion(TRAWL_WILDCARD_MAX, EXPANSION_KEEPS);
}

Xapian::Query tw_wildcard_query(const std::string &pattern)
{
    return Xapian::Query(Xapian::Query::OP_WILDCARD, pattern, TRAWL_WILDCARD_MAX,
                         EXPANSION_KEEPS);
}

std::string tw_wildcard_pattern(const Xapian::Query &q)
{
    /* Xapian 1.4 has no accessor for the pattern; the description is
     * "Query(WILDCARD <how expansions combine> <pattern>)". */
    std::string d = q.get_description();
    size_t close = d.rfind(')'), space = d.rfind(' ', close);
    if (close == std::string::npos || space == std::string::npos)
        return std::string();
    return d.substr(space + 1, close - space - 1);
}

size_t tw_count_op(const Xapian::Query &q, Xapian::Query::op op)
{
    size_t n = q.get_type() == op;
    for (size_t i = 0, subs = q.get_num_subqueries(); i < subs; i++)
        n += tw_count_op(q.get_subquery(i), op);
    return n;
}

bool tw_holds_op(const Xapian::Query &q, Xapian::Query::op op)
{
    return tw_count_op(q, op) != 0;
}

bool tw_holds_wildcard(const Xapian::Query &q)
{
    return tw_holds_op(q, Xapian::Query::OP_WILDCARD);
}

/* PATTERN, a wildcard's, as the reader typed it: one of the accents' space
 * (languages_xapian.cc looks a wildcard up there too) as its words without
 * accents, which "exa*" typed stands for. */
static std::string as_typed(const std::string &spelt)
{
    std::string pattern = tw_is_accents_term(spelt)
                              ? spelt.substr(std::char_traits<char>::length(TW_PREFIX_ACCENTS))
                              : spelt;
    static const struct {
        const char *prefix, *field;
    } fields[] = { { TW_PREFIX_TITLE, "title:" }, { TW_PREFIX_AUTHOR, "author:" } };
    for (const auto &f : fields) {
        size_t n = std::char_traits<char>::length(f.prefix);
        if (pattern.compare(0, n, f.prefix) == 0)
            return f.field + pattern.substr(n) + "*";
    }
    return pattern + "*";
}

Xapian::Query tw_wildcard_words(const Xapian::Database &db,
                                const std::vector<std::string> &patterns, std::string *broad)
{
    std::vector<Xapian::Query> terms;
    for (const std::string &p : patterns) {
        std::vector<std::pair<Xapian::doccount, std::string>> words;
        for (Xapian::TermIterator t = db.allterms_begin(p); t != db.allterms_end(p); ++t)
            words.emplace_back(t.get_termfreq(), *t);
        /* Each spelling's own TRAWL_WILDCARD_MAX, as outside quotes, where
         * each is a wildcard of its own (languages_xapian.cc). */
        if (words.size() > TRAWL_WILDCARD_MAX) {
            if (broad->empty())
                *broad = as_typed(p);
            /* The most frequent first, as EXPANSION_KEEPS has the parser
             * keep them; of one frequency, the first in the vocabulary. */
            std::stable_sort(words.begin(), words.end(),
                             [](const auto &a, const auto &b) { return a.first > b.first; });
            words.resize(TRAWL_WILDCARD_MAX);
        }
        for (const auto &w : words)
            terms.emplace_back(w.second);
    }
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::string tw_broad_wildcard(const Xapian::Database &db, const Xapian::Query &q)
{
    Xapian::Query::op op = q.get_type();
    if (op == Xapian::Query::OP_WILDCARD) {
        std::string pattern = tw_wildcard_pattern(q);
        if (pattern.empty())
            return std::string();
        Xapian::termcount n = 0;
        for (Xapian::TermIterator t = db.allterms_begin(pattern);
             t != db.allterms_end(pattern); ++t)
            if (++n > TRAWL_WILDCARD_MAX)
                return as_typed(pattern);
        return std::string();
    }
    /* What an AND_NOT takes away finds no hit to miss. */
    size_t n = op == Xapian::Query::OP_AND_NOT ? 1 : q.get_num_subqueries();
    for (size_t i = 0; i < n; i++) {
        std::string broad = tw_broad_wildcard(db, q.get_subquery(i));
        if (!broad.empty())
            return broad;
    }
    return std::string();
}
