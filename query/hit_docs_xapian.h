/* hit_docs_xapian.h - the documents of a page's hits, read from their remote
 * shards side by side.
 *
 * Xapian 1.4 reads a remote document in a round trip of its own (MSet::fetch
 * too), so a page of ten hits over four xapian-tcpsrv was ten round trips one
 * after the other.  Each server has a connection of its own: the hits of
 * each remote shard are read in a thread of their own, and the round trips
 * to different servers overlap. */
#ifndef TW_HIT_DOCS_XAPIAN_H
#define TW_HIT_DOCS_XAPIAN_H

#include <functional>
#include <vector>

#include "ranking_xapian.h"

struct trawl_db;

/* Reads the documents of RANKED[FROM, TO) (hits of DB's union) that are on
 * remote shards and not read yet (nor KNOWN, when given, says are not
 * needed), as tw_hit_document would, those of each
 * shard in a thread of its own when more than one shard has some (on the
 * calling thread when a thread cannot be had).  A hit on a local shard is
 * left for tw_hit_document: a local read costs no round trip.  Throws what
 * the reads throw (the first shard's error, in DB's order), once every read
 * has ended. */
void tw_hit_docs_read(const trawl_db *db, std::vector<TwRanked> &ranked, size_t from, size_t to,
                      const std::function<bool(const TwRanked &)> &known = nullptr);

#endif
