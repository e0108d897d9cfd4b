/* store.c - the index folder's lock and generations (see store.h). */
#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stub.h"

#define STUB      TW_STUB_FILE
#define STUB_TMP  TW_STUB_TMP
#define WRITER_PID TW_WRITER_PID

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* DIR in full: from the working folder when relative.  NULL on ENOMEM. */
static char *in_full(const char *dir)
{
    if (dir[0] == '/')
        return strdup(dir);
    char *cwd = getcwd(NULL, 0);
    if (!cwd)    /* the working folder is gone (or ENOMEM): DIR names nothing else */
        return errno == ENOMEM ? NULL : strdup(dir);
    char *full = join(cwd, dir);
    free(cwd);
    return full;
}

static bool exists_in(int dirfd, const char *name)
{
    struct stat st;
    return fstatat(dirfd, name, &st, 0) == 0;
}

void tw_store_remove(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            unlinkat(dirfd(d), e->d_name, 0);
    closedir(d);
    rmdir(path);
}

/* The lock holder's pid, as it wrote it in the folder open as DIRFD, or 0. */
static long read_writer_pid(int dirfd)
{
    char buf[32];
    int fd = openat(dirfd, WRITER_PID, O_RDONLY | O_CLOEXEC);
    ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
    if (fd >= 0)
        close(fd);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    return strtol(buf, NULL, 10);
}

/* Says who holds the lock, for a writer that will find it taken.  Nothing
 * depends on it: a failure leaves the message without a pid. */
static void write_writer_pid(int dirfd)
{
    int fd = openat(dirfd, WRITER_PID, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
        return;
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%ld\n", (long)getpid());
    if (write(fd, buf, (size_t)n) < 0) {
        /* the message will name no pid */
    }
    close(fd);
}


/* Removes generations other than the current one and unfinished builds: what a
 * writer that was killed left behind.  Only the lock holder may do this. */
static void sweep(tw_store *s)
{
    DIR *d = opendir(s->path);
    if (!d)
        return;
    struct dirent *e;
    unsigned n;
    while ((e = readdir(d))) {
        bool gen = tw_stub_numbered(e->d_name, "gen", &n);
        if (!(gen && n == s->gen && s->current) && (gen || tw_stub_numbered(e->d_name, "build", &n))) {
            char *p = join(s->path, e->d_name);
            if (p)
                tw_store_remove(p);
            free(p);
        }
    }
    closedir(d);
    unlinkat(s->fd, STUB_TMP, 0);
}

/* A rebuild over a damaged stub keeps the generations it cannot place until its
 * own is current (the next open sweeps them): new paths are numbered past them. */
static void keep_leftovers(tw_store *s)
{
    DIR *d = opendir(s->path);
    if (!d)
        return;
    struct dirent *e;
    unsigned n;
    while ((e = readdir(d)))
        if ((tw_stub_numbered(e->d_name, "gen", &n) || tw_stub_numbered(e->d_name, "build", &n))
            && n > s->last)
            s->last = n;
    closedir(d);
}

trawl_status tw_store_open(tw_store *s, const char *dir, bool rebuild, char *err,
                           size_t errlen)
{
    memset(s, 0, sizeof *s);
    s->fd = -1;
    if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
        snprintf(err, errlen, "cannot create index folder %s: %s", dir, strerror(errno));
        return TRAWL_EIO;
    }
    if (!(s->dir = strdup(dir)) || !(s->path = in_full(dir))) {
        tw_store_close(s);
        return TRAWL_ENOMEM;
    }
    s->fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (s->fd < 0) {
        /* A file by that name is a wrong path, not a disk to check ("cannot
         * open index folder F: Not a directory", then advice about room). */
        bool file = errno == ENOTDIR;
        if (file)
            snprintf(err, errlen, "%s is a file, not an index folder: name a folder, new or "
                     "an index's", dir);
        else
            snprintf(err, errlen, "cannot open index folder %s: %s", dir, strerror(errno));
        tw_store_close(s);
        return file ? TRAWL_EINVAL : TRAWL_EIO;
    }
    if (flock(s->fd, LOCK_EX | LOCK_NB) < 0) {
        int e = errno;
        long holder = e == EWOULDBLOCK ? read_writer_pid(s->fd) : 0;
        if (holder > 0)
            snprintf(err, errlen, "index %s is locked by another writer (pid %ld)", dir,
                     holder);
        else
            snprintf(err, errlen, e == EWOULDBLOCK ? "index %s is locked by another writer"
                                                   : "cannot lock index %s: %s", dir, strerror(e));
        tw_store_close(s);
        return e == EWOULDBLOCK ? TRAWL_ELOCKED : TRAWL_EIO;
    }
    int rc = 0;
    if (exists_in(s->fd, "iamglass")) {
        rc = (s->current = strdup(s->path)) ? 0 : -1;
    } else {
        tw_stub_state state = tw_stub_check(s->fd, dir, &s->gen, err, errlen);
        if ((state == TW_STUB_DAMAGED && !rebuild) || state == TW_STUB_UNREADABLE) {
            /* Taking it for a new index would sweep every generation away. */
            tw_store_close(s);
            return state == TW_STUB_DAMAGED ? TRAWL_ECORRUPT : TRAWL_EIO;
        }
        if (state == TW_STUB_OK) {
            char leaf[32];
            snprintf(leaf, sizeof leaf, "gen-%u", s->gen);
            rc = (s->current = join(s->path, leaf)) ? 0 : -1;
        } else if (state != TW_STUB_DAMAGED && !tw_stub_only_ours(s->fd)) {
            /* A folder of programs or documents is no place for an index, and
             * a sweep or a rebuild would delete what in it looks like ours. */
            snprintf(err, errlen, "%s is not empty and holds no index: an index goes in a "
                     "new or empty folder", dir);
            tw_store_close(s);
            return TRAWL_EINVAL;
        } else {
            s->gen = 0;
        }
    }
    if (rc < 0) {
        tw_store_close(s);
        return TRAWL_ENOMEM;
    }
    s->last = s->gen;
    if (s->current || !rebuild)
        sweep(s);
    else
        keep_leftovers(s);
    write_writer_pid(s->fd);
    return TRAWL_OK;
}

char *tw_store_new_path(tw_store *s, const char *name)
{
    char leaf[64];
    snprintf(leaf, sizeof leaf, "%s-%u", name, ++s->last);
    char *p = join(s->path, leaf);
    if (p)
        tw_store_remove(p);
    return p;
}

/* Writes the stub naming LEAF: a new file, synced, renamed over the old one. */
static int write_stub(tw_store *s, const char *leaf)
{
    int fd = openat(s->fd, STUB_TMP, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
        return -1;
    char line[300];
    int n = snprintf(line, sizeof line, "glass %s\n", leaf);
    if (write(fd, line, (size_t)n) != n || fsync(fd) < 0) {
        int e = errno;
        close(fd);
        unlinkat(s->fd, STUB_TMP, 0);
        errno = e;
        return -1;
    }
    if (close(fd) < 0 || renameat(s->fd, STUB_TMP, s->fd, STUB) < 0)
        return -1;
    return fsync(s->fd);
}

/* An index from before generations: its glass files sit in DIR itself.  Once the
 * stub exists they are garbage; "iamglass" goes first, since Xapian would
 * otherwise keep opening DIR as that old database. */
static void remove_legacy(tw_store *s)
{
    unlinkat(s->fd, "iamglass", 0);
    DIR *d = opendir(s->path);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if ((n > 6 && strcmp(e->d_name + n - 6, ".glass") == 0) ||
            strcmp(e->d_name, "flintlock") == 0)
            unlinkat(dirfd(d), e->d_name, 0);
    }
    closedir(d);
}

trawl_status tw_store_switch(tw_store *s, const char *path, char *err, size_t errlen)
{
    const char *leaf = strrchr(path, '/');
    leaf = leaf ? leaf + 1 : path;
    unsigned n;
    if (!tw_stub_numbered(leaf, "gen", &n)) {
        snprintf(err, errlen, "internal error: %s is not a generation", path);
        return TRAWL_EINTERNAL;
    }
    if (write_stub(s, leaf) < 0) {
        snprintf(err, errlen, "cannot switch index %s to its new contents: %s", s->dir,
                 strerror(errno));
        return TRAWL_EIO;
    }
    char *now = strdup(path);
    if (!now)
        return TRAWL_ENOMEM;
    if (s->current && strcmp(s->current, s->path) == 0)
        remove_legacy(s);
    else if (s->current)
        tw_store_remove(s->current);
    free(s->current);
    s->current = now;
    s->gen = n;
    return TRAWL_OK;
}

void tw_store_close(tw_store *s)
{
    if (s->fd >= 0)
        close(s->fd);       /* releases the lock */
    free(s->dir);
    free(s->path);
    free(s->current);
    memset(s, 0, sizeof *s);
    s->fd = -1;
}
