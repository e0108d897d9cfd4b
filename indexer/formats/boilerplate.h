/* boilerplate.h - what scraped pages wrap around an article: the title repeated as
 * the first line of the text, and trailing comment forms, share buttons,
 * newsletter prompts and "Related Posts" lists. */
#ifndef TW_BOILERPLATE_H
#define TW_BOILERPLATE_H

#include <stddef.h>

/* Cuts boilerplate out of BODY (cleaned text: lines separated by '\n') in place
 * and returns its new length:
 *  - a first line that is TITLE again (compared by letters and digits only),
 *    and the next after it while they are too, three at most;
 *  - from the first trailing marker line ("Leave a Reply", "Related Posts",
 *    "Share this:", ...) to the end, when only short lines follow the text,
 *    and the cut keeps half of the text or more -- or, when lines of the
 *    trailer start with two different markers and it holds three sentences
 *    at most, a sentence's worth of words (eight) above it.  A marker a
 *    story may carry in its midst ("Advertisement", "Read also: ...") opens
 *    a trailer only when no sentence of prose follows it.
 * TITLE may be NULL. */
size_t tw_strip_boilerplate(char *body, size_t len, const char *title);

#endif
