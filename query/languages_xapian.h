/* languages_xapian.h - a parsed query's words looked for in every language
 * an index stems its articles in, and spelt with other accents; and what an
 * index holds for that (its languages, its accents' space), read when the
 * handle opens it. */
#ifndef TW_LANGUAGES_XAPIAN_H
#define TW_LANGUAGES_XAPIAN_H

#include <string>
#include <vector>
#include <xapian.h>

#include "db_xapian.h"

/* The most terms of the accents' space a handle keeps (trawl_db.accent_freqs):
 * reading 2,000 costs about 7 block reads, what one search's look-ups there
 * cost; an index of Latin-script languages other than English has tens of
 * thousands, and is asked. */
#define TW_ACCENTS_KEPT 2000

/* Reads which languages DB's indexes stem their articles in, when they
 * stem each in its own (trawl_db.lang_stems, by_language), and whether they
 * have an accents' space, kept whole when it is small (accent_freqs). */
void tw_db_languages(trawl_db *db);

/* Q, a query tw_db_parse made (and what ranking added to it), looking for
 * each word by its stem in every language of an index that stems each
 * article in its own (trawl_db.lang_stems), and spelt with other accents,
 * which weigh less than the word as typed. */
Xapian::Query tw_db_in_languages(const trawl_db *db, const Xapian::Query &q);

/* The patterns of the words a wildcard of PATTERN (a field's prefix and
 * the start of a word) stands for in any accents: PATTERN itself first, then
 * without its accents, and in DB's accents' space (which has the words
 * written with accents, without them, at the same positions): "greve*"
 * finds "grève" there. */
std::vector<std::string> tw_wildcard_spellings(const trawl_db *db, const std::string &pattern);

#endif
