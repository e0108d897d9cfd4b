/* extract.h - the interface every input format implements.
 *
 * An extractor turns the (inflated) bytes of one file into articles and hands each
 * to emit->article.  It never writes to the index itself, so extraction can run
 * apart from writing.  The registry in extract.c skips binary data (but for a
 * format that holds binary parts, such as WARC, asked first), then gives a
 * file to the extractor its name says (".json", ".html", ".sgm"), else asks each
 * extractor in turn whether the content is its format; plain text comes last and
 * takes whatever is left. */
#ifndef TW_EXTRACT_H
#define TW_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>

#include "errors.h"
#include "read.h"
#include "trawl.h"

typedef struct tw_input {
    const char *path;       /* as walked; also the article id of a one-article file */
    const char *data;       /* the contents, inflated, NUL-terminated: all of them, */
    size_t len;             /* or with a source, the first bytes (for claims) */
    tw_source *source;      /* NULL, or where a container extractor reads all of
                             * the input from, a window at a time */
    const char *charset;    /* NULL, or the charset its transport declared (an
                             * HTTP Content-Type in a web archive): used when the
                             * content itself declares none */
} tw_input;

typedef struct tw_emit {
    /* Receives one article; its strings are borrowed for the call.  LANG is
     * the language the input declares for it, as written (<html lang>,
     * og:locale, a JSON "lang"), or NULL.  A status other than TRAWL_OK
     * stops the extractor, which returns that status. */
    trawl_status (*article)(void *ctx, const trawl_article *article, const char *lang);
    /* A problem with part of the input that did not stop extraction.  LOST is
     * true when some of the input could not be indexed (a malformed JSON line):
     * the file then counts as failed, though its other articles are kept. */
    void (*warn)(void *ctx, const char *message, bool lost);
    void *ctx;
    /* Asked now and then during long work (between records, while parsing):
     * TRAWL_OK to go on, or the status to stop with and return: TRAWL_EINTR
     * when the run is interrupted, TRAWL_EFORMAT with a reason in err when the
     * input has used up its time.  NULL: never stop. */
    trawl_status (*check)(void *ctx, char *err, size_t errlen);
} tw_emit;

/* Calls emit->check, if there is one. */
TW_MUST_CHECK
trawl_status tw_emit_check(const tw_emit *emit, char *err, size_t errlen);

/* The most a container holds in memory for one record (a JSON line, an item
 * of an array, an SGML record): a longer one is skipped with a warning.  Twice
 * the default --max-text, so that an article cut at that limit still fits. */
#define TW_RECORD_MAX (32u << 20)
#define TW_RECORD_MAX_TEXT "32 MiB"

/* How much of an input an extractor needs in memory at once. */
typedef enum tw_extent {
    TW_EXTENT_TEXT,         /* all of it, up to --max-text: one plain-text article */
    TW_EXTENT_MARKUP,       /* all of it, up to --max-html: one page */
    TW_EXTENT_RECORDS       /* a few records at a time, from the source */
} tw_extent;

typedef struct tw_extractor {
    const char *name;
    tw_extent extent;
    bool binary;                /* its inputs hold binary parts (a web archive's
                                 * images): asked before the binary check */
    const char *const *exts;    /* names it takes whatever they hold; NULL-ended */
    bool (*claims)(const tw_input *in);   /* is the content in this format? */
    /* Returns TRAWL_OK, TRAWL_EFORMAT with a reason in err when the file cannot
     * be understood, or the status emit->article returned. */
    trawl_status (*extract)(const tw_input *in, const tw_emit *emit,
                            char *err, size_t errlen);
} tw_extractor;

/* True when IN's file name ends in one of the NULL-terminated EXTS (".html"),
 * ignoring case and a final ".gz", ".bz2", ".xz", ".zst" or ".lz4". */
bool tw_input_has_ext(const tw_input *in, const char *const *exts);

/* The first byte of IN that is not whitespace or a UTF-8 byte-order mark, or
 * NUL when there is none. */
char tw_input_first_char(const tw_input *in);

/* Whether IN is named as what a page loads to run and look as it does: a
 * script (.js, .mjs), a style sheet (.css), a source map (.map) or a vector
 * image (.svg).  Text, but no article: a page saved whole ("Web page,
 * complete") and a site's mirror hold them beside the pages, and each came
 * out as an article of code (a source map, read as JSON, failed the run). */
bool tw_input_is_page_asset(const tw_input *in);

/* A container extractor's source: IN's, or when IN holds all of the input, one
 * over its bytes that reads through BUF (freed by the caller).  The window
 * holds UTF-8 (tw_source_utf8).  NULL on ENOMEM. */
tw_source *tw_input_source(const tw_input *in, tw_source *mem, tw_buf *buf);

/* The extractor for IN, or NULL when no extractor takes it (binary data). */
const tw_extractor *tw_extractor_find(const tw_input *in);

extern const tw_extractor tw_extractor_reuters;
extern const tw_extractor tw_extractor_trec;
extern const tw_extractor tw_extractor_json;
extern const tw_extractor tw_extractor_feed;
extern const tw_extractor tw_extractor_html;
extern const tw_extractor tw_extractor_text;
extern const tw_extractor tw_extractor_warc;
extern const tw_extractor tw_extractor_csv;
extern const tw_extractor tw_extractor_xml;

/* Whether IN is named as a CSV or TSV table (.csv, .tsv) but is none: its
 * first row names no text column.  Then why, for a warning, into
 * WHY[SIZE]: the plain-text reader that takes it says so. */
bool tw_csv_refused(const tw_input *in, char *why, size_t size);

#endif
