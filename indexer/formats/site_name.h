/* site_name.h - a site's name cut from a title: "Story headline | The
 * Ledger", as pages' <title> and the dumps made of them write it. */
#ifndef TW_SITE_NAME_H
#define TW_SITE_NAME_H

#include <stdbool.h>

#include "buf.h"

/* "Story headline | The Ledger" -> "Story headline", when the part after
 * the last separator names the site (SITE, its name, or the host of URL;
 * either may be NULL); "The Ledger | Story headline" -> "Story headline"
 * the same way with the first one.  A name that holds a separator itself
 * goes a part at a time, three at most.  TITLE is changed in place. */
void tw_strip_site_name(tw_buf *title, const char *site, const char *url);

/* "Story headline | The Ledger" given as a site's name -> "The Ledger",
 * when TITLE (the article's) is the part before the separator; "The Ledger
 * | Story headline" the same way.  Some sites write their pages' title in
 * og:site_name, which then named as many sites as the site has pages (a
 * facet's "Achtsam durch die Krise | Die FURCHE").  SITE is changed in
 * place; TITLE may be NULL. */
void tw_strip_title_from_site(tw_buf *site, const char *title);

/* TITLE without NAME, the site's name as its logo says it
 * (tw_logo_heading), and all that follows it, when a separator comes
 * before it (one of tw_title_separators, or " : "): "Muffin Grundrezept :
 * Muffin Rezepte", "Headline : Blog | Its motto | Since 2005"; or without
 * NAME and the separator after it when they start TITLE and 8 bytes or
 * more follow.  ASCII letters are compared in any case.  TITLE is changed in
 * place. */
void tw_strip_logo_name(tw_buf *title, const char *name);

/* Whether TEXT names the site, as a part of a title is taken to when it is
 * cut (its name SITE, or the host of URL; either may be NULL): "FOCUS
 * Online" for the site "FOCUS Online", "jungefreiheit.de" for the host
 * www.jungefreiheit.de. */
bool tw_names_site(const char *text, const char *site, const char *url);

/* The length of AUTHOR without the names after its last commas that name
 * the site (as tw_names_site takes a name to), and the commas: "Rob
 * Picheta, CNN" is "Rob Picheta" on cnn.com, where a byline adds the agency
 * or the paper after the writer.  Its length when no such name ends it, or
 * when all its names are such (the site's own page). */
size_t tw_site_tail(const char *author, const char *site, const char *url);

#endif
