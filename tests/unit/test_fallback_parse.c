/* Unit tests: the any-word fallback parses the query's text a second time,
 * and takes each word's rewrite for every language the index stems in (and
 * for other accents) from the first parse instead of making it again; the
 * articles it finds, and their scores, are those a search of any of the
 * words finds, whose one parse makes every rewrite itself. */
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

static int setup(void **state)
{
    (void)state;
    if (scratch_make() != 0)
        return -1;
    snprintf(path, sizeof path, "%s/idx", dir);
    /* English and French articles, each stemmed in its own language: a
     * word of the query is looked for by its stems in both. */
    trawl_article articles[] = {
        { .id = "en-glacier",
          .body = "The glacier retreated up the valley during the warm summers, and the "
                  "meltwater from the glaciers filled the lake below the town." },
        { .id = "en-moraine",
          .body = "The moraine is a ridge of gravel and boulders that the ice pushed ahead "
                  "of it, and the moraines of the valley are grazed by sheep today." },
        { .id = "en-both",
          .body = "Walkers cross the moraine to reach the glacier, whose snout has moved a "
                  "long way back since the surveys of the last century were made." },
        { .id = "fr-glacier",
          .body = "Les glaciers des Alpes reculent chaque année, et les guides de montagne "
                  "changent leurs itinéraires pour éviter les crevasses du glacier." },
        { .id = "fr-moraine",
          .body = "Les moraines laissées par les glaciers forment des collines de cailloux "
                  "que les bergers traversent avec leurs troupeaux pendant l'été." },
        { .id = "en-other",
          .body = "The harbour was rebuilt after the storm, and the fishing boats returned "
                  "to the quay before the end of the season." },
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

/* Searches QUERY with O; checks that it rewrote REWRITES words. */
static trawl_results *search(const char *query, trawl_search_opts o, unsigned long rewrites)
{
    return counted_search(db, query, o, offsetof(tw_search_work, words_rewritten), rewrites);
}

/* No article has all three words: the fallback searches any of them, and
 * rewrites none of them again. */
static void fallback_rewrites_each_word_once(void **state)
{
    (void)state;
    trawl_search_opts o = { .size = sizeof o, .no_snippets = 1, .no_suggest = 1 };
    trawl_results *res = search("glacier moraine harbour", o, 3);
    assert_true(trawl_results_relaxed(res));
    assert_int_equal(trawl_results_total(res), 6);
    trawl_results_free(res);
    /* A word typed twice is rewritten once too. */
    res = search("glacier moraine glacier harbour", o, 3);
    assert_true(trawl_results_relaxed(res));
    trawl_results_free(res);
}

/* The fallback's hits, with the first parse's rewrites, are those of a
 * search of any of the words, which parses once and rewrites each: the
 * same articles, in the same order, with the same scores. */
static void fallback_ranks_as_any_word_search(void **state)
{
    (void)state;
    /* Each query, and its words outside phrases (a phrase's words are
     * looked for as written). */
    const struct {
        const char *query;
        unsigned long words;
    } cases[] = {
        { "glacier moraine harbour", 3 },
        { "glaciers moraines sheep harbour", 4 },
        { "crevasses glacier \"fishing boats\"", 2 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        trawl_search_opts o = { .size = sizeof o, .no_snippets = 1, .no_suggest = 1 };
        trawl_results *fallback = search(cases[i].query, o, cases[i].words);
        assert_true(trawl_results_relaxed(fallback));
        o.match_any = 1;
        o.bm25_only = 1;
        trawl_results *any;
        assert_int_equal(trawl_search(db, cases[i].query, &o, &any), TRAWL_OK);
        assert_false(trawl_results_relaxed(any));
        char got[4096], want[4096];
        hit_lines(fallback, got, sizeof got);
        hit_lines(any, want, sizeof want);
        assert_true(trawl_results_count(any) > 1);
        assert_string_equal(got, want);
        trawl_results_free(fallback);
        trawl_results_free(any);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fallback_rewrites_each_word_once),
        cmocka_unit_test(fallback_ranks_as_any_word_search),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
