/* html_guard.h - bounds on the work one HTML page may give libxml2's parser.
 *
 * libxml2 2.9 checks each attribute of a start tag against every one before it,
 * so a tag with 100,000 attributes (an 889 KB file) took two minutes, and ten
 * million would take days.  Real pages have at most a few dozen per tag (43 in
 * the 884 pages of the web-eval set), so the guard passes a page on with the
 * attributes of each tag past the first TW_HTML_MAX_ATTRS left out.  It reads
 * the page as a tokenizer would (tags, quoted values, comments, and the raw
 * text of <script> and <style>, where a '<' opens no tag) but only to count:
 * every byte outside an attribute it drops is passed on as it came, but for
 * the end tags </body> and </html>, which it leaves out (html_guard.c says
 * why), and the markers "<![CDATA[" and "]]>" around a CDATA section outside
 * scripts and styles: HTML has no such sections, and libxml2 keeps the
 * markers as text of the article.  What is inside is read as the page's
 * text and markup, as XHTML, whose pages put it there, means it.  A script
 * or style whose start tag ends "/>" loses the '/': a browser runs the code
 * that follows up to "</script>", where libxml2 closed the element at once
 * and kept the code as text.
 *
 * The parser itself is bounded in html_parse.c and extract_html.c: nodes
 * (TW_HTML_MAX_NODES), depth (TW_HTML_MAX_DEPTH), bytes (--max-html) and CPU
 * time (--file-timeout). */
#ifndef TW_HTML_GUARD_H
#define TW_HTML_GUARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TW_HTML_MAX_ATTRS 256

/* Elements, attributes, comments and processing instructions a page may have:
 * several times the most of any web-eval page (10,106 elements), and about 40 MB
 * of libxml2's tree. */
#define TW_HTML_MAX_NODES 100000

/* Levels of elements a page may nest: libxml2's own limit, which the parser
 * keeps here because XML_PARSE_HUGE, asked for to read a long run of text
 * whole, lifts it in libxml2. */
#define TW_HTML_MAX_DEPTH 256

typedef struct tw_html_guard {
    int state;
    char quote;             /* of the attribute value being read */
    unsigned attrs;         /* attributes of the tag being read */
    char name[12];          /* its name's first bytes: a start tag's lower-cased */
    size_t name_len;
    const char *close;      /* "</script" or "</style" in raw text */
    size_t matched;         /* bytes of close, or of "-->", matched so far */
    bool cdata;             /* inside a CDATA section */
    uint64_t dropped;       /* attributes left out */
} tw_html_guard;

/* A zeroed guard is ready for the start of a page. */
#define TW_HTML_GUARD_INIT { 0 }

/* Bytes of a tag's start the guard may hold back from one piece to the next
 * ("</body" or "<![CDATA" before it knows what follows). */
#define TW_HTML_GUARD_HELD 8

/* Copies IN[0, LEN) to OUT (room for LEN + TW_HTML_GUARD_HELD bytes),
 * leaving out the attributes past TW_HTML_MAX_ATTRS in each tag, the end
 * tags </body> and </html> (html_guard.c says why), CDATA markers, and the
 * '/' of "<script/>" and "<style/>".  The page may come in
 * pieces: the state carries over.  Returns the number of bytes written. */
size_t tw_html_guard_run(tw_html_guard *g, const char *in, size_t len, char *out);

/* At the end of the page, writes to OUT (room for TW_HTML_GUARD_HELD bytes)
 * what was held back: a '<' or "</name" the page ended on.  Returns the
 * number of bytes written. */
size_t tw_html_guard_end(tw_html_guard *g, char *out);

#endif
