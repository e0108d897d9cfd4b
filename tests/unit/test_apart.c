/* Unit tests: work done apart (indexer/store/apart.h) ends with the process
 * that started it.  A trawl-index killed (kill -9, an out-of-memory kill)
 * in the middle of a compaction left its child compacting on its own: the
 * child kept the index's lock, which it shares with its parent, and the
 * next trawl-index was refused as "locked by another writer" for as long
 * as the compaction took. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <cmocka.h>
#include <errno.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "store/apart.h"

/* Work that says its process id on the pipe ARG, then waits for ever. */
static trawl_status wait_for_ever(void *arg, tw_apart *apart, char *err, size_t errlen)
{
    (void)apart;
    (void)err;
    (void)errlen;
    pid_t me = getpid();
    if (write(*(int *)arg, &me, sizeof me) != (ssize_t)sizeof me)
        return TRAWL_EIO;
    for (;;)
        pause();
}

/* Reaps PID, a child of this process, within about ten seconds; its wait
 * status into *STATUS.  False when it is still running then. */
static bool reaped(pid_t pid, int *status)
{
    struct timespec tick = { 0, 10 * 1000 * 1000 };
    for (int i = 0; i < 1000; i++) {
        pid_t got = waitpid(pid, status, WNOHANG);
        if (got == pid)
            return true;
        if (got < 0 && errno != EINTR)
            return false;
        nanosleep(&tick, NULL);
    }
    return false;
}

static void child_ends_with_its_parent(void **state)
{
    (void)state;
    /* The work's process, orphaned, is this one's to reap. */
    assert_int_equal(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t parent = fork();
    assert_true(parent >= 0);
    if (parent == 0) {
        char err[256];
        trawl_status st = tw_apart_run(wait_for_ever, &fds[1], NULL, NULL, NULL, err,
                                       sizeof err);
        _exit((int)st);
    }
    pid_t work;
    assert_int_equal(read(fds[0], &work, sizeof work), sizeof work);
    close(fds[0]);
    close(fds[1]);
    assert_int_equal(kill(parent, SIGKILL), 0);
    int status;
    assert_true(reaped(parent, &status));
    bool ended = reaped(work, &status);
    if (!ended) {
        kill(work, SIGKILL);
        waitpid(work, &status, 0);
    }
    assert_true(ended);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGKILL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(child_ends_with_its_parent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
