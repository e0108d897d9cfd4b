/* url.h - hosts of URLs, and the keys sites are searched by. */
#ifndef TW_URL_H
#define TW_URL_H

#include "buf.h"
#include "date.h"
#include "errors.h"

/* Appends the host of URL to OUT, lower-cased and without a leading "www.":
 * "https://WWW.Ledger.example:8080/x?y" gives "ledger.example".  Appends nothing
 * when URL has no host.  Returns 0 or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_url_host(const char *url, tw_buf *out);

/* Appends the host a user means by S in "site:S": a URL's host, or S itself
 * ("WWW.Ledger.example/", "ledger.example:80"), normalised like tw_url_host.
 * Returns 0 or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_site_host(const char *s, tw_buf *out);

/* Appends the key a site is filed and searched under: for a URL or a host name
 * ("https://www.Ledger.example/x", "ledger.example") its host as
 * tw_site_host gives it; for a site name ("The  Ledger") the name in lower case
 * with its spaces single.  Returns 0 or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_site_key(const char *s, tw_buf *out);

/* Appends the key of the site URL is on (as tw_site_key gives a host), or
 * nothing when URL names no host: a relative one ("/news?id=7", "story?id=7",
 * "index.html") is no site name.  "//host/x" and "www.host.example/x" (no
 * scheme) name their host.  Returns 0 or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_url_site_key(const char *url, tw_buf *out);

/* Appends URL as an absolute address, when it is one: as it is when it
 * has a scheme and a host ("https://host/x"); with "https:" or "https://"
 * before it when it has a host and no scheme ("//host/x", "www.host.example/
 * x"); decoded when its "://" is percent-encoded ("https%3A%2F%2Fhost%2Fx",
 * as some templates write og:url).  Appends nothing for a relative one
 * ("/news?id=7", "index.html") or one without a host ("https://"), which
 * name no page apart from the page they are on.  Returns 0 or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_url_absolute(const char *url, tw_buf *out);

/* The day a URL's path names as WordPress and many news sites write it,
 * "/2023/03/14/slug" (a year of this century or the last, a month, a day),
 * into ISO[TW_DATE_ISO_MAX] as tw_date_format writes it; NULL when it names none.  A year
 * and month alone ("/2023/03/") may be an archive's, and are not taken. */
const char *tw_url_day(const char *url, char iso[TW_DATE_ISO_MAX]);

#endif
