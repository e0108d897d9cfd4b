/* stub.h - the index folder's XAPIANDB file, which names the current generation
 * of the index ("glass gen-N": DIR/gen-N is the glass database).
 *
 * trawl writes the stub itself (indexer/store.c), so anything else in it is
 * damage: the writer and the readers check it the same way here and refuse a
 * damaged one, rather than take it for "no index yet" and start over, which
 * would sweep the generations away. */
#ifndef TW_STUB_H
#define TW_STUB_H

#include <stdbool.h>
#include <stddef.h>

#define TW_STUB_FILE "XAPIANDB"
#define TW_STUB_TMP TW_STUB_FILE ".tmp"   /* the next stub, before its rename */
/* The pid of the writer holding the lock, for the message another one gets. */
#define TW_WRITER_PID "writer.pid"

/* What to do about a file of an index (its stub, a table, a version file)
 * that could not be opened or read for the reason ERR (an errno): the end
 * of a message "index DIR cannot be read (FILE: REASON): ...".  A process
 * out of file descriptors (EMFILE, ENFILE) is told so
 * (TW_OUT_OF_FILES_ADVICE, which a commit out of them says too); else the
 * user is told to give read access.  Neither is damage: the index is
 * whole, and rebuilding it would mend nothing.  (Kept here, where the
 * stub's reading first needed it.) */
const char *tw_unreadable_file_advice(int err);
#define TW_OUT_OF_FILES_ADVICE "the process has as many files open as its limit allows: " \
                             "close some, or raise the limit (ulimit -n), and run again"

typedef enum tw_stub_state {
    TW_STUB_NONE,       /* no stub and no generation: no index here yet */
    TW_STUB_OK,         /* the stub names generation *gen, which is there */
    TW_STUB_DAMAGED,    /* why[] says what is wrong and what to do */
    TW_STUB_UNREADABLE  /* the stub, or the generation named, cannot be read
                           by this user, or now (the process's files at
                           their limit): why[] says so (no index to build
                           anew) */
} tw_stub_state;

/* Matches "NAME-N" with N a decimal number (no sign, no trailing bytes); stores N. */
bool tw_stub_numbered(const char *entry, const char *name, unsigned *n);

/* Whether the folder open as DIRFD holds nothing but what a trawl index
 * holds (its stub, the writer's pid, gen-N and build-N folders): an empty
 * folder, or an index's, where trawl-index may build one.  A folder of
 * programs or documents is no place for an index.  DIRFD is left open. */
bool tw_stub_only_ours(int dirfd);

/* Reads the stub of the index folder open as DIRFD (named DIR in messages):
 * TW_STUB_OK when it reads "glass gen-N" and DIR/gen-N holds a glass database;
 * TW_STUB_NONE when there is no stub and no gen-N folder (an interrupted first
 * run may have left build-N folders, which hold nothing yet); otherwise
 * TW_STUB_DAMAGED, with a message naming the file, the newest generation that
 * is there, and how to recover; TW_STUB_UNREADABLE when this user may not
 * look into the generation named, or the stub cannot be opened for want
 * of a file descriptor.  A stub that names a generation which is gone
 * while no other is there is TW_STUB_NONE too: there is nothing to keep. */
tw_stub_state tw_stub_check(int dirfd, const char *dir, unsigned *gen, char *why,
                            size_t whylen);

#endif
