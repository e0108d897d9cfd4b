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

int tw_url_site_key(const char *url, tw_buf *out)
{
    while (isspace((unsigned char)*url))
        url++;
    if (url[0] == '/' && url[1] == '/')
        return put_host(url + 2, out);
    if (strchr("/?#.", *url))
        return 0;
    return tw_site_key(url, out);
}

/* The length of URL's scheme and the "://" after it ("https://": 8), or 0
 * when it starts with none: a letter, then letters, digits, "+", "-", ".". */
static size_t scheme_length(const char *url)
{
    if (!isalpha((unsigned char)*url))
        return 0;
    size_t n = 1;
    while (isalnum((unsigned char)url[n]) || (url[n] && strchr("+-.", url[n])))
        n++;
    return strncmp(url + n, "://", 3) == 0 ? n + 3 : 0;
}

static int hex_value(char c)
{
    return isdigit((unsigned char)c) ? c - '0' : (tolower((unsigned char)c) - 'a' + 10);
}

int tw_url_absolute(const char *url, tw_buf *out)
{
    while (isspace((unsigned char)*url))
        url++;
    if (scheme_length(url))
        return tw_buf_puts(out, url);
    if (url[0] == '/' && url[1] == '/')
        return tw_buf_puts(out, "https:") < 0 ? -1 : tw_buf_puts(out, url);
    if (strncasecmp(url, "http%3A%2F%2F", 13) && strncasecmp(url, "https%3A%2F%2F", 14))
        return 0;
    for (const char *p = url; *p; p++) {
        char c = *p;
        if (c == '%' && isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2])) {
            c = (char)(hex_value(p[1]) * 16 + hex_value(p[2]));
            p += 2;
        }
        if (!c)
            break;      /* "%00": the address ends there, as a C string does */
        if (tw_buf_putc(out, c) < 0)
            return -1;
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
