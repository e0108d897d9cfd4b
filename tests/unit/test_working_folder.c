/* Unit tests: handles opened by a relative path keep to the index they
 * opened when the program changes its working folder afterwards (a daemon's
 * chdir("/"), a program that walks folders).  The reader looked for the
 * index's files from the new folder, and read the index of that name there
 * or none; the writer had Xapian write its version file there, which
 * damaged an index of that name (and its own), and returned TRAWL_OK.  Each
 * test puts an index of the same name in the folder it moves to. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "trawl.h"

#include "scratch.h"

/* Adds article ID with BODY to the index at PATH. */
static void add(const char *path, const char *id, const char *body)
{
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(path, NULL, &ix), TRAWL_OK);
    trawl_article a = { .id = id, .body = body };
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
}

/* The number of articles of the index at PATH that hold WORD, or -1 when
 * it cannot be searched. */
static long count(const char *path, const char *word)
{
    trawl_db *db;
    trawl_results *res;
    trawl_search_opts o = TRAWL_SEARCH_OPTS_INIT;
    o.no_collapse = 1;
    o.limit = 100;
    long n = -1;
    if (trawl_db_open(path, &db) == TRAWL_OK && trawl_search(db, word, &o, &res) == TRAWL_OK) {
        n = (long)trawl_results_count(res);
        trawl_results_free(res);
    }
    trawl_db_close(db);
    return n;
}

/* FOLDER (a new folder of the scratch folder) and, in it, an index named
 * "news" holding one article about otters: the folder moved to. */
static void other_folder(const char *folder)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, folder);
    assert_int_equal(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/%s/news", dir, folder);
    add(path, "o1", "Otters were seen on the river.");
}

static void reader_keeps_its_index(void **state)
{
    (void)state;
    char here[4096], home[256];
    assert_non_null(getcwd(here, sizeof here));
    snprintf(home, sizeof home, "%s/home1", dir);
    assert_int_equal(mkdir(home, 0755), 0);
    assert_int_equal(chdir(home), 0);
    add("news", "h1", "Herons nest on the marsh.");
    add("news", "h2", "Herons were counted in spring.");
    other_folder("away1");

    trawl_db *db;
    assert_int_equal(trawl_db_open("news", &db), TRAWL_OK);
    assert_int_equal(chdir("../away1"), 0);
    /* A commit to the index opened, from the folder it is in: the handle
     * reads it there. */
    char path[300];
    snprintf(path, sizeof path, "%s/news", home);
    add(path, "h3", "Herons again.");
    trawl_results *res;
    assert_int_equal(trawl_search(db, "herons", NULL, &res), TRAWL_OK);
    assert_int_equal(trawl_results_count(res), 3);
    trawl_results_free(res);
    uint64_t n;
    assert_int_equal(trawl_db_doc_count(db, &n), TRAWL_OK);
    assert_int_equal(n, 3);
    trawl_db_info info;
    assert_int_equal(trawl_db_info_get(db, &info, sizeof info), TRAWL_OK);
    assert_string_equal(info.path, "news");     /* named as given */
    assert_true(info.size_bytes > 0);
    trawl_db_close(db);
    assert_int_equal(chdir(here), 0);
}

/* An indexer adding articles one by one, and one building a new index in
 * bulk from a folder, each opened by a relative path before the move. */
static void writer_keeps_its_index(void **state)
{
    (void)state;
    char here[4096], home[256], path[300], files[300];
    assert_non_null(getcwd(here, sizeof here));
    snprintf(home, sizeof home, "%s/home2", dir);
    assert_int_equal(mkdir(home, 0755), 0);
    assert_int_equal(chdir(home), 0);
    other_folder("away2");

    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open("news", NULL, &ix), TRAWL_OK);
    trawl_article a = { .id = "h1", .body = "Herons nest on the marsh." };
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    assert_int_equal(trawl_indexer_commit(ix), TRAWL_OK);
    assert_int_equal(chdir("../away2"), 0);
    a.id = "h2";
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    assert_int_equal(trawl_indexer_commit(ix), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    assert_int_equal(count("news", "otters"), 1);
    assert_int_equal(count("news", "herons"), 0);
    snprintf(path, sizeof path, "%s/news", home);
    assert_int_equal(count(path, "herons"), 2);

    /* A bulk build: a new index, its first files added after the move. */
    assert_int_equal(chdir(home), 0);
    snprintf(files, sizeof files, "%s/files", dir);
    assert_int_equal(mkdir(files, 0755), 0);
    snprintf(path, sizeof path, "%s/files/egret.txt", dir);
    scratch_write(path, "Egrets\n\nEgrets and herons share the marsh.\n");
    trawl_indexer_opts o = TRAWL_INDEXER_OPTS_INIT;
    o.jobs = 2;
    assert_int_equal(trawl_indexer_open("bulk", &o, &ix), TRAWL_OK);
    assert_int_equal(chdir("../away2"), 0);
    assert_int_equal(mkdir("bulk", 0755), 0);   /* a folder of that name here */
    assert_int_equal(trawl_indexer_add_path(ix, files), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    snprintf(path, sizeof path, "%s/bulk", home);
    assert_int_equal(count(path, "egrets"), 1);
    assert_int_equal(count("news", "otters"), 1);
    assert_int_equal(chdir(here), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reader_keeps_its_index),
        cmocka_unit_test(writer_keeps_its_index),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_remove);
}
