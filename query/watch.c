/* watch.c - whether anything happened in a few folders (see watch.h). */
#include "watch.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/inotify.h>
#include <sys/vfs.h>
#include <unistd.h>

struct tw_watch {
    int fd;             /* the inotify instance; -1 once blind */
    unsigned forks;     /* the process's forks when it was made */
};

/* What a writer does to a folder it commits to: renames a new version file
 * or stub into it (glass, indexer/store.c), makes and removes generations,
 * or writes a file in place (a copy over an index); and the folder itself
 * going.  Writes to open files (IN_MODIFY) are left out: a big commit would
 * fill the queue with them, and its version file's rename comes last. */
#define EVENTS (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | \
                IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

/* Forks of this process (children count up): a watch made before one is
 * shared with the child, and neither may read it. */
static atomic_uint forks;
static pthread_once_t forks_once = PTHREAD_ONCE_INIT;

static void count_fork(void)
{
    atomic_fetch_add(&forks, 1);
}

static void count_forks(void)
{
    pthread_atfork(NULL, NULL, count_fork);
}

/* File systems whose other clients' writes the kernel is not told of. */
static bool networked(long type)
{
    static const uint32_t kinds[] = {
        0x6969,         /* NFS */
        0x517b,         /* SMB */
        0xff534d42,     /* CIFS */
        0xfe534d42,     /* SMB2 */
        0x00c36400,     /* Ceph */
        0x5346414f,     /* AFS */
        0x6b414653,     /* kAFS */
        0x01021997,     /* 9p (virtual machines' and WSL's shared folders) */
        0x65735546,     /* FUSE (sshfs, s3fs, ...) */
        0x73757245,     /* Coda */
        0x01161970,     /* GFS2 */
        0x7461636f,     /* OCFS2 */
        0x0bd00bd0,     /* Lustre */
        0x564c,         /* NCP */
    };
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if ((uint32_t)type == kinds[i])     /* some are sign-extended */
            return true;
    return false;
}

static void go_blind(tw_watch *w)
{
    if (w->fd >= 0)
        close(w->fd);
    w->fd = -1;
}

tw_watch *tw_watch_new(void)
{
    pthread_once(&forks_once, count_forks);
    tw_watch *w = malloc(sizeof *w);
    if (!w)
        return NULL;
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    w->forks = atomic_load(&forks);
    if (w->fd < 0) {
        free(w);
        return NULL;
    }
    return w;
}

void tw_watch_add(tw_watch *w, const char *folder)
{
    if (!w || w->fd < 0)
        return;
    struct statfs fs;
    if (statfs(folder, &fs) < 0 || networked((long)fs.f_type) ||
        inotify_add_watch(w->fd, folder, EVENTS | IN_ONLYDIR) < 0)
        go_blind(w);
}

bool tw_watch_stirred(tw_watch *w)
{
    if (!w || w->fd < 0)
        return true;
    if (w->forks != atomic_load(&forks)) {
        /* The child: the queue is its parent's too. */
        go_blind(w);
        return true;
    }
    char events[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    bool stirred = false;
    for (;;) {
        ssize_t n = read(w->fd, events, sizeof events);
        if (n > 0) {
            stirred = true;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            return stirred;
        go_blind(w);
        return true;
    }
}

void tw_watch_free(tw_watch *w)
{
    if (!w)
        return;
    if (w->fd >= 0)
        close(w->fd);
    free(w);
}
