/* stories_xapian.h - near-duplicate articles ("one story, many copies") in a
 * Xapian index.  Each article with enough text carries its MinHash signature
 * (TW_SLOT_SIG) and band terms (TW_PREFIX_BAND); the articles of a story with
 * two or more copies share a key in TW_SLOT_STORY, which searches collapse on;
 * a lone article has none.  Copies share band terms, through which a reader
 * finds the others (query/search_xapian.cc). */
#ifndef TW_STORIES_XAPIAN_H
#define TW_STORIES_XAPIAN_H

#include <string>
#include <vector>
#include <xapian.h>

extern "C" {
#include "minhash.h"
}

/* Adds the signature value and band terms of M to DOC. */
void tw_story_mark(Xapian::Document &doc, const tw_minhash &m);

/* The band terms of the article whose signature value is SIG: those
 * tw_story_mark gave it (none when SIG is not a signature). */
std::vector<std::string> tw_story_bands(const std::string &sig);

/* For an article about to be written to DB under IDTERM, dated DATE (its
 * TW_SLOT_DATE value, "" if none): finds an article already there whose
 * signature is close to M, dated within days of it, and returns its story key,
 * giving that article the key first if it had none.  Returns "" when the
 * article is a story of its own.  Used by the incremental writer. */
std::string tw_story_join(Xapian::WritableDatabase &db, const tw_minhash &m,
                          const std::string &date, const std::string &idterm);

/* Finds every story with two or more copies in DB and writes their keys: run
 * once after a bulk build, whose shards could not see each other.  Returns the
 * number of articles given a key. */
Xapian::doccount tw_story_link_all(Xapian::WritableDatabase &db);

#endif
