/* text_wrap.h - where a hit's title and snippet break into the lines of the
 * terminal they are shown on.
 *
 * A snippet is about 200 columns on one line: a terminal of 80 broke it
 * wherever its edge fell, mid-word ("Missouri At" / "torney General"), and
 * set the rest at the left margin, under nothing.  Broken at the places
 * ICU's line breaking allows (UAX #14: after spaces, between Chinese or
 * Japanese characters, between the words of Thai), each line fits, and the
 * lines after the first line up under it. */
#ifndef TW_TEXT_WRAP_H
#define TW_TEXT_WRAP_H

#include <stddef.h>

#include "errors.h"

/* One place a line ends: the text's bytes [end, next) (the spaces at the
 * break, none between two Chinese characters) are left out, and the next
 * line starts at NEXT. */
typedef struct {
    size_t end, next;
} tw_line_break;

/* The breaks (*BREAKS, *N of them, in order; malloc'd, the caller frees
 * them; NULL when none) that set TEXT (LEN bytes of UTF-8) out in lines of
 * at most WIDTH columns, the first starting FIRST columns in and the others
 * INDENT: a line breaks before the piece that would pass WIDTH, and a piece
 * wider than a line (a long address) runs past it on a line of its own.
 * WIDTH 0 (not a terminal), or too few columns for a word after INDENT,
 * gives none.  0, or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_wrap_breaks(const char *text, size_t len, size_t first, size_t indent, size_t width,
                   tw_line_break **breaks, size_t *n);

#endif
