/* shards_xapian.h - the indexes one trawl_db searches as one: local index
 * folders, Xapian stub files that list them, and remote shards served by
 * Xapian's own xapian-tcpsrv (tcp://HOST:PORT).
 *
 * Xapian does the union: a Database holding several sub-databases ranks with
 * the statistics of all of them together (a remote one sends its own with its
 * matches), so the scores are those of one index holding everything.  What it
 * does not do is read metadata from any member but the first, or say which
 * member failed: each shard is kept open alone as well, for its own metadata
 * (title tails, site names, spelling blocks) and to be named when it fails. */
#ifndef TW_SHARDS_XAPIAN_H
#define TW_SHARDS_XAPIAN_H

#include <chrono>
#include <string>
#include <sys/stat.h>
#include <xapian.h>

#include "trawl.h"
extern "C" {
#include "errors.h"
}
#include "marks_xapian.h"

struct tw_shard {
    std::string spec;           /* names it: the folder as given, or tcp://HOST:PORT */
    std::string host;           /* remote: the server */
    unsigned port = 0;          /* nonzero for a remote shard */
    std::string dir;            /* local: the folder in full, from /, where its files
                                   are looked for: SPEC may be relative to the working
                                   folder of the open, which the program may leave */
    dev_t dev = 0;              /* local: the folder, to tell when it is given twice */
    ino_t ino = 0;
    std::string stub_path;      /* local: DIR/XAPIANDB, naming the current generation */
    struct stat stub = {};      /* of stub_path when opened */
    Xapian::Database db;        /* this shard alone */
    bool up = false;            /* open; for a remote shard, connected and answering */
    std::chrono::steady_clock::time_point reopened;     /* last brought up to date */
    std::string version_path;   /* local: the generation's glass version file */
    struct stat version = {};   /* of version_path when last looked at */
    std::string why;            /* when not up: why (a remote shard that did not answer) */
    tw_seals seals = TW_SEALS_NONE; /* what its TW_META_SEALED vouches for, at the
                                       revision the handle reads (tw_seals_of) */
};

struct trawl_db;

/* A remote shard is brought up to date (a round trip) at most this often:
 * a long-lived handle sees its server's new commits within this time. */
#define TW_REMOTE_REOPEN_MS 1000

/* A local shard's files are looked at when the watch on its folders
 * (watch.h) tells of a change, and it is brought up to date when its version
 * file changed (a commit writes a new one); both in any case at least this
 * often: the watch may not hear of a network file system's writes, and two
 * commits within the file system's time stamp's grain that gave the file
 * back its old inode would otherwise go unseen until the next. */
#define TW_LOCAL_REOPEN_MS 1000

/* Adds the shards SPEC names to DB: a local index folder (opened now), a stub
 * file (each line's database, recursively), or tcp://HOST:PORT (connected by
 * the next tw_db_refresh, with DB's time-out, which also rebuilds the union;
 * this file has it, db_xapian.h declares it).  Returns TRAWL_OK, or a status
 * with the message on DB. */
TW_MUST_CHECK
trawl_status tw_shards_add(trawl_db *db, const char *spec);

/* After the network failure E of a call on DB: connects each remote shard
 * anew (a failure may have cut the others' exchanges short), and marks down
 * those that do not answer, and the one E says hangs; rebuilds the union.
 * False when DB has no remote shard up: it is then not a shard's failure. */
bool tw_shards_lost(trawl_db *db, const Xapian::NetworkError &e);

/* Throws tw_error (TRAWL_ESHARD), naming the first shard that is down, when
 * one is; with PARTIAL only when none is up.  Throws TRAWL_EINVAL when DB
 * has no shard at all: its open failed. */
void tw_shards_require(const trawl_db *db, bool partial);

/* Whether a shard of the union is remote: then the union runs on servers
 * that know only Xapian's own classes (no custom match spy). */
bool tw_shards_remote(const trawl_db *db);

/* The union of N members numbers document D of member M (from 0) as
 * (D - 1) * N + M + 1: the member of the union's document DID, and its
 * docid there. */
inline size_t tw_union_member(Xapian::docid did, size_t n)
{
    return (did - 1) % n;
}
inline Xapian::docid tw_member_docid(Xapian::docid did, size_t n)
{
    return (Xapian::docid)((did - 1) / n + 1);
}

/* Whether document DID of the union is on a remote shard. */
bool tw_shards_doc_remote(const trawl_db *db, Xapian::docid did);

/* What the mark of the shard that holds document DID of the union
 * vouches for (tw_shard::seals); TW_SEALS_NONE when there is no telling
 * which shard holds it. */
tw_seals tw_shards_doc_seals(const trawl_db *db, Xapian::docid did);

#endif
