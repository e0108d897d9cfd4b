/* url.h - the one thing trawl needs from a URL: its host. */
#ifndef TW_URL_H
#define TW_URL_H

#include "buf.h"

/* Appends the host of URL to OUT, lower-cased and without a leading "www.":
 * "https://WWW.Ledger.example:8080/x?y" gives "ledger.example".  Appends nothing
 * when URL has no host.  Returns 0 or -1 on ENOMEM. */
int tw_url_host(const char *url, tw_buf *out);

#endif
