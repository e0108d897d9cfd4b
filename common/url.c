/* url.c - host of a URL. */
#include "url.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

/* Appends the host that starts at P, lower-cased, without "user@" or "www.". */
static int put_host(const char *p, tw_buf *out)
{
    const char *at = NULL;
    for (const char *q = p; *q && !strchr("/?#", *q); q++)
        if (*q == '@')
            at = q;     /* user:password@host */
    if (at)
        p = at + 1;
    if (strncasecmp(p, "www.", 4) == 0)
        p += 4;
    for (; *p && !strchr("/:?#", *p); p++)
        if (tw_buf_putc(out, (char)tolower((unsigned char)*p)) < 0)
            return -1;
    return 0;
}

int tw_url_host(const char *url, tw_buf *out)
{
    const char *p = strstr(url, "://");
    if (!p)
        return 0;   /* "ledger.example/x" or "/x": no scheme, so no sure host */
    return put_host(p + 3, out);
}

int tw_site_host(const char *s, tw_buf *out)
{
    const char *p = strstr(s, "://");
    return put_host(p ? p + 3 : s, out);
}

int tw_site_key(const char *s, tw_buf *out)
{
    while (isspace((unsigned char)*s))
        s++;
    bool spaced = false;
    for (const char *p = s; *p; p++)
        spaced |= isspace((unsigned char)*p) != 0;
    if (strstr(s, "://") || (!spaced && strchr(s, '.')))
        return tw_site_host(s, out);
    bool gap = false, any = false;
    for (; *s; s++) {
        if (isspace((unsigned char)*s)) {
            gap = true;
            continue;
        }
        if ((gap && any && tw_buf_putc(out, ' ') < 0) ||
            tw_buf_putc(out, (char)tolower((unsigned char)*s)) < 0)
            return -1;
        gap = false;
        any = true;
    }
    return 0;
}
