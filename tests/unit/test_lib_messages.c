/* Unit tests: the library's error messages talk to a program (issue 16): they
 * say what is wrong and name no command of the tools ("no index at PATH", not
 * "build one with 'trawl-index -d ...'"); trawl-index and trawl-query add
 * their commands (tests/e2e); and a handle whose open failed, a reader's
 * or a writer's, says so to the calls made on it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "trawl.h"

#include "scratch.h"

/* MSG is the message WANT, with no tool command in it. */
static void assert_for_programs(const char *msg, const char *want)
{
    assert_string_equal(msg, want);
    assert_null(strstr(msg, "trawl-index"));
    assert_null(strstr(msg, "trawl-query"));
    assert_null(strstr(msg, "--"));     /* --full, --stem, --shard: a tool's options */
}

static void no_index(void **state)
{
    (void)state;
    char path[256], want[512];
    snprintf(path, sizeof path, "%s/none", dir);
    trawl_db *db;
    assert_int_equal(trawl_db_open(path, &db), TRAWL_ENOINDEX);
    snprintf(want, sizeof want, "no index at %s", path);
    assert_for_programs(trawl_db_errmsg(db), want);
    trawl_db_close(db);
}

/* A folder of other files: not an index to read, nor a place to write one. */
static void other_files(void **state)
{
    (void)state;
    char path[256], file[300], want[512];
    snprintf(path, sizeof path, "%s/papers", dir);
    assert_int_equal(mkdir(path, 0777), 0);
    snprintf(file, sizeof file, "%s/notes.txt", path);
    scratch_write(file, "not an index\n");
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(path, NULL, &ix), TRAWL_EINVAL);
    snprintf(want, sizeof want, "%s is not empty and holds no index: an index goes in a new or "
             "empty folder", path);
    assert_for_programs(trawl_indexer_errmsg(ix), want);
    trawl_indexer_close(ix);
    trawl_db *db;
    assert_int_equal(trawl_db_open(path, &db), TRAWL_ENOINDEX);
    snprintf(want, sizeof want, "%s is not an index", path);
    assert_for_programs(trawl_db_errmsg(db), want);
    trawl_db_close(db);
}

/* Writes an index of one article at PATH. */
static void write_index(const char *path)
{
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(path, NULL, &ix), TRAWL_OK);
    trawl_article a = { .id = "a", .title = "Herons", .body = "Herons nest." };
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
}

/* A damaged stub: what is wrong and how to mend it, in terms of files. */
static void damaged_stub(void **state)
{
    (void)state;
    char path[256], stub[300];
    snprintf(path, sizeof path, "%s/idx", dir);
    write_index(path);
    trawl_indexer *ix;
    snprintf(stub, sizeof stub, "%s/XAPIANDB", path);
    scratch_write(stub, "glbss gen-4\n");
    assert_int_equal(trawl_indexer_open(path, NULL, &ix), TRAWL_ECORRUPT);
    const char *msg = trawl_indexer_errmsg(ix);
    assert_non_null(strstr(msg, "is damaged"));
    assert_non_null(strstr(msg, "rebuild it from the articles"));
    assert_null(strstr(msg, "trawl-index"));
    trawl_indexer_close(ix);
}

/* An index moved away while a handle has it open (a server's), which
 * searched it just before: the calls that read say which index is gone,
 * and where they looked, each of them. */
static void moved_away(void **state)
{
    (void)state;
    char path[256], moved[300], want[512];
    snprintf(path, sizeof path, "%s/kept", dir);
    snprintf(moved, sizeof moved, "%s/kept.old", dir);
    write_index(path);
    trawl_db *db;
    assert_int_equal(trawl_db_open(path, &db), TRAWL_OK);
    trawl_results *res;
    assert_int_equal(trawl_search(db, "herons", NULL, &res), TRAWL_OK);
    trawl_results_free(res);
    assert_int_equal(rename(path, moved), 0);
    assert_int_equal(trawl_search(db, "herons", NULL, &res), TRAWL_ENOINDEX);
    snprintf(want, sizeof want, "no index at %s any more (moved or deleted): "
             "open it where it is now", path);
    assert_for_programs(trawl_db_errmsg(db), want);
    uint64_t n;
    assert_int_equal(trawl_db_doc_count(db, &n), TRAWL_ENOINDEX);
    assert_non_null(strstr(trawl_db_errmsg(db), path));
    trawl_db_close(db);
}

/* The handle a failed open leaves (here: the index is locked) is for its
 * message; a call that would write through it says it has no index open,
 * not that its argument was missing. */
static void failed_open_handle(void **state)
{
    (void)state;
    char path[256];
    snprintf(path, sizeof path, "%s/busy", dir);
    write_index(path);
    trawl_indexer *holder, *ix;
    assert_int_equal(trawl_indexer_open(path, NULL, &holder), TRAWL_OK);
    assert_int_equal(trawl_indexer_open(path, NULL, &ix), TRAWL_ELOCKED);
    const char *want = "this indexer has no index open to write to (its open failed, or "
                       "opening the index again after a bulk build did): close it";
    assert_int_equal(trawl_indexer_add_path(ix, path), TRAWL_EINVAL);
    assert_for_programs(trawl_indexer_errmsg(ix), want);
    trawl_article a = { .id = "b", .body = "Egrets" };
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_EINVAL);
    assert_for_programs(trawl_indexer_errmsg(ix), want);
    assert_int_equal(trawl_indexer_remove(ix, "a"), TRAWL_EINVAL);
    assert_for_programs(trawl_indexer_errmsg(ix), want);
    assert_int_equal(trawl_indexer_commit(ix), TRAWL_EINVAL);
    assert_for_programs(trawl_indexer_errmsg(ix), want);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(holder), TRAWL_OK);
}

/* The handle a failed open of a reader leaves holds no index: each call
 * that reads says so, where they answered as an empty index would (0
 * articles, no such id, an empty walk) and a search failed with what Xapian
 * says of a database it never opened.  An index added to it is searched. */
static void failed_open_reader(void **state)
{
    (void)state;
    char path[256], good[256];
    snprintf(path, sizeof path, "%s/none", dir);
    snprintf(good, sizeof good, "%s/good", dir);
    write_index(good);
    trawl_db *db;
    assert_int_equal(trawl_db_open(path, &db), TRAWL_ENOINDEX);
    const char *want = "this handle has no index open (its open failed): close it, or add "
                       "an index with trawl_db_add_shard";
    uint64_t n = 7;
    assert_int_equal(trawl_db_doc_count(db, &n), TRAWL_EINVAL);
    assert_int_equal(n, 0);
    assert_for_programs(trawl_db_errmsg(db), want);
    trawl_results *res;
    assert_int_equal(trawl_search(db, "herons", NULL, &res), TRAWL_EINVAL);
    assert_null(res);
    assert_for_programs(trawl_db_errmsg(db), want);
    trawl_db_info info;
    assert_int_equal(trawl_db_info_get(db, &info, sizeof info), TRAWL_EINVAL);
    trawl_article *a;
    assert_int_equal(trawl_db_get_article(db, "a", &a), TRAWL_EINVAL);
    assert_for_programs(trawl_db_errmsg(db), want);
    trawl_ids *ids;
    const char *id;
    assert_int_equal(trawl_db_ids(db, NULL, &ids), TRAWL_OK);
    assert_int_equal(trawl_ids_next(ids, &id), TRAWL_EINVAL);
    trawl_ids_free(ids);
    assert_int_equal(trawl_db_add_shard(db, good), TRAWL_OK);
    assert_int_equal(trawl_search(db, "herons", NULL, &res), TRAWL_OK);
    assert_int_equal(trawl_results_count(res), 1);
    trawl_results_free(res);
    trawl_db_close(db);
}

/* A call given no place for its answer fails with TRAWL_EINVAL and says
 * so: the message was that of an earlier failure ("no article with id
 * ...", "empty query: ..."), which sent the programmer after the wrong
 * call, or "" when there had been none. */
static void missing_out_pointer(void **state)
{
    (void)state;
    char path[256];
    snprintf(path, sizeof path, "%s/outs", dir);
    write_index(path);
    trawl_db *db;
    assert_int_equal(trawl_db_open(path, &db), TRAWL_OK);
    trawl_article *a;
    assert_int_equal(trawl_db_get_article(db, "nothing here", &a), TRAWL_ENOTFOUND);
    assert_int_equal(trawl_search(db, "herons", NULL, NULL), TRAWL_EINVAL);
    assert_for_programs(trawl_db_errmsg(db), "no place given for the results");
    assert_int_equal(trawl_db_doc_count(db, NULL), TRAWL_EINVAL);
    assert_for_programs(trawl_db_errmsg(db), "no place given for the count");
    assert_int_equal(trawl_db_get_article(db, "a", NULL), TRAWL_EINVAL);
    assert_for_programs(trawl_db_errmsg(db), "no place given for the article");
    assert_int_equal(trawl_db_ids(db, NULL, NULL), TRAWL_EINVAL);
    assert_for_programs(trawl_db_errmsg(db), "no place given for the ids");
    trawl_ids *ids;
    assert_int_equal(trawl_db_ids(db, NULL, &ids), TRAWL_OK);
    assert_int_equal(trawl_ids_next(ids, NULL), TRAWL_EINVAL);
    assert_for_programs(trawl_db_errmsg(db), "no place given for the next id");
    trawl_ids_free(ids);
    trawl_db_info info;
    assert_int_equal(trawl_db_info_get(db, NULL, sizeof info), TRAWL_EINVAL);
    assert_for_programs(trawl_db_errmsg(db), "no trawl_db_info given to fill");
    char want[128];
    snprintf(want, sizeof want, "a trawl_db_info of 8 bytes: it has at least %zu",
             offsetof(trawl_db_info, path) + sizeof(const char *));
    assert_int_equal(trawl_db_info_get(db, &info, 8), TRAWL_EINVAL);
    assert_for_programs(trawl_db_errmsg(db), want);
    trawl_db_close(db);
}

/* An index opened or added to with another stemmer, part or spelling of
 * its folders than it was built with: the message says what to give or do
 * in the options' own terms (stemmer, shard, overwrite), not trawl-index's. */
static void conflicting_options(void **state)
{
    (void)state;
    char path[256], src[300], link[300], file[320], want[2048];
    snprintf(path, sizeof path, "%s/conflict", dir);
    write_index(path);
    trawl_indexer_opts o = TRAWL_INDEXER_OPTS_INIT;
    o.stemmer = "french";
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(path, &o, &ix), TRAWL_EINVAL);
    snprintf(want, sizeof want, "index %s was built with stemmer 'auto', not 'french': give "
             "no stemmer to add to it with its own, or overwrite it to rebuild it from the "
             "articles with the stemmer 'french'", path);
    assert_for_programs(trawl_indexer_errmsg(ix), want);
    trawl_indexer_close(ix);

    o.stemmer = NULL;
    o.shard = 1;
    o.shards = 2;
    assert_int_equal(trawl_indexer_open(path, &o, &ix), TRAWL_EINVAL);
    snprintf(want, sizeof want, "index %s holds its whole collection, not shard 1/2 of it: "
             "give no shard to add to it, or overwrite it to rebuild it from the articles "
             "as shard 1/2", path);
    assert_for_programs(trawl_indexer_errmsg(ix), want);
    trawl_indexer_close(ix);

    snprintf(src, sizeof src, "%s/news", dir);
    snprintf(link, sizeof link, "%s/feed", dir);
    snprintf(file, sizeof file, "%s/egrets.txt", src);
    assert_int_equal(mkdir(src, 0777), 0);
    scratch_write(file, "Egrets\n\nEgrets wade.\n");
    assert_int_equal(symlink(src, link), 0);
    assert_int_equal(trawl_indexer_open(path, NULL, &ix), TRAWL_OK);
    assert_int_equal(trawl_indexer_add_path(ix, src), TRAWL_OK);
    assert_int_equal(trawl_indexer_add_path(ix, link), TRAWL_EINVAL);
    snprintf(want, sizeof want, "index %s names the files of '%s' from '%s', as an earlier "
             "run was given them (ids are paths as given: each article would be indexed "
             "twice): give the path as that run did, or overwrite the index to rebuild it "
             "from the articles with their names from '%s'", path, link, src, link);
    assert_for_programs(trawl_indexer_errmsg(ix), want);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_index),
        cmocka_unit_test(other_files),
        cmocka_unit_test(damaged_stub),
        cmocka_unit_test(moved_away),
        cmocka_unit_test(failed_open_handle),
        cmocka_unit_test(failed_open_reader),
        cmocka_unit_test(missing_out_pointer),
        cmocka_unit_test(conflicting_options),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_remove);
}
