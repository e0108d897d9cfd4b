/* consent_wall.h - whether a saved web page is only a cookie consent
 * prompt: a site that asks before it shows anything answers a scraper with
 * the prompt, saved under the article's name, and each came into the index
 * as a story of cookies and partners. */
#ifndef TW_CONSENT_WALL_H
#define TW_CONSENT_WALL_H

#include <libxml/tree.h>
#include <stdbool.h>

/* Whether the text of the page whose root element is ROOT is, nearly all
 * of it, in blocks whose class or id names a consent prompt ("cookie",
 * "consent", "gdpr"): what is left outside them is a few words (a logo, a
 * title), where a page with an article under a cookie banner holds the
 * article outside it; and they hold no more than a prompt says (a few
 * thousand letters) and no <article> or <main>, not a page wrapped whole
 * in a block of such a name. */
bool tw_consent_wall(xmlNodePtr root);

#endif
