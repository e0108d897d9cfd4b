/* initials_xapian.h - initials written with full stops: "U.S.", "E.U.",
 * "p.m.", "e.g.".  Xapian's term generator and query parser read single
 * capitals each followed by a full stop as one word of the letters ("U.S."
 * is "us"), but small letters as words of their own: an article's "p.m."
 * was the words "p" and "m", which a query's "p.m." (given to the parser in
 * capitals, so that "u.s." finds "U.S.") never found.  From schema 11 on
 * (schema.h) the writer gives the term generator ASCII initials in small
 * letters in capitals, and the query parser is given a query's in
 * capitals, quoted too: "p.m.", "P.M." and "pm" find one another, as
 * "u.s.", "U.S." and "us" do.  Snippets mark initials in either case. */
#ifndef TW_INITIALS_XAPIAN_H
#define TW_INITIALS_XAPIAN_H

#include <cstddef>

/* Where the initials that start at TEXT[AT] (LEN bytes in all) end, past
 * the last one's full stop when it has one; AT when none start there.
 * Initials are two ASCII letters or more, each but the last followed by a
 * full stop, with no word character right after them, as Xapian reads
 * capitals: "U.S", "e.g." but not "U.Sam", "U.S.cars" nor "Ph.D.". */
size_t tw_initials_end(const char *text, size_t len, size_t at);

/* Where the first initials with a small letter in TEXT[FROM, LEN) start
 * (a word character before them makes them none), with *END where they
 * end; LEN when there are none. */
size_t tw_next_small_initials(const char *text, size_t len, size_t from, size_t *end);

#endif
