/* shown_headline.c - the headline a page shows (shown_headline.h). */
#include "shown_headline.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "html_tree.h"
#include "title_tail.h"
#include "utf8.h"

/* Words compared of a headline at most: a heading longer than that is a
 * paragraph set in large type, not a headline. */
#define MAX_WORDS 48

/* A headline's words, lower-cased (ASCII; other letters as they are), each
 * a run of letters and digits; and the words run together, for asking
 * whether one headline holds another whatever its punctuation and spaces. */
typedef struct words {
    char text[512];         /* the words, each ended by a NUL */
    const char *word[MAX_WORDS];
    size_t n;
    char squashed[512];
    size_t spaced;          /* its words between spaces (tw_count_words) */
} words;

/* The length of the letter or digit S starts with (of S[0, LEN)), or 0
 * for a space or a mark: ASCII's, Latin-1's (a soft hyphen, "«", "©"), the
 * dashes, quotes and dots of General Punctuation ("–", "“", "…"), and the
 * CJK ones ("「", "。"), which titles and headings write differently. */
static size_t letter(const char *s, size_t len)
{
    unsigned char c = (unsigned char)*s;
    if (c < 0x80)
        return isalnum(c) ? 1 : 0;
    uint32_t cp;
    size_t n = tw_utf8_decode(s, len, &cp);
    if (!n || (cp >= 0x80 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x206F) ||
        (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F))
        return 0;
    return n;
}

/* The words of S into W; false when S has more than MAX_WORDS, or more
 * bytes of words than W holds. */
static bool split(const char *s, words *w)
{
    size_t at = 0, sq = 0, len = strlen(s), n;
    w->n = 0;
    w->spaced = tw_count_words(s, len);
    for (size_t i = 0; i < len;) {
        if (!(n = letter(s + i, len - i))) {
            i++;
            continue;
        }
        if (w->n == MAX_WORDS)
            return false;
        w->word[w->n++] = w->text + at;
        for (; n; i += n, n = i < len ? letter(s + i, len - i) : 0) {
            if (at + n + 1 > sizeof w->text || sq + n >= sizeof w->squashed)
                return false;
            for (size_t k = 0; k < n; k++)
                w->text[at++] = w->squashed[sq++] = (char)tolower((unsigned char)s[i + k]);
        }
        w->text[at++] = '\0';
    }
    w->squashed[sq] = '\0';
    return true;
}

/* How many of H's words, each counted once, are among T's. */
static size_t shared(const words *h, const words *t)
{
    size_t n = 0;
    for (size_t i = 0; i < h->n; i++) {
        bool again = false, found = false;
        for (size_t k = 0; k < i && !again; k++)
            again = !strcmp(h->word[k], h->word[i]);
        for (size_t k = 0; k < t->n && !again && !found; k++)
            found = !strcmp(t->word[k], h->word[i]);
        n += found;
    }
    return n;
}

/* What the heading H says of the title T: 1 it tells the same story in
 * other words, or in fewer (T adds a site's name or a section), or in the
 * same words with other marks ("“…”" for "\"...\"", "–" for "-"); 0 it
 * does not; -1 it says T and more (a kicker set in the heading, which
 * metadata leaves out), or says T with parts run together (a heading's
 * parts in elements of their own, "Kicker<span>Headline</span>", lose the
 * separator T writes between them): T stays. */
static int tells(const words *h, const words *t)
{
    if (h->n < 2 || !t->n)
        return 0;
    if (!strcmp(h->squashed, t->squashed))
        return h->spaced >= t->spaced ? 1 : -1;
    if (strstr(h->squashed, t->squashed))
        return -1;
    if (strstr(t->squashed, h->squashed))
        return 1;
    size_t same = shared(h, t);
    return same >= 2 && 2 * same >= h->n;
}

/* Whether the link HREF goes to a site's home page ("/", "https://host/",
 * and an archive's copy of one, ".../web/2015/http://host/"). */
static bool home_page(const char *href)
{
    const char *scheme = NULL;
    for (const char *p = strstr(href, "//"); p; p = strstr(p + 2, "//"))
        scheme = p + 2;
    if (!scheme)
        return href[strspn(href, " ")] == '/' && !href[strspn(href, " ") + 1];
    const char *path = strchr(scheme, '/');
    return !path || !path[1];
}

/* Whether the heading N is a site's logo: it links to the home page, as
 * the heading of a site's name does on every page of some templates. */
static bool logo(xmlNodePtr n)
{
    for (xmlNodePtr a = n; a; a = tw_html_next(a, n, false)) {
        if (a->type != XML_ELEMENT_NODE || !tw_html_is(a, "a"))
            continue;
        xmlChar *href = xmlGetProp(a, (const xmlChar *)"href");
        bool home = href && home_page((const char *)href);
        xmlFree(href);
        if (home)
            return true;
    }
    return false;
}

int tw_shown_headline(xmlNodePtr root, const char *title, tw_buf *out, xmlNodePtr *at)
{
    tw_buf_clear(out);
    *at = NULL;
    words t, h;
    if (!title || !split(title, &t))
        return 0;
    tw_buf text = { 0 };
    int rc = 0;
    for (xmlNodePtr n = root; n; n = tw_html_next(n, root, false)) {
        if (n->type != XML_ELEMENT_NODE || !tw_html_is(n, "h1") || logo(n))
            continue;
        tw_buf_clear(&text);
        if ((rc = tw_html_text(n, &text, NULL, NULL)) < 0)
            break;
        if (!text.len || !split(text.data, &h))
            continue;
        int says = tells(&h, &t);
        if (says)
            *at = n;
        if (says < 0)
            break;
        if (says > 0) {
            const char *s = text.data + strspn(text.data, " \n");
            if ((rc = tw_html_put_collapsed(out, s)) == 0)
                while (out->len && out->data[out->len - 1] == ' ')
                    out->data[--out->len] = '\0';
            break;
        }
    }
    tw_buf_free(&text);
    return rc;
}

/* The separators a title's parts are joined by: a site's (tw_title_separators)
 * and a trail's (WordPress's "Blog » Blog Archive » Post", "Site // Page"). */
static const char *const TRAIL[] = { " \xC2\xBB ", " \xC2\xAB ", " \xE2\x80\xBA ", " // ", NULL };

/* Where the next separator is in S, its length in *LEN; NULL when none. */
static const char *next_part(const char *s, size_t *len)
{
    const char *const *lists[] = { tw_title_separators, TRAIL };
    const char *best = NULL;
    for (size_t l = 0; l < 2; l++)
        for (const char *const *sep = lists[l]; *sep; sep++) {
            const char *at = strstr(s, *sep);
            if (at && (!best || at < best)) {
                best = at;
                *len = strlen(*sep);
            }
        }
    return best;
}

/* Whether the heading H says one of TITLE's parts of two words or more
 * (between next_part's separators) and nothing else; the number of its
 * words when it does, else 0. */
static size_t says_part(const words *h, const char *title)
{
    char part[512];
    words p;
    for (const char *at = title;;) {
        size_t len = 0;
        const char *sep = next_part(at, &len);
        size_t n = sep ? (size_t)(sep - at) : strlen(at);
        if (n < sizeof part) {
            memcpy(part, at, n);
            part[n] = '\0';
            if (split(part, &p) && p.n >= 2 && !strcmp(p.squashed, h->squashed))
                return p.n;
        }
        if (!sep)
            break;
        at = sep + len;
    }
    return 0;
}

int tw_shown_title_part(xmlNodePtr root, const char *title, tw_buf *out)
{
    tw_buf_clear(out);
    size_t sep_len;
    if (!title || !next_part(title, &sep_len))
        return 0;
    tw_buf text = { 0 };
    size_t most = 0;
    int rc = 0;
    for (xmlNodePtr n = root; n && rc == 0; n = tw_html_next(n, root, false)) {
        if (n->type != XML_ELEMENT_NODE ||
            !(tw_html_is(n, "h1") || tw_html_is(n, "h2") || tw_html_is(n, "h3")) || logo(n))
            continue;
        tw_buf_clear(&text);
        words h;
        if ((rc = tw_html_text(n, &text, NULL, NULL)) < 0 || !text.len || !split(text.data, &h))
            continue;
        size_t said = says_part(&h, title);
        if (said > most) {
            most = said;
            tw_buf_clear(out);
            const char *s = text.data + strspn(text.data, " \n");
            if ((rc = tw_html_put_collapsed(out, s)) == 0)
                while (out->len && out->data[out->len - 1] == ' ')
                    out->data[--out->len] = '\0';
        }
    }
    tw_buf_free(&text);
    return rc;
}
