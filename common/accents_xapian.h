/* accents_xapian.h - the accents' space of an index (schema.h,
 * TW_PREFIX_ACCENTS): the writer files each accented word there without its
 * accents, and the query looks a word up there, and without its accents,
 * besides as typed. */
#ifndef TW_ACCENTS_XAPIAN_H
#define TW_ACCENTS_XAPIAN_H

#include <string>
#include <xapian.h>

/* Where the word of TERM starts: after a stem's "Z" and a field's capitals. */
size_t tw_term_word_at(const std::string &term);

/* Whether TERM is a word of the text or of the title or author field,
 * stemmed or not, and not a key's (id, path, url, site, lang...); sets
 * *WORD_AT to where its word starts (tw_term_word_at). */
bool tw_text_term(const std::string &term, size_t *word_at);

/* WORD without its accents (common/accents.h); WORD itself when it has none. */
std::string tw_unaccented(const std::string &word);

/* TERM (a text term: "Z" for a stem, then "S" or "A" for a field) as the
 * accents' space holds WORD: "Z" kept, then TW_PREFIX_ACCENTS, the field's
 * prefix and WORD. */
std::string tw_accents_term(const std::string &term, const std::string &word);

/* Whether TERM is in the accents' space. */
bool tw_is_accents_term(const std::string &term);

/* Files in the accents' space each text term of DOC whose word has accents,
 * with its positions and count, once the term generator has indexed all
 * the article's text.  Words without accents, and key terms (ids, paths,
 * urls, sites), are left alone. */
void tw_add_unaccented(Xapian::Document &doc);

#endif
