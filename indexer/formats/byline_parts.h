/* byline_parts.h - where a byline's parts end: "By Dana Whitcomb | March 3,
 * 2021", "Dezember 10, 2019 · von freeman1984 · in Uncategorized".  One
 * splitter for the byline under a text's title (text_article.c) and the one
 * a page's byline element holds (byline_name.c); each keeps its own rules of
 * which part is a name. */
#ifndef TW_BYLINE_PARTS_H
#define TW_BYLINE_PARTS_H

#include <stddef.h>

/* The first separator of a byline's parts in [P, END): a bar, a dash
 * (hyphen, en or em) or a "»" with a space either side (names hold
 * hyphens), a bullet, or a middle dot that is not the one Catalan writes
 * between two l's ("Marcel·lí").  Returns where it starts, with its length
 * in *LEN; END, with *LEN 0, when the part runs to END. */
const char *tw_byline_separator(const char *p, const char *end, size_t *len);

#endif
