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
    size_t spaced;          /* its runs between spaces that hold a word (spaced_runs) */
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

/* How many of S[0, LEN)'s runs between spaces (white space, or the no-break
 * space a page sets inside "«&nbsp;Headline&nbsp;»") hold a letter or a
 * digit: "« Headline »" and "«&nbsp;Headline&nbsp;»" hold one each, a
 * mark alone none. */
static size_t spaced_runs(const char *s, size_t len)
{
    size_t runs = 0;
    bool counted = false;       /* the run's word is counted */
    for (size_t i = 0; i < len; i++) {
        if (isspace((unsigned char)s[i]) || (i + 1 < len && !memcmp(s + i, "\xC2\xA0", 2))) {
            i += !isspace((unsigned char)s[i]);
            counted = false;
        } else if (!counted && letter(s + i, len - i)) {
            runs++;
            counted = true;
        }
    }
    return runs;
}

/* The words of S into W; false when S has more than MAX_WORDS, or more
 * bytes of words than W holds. */
static bool split(const char *s, words *w)
{
    size_t at = 0, sq = 0, len = strlen(s), n;
    w->n = 0;
    w->spaced = spaced_runs(s, len);
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

/* Appends the heading text S to OUT as one line, without the white space
 * around it.  Returns 0 or -1 on ENOMEM. */
static int put_heading(tw_buf *out, const char *s)
{
    int rc = tw_html_put_collapsed(out, s + strspn(s, " \n"));
    while (rc == 0 && out->len && out->data[out->len - 1] == ' ')
        out->data[--out->len] = '\0';
    return rc;
}

/* Whether N holds text: a text node of more than white space, or an element
 * with one below it (not a script's). */
static bool holds_text(xmlNodePtr n)
{
    for (xmlNodePtr d = n; d; d = tw_html_next(d, n, false)) {
        if (d->type == XML_ELEMENT_NODE && tw_html_never_text(d))
            return false;
        if (tw_html_has_text(d))
            return true;
    }
    return false;
}

/* The element that holds the first words of the heading H, when other
 * words follow it in elements or text of their own: the kicker a page sets
 * above its headline ("<h1><span class="roofline">Kicker</span> Headline
 * </h1>"), or the first part of a heading split in two.  An element that
 * holds all of the heading's words (a link, a <span itemprop="headline">)
 * is looked into.  *BOX is the element the kicker and the rest are in;
 * NULL when the heading's first words are not in an element of their own. */
static xmlNodePtr first_part(xmlNodePtr h, xmlNodePtr *box)
{
    for (xmlNodePtr in = h;;) {
        xmlNodePtr first = NULL;
        size_t parts = 0;
        for (xmlNodePtr c = in->children; c; c = c->next)
            if (holds_text(c) && !parts++)
                first = c;
        if (!first || first->type != XML_ELEMENT_NODE)
            return NULL;
        if (parts > 1) {
            *box = in;
            return first;
        }
        in = first;
    }
}

static bool is_node(xmlNodePtr n, void *node)
{
    return n == node || tw_html_never_text(n);
}

/* Where TITLE's first AT bytes of words (its words run together,
 * words.squashed) end: the marks and spaces after them start there. */
static const char *after_words(const char *title, size_t at)
{
    size_t len = strlen(title), i = 0, n;
    for (; i < len && at; i++)
        if ((n = letter(title + i, len - i)) > 0) {
            i += n - 1;
            at = at > n ? at - n : 0;
        }
    return title + i;
}

/* Whether TITLE has a mark (":", "|", a dash, a quote) between its first
 * AT bytes of words and the next. */
static bool marked_at(const char *title, size_t at)
{
    const char *s = after_words(title, at);
    size_t len = strlen(s);
    for (size_t i = 0; i < len && !letter(s + i, len - i); i++)
        if (s[i] != ' ')
            return true;
    return false;
}

/* Whether the heading H, of the text TEXT in the element N, says the title
 * T and goes on in the same run of text ("How to Care for Hydrangeas to Get
 * the Most Beautiful Blooms on the Block" for "How to Care for
 * Hydrangeas"): a title cut short for search engines and social media,
 * whose heading is the whole headline.  Not when what follows is in an
 * element of its own (a subtitle, a date, a byline, a site's name hidden
 * for screen readers), nor after a site's separator ("Headline |
 * Site"). */
static bool goes_on(xmlNodePtr n, const char *text, const words *h, const words *t)
{
    size_t len = strlen(t->squashed), runs = 0;
    if (h->n <= t->n || strncmp(h->squashed, t->squashed, len))
        return false;
    for (xmlNodePtr d = n; d; d = tw_html_next(d, n, false))
        runs += tw_html_has_text(d);
    const char *rest = after_words(text, len);
    rest += strspn(rest, " ");
    for (const char *const *sep = tw_title_separators; *sep; sep++)
        if (!strncmp(rest, *sep + 1, strlen(*sep) - 1))
            return false;
    return runs == 1 && strncmp(rest, "\xE2\x80\xA2", 3) && strncmp(rest, "\xC2\xBB", 2);
}

/* Whether the title T (TITLE) sets the heading's first part K apart from
 * the rest R, as a kicker: T says R without K just before it (the headline
 * alone, or after a section), or says K then a mark then more ("Kicker:
 * Headline"); not when T runs K into R as one sentence ("<span>Ehezoff
 * </span> der Pochers eskaliert" titled "Ehezoff der Pochers eskaliert"),
 * nor when T is K alone (the heading's first part is the headline, its
 * rest a subtitle). */
static bool set_apart(const char *title, const words *t, const words *k, const words *r)
{
    size_t klen = strlen(k->squashed);
    const char *in = strstr(t->squashed, r->squashed);
    if (in) {
        size_t at = (size_t)(in - t->squashed);
        return at < klen || memcmp(in - klen, k->squashed, klen) || marked_at(title, at);
    }
    return !strncmp(t->squashed, k->squashed, klen) && t->squashed[klen] &&
           marked_at(title, klen);
}

/* The heading H without its kicker (first_part), into OUT, when the title
 * TITLE (its words T) sets that apart (set_apart) and the rest says two
 * words or more; OUT is left empty otherwise.  The marks a page sets
 * between the two for screen readers ("<span class="visually-hidden">:
 * </span>") go with the kicker.  Returns 0 or -1 on ENOMEM. */
static int without_kicker(xmlNodePtr h, const char *title, const words *t, tw_buf *out)
{
    xmlNodePtr box = NULL, kicker = first_part(h, &box);
    if (!kicker)
        return 0;
    tw_buf part = { 0 };
    words k, r;
    int rc = tw_html_text(kicker, &part, NULL, NULL);
    while (part.len && (part.data[part.len - 1] == ' ' || part.data[part.len - 1] == '\n'))
        part.data[--part.len] = '\0';
    /* A first part that ends with its own colon ("<b>Editor's Letter:</b>
     * <i>bye ...</i>") is read with the rest, as one headline. */
    bool apart = rc == 0 && part.len && part.data[part.len - 1] != ':' && split(part.data, &k);
    tw_buf_clear(&part);
    if (apart && (rc = tw_html_text(box, &part, is_node, kicker)) == 0 && part.len) {
        const char *rest = part.data;
        while (*rest == ' ' || *rest == '\n' || *rest == ':' || *rest == '|' || *rest == '-' ||
               !strncmp(rest, "\xE2\x80\x93", 3) || !strncmp(rest, "\xE2\x80\x94", 3))
            rest += (unsigned char)*rest < 0x80 ? 1 : 3;
        if (split(rest, &r) && r.n >= 2 && set_apart(title, t, &k, &r))
            rc = put_heading(out, rest);
    }
    tw_buf_free(&part);
    return rc;
}

/* The heading N (its text TEXT, its words H), which says (tells: SAYS) the
 * story of the title TITLE (its words T), as the headline its readers see,
 * into OUT: without a kicker the title sets apart (without_kicker); else
 * whole, when it tells the story in other words or fewer, or goes on from
 * the title in the same run of text (goes_on); else OUT is left empty (the
 * title stays).  Returns 0 or -1 on ENOMEM. */
static int as_said(xmlNodePtr n, const char *text, const words *h, const char *title,
                   const words *t, int says, tw_buf *out)
{
    int rc = without_kicker(n, title, t, out);
    if (rc == 0 && !out->len && (says > 0 || goes_on(n, text, h, t)))
        rc = put_heading(out, text);
    return rc;
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
        if (!says)
            continue;
        *at = n;
        rc = as_said(n, text.data, &h, title, &t, says, out);
        break;
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
            rc = put_heading(out, text.data);
        }
    }
    tw_buf_free(&text);
    return rc;
}

int tw_logo_heading(xmlNodePtr root, tw_buf *out)
{
    tw_buf_clear(out);
    for (xmlNodePtr n = root; n; n = tw_html_next(n, root, false))
        if (n->type == XML_ELEMENT_NODE &&
            (tw_html_is(n, "h1") || tw_html_is(n, "h2") || tw_html_is(n, "h3")) && logo(n)) {
            tw_buf text = { 0 };
            int rc = tw_html_text(n, &text, NULL, NULL);
            if (rc == 0 && text.len)
                rc = put_heading(out, text.data);
            tw_buf_free(&text);
            return rc;
        }
    return 0;
}

xmlNodePtr tw_story_heading(xmlNodePtr root, const char *title, tw_buf *out)
{
    words t, h;
    tw_buf_clear(out);
    if (!title || !split(title, &t))
        return NULL;
    tw_buf text = { 0 };
    xmlNodePtr found = NULL;
    for (xmlNodePtr n = root; n; n = tw_html_next(n, root, false)) {
        if (n->type != XML_ELEMENT_NODE || !(tw_html_tag(n) & TW_TAG_HEADING))
            continue;
        if (!(tw_html_is(n, "h2") || tw_html_is(n, "h3")) || logo(n))
            continue;
        tw_buf_clear(&text);
        if (tw_html_text(n, &text, NULL, NULL) < 0)
            break;
        int says = text.len && split(text.data, &h) ? tells(&h, &t) : 0;
        if (says) {
            found = n;
            /* Its words are the title's, or among them, or go on from a
             * title of two words or more: a heading below the <h1>'s rank
             * that only shares words with the title, or goes on from a
             * page's one-word name ("Baumgutachten: wann und wie?"), heads
             * a section of the story, whose lines the story's are near. */
            bool whole = says > 0 ? strstr(t.squashed, h.squashed) != NULL : t.n >= 2;
            if (whole && as_said(n, text.data, &h, title, &t, says, out) < 0) {
                out->failed = 1;
                found = NULL;
            }
            break;
        }
    }
    tw_buf_free(&text);
    return found;
}

/* Whether N is in a <form> (a login or a search box) or in a part of the
 * page that is boilerplate whatever it says (a <nav>, an <aside>, a
 * <footer>): a heading there heads no story. */
static bool in_box_apart(xmlNodePtr n)
{
    for (; n && n->type == XML_ELEMENT_NODE; n = n->parent)
        if (tw_html_is(n, "form") || (tw_html_tag(n) & TW_TAG_ASIDE))
            return true;
    return false;
}

xmlNodePtr tw_only_headline(xmlNodePtr root, tw_buf *out)
{
    tw_buf_clear(out);
    tw_buf text = { 0 };
    xmlNodePtr only = NULL;
    bool usable = false;
    int rc = 0;
    for (xmlNodePtr n = root; n; n = tw_html_next(n, root, false)) {
        if (n->type != XML_ELEMENT_NODE || !tw_html_is(n, "h1"))
            continue;
        tw_buf_clear(&text);
        if ((rc = tw_html_text(n, &text, NULL, NULL)) < 0)
            break;
        if (!text.len || !text.data[strspn(text.data, " \n")])
            continue;
        if (only) {
            only = NULL;    /* two: which one heads the story is not known */
            break;
        }
        only = n;
        words h;
        usable = split(text.data, &h) && h.n >= 2 && !logo(n) && !in_box_apart(n);
        if (usable && (rc = put_heading(out, text.data)) < 0)
            break;
    }
    tw_buf_free(&text);
    if (rc == 0 && only && usable)
        return only;
    tw_buf_clear(out);
    out->failed = rc < 0;
    return NULL;
}
