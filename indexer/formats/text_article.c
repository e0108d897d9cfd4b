/* text_article.c - header lines, title and body of a plain-text article. */
#include "text_article.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"

typedef struct line {
    const char *ptr;    /* first byte of the line */
    size_t len;         /* without the line break */
    const char *next;   /* first byte of the following line */
} line;

/* A line ends at LF, CR LF or a lone CR: old Mac files, and the exporters
 * that still write them, end every line with CR alone, and read by LF only
 * such a file is one line, its headers and title swallowing the story. */
static bool next_line(const char *p, const char *end, line *l)
{
    if (p >= end)
        return false;
    const char *q = p;
    while (q < end && *q != '\n' && *q != '\r')
        q++;
    l->ptr = p;
    l->len = (size_t)(q - p);
    if (q < end && *q == '\r' && q + 1 < end && q[1] == '\n')
        q++;
    l->next = q < end ? q + 1 : end;
    return true;
}

static tw_slice trim(const char *p, size_t len)
{
    while (len && isspace((unsigned char)*p)) {
        p++;
        len--;
    }
    while (len && isspace((unsigned char)p[len - 1]))
        len--;
    return (tw_slice){ p, len };
}

/* If L is "Key: value" for a known key, stores value in PARTS and returns true. */
static bool header_line(const line *l, tw_text_parts *parts)
{
    static const struct { const char *key; size_t off; } keys[] = {
        { "date",      offsetof(tw_text_parts, date) },
        { "published", offsetof(tw_text_parts, date) },
        { "url",       offsetof(tw_text_parts, url) },
        { "author",    offsetof(tw_text_parts, author) },
        { "by",        offsetof(tw_text_parts, author) },
        { "site",      offsetof(tw_text_parts, site) },
        { "source",    offsetof(tw_text_parts, site) },
        { "title",     offsetof(tw_text_parts, title) },
    };
    const char *colon = memchr(l->ptr, ':', l->len);
    if (!colon)
        return false;
    size_t klen = (size_t)(colon - l->ptr);
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        if (strlen(keys[i].key) == klen && strncasecmp(l->ptr, keys[i].key, klen) == 0) {
            tw_slice v = trim(colon + 1, l->len - klen - 1);
            if (v.len)
                *(tw_slice *)((char *)parts + keys[i].off) = v;
            return true;
        }
    }
    return false;
}

static bool blank(const line *l)
{
    return trim(l->ptr, l->len).len == 0;
}

/* The separators of a breadcrumb trail, spaced: ">", ">>", "\u00bb", "\u203a". */
static const char *const CRUMB_SEPARATORS[] = { " > ", " >> ", " \xc2\xbb ", " \xe2\x80\xba ", NULL };

/* A part of a trail names a section: a few words. */
#define CRUMB_WORDS_MAX 4

/* The separator of CRUMB_SEPARATORS at P (before END), or 0. */
static size_t crumb_separator_at(const char *p, const char *end)
{
    for (const char *const *s = CRUMB_SEPARATORS; *s; s++) {
        size_t n = strlen(*s);
        if ((size_t)(end - p) >= n && memcmp(p, *s, n) == 0)
            return n;
    }
    return 0;
}

/* Is T a breadcrumb trail ("Home > News > Business", "Startseite \u00bb
 * Politik"), which pages saved as text begin with above the headline: two
 * parts or more of a few words each, joined by a trail's separators?  A
 * headline that compares with ">" says more on one side of it. */
static bool breadcrumb(tw_slice t)
{
    const char *p = t.ptr, *end = t.ptr + t.len;
    size_t parts = 1, words = 0;
    for (bool in_word = false; p < end;) {
        size_t sep = crumb_separator_at(p, end);
        if (sep) {
            if (!words)
                return false;
            parts++;
            words = 0;
            in_word = false;
            p += sep;
            continue;
        }
        bool space = isspace((unsigned char)*p);
        words += !space && !in_word;
        if (words > CRUMB_WORDS_MAX)
            return false;
        in_word = !space;
        p++;
    }
    return parts >= 2 && words > 0;
}

/* Can the line be a title?  Lines of only "=====", "-----" or "* * *" are
 * decoration (reStructuredText over- and underlines, section breaks), and a
 * line starting ".. " is a reStructuredText comment or directive (such as the
 * ".. SPDX-License-Identifier: ..." that opens documentation files); a
 * licence tag in any comment syntax is not a title either, nor a page's
 * breadcrumb trail. */
static bool title_like(const line *l)
{
    tw_slice t = trim(l->ptr, l->len);
    static const char spdx[] = "SPDX-License-Identifier:";
    if ((t.len >= 3 && memcmp(t.ptr, ".. ", 3) == 0) ||
        memmem(t.ptr, t.len, spdx, sizeof spdx - 1) || breadcrumb(t))
        return false;
    for (size_t i = 0; i < l->len; i++) {
        unsigned char c = (unsigned char)l->ptr[i];
        if (isalnum(c) || c >= 0x80)
            return true;
    }
    return false;
}

/* Cuts a long title at the last space before TW_TITLE_MAX bytes. */
static tw_slice cap_title(tw_slice t, bool *cut)
{
    *cut = t.len > TW_TITLE_MAX;
    if (!*cut)
        return t;
    size_t n = tw_utf8_cut(t.ptr, TW_TITLE_MAX);
    for (size_t i = n; i > TW_TITLE_MAX / 2; i--)
        if (t.ptr[i - 1] == ' ')
            return trim(t.ptr, i);
    return (tw_slice){ t.ptr, n };
}

void tw_text_split(const char *text, size_t len, tw_text_parts *parts)
{
    memset(parts, 0, sizeof *parts);
    const char *p = text, *end = text + len;
    line l;

    /* Header block: only when the very first line is a header. */
    const char *after_headers = p;
    while (next_line(p, end, &l) && !blank(&l) && header_line(&l, parts))
        p = after_headers = l.next;
    if (after_headers == text)
        memset(parts, 0, sizeof *parts);    /* a lone "Note: ..." line is text */
    p = after_headers;

    /* Title: the first line with a word, unless a Title: header gave one. */
    while (next_line(p, end, &l) && !title_like(&l))
        p = l.next;
    if (p >= end) {
        parts->body = (tw_slice){ end, 0 };
        return;
    }
    tw_slice first = trim(l.ptr, l.len);
    bool cut = false;
    if (!parts->title.ptr) {
        parts->title = cap_title(first, &cut);
        if (!cut)
            p = l.next;         /* the title line is not body text */
    }

    /* Drop the copy of the title that scraped pages repeat on the next line. */
    const char *q = p;
    while (next_line(q, end, &l) && blank(&l))
        q = l.next;
    if (q < end) {
        tw_slice again = trim(l.ptr, l.len);
        if (again.len == parts->title.len && !cut &&
            memcmp(again.ptr, parts->title.ptr, again.len) == 0)
            p = l.next;
    }
    parts->body = trim(p, (size_t)(end - p));
}
