/* date_lines.c - the lines of a page that say its date (date_lines.h). */
#include <ctype.h>
#include <string.h>

#include "date_lines.h"
#include "html_content.h"
#include "html_teaser.h"
#include "html_tree.h"
#include "near_headline.h"
#include "byline_parts.h"
#include "utf8.h"

bool tw_labelled_date(const char *text, tw_date_order order, tw_date *when)
{
    /* Spaces, and the no-break ones a template sets after an icon. */
    while (*text == ' ' || !strncmp(text, "\xC2\xA0", 2))
        text += *text == ' ' ? 1 : 2;
    for (int words = 0; words <= 3 && *text; words++) {
        if (tw_date_leading(text, order, when))
            return true;
        if (isdigit((unsigned char)*text))
            return false;       /* a number in the label: a sentence, a count */
        text += strcspn(text, " ");
        text += strspn(text, " ");
    }
    return false;
}

bool tw_text_is_date(char *text, tw_date_order order, tw_date *when)
{
    if (tw_labelled_date(text, order, when))
        return true;
    /* A byline's other separators ("Handball Schweiz • 02.02.2022",
     * "Redaktion – 05.02.2020") part it as a bar does. */
    char *end = text + strlen(text);
    size_t len;
    for (char *sep = text; (sep = (char *)tw_byline_separator(sep, end, &len)) < end;)
        for (size_t i = 0; i < len; i++)
            *sep++ = i ? ' ' : '|';
    char *rest;     /* strtok_r: the indexer's workers extract pages at once */
    for (char *part = strtok_r(text, "|,", &rest); part; part = strtok_r(NULL, "|,", &rest))
        if (tw_labelled_date(part, order, when))
            return true;
    return false;
}


/* Labels a page sets before the day it was published, in the languages of
 * web-eval's pages and their neighbours; and before the day it was last
 * changed, which a page that gives no other dates itself by. */
static const char *const PUBLISHED_LABELS[] = {
    "ver\xC3\xB6" "ffentlicht", "erschienen", "datum", "published", "posted", "publi\xC3\xA9",
    "publicado", "pubblicato", "publiziert", "gepubliceerd", "opublikowano", "date", NULL };
static const char *const UPDATED_LABELS[] = {
    "aktualisiert", "zuletzt aktualisiert", "stand", "letzte \xC3\x84nderung", "zuletzt ge\xC3\xA4ndert",
    "updated", "last updated", "last modified", "last edited", "mis \xC3\xA0 jour", "actualizado",
    "aggiornato", NULL };

/* Whether TEXT starts with one of LABELS (each starting with an ASCII
 * letter), a word of its own, in any case ("VERÖFFENTLICHT AM", "Letzte
 * ÄNDERUNG"). */
static bool starts_with_label(const char *text, const char *const *labels)
{
    text += strspn(text, " ");
    char first = (char)tolower((unsigned char)*text);
    for (const char *const *l = labels; *l; l++) {
        if (**l != first)
            continue;       /* most lines: one byte read, not the label */
        size_t n = tw_utf8_caseless_prefix(text, *l);
        if (n && !isalnum((unsigned char)text[n]) &&
            ((unsigned char)text[n] < 0x80 || !strncmp(text + n, "\xC2\xA0", 2)))
            return true;
    }
    return false;
}

/* What tw_dated_anywhere looks for a date with. */
typedef struct labelled_line {
    const char *const *labels;
    tw_date_order order;
    tw_buf line;            /* scratch */
    tw_date when;
} labelled_line;

/* Whether the text node N is a date after one of L->labels ("Erschienen
 * am: 01.11.2023", "Updated June 13, 2019"), or the label alone with the
 * date in the next text or the one after ("<b>Aktualisiert am
 * </b>17.01.2021", "<label>Letzte Änderung:</label><div>14.01.2022 um
 * 09:25</div>"). */
static bool labelled_line_date(xmlNodePtr n, labelled_line *l)
{
    const char *own = (const char *)n->content;
    if (!own || !starts_with_label(own + strspn(own, " \t\r\n"), l->labels))
        return false;
    tw_buf_clear(&l->line);
    if (tw_html_put_collapsed(&l->line, own) < 0)
        return false;
    for (int more = 0; more < 2 && !strpbrk(l->line.data, "0123456789") && l->line.len <= 80;) {
        bool skip = n->type == XML_ELEMENT_NODE && tw_html_never_text(n);
        if (!(n = tw_html_next(n, NULL, skip)))
            return false;
        const char *s = (const char *)n->content;
        if (tw_html_has_text(n)) {
            more++;
            if (tw_buf_putc(&l->line, ' ') < 0 || tw_html_put_collapsed(&l->line, s) < 0)
                return false;
        }
    }
    /* The no-break space a template sets after its label ("Stand&nbsp;
     * 27.01.2022") parts words as a space does. */
    for (char *nb = l->line.data; (nb = strstr(nb, "\xC2\xA0"));)
        *nb++ = ' ', *nb++ = ' ';
    return l->line.len <= 80 && tw_labelled_date(l->line.data, l->order, &l->when);
}


/* Words of a sentence that says when a page was last changed, with its
 * date inside rather than after a label: a wiki's footer ("Diese Seite
 * wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.", "This page was
 * last edited on 29 January 2020", "(last edited 2019-11-10 13:28:18 by
 * Mats)"). */
static const char *const CHANGED_WORDS[] = {
    "last edited", "last modified", "last changed", "zuletzt", "derni\xC3\xA8re modification",
    "modifi\xC3\xA9" "e pour la derni\xC3\xA8re fois", "\xC3\xBAltima modificaci\xC3\xB3n",
    "ultima modifica", NULL };

/* Whether the text node N is a short sentence (up to 160 bytes) with one of
 * CHANGED_WORDS and, after them, a date with a year (tw_date_leading); into
 * L->when.  L->line is scratch. */
static bool changed_sentence_date(xmlNodePtr n, labelled_line *l)
{
    const char *own = (const char *)n->content;
    size_t len = own ? strlen(own) : 0;
    if (len < 16 || len > 160 || !strpbrk(own, "0123456789"))
        return false;
    const char *words = NULL;
    for (const char *const *w = CHANGED_WORDS; *w && !words; w++)
        words = strcasestr(own, *w);
    if (!words)
        return false;
    tw_buf_clear(&l->line);
    if (tw_html_put_collapsed(&l->line, words) < 0)
        return false;
    for (const char *at = l->line.data; *at; at++)
        if (isdigit((unsigned char)*at) && (at == l->line.data || at[-1] == ' ') &&
            tw_date_leading(at, l->order, &l->when))
            return true;
    return false;
}

/* What the walk keeps of the first line in an element whose class names a
 * date. */
typedef struct classed_line {
    xmlChar *class;         /* that element's class */
    tw_date when;
    bool found;
    bool listed;            /* another element of that class shows another day */
} classed_line;

/* The element, the one that holds the text node N or the one above it,
 * whose class names a date ("entry-date", "itemPostDate", "meta__date",
 * "date-create"), its class into *CLASS (the caller frees it); NULL when
 * neither's does. */
static xmlNodePtr date_class(xmlNodePtr n, xmlChar **class)
{
    static const char *const words[] = { "date", NULL };
    for (int up = 0; up < 2 && n && n->type == XML_ELEMENT_NODE; up++, n = n->parent)
        if ((*class = tw_html_class_with(n, words)))
            return n;
    *class = NULL;
    return NULL;
}

/* Looks at the text node N for C: the first short line (tw_near_short_text)
 * in an element whose class names a date (date_class) that is a date
 * (tw_text_is_date), outside the readers' comments and the teasers of
 * other stories; after it, whether an element of the same class shows
 * another day, as a list of posts dates each ("<li><a>Other post</a>
 * <span class="post-date">29. September 2020</span></li>", a blog's page
 * of its last ten posts): then none of them dates the page.  LINE is
 * scratch. */
static void classed_line_date(xmlNodePtr n, tw_date_order order, tw_buf *line,
                              classed_line *c)
{
    const char *own = (const char *)n->content;
    xmlChar *class;
    if (c->listed || !own || !strpbrk(own, "0123456789") || !date_class(n->parent, &class))
        return;
    tw_date when;
    if (!c->found) {
        c->found = tw_near_short_text(n, line) && tw_text_is_date(line->data, order, &c->when) &&
                   !tw_html_never_text(n->parent) && !tw_html_in_comments(n->parent) &&
                   !tw_html_teaser(n->parent);
        if (c->found) {
            c->class = class;
            return;
        }
    } else if (!xmlStrcmp(class, c->class) && tw_near_short_text(n, line) &&
               tw_text_is_date(line->data, order, &when)) {
        char day[TW_DATE_ISO_MAX], other[TW_DATE_ISO_MAX];
        tw_date_format(&c->when, day);
        tw_date_format(&when, other);
        c->listed = strncmp(day, other, 10) != 0;
    }
    xmlFree(class);
}

const char *tw_dated_anywhere(xmlNodePtr root, tw_date_order order, char iso[TW_DATE_ISO_MAX])
{
    labelled_line l = { .order = order };
    classed_line c = { 0 };
    tw_date changed;
    bool published = false, updated = false;
    /* Every node is walked, a script's text too: whether a line is in an
     * element that holds no text, in the comments or in a teaser is asked
     * only of the few dated lines, as asked of every element and line it
     * cost more than the rest. */
    for (xmlNodePtr n = root; n && !published; n = tw_html_next(n, root, false)) {
        if (n->type == XML_TEXT_NODE) {
            l.labels = PUBLISHED_LABELS;
            bool pub = labelled_line_date(n, &l);
            l.labels = UPDATED_LABELS;
            bool upd = !pub && !updated &&
                       (labelled_line_date(n, &l) || changed_sentence_date(n, &l));
            if ((pub || upd) && !tw_html_never_text(n->parent) &&
                !tw_html_in_comments(n->parent) && !tw_html_teaser(n->parent)) {
                published = pub;
                updated |= upd;
                if (upd)
                    changed = l.when;
            }
            if (!pub && !upd)
                classed_line_date(n, order, &l.line, &c);
        }
    }
    tw_buf_free(&l.line);
    xmlFree(c.class);
    const tw_date *day = published ? &l.when
                       : c.found && !c.listed ? &c.when
                       : updated ? &changed : NULL;
    if (!day)
        return NULL;
    tw_date_format(day, iso);
    return iso;
}
