/* xml_records.c - at which depth an XML document's articles are: its first
 * bytes read with libxml2's SAX parser, nothing kept but a few flags an
 * open element. */
#include "xml_records.h"

#include <libxml/parser.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "html_parse.h"

/* Elements deeper than this are not looked at: no export wraps its
 * articles so deep. */
#define DEPTH_MAX 16
/* Room for an element's name, to compare with its next sibling's. */
#define NAME_LEN 64

typedef struct open_element {
    bool title, text;           /* holds an element named for a title, a text */
    bool records;               /* holds articles */
    bool last_full;             /* its last child held both */
    char last[NAME_LEN];        /* its last child's name */
} open_element;

typedef struct scan {
    tw_xml_named (*named)(const char *, const char *);
    int depth;
    open_element open[DEPTH_MAX + 1];
    tw_xml_named self[DEPTH_MAX + 1];   /* what each open element's name names */
    int best;                   /* the articles' depth found, or 0 */
    char best_name[NAME_LEN];   /* their name */
    bool loose[DEPTH_MAX + 1];  /* a title or text at that depth outside articles */
} scan;

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                     int n_namespaces, const xmlChar **namespaces, int n_attributes,
                     int n_defaulted, const xmlChar **attributes)
{
    (void)prefix, (void)uri, (void)n_namespaces, (void)namespaces, (void)n_defaulted;
    scan *s = ctx;
    if (++s->depth > DEPTH_MAX)
        return;
    const char *name_attribute = NULL;
    char value[NAME_LEN] = "";
    for (int i = 0; i < n_attributes; i++) {
        const xmlChar **a = attributes + 5 * i;
        size_t len = (size_t)(a[4] - a[3]);
        if (!a[1] && strcmp((const char *)a[0], "name") == 0 && len < NAME_LEN) {
            memcpy(value, a[3], len);
            value[len] = '\0';
            name_attribute = value;
        }
    }
    memset(&s->open[s->depth], 0, sizeof s->open[0]);
    s->self[s->depth] = s->named((const char *)local, name_attribute);
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    (void)prefix, (void)uri;
    scan *s = ctx;
    int d = s->depth--;
    if (d > DEPTH_MAX || d < 2)
        return;
    open_element *e = &s->open[d], *parent = &s->open[d - 1];
    bool full = e->title && e->text;
    const char *name = (const char *)local;
    if (full && parent->last_full && strcmp(parent->last, name) == 0) {
        parent->records = true;
        if (!s->best || d < s->best) {
            s->best = d;
            snprintf(s->best_name, sizeof s->best_name, "%s", name);
        }
    }
    parent->last_full = full;
    snprintf(parent->last, sizeof parent->last, "%s", name);
    if (s->self[d] != TW_XML_OTHER && !e->records)
        s->loose[d] = true;
    parent->title |= e->title || s->self[d] == TW_XML_TITLE;
    parent->text |= e->text || s->self[d] == TW_XML_TEXT;
    parent->records |= e->records;
}

int tw_xml_record_depth(const char *data, size_t len,
                        tw_xml_named (*named)(const char *name, const char *name_attribute),
                        char *name, size_t size)
{
    name[0] = '\0';
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    scan s = { .named = named };
    xmlParserCtxtPtr ctxt = tw_xml_stream_open(&sax, &s, NULL);
    if (!ctxt)
        return 2;
    xmlParseChunk(ctxt, data, (int)(len < TW_XML_RECORDS_SCAN ? len : TW_XML_RECORDS_SCAN), 1);
    tw_xml_stream_close(ctxt);
    if (s.best <= 2)
        return 2;
    /* A title or text outside them, above them: the document is one article
     * that lists others (its related stories), or its own root's children
     * are its articles. */
    for (int d = 2; d < s.best; d++)
        if (s.loose[d])
            return 2;
    snprintf(name, size, "%s", s.best_name);
    return s.best;
}
