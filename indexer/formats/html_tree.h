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

/* What kind of element N is, as bits: looked up once by name (libxml2's
 * HTML parser gives names in lower case). */
enum {
    TW_TAG_BLOCK = 1 << 0,      /* starts a paragraph of its own */
    TW_TAG_NEVER = 1 << 1,      /* never holds article text (tw_html_never_text) */
    TW_TAG_HEADING = 1 << 2,    /* h1-h6 */
    TW_TAG_PARA = 1 << 3,       /* a paragraph: p, pre, td, blockquote, dd */
    TW_TAG_BOX = 1 << 4,        /* div, section, article, main: a paragraph when it holds no block */
    TW_TAG_LINE = 1 << 5,       /* a line of text: p, li, dt, dd, h1-h6 */
    TW_TAG_LIST = 1 << 6,       /* a block of items or links: ul, ol, dl, div, section, table, aside, nav, menu */
    TW_TAG_LINK = 1 << 7,       /* a */
    TW_TAG_ASIDE = 1 << 8,      /* nav, aside, footer, menu: boilerplate whatever its names */
    TW_TAG_ROOT = 1 << 9,       /* html, body */
    TW_TAG_APART = 1 << 10      /* a word apart from its neighbours on a line: td, th, option */
};
unsigned tw_html_tag(const xmlNode *n);

/* The next of the class names CLASSES holds (a class attribute's value),
 * from *AT on: returns where it starts, with its length in *LEN, and moves
 * *AT past it; NULL when no name is left.  Names are parted by HTML's white
 * space (space, tab, line feed, form feed, carriage return).  Walk them as
 *     for (const char *at = classes, *name; (name = tw_html_class_next(&at, &len));)
 * (CLASSES NULL: none). */
const char *tw_html_class_next(const char **at, size_t *len);

/* N's class attribute, a copy (free it with xmlFree), when it holds one of
 * WORDS (NULL-ended; ASCII, small letters; the value read in any case) anywhere in it: "post-author" for
 * "author", "entry-date" for "date"; else NULL.  The value is read where
 * the parser keeps it and copied only on a match: asked of every element
 * of a page, a copy of each cost 0.7% of the extraction. */
xmlChar *tw_html_class_with(const xmlNode *n, const char *const *words);

/* The next node after N in document order, not leaving ROOT; when SKIP, not
 * below N; never into an entity reference's declaration. */
xmlNodePtr tw_html_next(xmlNodePtr n, xmlNodePtr root, bool skip);

/* Elements that never hold article text: scripts, styles, form controls,
 * embedded frames and pictures, the head. */
bool tw_html_never_text(const xmlNode *n);

/* Whether N is a text node that holds more than white space. */
bool tw_html_has_text(const xmlNode *n);

/* Whether N is inside a link (N itself an <a>, or an element in one). */
bool tw_html_in_link(xmlNodePtr n);

/* Appends TEXT with every run of white space as one space. */
int tw_html_put_collapsed(tw_buf *out, const char *text);

/* Appends the readable text below ROOT: blocks become paragraphs, <br> a line,
 * table cells words apart; inline elements join what they split ("<b>x</b>y").
 * An element for which LEAVE_OUT(N, CTX) is true is left out, with all below
 * it (NULL: only what tw_html_never_text says).  Returns 0 or -1 on ENOMEM. */
int tw_html_text(xmlNodePtr root, tw_buf *out, bool (*leave_out)(xmlNodePtr n, void *ctx),
                 void *ctx);

#endif
