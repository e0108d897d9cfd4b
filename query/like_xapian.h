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
 * it mentions in passing does not rank articles about that. */
#define TW_LIKE_WORDS 20

/* The query of the articles like DOC, one of DB's, whose id term is IDTERM:
 * any of its TW_LIKE_WORDS most telling words (used most in it, and in
 * fewest other articles: tf-idf), ranked by BM25 -- without DOC itself
 * and the copies of its story (its near-copies in this index), which say
 * nothing new.  Xapian::Query::MatchNothing when it has no word another
 * article has.  Throws what Xapian throws. */
Xapian::Query tw_like_query(const trawl_db *db, const Xapian::Document &doc,
                            const std::string &idterm);

#endif
