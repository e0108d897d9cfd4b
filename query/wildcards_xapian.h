/* wildcards_xapian.h - a query's wildcards ("heat*"): their patterns, and
 * those that stand for more words than a search expands.
 *
 * Xapian 1.4.22 matches a wildcard as one word of all those it stands for,
 * in a time that grows with the square of how many of them one article
 * holds: 10,000 in one article took 2.7 s, 100,000 four minutes (an article
 * of made-up words, a word list, a dump of ids).  The query parser expands
 * each to TRAWL_WILDCARD_MAX words at most, the most frequent: those find
 * nearly every article the others would (one that has only rare words of
 * the pattern is the exception), and the reader is told. */
#ifndef TW_WILDCARDS_XAPIAN_H
#define TW_WILDCARDS_XAPIAN_H

#include <string>
#include <vector>
#include <xapian.h>

/* Has QP expand each wildcard as tw_wildcard_query does. */
void tw_wildcard_expansion(Xapian::QueryParser &qp);

/* A wildcard of PATTERN (a field's prefix and the start of a word), expanded
 * as the query parser expands those it reads: to the TRAWL_WILDCARD_MAX most
 * frequent words at most. */
Xapian::Query tw_wildcard_query(const std::string &pattern);

/* The words of DB that start with one of PATTERNS (each a field's prefix
 * and the start of a word; tw_wildcard_spellings), of each pattern the
 * TRAWL_WILDCARD_MAX most frequent at most, as a wildcard of it is
 * expanded, as an OR of terms, which a phrase can hold where Xapian 1.4
 * takes no wildcard ("UnimplementedError: OP_NEAR and OP_PHRASE only
 * currently support leaf subqueries"); when a pattern had more, the first
 * such one's wildcard as typed (tw_broad_wildcard) into *BROAD, unless it
 * holds one already.  An empty query when there is none (in a phrase, it
 * would empty the phrase).  Throws what Xapian throws. */
Xapian::Query tw_wildcard_words(const Xapian::Database &db,
                                const std::vector<std::string> &patterns, std::string *broad);

/* The words a wildcard of Q (a Query::OP_WILDCARD) starts with, with its
 * field's prefix ("heat", "Sheat"); empty when Xapian does not describe it
 * as this version does. */
std::string tw_wildcard_pattern(const Xapian::Query &q);

/* How many subqueries of type OP Q holds, anywhere (walking the types
 * alone: no term list is made). */
size_t tw_count_op(const Xapian::Query &q, Xapian::Query::op op);

/* Whether Q holds a subquery of type OP anywhere (tw_count_op). */
bool tw_holds_op(const Xapian::Query &q, Xapian::Query::op op);

/* Whether Q holds a wildcard anywhere. */
bool tw_holds_wildcard(const Xapian::Query &q);

/* The first wildcard of Q, outside what an AND_NOT takes away, that stands
 * for more than TRAWL_WILDCARD_MAX words of DB, as typed ("heat*",
 * "title:heat*"); empty when none does.  It reads at most
 * TRAWL_WILDCARD_MAX + 1 words of the vocabulary for each wildcard.
 * Throws what Xapian throws. */
std::string tw_broad_wildcard(const Xapian::Database &db, const Xapian::Query &q);

#endif
