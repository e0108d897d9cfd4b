/* stories_xapian.h - near-duplicate articles ("one story, many copies") in a
 * Xapian index.  Each article with enough text carries its MinHash signature
 * (TW_SLOT_SIG) and band terms (TW_PREFIX_BAND); the articles of a story with
 * two or more copies share a key in TW_SLOT_STORY, which searches collapse on;
 * a lone article has none.  Copies share band terms, through which a reader
 * finds the others (query/search_xapian.cc). */
#ifndef TW_STORIES_XAPIAN_H
#define TW_STORIES_XAPIAN_H

#include <set>
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

/* The id term (TW_PREFIX_ID) of the article DOC, from its term list; ""
 * when it has none. */
std::string tw_story_id_term(const Xapian::Document &doc);

/* An article's signature and date (its TW_SLOT_DATE value, "" if none). */
struct TwSigned {
    tw_minhash sig;
    std::string date;
};

/* The signature and date of DOC into OUT, or false when it has none. */
bool tw_story_signed(const Xapian::Document &doc, TwSigned &out);

/* Copies of one story come out within this many seconds of each other;
 * the same text weeks apart is a template (Reuters' daily "Fed adds
 * reserves" notices), a new story each time. */
#define TW_STORY_SECONDS (3 * 86400.0)

/* Would the indexer link articles A and B into one story: alike in their
 * words, within days of each other, their figures not apart, and sharing a
 * band key, by which alone it finds an article's copies?  (A reader folds
 * by it the copies that different shards hold, which no shard's story keys
 * join.  Two of a likeness near TW_MINHASH_SAME_STORY share no band about
 * one time in nine: Reuters' NEWID 8585 and 8661, one story over shards,
 * were two in one index, which moved 'function order gould' by a rank.) */
bool tw_story_pair(const TwSigned &a, const TwSigned &b);

/* For an article about to be written to DB under IDTERM, dated DATE (its
 * TW_SLOT_DATE value, "" if none): finds an article already there whose
 * signature is close to M, dated within days of it, and returns its story key,
 * giving that article the key first if it had none.  Returns "" when the
 * article is a story of its own.  Used by the incremental writer. */
std::string tw_story_join(Xapian::WritableDatabase &db, const tw_minhash &m,
                          const std::string &date, const std::string &idterm);

/* Adds to KEYS the story keys of the articles IDS of DB, those in a story:
 * read from each article, not from the story slot's value stream, which on
 * a database with changes not committed makes Xapian write its values'
 * changes first -- once for each file gone, when one file's articles are
 * removed at a time (half of Reuters as text files: 0.8 GB of the 2.5
 * written, and a third of the time). */
void tw_stories_of(const Xapian::Database &db, const std::vector<Xapian::docid> &ids,
                   std::set<std::string> &keys);

/* Called before a commit with the stories KEYS that articles left since the
 * last one (deleted, or written again with a text of another story): a
 * story left with one article is no story, and that article loses the key,
 * as a lone article has none.  Left with it, a run of months (copies
 * deleted, files moved or gzipped, whose new articles join the old ones'
 * stories just before those go) gave 13,000 of 18,700 articles a story of
 * their own, and each hit of such a story cost a search for its copies.
 * One pass over the story slot, whatever the number of KEYS. */
void tw_stories_settle(Xapian::WritableDatabase &db, const std::set<std::string> &keys);

/* Finds every story with two or more copies in DB and writes their keys: run
 * once after a bulk build, whose shards could not see each other.  Returns the
 * number of articles given a key. */
Xapian::doccount tw_story_link_all(Xapian::WritableDatabase &db);

/* As tw_story_link_all on the database Xapian's merge of PARTS (in order)
 * makes, with its doubled ids' earlier copies gone (tw_writer_dedupe), but
 * writing the keys into the parts: the merge then makes the linked database
 * whole, where keys written into the merged one rewrote its documents and
 * took a second compaction.  PARTS are not committed. */
Xapian::doccount tw_story_link_parts(std::vector<Xapian::WritableDatabase> &parts);

#endif
