/* acronym_plural.h - the plurals of acronyms: "MPs", "NGOs", "DVDs",
 * "ATMs".  English stemmers take a final "s" off only after a vowel that
 * does not stand just before it, so they leave "mps" and "ngos" whole, and
 * "MP" never found an article about "MPs", nor "NGO" one about "NGOs".
 * From schema 11 on (schema.h) the writer indexes such a plural's stem as
 * its acronym's too ("mp"), the query gives the parser a typed one as its
 * acronym (so that "MPs" finds "MP" as well), and snippets mark it for its
 * acronym.  The plural of an acronym is two capitals or more, with digits
 * among them or not, and a small "s" that ends the word: "MPs", "G20s",
 * not "Mrs", "737s" nor "MPsA". */
#ifndef TW_ACRONYM_PLURAL_H
#define TW_ACRONYM_PLURAL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* When the word that starts at TEXT[AT] (LEN bytes in all) is the plural
 * of an acronym, returns where its acronym ends (at its "s"); else AT. */
size_t tw_acronym_plural_at(const char *text, size_t len, size_t at);

/* Where the first plural of an acronym in TEXT[FROM, LEN) starts, with
 * *END where its acronym ends; LEN when there is none. */
size_t tw_next_acronym_plural(const char *text, size_t len, size_t from, size_t *end);

#ifdef __cplusplus
}
#endif

#endif
