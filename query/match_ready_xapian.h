/* match_ready_xapian.h - a query made ready for Xapian 1.4's matcher.
 *
 * Two of its limits shape what a search asks: an OR of thousands of words
 * takes it time quadratic in their number, and an AND_NOT whose excluded
 * part holds an AND_MAYBE inside an AND makes it read memory it never set
 * (Xapian 1.4.22, Debian 12; valgrind), so that what the AND_NOT excludes
 * depends on what that memory held. */
#ifndef TW_MATCH_READY_XAPIAN_H
#define TW_MATCH_READY_XAPIAN_H

#include <xapian.h>

/* An OR of more subqueries than this is cut down before it runs: 1,000
 * words take Xapian 1.4's OR matcher 25 ms, 10,000 words 2-3 s, and an
 * any-word search (--any, or the fallback when all the words find nothing)
 * of a pasted text has that many. */
#define TW_MAX_OR_TERMS 1000

/* Makes Q, a query of DB, ready to match; returns whether Q changed.
 *
 * - In a big OR, words no article has are dropped (they match nothing and
 *   weigh nothing, so that changes no result); if more than TW_MAX_OR_TERMS
 *   remain, the OR becomes Xapian's ELITE_SET of the TW_MAX_OR_TERMS that
 *   can weigh the most (the rarest words) -- but only where the OR ranks:
 *   under an AND_NOT or a FILTER it decides what is excluded or kept, and
 *   keeping part of it would change that.
 * - Where nothing is weighed (past the first subquery of an AND_NOT or a
 *   FILTER), an AND_MAYBE becomes its first subquery, which matches the
 *   same articles: its second only adds weight.  That spares the AND_NOT
 *   the reads of memory never set (the some-word fill excludes the query
 *   that has all the words, whose words the query of other accents makes
 *   AND_MAYBEs, and showed an article with all of them a second time).
 *
 * Throws what Xapian throws. */
bool tw_ready_for_match(const Xapian::Database &db, Xapian::Query &q);

#endif
