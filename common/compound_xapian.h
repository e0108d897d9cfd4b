/* compound_xapian.h - words that a hyphen joins: "e-mail", "co-operate",
 * "re-elect", "Wi-Fi", "COVID-19".  Xapian's term generator and query
 * parser take the hyphen for a space, so "e-mail" is the words "e" and
 * "mail", which a search for "email" never finds, nor a search typed
 * "e-mail" (a phrase of the two) an article that writes "email".  From
 * schema 9 on (schema.h) the writer indexes each such compound's parts run
 * together too, lower-cased ("email", "covid19"), beside its parts, and
 * the query parser is given the parts of a compound typed so run together,
 * which then finds both spellings; a quoted compound stays a phrase of its
 * parts.  Snippets highlight a compound whose parts run together are a
 * word of the query.
 *
 * A compound is two or three parts of up to TW_COMPOUND_PART_MAX word
 * characters each, not all digits ("2024-01-05" and "555-1234" are no
 * words), joined by single hyphens (-, U+2010 or U+2011; one that ends a
 * line of hard-wrapped text joins the start of the next, "infra-\nstructure"
 * as "infrastructure"), and a word of its
 * own: a word character, or one that Xapian keeps inside a word ("AT&T",
 * "1.5", "rock'n") before or after it makes it part of a longer word, and
 * a longer chain ("state-of-the-art") is none.  An apostrophe that splits
 * a word (elision_xapian.h) stands before one as a space does: "l'euro-zone". */
#ifndef TW_COMPOUND_XAPIAN_H
#define TW_COMPOUND_XAPIAN_H

#include <cstddef>
#include <string>
#include <vector>

/* The most characters a part of a compound has: "co-operation" is one,
 * "anti-establishment" not, whose parts are words enough alone. */
#define TW_COMPOUND_PART_MAX 12

/* When a compound starts at TEXT[AT] (LEN bytes in all), returns where it
 * ends and sets JOINED to its parts run together, lower-cased; else
 * returns AT. */
size_t tw_compound_at(const char *text, size_t len, size_t at, std::string &joined);

/* Where the first compound in TEXT[FROM, LEN) starts, with *END and JOINED
 * as tw_compound_at sets them; LEN when there is none. */
size_t tw_next_compound(const char *text, size_t len, size_t from, size_t *end,
                        std::string &joined);

/* The parts of the compound TEXT[0, LEN) (tw_compound_at found it there),
 * lower-cased, in order: "al-Qaeda" gives "al" and "qaeda". */
std::vector<std::string> tw_compound_parts(const char *text, size_t len);

#endif
