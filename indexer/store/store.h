/* store.h - the index folder: the writers' lock, and which generation of the
 * Xapian database is current.
 *
 * Layout: DIR/XAPIANDB is a Xapian stub file naming the current generation, a
 * glass database in DIR/gen-N.  Readers open DIR as they would any Xapian
 * database.  A bulk build prepares a whole new generation beside the current one
 * and switches the stub to it in one rename, so readers see the old index or the
 * new one, never a mix, and a crash leaves the old one.  An index written before
 * generations existed is a glass database in DIR itself ("legacy"); it is used
 * in place until a bulk build replaces it. */
#ifndef TW_STORE_H
#define TW_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "errors.h"
#include "trawl.h"

typedef struct tw_store {
    char *dir;          /* owned copy of DIR, as given: messages name it */
    char *path;         /* DIR in full, from /, where its files are looked for:
                           DIR may be relative to the working folder of the
                           open, which the program may leave; Xapian writes a
                           database's version file by the path it was given */
    int fd;             /* DIR, open and flock()ed: held while the store is open */
    char *current;      /* path of the current glass database, or NULL: none yet */
    unsigned gen;       /* N of the current DIR/gen-N; 0 when legacy or none */
    unsigned last;      /* the highest N handed out by tw_store_new_path */
} tw_store;

/* Creates DIR if needed and takes its lock without waiting: TRAWL_ELOCKED when
 * another writer holds it.  Then finds the current generation and removes what
 * an interrupted writer left behind.  A damaged stub (stub.h) is TRAWL_ECORRUPT
 * with nothing touched, unless REBUILD (--full): then the store starts with no
 * current generation and leaves the old ones until the new one is current.
 * On failure the store holds nothing. */
TW_MUST_CHECK
trawl_status tw_store_open(tw_store *s, const char *dir, bool rebuild, char *err,
                           size_t errlen);

/* Returns a new path DIR/NAME-N for a database to build, N unused so far (a
 * leftover of that name is removed first), or NULL on ENOMEM.  Caller frees. */
char *tw_store_new_path(tw_store *s, const char *name);

/* Makes the glass database at PATH (from tw_store_new_path(s, "gen")) the
 * current generation, durably, and removes the one it replaces. */
TW_MUST_CHECK
trawl_status tw_store_switch(tw_store *s, const char *path, char *err, size_t errlen);

/* Removes the database at PATH (a folder of files), quietly. */
void tw_store_remove(const char *path);

/* Releases the lock and frees what the store holds.  Safe on a zeroed store. */
void tw_store_close(tw_store *s);

#endif
