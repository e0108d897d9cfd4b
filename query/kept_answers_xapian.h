/* kept_answers_xapian.h - what a handle's shards answered about terms
 * (whether they exist, how many articles have them) and metadata, kept on
 * the handle (trawl_db.term_freqs, learnt) until they move to a new
 * revision: over a remote shard each answer costs a round trip, and
 * searches ask the same ones again. */
#ifndef TW_KEPT_ANSWERS_XAPIAN_H
#define TW_KEPT_ANSWERS_XAPIAN_H

#include <string>
#include <vector>
#include <xapian.h>

#include "db_xapian.h"

/* The most answers of one kind a handle keeps: a long-lived handle over an
 * index that does not change would otherwise keep every word it was ever
 * asked. */
#define TW_KEPT_MAX 100000

/* Forgets what was read of the shards' last revision: a new one is open. */
void tw_db_forget(trawl_db *db);

/* Whether an article of DB's shards has TERM (Database::term_exists). */
bool tw_db_term_exists(const trawl_db *db, const std::string &term);

/* A term's place in trawl_db::term_freqs when it is only known to exist. */
#define TW_TERM_UNCOUNTED ((Xapian::doccount)-1)

/* The number of articles of DB that have each of TERMS: as tw_term_freqs
 * finds them, of those DB was not asked before. */
std::vector<Xapian::doccount> tw_db_term_freqs(const trawl_db *db,
                                               const std::vector<std::string> &terms);

/* The number of articles of DB that have each of TERMS.  With a REMOTE
 * shard, from the statistics of a match that asks for no hits: one exchange
 * with each remote shard, where Database::get_termfreq costs a round trip
 * per word and shard; without, by get_termfreq, which costs less than
 * setting up that match (4 local shards: 0.1 ms a search). */
std::vector<Xapian::doccount> tw_term_freqs(const Xapian::Database &db, bool remote,
                                            const std::vector<std::string> &terms);

/* The value of the metadata KEY in the first shard of DB that has one
 * (title tails and site names, which each shard learns from its own
 * articles), or "". */
const std::string &tw_db_learnt(const trawl_db *db, const std::string &key);

/* The name the shards give to site host KEY (TW_META_SITE), or "". */
std::string tw_db_site_name(const trawl_db *db, const std::string &key);

#endif
