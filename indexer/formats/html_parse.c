/* html_parse.c - libxml2's HTML parser with the bounds of html_guard.h: the
 * nodes it may build and the depth it reaches counted as it goes, the
 * attributes past a tag's first TW_HTML_MAX_ATTRS left out before it sees
 * them. */
#include "html_parse.h"

#include <libxml/parser.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "html_guard.h"
#include "html_tree.h"

/* libxml2 2.9 sets up its global state (the dictionary mutex among it) lazily
 * and not thread-safely: two workers parsing their first pages at once could
 * deadlock in xmlDictCreate.  Every parse goes through here first. */
static pthread_once_t libxml_once = PTHREAD_ONCE_INIT;

/* Counts N nodes about to be built; stops the parse past TW_HTML_MAX_NODES,
 * or when they would sit below TW_HTML_MAX_DEPTH levels of elements (where
 * libxml2 stops by itself without XML_PARSE_HUGE), and asks the caller now
 * and then whether to go on.  True when the nodes may be built. */
static bool count_nodes(htmlParserCtxtPtr ctxt, unsigned long n)
{
    tw_html_parse *ps = ctxt->_private;
    if (ps->stop != TRAWL_OK)
        return false;
    unsigned long before = ps->nodes;
    ps->nodes += n;
    if (ps->nodes > TW_HTML_MAX_NODES) {
        ps->too_many = true;
        ps->stop = TRAWL_EFORMAT;
    } else if (ctxt->nodeNr > TW_HTML_MAX_DEPTH) {
        ps->too_deep = true;
        ps->stop = TRAWL_EFORMAT;
    } else if (ps->nodes / 4096 != before / 4096) {
        ps->stop = tw_emit_check(ps->emit, ps->err, ps->errlen);
    }
    if (ps->stop == TRAWL_OK)
        return true;
    xmlStopParser(ctxt);
    return false;
}

static void on_start_element(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    /* An attribute takes about as much memory as an element. */
    unsigned long n = 1;
    for (const xmlChar **a = atts; a && *a; a += 2)
        n++;
    if (count_nodes(ctx, n))
        ((tw_html_parse *)((htmlParserCtxtPtr)ctx)->_private)->start_element(ctx, name, atts);
}

static void on_start_element_ns(void *ctx, const xmlChar *name, const xmlChar *prefix,
                                const xmlChar *uri, int n_namespaces,
                                const xmlChar **namespaces, int n_attributes,
                                int n_defaulted, const xmlChar **attributes)
{
    if (count_nodes(ctx, 1 + (unsigned long)n_namespaces + (unsigned long)n_attributes))
        ((tw_html_parse *)((xmlParserCtxtPtr)ctx)->_private)
            ->start_element_ns(ctx, name, prefix, uri, n_namespaces, namespaces,
                               n_attributes, n_defaulted, attributes);
}

static void on_comment(void *ctx, const xmlChar *value)
{
    if (count_nodes(ctx, 1))
        ((tw_html_parse *)((htmlParserCtxtPtr)ctx)->_private)->comment(ctx, value);
}

static void on_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
    if (count_nodes(ctx, 1))
        ((tw_html_parse *)((htmlParserCtxtPtr)ctx)->_private)->pi(ctx, target, data);
}

/* Bytes handed to the parser at a time. */
#define PARSE_CHUNK (64u * 1024)

/* Hooks the counting handlers into CTXT's own copy of its SAX handlers
 * (hooking them touches no other parse), keeping libxml2's in PS. */
static void hook_counting(xmlParserCtxtPtr ctxt, tw_html_parse *ps)
{
    ps->start_element = ctxt->sax->startElement;
    ps->start_element_ns = ctxt->sax->startElementNs;
    ps->comment = ctxt->sax->comment;
    ps->pi = ctxt->sax->processingInstruction;
    ctxt->sax->startElement = ps->start_element ? on_start_element : NULL;
    ctxt->sax->startElementNs = ps->start_element_ns ? on_start_element_ns : NULL;
    ctxt->sax->comment = on_comment;
    ctxt->sax->processingInstruction = on_pi;
    ctxt->_private = ps;
}

static void tw_xml_init(void)
{
    pthread_once(&libxml_once, xmlInitParser);
}

xmlParserCtxtPtr tw_xml_stream_open(xmlSAXHandler *sax, void *ctx, const char *path)
{
    tw_xml_init();
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(sax, ctx, NULL, 0, path);
    if (ctxt)
        /* IGNORE_ENC: the window holds UTF-8 by now.  No NOENT: entities
         * are never expanded. */
        xmlCtxtUseOptions(ctxt, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                                    XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC);
    return ctxt;
}

void tw_xml_stream_close(xmlParserCtxtPtr ctxt)
{
    if (!ctxt)
        return;
    xmlFreeDoc(ctxt->myDoc);
    xmlFreeParserCtxt(ctxt);
}

htmlDocPtr tw_html_parse_bounded(const char *text, size_t len, tw_html_parse *ps)
{
    tw_xml_init();
    htmlParserCtxtPtr ctxt = htmlCreatePushParserCtxt(NULL, NULL, NULL, 0, NULL,
                                                      XML_CHAR_ENCODING_UTF8);
    if (!ctxt)
        return NULL;
    /* IGNORE_ENC: the bytes are UTF-8 by now, whatever the page's own
     * <meta charset> says.  HUGE: without it libxml2 stops the whole parse,
     * silently, at a run of text over 10,000,000 bytes (one long <pre>);
     * the page is bounded by --max-html, and the depth HUGE also frees is
     * bounded in count_nodes. */
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                             HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                             HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
    hook_counting(ctxt, ps);
    tw_html_guard guard = TW_HTML_GUARD_INIT;
    char *chunk = malloc(PARSE_CHUNK + TW_HTML_GUARD_HELD);
    for (size_t off = 0; chunk && off < len && ps->stop == TRAWL_OK && !ctxt->disableSAX;) {
        size_t n = len - off < PARSE_CHUNK ? len - off : PARSE_CHUNK;
        size_t m = tw_html_guard_run(&guard, text + off, n, chunk);
        htmlParseChunk(ctxt, chunk, (int)m, 0);
        off += n;
        if (ps->stop == TRAWL_OK)
            ps->stop = tw_emit_check(ps->emit, ps->err, ps->errlen);
    }
    if (ps->stop == TRAWL_OK && !ctxt->disableSAX)
        htmlParseChunk(ctxt, chunk, chunk ? (int)tw_html_guard_end(&guard, chunk) : 0, 1);
    free(chunk);
    htmlDocPtr doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    htmlFreeParserCtxt(ctxt);
    return doc;
}

xmlDocPtr tw_xml_parse_bounded(const char *text, size_t len, tw_html_parse *ps)
{
    tw_xml_init();
    /* The first bytes go with the context: libxml2 tells a UTF-16 document
     * from them, and reads the XML declaration's encoding as it goes. */
    size_t first = len < 4 ? len : 4;
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(NULL, NULL, text, (int)first, NULL);
    if (!ctxt)
        return NULL;
    xmlCtxtUseOptions(ctxt, XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                XML_PARSE_NONET | XML_PARSE_NOCDATA);
    hook_counting(ctxt, ps);
    for (size_t off = first; off < len && ps->stop == TRAWL_OK && !ctxt->disableSAX;) {
        size_t n = len - off < PARSE_CHUNK ? len - off : PARSE_CHUNK;
        xmlParseChunk(ctxt, text + off, (int)n, 0);
        off += n;
        if (ps->stop == TRAWL_OK)
            ps->stop = tw_emit_check(ps->emit, ps->err, ps->errlen);
    }
    if (ps->stop == TRAWL_OK && !ctxt->disableSAX) {
        xmlParseChunk(ctxt, NULL, 0, 1);
        ps->unclosed = ctxt->nameNr > 0;
    }
    xmlDocPtr doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    xmlFreeParserCtxt(ctxt);
    return doc;
}

int tw_html_piece_text(const char *text, size_t len, const tw_emit *emit, tw_buf *out)
{
    htmlDocPtr doc = NULL;
    bool cut = false;
    if (memchr(text, '<', len) && len <= 0x7fffffff) {
        char err[128];
        tw_html_parse ps = { .emit = emit, .err = err, .errlen = sizeof err };
        doc = tw_html_parse_bounded(text, len, &ps);
        cut = ps.too_deep || ps.too_many;
    }
    xmlNodePtr top = doc ? xmlDocGetRootElement(doc) : NULL;
    int rc = top ? tw_html_text(top, out, NULL, NULL) : tw_buf_append(out, text, len);
    xmlFreeDoc(doc);
    return rc < 0 ? -1 : top && cut;
}
