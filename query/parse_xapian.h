/* parse_xapian.h - a query's typed text turned into a Xapian query by the
 * handle's parser, its words as the writer indexed them. */
#ifndef TW_PARSE_XAPIAN_H
#define TW_PARSE_XAPIAN_H

#include <string>
#include <xapian.h>

#include "db_xapian.h"

/* Parses TEXT with the handle's parser: all words must match, or any with
 * MATCH_ANY.  A wildcard in a phrase that stands for more words than were
 * searched is left, as typed, in DB->quoted_broad (empty when none), which
 * tw_broad_wildcard cannot find in the query: the phrase holds its words.
 * Throws Xapian::QueryParserError. */
Xapian::Query tw_db_parse(trawl_db *db, const std::string &text, bool match_any);

/* The window of phrase or NEAR query Q: Xapian 1.4 has no accessor for
 * it, and its description reads "(a@1 PHRASE 2 b@2)". */
Xapian::termcount tw_query_window(const Xapian::Query &q);

/* Whether T, a term of a parsed query, is a word as the text had it
 * (lower-cased, unprefixed): it starts with a digit, a lower-case letter or
 * a byte of a non-ASCII character, where the fields' terms start with an
 * upper-case prefix. */
inline bool tw_plain_term(const std::string &t)
{
    unsigned char c = t.empty() ? 0 : (unsigned char)t[0];
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80;
}

#endif
