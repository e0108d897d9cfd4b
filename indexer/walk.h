/* walk.h - the recursive, deterministic, loop-safe walk over input paths. */
#ifndef TW_WALK_H
#define TW_WALK_H

#include <stdbool.h>
#include <sys/stat.h>

#include "errors.h"

typedef struct tw_walk {
    /* NULL-terminated glob lists, or NULL.  A pattern with a '/' is matched
     * against the whole path, any other against the file name.  Excludes prune
     * directories too; includes apply to files only. */
    const char *const *include;
    const char *const *exclude;
    /* Called for each regular file, in name order (the folders reached
     * through links to them after all the others).  A nonzero return stops
     * the walk and is returned by tw_walk. */
    int (*file)(void *ctx, const char *path, const struct stat *st);
    /* Called for what cannot be walked: FAILED is true for errors (an unreadable
     * directory), false for things left out on purpose (a symlink loop). */
    void (*problem)(void *ctx, const char *path, const char *message, bool failed);
    void *ctx;
    /* A folder never walked, nor reported (the index's own, which a PATH may
     * hold: its files are not articles), or NULL. */
    const struct stat *skip;
} tw_walk;

/* Walks ROOT (a file or a directory).  Entries whose names start with '.' are
 * skipped below ROOT; symlinks are followed but no directory is entered twice,
 * and a link to a directory is followed after the rest of ROOT, so that a
 * folder reached both ways is walked under its own name.
 * Returns 0, -1 when ROOT itself cannot be read (problem() has been told), or what
 * file() returned to stop. */
TW_MUST_CHECK
int tw_walk_run(const tw_walk *w, const char *root);

/* True when PATH is selected by the include/exclude lists of W. */
bool tw_walk_selects(const tw_walk *w, const char *path, bool is_dir);

#endif
