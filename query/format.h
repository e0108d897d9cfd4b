/* format.h - how trawl-query prints hits and index statistics. */
#ifndef TW_FORMAT_H
#define TW_FORMAT_H

#include <stdbool.h>
#include <stdio.h>

#include "errors.h"
#include "trawl.h"
#include "query_cli.h"

/* Prints the hits of RES to OUT in the format ARGS ask (TSV: their columns);
 * COLOR highlights matches (text only), and titles and snippets are set in
 * lines of WIDTH columns, a terminal's (text only; 0: each on one line).
 * The total counts stories unless ARGS ask for no folding.  Returns 0, or
 * -1 when memory ran out or OUT failed. */
TW_MUST_CHECK
int tw_print_hits(FILE *out, const trawl_results *res, const tw_query_args *args, bool color,
                  size_t width);

/* Prints the counts of the facets ARGS ask for, the most frequent values
 * first, at most ARGS' facet limit of each: lines after the hits in text and
 * TSV ("facet<TAB>NAME<TAB>VALUE<TAB>COUNT"), one last JSON line (with
 * "counted":"articles" when a remote shard made them count articles). */
TW_MUST_CHECK
int tw_print_facets(FILE *out, const trawl_results *res, const tw_query_args *args);

/* Says when the hits are not those of the query as written (a spelling
 * correction, any-word matching), or not of every shard (--partial), or the
 * facets count articles: JSON lines on OUT before the hits, or sentences on
 * ERR (a missing shard on ERR always). */
void tw_print_notes(FILE *out, FILE *err, const trawl_results *res, tw_format format);

/* Prints one stored article (--show): in text, a line for each of title, date,
 * url, site, author and path ("(none)" for an unknown one), a blank line and
 * the body; in JSON, one object with the keys trawl-index --extract prints.
 * Returns 0, or -1 when memory ran out or OUT failed. */
TW_MUST_CHECK
int tw_print_article(FILE *out, const trawl_article *a, tw_format format);

/* Prints the statistics of an index, then the number of articles each of
 * the N WORDS matches, COUNTS[i] for WORDS[i] (text: "articles    3 flood";
 * JSON: "words": {"flood": 3}, when N is not 0). */
TW_MUST_CHECK
int tw_print_info(FILE *out, const trawl_db_info *info, tw_format format,
                  const char *const *words, const uint64_t *counts, size_t n);

/* Appends one hit as a JSON object (no newline) to OUT: exposed for tests. */
struct tw_buf;
TW_MUST_CHECK
int tw_hit_json(struct tw_buf *out, const trawl_hit *hit);

#endif
