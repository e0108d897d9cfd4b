/* Unit tests through the library: a page of thousands of hits (trawl-query
 * -n 100000, a script that exports every match) is built a part at a time,
 * holding no more than 1,000 hits' records and documents at once, and each
 * hit still has its own article's fields and snippet across the parts'
 * edges. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "trawl.h"

#include "search_work.h"
#include "scratch.h"

/* More than two parts of 1,000 (search_xapian.cc's RECORDS_HELD). */
#define ARTICLES 2500

static trawl_db *db;

/* Words that make each article's text its own, so that none is folded into
 * another as a near-copy. */
static const char *const words[] = { "tide", "gull", "pier", "mast", "keel", "buoy",
                                     "reef", "cove", "wharf", "ferry", "crane", "dock" };

static int setup(void **state)
{
    (void)state;
    if (scratch_make() < 0)
        return -1;
    trawl_indexer *ix;
    if (trawl_indexer_open(dir, NULL, &ix) != TRAWL_OK)
        return -1;
    for (unsigned i = 0; i < ARTICLES; i++) {
        char id[32], title[64], body[512];
        snprintf(id, sizeof id, "story-%04u", i);
        snprintf(title, sizeof title, "Harbour story %u", i);
        int n = snprintf(body, sizeof body, "The harbour log numbered %u says", i);
        for (unsigned k = 0; k < 12; k++)
            n += snprintf(body + n, sizeof body - (size_t)n, " %s%u",
                          words[(i * 7 + k * 5) % 12], (i >> k) & 3);
        snprintf(body + n, sizeof body - (size_t)n, ".");
        trawl_article a = { .id = id, .title = title, .body = body };
        if (trawl_indexer_add_article(ix, &a) != TRAWL_OK)
            return -1;
    }
    if (trawl_indexer_commit(ix) != TRAWL_OK)
        return -1;
    trawl_indexer_close(ix);
    return trawl_db_open(dir, &db) == TRAWL_OK ? 0 : -1;
}

static int teardown(void **state)
{
    trawl_db_close(db);
    return scratch_remove(state);
}

/* Every hit of a search for every article, with or without snippets: each
 * has its own title and, with snippets, its own number in the snippet. */
static void every_hit_its_own(int no_snippets)
{
    trawl_search_opts o = TRAWL_SEARCH_OPTS_INIT;
    o.limit = ARTICLES + 100;
    o.no_snippets = no_snippets;
    o.bm25_only = 1;
    trawl_results *res;
    assert_int_equal(trawl_search(db, "harbour", &o, &res), TRAWL_OK);
    assert_int_equal(trawl_results_count(res), ARTICLES);
    assert_int_equal(trawl_results_total(res), ARTICLES);
    char *seen = calloc(ARTICLES, 1);
    assert_non_null(seen);
    for (size_t i = 0; i < ARTICLES; i++) {
        const trawl_hit *h = trawl_results_hit(res, i);
        unsigned n;
        assert_int_equal(sscanf(h->id, "story-%u", &n), 1);
        assert_true(n < ARTICLES);
        assert_false(seen[n]);
        seen[n] = 1;
        char title[64], number[32];
        snprintf(title, sizeof title, "Harbour story %u", n);
        assert_string_equal(h->title, title);
        assert_int_equal(h->rank, i + 1);
        if (no_snippets) {
            assert_null(h->snippet);
        } else {
            snprintf(number, sizeof number, "numbered %u says", n);
            assert_non_null(h->snippet);
            assert_non_null(strstr(h->snippet, number));
        }
    }
    free(seen);
    trawl_results_free(res);
    tw_search_work work;
    tw_db_search_work(db, &work);
    assert_int_equal(work.records_held, 1000);
}

static void test_snippets(void **state)
{
    (void)state;
    every_hit_its_own(0);
}

static void test_no_snippets(void **state)
{
    (void)state;
    every_hit_its_own(1);
}

/* A page of ten holds ten. */
static void test_small_page(void **state)
{
    (void)state;
    trawl_db *fresh;
    assert_int_equal(trawl_db_open(dir, &fresh), TRAWL_OK);
    trawl_results *res;
    assert_int_equal(trawl_search(fresh, "harbour", NULL, &res), TRAWL_OK);
    assert_int_equal(trawl_results_count(res), 10);
    trawl_results_free(res);
    tw_search_work work;
    tw_db_search_work(fresh, &work);
    assert_int_equal(work.records_held, 10);
    trawl_db_close(fresh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_snippets),
        cmocka_unit_test(test_no_snippets),
        cmocka_unit_test(test_small_page),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
