/* html_parse.h - libxml2's HTML parser, bounded as html_guard.h says: the
 * pages of extract_html.c, and the pieces of HTML that other formats hold
 * (JSON-LD's articleBody, a JSON dump's text fields); and its XML parser,
 * bounded alike, for news feeds (extract_feed.c). */
#ifndef TW_HTML_PARSE_H
#define TW_HTML_PARSE_H

#include <libxml/HTMLparser.h>
#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "errors.h"
#include "extract.h"

/* What a parse was stopped by, if anything.  The caller sets emit, err and
 * errlen; the rest starts zeroed. */
typedef struct tw_html_parse {
    const tw_emit *emit;    /* asked now and then whether to go on */
    char *err;
    size_t errlen;
    unsigned long nodes;
    startElementSAXFunc start_element;      /* libxml2's own handlers, called on */
    startElementNsSAX2Func start_element_ns;    /* (XML's elements) */
    commentSAXFunc comment;
    processingInstructionSAXFunc pi;
    trawl_status stop;      /* TRAWL_OK, or why the parse was stopped */
    bool too_many;          /* ...because of TW_HTML_MAX_NODES */
    bool too_deep;          /* ...because of TW_HTML_MAX_DEPTH */
    bool unclosed;          /* (XML) the document ended with elements still
                               open: cut short, as a download can be */
} tw_html_parse;

/* A push parser for an XML document read as a stream of events by SAX's
 * handlers (CTX their context; PATH, or NULL, for its messages), building
 * no tree: extract_xml.c and xml_records.c.  The bytes are UTF-8 by then,
 * whatever the document declares; errors are recovered from and printed
 * nowhere (SAX's serror gets them); nothing is read from the network, and
 * no entity the document declares is expanded.  NULL when memory ran out;
 * else closed by tw_xml_stream_close. */
xmlParserCtxtPtr tw_xml_stream_open(xmlSAXHandler *sax, void *ctx, const char *path);

/* Frees CTXT and the document libxml2 made to hold a DTD's declarations,
 * which no handler of ours takes. */
void tw_xml_stream_close(xmlParserCtxtPtr ctxt);

/* Parses the UTF-8 page TEXT into a tree, bounded as html_guard.h says, and
 * with no limit of libxml2's on the length of one run of text (the page is
 * bounded already).  Returns the tree (NULL when nothing could be built; the
 * caller frees it with xmlFreeDoc); PS says whether the parse was stopped. */
htmlDocPtr tw_html_parse_bounded(const char *text, size_t len, tw_html_parse *ps);

/* Parses the XML document TEXT (a news feed) into a tree, bounded as a page
 * is in nodes and depth and asking PS->emit whether to go on; in the
 * encoding its declaration names, else UTF-8.  Entities the document
 * declares are not expanded (no XML_PARSE_NOENT), and libxml2's own limits
 * on their growth stay (no XML_PARSE_HUGE).  Returns the tree (NULL when
 * nothing could be built; the caller frees it with xmlFreeDoc); PS says
 * whether the parse was stopped. */
xmlDocPtr tw_xml_parse_bounded(const char *text, size_t len, tw_html_parse *ps);

/* Appends to OUT the readable text of TEXT, a piece of HTML in UTF-8
 * (tw_html_text: blocks become paragraphs, references are decoded), parsed
 * as a page is; TEXT as it is when it holds no '<' or gives no tree.
 * EMIT is asked whether to go on, as for a page.  Returns 0; 1 when the
 * parse stopped at a bound (TW_HTML_MAX_NODES, TW_HTML_MAX_DEPTH), so
 * that the text after it is missing; -1 on ENOMEM. */
TW_MUST_CHECK
int tw_html_piece_text(const char *text, size_t len, const tw_emit *emit, tw_buf *out);

#endif
