/* Unit tests: the bonus for a query's words near each other.  It lifts the
 * article that has them close together over one that has them far apart,
 * and it is asked for only where it can find something: the search of all
 * the words, not the searches of articles that lack one of them (the
 * any-word fallback, the some-word fill), where no article can have them
 * all within the window and looking would only read positions. */
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

static char path[256];
static trawl_db *db;

/* Two hundred words of filler, so that words put before and after them are
 * further apart than the bonus's window. */
static void filler(char *out, size_t size)
{
    size_t used = 0;
    for (int i = 0; i < 200; i++)
        used += (size_t)snprintf(out + used, size - used, "filler%d ", i % 50);
}

static int setup(void **state)
{
    (void)state;
    if (scratch_make() != 0)
        return -1;
    snprintf(path, sizeof path, "%s/near", dir);
    char gap[4096], close[8192], apart[8192];
    filler(gap, sizeof gap);
    /* The same words, as often, in articles of the same length: BM25 scores
     * them alike, and only where the words stand tells them apart.  (They
     * are near-copies of each other: the searches below do not fold.) */
    snprintf(close, sizeof close, "%s glacier retreat meltwater", gap);
    snprintf(apart, sizeof apart, "glacier %s retreat meltwater", gap);
    trawl_article articles[] = {
        { .id = "apart", .body = apart },
        { .id = "close", .body = close },
        { .id = "glacier-only", .body = "a glacier in the valley above the town" },
        { .id = "retreat-only", .body = "the retreat of the army over the river" },
        { .id = "moraine", .body = "moraine gravel and till left behind" },
    };
    trawl_indexer *ix;
    if (trawl_indexer_open(path, NULL, &ix) != TRAWL_OK)
        return -1;
    for (size_t i = 0; i < sizeof articles / sizeof articles[0]; i++)
        if (trawl_indexer_add_article(ix, &articles[i]) != TRAWL_OK)
            return -1;
    if (trawl_indexer_close(ix) != TRAWL_OK)
        return -1;
    return trawl_db_open(path, &db) == TRAWL_OK ? 0 : -1;
}

static int teardown(void **state)
{
    trawl_db_close(db);
    return scratch_remove(state);
}

static unsigned long near_matches(void)
{
    tw_search_work work;
    tw_db_search_work(db, &work);
    return work.near_matches;
}

/* Searches QUERY (with O's options); returns its results, after checking
 * that the search asked for the bonus NEAR times. */
static trawl_results *search(const char *query, trawl_search_opts o, unsigned long near)
{
    unsigned long before = near_matches();
    trawl_results *res;
    if (trawl_search(db, query, &o, &res) != TRAWL_OK)
        fail_msg("'%s' failed: %s", query, trawl_db_errmsg(db));
    assert_int_equal(near_matches() - before, near);
    return res;
}

static void words_together_first(void **state)
{
    (void)state;
    trawl_search_opts o = { .size = sizeof o, .no_snippets = 1, .no_collapse = 1, .no_relax = 1 };
    trawl_results *res = search("glacier retreat meltwater", o, 1);
    assert_int_equal(trawl_results_count(res), 2);
    assert_string_equal(trawl_results_hit(res, 0)->id, "close");
    assert_string_equal(trawl_results_hit(res, 1)->id, "apart");
    assert_true(trawl_results_hit(res, 0)->score > trawl_results_hit(res, 1)->score);
    trawl_results_free(res);

    /* BM25 alone: no bonus asked for, and the two score alike. */
    o.bm25_only = 1;
    res = search("glacier retreat meltwater", o, 0);
    assert_int_equal(trawl_results_count(res), 2);
    assert_true(trawl_results_hit(res, 0)->score == trawl_results_hit(res, 1)->score);
    trawl_results_free(res);
}

static void not_asked_where_a_word_is_missing(void **state)
{
    (void)state;
    trawl_search_opts o = { .size = sizeof o, .no_snippets = 1, .no_collapse = 1 };
    /* Two articles have all three words and the page goes on with the two
     * that have one: the fill is a second match, without the bonus. */
    trawl_results *res = search("glacier retreat meltwater", o, 1);
    assert_int_equal(trawl_results_count(res), 4);
    assert_string_equal(trawl_results_hit(res, 0)->id, "close");
    assert_false(trawl_results_hit(res, 1)->some_words);
    assert_true(trawl_results_hit(res, 2)->some_words);
    assert_true(trawl_results_hit(res, 3)->some_words);
    trawl_results_free(res);

    /* No article has both words: the four with either are ranked, again by
     * a match without the bonus. */
    res = search("moraine glacier", o, 1);
    assert_true(trawl_results_relaxed(res));
    assert_int_equal(trawl_results_count(res), 4);
    trawl_results_free(res);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(words_together_first),
        cmocka_unit_test(not_asked_where_a_word_is_missing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
