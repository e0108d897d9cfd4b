/* Unit tests: how trawl ranks beyond BM25 where some article lacks a word
 * of the query.  The bonus for the words near each other lifts the article
 * that has them close together over one that has them far apart, and it is
 * asked for only where it can find something: in the search of all the
 * words, not in the searches of articles that lack one of them (the
 * any-word fallback, the some-word fill), where no article can have them
 * all within the window and looking would only read positions.  The
 * fallback, for a query that no article answers whole, ranks by BM25
 * alone: no feedback from its first hits' words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "trawl.h"

#include "counted_search.h"
#include "hit_lines.h"
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
    /* Thirty articles on ice and thirty on gravel, each with words of its
     * own: enough matches for feedback, and words for it to share. */
    for (int i = 0; i < 60; i++) {
        char id[32], text[256];
        snprintf(id, sizeof id, "%s-%d", i < 30 ? "ice" : "gravel", i);
        snprintf(text, sizeof text, i < 30 ? "glacier glacier ice ice crevasse crevasse w%dx"
                                            : "moraine moraine gravel gravel till till w%dx",
                 i);
        trawl_article a = { .id = id, .body = text };
        if (trawl_indexer_add_article(ix, &a) != TRAWL_OK)
            return -1;
    }
    if (trawl_indexer_close(ix) != TRAWL_OK)
        return -1;
    return trawl_db_open(path, &db) == TRAWL_OK ? 0 : -1;
}

static int teardown(void **state)
{
    trawl_db_close(db);
    return scratch_remove(state);
}

/* Searches QUERY (with O's options); returns its results, after checking
 * that the search asked for the bonus NEAR times. */
static trawl_results *search(const char *query, trawl_search_opts o, unsigned long near)
{
    return counted_search(db, query, o, offsetof(tw_search_work, near_matches), near);
}

/* The hits' topic words read so far, for feedback. */
static unsigned long topic_values(void)
{
    return work_count(db, offsetof(tw_search_work, topic_values));
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

/* A word typed twice is one word of the bonus: the articles that have the
 * others near it are lifted as when it is typed once, and a word alone,
 * however often typed, asks for no bonus (Xapian's NEAR would look at its
 * positions once a copy). */
static void a_word_typed_twice_is_one(void **state)
{
    (void)state;
    trawl_search_opts o = { .size = sizeof o, .no_snippets = 1, .no_collapse = 1, .no_relax = 1 };
    trawl_results *res = search("glacier retreat glacier meltwater retreat", o, 1);
    assert_int_equal(trawl_results_count(res), 2);
    assert_string_equal(trawl_results_hit(res, 0)->id, "close");
    assert_true(trawl_results_hit(res, 0)->score > trawl_results_hit(res, 1)->score);
    trawl_results_free(res);
    trawl_results_free(search("glacier glacier glacier", o, 0));
}

static void not_asked_where_a_word_is_missing(void **state)
{
    (void)state;
    trawl_search_opts o = { .size = sizeof o, .no_snippets = 1, .no_collapse = 1 };
    /* Two articles have all three words and the page goes on with those
     * that have one: the fill is a second match, without the bonus. */
    trawl_results *res = search("glacier retreat meltwater", o, 1);
    assert_int_equal(trawl_results_count(res), 10);
    assert_string_equal(trawl_results_hit(res, 0)->id, "close");
    assert_false(trawl_results_hit(res, 1)->some_words);
    for (size_t i = 2; i < 10; i++)
        assert_true(trawl_results_hit(res, i)->some_words);
    trawl_results_free(res);

    /* No article has both words: those with either are ranked, again by a
     * match without the bonus. */
    res = search("moraine glacier", o, 1);
    assert_true(trawl_results_relaxed(res));
    assert_int_equal(trawl_results_count(res), 10);
    trawl_results_free(res);
}

static void fallback_by_bm25_alone(void **state)
{
    (void)state;
    trawl_search_opts o = { .size = sizeof o, .limit = 20, .no_snippets = 1,
                            .no_collapse = 1 };
    char fallback[4096], any[4096], bm25[4096];
    /* Sixty-odd articles have one of the words and none has both: the
     * fallback reads no hit's words for feedback... */
    unsigned long read = topic_values();
    trawl_results *res = search("moraine glacier", o, 1);
    assert_true(trawl_results_relaxed(res));
    assert_int_equal(trawl_results_count(res), 20);
    assert_int_equal(topic_values(), read);
    hit_lines(res, fallback, sizeof fallback);
    trawl_results_free(res);

    /* ...where --any, a query that matches them all as typed, does... */
    o.match_any = 1;
    res = search("moraine glacier", o, 1);
    assert_true(topic_values() > read);
    hit_lines(res, any, sizeof any);
    trawl_results_free(res);
    assert_string_not_equal(fallback, any);

    /* ...and ranks them as --any --bm25-only does. */
    o.bm25_only = 1;
    res = search("moraine glacier", o, 0);
    hit_lines(res, bm25, sizeof bm25);
    trawl_results_free(res);
    assert_string_equal(fallback, bm25);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(words_together_first),
        cmocka_unit_test(a_word_typed_twice_is_one),
        cmocka_unit_test(not_asked_where_a_word_is_missing),
        cmocka_unit_test(fallback_by_bm25_alone),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
