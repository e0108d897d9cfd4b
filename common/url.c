/* url.c - host of a URL. */
#include "url.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

int tw_url_host(const char *url, tw_buf *out)
{
    const char *p = strstr(url, "://");
    if (!p)
        return 0;   /* "ledger.example/x" or "/x": no scheme, so no sure host */
    p += 3;
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
