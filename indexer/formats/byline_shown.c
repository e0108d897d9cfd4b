/* byline_shown.c - the byline a page shows (byline_shown.h). */
#include "byline_shown.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "byline_name.h"
#include "byline_parts.h"
#include "date.h"
#include "html_content.h"
#include "html_teaser.h"
#include "html_tree.h"
#include "near_headline.h"
#include "text_lines.h"

/* Whether the element N says it holds an author: its class or id names one
 * ("author", "post-author", "content__author", "byline"), or it links to
 * an author's page ("/author/dana-whitcomb", as WordPress and most
 * publishing systems address one). */
static bool names_author(xmlNodePtr n)
{
    static const char *const attrs[] = { "class", "id", "href" };
    bool yes = false;
    for (size_t i = 0; i < 3 && !yes; i++) {
        xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[i]);
        yes = v && (i < 2 ? strcasestr((const char *)v, "author") ||
                            strcasestr((const char *)v, "byline")
                          : strstr((const char *)v, "/author/") != NULL);
        xmlFree(v);
    }
    return yes;
}

/* What tw_headline_byline looks for a name with. */
typedef struct shown_byline {
    tw_buf line, *name;
} shown_byline;

/* The name the text of the element N gives (tw_byline_name), into S->name;
 * false when it gives none, or ends with a word for "by" ("Article by",
 * "von", whose name is elsewhere) or with another word in small letters
 * after others (a label: "Posted on", "Veröffentlicht am"), or N's text is
 * long (an author's box). */
static bool byline_of(xmlNodePtr n, shown_byline *s)
{
    tw_buf_clear(&s->line);
    if (tw_html_text(n, &s->line, NULL, NULL) < 0 || !s->line.len || s->line.len > 80)
        return false;
    tw_byline_name(s->line.data, s->name);
    const char *last = s->name->len ? strrchr(s->name->data, ' ') : NULL;
    if (last && islower((unsigned char)last[1]))
        return false;
    last = last ? last + 1 : s->name->data;
    return s->name->len && !tw_byline_by_word(last, strlen(last));
}

/* Whether the text node N is in a short element that names an author
 * (names_author), up to three levels above it; its name into the
 * shown_byline CTX.  The first link in that element that gives a name is
 * the name ("Posted on <time> by <a>Dana</a>", "<span>Author</span><a>Dana
 * </a>" with a label for screen readers), else all its text. */
static bool is_shown_byline(xmlNodePtr n, void *ctx)
{
    shown_byline *s = ctx;
    n = n->parent;
    for (int up = 0; up < 3 && n && n->type == XML_ELEMENT_NODE; up++, n = n->parent) {
        if (!names_author(n))
            continue;
        for (xmlNodePtr a = n->children ? n : NULL; a; a = tw_html_next(a, n, false))
            if (a->type == XML_ELEMENT_NODE && tw_html_is(a, "a") && a != n && names_author(a) &&
                byline_of(a, s))
                return true;
        if (byline_of(n, s))
            return true;
    }
    return false;
}

/* Whether the text node N is a short line (tw_near_short_text) that gives a name
 * right after a word for "by" that starts it, or follows a label of three
 * words at most ("von Daniela Obers", "By Cara Stiles | <date>", "Posted
 * by Konstantin", "06.11.2023 13:30 von Olga"): a byline whose markup does
 * not say it is one.  Its name into the shown_byline CTX. */
static bool is_by_line(xmlNodePtr n, void *ctx)
{
    shown_byline *s = ctx;
    if (!tw_near_short_text(n, &s->line))
        return false;
    tw_byline_name(s->line.data, s->name);
    const char *line = s->line.data + strspn(s->line.data, " "),
               *at = s->name->len ? strstr(line, s->name->data) : NULL;
    if (!at || !tw_byline_name_like(s->name->data, s->name->len))
        return false;
    const char *end = at;
    while (end > line && end[-1] == ' ')
        end--;
    const char *by = end;
    while (by > line && by[-1] != ' ')
        by--;
    if (by == end || !tw_byline_by_word(by, (size_t)(end - by)))
        return false;
    /* Before the word for "by", a date or a time ("06.11.2023 13:30 von"),
     * or "Posted" before English "by"; not words alone, which make a
     * phrase of any language's "von" ("Entwicklung des Absatzes von
     * Hauptprodukten"). */
    size_t label = 0;
    bool digit = false;
    for (const char *c = line; c < by; c++) {
        label += *c == ' ' && c > line && c[-1] != ' ';
        digit |= isdigit((unsigned char)*c) != 0;
    }
    return by == line || (label <= 3 && (digit || !strncasecmp(by, "by ", 3)));
}

/* Where the word for "by" starts in LINE[0, LEN): at its start, or after
 * a label of two or three words that each start with a capital ("Eine
 * Kolumne von", "Blog Beitrag von": not a name, which one word before
 * "von" may be, "Moritz von Uslar"); the word's length into *WORD.  LEN
 * when there is none. */
static size_t by_word_at(const char *line, size_t len, size_t *word)
{
    for (size_t at = 0, words = 0; at < len && words <= 3; words++) {
        *word = strcspn(line + at, " \n");
        if (at + *word > len)
            *word = len - at;
        if ((words == 0 || words >= 2) && tw_byline_by_word(line + at, *word))
            return at;
        if (!isupper((unsigned char)line[at]) && (unsigned char)line[at] < 0x80)
            return len;
        at += *word;
        at += strspn(line + at, " ");
    }
    return len;
}

/* Whether LINE[0, LEN) is a word for "by" and a name alone ("Von Cosima
 * Künzel", "By Dana Whitcomb"; tw_byline_name_like), perhaps after a label
 * (by_word_at), when the name has two words at least ("Eine Kolumne von
 * Nils Pickert"); the name into OUT. */
static bool by_name_line(const char *line, size_t len, tw_buf *out)
{
    size_t word = 0, at = len > 60 ? len : by_word_at(line, len, &word);
    if (at == len || at + word == len)
        return false;
    tw_buf text = { 0 };
    tw_buf_append(&text, line + at, len - at);
    if (text.failed) {
        out->failed = 1;
        return false;
    }
    tw_byline_name(text.data, out);
    const char *rest = text.data + word + strspn(text.data + word, " ");
    bool alone = out->len && !strcmp(rest, out->data) && tw_byline_name_like(out->data, out->len) &&
                 (!at || memchr(out->data, ' ', out->len));
    tw_buf_free(&text);
    return alone;
}

/* Whether NAME[0, LEN) has no small letter: a label set in capitals ("PAID
 * CONTENT"), where a byline's name is written as names are. */
static bool shouted(const char *name, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (islower((unsigned char)name[i]))
            return false;
    return true;
}

/* Whether the text node N is a short line of parts (tw_byline_separator)
 * that are a date and a name, and perhaps a time ("11.12.2019 - Amelie
 * Loevenich", "04.02.2022 | 13:10 Uhr | Uta Helkenberg"): the name, of two
 * to four words (tw_byline_name_like), into the shown_byline CTX. */
static bool is_dated_name(xmlNodePtr n, void *ctx)
{
    shown_byline *s = ctx;
    if (!tw_near_short_text(n, &s->line) || !strpbrk(s->line.data, "0123456789"))
        return false;
    char *end = s->line.data + s->line.len;
    const char *name = NULL;
    size_t name_len = 0, len;
    bool dated = false;
    for (char *part = s->line.data, *sep; part < end; part = sep + len) {
        sep = (char *)tw_byline_separator(part, end, &len);
        *sep = '\0';
        part += strspn(part, " ");
        size_t part_len = strlen(part);
        while (part_len && part[part_len - 1] == ' ')
            part_len--;
        tw_date when;
        if (part_len && isdigit((unsigned char)*part)) {
            dated |= tw_date_leading(part, TW_DATE_ANY, &when);     /* or a time */
        } else if (part_len) {
            if (name)
                return false;       /* a second part that is no date */
            name = part;
            name_len = part_len;
        }
    }
    if (!dated || !name || !memchr(name, ' ', name_len) || memchr(name, ',', name_len) ||
        !tw_byline_name_like(name, name_len) || shouted(name, name_len))
        return false;
    tw_buf_clear(s->name);
    tw_buf_append(s->name, name, name_len);
    return !s->name->failed;
}

/* Whether the text node N is a short line whose first part (the line
 * parted as a byline is) is a byline after a label (by_name_line: "Ein
 * Artikel von <b>Pamela Sladky</b> | 27.01.2022 - 12:45"); the name into
 * the shown_byline CTX. */
static bool is_labelled_by_part(xmlNodePtr n, void *ctx)
{
    shown_byline *s = ctx;
    if (!tw_near_short_text(n, &s->line))
        return false;
    const char *line = s->line.data + strspn(s->line.data, " "),
               *end = s->line.data + s->line.len;
    size_t len;
    const char *sep = tw_byline_separator(line, end, &len);
    size_t part = (size_t)(sep - line);
    while (part && line[part - 1] == ' ')
        part--;
    return by_name_line(line, part, s->name);
}

/* Whether the line LINE is a byline's label alone, its name in the next
 * element: a word for "by" ("By", "Von:"), or a label of up to three words
 * that ends with one ("Geschrieben von", "Ein Artikel von"), or a word for
 * "author" before a colon ("Autor:", "Auteur:", "Text:"). */
static bool by_label(const char *line)
{
    size_t len = strlen(line);
    while (len && line[len - 1] == ' ')
        len--;
    bool colon = len && line[len - 1] == ':';
    while (len && (line[len - 1] == ' ' || line[len - 1] == ':'))
        len--;
    size_t last = len, words = 1;
    while (last && line[last - 1] != ' ')
        last--;
    for (size_t i = 0; i < last; i++)
        words += line[i] == ' ' && i && line[i - 1] != ' ';
    const char *word = line + last;
    return len > last && words <= 3 &&
           (tw_byline_by_word(word, len - last) ||
            (colon && tw_byline_author_word(word, len - last)));
}

/* The first text node from N on in document order, within ROOT, that
 * holds more than white space, outside elements that hold no text; NULL
 * when none (or N is NULL). */
static xmlNodePtr text_from(xmlNodePtr n, xmlNodePtr root)
{
    while (n && !tw_html_has_text(n))
        n = tw_html_next(n, root, n->type == XML_ELEMENT_NODE && tw_html_never_text(n));
    return n;
}

/* The first text node after N in document order, within ROOT, that holds
 * more than white space, when it is on the same line: no block element
 * (a list's item, a heading) between it and ROOT.  Else NULL. */
static xmlNodePtr next_text_inline(xmlNodePtr n, xmlNodePtr root)
{
    n = text_from(tw_html_next(n, root, false), root);
    for (xmlNodePtr up = n ? n->parent : NULL; up && up != root; up = up->parent)
        if (tw_html_tag(up) & TW_TAG_BLOCK)
            return NULL;
    return n;
}

/* The element after the element E among its siblings, NULL when none. */
static xmlNodePtr heading_next(xmlNodePtr e)
{
    for (e = e->next; e && e->type != XML_ELEMENT_NODE; e = e->next)
        if (tw_html_has_text(e))
            return NULL;        /* text between: the label's own line goes on */
    return e;
}

/* Whether the text node N, whose text is LINE, is all of a heading, a
 * term or a table's header cell that is a word for "author" alone, its
 * colon or not ("<h4>Autor</h4><p><a>Nikolai Huke</a></p>", "<dt>Author:
 * </dt><dd>Dana Whitcomb</dd>"): the element after it holds the name. */
static bool heading_label(xmlNodePtr n, const char *line)
{
    xmlNodePtr e = n->parent;
    if (!(tw_html_tag(e) & TW_TAG_HEADING) && !tw_html_is(e, "dt") && !tw_html_is(e, "th"))
        return false;
    if (n->prev || n->next)
        return false;
    size_t len = strlen(line);
    while (len && (line[len - 1] == ' ' || line[len - 1] == ':'))
        len--;
    size_t start = strspn(line, " ");
    return len > start && tw_byline_author_word(line + start, len - start);
}

/* Whether the text node N is a byline's label alone (by_label:
 * "<span>By</span><a>Dana Whitcomb</a>", "<h5>Von:</h5> Dana Whitcomb",
 * "Author: <a>Dana Whitcomb</a>, Datum: ..."), and the next text, on its
 * line in the element that holds the label's (next_text_inline), gives a
 * name (tw_byline_name_like); that name into the shown_byline CTX.  Further on, or
 * in a block of its own, the next text is no longer the label's ("Sort
 * by" above a list). */
static bool is_label_then_name(xmlNodePtr n, void *ctx)
{
    shown_byline *s = ctx;
    tw_buf_clear(&s->line);
    if (!n->parent || !n->parent->parent ||
        tw_html_put_collapsed(&s->line, (const char *)n->content) < 0 || s->line.len > 40 ||
        !by_label(s->line.data))
        return false;
    xmlNodePtr name = next_text_inline(n, n->parent->parent);
    tw_buf_clear(&s->line);
    if (!name || tw_html_put_collapsed(&s->line, (const char *)name->content) < 0 ||
        s->line.len > 80)
        return false;
    tw_byline_name(s->line.data, s->name);
    return tw_byline_name_like(s->name->data, s->name->len);
}

/* The byline a page shows by its headline, when its markup names no author
 * otherwise: the first text near its headline (HEADLINE, else its first
 * <h1>; tw_near_headline: the 12 after it, else the 6 before it) in a
 * short element that names an author, into OUT ("<div
 * class="content__author">von Lars Fischer</div>", "<a
 * href="/author/marinabeuerle/">Marina Beuerle</a>"); else the first short
 * line there that gives a name after a word for "by" (is_by_line); else
 * the name after a label alone (is_label_then_name); else the name beside
 * a date (is_dated_name); else a byline after a label in capitals
 * (is_labelled_by_part).  Next to the headline, such a line is the
 * story's; elsewhere it may be a teaser's or a menu's.  Returns OUT's
 * text, or NULL. */
const char *tw_headline_byline(xmlNodePtr root, xmlNodePtr headline, tw_buf *out)
{
    static bool (*const readers[])(xmlNodePtr n, void *ctx) = {
        is_shown_byline, is_by_line, is_label_then_name, is_dated_name, is_labelled_by_part
    };
    shown_byline s = { .name = out };
    bool found = false;
    for (size_t i = 0; i < sizeof readers / sizeof readers[0] && !found; i++)
        found = tw_near_headline(root, headline, TW_NEAR_BEFORE, TW_NEAR_AFTER, readers[i], &s);
    tw_buf_free(&s.line);
    if (!found)
        tw_buf_clear(out);
    return found ? out->data : NULL;
}

/* Whether LABEL[0, LABEL_LEN), a line alone, is a byline's label (by_label:
 * "Von:", "Text:") and NAME[0, LEN), the line after it, a name of two words
 * or more; the name into OUT. */
static bool label_line_then_name(const char *label, size_t label_len, const char *name,
                                 size_t len, tw_buf *out)
{
    if (!label || label_len > 40 || len > 60 || !memchr(name, ' ', len) ||
        !tw_byline_name_like(name, len))
        return false;
    char text[41];
    memcpy(text, label, label_len);
    text[label_len] = '\0';
    if (!by_label(text))
        return false;
    tw_buf_clear(out);
    return tw_buf_append(out, name, len) == 0;
}

/* The byline the article's own text sets under its headline or after its
 * story: one of its first three lines, or its last, that is a word for "by"
 * and a name alone (by_name_line), or a last line of a name after a line
 * that is a byline's label alone (label_line_then_name); the name into
 * OUT.  What a reader sees as the article's words names its writer before
 * any metadata. */
bool tw_text_byline(const char *body, tw_buf *out)
{
    const char *last = NULL, *before = NULL, *line;
    size_t last_len = 0, before_len = 0, len, seen = 0;
    for (const char *at = body; (line = tw_text_next_line(&at, &len));) {
        if (seen++ < 3 && by_name_line(line, len, out))
            return true;
        before = last;
        before_len = last_len;
        last = line;
        last_len = len;
    }
    if (seen > 3 && (by_name_line(last, last_len, out) ||
                     label_line_then_name(before, before_len, last, last_len, out)))
        return true;
    tw_buf_clear(out);
    return false;
}

/* The story's last line in the page: the last text node below ROOT whose
 * text, its white space collapsed, starts LINE[0, LEN) and is that line
 * whole or 16 bytes of it at least (a paragraph's first words, before a
 * link or a bold word).  NULL when none, or memory ran out. */
static xmlNodePtr story_end(xmlNodePtr root, const char *line, size_t len, tw_buf *text)
{
    xmlNodePtr end = NULL;
    for (xmlNodePtr n = root; n;) {
        bool skip = n->type == XML_ELEMENT_NODE && tw_html_never_text(n);
        const char *c = n->type == XML_TEXT_NODE ? (const char *)n->content : NULL;
        /* Only a text that starts as the line does is collapsed to be
         * compared: most of a page's texts are not. */
        if (c && c[strspn(c, " \t\r\n")] == *line) {
            tw_buf_clear(text);
            if (tw_html_put_collapsed(text, c) < 0)
                return NULL;
            const char *t = text->data + strspn(text->data, " ");
            size_t tlen = text->len - (size_t)(t - text->data);
            while (tlen && t[tlen - 1] == ' ')
                tlen--;
            if (tlen && tlen <= len && (tlen >= 16 || tlen == len) && !memcmp(t, line, tlen))
                end = n;
        }
        n = tw_html_next(n, root, skip);
    }
    return end;
}

/* Lines looked at after the story's last for its byline. */
enum { CLOSING_LINES = 24 };

bool tw_closing_byline(xmlNodePtr root, const char *body, tw_buf *out)
{
    const char *last = NULL, *line;
    size_t last_len = 0, len;
    for (const char *at = body; (line = tw_text_next_line(&at, &len));) {
        last = line;
        last_len = len;
    }
    shown_byline s = { .name = out };
    xmlNodePtr n = last ? story_end(root, last, last_len, &s.line) : NULL;
    bool found = false;
    for (size_t seen = 0; n && !found && seen < CLOSING_LINES;) {
        n = tw_html_next(n, root, n->type == XML_ELEMENT_NODE && tw_html_never_text(n));
        if (!n || !tw_html_has_text(n))
            continue;
        const char *t = (const char *)n->content;
        /* A label that starts in small letters ends a phrase ("comments
         * powered by <span>Disqus</span>"): a credit starts as a line does. */
        seen++;
        found = !islower((unsigned char)t[strspn(t, " \t\r\n")]) && !tw_html_in_comments(n) &&
                !tw_html_teaser(n) && is_label_then_name(n, &s);
    }
    tw_buf_free(&s.line);
    if (!found)
        tw_buf_clear(out);
    return found;
}

/* The class names that tell an author in the languages of the news
 * ("post-author", "authorname", "kontextliste-autor", "auteurs"). */
static const char *const AUTHOR_CLASSES[] = { "author", "autor", "auteur", NULL };

bool tw_classed_byline(xmlNodePtr root, tw_buf *out)
{
    shown_byline s = { .name = out };
    tw_buf other = { 0 };
    xmlChar *first = NULL, *class = NULL;
    bool listed = false;
    tw_buf_clear(out);
    for (xmlNodePtr n = root; n && !listed;) {
        bool skip = n->type == XML_ELEMENT_NODE && tw_html_never_text(n);
        if (!skip && n->type == XML_ELEMENT_NODE &&
            (class = tw_html_class_with(n, AUTHOR_CLASSES)) &&
            (!first || !xmlStrcmp(first, class))) {
            s.name = first ? &other : out;
            tw_buf_clear(s.name);
            /* A credit with a copyright sign is a picture's. */
            bool named = byline_of(n, &s) && !strstr(s.line.data, "\xC2\xA9") &&
                         tw_byline_name_like(s.name->data, s.name->len);
            if (!first && named && !tw_html_in_comments(n) && !tw_html_teaser(n)) {
                first = class;
                class = NULL;
            } else if (first) {
                /* Whatever it reads as: a list's other entries name
                 * other things too ("Nachricht" beside "von Katja
                 * Kipping"). */
                listed = other.len && strcmp(out->data, other.data) != 0;
            } else {
                tw_buf_clear(out);
            }
        }
        xmlFree(class);
        class = NULL;
        n = tw_html_next(n, root, skip);
    }
    tw_buf_free(&s.line);
    tw_buf_free(&other);
    xmlFree(first);
    if (listed || !first)
        tw_buf_clear(out);
    return out->len > 0;
}

/* Whether the element E holds two links or more: a list under the heading
 * (a blog's cloud of its writers' labels), not one writer's name. */
static bool links_several(xmlNodePtr e)
{
    int links = 0;
    for (xmlNodePtr n = e; n && links < 2; n = tw_html_next(n, e, false))
        links += tw_html_is(n, "a");
    return links >= 2;
}

bool tw_headed_byline(xmlNodePtr root, tw_buf *out)
{
    shown_byline s = { .name = out };
    bool found = false;
    tw_buf_clear(out);
    for (xmlNodePtr n = root; n && !found;) {
        bool skip = n->type == XML_ELEMENT_NODE && tw_html_never_text(n);
        /* Headings, terms and header cells only: most elements part at
         * their name's first letter. */
        const char *name = n->type == XML_ELEMENT_NODE ? (const char *)n->name : "";
        xmlNodePtr label = (*name == 'h' || *name == 'd' || *name == 't') && !skip
                         ? n->children : NULL;
        if (label && label->type == XML_TEXT_NODE && !label->next && label->content) {
            tw_buf_clear(&s.line);
            xmlNodePtr next = tw_html_put_collapsed(&s.line, (const char *)label->content) < 0 ||
                              s.line.len > 40 || !heading_label(label, s.line.data)
                            ? NULL : heading_next(n);
            xmlNodePtr text = next && !links_several(next) ? text_from(next, next) : NULL;
            tw_buf_clear(&s.line);
            if (text && tw_html_put_collapsed(&s.line, (const char *)text->content) == 0 &&
                s.line.len <= 80 && !strstr(s.line.data, "\xC2\xA9")) {
                tw_byline_name(s.line.data, out);
                found = tw_byline_name_like(out->data, out->len) && !tw_html_in_comments(n) &&
                        !tw_html_teaser(n);
            }
        }
        n = tw_html_next(n, root, skip);
    }
    tw_buf_free(&s.line);
    if (!found)
        tw_buf_clear(out);
    return found;
}
