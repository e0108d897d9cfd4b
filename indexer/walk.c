/* walk.c - recursive directory walk. */
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* The set of directories entered, keyed by (device, inode), so that neither a
 * symlink cycle nor two links to one directory make us walk it twice. */
typedef struct dir_set {
    struct { dev_t dev; ino_t ino; bool used; } *slots;
    size_t cap, count;
} dir_set;

static size_t dir_hash(dev_t dev, ino_t ino, size_t cap)
{
    uint64_t h = (uint64_t)ino * 0x9E3779B97F4A7C15ULL ^ (uint64_t)dev;
    return (size_t)(h ^ (h >> 29)) & (cap - 1);
}

/* Adds (dev, ino); returns 1 if added, 0 if already there, -1 on ENOMEM. */
static int dir_set_add(dir_set *s, dev_t dev, ino_t ino)
{
    if ((s->count + 1) * 2 > s->cap) {
        dir_set bigger = { calloc(s->cap ? s->cap * 2 : 64, sizeof *s->slots),
                           s->cap ? s->cap * 2 : 64, 0 };
        if (!bigger.slots)
            return -1;
        /* BIGGER has room for twice what S holds: these adds never grow it,
         * so they cannot run out of memory. */
        for (size_t i = 0; i < s->cap; i++)
            if (s->slots[i].used)
                TW_IGNORE(dir_set_add(&bigger, s->slots[i].dev, s->slots[i].ino));
        free(s->slots);
        *s = bigger;
    }
    size_t i = dir_hash(dev, ino, s->cap);
    while (s->slots[i].used) {
        if (s->slots[i].dev == dev && s->slots[i].ino == ino)
            return 0;
        i = (i + 1) & (s->cap - 1);
    }
    s->slots[i].dev = dev;
    s->slots[i].ino = ino;
    s->slots[i].used = true;
    s->count++;
    return 1;
}

/* What a walk keeps: the directories entered, and the links to directories
 * met below a root, walked after everything else (walk_path). */
typedef struct walk_state {
    dir_set seen;
    char **links;
    size_t n_links, cap_links;
} walk_state;

/* Keeps PATH, a link to a directory, for later; -1 on ENOMEM. */
static int defer_link(walk_state *ws, const char *path)
{
    if (ws->n_links == ws->cap_links) {
        size_t cap = ws->cap_links ? ws->cap_links * 2 : 8;
        char **more = realloc(ws->links, cap * sizeof *more);
        if (!more)
            return -1;
        ws->links = more;
        ws->cap_links = cap;
    }
    if (!(ws->links[ws->n_links] = strdup(path)))
        return -1;
    ws->n_links++;
    return 0;
}

static bool matches_any(const char *const *globs, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    for (; globs && *globs; globs++)
        if (fnmatch(*globs, strchr(*globs, '/') ? path : base, 0) == 0)
            return true;
    return false;
}

bool tw_walk_selects(const tw_walk *w, const char *path, bool is_dir)
{
    if (matches_any(w->exclude, path))
        return false;
    return is_dir || !w->include || !*w->include || matches_any(w->include, path);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads the names in DIR (without . and ..), sorted; NULL on error (errno set). */
static char **list_dir(const char *path, size_t *count)
{
    DIR *d = opendir(path);
    if (!d)
        return NULL;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    errno = 0;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **more = realloc(names, cap * sizeof *names);
            if (!more)
                goto fail;
            names = more;
        }
        if (!(names[n] = strdup(e->d_name)))
            goto fail;
        n++;
    }
    if (errno)
        goto fail;
    closedir(d);
    if (n)      /* qsort wants a real array even for none */
        qsort(names, n, sizeof *names, compare_names);
    *count = n;
    return names ? names : calloc(1, sizeof *names);
fail:;
    int saved = errno ? errno : ENOMEM;
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    closedir(d);
    errno = saved;
    return NULL;
}

static int walk_path(const tw_walk *w, walk_state *ws, const char *path, bool is_root,
                     bool deferred);

static int walk_dir(const tw_walk *w, walk_state *ws, const char *path)
{
    size_t n = 0;
    char **names = list_dir(path, &n);
    if (!names) {
        char msg[256];
        snprintf(msg, sizeof msg, "cannot read directory: %s", strerror(errno));
        w->problem(w->ctx, path, msg, true);
        return 0;
    }
    int rc = 0;
    tw_buf child = { 0 };
    for (size_t i = 0; i < n; i++) {
        if (rc == 0 && names[i][0] != '.') {
            tw_buf_clear(&child);
            size_t plen = strlen(path);
            bool slash = plen && path[plen - 1] == '/';
            /* The entries of "." are named as they are: "sub/a.txt", the
             * name the walk of "sub" gives it, not "./sub/a.txt", another
             * id for the same file. */
            int made = strcmp(path, ".") == 0
                           ? tw_buf_printf(&child, "%s", names[i])
                           : tw_buf_printf(&child, "%s%s%s", path, slash ? "" : "/", names[i]);
            if (made < 0) {
                w->problem(w->ctx, path, "out of memory", true);
                rc = -1;
            } else {
                rc = walk_path(w, ws, child.data, false, false);
            }
        }
        free(names[i]);
    }
    free(names);
    tw_buf_free(&child);
    return rc;
}

/* Walks PATH; a link to a directory met below a root is kept for the end of
 * the run (DEFERRED when it is walked then): the folder it names may be met
 * under its own name too, and that name is the one its articles keep.
 * `trawl-index .` beside `news` and `feed -> news` indexed them as `feed/...`,
 * the first name in the walk, and a run over `news` named them anew. */
static int walk_path(const tw_walk *w, walk_state *ws, const char *path, bool is_root,
                     bool deferred)
{
    struct stat st;
    /* Excluded names are left out before anything about them is reported. */
    if (!is_root && !tw_walk_selects(w, path, true))
        return 0;
    if (stat(path, &st) < 0) {
        int err = errno;
        struct stat lst;
        bool there = lstat(path, &lst) == 0;
        bool link = there && S_ISLNK(lst.st_mode);
        /* Listed with its folder, then deleted while the files before it
         * were read (a feed rotating its files): gone, as if it had not been
         * listed, so its articles go too.  It is no failure of the run. */
        if (!is_root && !there && err == ENOENT && errno == ENOENT)
            return 0;
        char msg[256];
        if (err == ELOOP)
            snprintf(msg, sizeof msg, "symbolic link loop%s", is_root ? "" : ": skipped");
        else if (link && err == ENOENT)
            snprintf(msg, sizeof msg, "broken symbolic link%s", is_root ? "" : ": skipped");
        else
            snprintf(msg, sizeof msg, "cannot read: %s", strerror(err));
        /* Named on the command line, a broken link is a failure like a missing
         * file; met in a walk, it is only skipped. */
        w->problem(w->ctx, path, msg, is_root || !link);
        return is_root ? -1 : 0;
    }
    if (S_ISDIR(st.st_mode)) {
        if (w->skip && st.st_dev == w->skip->st_dev && st.st_ino == w->skip->st_ino)
            return 0;
        struct stat lst;
        if (!is_root && !deferred && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
            if (defer_link(ws, path) < 0) {
                w->problem(w->ctx, path, "out of memory", true);
                return -1;
            }
            return 0;
        }
        int added = dir_set_add(&ws->seen, st.st_dev, st.st_ino);
        if (added < 0) {
            w->problem(w->ctx, path, "out of memory", true);
            return -1;
        }
        if (added == 0) {
            w->problem(w->ctx, path,
                       "directory already walked (symbolic link loop or second link): skipped",
                       false);
            return 0;
        }
        return walk_dir(w, ws, path);
    }
    if (!S_ISREG(st.st_mode)) {
        /* FIFOs, sockets and devices: reading them could block or never end.
         * Left out silently when an --include list does not take their name. */
        if (!is_root && !tw_walk_selects(w, path, false))
            return 0;
        w->problem(w->ctx, path, is_root ? "not a regular file" : "not a regular file: skipped",
                   is_root);
        return 0;
    }
    if (!is_root && !tw_walk_selects(w, path, false))
        return 0;
    return w->file(w->ctx, path, &st);
}

int tw_walk_run(const tw_walk *w, const char *root)
{
    walk_state ws = { 0 };
    int rc = walk_path(w, &ws, root, true, false);
    /* The links, in the order met; those met in them join the end. */
    for (size_t i = 0; i < ws.n_links; i++)
        if (rc == 0)
            rc = walk_path(w, &ws, ws.links[i], false, true);
    for (size_t i = 0; i < ws.n_links; i++)
        free(ws.links[i]);
    free(ws.links);
    free(ws.seen.slots);
    return rc;
}
