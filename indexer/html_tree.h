/* html_tree.h - walking libxml2's tree of a page, and writing its text.
 *
 * The tree is walked through its parent/child/next pointers, never by
 * recursion, so no depth of nesting can exhaust the stack. */
#ifndef TW_HTML_TREE_H
#define TW_HTML_TREE_H

#include <libxml/tree.h>
#include <stdbool.h>

#include "buf.h"

/* Whether N is the element NAME (ASCII, any case). */
bool tw_html_is(const xmlNode *n, const char *name);

/* The next node after N in document order, not leaving ROOT; when SKIP, not
 * below N. */
xmlNodePtr tw_html_next(xmlNodePtr n, xmlNodePtr root, bool skip);

/* Elements that never hold article text: scripts, styles, form controls,
 * embedded frames and pictures, the head. */
bool tw_html_never_text(const xmlNode *n);

/* Elements that start a paragraph of their own when their text is written. */
bool tw_html_is_block(const xmlNode *n);

/* Appends TEXT with every run of white space as one space. */
int tw_html_put_collapsed(tw_buf *out, const char *text);

/* Appends the readable text below ROOT: blocks become paragraphs, <br> a line.
 * An element for which LEAVE_OUT(N, CTX) is true is left out, with all below
 * it (NULL: only what tw_html_never_text says).  Returns 0 or -1 on ENOMEM. */
int tw_html_text(xmlNodePtr root, tw_buf *out, bool (*leave_out)(xmlNodePtr n, void *ctx),
                 void *ctx);

#endif
