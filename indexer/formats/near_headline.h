/* near_headline.h - the lines a page sets by its headline: where a reader
 * looks for a story's date and byline when its markup names neither. */
#ifndef TW_NEAR_HEADLINE_H
#define TW_NEAR_HEADLINE_H

#include <libxml/tree.h>
#include <stdbool.h>

#include "buf.h"

/* The lines by the headline where a page's byline and date are looked for
 * when its markup names neither: so many before it, so many after. */
enum { TW_NEAR_BEFORE = 6, TW_NEAR_AFTER = 12 };

/* Calls SEEN(N, CTX) on the text nodes of ROOT near its headline H1 (NULL:
 * its first <h1>; tw_shown_headline finds the one that tells the story,
 * which a site's logo or a menu's heading may come before) -- up
 * to AFTER of those after it, in order, then up to BEFORE of those before
 * it, nearest first -- until SEEN returns true; returns whether it did.
 * Text that is only white space, in the readers' comments, in a teaser of
 * another story (html_teaser.h), in elements that never hold text
 * (scripts, forms) or in the <h1> is passed over, and so is text in a link
 * before the headline: a teaser's, not the story's (after
 * it, a post's own date and byline often link to its archive and its
 * author's page).  False, without a call, when there is no <h1>. */
bool tw_near_headline(xmlNodePtr root, xmlNodePtr h1, size_t before, size_t after,
                      bool (*seen)(xmlNodePtr n, void *ctx), void *ctx);

/* The text of the element that holds the text node N (a date's parts may
 * be split: "<b>26.</b> Januar 2022"), into OUT; false when it, or the
 * paragraph it is in, is long: a sentence that names a day ("<p><b>Am 22.
 * Oktober</b> erscheint ...") rather than a line that dates the page. */
bool tw_near_short_text(xmlNodePtr n, tw_buf *out);

#endif
