/* elision_xapian.h - two words that an apostrophe joins into one: a word
 * elided onto the next (French "l'économie", "qu'il", "jusqu'à", Italian
 * "dell'anno", "un'altra", Catalan "d'aigua", names such as "O'Keefe" or
 * "D'Angelo"), and a word and its "'s" (English "Obama's", "it's", Dutch
 * "auto's").  Xapian's term generator and query parser keep an apostrophe
 * between two word characters inside the word, so "l'économie" would be a
 * word of its own, which a search for "économie" never finds (nor a
 * stemmer stems), and "Obama's" one that "Obama", capitalised and so not
 * stemmed, never finds.  From schema 7 on (schema.h) trawl splits such a
 * word at the apostrophe before Xapian sees it: the writer indexes
 * "l économie" and "Obama s", the query parser is given "l-économie" (a
 * phrase of the two), and snippets match the words so.
 *
 * A clitic is one of a closed list of short words (elided articles,
 * pronouns and prepositions, and the "O'" of Irish names) that starts a
 * word, and the word goes on with two word characters or more, or one
 * outside ASCII: "all'estero" and "jusqu'à" split, "I'm" and "don't" do
 * not, nor "aujourd'hui" (no clitic).
 *
 * From schema 8 on, a Turkish case ending (a closed list) after a word that
 * starts with a capital or a digit is split off too: "Ankara'da",
 * "Türkiye'nin", "2024'te".  The query is split before it is lower-cased,
 * so that a capital still says it is a name. */
#ifndef TW_ELISION_XAPIAN_H
#define TW_ELISION_XAPIAN_H

#include <cstddef>
#include <cstdint>
#include <string>

/* Whether CP is one of the apostrophes Xapian's term generator keeps inside
 * a word: ', U+2019 and U+201B. */
inline bool tw_is_apostrophe(uint32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x201b;
}

/* Whether the apostrophe at TEXT[AT] (tw_is_apostrophe) splits its word: it ends an elided clitic
 * that starts the word, or a final "s" follows it.  Returns the
 * apostrophe's length in bytes, or 0. */
size_t tw_elision_at(const char *text, size_t len, size_t at);

/* Turns each elision apostrophe of TEXT (tw_elision_at) into spaces, byte
 * for byte, so that offsets into TEXT still hold -- but for one that joins
 * a clitic of one capital to a capital ("O'Neill", "D’Angelo"), which
 * turns into a hyphen of as many bytes: the writer then indexes the name's
 * parts run together too ("oneill", compound_xapian.h), as readers type
 * it (schema 12).  Returns how many. */
size_t tw_elisions_blank(std::string &text);

/* TEXT (LEN bytes) with its elisions blanked, in SPLIT, or TEXT itself
 * (nothing copied) when it has none. */
const char *tw_elisions_split(const char *text, size_t len, std::string &split);

#endif
