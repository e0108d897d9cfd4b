/* roots.c - the PATHs a run walks: one spelling for each, which of them
 * another already holds, and the working folder relative ones start from. */
#include "roots.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "pathset.h"

/* One spelling for the same files, so that ids and file records match from
 * run to run: "corpus/", "./corpus" and "corpus/." are "corpus", "news//2021"
 * and "news/./2021" (a script's "$DIR/" joined to a name) are "news/2021", and
 * "./" and ".//" are "." (whose walk names its files as they are, walk.c).
 * ".." stays: what it climbs out of depends on symbolic links. */
char *tw_root_normalise(const char *path)
{
    char *root = malloc(strlen(path) + 2);
    if (!root)
        return NULL;
    size_t len = 0;
    if (path[0] == '/')
        root[len++] = '/';
    for (const char *p = path; *p;) {
        while (*p == '/')
            p++;
        const char *end = p;
        while (*end && *end != '/')
            end++;
        size_t part = (size_t)(end - p);
        if (part && !(part == 1 && p[0] == '.')) {
            if (len && root[len - 1] != '/')
                root[len++] = '/';
            memcpy(root + len, p, part);
            len += part;
        }
        p = end;
    }
    if (!len)
        root[len++] = '.';
    root[len] = '\0';
    return root;
}

bool tw_root_holds(const char *root, const char *path)
{
    /* The walk of "." names its files without "./": every relative path
     * but those that climb out of it. */
    if (strcmp(root, ".") == 0)
        return path[0] != '/' && strcmp(path, "..") != 0 && strncmp(path, "../", 3) != 0;
    size_t n = strlen(root);
    if (n && root[n - 1] == '/')
        n--;                    /* "/" holds "/srv" */
    return strncmp(path, root, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* Whether a root of ALL other than ROOT itself holds ROOT: one of its
 * folders, or "/" or ".".  ROOT is written to and put back. */
static bool held_by_another(const tw_pathset *all, char *root)
{
    if (root[0] == '/' ? root[1] && tw_pathset_has(all, "/")
                       : strcmp(root, ".") != 0 && tw_root_holds(".", root) &&
                             tw_pathset_has(all, "."))
        return true;
    for (char *p = root + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        bool held = tw_pathset_has(all, root);
        *p = '/';
        if (held)
            return true;
    }
    return false;
}

/* PATH spelt as the one absolute path of what it names, so that "corpus"
 * and "$PWD/corpus" (a script's absolute path beside a typed relative one)
 * are one root: its real path (symbolic links and ".." resolved), else,
 * when it cannot be resolved, CWD (NULL: unknown) joined to it, normalised.
 * A malloc'd string, or NULL when out of memory. */
static char *absolute_root(const char *path, const char *cwd)
{
    char *real = realpath(path, NULL), *joined = NULL;
    if (!real && cwd && path[0] != '/' && asprintf(&joined, "%s/%s", cwd, path) < 0)
        return NULL;
    char *root = tw_root_normalise(real ? real : joined ? joined : path);
    free(real);
    free(joined);
    return root;
}

int tw_roots_outermost(char **paths, size_t *n)
{
    tw_pathset all = { 0 }, kept = { 0 };
    char **roots = calloc(*n ? *n : 1, sizeof *roots);
    char *cwd = getcwd(NULL, 0);
    int rc = roots ? 0 : -1;
    for (size_t i = 0; i < *n && rc == 0; i++)
        if (!(roots[i] = absolute_root(paths[i], cwd)) || tw_pathset_add(&all, roots[i]) < 0)
            rc = -1;
    size_t count = 0;
    for (size_t i = 0; i < *n && rc == 0; i++) {
        if (tw_pathset_has(&kept, roots[i]) || held_by_another(&all, roots[i]))
            continue;
        if (tw_pathset_add(&kept, roots[i]) < 0)
            rc = -1;
        else
            paths[count++] = paths[i];
    }
    for (size_t i = 0; roots && i < *n; i++)
        free(roots[i]);
    free(roots);
    free(cwd);
    tw_pathset_clear(&all);
    tw_pathset_clear(&kept);
    if (rc == 0)
        *n = count;
    return rc;
}

/* Calls VISIT(ROOT, CTX) for each root of the list ROOTS (NULL is empty)
 * until VISIT returns true; returns whether one did.  A root that cannot be
 * copied out for want of memory is not visited. */
static bool any_root(const char *roots, bool (*visit)(const char *root, void *ctx), void *ctx)
{
    for (const char *at = roots ? roots : ""; *at;) {
        size_t len = strcspn(at, "\n");
        char *one = strndup(at, len);
        bool hit = one && len && visit(one, ctx);
        free(one);
        if (hit)
            return true;
        at += len + (at[len] == '\n');
    }
    return false;
}

struct other_name {
    const char *root;       /* the run's, normalised */
    const char *base;       /* the folder relative roots of the list are in, or NULL */
    char *real;             /* resolved, or NULL when it cannot be */
    char *found;            /* the root of the list that names its files otherwise */
};

static bool names_otherwise(const char *had, void *ctx)
{
    struct other_name *o = ctx;
    if (tw_root_holds(had, o->root) || tw_root_holds(o->root, had))
        return false;   /* one spelling: its walks give the same names */
    char *full = NULL, *real = NULL;
    if (had[0] == '/' || !o->base)
        real = realpath(had, NULL);
    else if (asprintf(&full, "%s/%s", o->base, had) >= 0)
        real = realpath(full, NULL);
    free(full);
    bool other = real && (tw_root_holds(real, o->real) || tw_root_holds(o->real, real));
    free(real);
    if (other)
        o->found = strdup(had);
    return other;
}

char *tw_roots_other_name(const char *roots, const char *root, const char *base)
{
    struct other_name o = { root, base, realpath(root, NULL), NULL };
    if (o.real)
        any_root(roots, names_otherwise, &o);
    free(o.real);
    return o.found;
}

static bool holds(const char *had, void *ctx)
{
    return tw_root_holds(had, ctx);
}

struct kept_roots {
    const char *root;
    tw_buf out;
    int rc;
};

static bool keep_unless_held(const char *had, void *ctx)
{
    struct kept_roots *k = ctx;
    if (!tw_root_holds(k->root, had))
        k->rc |= tw_buf_printf(&k->out, "%s\n", had);
    return false;
}

int tw_roots_add(char **roots, const char *root)
{
    /* Already there, or held by one that is: the list names it. */
    if (any_root(*roots, holds, (void *)root))
        return 0;
    struct kept_roots k = { root, { 0 }, 0 };
    any_root(*roots, keep_unless_held, &k);
    k.rc |= tw_buf_printf(&k.out, "%s\n", root);
    if (k.rc) {
        tw_buf_free(&k.out);
        return -1;
    }
    free(*roots);
    *roots = k.out.data;
    return 0;
}

char *tw_base_here(void)
{
    char *cwd = getcwd(NULL, 0), *here = NULL;
    struct stat st;
    if (cwd && stat(".", &st) == 0 &&
        asprintf(&here, "%llu %llu %s", (unsigned long long)st.st_dev,
                 (unsigned long long)st.st_ino, cwd) < 0)
        here = NULL;
    free(cwd);
    return here;
}

/* The path of BASE, its device and inode in *DEV and *INO; NULL when BASE
 * is not a record. */
static const char *parse_base(const char *base, unsigned long long *dev, unsigned long long *ino)
{
    int n = 0;
    return sscanf(base, "%llu %llu %n", dev, ino, &n) == 2 && n ? base + n : NULL;
}

bool tw_base_other(const char *had, const char *here)
{
    unsigned long long had_dev, had_ino, dev, ino;
    const char *had_at = parse_base(had, &had_dev, &had_ino), *at = parse_base(here, &dev, &ino);
    return had_at && at && !(had_dev == dev && had_ino == ino) && strcmp(had_at, at) != 0;
}

const char *tw_base_path(const char *base)
{
    unsigned long long dev, ino;
    const char *at = parse_base(base, &dev, &ino);
    return at ? at : base;
}

char *tw_root_from(const char *root, const char *base)
{
    char *real = realpath(root, NULL), *real_base = realpath(base, NULL), *from = NULL;
    if (real && real_base) {
        size_t n = strcmp(real_base, "/") == 0 ? 0 : strlen(real_base);
        if (strncmp(real, real_base, n) == 0 && (real[n] == '/' || real[n] == '\0'))
            from = strdup(real[n] && real[n + 1] ? real + n + 1 : ".");
    }
    free(real);
    free(real_base);
    return from;
}
