/* typed_text_xapian.h - a query's text as typed, rewritten as Xapian's
 * parser is to read it: its words split, joined and spelt as the writer
 * indexed the articles' (numbers, compounds, elisions, initials, Thai, Lao,
 * Khmer and Burmese runs, Chinese, Japanese and Korean runs, quotes, case),
 * key fields' values left as typed. */
#ifndef TW_TYPED_TEXT_XAPIAN_H
#define TW_TYPED_TEXT_XAPIAN_H

#include <string>
#include <vector>

#include "db_xapian.h"

/* A compound a query joined: its parts run together, as the writer indexed
 * it too, and its parts. */
struct Joined {
    std::string word;
    std::vector<std::string> parts;
};

/* TEXT, a query as typed, in Unicode's composed form (nfc.h), with its
 * full-width letters and digits in ASCII
 * and its quotation marks of every language as '"' (Xapian's parser knows
 * only those), as the rest of the query's reading is to see it: a phrase
 * in curly quotes is the phrase in straight ones, excluded ones too. */
std::string tw_typed_plain(const std::string &text);

/* Words of a query that reach the parser as stand-ins: the letters of
 * initials typed with full stops ("us" for "U.S."), or the start of a
 * wildcard typed inside quotes ("s" for "s*"); and HEAD, the start of
 * their stand-ins, chosen for the query so that no word typed is one
 * ("U.S. OR \"qinitialsusq\"" had looked for the initials twice). */
struct StandIns {
    std::vector<std::string> words;
    std::string head;
};

/* TEXT, a query as tw_typed_plain gave it, as DB's parser is to read it.  The compounds
 * joined go to *JOINS, the initials typed with full stops to *INITIALS
 * (NULL: none are listed; listed, they are given to the parser as
 * tw_initials_stand_in), the words of wildcards inside quotes, in small
 * letters, to *WILDCARDS (given to the parser as tw_wildcard_stand_in), for
 * parse_xapian.cc to look for them as the writer indexed them.  Throws
 * Xapian::QueryParserError for what the parser would misread: a field with
 * nothing after its colon, NEAR or ADJ beside other than words. */
std::string tw_typed_for_parser(trawl_db *db, const std::string &text, std::vector<Joined> *joins,
                                StandIns *initials, StandIns *wildcards);

/* The word tw_typed_for_parser gives the parser in place of the wildcard I
 * of IN, typed inside quotes: Xapian 1.4's parser expands no wildcard in
 * a phrase (it read "s* oil" as "s oil"). */
std::string tw_wildcard_stand_in(const StandIns &in, size_t i);

/* The word tw_typed_for_parser gives the parser in place of the initials
 * I of IN, as typed (TYPED: with a capital, which the parser does not
 * stem) or as the parser's term.  The parser reads "U.S." as the word "us",
 * as it reads a quoted "us": the stand-in lets the initials alone be
 * looked for by their mark. */
std::string tw_initials_stand_in(const StandIns &in, size_t i, bool typed);

/* Whether byte C belongs to a word of a query as typed (ASCII letters and
 * digits, and every byte of a character outside ASCII). */
inline bool tw_query_word_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

/* Whether WORD is one of the query parser's operators, which only capitals
 * make ("AND", "NEAR"...). */
bool tw_query_operator(const std::string &word);

#endif
