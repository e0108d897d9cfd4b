/* html_content.h - the article of a page: which part of libxml2's tree is the
 * story, and its text without what surrounds it (menus, teasers of other
 * stories, share and comment blocks, cookie and newsletter prompts, footers).
 *
 * How, in short (html_content.c has the details):
 *   1. Leave out what never is article text: scripts, forms, hidden elements,
 *      navigation, and blocks whose class, id or role names boilerplate
 *      (comment, share, related, newsletter, cookie, sidebar, ...) unless it
 *      also names content (article, body, content, main, story, ...).
 *   2. Score the blocks that hold the remaining paragraphs: each paragraph of
 *      25 letters or more gives its parent, grandparent and great-grandparent
 *      points for its length and its commas and sentence ends; a block's
 *      class/id/role/itemprop hints add or take away; the share of its text
 *      inside links scales it down.
 *   3. The best block, with those of its siblings that score near it or are
 *      paragraphs of prose, is the article; near the heading that gives the
 *      page's title, when there is one.
 *   4. Its text is written without what is plainly not the story inside it:
 *      lists and blocks that are mostly links, captions (a <figcaption>, a
 *      picture's line beside it in a box of their own, whatever its
 *      name; not a gallery's), bylines, datelines, notes under the story's
 *      last paragraph (in italics, or linking the site's channels).
 *   5. When that gives little text, the page is taken again with fewer of
 *      these rules (some sites name their article "comment-body"); once a
 *      paragraph is found, a comment section the headline is not in stays
 *      out.
 * The signals hold across sites and languages: none names a site. */
#ifndef TW_HTML_CONTENT_H
#define TW_HTML_CONTENT_H

#include <libxml/tree.h>
#include <stdbool.h>

#include "buf.h"
#include "errors.h"

/* Appends the text of the article of the page whose root element is ROOT to
 * OUT.  HEADLINE (NULL when unknown) is the page's title: the article is
 * sought near a heading that says it, when there is one (a page that goes on
 * to the next stories as one scrolls holds several articles).  Uses the
 * _private field of the tree's element nodes meanwhile.  Returns 0, or -1 on
 * ENOMEM. */
TW_MUST_CHECK
int tw_html_article_text(xmlNodePtr root, const char *headline, tw_buf *out);

/* Whether the article text a page embeds for machines (JSON-LD articleBody)
 * should stand in for what tw_html_article_text found: when that is short
 * (under a few sentences) and holds less than half of the embedded text, which
 * is long and agrees with the page (a fair part of it is in PAGE_TEXT, all the
 * text of the page) unless the page shows next to nothing, or a line beside
 * it (eight times less); or when what was found is a teaser of it (a
 * paywalled page's first paragraphs): in it, and half as long or less. */
bool tw_html_prefer_embedded(const char *found, const char *embedded,
                             const char *page_text);

/* Whether N is inside a block whose class or id names readers' comments
 * ("comments-area", "comment-list", "disqus_thread"): what it holds, a
 * comment's date, is not the article's.  <body> and <html> are not asked:
 * their classes tell the page's state ("showing-comments"). */
bool tw_html_in_comments(const xmlNode *n);

#endif
