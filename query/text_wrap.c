/* text_wrap.c - where a hit's title and snippet break into a terminal's lines. */
#include "text_wrap.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "snippet.h"
#include "utf8.h"

/* Fewer columns than this after the indent is no line to set words in: a
 * terminal that narrow breaks the lines itself. */
#define MIN_LINE 8

/* The columns bytes [A, B) of TEXT take on a terminal. */
static size_t columns(const char *text, size_t a, size_t b)
{
    size_t cols = 0;
    while (a < b) {
        uint32_t cp;
        a += tw_utf8_char_at(text, b, a, &cp);
        cols += cp < 0x80 ? 1 : tw_char_columns(cp);
    }
    return cols;
}

int tw_wrap_breaks(const char *text, size_t len, size_t first, size_t indent, size_t width,
                   tw_line_break **breaks, size_t *n)
{
    *breaks = NULL;
    *n = 0;
    if (width < indent + MIN_LINE || len > INT32_MAX || first + columns(text, 0, len) <= width)
        return 0;
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, text, (int64_t)len, &status);
    UBreakIterator *bi = ubrk_open(UBRK_LINE, "", NULL, 0, &status);
    ubrk_setUText(bi, &ut, &status);
    int rc = 0;
    size_t cap = 0, col = first, line_end = 0;
    bool line_used = false;
    /* Each piece runs from one break opportunity to the next: its words,
     * then the spaces after them, which a line may end in unseen. */
    for (int32_t from = 0, to = U_SUCCESS(status) ? ubrk_following(bi, 0) : UBRK_DONE;
         to != UBRK_DONE && rc == 0; from = to, to = ubrk_next(bi)) {
        size_t a = (size_t)from, b = (size_t)to, seen = b;
        while (seen > a && text[seen - 1] == ' ')
            seen--;
        size_t shown = columns(text, a, seen);
        if (line_used && col + shown > width) {
            if (*n == cap) {
                cap = cap ? 2 * cap : 4;
                tw_line_break *more = realloc(*breaks, cap * sizeof *more);
                if (!more) {
                    rc = -1;
                    break;
                }
                *breaks = more;
            }
            (*breaks)[(*n)++] = (tw_line_break){ line_end, a };
            col = indent;
        }
        col += shown + (b - seen);
        line_end = seen;
        line_used = true;
    }
    ubrk_close(bi);
    utext_close(&ut);
    if (rc < 0) {
        free(*breaks);
        *breaks = NULL;
        *n = 0;
    }
    return rc;
}
