/* repeated_lines.h - a long line of a page's article said once.
 *
 * A page's template may set a line of the story twice: a pull quote again in
 * large type, the story again for readers without scripts, the same notice
 * above each block.  Indexed twice, its words count twice for BM25 and a
 * snippet may show it twice; the second copy adds nothing to find. */
#ifndef TW_REPEATED_LINES_H
#define TW_REPEATED_LINES_H

#include <stddef.h>

/* Lines this long or longer (in bytes, without the white space around them)
 * are kept once; shorter ones ("Advertisement", a refrain, a table's "Yes")
 * are left as they are: repeated, a short line is as likely the text's own. */
#define TW_REPEATED_LINE_MIN 80

/* Removes from TEXT (LEN bytes, '\n' between lines) each line of
 * TW_REPEATED_LINE_MIN bytes or more, white space around it aside, that
 * equals a line before it, with its newline; moves what follows up and
 * returns the new length.  Returns LEN, nothing moved, when memory runs out
 * for its table: the lines are then only left repeated. */
size_t tw_drop_repeated_lines(char *text, size_t len);

#endif
