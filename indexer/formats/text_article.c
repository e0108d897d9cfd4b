/* text_article.c - header lines, title and body of a plain-text article. */
#include "text_article.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "byline_parts.h"
#include "date.h"
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
 * headline that compares with ">" says more on one side of it, and one
 * with a "<" closes a bracket (Reuters' "<ACME CORP > SETS DIVIDEND"). */
static bool breadcrumb(tw_slice t)
{
    const char *p = t.ptr, *end = t.ptr + t.len;
    if (memchr(t.ptr, '<', t.len))
        return false;
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

/* A byline or dateline is a short line: "By Dana Whitcomb | March 3, 2021". */
#define BYLINE_MAX 120
/* Words of a part of it that is neither name nor date: a site's name, a
 * job ("Staff Writer"), a time of day. */
#define BYLINE_PART_WORDS 5
/* Words of a name after "By ". */
#define BYLINE_NAME_WORDS 6

/* The name of a part "By Dana Whitcomb": a few words that start with a
 * capital ("By 1990, exports had doubled" opens a sentence).  ptr NULL when
 * PART is not one. */
static tw_slice byline_name(tw_slice part)
{
    tw_slice none = { NULL, 0 };
    if (part.len < 4 || strncasecmp(part.ptr, "by ", 3) != 0)
        return none;
    tw_slice name = trim(part.ptr + 3, part.len - 3);
    if (!name.len || !(isupper((unsigned char)name.ptr[0]) || (unsigned char)name.ptr[0] >= 0x80) ||
        tw_count_words(name.ptr, name.len) > BYLINE_NAME_WORDS)
        return none;
    return name;
}

/* The date a part of a byline is ("March 3, 2021", "Published: 2021-03-03"),
 * without its label; ptr NULL when it is none. */
static tw_slice byline_date(tw_slice part)
{
    tw_slice none = { NULL, 0 };
    char copy[BYLINE_MAX + 1];
    if (part.len > BYLINE_MAX)
        return none;
    memcpy(copy, part.ptr, part.len);
    copy[part.len] = '\0';
    tw_date when;
    const char *at = tw_date_shown(copy, TW_DATE_ANY, &when);
    if (!at)
        return none;
    return trim(part.ptr + (at - copy), part.len - (size_t)(at - copy));
}

/* Reads the line L under the title as a byline or dateline, which saved
 * pages set there ("By Dana Whitcomb | March 3, 2021", "The Evening Courier
 * - 26-MAR-1987", "March 3, 2021"): a short line of its own, its parts
 * split as byline_parts.h splits them, one of them a name after "By " or a
 * date and the others a few words.  Left in the body it opened every
 * snippet, and the article had no date to sort or filter by.  Fills the
 * date and author PARTS lacks; returns whether L is one. */
static bool byline(const line *l, const char *end, tw_text_parts *parts)
{
    tw_slice t = trim(l->ptr, l->len);
    line after;
    if (!t.len || t.len > BYLINE_MAX || (next_line(l->next, end, &after) && !blank(&after)) ||
        t.ptr[t.len - 1] == '.')
        return false;
    tw_slice name = { NULL, 0 }, date = { NULL, 0 };
    const char *p = t.ptr, *stop = t.ptr + t.len;
    while (p < stop) {
        size_t sep_len;
        const char *cut = tw_byline_separator(p, stop, &sep_len);
        tw_slice part = trim(p, (size_t)(cut - p)), n, d;
        if (!name.ptr && (n = byline_name(part)).ptr)
            name = n;
        else if (!date.ptr && (d = byline_date(part)).ptr)
            date = d;
        else if (tw_count_words(part.ptr, part.len) > BYLINE_PART_WORDS)
            return false;
        p = cut + sep_len;
    }
    if (!name.ptr && !date.ptr)
        return false;
    if (name.ptr && !parts->author.ptr)
        parts->author = name;
    if (date.ptr && !parts->date.ptr)
        parts->date = date;
    return true;
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

    /* A byline or dateline under the title. */
    q = p;
    while (next_line(q, end, &l) && blank(&l))
        q = l.next;
    if (q < end && !cut && byline(&l, end, parts))
        p = l.next;
    parts->body = trim(p, (size_t)(end - p));
}

bool tw_text_lead_byline(const char *body, size_t len, size_t *at, size_t *line_len,
                         tw_slice *author, tw_slice *date)
{
    const char *p = body, *end = body + len;
    line l;
    while (next_line(p, end, &l) && blank(&l))
        p = l.next;
    tw_text_parts parts;
    memset(&parts, 0, sizeof parts);
    if (p >= end || !byline(&l, end, &parts))
        return false;
    const char *q = l.next;
    while (next_line(q, end, &l) && blank(&l))
        q = l.next;
    *at = (size_t)(p - body);
    *line_len = (size_t)(q - p);
    *author = parts.author;
    *date = parts.date;
    return true;
}
