/* Unit tests: the page of a folded search that fewer stories fill with all
 * the query's words goes on with articles that have some of them, and
 * leaves out the copies of the stories it has shown (a copy that lacks a
 * word is the same story).  In a local index it leaves them out by each
 * candidate's own story value, not by a range of story values per story
 * shown, each of which walked the values of every article with copies: a
 * page of 5,498 stories took 0.8 s on 600,000 articles, and grew with both. */
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

enum { STORIES = 4, LONE = 3 };

static char path[256];
static trawl_db *db;

/* Sixty words of story K's own, so that no two stories are alike. */
static void story_text(int k, char *out, size_t size)
{
    size_t used = 0;
    for (int i = 0; i < 60; i++)
        used += (size_t)snprintf(out + used, size - used, "s%dword%d ", k, i);
}

static int setup(void **state)
{
    (void)state;
    if (scratch_make() != 0)
        return -1;
    snprintf(path, sizeof path, "%s/fill", dir);
    trawl_indexer *ix;
    if (trawl_indexer_open(path, NULL, &ix) != TRAWL_OK)
        return -1;
    /* Each story: a report with all three words, and a copy of it that
     * lost the last one. */
    for (int k = 0; k < STORIES; k++) {
        char text[1024], body[1100], id[32];
        story_text(k, text, sizeof text);
        snprintf(body, sizeof body, "%s glacier moraine crevasse", text);
        snprintf(id, sizeof id, "report-%d", k);
        trawl_article report = { .id = id, .body = body };
        if (trawl_indexer_add_article(ix, &report) != TRAWL_OK)
            return -1;
        snprintf(body, sizeof body, "%s glacier moraine", text);
        snprintf(id, sizeof id, "copy-%d", k);
        trawl_article copy = { .id = id, .body = body };
        if (trawl_indexer_add_article(ix, &copy) != TRAWL_OK)
            return -1;
    }
    /* Articles of their own with some of the words: the fill. */
    for (int i = 0; i < LONE; i++) {
        char id[32], body[128];
        snprintf(id, sizeof id, "lone-%d", i);
        snprintf(body, sizeof body, "a glacier above the valley, walk %d", i);
        trawl_article a = { .id = id, .body = body };
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

static void copies_of_shown_stories_left_out(void **state)
{
    (void)state;
    tw_search_work before, after;
    tw_db_search_work(db, &before);
    trawl_search_opts o = { .size = sizeof o, .limit = 20, .no_snippets = 1 };
    trawl_results *res;
    assert_int_equal(trawl_search(db, "glacier moraine crevasse", &o, &res), TRAWL_OK);
    tw_db_search_work(db, &after);
    /* The four reports, each with its copy folded in, then the three lone
     * articles: no copy again as a hit of its own. */
    assert_int_equal(trawl_results_count(res), STORIES + LONE);
    for (size_t i = 0; i < trawl_results_count(res); i++) {
        const trawl_hit *h = trawl_results_hit(res, i);
        if (i < STORIES) {
            assert_memory_equal(h->id, "report-", 7);
            assert_int_equal(h->n_similar, 1);
        } else {
            assert_memory_equal(h->id, "lone-", 5);
        }
    }
    /* Left out by their values as the match met them: no range walked. */
    assert_int_equal(after.story_ranges - before.story_ranges, 0);
    trawl_results_free(res);

    /* Unfolded, the copies are hits of their own, after the reports. */
    o.no_collapse = 1;
    assert_int_equal(trawl_search(db, "glacier moraine crevasse", &o, &res), TRAWL_OK);
    assert_int_equal(trawl_results_count(res), 2 * STORIES + LONE);
    for (size_t i = STORIES; i < 2 * STORIES; i++)
        assert_memory_equal(trawl_results_hit(res, i)->id, "copy-", 5);
    trawl_results_free(res);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(copies_of_shown_stories_left_out),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
