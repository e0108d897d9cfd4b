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

/* The root of ROOTS (TW_META_ROOTS: normalised roots, one a line) that
 * names files the walk of ROOT would name too, or that ROOT's walk holds,
 * under other names: the two resolve (symbolic links followed) to one
 * folder, or one to a folder in the other, while neither spelling holds
 * the other ("news" and "/home/me/news", a link to it, or "/home/me").  A
 * relative root of the list is taken from the folder BASE (the one the
 * index names its relative ids from; NULL: the working folder), ROOT from
 * the working folder.  In a malloc'd string the caller frees; NULL when
 * there is none, or it cannot be told (a root gone or unreadable now names
 * no file of ROOT's). */
char *tw_roots_other_name(const char *roots, const char *root, const char *base);

/* Adds ROOT to the list *ROOTS (as above; NULL is empty) when it is not in
 * it, dropping the roots it holds.  Returns 0, or -1 when out of memory
 * (*ROOTS as it was). */
int tw_roots_add(char **roots, const char *root);

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

/* ROOT, a PATH from the working folder, as a run in the folder BASE (a
 * path from /, as tw_base_path gives) would give it: "news" for "me/news"
 * run in /home when BASE is /home/me, "news/2021" for "2021" run in
 * /home/me/news, "." for BASE itself (symbolic links followed).  In a
 * malloc'd string the caller frees; NULL when ROOT is not in BASE, is
 * gone, or memory ran out. */
char *tw_root_from(const char *root, const char *base);

#endif
