/* Unit tests: trawl_indexer_compact rewrites an index grown by many commits
 * into a smaller generation that holds the same articles, tells its steps,
 * leaves alone the generation its own handle's merge or compaction made,
 * stops when interrupted, says what to do when its process is killed, and
 * refuses a handle that has no index. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <dirent.h>
#include <signal.h>
#include <unistd.h>

#include "trawl.h"

#include "scratch.h"

static int steps;           /* "compacting: ..." steps told to on_progress */

static void on_progress(void *ctx, const trawl_progress *p)
{
    (void)ctx;
    if (p->stage && strncmp(p->stage, "compacting: ", 12) == 0)
        steps++;
}

static trawl_indexer *open_ix(const char *path)
{
    trawl_indexer *ix;
    trawl_indexer_opts o = TRAWL_INDEXER_OPTS_INIT;
    o.on_progress = on_progress;
    assert_int_equal(trawl_indexer_open(path, &o, &ix), TRAWL_OK);
    return ix;
}

static uint64_t docs(const char *path)
{
    trawl_db *db;
    assert_int_equal(trawl_db_open(path, &db), TRAWL_OK);
    uint64_t n = 0;
    assert_int_equal(trawl_db_doc_count(db, &n), TRAWL_OK);
    trawl_db_close(db);
    return n;
}

/* One article a commit, each replaced once: the B-trees' blocks split and
 * the replaced articles' room is left behind. */
static void grow(trawl_indexer *ix, int n)
{
    char id[32], body[256];
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < n; i++) {
            snprintf(id, sizeof id, "a%03d", i);
            snprintf(body, sizeof body, "Dispatch %d of the harbour survey, round %d: "
                     "pilots counted word%d and word%d near the breakwater.", i, round,
                     i * 7 + round, i * 13);
            trawl_article a = { .id = id, .title = "Harbour survey", .body = body };
            assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
            assert_int_equal(trawl_indexer_commit(ix), TRAWL_OK);
        }
}

/* The generations in the index folder PATH. */
static int generations(const char *path)
{
    DIR *d = opendir(path);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += strncmp(e->d_name, "gen-", 4) == 0;
    closedir(d);
    return n;
}

static void shrinks_and_keeps(void **state)
{
    (void)state;
    char path[256];
    snprintf(path, sizeof path, "%s/grown", dir);
    trawl_indexer *ix = open_ix(path);
    grow(ix, 150);
    uint64_t before = 0, after = 0;
    steps = 0;
    assert_int_equal(trawl_indexer_compact(ix, &before, &after), TRAWL_OK);
    assert_true(after > 0);
    assert_true(after * 2 < before);    /* 150 commits: well over twice the size */
    assert_true(steps >= 3);            /* postlist, position, termlist... */
    assert_int_equal(docs(path), 150);
    /* Compacted just now and unchanged: nothing to rewrite. */
    steps = 0;
    uint64_t again_before = 0, again_after = 0;
    assert_int_equal(trawl_indexer_compact(ix, &again_before, &again_after), TRAWL_OK);
    assert_int_equal(steps, 0);
    assert_int_equal(again_before, after);
    assert_int_equal(again_after, after);
    /* Which the stats tell, as the sizes cannot: one rewrite so far. */
    trawl_indexer_stats s;
    assert_int_equal(trawl_indexer_stats_get(ix, &s, sizeof s), TRAWL_OK);
    assert_int_equal(s.compactions, 1);
    /* Written to after it: the handle goes on, and compacts again. */
    trawl_article a = { .id = "late", .title = "Late dispatch", .body = "quillwort" };
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    assert_int_equal(trawl_indexer_compact(ix, NULL, NULL), TRAWL_OK);
    assert_true(steps >= 3);
    assert_int_equal(trawl_indexer_stats_get(ix, &s, sizeof s), TRAWL_OK);
    assert_int_equal(s.compactions, 2);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    assert_int_equal(docs(path), 151);
}

/* An interrupt (trawl-index's Ctrl-C) made before the compaction stops it
 * before its first table: the old generation stays current and whole,
 * nothing of the new one is left, and the request is answered, so the next
 * compaction runs.  (A stop once it has begun is
 * interrupted_midway_holds_nothing's, and 35-compact.sh's.) */
static void interrupted(void **state)
{
    (void)state;
    char path[256];
    snprintf(path, sizeof path, "%s/stopped", dir);
    trawl_indexer *ix = open_ix(path);
    grow(ix, 40);
    assert_int_equal(generations(path), 1);
    trawl_indexer_interrupt(ix);
    steps = 0;
    uint64_t before = 1, after = 1;
    assert_int_equal(trawl_indexer_compact(ix, &before, &after), TRAWL_EINTR);
    assert_non_null(strstr(trawl_indexer_errmsg(ix), "interrupted"));
    assert_int_equal(steps, 0);
    assert_int_equal(before, 0);
    assert_int_equal(after, 0);
    assert_int_equal(generations(path), 1);
    assert_int_equal(docs(path), 40);
    /* The handle goes on: it writes, and compacts. */
    trawl_article a = { .id = "late", .title = "Late dispatch", .body = "quillwort" };
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    assert_int_equal(trawl_indexer_compact(ix, &before, &after), TRAWL_OK);
    assert_true(steps >= 3);
    assert_true(after < before);
    assert_int_equal(generations(path), 1);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    assert_int_equal(docs(path), 41);
}

/* Files under PATH this process holds open. */
static int open_under(const char *path)
{
    DIR *d = opendir("/proc/self/fd");
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        char link[300], target[512];
        snprintf(link, sizeof link, "/proc/self/fd/%s", e->d_name);
        ssize_t len = readlink(link, target, sizeof target - 1);
        if (len > 0) {
            target[len] = '\0';
            n += strncmp(target, path, strlen(path)) == 0;
        }
    }
    closedir(d);
    return n;
}

/* Interrupts the indexer at CTX as the compaction's first table begins. */
static void stop_at_first_table(void *ctx, const trawl_progress *p)
{
    if (p->stage && strncmp(p->stage, "compacting: ", 12) == 0)
        trawl_indexer_interrupt(*(trawl_indexer **)ctx);
}

/* Stopped once it has begun, Xapian's compaction kept the tables it wrote,
 * their buffers and their files, open, until the process ended: a program
 * that went on leaked them (valgrind: 107 KB for a 0.8 MB index), and the
 * removed copy's room on the disk.  It runs in a child process, which the
 * stop ends: after the handle is closed, nothing under the index is open. */
static void interrupted_midway_holds_nothing(void **state)
{
    (void)state;
    char path[256];
    snprintf(path, sizeof path, "%s/midway", dir);
    trawl_indexer *ix;
    trawl_indexer_opts o = TRAWL_INDEXER_OPTS_INIT;
    o.on_progress = stop_at_first_table;
    o.ctx = &ix;
    assert_int_equal(trawl_indexer_open(path, &o, &ix), TRAWL_OK);
    grow(ix, 40);
    assert_int_equal(trawl_indexer_compact(ix, NULL, NULL), TRAWL_EINTR);
    assert_non_null(strstr(trawl_indexer_errmsg(ix), "compacting: interrupted"));
    assert_int_equal(generations(path), 1);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    assert_int_equal(open_under(path), 0);
    assert_int_equal(docs(path), 40);
}

/* Kills the compaction's process, this thread's child, as its first table
 * begins: what the system does to a process when memory runs out. */
static void kill_at_first_table(void *ctx, const trawl_progress *p)
{
    (void)ctx;
    if (!p->stage || strncmp(p->stage, "compacting: ", 12) != 0)
        return;
    FILE *f = fopen("/proc/thread-self/children", "r");
    assert_non_null(f);
    int child = 0;
    assert_int_equal(fscanf(f, "%d", &child), 1);
    fclose(f);
    assert_int_equal(kill(child, SIGKILL), 0);
}

/* The compaction's process killed: it said "ended by Killed", and not
 * what became of the index nor what to do. */
static void killed_says_what_to_do(void **state)
{
    (void)state;
    char path[256];
    snprintf(path, sizeof path, "%s/killed", dir);
    trawl_indexer *ix;
    trawl_indexer_opts o = TRAWL_INDEXER_OPTS_INIT;
    o.on_progress = kill_at_first_table;
    assert_int_equal(trawl_indexer_open(path, &o, &ix), TRAWL_OK);
    grow(ix, 20);
    assert_int_equal(trawl_indexer_compact(ix, NULL, NULL), TRAWL_EINTERNAL);
    assert_non_null(strstr(trawl_indexer_errmsg(ix),
                           "compacting: ended by Killed: the index is as it was; run again"));
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    assert_int_equal(generations(path), 1);
    assert_int_equal(docs(path), 20);
}

static int ignore_article(void *ctx, const trawl_article *a)
{
    (void)ctx;
    (void)a;
    return 0;
}

static void refused(void **state)
{
    (void)state;
    uint64_t before = 1, after = 1;
    assert_int_equal(trawl_indexer_compact(NULL, &before, &after), TRAWL_EINVAL);
    assert_int_equal(before, 0);
    assert_int_equal(after, 0);
    trawl_indexer *ix;
    trawl_indexer_opts o = TRAWL_INDEXER_OPTS_INIT;
    o.on_extract = ignore_article;
    assert_int_equal(trawl_indexer_open(NULL, &o, &ix), TRAWL_OK);
    assert_int_equal(trawl_indexer_compact(ix, NULL, NULL), TRAWL_EINVAL);
    assert_non_null(strstr(trawl_indexer_errmsg(ix), "no index to compact"));
    trawl_indexer_close(ix);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shrinks_and_keeps),
        cmocka_unit_test(interrupted),
        cmocka_unit_test(interrupted_midway_holds_nothing),
        cmocka_unit_test(killed_says_what_to_do),
        cmocka_unit_test(refused),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_remove);
}
