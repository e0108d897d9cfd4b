/* text_article.h - the shape of a plain-text news article:
 *
 *     Date: 2021-07-30            optional header lines (Date, URL, Author, Site,
 *     URL: https://...            Title), case-insensitive, then a blank line
 *
 *     Home > News > Business      a page's breadcrumb trail: dropped
 *     The Title Line              the first non-empty line
 *     The Title Line              a repeat of it, as scraped pages have: dropped
 *     By Dana Whitcomb | 3 March  a byline or dateline: its author and date
 *                                 (when no header gave them), and dropped
 *
 *     Body paragraphs...
 */
#ifndef TW_TEXT_ARTICLE_H
#define TW_TEXT_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>

#include "docdata.h"

/* Titles longer than this are cut at a word boundary, and the whole line is then
 * kept in the body so no text is lost. */
#define TW_TITLE_MAX 300

typedef struct tw_text_parts {
    tw_slice title, date, url, author, site;   /* ptr NULL when absent */
    tw_slice body;
} tw_text_parts;

/* Splits TEXT (valid UTF-8) into its parts; the slices point into TEXT. */
void tw_text_split(const char *text, size_t len, tw_text_parts *parts);

/* The byline or dateline that opens BODY (valid UTF-8), blank lines before it
 * passed over, read as tw_text_split reads one under a text's title: sets
 * *AT and *LEN to where it starts and how long it is with the blank lines
 * after it, and *AUTHOR and *DATE to what it gives (ptr NULL when nothing;
 * slices into BODY).  Returns whether BODY opens with one. */
bool tw_text_lead_byline(const char *body, size_t len, size_t *at, size_t *line_len,
                         tw_slice *author, tw_slice *date);

#endif
