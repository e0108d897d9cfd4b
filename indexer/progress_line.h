/* progress_line.h - the line trawl-index redraws in place on a terminal.
 *
 * A line redrawn in place must fit on one row: one that wraps leaves its
 * first rows behind at each redraw ("\r" goes back to the start of the last
 * row only), so that on a terminal 20 columns wide the progress filled the
 * screen.  And it may use no escape sequence: a dumb terminal (TERM=dumb,
 * an editor's shell) shows "\033[K" as junk.  So the line is made to fit the
 * terminal's width, and what is left of a longer line before it is
 * overwritten with spaces.
 *
 * The line is made of parts, each ranked: on a narrow terminal the parts
 * that matter least give way first, wherever they stand, so that what
 * matters most stays ("45%, 1:23 left" rather than the rate, cut off from
 * the right, had taken the time left first, on a terminal under 62
 * columns). */
#ifndef TW_PROGRESS_LINE_H
#define TW_PROGRESS_LINE_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"

#define TW_PROGRESS_PARTS 8

typedef struct tw_progress_line {
    size_t shown;           /* columns of the line on the terminal; 0: none */
    tw_buf out;             /* what one draw writes, in one write */
    tw_buf text;            /* the parts of the line being made, each after its
                               separator */
    size_t parts;
    struct {
        size_t start, text; /* where the part's separator begins in TEXT, and
                               where the part does */
        unsigned rank;      /* 0: the last to give way */
    } part[TW_PROGRESS_PARTS];
} tw_progress_line;

/* Forgets the parts of the line drawn last, to make the next one. */
void tw_progress_line_start(tw_progress_line *l);

/* Begins a part of RANK (0: kept the longest; of two of one rank, the later
 * gives way first): SEP (", ") goes between it and a part shown before it,
 * and the caller appends its text (ASCII) to L->text.  Returns -1 out of
 * memory or when the line has TW_PROGRESS_PARTS already. */
int tw_progress_line_part(tw_progress_line *l, unsigned rank, const char *sep);

/* Writes the line made since tw_progress_line_start to F in place of the
 * line shown before, made to fit in one column less than COLUMNS (0: no
 * limit; tw_cli_columns tells them), so that the cursor never wraps: the
 * parts of the highest rank left out first, then the one part left cut. */
void tw_progress_line_draw(tw_progress_line *l, FILE *f, size_t columns);

/* Takes the line off F, leaving the cursor at the start of its row, for a
 * warning or the summary to be written there. */
void tw_progress_line_clear(tw_progress_line *l, FILE *f);

void tw_progress_line_free(tw_progress_line *l);

#endif
