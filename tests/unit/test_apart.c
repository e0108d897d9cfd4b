/* Unit tests: work done apart (indexer/store/apart.h) ends at its time
 * limit, and with the process that started it, and its own failure is
 * told apart from one to start it.  --check's child had
 * neither: Xapian's check going round a loop in a damaged table ran until
 * someone killed it, and a trawl-index killed left it running -- a
 * compaction's child holding the index's lock it shares by the fork, so
 * that the next run was refused as "locked by another writer". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "store/apart.h"

/* Work that sends its process id down the pipe ARG names, when it names
 * one, and then takes half a minute. */
static trawl_status slow_work(void *arg, tw_apart *apart, char *err, size_t errlen)
{
    (void)apart;
    const int *fd = arg;
    if (fd) {
        pid_t me = getpid();
        if (write(*fd, &me, sizeof me) != (ssize_t)sizeof me)
            _exit(3);
    }
    sleep(30);
    snprintf(err, errlen, "done");
    return TRAWL_OK;
}

static void work_past_its_deadline_is_ended(void **state)
{
    (void)state;
    tw_deadline d;
    tw_deadline_in(&d, 0.3);
    char err[128] = "";
    bool answered = true;
    assert_int_equal(tw_apart_run(slow_work, NULL, tw_deadline_tell, &d, NULL, &answered, err,
                                  sizeof err),
                     TRAWL_EINTR);
    assert_string_equal(err, "interrupted");
    assert_false(answered);
}

/* Work that fails as a disk full of the child's tables would. */
static trawl_status failing_work(void *arg, tw_apart *apart, char *err, size_t errlen)
{
    (void)arg;
    (void)apart;
    snprintf(err, errlen, "compacting: No space left on device");
    return TRAWL_EIO;
}

/* A child's own answer is told apart from a child that could not start,
 * which has the same status: a compaction that could not write its tables
 * said "compacting: cannot start a process: compacting: ...". */
static void the_childs_own_failure_is_its_answer(void **state)
{
    (void)state;
    char err[128] = "";
    bool answered = false;
    assert_int_equal(tw_apart_run(failing_work, NULL, NULL, NULL, NULL, &answered, err,
                                  sizeof err),
                     TRAWL_EIO);
    assert_true(answered);
    assert_string_equal(err, "compacting: No space left on device");
}

static void a_deadline_to_come_goes_on(void **state)
{
    (void)state;
    tw_deadline d;
    tw_deadline_in(&d, 3600);
    assert_true(tw_deadline_tell(&d, NULL));
    tw_deadline_in(&d, 0);
    assert_false(tw_deadline_tell(&d, NULL));
}

/* Whether process PID is gone (or a zombie that no one has reaped yet). */
static bool gone(pid_t pid)
{
    char path[64], stat[256] = "";
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return true;
    size_t n = fread(stat, 1, sizeof stat - 1, f);
    fclose(f);
    stat[n] = '\0';
    const char *state = strrchr(stat, ')');
    return state && (state[2] == 'Z' || state[2] == 'X');
}

static void the_child_dies_with_its_parent(void **state)
{
    (void)state;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t parent = fork();
    assert_true(parent >= 0);
    if (parent == 0) {
        char err[128];
        close(fds[0]);
        trawl_status st = tw_apart_run(slow_work, &fds[1], NULL, NULL, NULL, NULL, err, sizeof err);
        _exit(st == TRAWL_OK ? 0 : 1);
    }
    close(fds[1]);
    pid_t child = 0;
    assert_int_equal(read(fds[0], &child, sizeof child), (ssize_t)sizeof child);
    close(fds[0]);
    assert_false(gone(child));
    kill(parent, SIGKILL);
    assert_int_equal(waitpid(parent, NULL, 0), parent);
    /* Within ten seconds, not the thirty of its work. */
    for (int i = 0; i < 1000 && !gone(child); i++)
        usleep(10000);
    bool ended = gone(child);
    if (!ended)
        kill(child, SIGKILL);
    assert_true(ended);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(work_past_its_deadline_is_ended),
        cmocka_unit_test(a_deadline_to_come_goes_on),
        cmocka_unit_test(the_childs_own_failure_is_its_answer),
        cmocka_unit_test(the_child_dies_with_its_parent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
