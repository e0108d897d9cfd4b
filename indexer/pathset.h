/* pathset.h - a set of path strings: the files one walk has met, so that files
 * indexed before but gone now can be told apart. */
#ifndef TW_PATHSET_H
#define TW_PATHSET_H

#include <stdbool.h>
#include <stddef.h>

#include "errors.h"

typedef struct tw_pathset {
    char **slots;       /* owned copies; NULL for an empty slot */
    size_t cap, count;
} tw_pathset;

/* Adds a copy of PATH.  Returns 0, or -1 on ENOMEM. */
TW_MUST_CHECK
int tw_pathset_add(tw_pathset *set, const char *path);

bool tw_pathset_has(const tw_pathset *set, const char *path);

/* Frees every copy; the set is empty and reusable. */
void tw_pathset_clear(tw_pathset *set);

#endif
