/* extract_html.c - HTML pages, parsed with libxml2's HTML parser.
 *
 * Metadata comes from Open Graph and article meta tags, JSON-LD, <title>, <h1>,
 * <time> and the canonical link; the body from the <article> with the most text,
 * else <main>, else <body>, leaving out scripts, navigation, headers, footers,
 * asides and forms.  The tree is walked through its parent/child/next pointers,
 * so no depth of nesting can exhaust the stack. */
#include <ctype.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "byline_name.h"
#include "byline_shown.h"
#include "charset.h"
#include "consent_wall.h"
#include "date.h"
#include "date_lines.h"
#include "extract.h"
#include "html_content.h"
#include "html_parse.h"
#include "html_teaser.h"
#include "html_tree.h"
#include "meta_value.h"
#include "near_headline.h"
#include "page_missing.h"
#include "shown_headline.h"
#include "site_name.h"
#include "text_lines.h"
#include "sniff.h"
#include "title_tail.h"
#include "url.h"
#include "utf8.h"

static const char *const HTML_EXTS[] = { ".html", ".htm", ".xhtml", ".shtml", NULL };

static bool html_claims(const tw_input *in)
{
    if (tw_input_first_char(in) != '<')
        return false;
    size_t n = in->len < 1024 ? in->len : 1024;
    static const char *const marks[] = { "<!doctype html", "<html", "<head", "<body", NULL };
    for (const char *const *m = marks; *m; m++)
        for (size_t i = 0; i + strlen(*m) <= n; i++)
            if (strncasecmp(in->data + i, *m, strlen(*m)) == 0)
                return true;
    return false;
}

/* What the page says about itself; each field holds the first value found. */
typedef struct page {
    tw_buf og_title, title_tag, h1, og_url, canonical, og_site, meta_author,
           article_author, published, time_datetime, meta_date,
           ld_headline, ld_date, ld_author, ld_publisher, ld_url, ld_body, lang, byline,
           locale, content_lang, item_date, ld_other_date, ld_other_author, named_date,
           data_label, data_value;
    bool publisher_person;  /* ld_publisher names a Person: a blog's writer */
    xmlNodePtr headline;    /* the <h1> that tells the story (tw_shown_headline) */
} page;

static void set_once(tw_buf *field, const char *value)
{
    if (!field->len && value && *value) {
        tw_html_put_collapsed(field, value);
    }
}

static void set_attr_once(tw_buf *field, xmlNodePtr n, const char *attr)
{
    if (field->len)
        return;
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    set_once(field, (const char *)v);
    xmlFree(v);
}

/* Whether the name K[0, N) ends with TAIL. */
static bool ends_with(const char *k, size_t n, const char *tail)
{
    size_t t = strlen(tail);
    return n >= t && memcmp(k + n - t, tail, t) == 0;
}

/* Where the date of a <meta> named KEY goes: Open Graph's
 * article:published_time with the page's own; the common date tags
 * ("date", "pubdate", "dc.date", "parsely-pub-date") with each other; any
 * other name that says a publication date in some system's words
 * ("og:article:published_time", "sw-pubdate", "zdf:publicationDate",
 * "publication_date", "cXenseParse:recs:publishtime", a video's
 * itemprop="uploadDate") last of all the
 * page's sources, as such names often hold a local time without its zone;
 * NULL for any other name, and for a date of an update
 * ("last_published_date"). */
static tw_buf *date_meta(page *pg, const char *key)
{
    if (strcasecmp(key, "article:published_time") == 0)
        return &pg->published;
    char k[64];     /* lower case, without separators: "zdfpublicationdate" */
    size_t n = 0;
    for (; *key && n + 1 < sizeof k; key++)
        if (isalnum((unsigned char)*key))
            k[n++] = (char)tolower((unsigned char)*key);
    k[n] = '\0';
    if (*key || strstr(k, "modif") || strstr(k, "updat") || strstr(k, "last"))
        return NULL;
    static const char *const common[] = { "datepublished", "date", "pubdate", "publishdate",
                                          "dcdate", "dcdateissued", "dctermsdate",
                                          "dctermscreated", "sailthrudate", "parselypubdate",
                                          "ogpublishedtime", NULL };
    for (const char *const *c = common; *c; c++)
        if (!strcmp(k, *c))
            return &pg->meta_date;
    static const char *const tails[] = { "pubdate", "publishdate", "publisheddate",
                                         "publicationdate", "publishedtime", "publishtime",
                                         "datepublished", "uploaddate", NULL };
    for (const char *const *t = tails; *t; t++)
        if (ends_with(k, n, *t))
            return &pg->named_date;
    return NULL;
}

/* The content of the <meta> N into FIELD, when FIELD holds nothing yet: as
 * its template meant it (meta_value.h). */
static void set_content_once(tw_buf *field, xmlNodePtr n)
{
    if (field->len)
        return;
    xmlChar *v = xmlGetProp(n, (const xmlChar *)"content");
    if (v && *v && tw_meta_value_put(field, (const char *)v) < 0)
        field->failed = 1;
    xmlFree(v);
}

static void meta_tag(page *pg, xmlNodePtr n)
{
    xmlChar *key = xmlGetProp(n, (const xmlChar *)"property");
    if (!key)
        key = xmlGetProp(n, (const xmlChar *)"name");
    if (!key) {
        xmlChar *equiv = xmlGetProp(n, (const xmlChar *)"http-equiv");
        if (equiv && strcasecmp((const char *)equiv, "content-language") == 0)
            set_attr_once(&pg->content_lang, n, "content");
        xmlFree(equiv);
    }
    if (!key)
        key = xmlGetProp(n, (const xmlChar *)"itemprop");
    if (!key)
        return;
    static const struct { const char *key; size_t off; } map[] = {
        { "og:title",               offsetof(page, og_title) },
        { "og:url",                 offsetof(page, og_url) },
        { "og:site_name",           offsetof(page, og_site) },
        { "og:locale",              offsetof(page, locale) },
        { "author",                 offsetof(page, meta_author) },
        { "article:author",         offsetof(page, article_author) },
        { "twitter:label1",         offsetof(page, data_label) },
        { "twitter:data1",          offsetof(page, data_value) },
    };
    tw_buf *date = date_meta(pg, (const char *)key);
    if (date)
        set_content_once(date, n);
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcasecmp((const char *)key, map[i].key) == 0) {
            set_content_once((tw_buf *)((char *)pg + map[i].off), n);
            break;
        }
    xmlFree(key);
}

/* The object of the JSON-LD value ROOT (an array, a @graph) whose "@id" is
 * ID and that has a name, or NULL. */
static const json_t *ld_find(const json_t *root, const char *id, int depth)
{
    if (depth > 8)
        return NULL;
    if (json_is_array(root)) {
        size_t i;
        const json_t *item, *found;
        json_array_foreach(root, i, item)
            if ((found = ld_find(item, id, depth + 1)))
                return found;
        return NULL;
    }
    const json_t *own = json_object_get(root, "@id");
    if (json_is_string(own) && !strcmp(json_string_value(own), id) &&
        json_object_get(root, "name"))
        return root;
    return ld_find(json_object_get(root, "@graph"), id, depth + 1);
}

/* V, or when V is an object that only refers to another by its "@id"
 * (Yoast's "author": {"@id": ".../#/schema/person/..."}), that other, looked
 * up in ROOT, the value V came in. */
static const json_t *ld_named(const json_t *v, const json_t *root)
{
    const json_t *id = json_object_get(v, "@id");
    const json_t *named = json_is_string(id) && !json_object_get(v, "name")
                          ? ld_find(root, json_string_value(id), 0) : NULL;
    return named ? named : v;
}

/* Appends the text of a JSON-LD value: a string, or an object's "name"
 * (ld_named), or the first of an array. */
static void ld_text(tw_buf *field, const json_t *v, const json_t *root)
{
    if (json_is_array(v))
        v = json_array_get(v, 0);
    v = ld_named(v, root);
    if (json_is_object(v))
        v = json_object_get(v, "name");
    if (json_is_string(v))
        set_once(field, json_string_value(v));
}

/* The names of a JSON-LD author: a string, an object's "name" (ld_named),
 * or a list of either, joined by ", ". */
static void ld_names(tw_buf *field, const json_t *v, const json_t *root)
{
    if (field->len)
        return;
    size_t i, n = json_is_array(v) ? json_array_size(v) : 1;
    for (i = 0; i < n && i < 10; i++) {
        const json_t *one = ld_named(json_is_array(v) ? json_array_get(v, i) : v, root);
        if (json_is_object(one))
            one = json_object_get(one, "name");
        if (!json_is_string(one) || !*json_string_value(one))
            continue;
        if (field->len)
            tw_buf_puts(field, ", ");
        tw_html_put_collapsed(field, json_string_value(one));
    }
}

/* Whether the schema.org type T is an article: one of the *Article types, a
 * Report, or a *Posting (BlogPosting, LiveBlogPosting, SocialMediaPosting,
 * DiscussionForumPosting). */
static bool article_type(const char *t)
{
    size_t n = strlen(t);
    return strstr(t, "Article") || strcmp(t, "Report") == 0 ||
           (n >= 7 && strcmp(t + n - 7, "Posting") == 0);
}

/* Whether a JSON-LD object is an article: its @type, or any of its @types
 * (["WebPage", "Article"]), is one. */
static bool ld_is_article(const json_t *obj)
{
    const json_t *type = json_object_get(obj, "@type");
    if (json_is_string(type))
        return article_type(json_string_value(type));
    size_t i;
    const json_t *one;
    json_array_foreach(type, i, one)
        if (json_is_string(one) && article_type(json_string_value(one)))
            return true;
    return false;
}

/* Whether the JSON-LD value V (or the first of a list, or the object its
 * "@id" refers to) is a Person, or one of its @types is: Yoast gives a
 * blog's writer as its publisher ({"@type": ["Person", "Organization"]}). */
static bool ld_is_person(const json_t *v, const json_t *root)
{
    if (json_is_array(v))
        v = json_array_get(v, 0);
    const json_t *type = json_object_get(ld_named(v, root), "@type");
    if (json_is_string(type))
        return !strcmp(json_string_value(type), "Person");
    size_t i;
    const json_t *one;
    json_array_foreach(type, i, one)
        if (json_is_string(one) && !strcmp(json_string_value(one), "Person"))
            return true;
    return false;
}

/* Walks a JSON-LD value (object, array, @graph) for article objects. */
static void ld_walk(page *pg, const json_t *v, const json_t *root, int depth)
{
    if (depth > 8)
        return;
    if (json_is_array(v)) {
        size_t i;
        const json_t *item;
        json_array_foreach(v, i, item)
            ld_walk(pg, item, root, depth + 1);
        return;
    }
    if (!json_is_object(v))
        return;
    if (ld_is_article(v)) {
        ld_text(&pg->ld_headline, json_object_get(v, "headline"), root);
        ld_text(&pg->ld_date, json_object_get(v, "datePublished"), root);
        ld_names(&pg->ld_author, json_object_get(v, "author"), root);
        if (!pg->ld_publisher.len)
            pg->publisher_person = ld_is_person(json_object_get(v, "publisher"), root);
        ld_text(&pg->ld_publisher, json_object_get(v, "publisher"), root);
        ld_text(&pg->ld_url, json_object_get(v, "url"), root);
        const json_t *body = json_object_get(v, "articleBody");
        if (!pg->ld_body.len && json_is_string(body))
            tw_buf_append(&pg->ld_body, json_string_value(body), json_string_length(body));
    } else {
        /* The WebPage (Yoast gives WordPress pages one), Recipe, HowTo or
         * VideoObject that the page is: its date and author are the page's,
         * when no article gives them; a video's is the day it was uploaded
         * when it gives no other. */
        ld_text(&pg->ld_other_date, json_object_get(v, "datePublished"), root);
        ld_text(&pg->ld_other_date, json_object_get(v, "uploadDate"), root);
        ld_names(&pg->ld_other_author, json_object_get(v, "author"), root);
    }
    ld_walk(pg, json_object_get(v, "@graph"), root, depth + 1);
    /* A WebPage may hold its article as its mainEntity rather than beside
     * it ({"@type": "WebPage", "mainEntity": {"@type": "NewsArticle", ...}}):
     * schema.org's word for the thing the page is about, so never a related
     * story's. */
    ld_walk(pg, json_object_get(v, "mainEntity"), root, depth + 1);
}

static void json_ld(page *pg, xmlNodePtr script)
{
    xmlChar *type = xmlGetProp(script, (const xmlChar *)"type");
    bool ld = type && strcasecmp((const char *)type, "application/ld+json") == 0;
    xmlFree(type);
    if (!ld)
        return;
    xmlChar *text = xmlNodeGetContent(script);
    if (!text)
        return;
    /* Real pages break JSON's rules in two harmless ways: a raw line break
     * or tab inside a string (a headline pasted with its line break), read
     * here as the space it is outside one; and something after the value
     * (a ';', or a second value), read past. */
    for (xmlChar *c = text; *c; c++)
        if (*c < 0x20)
            *c = ' ';
    size_t len = strlen((const char *)text);
    for (size_t off = 0; off < len;) {
        json_error_t error;
        json_t *v = json_loadb((const char *)text + off, len - off, JSON_DISABLE_EOF_CHECK,
                               &error);
        if (!v)
            break;
        ld_walk(pg, v, v, 0);
        json_decref(v);
        off += (size_t)error.position;
        while (off < len && (text[off] == ' ' || text[off] == ';' || text[off] == ','))
            off++;
    }
    xmlFree(text);
}

/* Whether N's class holds the token NAME (any case). */
static bool has_class(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)"class");
    bool yes = false;
    size_t want = strlen(name), len;
    for (const char *at = (const char *)v, *c; !yes && (c = tw_html_class_next(&at, &len));)
        yes = len == want && !strncasecmp(c, name, len);
    xmlFree(v);
    return yes;
}

/* Whether N is the name of an hCard that names an author: class "fn"
 * (microformats' formatted name) on or below one of class "author" or
 * "vcard", as WordPress and Blogger themes write a post's byline ("Posted
 * by <span class="author vcard"><a class="url fn n">Dana</a></span>"). */
static bool hcard_name(xmlNodePtr n)
{
    if (!has_class(n, "fn"))
        return false;
    for (int up = 0; up < 4 && n && n->type == XML_ELEMENT_NODE; up++, n = n->parent)
        if (has_class(n, "author") || has_class(n, "vcard"))
            return true;
    return false;
}

/* An element that holds the author's name: itemprop="author", rel="author",
 * a class named byline, or an author's hCard name; not in the readers'
 * comments, whose hCards name their writers, nor in a teaser of another
 * story (html_teaser.h), which names that story's. */
static bool is_byline(xmlNodePtr n)
{
    bool yes = false;
    xmlChar *v = xmlGetProp(n, (const xmlChar *)"itemprop");
    yes = v && !strcasecmp((const char *)v, "author");
    xmlFree(v);
    if (!yes && (v = xmlGetProp(n, (const xmlChar *)"rel"))) {
        yes = !strcasecmp((const char *)v, "author");
        xmlFree(v);
    }
    if (!yes && (v = xmlGetProp(n, (const xmlChar *)"class"))) {
        yes = strcasestr((const char *)v, "byline") != NULL;
        xmlFree(v);
    }
    return (yes || hcard_name(n)) && !tw_html_in_comments(n) && !tw_html_teaser(n);
}

/* The name a byline N holds, into OUT: the text of the name it marks (an
 * hCard's "fn", microdata's itemprop="name"), which leaves out the words
 * around it ("Posted on <date> by", "Eingestellt von"); else all its text.
 * Returns 0 or -1 on ENOMEM. */
static int byline_text(xmlNodePtr n, tw_buf *out)
{
    for (xmlNodePtr d = n->children ? n : NULL; d; d = tw_html_next(d, n, false)) {
        if (d == n || d->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *prop = xmlGetProp(d, (const xmlChar *)"itemprop");
        bool name = (prop && !strcasecmp((const char *)prop, "name")) || has_class(d, "fn");
        xmlFree(prop);
        if (name) {
            n = d;
            break;
        }
    }
    return tw_html_text(n, out, NULL, NULL);
}

/* What JUDGE says of the type of the microdata item N belongs to (the last
 * part of the nearest itemtype: "NewsArticle" of
 * "https://schema.org/NewsArticle"), or NONE when N is in no item. */
static bool item_type_is(xmlNodePtr n, bool (*judge)(const char *type), bool none)
{
    for (; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
        xmlChar *type = xmlGetProp(n, (const xmlChar *)"itemtype");
        if (!type)
            continue;
        const char *t = strrchr((const char *)type, '/');
        bool says = judge(t ? t + 1 : (const char *)type);
        xmlFree(type);
        return says;
    }
    return none;
}

/* Whether TYPE is the page's article or the page itself. */
static bool page_type(const char *type)
{
    size_t len = strlen(type);
    return article_type(type) || (len >= 4 && !strcmp(type + len - 4, "Page"));
}

/* Whether the microdata item N belongs to is the page's article, or the page
 * itself, or no item is named: a Review's or a Comment's datePublished is
 * not the page's date. */
static bool item_of_page(xmlNodePtr n)
{
    return item_type_is(n, page_type, true);
}

/* A date given in microdata on an element other than <meta> (which
 * meta_tag reads), itemprop="datePublished", or in microformats, class
 * "published" (hAtom, as blog themes of the 2000s write it: "<abbr
 * class="published" title="06-08-2009T14:12:32+0200">") or "dt-published"
 * (microformats2), outside a teaser: with the date in its content,
 * datetime or title (Blogger's <abbr title>), else, for microdata, in its
 * text (a microformat's text is the local time shown, without its zone:
 * "<span class=published>7. Jun 2017, 11:19</span>"). */
static void item_date(page *pg, xmlNodePtr n)
{
    if (pg->item_date.len || tw_html_is(n, "meta"))
        return;
    xmlChar *prop = xmlGetProp(n, (const xmlChar *)"itemprop");
    bool item = prop && strcasecmp((const char *)prop, "datePublished") == 0, dated = item;
    xmlFree(prop);
    static const char *const attrs[] = { "content", "datetime", "title" };
    /* A microformat's date is in one of ATTRS: the class is read (a copy
     * of it) only then, not of every element of the page (+4% of a page's
     * time). */
    bool valued = false;
    for (size_t i = 0; i < 3 && !dated && !valued; i++)
        valued = xmlHasProp(n, (const xmlChar *)attrs[i]) != NULL;
    if (valued && (has_class(n, "published") || has_class(n, "dt-published")))
        dated = !tw_html_teaser(n);
    if (!dated || !item_of_page(n) || tw_html_in_comments(n))
        return;
    for (size_t i = 0; i < 3 && !pg->item_date.len; i++)
        set_attr_once(&pg->item_date, n, attrs[i]);
    if (!pg->item_date.len && item) {
        tw_html_text(n, &pg->item_date, NULL, NULL);
        if (pg->item_date.len > 64)
            tw_buf_clear(&pg->item_date);   /* a block, not a date */
    }
}

/* One pass over the whole tree for what the page says about itself. */
static int survey(page *pg, xmlNodePtr root)
{
    for (xmlNodePtr n = root; n; n = tw_html_next(n, root, false)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (tw_html_is(n, "html")) {
            set_attr_once(&pg->lang, n, "lang");
        } else if (tw_html_is(n, "meta")) {
            meta_tag(pg, n);
        } else if (tw_html_is(n, "link")) {
            xmlChar *rel = xmlGetProp(n, (const xmlChar *)"rel");
            if (rel && strcasecmp((const char *)rel, "canonical") == 0)
                set_attr_once(&pg->canonical, n, "href");
            xmlFree(rel);
        } else if (tw_html_is(n, "title") && !pg->title_tag.len) {
            xmlChar *t = xmlNodeGetContent(n);
            set_once(&pg->title_tag, (const char *)t);
            xmlFree(t);
        } else if (tw_html_is(n, "h1") && !pg->h1.len) {
            if (tw_html_text(n, &pg->h1, NULL, NULL) < 0)
                return -1;
        } else if (!pg->byline.len && is_byline(n)) {
            if (byline_text(n, &pg->byline) < 0)
                return -1;
            if (pg->byline.len > 120)
                tw_buf_clear(&pg->byline);  /* a box about the author, not a name */
        } else if (tw_html_is(n, "time") && !pg->time_datetime.len &&
                   !tw_html_in_comments(n) && !tw_html_teaser(n)) {
            /* The first <time> that holds a date: others hold durations
             * and opening hours.  One in the comments dates a reader's
             * comment (on a blog that gives no other date, the only one);
             * one in a teaser, another story. */
            xmlChar *v = xmlGetProp(n, (const xmlChar *)"datetime");
            tw_date when;
            if (v && tw_date_parse_order((const char *)v, TW_DATE_DMY, &when))
                set_once(&pg->time_datetime, (const char *)v);
            xmlFree(v);
        } else if (tw_html_is(n, "script")) {
            json_ld(pg, n);
        }
        item_date(pg, n);
    }
    return 0;
}

#define PAGE_FIELDS 27

/* Every field of PG, into f[PAGE_FIELDS]. */
static void page_fields(page *pg, tw_buf *f[PAGE_FIELDS])
{
    tw_buf *all[PAGE_FIELDS] = {
        &pg->og_title, &pg->title_tag, &pg->h1, &pg->og_url, &pg->canonical, &pg->og_site,
        &pg->meta_author, &pg->article_author, &pg->published, &pg->time_datetime,
        &pg->meta_date, &pg->ld_headline, &pg->ld_date, &pg->ld_body, &pg->lang, &pg->byline,
        &pg->ld_author, &pg->ld_publisher, &pg->ld_url, &pg->locale, &pg->content_lang,
        &pg->item_date, &pg->ld_other_date, &pg->ld_other_author, &pg->named_date,
        &pg->data_label, &pg->data_value };
    memcpy(f, all, sizeof all);
}

/* Whether memory ran out while a field of PG was written (tw_buf.failed): the
 * survey writes many of them in many places, and is checked once. */
static bool page_failed(page *pg)
{
    tw_buf *f[PAGE_FIELDS];
    page_fields(pg, f);
    for (size_t i = 0; i < PAGE_FIELDS; i++)
        if (f[i]->failed)
            return true;
    return false;
}

static void page_free(page *pg)
{
    tw_buf *f[PAGE_FIELDS];
    page_fields(pg, f);
    for (size_t i = 0; i < PAGE_FIELDS; i++)
        tw_buf_free(f[i]);
}

/* The page's address, into OUT: the first of its canonical link, og:url
 * and JSON-LD url that is absolute (tw_url_absolute).  Templates write a
 * relative canonical link ("/news-artikel?id=7") beside an absolute og:url;
 * alone, a relative one names no page a reader could open, nor its site.
 * Returns NULL when there is none, or when memory ran out (OUT->failed). */
static const char *page_url(page *pg, tw_buf *out)
{
    tw_buf *all[] = { &pg->canonical, &pg->og_url, &pg->ld_url };
    for (size_t i = 0; i < 3 && !out->len; i++)
        if (all[i]->len && tw_url_absolute(all[i]->data, out) < 0)
            return NULL;
    return out->len ? out->data : NULL;
}

static const char *first(tw_buf *a, tw_buf *b, tw_buf *c, tw_buf *d)
{
    tw_buf *all[] = { a, b, c, d };
    for (size_t i = 0; i < 4; i++)
        if (all[i] && all[i]->len)
            return all[i]->data;
    return NULL;
}

/* Whether A and B are the same name, whatever their case, spaces and
 * punctuation ("The Ledger" and "THE LEDGER.", not "Ledger" and "子ども"). */
static bool same_name(const char *a, const char *b)
{
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    for (;;) {
        while (*x && *x < 0x80 && !isalnum(*x))
            x++;
        while (*y && *y < 0x80 && !isalnum(*y))
            y++;
        if (!*x || !*y)
            return !*x && !*y;
        if (tolower(*x++) != tolower(*y++))
            return false;
    }
}

/* S without the white space around it, which pages indent their headings
 * with ("<h1>\n    Headline</h1>", og:title=" Headline "): where it starts,
 * and its length in *LEN. */
static const char *trimmed(const char *s, size_t *len)
{
    s += strspn(s, " \n");
    *len = strlen(s);
    while (*len && (s[*len - 1] == ' ' || s[*len - 1] == '\n'))
        --*len;
    return s;
}

/* Whether og:title is a label of the page's section, not its headline: one
 * word ("Pressemitteilungen", "Medienmitteilungen", which some sites give
 * every page of a section) where the page's <title> says three words or
 * more without it ("BDZV: Olafur Eliasson gestaltet Titelseite ..."). */
static bool section_label(page *pg)
{
    const tw_buf *og = &pg->og_title, *t = &pg->title_tag;
    char word[128];
    size_t len;
    const char *w = og->len ? trimmed(og->data, &len) : NULL;
    if (!w || !len || len >= sizeof word || !t->len || tw_count_words(w, len) != 1 ||
        tw_count_words(t->data, t->len) < 3)
        return false;
    memcpy(word, w, len);
    word[len] = '\0';
    return !strcasestr(t->data, word);
}

/* The page's headline: og:title, else the JSON-LD headline, else <title>,
 * else the first <h1>; one that is only the site's name (og:title on every
 * page of some sites), or a section's label (section_label), gives way to
 * the next.  NULL when there is none. */
static const char *page_headline(page *pg, const char *site)
{
    tw_buf *sources[] = { &pg->og_title, &pg->ld_headline, &pg->title_tag, &pg->h1 };
    const char *found = NULL;
    for (size_t i = 0; i < sizeof sources / sizeof sources[0]; i++) {
        if (!sources[i]->len || (i == 0 && section_label(pg)))
            continue;
        if (!site || !same_name(sources[i]->data, site))
            return sources[i]->data;
        if (!found)
            found = sources[i]->data;
    }
    return found;
}

/* TITLE without the site's name its logo heading says (tw_logo_heading),
 * which an old template adds to its titles where no metadata names the
 * site.  Returns 0 or -1 on ENOMEM. */
static int logo_name(xmlNodePtr root, tw_buf *title)
{
    tw_buf name = { 0 };
    int rc = tw_logo_heading(root, &name);
    if (rc == 0 && name.len)
        tw_strip_logo_name(title, name.data);
    tw_buf_free(&name);
    return rc;
}

/* TITLE without a separator it ends with, which nothing follows: a
 * template's "Headline | " or "Headline - " with its site's name left
 * empty. */
static void drop_dangling_separator(tw_buf *title)
{
    for (const char *const *sep = tw_title_separators; *sep; sep++) {
        size_t n = strlen(*sep) - 1;    /* without its space after */
        if (title->len > n && !memcmp(title->data + title->len - n, *sep, n)) {
            title->len -= n;
            title->data[title->len] = '\0';
            return;
        }
    }
}

/* TITLE as the page's <h1> shows it, when one tells the same story
 * (shown_headline.h): without the site's name or the section the title adds
 * ("Story headline - Some Site", "News - Story headline"), in the words
 * readers see.  Returns 0 or -1 on ENOMEM. */
static int headline_as_shown(tw_buf *title, xmlNodePtr root, xmlNodePtr *at)
{
    tw_buf shown = { 0 };
    int rc = tw_shown_headline(root, title->data, &shown, at);
    if (rc == 0 && !*at)
        rc = tw_shown_title_part(root, title->data, &shown);
    if (rc == 0 && shown.len) {
        tw_buf_clear(title);
        rc = tw_buf_append(title, shown.data, shown.len);
    }
    tw_buf_free(&shown);
    return rc;
}

/* TITLE as the <h2> or <h3> that tells its story says it (tw_story_heading),
 * on a page whose <h1>s do not: where an old blog's theme, a forum or a
 * press release sets its headline, in the words and marks its readers
 * see.  *AT is that heading, NULL when none.  Returns 0 or -1 on ENOMEM. */
static int story_heading(tw_buf *title, xmlNodePtr root, xmlNodePtr *at, bool *said)
{
    tw_buf shown = { 0 };
    *at = tw_story_heading(root, title->data, &shown);
    *said = shown.len > 0;
    int rc = shown.failed ? -1 : 0;
    if (rc == 0 && shown.len) {
        tw_buf_clear(title);
        rc = tw_buf_append(title, shown.data, shown.len);
    }
    tw_buf_free(&shown);
    return rc;
}

/* The page's JSON-LD articleBody, when it is the better text of the article
 * (html_content.h), replaces BODY; some sites write it as HTML, which is
 * parsed as a page is.  Returns 0 or -1 on ENOMEM. */
static int embedded_article(page *pg, xmlNodePtr root, tw_buf *body, const tw_emit *emit)
{
    if (!pg->ld_body.len)
        return 0;
    tw_buf all = { 0 };
    int rc = tw_html_text(root, &all, NULL, NULL);
    if (rc == 0 && tw_html_prefer_embedded(body->data ? body->data : "", pg->ld_body.data,
                                           all.data ? all.data : "")) {
        tw_buf_clear(body);
        rc = tw_html_piece_text(pg->ld_body.data, pg->ld_body.len, emit, body) < 0 ? -1 : 0;
    }
    tw_buf_free(&all);
    return rc;
}

/* A name from a profile URL's last part ("https://site/staff/david-brand":
 * "David Brand"), when that is two to four words of letters; else nothing. */
static void name_from_url(const char *url, tw_buf *out)
{
    tw_buf_clear(out);
    size_t len = strlen(url);
    while (len && url[len - 1] == '/')
        len--;
    const char *slug = url + len;
    while (slug > url && slug[-1] != '/')
        slug--;
    int words = 1;
    for (const char *p = slug; p < url + len; p++) {
        if (*p == '-' || *p == '_')
            words++;
        else if (!isalpha((unsigned char)*p))
            return;
    }
    if (words < 2 || words > 4)
        return;
    bool start = true;
    for (const char *p = slug; p < url + len; p++) {
        char c = *p == '-' || *p == '_' ? ' ' : *p;
        tw_buf_putc(out, start ? (char)toupper((unsigned char)c) : c);
        start = c == ' ';
    }
}

/* Whether the name NAME is the site's or its publisher's rather than a
 * person's: "FOCUS Online", "Deutsche Welle (www.dw.com)", as many sites
 * fill their author meta tag on every page. */
static bool names_site(page *pg, const char *name, const char *url)
{
    tw_buf *sites[] = { &pg->og_site, pg->publisher_person ? NULL : &pg->ld_publisher };
    for (size_t i = 0; i < 2 && sites[i]; i++)
        if (tw_names_site(name, sites[i]->len ? sites[i]->data : NULL, url))
            return true;
    return false;
}

/* TITLE as the page's one <h1> says it (tw_only_headline), when no heading
 * tells the story TITLE names: the page's headline, which its og:title or
 * <title> words otherwise for social media or search engines.  Not when
 * the <h1> names the site (its name, its host).  Returns 0 or -1 on
 * ENOMEM. */
static int only_headline(page *pg, xmlNodePtr root, const char *url, tw_buf *title)
{
    tw_buf h1 = { 0 };
    xmlNodePtr at = tw_only_headline(root, &h1);
    int rc = h1.failed ? -1 : 0;
    if (at && !names_site(pg, h1.data, url)) {
        tw_buf_clear(title);
        rc = tw_buf_append(title, h1.data, h1.len);
        pg->headline = at;
    }
    tw_buf_free(&h1);
    return rc;
}

/* Whether NAME is a login name rather than a name as a reader sees it: one
 * word of small ASCII letters and digits, perhaps joined by '.', '_' or '-'
 * ("michael.andrusio", "gabor_munier", "arianschlichenmayer"), as a
 * publishing system fills its author fields with the account's name. */
static bool login_name(const char *name)
{
    bool letter = false;
    for (const unsigned char *c = (const unsigned char *)name; *c; c++) {
        if (!(islower(*c) || isdigit(*c) || *c == '.' || *c == '_' || *c == '-'))
            return false;
        letter |= islower(*c) != 0;
    }
    return letter;
}

/* Whether the name OUT, read by author_name, is a person's: one that names
 * the site (names_site) is not, nor is a login name (login_name) in the
 * page's metadata (SHOWN false), where a reader never sees it; such a name
 * is kept in SITE, the last such, for when no source names anyone else.  A
 * login name the page shows as its byline is the name its readers know.
 * A person's name with the site's after it loses the site's ("Rob Picheta,
 * CNN": taken whole for CNN's, the byline's longer "Rob Picheta, CNN
 * Updated 2010 GMT" won); not a place or a word in small letters ("red,
 * wien.ORF.at"), which may be the byline of the site's own staff. */
static bool person_named(page *pg, const char *page_url, tw_buf *out, bool shown,
                         tw_buf *site)
{
    if (!out->len)
        return false;
    tw_buf *sites[] = { &pg->og_site, pg->publisher_person ? NULL : &pg->ld_publisher };
    for (size_t i = 0; i < 2 && sites[i]; i++) {
        size_t kept = tw_site_tail(out->data, sites[i]->len ? sites[i]->data : NULL, page_url);
        if (kept < out->len && tw_byline_name_like(out->data, kept) && memchr(out->data, ' ', kept)) {
            out->len = kept;
            out->data[kept] = '\0';
        }
    }
    if ((shown || !login_name(out->data)) && !names_site(pg, out->data, page_url))
        return true;
    tw_buf_clear(site);
    tw_buf_append(site, out->data, out->len);
    return false;
}

/* Whether the page's pair of meta tags that gives a label and a value (as
 * Yoast sets twitter:label1 and twitter:data1, in the site's language)
 * names its author: the label ends with a word for "by" ("Written by",
 * "Verfasst von", "Escrito por"), not another ("Est. reading time"). */
static bool labelled_author(const page *pg)
{
    size_t len = pg->data_label.len;
    const char *label = pg->data_label.data;
    while (len && label[len - 1] == ' ')
        len--;
    size_t last = len;
    while (last && label[last - 1] != ' ')
        last--;
    return pg->data_value.len && len > last && tw_byline_by_word(label + last, len - last);
}

/* The author as a name: a byline in the article's own text (text_byline),
 * else from JSON-LD, the author meta tags (a labelled value among them:
 * labelled_author), or a byline on the page, without "By ", else the byline
 * by the headline, else one after the story, else one in an element of an
 * author's class (tw_classed_byline), else one under a heading that says
 * author (tw_headed_byline); a profile URL is no name (article:author often is one),
 * though its last part may give one.  JSON-LD's author comes before the
 * meta tags: it is the article's own, where many publishing systems fill
 * the meta tag with the company's name on every page ("Prisma Média",
 * "Condé Nast").  A name that names the site (names_site) gives way to the
 * next source, and is taken when no other names anyone, as an
 * organisation's own page may be written by it: of several, the last in
 * that order.  Into OUT; NULL when none, or when memory ran out
 * (OUT->failed). */
static const char *author_name(page *pg, xmlNodePtr root, const char *page_url,
                               const char *body, tw_buf *out)
{
    tw_buf none = { 0 };
    tw_buf *sources[] = { &pg->ld_author, &pg->meta_author, &pg->article_author,
                          labelled_author(pg) ? &pg->data_value : &none, &pg->byline,
                          &pg->ld_other_author };
    const char *url = NULL;
    tw_buf site = { 0 };
    bool person = body && tw_text_byline(body, out) &&
                  person_named(pg, page_url, out, true, &site);
    for (size_t i = 0; i < sizeof sources / sizeof sources[0] && !person; i++) {
        const char *v = sources[i]->data;
        if (!sources[i]->len)
            continue;
        if (!strncasecmp(v, "http://", 7) || !strncasecmp(v, "https://", 8)) {
            if (!url)
                url = v;
            continue;
        }
        tw_byline_name(v, out);
        person = person_named(pg, page_url, out, sources[i] == &pg->byline, &site);
    }
    if (!person && tw_headline_byline(root, pg->headline, out))
        person = person_named(pg, page_url, out, true, &site);
    if (!person && body && tw_closing_byline(root, body, out))
        person = person_named(pg, page_url, out, true, &site);
    if (!person && tw_classed_byline(root, out))
        person = person_named(pg, page_url, out, true, &site);
    if (!person && tw_headed_byline(root, out))
        person = person_named(pg, page_url, out, true, &site);
    if (person) {
        tw_buf_free(&site);
        return out->data;
    }
    tw_buf_clear(out);
    if (url)
        name_from_url(url, out);
    if (!out->len && site.len)
        tw_buf_append(out, site.data, site.len);
    out->failed |= site.failed;
    tw_buf_free(&site);
    return out->len && !out->failed ? out->data : NULL;
}

/* The order a page's numeric dates are in, by its language: month first in
 * American English, day first elsewhere, unknown for English of no country. */
static tw_date_order date_order(const char *lang)
{
    if (!lang || !*lang)
        return TW_DATE_ANY;
    if (strncasecmp(lang, "en", 2) == 0 && (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_'))
        return !lang[2] ? TW_DATE_ANY
             : strcasecmp(lang + 3, "us") == 0 ? TW_DATE_MDY : TW_DATE_DMY;
    return TW_DATE_DMY;
}

/* The date the line of the text node N is, into *WHEN and ISO; NULL when
 * none.  LINE is scratch. */
static const char *line_date(xmlNodePtr n, tw_date_order order, tw_buf *line, tw_date *when,
                             char iso[TW_DATE_ISO_MAX])
{
    if (!tw_near_short_text(n, line) || !tw_text_is_date(line->data, order, when))
        return NULL;
    tw_date_format(when, iso);
    return iso;
}

/* What shown_date looks for a date with. */
typedef struct shown_line {
    tw_date_order order;
    tw_buf line;            /* scratch */
    tw_date *when;          /* the date found */
    char *iso;              /* ...in ISO 8601, char[TW_DATE_ISO_MAX] */
} shown_line;

/* Whether TYPE is a reader's review or comment (a Review, a UserComments). */
static bool readers_type(const char *type)
{
    return strstr(type, "Review") || strstr(type, "Comment");
}

/* Whether N is in a microdata item of a reader's review or comment: the
 * date it shows is the reader's. */
static bool in_readers_item(xmlNodePtr n)
{
    return item_type_is(n, readers_type, false);
}

/* Whether the text node N is a line that dates the page (line_date): not
 * one in a reader's review or comment. */
static bool is_shown_date(xmlNodePtr n, void *ctx)
{
    shown_line *s = ctx;
    return !in_readers_item(n->parent) &&
           line_date(n, s->order, &s->line, s->when, s->iso) != NULL;
}

/* The date a page shows by its headline and nowhere in its markup: a date
 * in an element of the headline's own <h1>, else the first short line near
 * its headline (HEADLINE, else its first <h1>) --
 * one of the 12 after it, else of the 6 before it, nearest first
 * (tw_near_headline) -- that is a date
 * ("07.11.2023", "Datum: 26. Januar 2022"), into *WHEN and ISO. */
static const char *shown_date(xmlNodePtr root, xmlNodePtr headline, tw_date_order order,
                              tw_date *when, char iso[TW_DATE_ISO_MAX])
{
    shown_line s = { .order = order, .when = when, .iso = iso };
    bool found = false;
    /* A date the headline's <h1> sets in an element of its own, a kicker
     * above the headline or a line below it ("<h1><span class="date">
     * 27.01.2022</span>Headline</h1>"), comes first. */
    for (xmlNodePtr n = headline; n && !found; n = tw_html_next(n, headline, false))
        found = n->type == XML_TEXT_NODE && n->parent != headline && is_shown_date(n, &s);
    found = found ||
            tw_near_headline(root, headline, TW_NEAR_BEFORE, TW_NEAR_AFTER, is_shown_date, &s);
    tw_buf_free(&s.line);
    return found ? iso : NULL;
}

/* Whether the text node N shows a day whose order its numbers settle
 * (line_date: "01.11.2023", "1. November 2023", "2023-11-01"), read the
 * same day first as month first; its day into DAY[TW_DATE_ISO_MAX]. */
static bool plain_day(xmlNodePtr n, tw_buf *line, char day[TW_DATE_ISO_MAX])
{
    char other[TW_DATE_ISO_MAX];
    tw_date when;
    const char *s = (const char *)n->content;
    return s && strpbrk(s, "0123456789") && line_date(n, TW_DATE_DMY, line, &when, day) &&
           line_date(n, TW_DATE_MDY, line, &when, other) && !strncmp(day, other, 10) &&
           !tw_html_in_comments(n->parent);
}

/* The order of the numbers in the date S (a source's, "11/01/2023") when
 * they can be read both ways, as the page's own dates settle it: the first
 * short line of the page that shows a day plainly (plain_day) and is one of
 * the two says which ("Erstellt am: 01.11.2023" for 1 November, whatever
 * the page's language says).  ORDER when S is read one way only, or the
 * page shows neither day. */
static tw_date_order settled_order(xmlNodePtr root, const char *s, tw_date_order order)
{
    tw_date dmy, mdy;
    char day_first[TW_DATE_ISO_MAX], month_first[TW_DATE_ISO_MAX], shown[TW_DATE_ISO_MAX];
    if (!tw_date_parse_order(s, TW_DATE_DMY, &dmy) || !tw_date_parse_order(s, TW_DATE_MDY, &mdy))
        return order;
    tw_date_format(&dmy, day_first);
    tw_date_format(&mdy, month_first);
    if (!strncmp(day_first, month_first, 10))
        return order;
    tw_buf line = { 0 };
    for (xmlNodePtr n = root; n;) {
        bool skip = n->type == XML_ELEMENT_NODE && tw_html_never_text(n);
        if (n->type == XML_TEXT_NODE && plain_day(n, &line, shown)) {
            if (!strncmp(shown, day_first, 10) || !strncmp(shown, month_first, 10)) {
                order = !strncmp(shown, day_first, 10) ? TW_DATE_DMY : TW_DATE_MDY;
                break;
            }
        }
        n = tw_html_next(n, root, skip);
    }
    tw_buf_free(&line);
    return order;
}

/* The date a line of the article's text opens with, as a paper's dateline
 * sets it before the lead: a date alone before a dash or in brackets
 * ("29.11.2022 – Mehrfach ...", "(21. November 2022) Energieverbraucher
 * ..."), into *WHEN. */
static bool dateline(const char *line, size_t len, tw_date_order order, tw_date *when)
{
    char head[48];
    size_t open = line[0] == '(', end = open;
    while (end < len && end < sizeof head - 1 && line[end] != ')' &&
           strncmp(line + end, " -", 2) && strncmp(line + end, " \xE2\x80\x93", 4) &&
           strncmp(line + end, " \xE2\x80\x94", 4))
        end++;
    if (end == len || end == sizeof head - 1 || !isdigit((unsigned char)line[open]))
        return false;
    memcpy(head, line + open, end - open);
    head[end - open] = '\0';
    const char *at = tw_date_shown(head, order, when);
    return at == head;
}

/* The date the article's text opens with: the dateline (dateline) of one
 * of its first three lines, into ISO[TW_DATE_ISO_MAX]; NULL when none. */
static const char *text_date(const char *body, tw_date_order order, char iso[TW_DATE_ISO_MAX])
{
    const char *line;
    size_t len, seen = 0;
    tw_date when;
    for (const char *at = body; seen++ < 3 && (line = tw_text_next_line(&at, &len));)
        if (dateline(line, len, order, &when)) {
            tw_date_format(&when, iso);
            return iso;
        }
    return NULL;
}

/* WHEN, a moment in UTC, on the clock of the page's own time zone when
 * another of its date sources [FROM, TO) gives the same moment on it: a
 * WordPress page's JSON-LD says "2022-05-04T03:37:37+00:00" and its <time>
 * "2022-05-03T23:37:37-04:00", the day the page shows. */
static void own_clock(tw_date *when, tw_buf *const *from, tw_buf *const *to)
{
    tw_date other;
    for (; when->has_time && !when->offset && from < to; from++)
        if ((*from)->len && tw_date_parse((*from)->data, &other) && other.has_time &&
            other.epoch == when->epoch)
            when->offset = other.offset;
}

/* WHEN, a moment in UTC from the page's markup, on the clock of the date
 * the page shows by its headline (SEEN, NULL when none), which is what its
 * readers see: a time that names no zone a whole number of quarter hours
 * away, within the minute the page shows ("2022-05-04T02:41:00Z" shown as
 * "03.05.2022 22:41", four hours west), one that names its zone when it is
 * the same moment, or, shown without a time, the day next to the UTC one
 * that a time zone puts the moment on ("2021-11-04T23:00:00Z" shown as
 * "05.11.2021": that day, without a time).  Of web-eval's pages whose
 * markup gives a moment in UTC, 7 are so put on the day their readers were
 * given, none on another. */
static void shown_clock(tw_date *when, const tw_date *seen)
{
    const int64_t quarter = 900, day = 86400;
    if (!seen)
        return;
    if (seen->has_time && seen->zoned) {
        /* A moment of its own ("13:10 GMT"): the page's clock only when it
         * is the same moment. */
        if (seen->epoch == when->epoch)
            when->offset = seen->offset;
        return;
    }
    if (seen->has_time) {
        int64_t ahead = tw_date_clock(seen) - when->epoch;
        /* Rounded to the quarter hour: a page shows minutes, not seconds. */
        int64_t half = ahead >= 0 ? quarter / 2 : -quarter / 2;
        int64_t offset = (ahead + half) / quarter * quarter;
        if (tw_date_zone_offset(offset) && ahead - offset > -60 && ahead - offset <= 0)
            when->offset = (int32_t)offset;
        return;
    }
    int64_t utc_midnight = when->epoch - ((when->epoch % day) + day) % day;
    if (seen->epoch != utc_midnight && when->epoch >= seen->epoch - TW_ZONE_EAST &&
        when->epoch < seen->epoch + day - TW_ZONE_WEST)
        *when = *seen;
}

/* Whether the date WHEN, from a date meta tag named in general words
 * (LOOSE: "date", "DC.date", a system's own "zdf:publicationDate"), gives
 * way to the date the page shows by its headline (SHOWN, ISO 8601, NULL
 * when none) on another day.  Dublin Core's date is any moment in the
 * page's life, and publishing systems fill such tags with the moment the
 * page was made or last changed ("2020-04-29T11:52:23" under "Stand:
 * 28.04.2020 18:00 Uhr"), where the date by the headline is the one its
 * readers are given: of the 7 web-eval pages dated by such a tag that show
 * another day, the shown one is right on all 7.  The date an article's own
 * markup gives (article:published_time, JSON-LD, <time>) stays: of the 22
 * such pages that show another day, 9 show a masthead's day, an event's or
 * a related story's. */
static bool shown_overrules(const tw_date *when, bool loose, const char *shown)
{
    char day[TW_DATE_ISO_MAX];
    if (!loose || !shown)
        return false;
    tw_date_format(when, day);
    return strncmp(day, shown, 10) != 0;
}

/* The page's date: the first of its sources that can be read, in the order
 * its language writes numbers ("04.05.2021", "04/05/2021"), unless its own
 * dates settle that otherwise (settled_order), handed on as ISO
 * 8601 in ISO; else the day in its URL; else the first given, as it is (to
 * be warned about).  A source that cannot be read gives way to the
 * next: a <time> may hold a recipe's "PT15M" or a shop's opening hours.
 * An article's JSON-LD datePublished comes before the first <time>, which
 * may show the last update above the story, or a local time without its
 * zone: of 22 web-eval pages where the two differ, the JSON-LD date is
 * never the worse one.  A date meta tag named in general words gives way
 * to another day shown by the headline (shown_overrules). */
static const char *page_date(page *pg, xmlNodePtr root, const char *url, const char *body,
                             char iso[TW_DATE_ISO_MAX])
{
    tw_buf *sources[] = { &pg->published, &pg->ld_date, &pg->time_datetime, &pg->meta_date,
                          &pg->ld_other_date, &pg->item_date, &pg->named_date };
    const size_t n = sizeof sources / sizeof sources[0];
    tw_date_order order = date_order(pg->lang.len ? pg->lang.data : NULL);
    const char *given = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!sources[i]->len)
            continue;
        tw_date when;
        if (tw_date_parse_order(sources[i]->data, settled_order(root, sources[i]->data, order),
                                &when)) {
            own_clock(&when, sources + i + 1, sources + n);
            bool loose = sources[i] == &pg->meta_date || sources[i] == &pg->named_date,
                 utc = when.has_time && !when.offset;
            if (loose || utc) {
                tw_date seen;
                const char *shown = shown_date(root, pg->headline, order, &seen, iso);
                if (shown_overrules(&when, loose, shown))
                    return shown;
                if (utc)    /* a clock the markup names stays */
                    shown_clock(&when, shown ? &seen : NULL);
            }
            tw_date_format(&when, iso);
            return iso;
        }
        if (!given)
            given = sources[i]->data;
    }
    const char *in_url = tw_url_day(url, iso);
    tw_date seen;
    const char *shown =
        in_url || given ? NULL : shown_date(root, pg->headline, order, &seen, iso);
    if (!in_url && !given && !shown && body)
        shown = text_date(body, order, iso);
    if (!in_url && !given && !shown)
        shown = tw_dated_anywhere(root, order, iso);
    return in_url ? in_url : shown ? shown : given;
}

/* The page IN, not UTF-8, in UTF-8 into OUT: read in the charset its
 * transport declares (a web archive's HTTP Content-Type), as browsers read
 * it, else in the one its own <meta> declares (META, NULL when none).  When
 * both declare one and they differ (a server that re-encodes its pages
 * under a template's stale <meta>, or a template that is right under a
 * server's default), the one that reads more of the bytes: a page in
 * Shift_JIS that says EUC-JP read as EUC-JP is all U+FFFD.  Returns 0, or
 * -1 on ENOMEM. */
static int page_to_utf8(const tw_input *in, const char *meta, tw_buf *out)
{
    const char *first = in->charset ? in->charset : meta;
    long bad = tw_convert_to_utf8(first, in->data, in->len, out);
    if (bad <= 0 || !in->charset || !meta || !strcasecmp(in->charset, meta))
        return bad < 0 ? -1 : 0;
    tw_buf other = { 0 };
    long other_bad = tw_convert_to_utf8(meta, in->data, in->len, &other);
    if (other_bad >= 0 && other_bad < bad) {
        tw_buf swap = *out;
        *out = other;
        other = swap;
    }
    tw_buf_free(&other);
    return other_bad < 0 ? -1 : 0;
}

static trawl_status html_extract(const tw_input *in, const tw_emit *emit,
                                 char *err, size_t errlen)
{
    if (in->len > 0x7fffffff) {
        snprintf(err, errlen, "HTML page over 2 GiB");
        return TRAWL_EFORMAT;
    }
    /* The bytes go to the parser as UTF-8, whatever the page declares; most
     * pages are, and are parsed where they lie. */
    const char *text = in->data;
    size_t len = in->len;
    tw_buf utf8 = { 0 };
    char charset[64];
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    /* A page in UTF-16 marks it (a file's mark is read as the file is; a
     * web archive's page comes here as it was sent); its own <meta> cannot be
     * read before it is converted. */
    const char *utf16 = tw_utf16_text(text, len);
    if (utf16) {
        if (tw_convert_to_utf8(utf16, text + 2, len - 2, &utf8) < 0)
            return TRAWL_ENOMEM;
        text = utf8.data ? utf8.data : "";
        len = utf8.len;
    } else if (!tw_utf8_valid(text, len)) {
        bool declared = tw_declared_charset(in->data, in->len, charset, sizeof charset);
        if (page_to_utf8(in, declared ? charset : NULL, &utf8) < 0)
            return TRAWL_ENOMEM;
        text = utf8.data ? utf8.data : "";
        len = utf8.len;
    }
    tw_html_parse ps = { .emit = emit, .err = err, .errlen = errlen };
    htmlDocPtr doc = tw_html_parse_bounded(text, len, &ps);
    tw_buf_free(&utf8);
    if (ps.stop != TRAWL_OK && !ps.too_many && !ps.too_deep) {
        xmlFreeDoc(doc);        /* interrupted, or out of time */
        return ps.stop;
    }
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) {
        xmlFreeDoc(doc);
        snprintf(err, errlen, "no HTML content");
        return TRAWL_EFORMAT;
    }
    if (ps.too_deep)
        emit->warn(emit->ctx, "HTML nested more than 256 elements deep: the text below "
                   "that depth and after it is not indexed", true);
    if (ps.too_many)
        emit->warn(emit->ctx, "HTML page with more than 100000 elements and attributes: "
                   "the text after them is not indexed", true);

    page pg = { 0 };
    tw_buf body = { 0 }, title = { 0 }, author = { 0 }, address = { 0 };
    char iso[TW_DATE_ISO_MAX];
    trawl_status st = TRAWL_ENOMEM;
    if (survey(&pg, root) < 0 || page_failed(&pg))
        goto done;
    const char *url = page_url(&pg, &address);
    if (address.failed)
        goto done;
    const char *site = first(&pg.og_site, &pg.ld_publisher, NULL, NULL);
    /* A " | Site" or " - Site" naming the site goes, wherever the title comes
     * from (og:title has one too on some sites). */
    const char *headline = page_headline(&pg, site);
    size_t headline_len = 0;
    if (headline)
        headline = trimmed(headline, &headline_len);
    if (headline && tw_buf_append(&title, headline, headline_len) < 0)
        goto done;
    if (title.len)
        tw_strip_site_name(&title, site, url);
    if (title.len && logo_name(root, &title) < 0)
        goto done;
    drop_dangling_separator(&title);
    if (title.len && headline_as_shown(&title, root, &pg.headline) < 0)
        goto done;
    bool shown_story = pg.headline != NULL;
    if (title.len && !pg.headline && story_heading(&title, root, &pg.headline, &shown_story) < 0)
        goto done;
    if (tw_html_article_text(root, title.len ? title.data : NULL, &body) < 0 ||
        embedded_article(&pg, root, &body, emit) < 0)
        goto done;
    /* After the text: the article is found by the title's words, which
     * the page's text says more often than the <h1>'s rewording. */
    if ((!pg.headline || !shown_story) && only_headline(&pg, root, url, &title) < 0)
        goto done;

    trawl_article a = {
        .id = in->path, .path = in->path,
        .title = title.len ? title.data : NULL,
        .body = body.len ? body.data : NULL,
        .date = page_date(&pg, root, url, body.len ? body.data : NULL, iso),
        .url = url,
        .site = site,
        .author = author_name(&pg, root, url, body.len ? body.data : NULL, &author),
    };
    if (title.failed || author.failed)
        goto done;
    if (!a.title && !a.body) {
        snprintf(err, errlen, "no text in the HTML page");
        st = TRAWL_EFORMAT;
        goto done;
    }
    /* A server's "page not found" page is no article: nothing is emitted,
     * and the file is said to be skipped, as one with no article is. */
    const char *names[] = { pg.title_tag.data, pg.h1.data, a.title };
    if (tw_page_missing(names, sizeof names / sizeof names[0], a.body)) {
        emit->warn(emit->ctx, "the page says it was not found (an error page)", false);
        st = TRAWL_OK;
        goto done;
    }
    /* Nor is a page that holds only a cookie consent prompt, unless it
     * embeds its article for machines (which then is the body). */
    if (!pg.ld_body.len && tw_consent_wall(root)) {
        emit->warn(emit->ctx, "the page is only a cookie consent prompt", false);
        st = TRAWL_OK;
        goto done;
    }
    st = emit->article(emit->ctx, &a, first(&pg.lang, &pg.locale, &pg.content_lang, NULL));
done:
    page_free(&pg);
    tw_buf_free(&body);
    tw_buf_free(&title);
    tw_buf_free(&author);
    tw_buf_free(&address);
    xmlFreeDoc(doc);
    return st;
}

const tw_extractor tw_extractor_html = {
    .name = "html",
    .extent = TW_EXTENT_MARKUP,
    .exts = HTML_EXTS,
    .claims = html_claims,
    .extract = html_extract,
};
