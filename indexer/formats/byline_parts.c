/* byline_parts.c - where a byline's parts end (byline_parts.h). */
#include "byline_parts.h"

#include <stdbool.h>
#include <string.h>

#define MIDDLE_DOT "\xC2\xB7"

static const char *const SEPARATORS[] = {
    "|", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xBB ", "\xE2\x80\xA2", MIDDLE_DOT,
    NULL
};

/* Whether the middle dot at AT (in [START, END)) joins the two l's of a
 * Catalan word ("col·lega", "Marcel·lí"), where it is a letter's mark. */
static bool catalan_dot(const char *start, const char *at, const char *end)
{
    const char *after = at + strlen(MIDDLE_DOT);
    return at > start && after < end && (at[-1] == 'l' || at[-1] == 'L') &&
           (*after == 'l' || *after == 'L');
}

const char *tw_byline_separator(const char *p, const char *end, size_t *len)
{
    const char *best = end;
    *len = 0;
    for (const char *const *sep = SEPARATORS; *sep; sep++) {
        size_t n = strlen(*sep);
        bool dot = !strcmp(*sep, MIDDLE_DOT);
        for (const char *from = p, *at;
             (at = memmem(from, (size_t)(end - from), *sep, n)) && at < best;
             from = at + n) {
            if (dot && catalan_dot(p, at, end))
                continue;
            best = at;
            *len = n;
            break;
        }
    }
    return best;
}
