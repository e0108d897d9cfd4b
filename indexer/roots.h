/* roots.h - the PATHs a run walks: one spelling for each, and which of them
 * another already holds. */
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
 * "corpus/weather" walks each file once; sets *N to how many are kept.
 * Returns 0, or -1 when out of memory (PATHS as they were). */
int tw_roots_outermost(char **paths, size_t *n);

#endif
