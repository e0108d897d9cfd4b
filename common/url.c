/* url.c - host of a URL, and the day its path names. */
#include "url.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "date.h"

/* Appends the host that starts at P, lower-cased, without "user@", "www."
 * or a fully qualified name's final dot ("ledger.example." is the host
 * ledger.example: typed so, site: matched nothing). */
static int put_host(const char *p, tw_buf *out)
{
    size_t start = out->len;
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
    while (out->len > start && out->data[out->len - 1] == '.')
        out->data[--out->len] = '\0';
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

/* File names a relative url ends with, which look like a host's last label. */
static const char *const FILE_ENDINGS[] = { "html", "htm", "shtml", "php", "asp", "aspx",
                                            "jsp", "cgi", "pdf", "txt", "xml", "json", NULL };

/* Whether the url S, which has no scheme, starts with a host ("www.ledger.
 * example/x", "ledger.example:8080"), not a path ("news/a.html",
 * "index.html", "story?id=7"): a first part of names with a dot between
 * them, the last of letters and not a file's ending, and perhaps a port. */
static bool starts_with_host(const char *s)
{
    size_t n = strcspn(s, "/?#");
    const char *colon = memchr(s, ':', n);
    if (colon) {
        for (const char *p = colon + 1; p < s + n; p++)
            if (!isdigit((unsigned char)*p))
                return false;
        n = (size_t)(colon - s);
    }
    const char *dot = NULL;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.')
            dot = s + i;
        else if (!isalnum((unsigned char)s[i]) && s[i] != '-')
            return false;
    }
    if (!dot || dot == s || (size_t)(s + n - dot - 1) < 2)
        return false;
    for (const char *p = dot + 1; p < s + n; p++)
        if (!isalpha((unsigned char)*p))
            return false;
    for (const char *const *e = FILE_ENDINGS; *e; e++)
        if (strlen(*e) == (size_t)(s + n - dot - 1) && !strncasecmp(dot + 1, *e, strlen(*e)))
            return false;
    return true;
}

/* Where the host of URL starts, or NULL when URL names none: after a
 * scheme, after "//", or at its start when it starts with one. */
static const char *host_of(const char *url)
{
    size_t scheme = scheme_length(url);
    const char *host = scheme ? url + scheme : url[0] == '/' && url[1] == '/' ? url + 2
                     : starts_with_host(url) ? url : NULL;
    return host && *host && !strchr("/?#:", *host) ? host : NULL;
}

int tw_url_site_key(const char *url, tw_buf *out)
{
    while (isspace((unsigned char)*url))
        url++;
    const char *host = host_of(url);
    return host ? put_host(host, out) : 0;
}

static int hex_value(char c)
{
    return isdigit((unsigned char)c) ? c - '0' : (tolower((unsigned char)c) - 'a' + 10);
}

/* Appends URL, whose "://" is percent-encoded, decoded once; returns 0 or -1
 * on ENOMEM. */
static int put_decoded(const char *url, tw_buf *out)
{
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

int tw_url_absolute(const char *url, tw_buf *out)
{
    while (isspace((unsigned char)*url))
        url++;
    if (!strncasecmp(url, "http%3A%2F%2F", 13) || !strncasecmp(url, "https%3A%2F%2F", 14)) {
        tw_buf decoded = { 0 };
        int rc = put_decoded(url, &decoded);
        if (rc == 0 && host_of(decoded.data))
            rc = tw_buf_puts(out, decoded.data);
        tw_buf_free(&decoded);
        return rc;
    }
    if (!host_of(url))
        return 0;
    if (scheme_length(url))
        return tw_buf_puts(out, url);
    return tw_buf_puts(out, url[0] == '/' ? "https:" : "https://") < 0 ? -1 : tw_buf_puts(out, url);
}

/* Reads MIN to MAX digits, and no more, at *P into *V, moving *P past them. */
static bool read_number(const char **p, int min, int max, unsigned *v)
{
    int n = 0;
    for (*v = 0; n < max && isdigit((unsigned char)**p); n++, (*p)++)
        *v = *v * 10 + (unsigned)(**p - '0');
    return n >= min && !isdigit((unsigned char)**p);
}

const char *tw_url_day(const char *url, char iso[TW_DATE_ISO_MAX])
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
