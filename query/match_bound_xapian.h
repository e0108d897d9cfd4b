/* match_bound_xapian.h - how many articles a query can match at most,
 * known before it runs, from its terms' frequencies. */
#ifndef TW_MATCH_BOUND_XAPIAN_H
#define TW_MATCH_BOUND_XAPIAN_H

#include <xapian.h>

#include "db_xapian.h"

/* The most articles of DB that Q can match: an AND (a phrase, NEAR, a
 * FILTER) no more than its rarest part, an OR (a synonym, an elite set)
 * no more than its parts together, an AND_NOT or AND_MAYBE no more than
 * its first part; DB's article count where a part's matches are not
 * known from a term's frequency (a wildcard, a range of values).  Each
 * term's frequency is asked once (tw_db_term_freqs). */
Xapian::doccount tw_matches_most(const trawl_db *db, const Xapian::Query &q);

#endif
