/* initials_xapian.h - initials written with full stops: "U.S.", "E.U.",
 * "p.m.", "e.g.".  Xapian's term generator and query parser read single
 * capitals each followed by a full stop as one word of the letters ("U.S."
 * is "us"), but small letters as words of their own: an article's "p.m."
 * was the words "p" and "m", which a query's "p.m." (given to the parser in
 * capitals, so that "u.s." finds "U.S.") never found.  From schema 11 on
 * (schema.h) the writer gives the term generator ASCII initials in small
 * letters in capitals, and the query parser is given a query's in
 * capitals, quoted too: "p.m.", "P.M." and "pm" find one another, as
 * "u.s.", "U.S." and "us" do.  Snippets mark initials in either case.
 *
 * Initials that spell a common word ("U.S." and "us", "U.N." and French
 * "un", "IT" and "it", "WHO" and "who") were that word: "U.S. exports"
 * found every article saying "let us" and "exports", and ranked one that
 * says "us" twice above one that says "the U.S." once.  From schema 12 on
 * the writer also indexes initials by their mark, the small letters each
 * followed by a full stop ("u.s.", a term no word is), at their word's
 * position: those written with full stops ("U.S.", "U.S", "p.m."), and
 * two or three capitals standing between words that are not in capitals
 * ("the US said", not a headline's "LET US PRAY"), whose count it takes off
 * the word's, so that an article's length stays as it was.  The query
 * parser looks for the mark of initials typed with full stops alone ("U.S."
 * finds "U.S.", "U.S" and the US of running text, not "us"); a word typed
 * without them, in capitals or not, is searched as before (session 14:
 * "US" and "us" find "U.S." too, and the pronoun). */
#ifndef TW_INITIALS_XAPIAN_H
#define TW_INITIALS_XAPIAN_H

#include <cstddef>
#include <string>

/* Where the initials that start at TEXT[AT] (LEN bytes in all) end, past
 * the last one's full stop when it has one; AT when none start there.
 * Initials are two ASCII letters or more, each but the last followed by a
 * full stop, with no word character right after them, as Xapian reads
 * capitals: "U.S", "e.g." but not "U.Sam", "U.S.cars" nor "Ph.D.". */
size_t tw_initials_end(const char *text, size_t len, size_t at);

/* The letters of the initials TEXT[AT, END) (END from tw_initials_end), in
 * small letters: "U.S." gives "us". */
std::string tw_initials_word(const char *text, size_t at, size_t end);

/* Where the first initials with a small letter in TEXT[FROM, LEN) start
 * (a word character before them makes them none), with *END where they
 * end; LEN when there are none. */
size_t tw_next_small_initials(const char *text, size_t len, size_t from, size_t *end);

/* The most capitals that are initials when written without full stops. */
#define TW_INITIALS_CAPITALS_MAX 3

/* The mark of initials whose letters are LETTERS, in either case: "us"
 * gives "u.s.". */
std::string tw_initials_mark(const std::string &letters);

/* Whether WORD is an initials' mark ("u.s."); sets LETTERS to its letters
 * ("us") if so. */
bool tw_initials_letters(const std::string &word, std::string &letters);

/* Where the first initials the writer marks in TEXT[FROM, LEN) start: with
 * full stops, or two to TW_INITIALS_CAPITALS_MAX ASCII capitals, a word of
 * their own, neither of whose neighbouring words is in capitals; with *END
 * where they end and MARK set to their mark; LEN when there are none. */
size_t tw_next_initials_mark(const char *text, size_t len, size_t from, size_t *end,
                             std::string &mark);

#endif
