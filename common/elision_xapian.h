/* elision_xapian.h - words elided onto the next by an apostrophe: French
 * "l'économie", "qu'il", "jusqu'à", Italian "dell'anno", "un'altra", Catalan
 * "d'aigua", and names such as "O'Keefe" or "D'Angelo".  Xapian's term
 * generator and query parser keep an apostrophe between two word characters
 * inside the word, so "l'économie" would be a word of its own, which a
 * search for "économie" never finds (nor a stemmer stems).  From schema 7 on
 * (schema.h) trawl splits such a word after the clitic before Xapian sees
 * it: the writer indexes "l économie", the query parser is given
 * "l-économie" (a phrase of the two), and snippets match the words so.
 *
 * A clitic is one of a closed list of short words (elided articles,
 * pronouns and prepositions, and the "O'" of Irish names) that starts a
 * word, and the word goes on with two word characters or more, or one
 * outside ASCII: "all'estero" and "jusqu'à" split, English "all's" and
 * "I'm" do not, nor "aujourd'hui" (no clitic). */
#ifndef TW_ELISION_XAPIAN_H
#define TW_ELISION_XAPIAN_H

#include <cstddef>
#include <string>

/* Whether the apostrophe at TEXT[AT] (', U+2019 or U+201B: those the term
 * generator keeps inside a word) ends an elided clitic, which starts the
 * word it is in.  Returns the apostrophe's length in bytes, or 0. */
size_t tw_elision_at(const char *text, size_t len, size_t at);

/* Turns each elision apostrophe of TEXT (tw_elision_at) into spaces, byte
 * for byte, so that offsets into TEXT still hold. Returns how many. */
size_t tw_elisions_blank(std::string &text);

/* TEXT (LEN bytes) with its elisions blanked, in SPLIT, or TEXT itself
 * (nothing copied) when it has none. */
const char *tw_elisions_split(const char *text, size_t len, std::string &split);

#endif
