/* like_xapian.h - the query of the articles like one (trawl_search_opts.like,
 * trawl-query --like ID): "more like this", as readers of a story ask for
 * the others on its subject. */
#ifndef TW_LIKE_XAPIAN_H
#define TW_LIKE_XAPIAN_H

#include <string>
#include <xapian.h>

#include "db_xapian.h"

/* The words of an article that a search for its like is made of: enough to
 * find articles on its subject told in other words, few enough that what
 * it mentions in passing does not rank articles about that.  Measured by
 * bench/like_eval.py (Reuters, topic agreement at 10, seeds 7 and 8): 10
 * words 0.667 / 0.643, 20 0.717 / 0.692, 30 0.733 / 0.698, 40 and 60 no
 * more than 0.007 above 30.  (Each word weighed by its share of the
 * article's, 0.612 / 0.582: the rarest words then ruled the ranking.) */
#define TW_LIKE_WORDS 30

/* The query of the articles like DOC, one of DB's, whose id term is IDTERM:
 * any of its TW_LIKE_WORDS most telling words (used most in it, and in
 * fewest other articles: tf-idf), ranked by BM25 -- without DOC itself
 * and the copies of its story (its near-copies, in its own index and in
 * the other members of a union), which say nothing new.  Xapian::Query::MatchNothing when it has no word another
 * article has.  Throws what Xapian throws. */
Xapian::Query tw_like_query(const trawl_db *db, const Xapian::Document &doc,
                            const std::string &idterm);

#endif
