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

/* Whether TEXT names the site, as a part of a title is taken to when it is
 * cut (its name SITE, or the host of URL; either may be NULL): "FOCUS
 * Online" for the site "FOCUS Online", "jungefreiheit.de" for the host
 * www.jungefreiheit.de. */
bool tw_names_site(const char *text, const char *site, const char *url);

#endif
