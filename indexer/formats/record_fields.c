/* record_fields.c - the field names and field readers JSON and CSV share. */
#include "record_fields.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "byline_name.h"
#include "date.h"
#include "entities.h"
#include "html_guard.h"
#include "html_parse.h"

const char *const tw_field_title[] = { "title", "headline", NULL };
/* JSON Feed's content_text and content_html; a crawler's copy of the page it
 * fetched (html, raw_html) when it kept no text of its own; the last three
 * only when a record has nothing longer: a news API's summary of the
 * article. */
const char *const tw_field_body[] = { "body", "text", "content", "article", "articleBody",
                                      "maintext", "content_text", "content_html", "html",
                                      "raw_html", "description", "summary", "abstract", NULL };
const size_t tw_field_body_summaries = 10;
/* WordPress's date_gmt first: its date is the site's local time, unmarked.
 * The names news APIs use (pub_date: The New York Times', webPublicationDate:
 * The Guardian's), then when a post was created (social media's created_at,
 * Reddit's created_utc), a publication's first moment.  A record's timestamp
 * last: a crawler may stamp it with the day it fetched the page, the nearest
 * date there is when nothing says when it came out. */
const char *const tw_field_date[] = { "date_gmt", "date", "published", "published_at",
                                      "publishedAt", "pubDate", "datePublished",
                                      "date_published", "date_publish", "publish_date",
                                      "pub_date", "publication_date", "published_date",
                                      "publishedDate", "webPublicationDate", "created_at",
                                      "createdAt", "created_utc", "dateCreated",
                                      "timestamp", NULL };
const size_t tw_field_date_utc = 0;
/* A sitemap's <loc>: a Google News sitemap gives each address a title. */
const char *const tw_field_url[] = { "url", "link", "loc", NULL };
const char *const tw_field_author[] = { "author", "byline", "authors", NULL };
/* trafilatura's JSON names the site source-hostname, and gives the page's
 * address as its source (extract_json.c's take_site).  "publication" is
 * what the Kaggle news tables call it (All the News). */
const char *const tw_field_site[] = { "site", "source", "source_domain", "publisher",
                                      "source-hostname", "publication", NULL };
const char *const tw_field_lang[] = { "lang", "language", NULL };

/* Words of a column's name that say whose field it is, or how it is
 * written, not which ("article_title", "news_text", "author_name",
 * "published_at", "date_time_utc"). */
static const char *const DECOR_WORDS[] = { "article", "articles", "news", "story", "post",
                                           "page", "item", "doc", "document", "text",
                                           "content", "full", "main", "name", "names", "at",
                                           "on", "time", "utc", "gmt", "iso", NULL };

/* The place of WORD[0..LEN) in NAMES (ignoring case), or -1. */
static int place_in(const char *word, size_t len, const char *const *names)
{
    int first = tolower((unsigned char)word[0]);
    for (int k = 0; names[k]; k++)
        if (tolower((unsigned char)names[k][0]) == first && strlen(names[k]) == len &&
            strncasecmp(names[k], word, len) == 0)
            return k;
    return -1;
}

/* The list of LISTS whose names hold WORD[0..LEN), or its singular, with
 * its place there in *RANK; -1 when none; -2 when more than one. */
static int list_of_word(const char *word, size_t len, const char *const *const *lists, int n,
                        size_t *rank)
{
    int found = -1;
    for (int l = 0; l < n; l++) {
        int k = place_in(word, len, lists[l]);
        if (k < 0 && len > 3 && tolower((unsigned char)word[len - 1]) == 's')
            k = place_in(word, len - 1, lists[l]);
        if (k < 0)
            continue;
        if (found >= 0)
            return -2;
        found = l;
        *rank = (size_t)k;
    }
    return found;
}

/* The most words of a name looked at. */
#define WORDS_MAX 8

typedef struct word {
    const char *at;
    size_t len;
} word;

/* Splits NAME[0..LEN) into its words: letters and digits up to a separator
 * or, camelCase, a capital after a small letter.  Returns how many (at
 * most WORDS_MAX), or WORDS_MAX + 1 when there are more. */
static size_t split_words(const char *name, size_t len, word out[WORDS_MAX])
{
    size_t n = 0, i = 0;
    while (i < len) {
        while (i < len && !isalnum((unsigned char)name[i]))
            i++;
        size_t start = i;
        while (i < len && isalnum((unsigned char)name[i]) &&
               !(i > start && isupper((unsigned char)name[i]) &&
                 islower((unsigned char)name[i - 1])))
            i++;
        if (i == start)
            continue;
        if (n == WORDS_MAX)
            return WORDS_MAX + 1;
        out[n++] = (word){ name + start, i - start };
    }
    return n;
}

/* Whether the N words A are the words B of a name, in their order or, not
 * ORDERED, in any. */
static bool same_words(const word *a, size_t n, const word *b, size_t m, bool ordered)
{
    if (n != m)
        return false;
    bool used[WORDS_MAX] = { false };
    for (size_t i = 0; i < n; i++) {
        size_t j = ordered ? i : 0;
        while (j < m && (used[j] || a[i].len != b[j].len ||
                         strncasecmp(a[i].at, b[j].at, a[i].len) != 0))
            j = ordered ? m : j + 1;
        if (j == m)
            return false;
        used[j] = true;
    }
    return true;
}

/* The list of LISTS one of whose names of several words has the N words W,
 * in their order ("publishDate", publish_date) or another
 * ("date.publication", publication_date), with the name's place in *RANK;
 * -1 when none. */
static int list_of_words(const word *w, size_t n, const char *const *const *lists, int lists_n,
                         size_t *rank)
{
    for (int ordered = 1; ordered >= 0; ordered--)
        for (int l = 0; l < lists_n; l++)
            for (size_t k = 0; lists[l][k]; k++) {
                word v[WORDS_MAX];
                size_t m = split_words(lists[l][k], strlen(lists[l][k]), v);
                if (m > 1 && same_words(w, n, v, m, ordered)) {
                    *rank = k;
                    return l;
                }
            }
    return -1;
}

int tw_record_field_by_words(const char *name, size_t len, const char *const *const *lists,
                             int n, int decor, size_t *rank)
{
    word words[WORDS_MAX];
    size_t count = split_words(name, len, words);
    if (count > WORDS_MAX)
        return -1;
    int field = -1;
    size_t best = SIZE_MAX, decor_best = SIZE_MAX;   /* DECOR's best name left out */
    for (size_t w = 0; w < count; w++) {
        const char *at = words[w].at;
        size_t wlen = words[w].len, k;
        if (place_in(at, wlen, DECOR_WORDS) >= 0) {
            int d = place_in(at, wlen, lists[decor]);
            if (d >= 0 && (size_t)d < decor_best)
                decor_best = (size_t)d;
            continue;
        }
        int l = list_of_word(at, wlen, lists, n, &k);
        if (l < 0 || (field >= 0 && l != field))
            return count > 1 ? list_of_words(words, count, lists, n, rank) : -1;
        field = l;
        best = k < best ? k : best;
    }
    if (field < 0 && decor_best != SIZE_MAX) {
        field = decor;
        best = decor_best;
    }
    /* "post_date_gmt" beside "post_date" (WordPress's wp_posts): the one
     * that says its clock is UTC's is the better, as date_gmt is. */
    if (field >= 0 && lists[field] == tw_field_date && tw_record_name_utc(name, len))
        best = tw_field_date_utc;
    if (field >= 0)
        *rank = best;
    return field;
}

int tw_record_field_named(const char *name, size_t len, const char *const *const *lists, int n,
                          int decor, size_t *rank)
{
    for (int l = 0; l < n; l++)
        for (size_t k = 0; lists[l][k]; k++)
            if (strlen(lists[l][k]) == len && strncasecmp(lists[l][k], name, len) == 0) {
                *rank = k;
                return l;
            }
    return tw_record_field_by_words(name, len, lists, n, decor, rank);
}

/* Elements whose tags in a text field say it is HTML, not text that
 * happens to hold a '<'. */
static const char *const HTML_TAGS[] = { "p", "br", "div", "span", "a", "b", "i", "u", "em",
                                         "strong", "h1", "h2", "h3", "h4", "h5", "h6", "ul",
                                         "ol", "li", "img", "figure", "figcaption",
                                         "blockquote", "table", "tr", "td", "pre", "code",
                                         "iframe", "script", "style", "section", "hr",
                                         "sup", "sub", "small", NULL };

bool tw_record_name_utc(const char *name, size_t len)
{
    if (len < 3 || (strncasecmp(name + len - 3, "gmt", 3) && strncasecmp(name + len - 3, "utc", 3)))
        return false;
    if (len == 3)
        return true;
    unsigned char before = (unsigned char)name[len - 4], first = (unsigned char)name[len - 3];
    return !isalnum(before) || (islower(before) && isupper(first));
}

int tw_record_dates(tw_buf *date, const tw_buf *utc)
{
    tw_date moment, shown;
    if (!utc->len || tw_date_zero(utc->data, utc->len))
        return 0;
    if (!tw_date_parse(utc->data, &moment) || tw_date_placeholder(&moment)) {
        /* No date: the other field's, else this text, for the indexer to
         * say it could not read it. */
        if (date->len)
            return 0;
        return tw_buf_append(date, utc->data, utc->len);
    }
    bool shown_ok = date->len && tw_date_parse(date->data, &shown) && shown.has_time &&
                    !shown.zoned;
    tw_buf_clear(date);
    if (!moment.has_time || moment.zoned)
        return tw_buf_append(date, utc->data, utc->len);   /* a day, or a zone named */
    moment.zoned = true;
    if (shown_ok && tw_date_zone_offset(shown.epoch - moment.epoch))
        moment.offset = (int32_t)(shown.epoch - moment.epoch);
    char iso[TW_DATE_ISO_MAX];
    tw_date_format(&moment, iso);
    return tw_buf_puts(date, iso);
}

void tw_record_field_names(char *out, size_t size)
{
    const char *const *lists[] = { tw_field_title, tw_field_body };
    size_t len = 0;
    out[0] = '\0';
    for (size_t l = 0; l < 2; l++)
        for (const char *const *name = lists[l]; *name && len < size; name++)
            len += (size_t)snprintf(out + len, size - len, "%s%s", len ? ", " : "", *name);
}

bool tw_record_holds_html(const char *text, size_t len)
{
    const char *end = text + len;
    for (const char *p = memchr(text, '<', len); p; p = memchr(p + 1, '<', (size_t)(end - p - 1))) {
        const char *tag = p + 1 < end && p[1] == '/' ? p + 2 : p + 1;
        size_t n = 0;
        while (tag + n < end && isalnum((unsigned char)tag[n]))
            n++;
        if (!n || tag + n >= end || !strchr(" \t\r\n/>", tag[n]))
            continue;
        for (const char *const *t = HTML_TAGS; *t; t++)
            if (strlen(*t) == n && !strncasecmp(tag, *t, n))
                return true;
    }
    return false;
}

/* The message spells the bounds out: they are html_guard.h's. */
_Static_assert(TW_HTML_MAX_DEPTH == 256 && TW_HTML_MAX_NODES == 100000,
               "tw_record_markup_cut names the bounds of html_guard.h");
const char tw_record_markup_cut[] =
    "HTML in a text field nested more than 256 elements deep, or with more than 100000 "
    "elements and attributes: the text after that is not indexed";

int tw_record_markup(tw_buf *field, tw_buf *scratch, const tw_emit *emit)
{
    if (!field->len)
        return 0;
    bool html = tw_record_holds_html(field->data, field->len);
    if (!html && !memchr(field->data, '&', field->len))
        return 0;
    tw_buf_clear(scratch);
    int rc = html ? tw_html_piece_text(field->data, field->len, emit, scratch)
                  : tw_entities_decode(scratch, field->data, field->len);
    if (rc < 0)
        return -1;
    tw_buf text = *field;
    *field = *scratch;
    *scratch = text;
    return rc > 0 ? 1 : 0;
}

int tw_record_authors(tw_buf *authors, tw_buf *scratch)
{
    tw_buf_clear(scratch);
    tw_buf name = { 0 };
    for (char *line = authors->data, *end; line && *line; line = end ? end + 1 : NULL) {
        end = strchr(line, '\n');
        if (end)
            *end = '\0';
        tw_byline_name(line, &name);
        if (name.len && scratch->len)
            tw_buf_puts(scratch, ", ");
        tw_buf_append(scratch, name.data, name.len);
    }
    int rc = name.failed || scratch->failed ? -1 : 0;
    tw_buf_free(&name);
    tw_buf names = *scratch;
    *scratch = *authors;
    *authors = names;
    return rc;
}
