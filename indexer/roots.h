/* roots.h - the PATHs a run walks: one spelling for each, which of them
 * another already holds, and the working folder relative ones start from. */
#ifndef TW_ROOTS_H
#define TW_ROOTS_H

#include <stdbool.h>
#include <stddef.h>

/* PATH spelt the one way the walk and the file records use (see roots.c),
 * in a malloc'd string the caller frees, or NULL when out of memory. */
char *tw_root_normalise(const char *path);

/* Whether the walk of ROOT (normalised) names PATH (a normalised root, or a
 * file a walk named): PATH is ROOT, or below it. */
bool tw_root_holds(const char *root, const char *path);

/* Keeps, in place and in their order, the PATHS that no other of them
 * holds (the first of equal ones), so that a run given "corpus" and
 * "corpus/weather", or "corpus" and "$PWD/corpus", walks each file once
 * (the paths compared as their real paths); sets *N to how many are kept.
 * Returns 0, or -1 when out of memory (PATHS as they were). */
int tw_roots_outermost(char **paths, size_t *n);

/* The working folder as the index records the one its relative ids were
 * named from (TW_META_BASE): "DEV INODE PATH", in a malloc'd string the
 * caller frees; NULL with errno set when it cannot be told. */
char *tw_base_here(void);

/* Whether HAD and HERE, two such records, name other folders: neither the
 * same device and inode (which a folder renamed or moved on its disk keeps)
 * nor the same path (which another folder put there has).  False when HAD
 * is not a record ("" for an index that has none). */
bool tw_base_other(const char *had, const char *here);

/* The PATH of such a record, or the record itself when it is not one. */
const char *tw_base_path(const char *base);

#endif
