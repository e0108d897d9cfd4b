/* author_cap.h - the most of an author field an article keeps.  A record
 * may list thousands of names in one field (a paper's, a scraper's
 * join of every contributor); kept whole, the author facet printed it as
 * one value and the byline code read it at every word. */
#ifndef TW_AUTHOR_CAP_H
#define TW_AUTHOR_CAP_H

#include <stddef.h>

/* Bytes of an author field an article keeps (README: "Author"). */
#define TW_AUTHOR_MAX 1000

/* How much of AUTHOR (LEN bytes) an article keeps: all of it up to
 * TW_AUTHOR_MAX bytes; else what comes before the last comma or semicolon
 * (where one name ends and the next starts, as the author facet splits
 * names) that leaves at most TW_AUTHOR_MAX bytes, without the spaces
 * before it; when none does, what comes before the last space, or the
 * whole characters that fit. */
size_t tw_author_cap(const char *author, size_t len);

#endif
