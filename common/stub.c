/* stub.c - reading and checking the index folder's XAPIANDB (see stub.h). */
#include "stub.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool tw_stub_numbered(const char *entry, const char *name, unsigned *n)
{
    size_t len = strlen(name);
    if (strncmp(entry, name, len) || entry[len] != '-' || entry[len + 1] < '0' ||
        entry[len + 1] > '9')
        return false;
    char *end;
    errno = 0;
    unsigned long v = strtoul(entry + len + 1, &end, 10);
    if (*end || errno || v > 1000000000ul)
        return false;
    *n = (unsigned)v;
    return true;
}

bool tw_stub_only_ours(int dirfd)
{
    int fd = dup(dirfd);
    DIR *d = fd < 0 ? NULL : fdopendir(fd);
    if (!d) {
        if (fd >= 0)
            close(fd);
        return false;
    }
    rewinddir(d);       /* the duplicate shares the offset an earlier scan left */
    struct dirent *e;
    unsigned n;
    bool ours = true;
    while (ours && (e = readdir(d)))
        ours = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
               !strcmp(e->d_name, TW_STUB_FILE) || !strcmp(e->d_name, TW_STUB_TMP) ||
               !strcmp(e->d_name, TW_WRITER_PID) ||
               tw_stub_numbered(e->d_name, "gen", &n) || tw_stub_numbered(e->d_name, "build", &n);
    closedir(d);
    return ours;
}

/* The highest N of the gen-N folders holding a glass database, 0 when none. */
static unsigned newest_generation(int dirfd)
{
    int fd = dup(dirfd);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0)
            close(fd);
        return 0;
    }
    rewinddir(d);
    unsigned newest = 0, n;
    char probe[64];
    struct stat st;
    struct dirent *e;
    while ((e = readdir(d)))
        if (tw_stub_numbered(e->d_name, "gen", &n) && n > newest) {
            snprintf(probe, sizeof probe, "gen-%u/iamglass", n);
            if (fstatat(dirfd, probe, &st, 0) == 0)
                newest = n;
        }
    closedir(d);
    return newest;
}

/* Copies the stub's first line, made printable, for a message. */
static void quote_line(const char *line, char *out, size_t outlen)
{
    size_t j = 0;
    for (size_t i = 0; line[i] && line[i] != '\n' && j + 4 < outlen && i < 40; i++)
        out[j++] = (line[i] >= 0x20 && line[i] < 0x7f) ? line[i] : '?';
    out[j] = '\0';
}

static tw_stub_state damaged(int dirfd, const char *dir, const char *what, char *why,
                             size_t whylen)
{
    unsigned newest = newest_generation(dirfd);
    if (newest)
        snprintf(why, whylen, "index %s is damaged: %s; nothing was changed.  If gen-%u "
                 "there is the index, write 'glass gen-%u' into %s/" TW_STUB_FILE " (check "
                 "it first with 'xapian-check %s/gen-%u'); or rebuild it from the articles",
                 dir, what, newest, newest, dir, dir, newest);
    else
        snprintf(why, whylen, "index %s is damaged: %s, and it holds no generation to "
                 "keep; rebuild it from the articles", dir, what);
    return TW_STUB_DAMAGED;
}

const char *tw_unreadable_file_advice(int err)
{
    return err == EMFILE || err == ENFILE ? TW_OUT_OF_FILES_ADVICE
                                          : "give this user read access to its folder and files";
}

tw_stub_state tw_stub_check(int dirfd, const char *dir, unsigned *gen, char *why,
                            size_t whylen)
{
    *gen = 0;
    int fd = openat(dirfd, TW_STUB_FILE, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        /* Out of file descriptors, the stub was called damaged, and the
         * generations (whose folder could not be listed either) none. */
        if (errno == EMFILE || errno == ENFILE) {
            snprintf(why, whylen, "index %s cannot be read (" TW_STUB_FILE ": %s): %s", dir,
                     strerror(errno), tw_unreadable_file_advice(errno));
            return TW_STUB_UNREADABLE;
        }
        if (errno != ENOENT) {
            char what[128];
            snprintf(what, sizeof what, TW_STUB_FILE " cannot be read (%s)", strerror(errno));
            return damaged(dirfd, dir, what, why, whylen);
        }
        unsigned newest = newest_generation(dirfd);
        if (!newest)
            return TW_STUB_NONE;
        char what[128];
        snprintf(what, sizeof what, "it holds gen-%u but no " TW_STUB_FILE
                 " naming the current generation", newest);
        return damaged(dirfd, dir, what, why, whylen);
    }
    char line[256];
    ssize_t n = read(fd, line, sizeof line - 1);
    int read_errno = errno;
    close(fd);
    if (n < 0) {
        char what[128];
        snprintf(what, sizeof what, TW_STUB_FILE " cannot be read (%s)", strerror(read_errno));
        return damaged(dirfd, dir, what, why, whylen);
    }
    line[n] = '\0';
    /* Exactly what store.c writes: "glass gen-N\n". */
    size_t len = strcspn(line, "\n");
    bool one_line = line[len] == '\0' || line[len + 1] == '\0';
    line[len] = '\0';
    unsigned g;
    if (n == 0 || !one_line || strncmp(line, "glass ", 6) ||
        !tw_stub_numbered(line + 6, "gen", &g)) {
        char shown[64], what[160];
        quote_line(line, shown, sizeof shown);
        if (n == 0)
            snprintf(what, sizeof what, "its " TW_STUB_FILE " file is empty");
        else
            snprintf(what, sizeof what, "its " TW_STUB_FILE " file does not name a "
                     "generation (it reads '%s')", shown);
        return damaged(dirfd, dir, what, why, whylen);
    }
    char probe[64];
    struct stat st;
    snprintf(probe, sizeof probe, "gen-%u/iamglass", g);
    if (fstatat(dirfd, probe, &st, 0) < 0) {
        /* Taken for no index, a generation this user may not read was
         * replaced by a new index of what one run gave it. */
        if (errno != ENOENT && errno != ENOTDIR) {
            snprintf(why, whylen, "index %s cannot be read (gen-%u: %s): %s", dir, g,
                     strerror(errno), tw_unreadable_file_advice(errno));
            return TW_STUB_UNREADABLE;
        }
        if (!newest_generation(dirfd))
            return TW_STUB_NONE;
        char what[160];
        snprintf(what, sizeof what, "its " TW_STUB_FILE " names gen-%u, which is not there", g);
        return damaged(dirfd, dir, what, why, whylen);
    }
    *gen = g;
    return TW_STUB_OK;
}
