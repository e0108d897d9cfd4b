/* numbers_xapian.h - numbers written with separators.  Xapian's term
 * generator and query parser keep the full stops and commas between a
 * number's digits inside its word, so "1,500" was a word that neither
 * "1500" nor German "1.500" found, and German "3,5" one that "3.5" never
 * found.  From schema 11 on (schema.h) the writer indexes each such number
 * a second time in its plain form, at the same positions, and the query
 * parser is given a typed number in its plain form: "1,500", "1.500" and
 * "1500" find each other, and so do "3,5" and "3.5".  Snippets highlight a
 * number whose plain form is a word of the query.
 *
 * The plain form is the digits, with a full stop before the decimals.  A
 * separator that all the groups after the first share, each of three
 * digits, after a first of one to three that is no lone 0, groups
 * thousands ("1,500", "1.500", "12,345,678"), and a last, other separator
 * after such groups marks the decimals ("1,234.5", "1.234,5"); a lone comma
 * before other than three digits, or after a first group of 0, is a
 * decimal comma ("3,5", "0,125").  Other runs of digits and separators
 * ("2.6.1", "192.168.0.1", "3,5,7") are left as they are, and so is a
 * number the term generator reads with letters ("1.5bn"). */
/*
 * French, Russian and SI style part a number's thousands with spaces
 * ("15 000", with a no-break, thin or narrow no-break space too), which the
 * term generator reads as two words.  From schema 12 on the writer indexes
 * such a number's groups run together too ("15000", tw_next_spaced_number),
 * at the positions of its first and last groups, as it does a hyphenated
 * compound's parts (compound_xapian.h): "15000" and "15,000" find it.  The
 * groups are one to three digits, no lone 0, then groups of three; a
 * number with decimals after its last group ("15 000,50") is left as it
 * is, and so are runs whose first "group" is longer ("1987 200"). */
#ifndef TW_NUMBERS_XAPIAN_H
#define TW_NUMBERS_XAPIAN_H

#include <string>
#include <xapian.h>

/* Whether WORD (a term's word, as the term generator made it) is a number
 * whose plain form differs from it; sets PLAIN to that form if so. */
bool tw_number_plain(const std::string &word, std::string &plain);

/* Where the first number spaced into groups of thousands in TEXT[FROM,
 * LEN) starts ("15 000"), with *END set to where it ends and PLAIN to its
 * digits ("15000"); LEN when there is none. */
size_t tw_next_spaced_number(const char *text, size_t len, size_t from, size_t *end,
                             std::string &plain);

/* Adds to DOC each number of its text terms in its plain form, with the
 * number's positions and count, once the term generator has indexed all
 * the article's text.  Key terms (ids, paths, urls) are left alone. */
void tw_add_plain_numbers(Xapian::Document &doc);

#endif
