/* html_teaser.h - whether part of a page is a teaser of another story: one
 * of a run of like blocks (a listing's, a related-stories box's), each a
 * linked headline with its date, its byline and a line of text.  A date or
 * a name in one is that story's, never the page's: a section's front page
 * dated and signed by its first teaser was the page most often misdated. */
#ifndef TW_HTML_TEASER_H
#define TW_HTML_TEASER_H

#include <libxml/tree.h>

/* The teaser N is in, or NULL: the nearest <article>, list item or element
 * with a class, six levels above N at most, that is one of a list (beside
 * another <article> or list item, or an element of its name and class) and
 * holds a heading that links to a page (<h2> to <h6>) and no <h1>.  The
 * page's own story holds its <h1>, or stands alone (a blog's post under its
 * linked <h2>). */
xmlNodePtr tw_html_teaser(xmlNodePtr n);

#endif
