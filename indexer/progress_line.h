/* progress_line.h - the line trawl-index redraws in place on a terminal.
 *
 * A line redrawn in place must fit on one row: one that wraps leaves its
 * first rows behind at each redraw ("\r" goes back to the start of the last
 * row only), so that on a terminal 20 columns wide the progress filled the
 * screen.  And it may use no escape sequence: a dumb terminal (TERM=dumb,
 * an editor's shell) shows "\033[K" as junk.  So the line is cut to the
 * terminal's width, and what is left of a longer line before it is
 * overwritten with spaces. */
#ifndef TW_PROGRESS_LINE_H
#define TW_PROGRESS_LINE_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"

typedef struct tw_progress_line {
    size_t shown;           /* columns of the line on the terminal; 0: none */
    tw_buf out;             /* what one draw writes, in one write */
} tw_progress_line;

/* Writes TEXT (LEN bytes of ASCII, its parts separated by ", ") to F in
 * place of the line shown before, cut to one column less than COLUMNS (0:
 * not cut; tw_cli_columns tells them), so that the cursor never wraps:
 * after the last part that fits, else in the first. */
void tw_progress_line_draw(tw_progress_line *l, FILE *f, const char *text, size_t len,
                           size_t columns);

/* Takes the line off F, leaving the cursor at the start of its row, for a
 * warning or the summary to be written there. */
void tw_progress_line_clear(tw_progress_line *l, FILE *f);

void tw_progress_line_free(tw_progress_line *l);

#endif
