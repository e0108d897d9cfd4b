/* extract_xml.c - XML documents of articles: one article a file (Reuters'
 * RCV1 <newsitem>, the NITF of The New York Times' corpus, TEI, DocBook)
 * or many (a CMS's or a database's export: <articles><article>...).
 *
 * Read as a stream with libxml2's SAX parser, no tree built: a record is
 * held, field by field, only until it ends, so that an export of any size
 * reads in bounded memory.  The fields are known by their element's (or
 * attribute's) name as a JSON member's or a CSV column's are
 * (record_fields.h: title, headline, text, body...; headline_text by its
 * words).
 *
 * Which elements are articles: those that repeat one name, each with a
 * title and a text, wrapped deeper than the root's children
 * (xml_records.h: an API's <response><articles><article>, mysqldump's
 * <row>s); else the root's children when they repeat one
 * name (<article>, <item>, <doc>, <newsitem>...) or hold a title and a
 * text of their own, not a summary (a JATS paper's <front> with its
 * <abstract> is a part of the paper); else the whole document is one article, its fields
 * wherever they are in it (NITF's <head><title> and <body.content>).  An
 * article needs an element (or attribute) named for its title or text (a
 * sitemap's <url>s, a configuration file, are none: "no article in it");
 * one with no element named for its text has its text from all the rest
 * of it (DocBook's sections).  Entities the document declares are never
 * expanded: no tree, and no handler that would look them up. */
#include <libxml/parser.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "extract.h"
#include "html_parse.h"
#include "record_fields.h"
#include "url.h"
#include "xml_records.h"

/* The fields of a record; a date named for UTC's time (post_date_gmt) is
 * kept apart from the best other one, for the two together to give the
 * site's clock (tw_record_dates). */
enum field { F_TITLE, F_BODY, F_DATE, F_URL, F_AUTHOR, F_SITE, F_LANG, F_ID, F_DATE_UTC,
             N_FIELDS };
#define N_NAMED F_DATE_UTC  /* the fields with names of their own */
static const char *const ID_NAMES[] = { "id", NULL };
static const char *const *const NAMES[N_NAMED] = {
    tw_field_title, tw_field_body, tw_field_date, tw_field_url, tw_field_author,
    tw_field_site, tw_field_lang, ID_NAMES,
};

/* Elements within a line of text: no break around them. */
static const char *const INLINE[] = { "a", "b", "i", "u", "em", "strong", "span", "sub", "sup",
                                      "small", "font", "code", "abbr", "q", "cite", "mark",
                                      "s", "tt", "emph", "hi", "br", NULL };
/* Elements that are paragraphs: a blank line after them. */
static const char *const PARAGRAPHS[] = { "p", "para", "block", "div", "section",
                                          "blockquote", "li", "h1", "h2", "h3", "h4", NULL };

/* Bytes handed to the parser at a time. */
#define CHUNK (64u * 1024)
/* Room for the name of a root's child, to compare with the next ones'. */
#define NAME_MAX_LEN 64

/* One article being read: its fields, each with the place in its names of
 * the name it was found by (SIZE_MAX: not found), and its other text. */
typedef struct record {
    tw_buf field[N_FIELDS];
    size_t rank[N_FIELDS];
    tw_buf rest;                /* text outside the fields found */
    size_t held;                /* bytes of text held */
    bool cut;                   /* TW_RECORD_MAX was reached */
    int own;                    /* the field the element's own name names, or -1 */
    size_t own_rank;            /* that name's place in the field's names */
    char name[NAME_MAX_LEN];    /* the element's name */
} record;

typedef struct xml_reader {
    const tw_input *in;
    const tw_emit *emit;
    xmlParserCtxtPtr ctxt;
    int depth;                  /* of the element open: the root's is 1 */
    int records;                /* of the articles, or the parts of the one */
    record root, child, pending;    /* the document; the root's child open;
                                       the first child, not yet known to be an
                                       article or a part of the document */
    bool have_pending;
    char article_name[NAME_MAX_LEN];   /* of the children that are articles */
    int capture[N_FIELDS];      /* depth of the element a field is read from, or 0 */
    size_t capture_rank[N_FIELDS];  /* the place of its name, the field's once it
                                       holds text: an empty element (<title/>)
                                       takes nothing from a better one */
    char date_part[3][16];      /* a date's <day>, <month>, <year> children */
    int date_part_open;         /* which of them is open, or -1 */
    size_t ordinal;             /* the root's children met */
    size_t articles;
    tw_buf id, scratch;
    trawl_status st;            /* what stops the reading */
    char error[200];            /* libxml2's first error that loses text, and where */
    int error_line;
} xml_reader;

static void record_reset(record *r)
{
    for (int f = 0; f < N_FIELDS; f++) {
        tw_buf_clear(&r->field[f]);
        r->rank[f] = SIZE_MAX;
    }
    tw_buf_clear(&r->rest);
    r->held = 0;
    r->cut = false;
    r->own = -1;
    r->own_rank = SIZE_MAX;
    r->name[0] = '\0';
}

static void record_free(record *r)
{
    for (int f = 0; f < N_FIELDS; f++)
        tw_buf_free(&r->field[f]);
    tw_buf_free(&r->rest);
}

/* The field NAME names, by one of its names (any case) or its words, and
 * that name's place; -1 for none. */
static int field_of(const char *name, size_t *rank)
{
    int f = tw_record_field_named(name, strlen(name), NAMES, N_NAMED, F_BODY, rank);
    return f == F_DATE && *rank == tw_field_date_utc ? F_DATE_UTC : f;
}

/* What NAME, or else its name attribute NAME_ATTRIBUTE, names, for
 * tw_xml_record_depth. */
static tw_xml_named named(const char *name, const char *name_attribute)
{
    size_t rank;
    int f = field_of(name, &rank);
    if (f < 0 && name_attribute)
        f = field_of(name_attribute, &rank);
    return f == F_TITLE ? TW_XML_TITLE : f == F_BODY ? TW_XML_TEXT : TW_XML_OTHER;
}

static bool one_of(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strcasecmp(name, *list) == 0)
            return true;
    return false;
}

/* The record the open element's text goes to. */
static record *current(xml_reader *x)
{
    return x->depth >= x->records && x->child.name[0] ? &x->child : &x->root;
}

static bool failed(xml_reader *x, int rc)
{
    if (rc < 0 && x->st == TRAWL_OK) {
        x->st = TRAWL_ENOMEM;
        xmlStopParser(x->ctxt);
    }
    return rc < 0;
}

static bool white(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Appends S[0..LEN) to B, each run of white space one space (an XML file's
 * line breaks and indents are its layout), none at the start of a line. */
static int append_text(tw_buf *b, const char *s, size_t len)
{
    size_t from = b->len;
    if (tw_buf_append(b, s, len) < 0)
        return -1;
    char *d = b->data;
    bool space = !from || d[from - 1] == ' ' || d[from - 1] == '\n';
    size_t w = from;
    for (size_t r = from; r < b->len; r++) {
        if (!white(d[r]))
            d[w++] = d[r];
        else if (!space)
            d[w++] = ' ';
        space = white(d[r]);
    }
    b->len = w;
    d[w] = '\0';
    return 0;
}

/* Ends B's line, or its paragraph (PARAGRAPH), unless it has ended. */
static int break_line(tw_buf *b, bool paragraph)
{
    while (b->len && b->data[b->len - 1] == ' ')
        b->data[--b->len] = '\0';
    if (!b->len)
        return 0;
    size_t want = paragraph ? 2 : 1, have = 0;
    while (have < want && have < b->len && b->data[b->len - 1 - have] == '\n')
        have++;
    return have < want ? tw_buf_append(b, "\n\n", want - have) : 0;
}

/* Breaks the lines of every text the open element's goes to, at an element
 * named NAME. */
static void break_at(xml_reader *x, const char *name)
{
    if (one_of(name, INLINE))
        return;
    bool paragraph = one_of(name, PARAGRAPHS);
    record *r = current(x);
    for (int f = 0; f < N_FIELDS; f++)
        if (x->capture[f] && failed(x, break_line(&r->field[f], paragraph)))
            return;
    failed(x, break_line(&r->rest, paragraph));
}

/* A field of R named by NAME: taken from VALUE when given (an attribute),
 * else from the element's text that follows, when no better name gave it.
 * An attribute of an element inside the record gives its date or language
 * alone (NITF's <pubdata date.publication>): an image's url, a code's
 * name, are not the article's. */
static void offer(xml_reader *x, record *r, const char *name, const char *value, size_t len)
{
    size_t rank;
    int f = field_of(name, &rank);
    if (f < 0 || x->capture[f] || rank >= r->rank[f] || (value && f == F_BODY) ||
        (value && x->depth > x->records && f != F_DATE && f != F_DATE_UTC && f != F_LANG))
        return;
    if (value) {
        tw_buf_clear(&r->field[f]);
        r->rank[f] = rank;
        failed(x, append_text(&r->field[f], value, len));
    } else {
        x->capture[f] = x->depth;
        x->capture_rank[f] = rank;
    }
}

/* The value of the attribute named NAME (no prefix) among the N
 * ATTRIBUTES of an element, or NULL; its length in *LEN. */
static const char *attribute(const xmlChar **attributes, int n, const char *name, size_t *len)
{
    for (int i = 0; i < n; i++) {
        const xmlChar **a = attributes + 5 * i;
        if (!a[1] && strcmp((const char *)a[0], name) == 0) {
            *len = (size_t)(a[4] - a[3]);
            return (const char *)a[3];
        }
    }
    return NULL;
}

/* An element inside a record named for no field but whose name attribute
 * is a field's: a database dump's <field name="title"> (mysqldump --xml),
 * a search index's <str name="title">.  Its text is that field, or its
 * content attribute when it has one (<meta name="author" content="...">). */
static void offer_by_name(xml_reader *x, const char *name, const xmlChar **attributes, int n)
{
    size_t rank, len, content_len;
    const char *named = attribute(attributes, n, "name", &len);
    if (!named || field_of(name, &rank) >= 0 || len >= NAME_MAX_LEN)
        return;
    char field_name[NAME_MAX_LEN];
    memcpy(field_name, named, len);
    field_name[len] = '\0';
    const char *content = attribute(attributes, n, "content", &content_len);
    int f = field_of(field_name, &rank);
    record *r = current(x);
    if (!content) {
        offer(x, r, field_name, NULL, 0);
    } else if (f >= 0 && f != F_BODY && !x->capture[f] && rank < r->rank[f]) {
        tw_buf_clear(&r->field[f]);
        r->rank[f] = rank;
        failed(x, append_text(&r->field[f], content, content_len));
    }
}

/* A date given as its parts, as JATS' <pub-date> and PubMed's <PubDate>
 * give it (<day>07</day><month>05</month><year>2020</year>): which part an
 * element inside the date is named for, or -1. */
static int date_part_of(const char *name)
{
    static const char *const PARTS[] = { "day", "month", "year" };
    for (int k = 0; k < 3; k++)
        if (strcasecmp(name, PARTS[k]) == 0)
            return k;
    return -1;
}

/* Keeps the text of the date's part that is open. */
static void date_part_text(xml_reader *x, const xmlChar *text, int len)
{
    char *part = x->date_part[x->date_part_open];
    size_t have = strlen(part);
    for (int i = 0; i < len && have + 1 < sizeof x->date_part[0]; i++)
        if (!white((char)text[i]))
            part[have++] = (char)text[i];
    part[have] = '\0';
}

/* R's date, when the element that gave it ended and its parts were given
 * apart, as one the date parser reads: 2020-05-07, or 12 Apr 2019 with a
 * month's name.  Given no year or no day, the text as it is. */
static void date_from_parts(xml_reader *x, record *r)
{
    const char *day = x->date_part[0], *month = x->date_part[1], *year = x->date_part[2];
    if (year[0] && month[0] && day[0] && r->rank[F_DATE] == x->capture_rank[F_DATE]) {
        tw_buf_clear(&r->field[F_DATE]);
        bool numeric = strspn(month, "0123456789") == strlen(month);
        failed(x, numeric ? tw_buf_printf(&r->field[F_DATE], "%s-%s-%s", year, month, day)
                          : tw_buf_printf(&r->field[F_DATE], "%s %s %s", day, month, year));
    }
    memset(x->date_part, 0, sizeof x->date_part);
}

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                     int n_namespaces, const xmlChar **namespaces, int n_attributes,
                     int n_defaulted, const xmlChar **attributes)
{
    (void)prefix, (void)uri, (void)n_namespaces, (void)namespaces, (void)n_defaulted;
    xml_reader *x = ctx;
    const char *name = (const char *)local;
    x->depth++;
    if (x->depth == x->records) {
        /* A child of the root (or of the element that holds the articles):
         * an article, or a part of the document. */
        record_reset(&x->child);
        snprintf(x->child.name, sizeof x->child.name, "%s", name[0] ? name : "?");
        x->child.own = field_of(name, &x->child.own_rank);
        if (x->records == 2 || strcmp(x->child.name, x->article_name) == 0)
            x->ordinal++;
    } else {
        break_at(x, name);
        if (x->capture[F_DATE] && x->depth > x->capture[F_DATE])
            x->date_part_open = date_part_of(name);
        if (x->depth > x->records) {
            offer(x, current(x), name, NULL, 0);
            offer_by_name(x, name, attributes, n_attributes);
        }
    }
    /* Attributes: localname, prefix, URI, value, end. */
    for (int i = 0; i < n_attributes; i++) {
        const xmlChar **a = attributes + 5 * i;
        offer(x, current(x), (const char *)a[0], (const char *)a[3], (size_t)(a[4] - a[3]));
    }
}

/* Whether R's field F is a summary of its article (JATS' <abstract>). */
static bool summary(const record *r, int f)
{
    return f == F_BODY && r->rank[f] != SIZE_MAX && r->rank[f] >= tw_field_body_summaries;
}

/* Makes R's field F the one named by the name at RANK, the text read from
 * now on: what it held is dropped, but for a summary of the article, which
 * leads its text (JATS' abstract, then its body). */
static int take_field(record *r, int f, size_t rank)
{
    bool keep = summary(r, f) && rank < tw_field_body_summaries;
    r->rank[f] = rank;
    if (keep)
        return break_line(&r->field[f], true);
    tw_buf_clear(&r->field[f]);
    return 0;
}

static void on_text(void *ctx, const xmlChar *text, int len)
{
    xml_reader *x = ctx;
    record *r = current(x);
    if (r->cut || len <= 0)
        return;
    if (r->held + (size_t)len > TW_RECORD_MAX) {
        r->cut = true;
        return;
    }
    r->held += (size_t)len;
    bool blank = true;
    for (int i = 0; i < len && blank; i++)
        blank = white((char)text[i]);
    /* The text of a field inside another's is that field's alone: a Google
     * News sitemap's <news:language> inside its <news:publication>, the
     * site.  The text's is all. */
    int inner = 0;
    for (int f = 0; f < N_FIELDS; f++)
        if (f != F_BODY && x->capture[f] > inner)
            inner = x->capture[f];
    for (int f = 0; f < N_FIELDS; f++)
        if (x->capture[f] && (f == F_BODY || x->capture[f] == inner)) {
            if (x->capture_rank[f] != r->rank[f] && !blank &&
                failed(x, take_field(r, f, x->capture_rank[f])))
                return;
            if (failed(x, append_text(&r->field[f], (const char *)text, (size_t)len)))
                return;
        }
    if (!inner)
        failed(x, append_text(&r->rest, (const char *)text, (size_t)len));
    if (x->date_part_open >= 0 && x->capture[F_DATE])
        date_part_text(x, text, len);
}

/* Whether R has an element named for its title or text. */
static bool named_text(const record *r)
{
    return r->rank[F_TITLE] != SIZE_MAX || r->rank[F_BODY] != SIZE_MAX;
}

/* Puts the text of FIELD, a part's title where the document has a better
 * one, before the part's other text, which may be the document's text: a
 * JATS <body>'s first section heading is no title but the text's. */
static int lead(xml_reader *x, tw_buf *rest, const tw_buf *field)
{
    tw_buf_clear(&x->scratch);
    if (tw_buf_append(&x->scratch, field->data, field->len) < 0 ||
        break_line(&x->scratch, true) < 0 ||
        tw_buf_append(&x->scratch, rest->data, rest->len) < 0)
        return -1;
    tw_buf t = *rest;
    *rest = x->scratch;
    x->scratch = t;
    return 0;
}

/* Gives TO's field F the text TEXT found by the name at RANK, a better one
 * than gave it what it holds: that goes to TO's other text, but for a
 * summary, which leads the text. */
static void replace_field(xml_reader *x, record *to, int f, tw_buf *text, size_t rank)
{
    if (summary(to, f) && rank < tw_field_body_summaries) {
        if (!failed(x, take_field(to, f, rank)))
            failed(x, tw_buf_append(&to->field[f], text->data, text->len));
        return;
    }
    if (to->rank[f] != SIZE_MAX &&
        (failed(x, break_line(&to->rest, true)) ||
         failed(x, tw_buf_append(&to->rest, to->field[f].data, to->field[f].len))))
        return;
    tw_buf t = to->field[f];
    to->field[f] = *text;
    *text = t;
    to->rank[f] = rank;
}

/* Moves what the part of the document FROM holds into the document's
 * record TO: its fields where TO has none as well named (else their text
 * to TO's), the text it holds as the field its own name names, if TO has
 * none, and the rest to TO's. */
static void merge(xml_reader *x, record *from, record *to)
{
    /* TO holds at most TW_RECORD_MAX, as it would read in one piece: each
     * part was held within it, but a document of many parts (children of
     * two names in turn, none an article) was held whole, 80 MB of it. */
    if (to->cut || to->held + from->held > TW_RECORD_MAX) {
        to->cut = true;
        return;
    }
    to->held += from->held;
    for (int f = 0; f < N_FIELDS; f++) {
        if (from->rank[f] == SIZE_MAX)
            continue;
        if (from->rank[f] < to->rank[f])
            replace_field(x, to, f, &from->field[f], from->rank[f]);
        else if (f == F_TITLE ? failed(x, lead(x, &from->rest, &from->field[f]))
                              : failed(x, break_line(&to->rest, true)) ||
                                    failed(x, tw_buf_append(&to->rest, from->field[f].data,
                                                            from->field[f].len)))
            return;
    }
    int own = from->own;
    if (own >= 0 && own != F_ID && from->own_rank < to->rank[own] && from->rest.len) {
        /* A name better than the one that gave TO's field: RCV1's <title>
         * after a <headline>. */
        replace_field(x, to, own, &from->rest, from->own_rank);
    } else if (from->rest.len) {
        failed(x, break_line(&to->rest, true));
        failed(x, tw_buf_append(&to->rest, from->rest.data, from->rest.len));
    }
    to->cut |= from->cut;
}

static const char *value(const tw_buf *b)
{
    return b->len ? b->data : NULL;
}

/* Emits R as an article with ID; its text is the field named so, else the
 * rest of it. */
static void emit_record(xml_reader *x, record *r, const char *id)
{
    if (x->st != TRAWL_OK)
        return;
    tw_buf *body = r->rank[F_BODY] != SIZE_MAX ? &r->field[F_BODY] : &r->rest;
    if (failed(x, break_line(body, false)) ||
        failed(x, tw_record_markup(body, &x->scratch, x->emit)) ||
        failed(x, tw_record_markup(&r->field[F_TITLE], &x->scratch, x->emit)) ||
        failed(x, tw_record_authors(&r->field[F_AUTHOR], &x->scratch)) ||
        failed(x, tw_record_dates(&r->field[F_DATE], &r->field[F_DATE_UTC])))
        return;
    if (!r->field[F_TITLE].len && !body->len)
        return;
    char iso[TW_DATE_ISO_MAX];
    const char *date = value(&r->field[F_DATE]);
    if (!date && r->field[F_URL].len)
        date = tw_url_day(r->field[F_URL].data, iso);
    if (r->cut)
        x->emit->warn(x->emit->ctx, "an article's text is over " TW_RECORD_MAX_TEXT
                      ": the rest of it is not indexed", true);
    /* The document's language and site are its articles' when they name
     * none (<articles xml:lang="de">). */
    const char *site = r->field[F_SITE].len ? r->field[F_SITE].data : value(&x->root.field[F_SITE]);
    const char *lang = r->field[F_LANG].len ? r->field[F_LANG].data : value(&x->root.field[F_LANG]);
    trawl_article a = {
        .id = id, .path = x->in->path, .title = value(&r->field[F_TITLE]), .body = value(body),
        .date = date, .url = value(&r->field[F_URL]), .site = site,
        .author = value(&r->field[F_AUTHOR]),
    };
    x->articles++;
    x->st = x->emit->article(x->emit->ctx, &a, lang);
    if (x->st != TRAWL_OK)
        xmlStopParser(x->ctxt);
}

/* Emits R, the root's child numbered ORDINAL, as one of the document's
 * articles: PATH#id by its id, else PATH#N. */
static void emit_child(xml_reader *x, record *r, size_t ordinal)
{
    tw_buf_clear(&x->id);
    int rc = r->field[F_ID].len ? tw_buf_printf(&x->id, "%s#%s", x->in->path, r->field[F_ID].data)
                                : tw_buf_printf(&x->id, "%s#%zu", x->in->path, ordinal);
    if (!failed(x, rc) && named_text(r))
        emit_record(x, r, x->id.data);
}

/* The root's child that ended: an article when it holds a title and a
 * text of its own or has the name of the children that are; a part of the
 * document when it differs from the first, which waits for the second to
 * tell. */
static void child_done(xml_reader *x)
{
    record *c = &x->child;
    bool article = (c->rank[F_TITLE] != SIZE_MAX && c->rank[F_BODY] != SIZE_MAX &&
                    !summary(c, F_BODY)) ||
                   (x->article_name[0] && strcmp(c->name, x->article_name) == 0);
    if (x->records > 2) {
        /* Wrapped articles, known by their name from the start: the other
         * elements beside them (a dump's table structure) are no article. */
        if (article)
            emit_child(x, c, x->ordinal);
        else
            merge(x, c, &x->root);
        return;
    }
    if (x->have_pending) {
        x->have_pending = false;
        if (strcmp(c->name, x->pending.name) == 0) {
            snprintf(x->article_name, sizeof x->article_name, "%s", c->name);
            emit_child(x, &x->pending, x->ordinal - 1);
            article = true;
        } else {
            merge(x, &x->pending, &x->root);
        }
    } else if (!article && x->ordinal == 1) {
        record t = x->pending;
        x->pending = x->child;
        x->child = t;
        x->have_pending = true;
        return;
    }
    if (article) {
        if (!x->article_name[0])
            snprintf(x->article_name, sizeof x->article_name, "%s", c->name);
        emit_child(x, c, x->ordinal);
    } else {
        merge(x, c, &x->root);
    }
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    (void)prefix, (void)uri;
    xml_reader *x = ctx;
    x->date_part_open = -1;
    if (x->capture[F_DATE] == x->depth)
        date_from_parts(x, current(x));
    for (int f = 0; f < N_FIELDS; f++)
        if (x->capture[f] == x->depth)
            x->capture[f] = 0;
    if (x->depth == x->records) {
        child_done(x);
        record_reset(&x->child);
    } else {
        break_at(x, (const char *)local);
    }
    x->depth--;
}

/* Keeps libxml2's first error that loses text, and where it was; entities
 * a document uses but does not declare (&nbsp; in an export) only lose
 * themselves. */
static void on_error(void *ctx, xmlErrorPtr e)
{
    xml_reader *x = ctx;
    if (x->error[0] || e->level < XML_ERR_ERROR || e->code == XML_ERR_UNDECLARED_ENTITY ||
        e->code == XML_WAR_UNDECLARED_ENTITY)
        return;
    snprintf(x->error, sizeof x->error, "%s", e->message ? e->message : "malformed XML");
    x->error[strcspn(x->error, "\n")] = '\0';
    x->error_line = e->line;
}

/* Whether IN is XML that no other reader takes: its first element, past
 * the XML declaration, comments, processing instructions and a doctype
 * in its first KiB, is no page's (<html>) or feed's, and the file opens
 * with the declaration or is named .xml. */
static bool xml_claims(const tw_input *in)
{
    static const char *const EXTS[] = { ".xml", NULL };
    static const char *const NOT_OURS[] = { "html", "rss", "feed", "rdf:RDF", "svg", NULL };
    if (tw_input_first_char(in) != '<')
        return false;
    size_t len = in->len < 1024 ? in->len : 1024;
    const char *p = in->data, *end = in->data + len;
    while (p < end && *p != '<')
        p++;
    bool declared = end - p >= 5 && strncmp(p, "<?xml", 5) == 0;
    if (!declared && !tw_input_has_ext(in, EXTS))
        return false;
    for (; (p = memchr(p, '<', (size_t)(end - p))); p++) {
        if (p + 1 >= end)
            return false;
        if (p[1] == '?' || p[1] == '!')
            continue;
        size_t n = 0;
        while (p + 1 + n < end && !strchr(" \t\r\n/>", p[1 + n]))
            n++;
        if (!n || p + 1 + n >= end)
            return false;
        for (const char *const *r = NOT_OURS; *r; r++)
            if (strlen(*r) == n && strncasecmp(p + 1, *r, n) == 0)
                return false;
        return true;
    }
    return false;
}

static trawl_status xml_extract(const tw_input *in, const tw_emit *emit, char *err,
                                size_t errlen)
{
    tw_source mem;
    tw_buf window = { 0 };
    tw_source *s = tw_input_source(in, &mem, &window);
    if (!s)
        return TRAWL_ENOMEM;
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    sax.serror = on_error;
    xml_reader x = { .in = in, .emit = emit, .st = TRAWL_OK, .date_part_open = -1 };
    record_reset(&x.root);
    record_reset(&x.child);
    record_reset(&x.pending);
    x.ctxt = tw_xml_stream_open(&sax, &x, in->path);
    if (!x.ctxt)
        x.st = TRAWL_ENOMEM;
    /* A read that fails (a .xml.gz cut short) has still put in the window
     * what came before the damage: that is parsed, and its last article
     * kept as far as it goes, before the damage is said. */
    bool unclosed = false, damaged = false;
    char damage[512] = "";
    /* Its first bytes tell at which depth the articles are. */
    if (!s->end)
        damaged = tw_source_fill(s, TW_XML_RECORDS_SCAN, damage, sizeof damage) < 0;
    x.records = tw_xml_record_depth(s->data, s->len, named, x.article_name,
                                    sizeof x.article_name);
    while (x.st == TRAWL_OK) {
        if (!s->end && !damaged && s->len < CHUNK)
            damaged = tw_source_fill(s, CHUNK, damage, sizeof damage) < 0;
        size_t n = s->len < CHUNK ? s->len : CHUNK;
        bool last = (s->end || damaged) && n == s->len;
        xmlParseChunk(x.ctxt, s->data, (int)n, last);
        tw_source_drop(s, n);
        if (x.st == TRAWL_OK)
            x.st = tw_emit_check(emit, err, errlen);
        if (last || x.ctxt->disableSAX) {
            unclosed = x.ctxt->nameNr > 0;
            break;
        }
    }
    if (x.st == TRAWL_OK) {
        /* A file cut short: its last article as far as it goes. */
        if (x.depth >= x.records && x.child.name[0]) {
            memset(x.capture, 0, sizeof x.capture);
            x.depth = x.records;
            child_done(&x);
        }
        if (x.have_pending)
            merge(&x, &x.pending, &x.root);
        if (!x.articles && named_text(&x.root))
            emit_record(&x, &x.root, in->path);
        if (x.st == TRAWL_OK && damaged) {
            snprintf(err, errlen, "%s", damage);
            x.st = TRAWL_EFORMAT;
        } else if (x.st == TRAWL_OK && unclosed) {
            emit->warn(emit->ctx, "the XML ends before its elements close (cut short?): "
                       "its last article is indexed as far as it goes", true);
        } else if (x.st == TRAWL_OK && x.error[0]) {
            char msg[300];
            snprintf(msg, sizeof msg, "line %d: %s: read on past it; what it spoiled is not "
                     "indexed", x.error_line, x.error);
            emit->warn(emit->ctx, msg, true);
        }
    } else if (x.st == TRAWL_ENOMEM) {
        snprintf(err, errlen, "out of memory");
    }
    tw_xml_stream_close(x.ctxt);
    record_free(&x.root);
    record_free(&x.child);
    record_free(&x.pending);
    tw_buf_free(&x.id);
    tw_buf_free(&x.scratch);
    tw_buf_free(&window);
    if (s == &mem)
        tw_source_close(&mem);
    return x.st;
}

const tw_extractor tw_extractor_xml = {
    .name = "xml",
    .extent = TW_EXTENT_RECORDS,
    .exts = NULL,
    .claims = xml_claims,
    .extract = xml_extract,
};
