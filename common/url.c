/* url.c - host of a URL, and the day its path names. */
#include "url.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "date.h"

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

/* Reads MIN to MAX digits, and no more, at *P into *V, moving *P past them. */
static bool read_number(const char **p, int min, int max, unsigned *v)
{
    int n = 0;
    for (*v = 0; n < max && isdigit((unsigned char)**p); n++, (*p)++)
        *v = *v * 10 + (unsigned)(**p - '0');
    return n >= min && !isdigit((unsigned char)**p);
}

const char *tw_url_day(const char *url, char iso[21])
{
    const char *path = url ? strstr(url, "://") : NULL;
    path = path ? strchr(path + 3, '/') : NULL;
    for (const char *p = path; p; p = strchr(p + 1, '/')) {
        const char *q = p + 1;
        unsigned y, m, d;
        if (!read_number(&q, 4, 4, &y) || *q++ != '/' || !read_number(&q, 1, 2, &m) ||
            *q++ != '/' || !read_number(&q, 1, 2, &d) || (*q && !strchr("/-_.?#", *q)) ||
            y < 1990 || y > 2099)
            continue;
        char day[11];
        snprintf(day, sizeof day, "%04u-%02u-%02u", y, m, d);
        tw_date when;
        if (tw_date_parse(day, &when)) {
            tw_date_format(&when, iso);
            return iso;
        }
    }
    return NULL;
}
