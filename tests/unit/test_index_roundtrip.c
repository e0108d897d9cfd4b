/* Unit tests through the library: what is indexed reads back intact. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "trawl.h"

static char dir[] = "/tmp/trawl-test-roundtrip-XXXXXX";

/* Xapian 1.4.22 corrupts some highly compressible stored tags a little over a
 * multiple of its 8 KiB block size.  Articles whose stored text is one word
 * repeated, at every size around those multiples, must all read back. */
static void repetitive_bodies_read_back(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/db", dir);
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(path, NULL, &ix), TRAWL_OK);
    static char body[70000];
    size_t n_articles = 0;
    size_t sizes[][2] = { { 8150, 8300 }, { 16400, 16520 }, { 65480, 65620 } };
    for (size_t r = 0; r < 3; r++)
        for (size_t len = sizes[r][0]; len < sizes[r][1]; len++) {
            for (size_t i = 0; i < len; i++)
                body[i] = "egret "[i % 6];
            body[len] = '\0';
            char id[32];
            snprintf(id, sizeof id, "r/%zu", len);
            trawl_article a = { .id = id, .title = "egrets", .body = body };
            assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
            n_articles++;
        }
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);

    trawl_db *db;
    assert_int_equal(trawl_db_open(path, &db), TRAWL_OK);
    trawl_search_opts opts = { .limit = 1000 };
    trawl_results *res = NULL;
    trawl_status st = trawl_search(db, "egret", &opts, &res);
    if (st != TRAWL_OK)
        fail_msg("search failed: %s", trawl_db_errmsg(db));
    assert_int_equal(trawl_results_count(res), n_articles);
    for (size_t i = 0; i < n_articles; i++)
        assert_non_null(strstr(trawl_results_hit(res, i)->snippet, "egret"));
    trawl_results_free(res);
    trawl_db_close(db);
}

static size_t hits(trawl_db *db, const char *query)
{
    trawl_results *res = NULL;
    trawl_search_opts opts = { .exact_count = 1, .no_snippets = 1 };
    if (trawl_search(db, query, &opts, &res) != TRAWL_OK)
        fail_msg("search failed: %s", trawl_db_errmsg(db));
    size_t n = (size_t)trawl_results_total(res);
    trawl_results_free(res);
    return n;
}

/* A reader opened once keeps seeing each new commit of a writer, and never what
 * the writer has not committed. */
static void long_lived_reader_follows_commits(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/live", dir);
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(path, NULL, &ix), TRAWL_OK);
    trawl_article a = { .id = "live/1", .title = "First kestrel", .body = "kestrel" };
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    assert_int_equal(trawl_indexer_commit(ix), TRAWL_OK);

    trawl_db *db;
    assert_int_equal(trawl_db_open(path, &db), TRAWL_OK);
    assert_int_equal(hits(db, "kestrel"), 1);
    for (int round = 2; round <= 30; round++) {
        char id[32], body[64];
        snprintf(id, sizeof id, "live/%d", round);
        snprintf(body, sizeof body, "kestrel number %d hovering", round);
        trawl_article b = { .id = id, .title = "Another kestrel", .body = body };
        assert_int_equal(trawl_indexer_add_article(ix, &b), TRAWL_OK);
        assert_int_equal(hits(db, "kestrel"), (size_t)round - 1);   /* not committed */
        assert_int_equal(trawl_indexer_commit(ix), TRAWL_OK);
        assert_int_equal(hits(db, "kestrel"), (size_t)round);
    }
    uint64_t n;
    assert_int_equal(trawl_db_doc_count(db, &n), TRAWL_OK);
    assert_int_equal(n, 30);
    trawl_db_close(db);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
}

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(repetitive_bodies_read_back),
        cmocka_unit_test(long_lived_reader_follows_commits),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
