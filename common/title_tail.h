/* title_tail.h - the part after the last separator of a title ("Storm warning
 * | Coastal Notes"), which a site often adds to every page's title. */
#ifndef TW_TITLE_TAIL_H
#define TW_TITLE_TAIL_H

#include <stdbool.h>
#include <stddef.h>

/* Pages of one host whose titles end with the same tail before it is taken
 * for the site's (TW_META_TITLE_TAIL). */
#define TW_TAIL_PAGES 3

/* The separators the parts of a title are joined by, spaced (" | ", " - ",
 * en and em dashes, " :: ", " \u00b7 "); NULL-terminated. */
extern const char *const tw_title_separators[];

/* Whether TITLE (LEN bytes) ends with a tail that could be a site's: after
 * the last of tw_title_separators, at most
 * five words and 60 bytes, after a headline at least as long.  Sets *SEP to
 * where the separator starts and *TAIL to where the tail does. */
bool tw_title_tail(const char *title, size_t len, size_t *sep, size_t *tail);

#endif
