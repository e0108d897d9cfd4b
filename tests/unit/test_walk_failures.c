/* Unit tests: an incremental run that cannot read a folder keeps the
 * folder's articles, even when it runs out of memory remembering that folder
 * (issue 16, item 4: the removal of vanished files would then have deleted
 * them).  The tests run as root, which reads any folder, and a failed
 * allocation cannot be asked for: this program is linked with
 * -Wl,--wrap=opendir,--wrap=strdup (Makefile), so that opening, and copying
 * the name of, a folder called "sub" fail when a test says so.  A file
 * deleted during a run is gone, not a failure: --wrap=open deletes a file
 * called "gone.txt" as it is opened, after the walk met it, when a test
 * says so. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "trawl.h"

#include "scratch.h"

static bool fail_opendir, fail_strdup, unlink_gone;

/* Whether PATH names the folder the tests make fail. */
static bool is_sub(const char *path)
{
    size_t n = strlen(path);
    return n >= 4 && strcmp(path + n - 4, "/sub") == 0;
}

DIR *__real_opendir(const char *path);
DIR *__wrap_opendir(const char *path);
DIR *__wrap_opendir(const char *path)
{
    if (fail_opendir && is_sub(path)) {
        errno = EACCES;
        return NULL;
    }
    return __real_opendir(path);
}

char *__real_strdup(const char *s);
char *__wrap_strdup(const char *s);
char *__wrap_strdup(const char *s)
{
    if (fail_strdup && is_sub(s)) {
        errno = ENOMEM;
        return NULL;
    }
    return __real_strdup(s);
}

int __real_open(const char *path, int flags, ...);
int __wrap_open(const char *path, int flags, ...);
int __wrap_open(const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    mode_t mode = (flags & O_CREAT) ? (mode_t)va_arg(ap, int) : 0;
    va_end(ap);
    size_t n = strlen(path);
    if (unlink_gone && n >= 9 && strcmp(path + n - 9, "/gone.txt") == 0)
        unlink(path);
    return __real_open(path, flags, mode);
}

static char news[300], sub[320], index_dir[300], inner[340];

/* NEWS holds keep.txt and sub/inner.txt; both are indexed into INDEX_DIR. */
static int setup(void **state)
{
    (void)state;
    if (scratch_make() < 0)
        return -1;
    snprintf(news, sizeof news, "%s/news", dir);
    snprintf(sub, sizeof sub, "%s/sub", news);
    snprintf(inner, sizeof inner, "%s/inner.txt", sub);
    snprintf(index_dir, sizeof index_dir, "%s/index", dir);
    char keep[320];
    snprintf(keep, sizeof keep, "%s/keep.txt", news);
    if (mkdir(news, 0777) < 0 || mkdir(sub, 0777) < 0)
        return -1;
    scratch_write(keep, "Herons\n\nThe herons came back to the lake in March.\n");
    scratch_write(inner, "Otters\n\nOtters were seen below the weir for the first time.\n");
    trawl_indexer *ix;
    if (trawl_indexer_open(index_dir, NULL, &ix) != TRAWL_OK ||
        trawl_indexer_add_path(ix, news) != TRAWL_OK)
        return -1;
    return trawl_indexer_close(ix) == TRAWL_OK ? 0 : -1;
}

static uint64_t articles(void)
{
    trawl_db *db;
    uint64_t n = 0;
    assert_int_equal(trawl_db_open(index_dir, &db), TRAWL_OK);
    assert_int_equal(trawl_db_doc_count(db, &n), TRAWL_OK);
    trawl_db_close(db);
    return n;
}

/* Indexes NEWS again with the failures asked for; returns the files counted
 * as failed. */
static uint64_t reindex(bool opendir_fails, bool strdup_fails)
{
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(index_dir, NULL, &ix), TRAWL_OK);
    fail_opendir = opendir_fails;
    fail_strdup = strdup_fails;
    assert_int_equal(trawl_indexer_add_path(ix, news), TRAWL_OK);
    fail_opendir = fail_strdup = false;
    trawl_indexer_stats s;
    assert_int_equal(trawl_indexer_stats_get(ix, &s, sizeof s), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    return s.files_failed;
}

/* Indexes NEWS into the index at AT with options O (NULL: the defaults);
 * returns the run's counts. */
static trawl_indexer_stats index_news(const char *at, const trawl_indexer_opts *o)
{
    trawl_indexer *ix;
    trawl_indexer_stats s;
    assert_int_equal(trawl_indexer_open(at, o, &ix), TRAWL_OK);
    assert_int_equal(trawl_indexer_add_path(ix, news), TRAWL_OK);
    assert_int_equal(trawl_indexer_stats_get(ix, &s, sizeof s), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    return s;
}

/* The folder is remembered as failed: its article stays. */
static void unreadable_folder_kept(void **state)
{
    (void)state;
    assert_int_equal(articles(), 2);
    assert_int_equal(reindex(true, false), 1);
    assert_int_equal(articles(), 2);
}

/* The folder cannot be remembered either (no memory for its name): the run
 * removes nothing rather than the folder's article. */
static void unremembered_folder_kept(void **state)
{
    (void)state;
    assert_int_equal(articles(), 2);
    assert_int_equal(reindex(true, true), 1);
    assert_int_equal(articles(), 2);
}

/* Deletes later.txt once keep.txt, listed with it, is done: a file deleted
 * while the run read the files before it. */
static void delete_later(void *ctx, const trawl_progress *p)
{
    if (!p->path)
        return;     /* a step after the files (removing those gone) */
    size_t n = strlen(p->path);
    if (n >= 9 && strcmp(p->path + n - 9, "/keep.txt") == 0)
        unlink(ctx);
}

/* A file listed with its folder and deleted before the walk reached it is
 * gone, as if it had not been listed: its article goes, and the run has not
 * failed (it said "cannot read: No such file or directory", failed, and kept
 * the article). */
static void file_deleted_during_run(void **state)
{
    (void)state;
    char later[320];
    snprintf(later, sizeof later, "%s/later.txt", news);
    scratch_write(later, "Kites\n\nRed kites nest in the beeches again.\n");
    assert_int_equal(reindex(false, false), 0);
    assert_int_equal(articles(), 3);
    trawl_indexer_opts o = TRAWL_INDEXER_OPTS_INIT;
    o.on_progress = delete_later;
    o.ctx = later;
    trawl_indexer_stats s = index_news(index_dir, &o);
    assert_int_equal(access(later, F_OK), -1);
    assert_int_equal(s.files_failed, 0);
    assert_int_equal(s.files_removed, 1);
    assert_int_equal(articles(), 2);
}

/* A file deleted after the walk met it, before it was opened: gone too, in
 * an index that held it (its article goes; it was a failure that kept it)
 * and in a first build (no failure either). */
static void file_deleted_before_open(void **state)
{
    (void)state;
    char gone[320], fresh[320];
    snprintf(gone, sizeof gone, "%s/gone.txt", news);
    snprintf(fresh, sizeof fresh, "%s/fresh", dir);
    scratch_write(gone, "Swifts\n\nSwifts screamed over the old town at dusk.\n");
    assert_int_equal(reindex(false, false), 0);
    assert_int_equal(articles(), 3);
    /* Changed, so that the next run opens it, which deletes it. */
    scratch_write(gone, "Swifts\n\nSwifts screamed over the old town at dawn.\n");
    unlink_gone = true;
    trawl_indexer_stats s = index_news(index_dir, NULL);
    assert_int_equal(access(gone, F_OK), -1);
    assert_int_equal(s.files_failed, 0);
    assert_int_equal(s.files_removed, 1);
    assert_int_equal(articles(), 2);
    /* A first build, by bulk workers. */
    scratch_write(gone, "Swifts\n\nSwifts screamed over the old town at dusk.\n");
    s = index_news(fresh, NULL);
    unlink_gone = false;
    assert_int_equal(access(gone, F_OK), -1);
    assert_int_equal(s.files_failed, 0);
}

/* Runs last: with the folder readable, a file gone from it is removed, so
 * what the tests above kept was kept by the failure handling. */
static void vanished_file_removed(void **state)
{
    (void)state;
    assert_int_equal(unlink(inner), 0);
    assert_int_equal(reindex(false, false), 0);
    assert_int_equal(articles(), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unreadable_folder_kept),
        cmocka_unit_test(unremembered_folder_kept),
        cmocka_unit_test(file_deleted_during_run),
        cmocka_unit_test(file_deleted_before_open),
        cmocka_unit_test(vanished_file_removed),
    };
    return cmocka_run_group_tests(tests, setup, scratch_remove);
}
