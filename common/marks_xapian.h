/* marks_xapian.h - the marks an index keeps of itself in its metadata
 * (TW_META_SEALED, TW_META_COMPACTED), each naming the commit it was true
 * at: a generation's revision and its uuid.
 *
 * Why both: a writer that does not know a mark (a trawl from before it)
 * commits without touching it, which moves the revision past the one the
 * mark names, so the mark no longer vouches for what that writer did.  A
 * compaction, Xapian's own or an older trawl's, starts a new generation
 * at revision 1 and carries the metadata over: its uuid is new, so a mark
 * carried over never names a commit of it, however far its revisions run. */
#ifndef TW_MARKS_XAPIAN_H
#define TW_MARKS_XAPIAN_H

#include <string>
#include <xapian.h>

extern "C" {
#include "docdata.h"
}

/* The value naming the commit DB's next commit() makes. */
std::string tw_mark_next(const Xapian::WritableDatabase &db);

/* Whether MARK names DB's last commit; false when DB cannot tell its
 * revision (a remote shard, or several databases). */
bool tw_mark_now(const Xapian::Database &db, const std::string &mark);

/* What DB's TW_META_SEALED vouches for. */
tw_seals tw_seals_of(const Xapian::Database &db);

#endif
