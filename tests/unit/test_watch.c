/* Unit tests: the watch on an index's folders (query/watch.c), and a
 * long-lived handle that looks at its local shards' files only when the
 * kernel told of a change, yet sees each commit and rebuild at its next
 * search.  The program's own stat() counts the looks: the library, linked
 * in, calls it instead of the C library's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "trawl.h"
#include "watch.h"

#include "scratch.h"

/* Looks at an index's stub or a generation's version file. */
static unsigned looks;

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && strcmp(s + n - t, tail) == 0;
}

int stat(const char *restrict path, struct stat *restrict st)
{
    if (ends_with(path, "/XAPIANDB") || ends_with(path, "/iamglass"))
        looks++;
    return fstatat(AT_FDCWD, path, st, 0);
}

/* Watches made, counted as stat's looks are; made through the system call,
 * as the C library's would. */
static unsigned watches;

int inotify_init1(int flags)
{
    watches++;
    return (int)syscall(SYS_inotify_init1, flags);
}

static void scratch_path(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s", dir, name);
}

/* A new folder NAME of the scratch folder, its path in FOLDER, watched by
 * the watch returned, which has nothing to tell yet. */
static tw_watch *watched_folder(const char *name, char *folder, size_t size)
{
    scratch_path(folder, size, name);
    assert_int_equal(mkdir(folder, 0755), 0);
    tw_watch *w = tw_watch_new();
    assert_non_null(w);
    tw_watch_add(w, folder);
    assert_false(tw_watch_stirred(w));
    return w;
}

static void folder_changes_stir(void **state)
{
    (void)state;
    char folder[256], file[300], moved[300];
    tw_watch *w = watched_folder("watched", folder, sizeof folder);
    snprintf(file, sizeof file, "%s/v.tmp", folder);
    scratch_write(file, "1");
    assert_true(tw_watch_stirred(w));
    assert_false(tw_watch_stirred(w));      /* told once */
    snprintf(moved, sizeof moved, "%s/iamglass", folder);
    assert_int_equal(rename(file, moved), 0);
    assert_true(tw_watch_stirred(w));
    assert_false(tw_watch_stirred(w));
    assert_int_equal(unlink(moved), 0);
    assert_true(tw_watch_stirred(w));
    assert_int_equal(rmdir(folder), 0);
    assert_true(tw_watch_stirred(w));
    tw_watch_free(w);
    assert_true(tw_watch_stirred(NULL));    /* no watch: always maybe */
    tw_watch_free(NULL);
}

/* A child forked after the watch was made must not read its queue, which
 * is its parent's too: it looks every time, and the parent still hears of
 * what happens after. */
static void forked_child_is_blind(void **state)
{
    (void)state;
    char folder[256], file[300];
    tw_watch *w = watched_folder("forked", folder, sizeof folder);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0)
        _exit(tw_watch_stirred(w) && tw_watch_stirred(w) ? 0 : 1);
    int status;
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    snprintf(file, sizeof file, "%s/stub", folder);
    scratch_write(file, "gen-2");
    assert_true(tw_watch_stirred(w));
    assert_false(tw_watch_stirred(w));
    tw_watch_free(w);
}

/* Adds article ID about herons to index NAME; OVERWRITE starts it anew. */
static void add_heron(const char *name, const char *id, int overwrite)
{
    char path[256];
    scratch_path(path, sizeof path, name);
    trawl_indexer_opts o = TRAWL_INDEXER_OPTS_INIT;
    o.overwrite = overwrite;
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(path, &o, &ix), TRAWL_OK);
    trawl_article a = { .id = id, .title = "Herons on the marsh",
                        .body = "Herons were counted on the marsh this spring." };
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
}

static size_t herons(trawl_db *db)
{
    trawl_search_opts o = TRAWL_SEARCH_OPTS_INIT;
    o.no_collapse = 1;
    trawl_results *res;
    if (trawl_search(db, "herons", &o, &res) != TRAWL_OK)
        fail_msg("herons: %s", trawl_db_errmsg(db));
    size_t n = trawl_results_count(res);
    trawl_results_free(res);
    return n;
}

static void unchanged_shards_not_looked_at(void **state)
{
    (void)state;
    char path[256];
    add_heron("east", "e1", 0);
    add_heron("west", "w1", 0);
    trawl_db *db;
    /* Opened and searched once, as trawl-query searches, a handle makes no
     * watch: closing one waits for the kernel (10-25 ms), longer than the
     * search.  Its second search makes one, and looks as without. */
    watches = 0;
    scratch_path(path, sizeof path, "east");
    assert_int_equal(trawl_db_open(path, &db), TRAWL_OK);
    scratch_path(path, sizeof path, "west");
    assert_int_equal(trawl_db_add_shard(db, path), TRAWL_OK);
    assert_int_equal(herons(db), 2);
    assert_int_equal(watches, 0);
    looks = 0;
    assert_int_equal(herons(db), 2);
    assert_int_equal(watches, 1);
    assert_int_equal(looks, 4);
    /* Then no look: without the watch, two a shard and a search, 80 here. */
    looks = 0;
    for (int i = 0; i < 20; i++)
        assert_int_equal(herons(db), 2);
    assert_int_equal(looks, 0);
    /* A commit, and then a rebuild that replaces the generation: each seen
     * at once, by looking. */
    add_heron("west", "w2", 0);
    assert_int_equal(herons(db), 3);
    assert_true(looks > 0);
    add_heron("east", "e9", 1);
    assert_int_equal(herons(db), 3);
    /* The old generation's folder is told gone once the handle lets go of
     * its files: one more look. */
    assert_int_equal(herons(db), 3);
    looks = 0;
    for (int i = 0; i < 5; i++)
        assert_int_equal(herons(db), 3);
    assert_int_equal(looks, 0);
    trawl_db_close(db);
}

/* A look that fails fails at each call after it, not only at the first:
 * the watch has told of the change once. */
static void failed_look_is_repeated(void **state)
{
    (void)state;
    char path[256], stub[300];
    add_heron("damaged", "d1", 0);
    trawl_db *db;
    scratch_path(path, sizeof path, "damaged");
    assert_int_equal(trawl_db_open(path, &db), TRAWL_OK);
    assert_int_equal(herons(db), 1);
    snprintf(stub, sizeof stub, "%s/XAPIANDB", path);
    scratch_write(stub, "glbss gen-1\n");
    trawl_results *res;
    for (int i = 0; i < 3; i++)
        assert_int_equal(trawl_search(db, "herons", NULL, &res), TRAWL_ECORRUPT);
    trawl_db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(folder_changes_stir),
        cmocka_unit_test(forked_child_is_blind),
        cmocka_unit_test(unchanged_shards_not_looked_at),
        cmocka_unit_test(failed_look_is_repeated),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_remove);
}
