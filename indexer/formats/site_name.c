/* site_name.c - a site's name cut from a title (site_name.h). */
#include "site_name.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "accents.h"
#include "title_tail.h"
#include "url.h"

/* Letters and digits of S, lower-cased, into out[outlen]; with PLAIN, an
 * accented letter as its base letter ("Nestlé" "nestle", as its host
 * writes it), else left out ("Ökologisch" "kologisch", which a host that
 * writes "oekologisch" holds). */
static void squash(const char *s, size_t len, bool plain, char *out, size_t outlen)
{
    char unaccented[1024];
    if (plain) {
        len = tw_unaccent(s, len < sizeof unaccented ? len : sizeof unaccented, unaccented);
        s = unaccented;
    }
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < outlen; i++)
        if (isalnum((unsigned char)s[i]))
            out[n++] = (char)tolower((unsigned char)s[i]);
    out[n] = '\0';
}

/* The host's name without "www." and the top-level domain: "ledger" for
 * "https://www.ledger.example/x". */
static void host_name(const char *url, char *out, size_t outlen)
{
    out[0] = '\0';
    tw_buf host = { 0 };
    if (url && tw_site_host(url, &host) == 0 && host.len) {
        const char *dot = memchr(host.data, '.', host.len);
        squash(host.data, dot ? (size_t)(dot - host.data) : host.len, false, out, outlen);
    }
    tw_buf_free(&host);
}

/* Whether SQUASHED, a part of a title of WORDS words, names the site of
 * NAME and HOST (each squashed as it is). */
static bool squashed_names_site(const char *squashed, size_t words, const char *name,
                                const char *host)
{
    size_t ls = strlen(squashed), ln = strlen(name), lh = strlen(host);
    return ls > 0 &&
        ((ln && strcmp(squashed, name) == 0) ||
         (ln >= 4 && ls >= 4 && strstr(name, squashed)) ||
         (ln >= 4 && (words <= 4 || ls <= 2 * ln + 8) && strstr(squashed, name)) ||
         (lh >= 3 && (words <= 4 || ls <= 2 * lh + 8) && strstr(squashed, host)) ||
         (lh >= 6 && ls >= 6 && strstr(host, squashed)));
}

/* Whether PART (LEN bytes of a title) names the site: it is the site's name
 * or host, or one holds the other ("Ledger" in "The Ledger", "ledger" in
 * "Ledger Online"); single letters and short words never count as a match by
 * containment, nor does a part much longer than the name (a headline that
 * mentions the site).  Letters are compared with their accents left out
 * and then as their base letters (squash). */
static bool names_site(const char *part, size_t len, const char *site, const char *host)
{
    size_t words = 1;
    for (size_t i = 1; i < len; i++)
        words += part[i] == ' ' && part[i - 1] != ' ';
    for (int plain = 0; plain < 2; plain++) {
        char squashed[128], name[128];
        squash(part, len, plain, squashed, sizeof squashed);
        squash(site ? site : "", site ? strlen(site) : 0, plain, name, sizeof name);
        if (squashed_names_site(squashed, words, name, host))
            return true;
    }
    return false;
}

bool tw_names_site(const char *text, const char *site, const char *url)
{
    char host[128];
    host_name(url, host, sizeof host);
    return names_site(text, strlen(text), site, host);
}

size_t tw_site_tail(const char *author, const char *site, const char *url)
{
    char host[128];
    host_name(url, host, sizeof host);
    size_t kept = strlen(author);
    for (const char *comma; (comma = memrchr(author, ',', kept));) {
        const char *part = comma + 1 + strspn(comma + 1, " ");
        size_t len = (size_t)(author + kept - part);
        if (!len || !names_site(part, len, site, host))
            break;
        kept = (size_t)(comma - author);
        while (kept && author[kept - 1] == ' ')
            kept--;
    }
    return kept ? kept : strlen(author);
}

/* "Story headline | The Ledger" -> "Story headline", when the part after the
 * last separator names the site (by its name or its host); "The Ledger |
 * Story headline" -> "Story headline" the same way with the first one.
 * Returns whether it cut. */
static bool strip_site_name_once(tw_buf *title, const char *site, const char *url)
{
    /* Also unspaced bars, as Chinese and Japanese titles write them. */
    static const char *const bare[] = { "|", "\xEF\xBD\x9C", NULL };
    const char *const *lists[] = { tw_title_separators, bare };
    const char *last = NULL, *first = NULL;
    size_t last_len = 0, first_len = 0;
    for (size_t l = 0; l < 2; l++)
        for (const char *const *s = lists[l]; *s; s++) {
            const char *p = strstr(title->data, *s);
            if (p && (!first || p < first)) {
                first = p;
                first_len = strlen(*s);
            }
            for (; p; p = strstr(p + 1, *s))
                if (p > last || (p == last && strlen(*s) > last_len)) {
                    last = p;
                    last_len = strlen(*s);
                }
        }
    if (!last || last == title->data)
        return false;
    char host[128];
    host_name(url, host, sizeof host);
    const char *tail = last + last_len;
    if (names_site(tail, strlen(tail), site, host)) {
        title->len = (size_t)(last - title->data);
        while (title->len && title->data[title->len - 1] == ' ')
            title->len--;
        title->data[title->len] = '\0';
        return true;
    }
    if (strlen(first + first_len) >= 8 && names_site(title->data, (size_t)(first - title->data), site, host)) {
        size_t skip = (size_t)(first - title->data) + first_len;
        while (title->data[skip] == ' ')
            skip++;
        memmove(title->data, title->data + skip, title->len - skip + 1);
        title->len -= skip;
        return true;
    }
    return false;
}

/* A site's name may hold a separator itself ("AOC media - Analyse Opinion
 * Critique"): its parts go one by one, three at most. */
void tw_strip_site_name(tw_buf *title, const char *site, const char *url)
{
    for (int i = 0; i < 3 && strip_site_name_once(title, site, url); i++)
        ;
}

void tw_strip_title_from_site(tw_buf *site, const char *title)
{
    size_t tl = title ? strlen(title) : 0;
    if (!tl)
        return;
    for (const char *const *s = tw_title_separators; *s; s++) {
        size_t sl = strlen(*s);
        if (site->len <= tl + sl)
            continue;
        if (strncasecmp(site->data, title, tl) == 0 && memcmp(site->data + tl, *s, sl) == 0) {
            site->len -= tl + sl;
            memmove(site->data, site->data + tl + sl, site->len + 1);
            return;
        }
        size_t at = site->len - tl - sl;
        if (strcasecmp(site->data + at + sl, title) == 0 && memcmp(site->data + at, *s, sl) == 0) {
            site->len = at;
            site->data[at] = '\0';
            return;
        }
    }
}

/* The length of the separator that ends TITLE[0, AT) (tw_title_separators,
 * or " : ", which French titles and old blogs' themes set between headline
 * and name), or 0. */
static size_t separator_before(const char *title, size_t at)
{
    static const char *const colon[] = { " : ", NULL };
    const char *const *lists[] = { tw_title_separators, colon };
    for (size_t l = 0; l < 2; l++)
        for (const char *const *sep = lists[l]; *sep; sep++) {
            size_t n = strlen(*sep);
            if (at >= n && !memcmp(title + at - n, *sep, n))
                return n;
        }
    return 0;
}

void tw_strip_logo_name(tw_buf *title, const char *name)
{
    size_t n = name ? strlen(name) : 0, sep;
    if (!n || title->len <= n)
        return;
    for (size_t at = 1; at + n <= title->len; at++) {
        char end = title->data[at + n];
        if (strncasecmp(title->data + at, name, n) || (end && end != ' ') ||
            !(sep = separator_before(title->data, at)) || sep == at)
            continue;
        title->len = at - sep;
        title->data[title->len] = '\0';
        return;
    }
    /* "Name | Headline": the separator ends where the headline starts. */
    for (size_t at = n + 1; at < title->len; at++)
        if ((sep = separator_before(title->data, at)) && at - sep == n) {
            if (strncasecmp(title->data, name, n) || title->len - at < 8)
                return;
            memmove(title->data, title->data + at, title->len - at + 1);
            title->len -= at;
            return;
        }
}
