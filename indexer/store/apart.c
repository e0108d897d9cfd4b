/* apart.c - work done in a child process (apart.h).
 *
 * The child writes records to a pipe, each one ended by a NUL: "S" and a
 * step as it begins, then "E", its status in decimal, ':' and its message. */
#include "apart.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"

struct tw_apart {
    int fd;
};

/* Writes KIND and TEXT, ended by a NUL, to FD; false when it cannot. */
static bool put_record(int fd, const char *kind, const char *text)
{
    const char *parts[] = { kind, text };
    for (int i = 0; i < 2; i++)
        for (size_t done = 0, len = strlen(parts[i]) + (size_t)i; done < len;) {
            ssize_t n = write(fd, parts[i] + done, len - done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            done += (size_t)n;
        }
    return true;
}

void tw_deadline_in(tw_deadline *d, double seconds)
{
    clock_gettime(CLOCK_MONOTONIC, &d->at);
    d->at.tv_sec += (time_t)seconds;
    d->at.tv_nsec += (long)((seconds - (double)(time_t)seconds) * 1e9);
    if (d->at.tv_nsec >= 1000000000L) {
        d->at.tv_sec++;
        d->at.tv_nsec -= 1000000000L;
    }
}

bool tw_deadline_tell(void *ctx, const char *step)
{
    (void)step;
    const tw_deadline *d = ctx;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec < d->at.tv_sec ||
           (now.tv_sec == d->at.tv_sec && now.tv_nsec < d->at.tv_nsec);
}

bool tw_apart_tell(void *ctx, const char *step)
{
    tw_apart *a = ctx;
    put_record(a->fd, "S", step);
    return true;
}

/* The child of PARENT: WORK done, its answer written, and out without
 * running what the parent's exit would (its stdio buffers, its atexit
 * handlers).  It ends with its parent: a trawl-index killed (kill -9, out
 * of memory) left its child compacting on its own, holding the index's
 * lock, which the fork shared with it, so that the next run was refused
 * as "locked by another writer" until the child was done.  (The parent's
 * thread that forked waits for the child, so none ends before it.) */
static void child(int fd, pid_t parent, tw_apart_work *work, void *arg)
{
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent)
        _exit(1);                   /* (the parent gone before the request) */
    prctl(PR_SET_DUMPABLE, 0);      /* no core file left in the user's folder */
    tw_apart a = { fd };
    char why[1024] = "", end[32];
    trawl_status st = work(arg, &a, why, sizeof why);
    snprintf(end, sizeof end, "E%d:", (int)st);
    _exit(put_record(fd, end, why) ? 0 : 1);
}

/* The records complete in GOT from *DONE on: each step to TELL; the answer
 * into *ST and err.  Returns false when TELL asks to stop. */
static bool read_records(tw_buf *got, size_t *done, tw_tell_step *tell, void *ctx,
                         bool *answered, trawl_status *st, char *err, size_t errlen)
{
    for (char *end; (end = memchr(got->data + *done, '\0', got->len - *done));) {
        const char *rec = got->data + *done;
        *done = (size_t)(end - got->data) + 1;
        if (rec[0] == 'S' && tell && !tell(ctx, rec + 1))
            return false;
        if (rec[0] == 'E') {
            char *colon;
            *st = (trawl_status)strtol(rec + 1, &colon, 10);
            snprintf(err, errlen, "%s", *colon == ':' ? colon + 1 : "");
            *answered = true;
        }
    }
    return true;
}

trawl_status tw_apart_run(tw_apart_work *work, void *arg, tw_tell_step *tell, void *ctx,
                          int *signal, bool *answered_out, char *err, size_t errlen)
{
    if (signal)
        *signal = 0;
    if (answered_out)
        *answered_out = false;
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        return TRAWL_EIO;
    }
    pid_t parent = getpid(), pid = fork();
    if (pid == 0) {
        close(fds[0]);
        child(fds[1], parent, work, arg);
    }
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        snprintf(err, errlen, "%s", strerror(errno));
        return TRAWL_EIO;
    }
    tw_buf got = { 0 };
    size_t done = 0;
    bool answered = false, go_on = true;
    trawl_status st = TRAWL_EINTERNAL;
    while (go_on) {
        struct pollfd p = { .fd = fds[0], .events = POLLIN };
        int ready = poll(&p, 1, 100);
        if (ready <= 0) {
            if (ready < 0 && errno != EINTR)
                break;
            go_on = !tell || tell(ctx, NULL);
            continue;
        }
        char chunk[4096];
        ssize_t n = read(fds[0], chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || tw_buf_append(&got, chunk, (size_t)n) < 0)
            break;
        go_on = read_records(&got, &done, tell, ctx, &answered, &st, err, errlen);
    }
    if (!go_on)
        kill(pid, SIGKILL);
    close(fds[0]);
    tw_buf_free(&got);
    int status = 0;
    pid_t waited;
    while ((waited = waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
    }
    if (!go_on) {
        snprintf(err, errlen, "interrupted");
        return TRAWL_EINTR;
    }
    if (answered) {
        if (answered_out)
            *answered_out = true;
        return st;
    }
    if (waited == pid && WIFSIGNALED(status)) {
        if (signal)
            *signal = WTERMSIG(status);
        snprintf(err, errlen, "ended by %s", strsignal(WTERMSIG(status)));
    } else {
        snprintf(err, errlen, "ended without an answer");
    }
    return TRAWL_EINTERNAL;
}
