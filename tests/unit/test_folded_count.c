/* Unit tests: a folded search's total is a count of its stories, which the
 * ranked match can tell only once it has looked at every match.  When the
 * query's terms say there are at most TRAWL_COUNT_MAX of them, that match
 * looks at them all, and no second match is run to count them: the same
 * hits and the same exact total as a search asked to count exactly, in one
 * match. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "trawl.h"
#include "search_work.h"

#include "counted_search.h"
#include "hit_lines.h"
#include "scratch.h"

/* More stories than a ranked match looks at (TRAWL_CHECK_AT_LEAST), and
 * one story saved COPIES times over. */
enum { STORIES = 600, COPIES = 20, OTHERS = 50 };

static char path[256];
static trawl_db *db;

/* Forty words of article K's own, so that no two articles are alike. */
static void own_words(int k, char *out, size_t size)
{
    size_t used = 0;
    for (int i = 0; i < 40; i++)
        used += (size_t)snprintf(out + used, size - used, "a%dword%d ", k, i);
}

static int add(trawl_indexer *ix, const char *id, int k, const char *word)
{
    char text[1024], body[1100];
    own_words(k, text, sizeof text);
    snprintf(body, sizeof body, "%s %s", word, text);
    trawl_article a = { .id = id, .body = body };
    return trawl_indexer_add_article(ix, &a) == TRAWL_OK ? 0 : -1;
}

static int setup(void **state)
{
    (void)state;
    if (scratch_make() != 0)
        return -1;
    snprintf(path, sizeof path, "%s/count", dir);
    trawl_indexer *ix;
    if (trawl_indexer_open(path, NULL, &ix) != TRAWL_OK)
        return -1;
    char id[32];
    for (int k = 0; k < STORIES; k++) {
        snprintf(id, sizeof id, "glacier-%d", k);
        if (add(ix, id, k, "glacier") != 0)
            return -1;
    }
    for (int k = 0; k < COPIES; k++) {
        snprintf(id, sizeof id, "copy-%d", k);
        if (add(ix, id, STORIES, "glacier") != 0)
            return -1;
    }
    for (int k = 0; k < OTHERS; k++) {
        snprintf(id, sizeof id, "other-%d", k);
        if (add(ix, id, STORIES + 1 + k, "meadow") != 0)
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

static const size_t COUNTED = offsetof(tw_search_work, count_matches);

/* QUERY folded: the total, exact, is STORIES + 1 stories (the copies are
 * one); it runs WANT matches only to count; and it gives the hits and the
 * total a search asked to count exactly gives. */
static void folded(const char *query, unsigned long want)
{
    trawl_search_opts o = { .size = sizeof o, .limit = 10, .no_snippets = 1 };
    trawl_results *res = counted_search(db, query, o, COUNTED, want);
    assert_int_equal(trawl_results_total(res), STORIES + 1);
    assert_true(trawl_results_total_exact(res));
    char page[4096], exact_page[4096];
    hit_lines(res, page, sizeof page);
    trawl_results_free(res);

    o.exact_count = 1;
    trawl_results *exact;
    assert_int_equal(trawl_search(db, query, &o, &exact), TRAWL_OK);
    assert_int_equal(trawl_results_total(exact), STORIES + 1);
    hit_lines(exact, exact_page, sizeof exact_page);
    trawl_results_free(exact);
    assert_string_equal(page, exact_page);
}

static void counted_in_the_ranked_match(void **state)
{
    (void)state;
    folded("glacier", 0);
    /* Unfolded, every copy is a hit. */
    trawl_search_opts o = { .size = sizeof o, .limit = 10, .no_snippets = 1, .no_collapse = 1 };
    trawl_results *res = counted_search(db, "glacier", o, COUNTED, 0);
    assert_int_equal(trawl_results_total(res), STORIES + COPIES);
    assert_true(trawl_results_total_exact(res));
    trawl_results_free(res);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(counted_in_the_ranked_match),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
