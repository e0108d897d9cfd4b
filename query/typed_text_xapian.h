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

/* Initials typed with full stops in a query: the letters of each ("us" for
 * "U.S."), and the start of the words that stand in for them
 * (tw_initials_stand_in), chosen for the query. */
struct TypedInitials {
    std::vector<std::string> letters;
    std::string head;
};

/* TEXT, a query as tw_typed_plain gave it, as DB's parser is to read it.  The compounds
 * joined go to *JOINS, the initials typed with full stops to *INITIALS
 * (NULL: none are listed; listed, they are given to the parser as
 * tw_initials_stand_in), for parse_xapian.cc to look for them
 * as the writer indexed them.  Throws Xapian::QueryParserError for a field
 * with nothing after its colon. */
std::string tw_typed_for_parser(trawl_db *db, const std::string &text, std::vector<Joined> *joins,
                                TypedInitials *initials);

/* The word tw_typed_for_parser gives the parser in place of the initials
 * I of IN, as typed (TYPED: with a capital, which the parser does not
 * stem) or as the parser's term.  The parser reads "U.S." as the word "us",
 * as it reads a quoted "us": the stand-in lets the initials alone be
 * looked for by their mark.  Its start, IN's head, is part of no word of
 * the query's text, whatever its case, so that no word typed is taken for
 * it. */
std::string tw_initials_stand_in(const TypedInitials &in, size_t i, bool typed);

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
