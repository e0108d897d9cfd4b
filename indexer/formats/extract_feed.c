/* extract_feed.c - news feeds: RSS 2.0, RSS 1.0 (RDF) and Atom, one article
 * an item.
 *
 * A site's feed is how news is syndicated and how many scrapers keep it:
 * each <item> (RSS) or <entry> (Atom) is a story with its title, link,
 * date, author and text (content:encoded or Atom's content, else the
 * description or summary), and the feed's own title names the site.  Read
 * whole with libxml2's XML parser, recovering from what feeds get wrong,
 * bounded as a page is (tw_xml_parse_bounded); entities a feed declares
 * are never expanded (only text and CDATA nodes are read), so a feed
 * cannot grow itself a billion times over.  The text of an item, which
 * feeds hold as HTML, is read as a piece of a page is (tw_html_piece_text). */
#include <libxml/parser.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "html_parse.h"
#include "html_tree.h"

static const char *const FEED_EXTS[] = { ".rss", ".atom", NULL };

/* The root elements a feed starts with, as its first bytes show them. */
static const char *const ROOTS[] = { "<rss", "<feed", "<rdf:RDF", NULL };

/* Whether IN starts, past an XML declaration, comments and a processing
 * instruction or two, with a feed's root element.  Only its first KiB is
 * looked at: a feed says what it is at once. */
static bool feed_claims(const tw_input *in)
{
    if (tw_input_first_char(in) != '<')
        return false;
    size_t len = in->len < 1024 ? in->len : 1024;
    for (const char *p = in->data; (p = memchr(p, '<', len - (size_t)(p - in->data)));) {
        if (p[1] != '?' && p[1] != '!') {
            for (const char *const *r = ROOTS; *r; r++) {
                size_t n = strlen(*r);
                if ((size_t)(in->data + len - p) > n && !strncmp(p, *r, n) &&
                    strchr(" \t\r\n>", p[n]))
                    return true;
            }
            return false;
        }
        p++;
    }
    return false;
}

/* Whether N is an element whose local name is NAME (any prefix). */
static bool named(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

/* The first child of N named NAME, or NULL. */
static xmlNodePtr child(const xmlNode *n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (named(c, name))
            return c;
    return NULL;
}

/* Appends the text and CDATA directly and deeply below N to OUT, an entity
 * reference left out (see the file's comment).  Returns -1 on ENOMEM. */
static int plain_text(const xmlNode *n, tw_buf *out)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            tw_buf_puts(out, (const char *)c->content);
        else if (c->type == XML_ELEMENT_NODE && plain_text(c, out) < 0)
            return -1;
    }
    return out->failed ? -1 : 0;
}

/* The text of N (plain_text; nothing for a NULL N) into OUT, cleared
 * first, without the spaces at its ends.  Returns -1 on ENOMEM. */
static int trimmed_text(const xmlNode *n, tw_buf *out)
{
    tw_buf_clear(out);
    if (n && plain_text(n, out) < 0)
        return -1;
    size_t lead = strspn(out->data ? out->data : "", " \t\r\n");
    while (out->len > lead && strchr(" \t\r\n", out->data[out->len - 1]))
        out->data[--out->len] = '\0';
    if (lead) {
        memmove(out->data, out->data + lead, out->len - lead + 1);
        out->len -= lead;
    }
    return 0;
}

/* The first child of N of the NAMES, in their order, that holds text: its
 * text into OUT (trimmed_text).  Returns -1 on ENOMEM. */
static int first_text(const xmlNode *n, const char *const *names, tw_buf *out)
{
    tw_buf_clear(out);
    for (; *names && !out->len; names++)
        if (trimmed_text(child(n, *names), out) < 0)
            return -1;
    return 0;
}

/* The address an item links to: RSS's <link> text, or the href of Atom's
 * <link> that is the entry's page (rel "alternate", or none). */
static int item_link(const xmlNode *item, tw_buf *out)
{
    static const char *const names[] = { "link", NULL };
    for (xmlNodePtr c = item->children; c; c = c->next) {
        if (!named(c, "link"))
            continue;
        xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
        xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
        bool page = href && (!rel || !strcmp((const char *)rel, "alternate"));
        if (page) {
            tw_buf_clear(out);
            tw_buf_puts(out, (const char *)href);
        }
        xmlFree(href);
        xmlFree(rel);
        if (page)
            return out->failed ? -1 : 0;
    }
    return first_text(item, names, out);
}

/* What an item's fields are read into. */
typedef struct item_fields {
    tw_buf id, title, link, date, author, markup, body;
} item_fields;

/* The author of ITEM: Atom's <author><name>, Dublin Core's <dc:creator>,
 * or RSS's <author> ("desk@ledger.example (Dana Whitcomb)": the name in
 * its parentheses). */
static int item_author(const xmlNode *item, tw_buf *out)
{
    static const char *const names[] = { "creator", "author", NULL };
    static const char *const atom[] = { "name", NULL };
    xmlNodePtr author = child(item, "author");
    if (author && child(author, "name"))
        return first_text(author, atom, out);
    if (first_text(item, names, out) < 0)
        return -1;
    char *open = out->len && out->data[out->len - 1] == ')' ? strchr(out->data, '(') : NULL;
    if (open && memchr(out->data, '@', (size_t)(open - out->data))) {
        size_t n = out->len - (size_t)(open - out->data) - 2;
        memmove(out->data, open + 1, n);
        out->data[out->len = n] = '\0';
    }
    return 0;
}

/* Whether N holds an element: Atom's content of type "xhtml", markup in
 * the feed's own tree rather than escaped text. */
static bool holds_element(const xmlNode *n)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return true;
    return false;
}

/* The text of ITEM into F->body: its full content (content:encoded,
 * Atom's <content>), else its description or summary, read as HTML.
 * Returns -1 on ENOMEM, 1 when the HTML was cut at a bound. */
static int item_body(const xmlNode *item, const tw_emit *emit, item_fields *f)
{
    static const char *const names[] = { "encoded", "content", "description", "summary", NULL };
    tw_buf_clear(&f->body);
    for (const char *const *name = names; *name; name++) {
        xmlNodePtr c = child(item, *name);
        if (c && holds_element(c))
            return tw_html_text(c, &f->body, NULL, NULL) < 0 ? -1 : 0;
        if (trimmed_text(c, &f->markup) < 0)
            return -1;
        if (f->markup.len)
            return tw_html_piece_text(f->markup.data, f->markup.len, emit, &f->body);
    }
    return 0;
}

/* Emits ITEM, the ORDINAL-th of IN's feed, whose site is SITE. */
static trawl_status emit_item(const tw_input *in, const tw_emit *emit, const xmlNode *item,
                              size_t ordinal, const char *site, const char *lang,
                              item_fields *f)
{
    static const char *const titles[] = { "title", NULL };
    static const char *const dates[] = { "pubDate", "published", "date", "updated", "issued",
                                         NULL };
    tw_buf_clear(&f->id);
    int rc = tw_buf_printf(&f->id, "%s#%zu", in->path, ordinal);
    if (rc == 0)
        rc = first_text(item, titles, &f->title);
    if (rc == 0)
        rc = item_link(item, &f->link);
    if (rc == 0)
        rc = first_text(item, dates, &f->date);
    if (rc == 0)
        rc = item_author(item, &f->author);
    if (rc == 0)
        rc = item_body(item, emit, f);
    if (rc < 0)
        return TRAWL_ENOMEM;
    if (rc > 0)
        emit->warn(emit->ctx, "an item's HTML nests too deep or holds too many elements: "
                   "the text after that is not indexed", true);
    trawl_article a = {
        .id = f->id.data, .path = in->path,
        .title = f->title.len ? f->title.data : NULL,
        .body = f->body.len ? f->body.data : NULL,
        .date = f->date.len ? f->date.data : NULL,
        .url = f->link.len ? f->link.data : NULL,
        .site = site,
        .author = f->author.len ? f->author.data : NULL,
    };
    return emit->article(emit->ctx, &a, lang);
}

static trawl_status feed_extract(const tw_input *in, const tw_emit *emit, char *err,
                                 size_t errlen)
{
    tw_html_parse ps = { .emit = emit, .err = err, .errlen = errlen };
    xmlDocPtr doc = tw_xml_parse_bounded(in->data, in->len, &ps);
    if (ps.stop != TRAWL_OK && !ps.too_many && !ps.too_deep) {
        xmlFreeDoc(doc);        /* interrupted, or out of time */
        return ps.stop;
    }
    if (ps.too_deep || ps.too_many)
        emit->warn(emit->ctx, "a feed nested more than 256 elements deep, or with more than "
                   "100000 elements and attributes: the items after that are not indexed",
                   true);
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    /* RSS 2.0 holds its items in its <channel>; RSS 1.0 (<rdf:RDF>) beside
     * it; Atom's entries are the feed's children. */
    bool atom = named(root, "feed");
    xmlNodePtr channel = child(root, "channel");
    xmlNodePtr holder = named(root, "rss") ? channel : atom || named(root, "RDF") ? root : NULL;
    if (!holder) {
        xmlFreeDoc(doc);
        snprintf(err, errlen, "not a feed that can be read: no RSS channel or Atom feed in it "
                         "(a file named .rss or .atom is read as one)");
        return TRAWL_EFORMAT;
    }
    const char *item_name = atom ? "entry" : "item";
    static const char *const titles[] = { "title", NULL };
    static const char *const langs[] = { "language", NULL };
    item_fields f = { 0 };
    tw_buf site = { 0 }, lang = { 0 };
    trawl_status st = first_text(atom ? root : channel, titles, &site) < 0 ||
                              first_text(channel, langs, &lang) < 0
                          ? TRAWL_ENOMEM
                          : TRAWL_OK;
    xmlChar *xml_lang = xmlNodeGetLang(root);
    if (st == TRAWL_OK && !lang.len && xml_lang)
        tw_buf_puts(&lang, (const char *)xml_lang);
    xmlFree(xml_lang);
    size_t ordinal = 0;
    for (xmlNodePtr n = holder->children; n && st == TRAWL_OK; n = n->next) {
        if (!named(n, item_name))
            continue;
        st = tw_emit_check(emit, err, errlen);
        if (st == TRAWL_OK)
            st = emit_item(in, emit, n, ++ordinal, site.len ? site.data : NULL,
                           lang.len ? lang.data : NULL, &f);
    }
    if (st == TRAWL_OK && !ordinal)
        emit->warn(emit->ctx, "a feed with no item: nothing to index", false);
    else if (st == TRAWL_OK && ps.unclosed)
        emit->warn(emit->ctx, "the feed ends before its elements close (cut short?): "
                   "its last item is indexed as far as it goes; fetch it again", true);
    tw_buf *bufs[] = { &f.id, &f.title, &f.link, &f.date, &f.author, &f.markup, &f.body,
                       &site, &lang };
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
        tw_buf_free(bufs[i]);
    xmlFreeDoc(doc);
    return st;
}

const tw_extractor tw_extractor_feed = {
    .name = "feed",
    .extent = TW_EXTENT_MARKUP,
    .exts = FEED_EXTS,
    .claims = feed_claims,
    .extract = feed_extract,
};
