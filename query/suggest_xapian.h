/* suggest_xapian.h - spelling suggestions from the index's own vocabulary
 * (its spelling blocks, or its list of terms). */
#ifndef TW_SUGGEST_XAPIAN_H
#define TW_SUGGEST_XAPIAN_H

#include <string>
#include <xapian.h>

#include "search_work.h"

struct trawl_db;

/* Bounds on the work of one suggestion (documented in trawl-query(1) and
 * libtrawl(3)): at most this many words of a query are looked up -- the
 * first ones that need it -- and all within this many
 * milliseconds; words past either bound are left as typed. */
#define TW_SUGGEST_MAX_WORDS 8
#define TW_SUGGEST_BUDGET_MS 300

/* Returns QUERY with its misspelt words replaced by the closest words of DB's
 * indexes (one or two edits away, the most common of them), or "" when no
 * word needs it.  With NOTHING_FOUND, a word counts as misspelt when no article has it;
 * otherwise (the query found a little) only when it is rare and a much more
 * common word is one or two edits away.  A word whose stem (by DB's stemmer) the index
 * has is known: "beaver" finds "beavers".  Operators, field names and values,
 * and quoted phrases' quotes are left as they are.  The work is bounded by
 * TW_SUGGEST_MAX_WORDS and TW_SUGGEST_BUDGET_MS; what it reads is added to
 * DB's search_work. */
std::string tw_suggest(trawl_db *db, const std::string &query, bool nothing_found);

#endif
