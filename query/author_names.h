/* author_names.h - the people an article's author field names, each a value
 * of the author facet.  Bylines and scrapers' records list several:
 * "Sarah Hinger, Sylvia Torres-Guillén", "Lars Fischer und Alina
 * Schadwinkel", a JSON author list the indexer joined by ", ".  Counted as
 * one value, "Sarah Hinger" had a count of her own articles and another of
 * the pair's, and a search for the facet's value (author:"Sarah Hinger")
 * found more than its count. */
#ifndef TW_AUTHOR_NAMES_H
#define TW_AUTHOR_NAMES_H

#include <stddef.h>

#include "docdata.h"

/* The most names a field is split into: one that lists more is one value. */
#define TW_AUTHORS_MOST 10

/* Splits AUTHOR[0, LEN) at its separators (a comma or a semicolon; "and",
 * "&", and the word for it in German, French, Spanish, Italian, Dutch and
 * the Nordic languages) into at most MAX names, into NAMES; returns how
 * many (1 for a field of more than MAX: the whole field).  Only when every part reads as a person's name: two to five words,
 * none with a digit, each capitalised, an initial or a particle ("van",
 * "de"), at least two capitalised.  Else the whole field is one name:
 * "Olympia-Verlag GmbH, Nürnberg, Germany", "Michael Anderson, PhD", "Staff
 * and news service reports". */
size_t tw_author_names(const char *author, size_t len, tw_slice *names, size_t max);

#endif
