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

/* Below what lowest score of a page Xapian 1.4.22's matcher cannot have
 * left a match of Q out of it: the least, over the ORs that rank in Q (an
 * ELITE_SET matches as one), of the second lowest of what their subqueries
 * can add to a score (Xapian's bound, each matched alone in DB weighed by
 * WEIGHT); infinity when no OR ranks in Q.  Each side's bound is a match
 * of its own (over a remote shard a round trip): an OR of more than
 * MOST_SIDES sides counts 0, so that the search is matched again instead
 * (a pasted text's any-word search asked 1,194 bounds: 30 ms more).
 *
 * Once the lowest score the page keeps passes what one side of an OR can
 * add, the matcher makes the OR an AND_MAYBE that requires the other side;
 * once it passes what that side can add alone too, an AND, which starts
 * past the further of the two sides' current documents, and so skips that
 * one when both sides hold it (AndMaybePostList::next: skip_to(max(lhead,
 * rhead) + 1); seen in its debug log).  Reuters in three shards, `--any
 * networking exist programs`: the sixth hit (9.21, "exist" and "program")
 * was missing from `-n 10` and found with `-n 20`, after the last "network"
 * article, the page's lowest score being 8.23 where "exist" could add
 * 7.86 and "program" 6.28.  While the lowest score stays at most the second
 * lowest of an OR's sides, every side of it holds one that can add more, and
 * no AND is made.  (A match that looks at every article it matches,
 * check_at_least, prunes nothing.)  trawl's own AND_MAYBEs (the nearness
 * bonus, other accents) are left out: the page would have to pass what
 * their whole required side can add (no loss in 700 accented searches of
 * web-eval).  Throws what Xapian throws. */
double tw_match_safe_below(const Xapian::Database &db, const Xapian::Query &q,
                           const Xapian::Weight &weight, size_t most_sides);

#endif
