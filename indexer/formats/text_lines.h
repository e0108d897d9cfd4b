/* text_lines.h - an article's text read a line at a time: where its
 * byline or dateline may stand (its first lines, its last). */
#ifndef TW_TEXT_LINES_H
#define TW_TEXT_LINES_H

#include <stddef.h>

/* The next line of an article's text from *AT on that holds more than
 * spaces, without the spaces around it, with its length in *LEN; moves *AT
 * past it.  NULL at the end. */
const char *tw_text_next_line(const char **at, size_t *len);

#endif
