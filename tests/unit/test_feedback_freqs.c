/* Unit tests: feedback asks the index how many articles have each word the
 * first hits share, a few dozen words a search.  A handle asks once per
 * revision of the index: its next search asks none of them again and ranks
 * the same, and a commit that changes those numbers is seen at the search
 * after it, as a new handle would see it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "trawl.h"
#include "search_work.h"

#include "hit_lines.h"
#include "scratch.h"

static char path[256];

/* Adds N articles named NAME-1... with BODY and then words of their own
 * (so that no two are copies), and commits. */
static void add(const char *name, const char *body, int n)
{
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(path, NULL, &ix), TRAWL_OK);
    for (int i = 1; i <= n; i++) {
        char id[64], text[512];
        snprintf(id, sizeof id, "%s-%d", name, i);
        snprintf(text, sizeof text, "%s %s%dx %s%dy %s%dz", body, name, i, name, i, name, i);
        trawl_article a = { .id = id, .body = text };
        assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    }
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
}

static unsigned long asked(const trawl_db *db)
{
    tw_search_work work;
    tw_db_search_work(db, &work);
    return work.terms_asked;
}

/* The first 20 hits of 'harvest' on DB (the default ranking, BM25 alone
 * with BM25_ONLY) as "id score" lines, into OUT. */
static void ranking(trawl_db *db, int bm25_only, char *out, size_t size)
{
    trawl_search_opts o = { .size = sizeof o, .limit = 20, .no_snippets = 1,
                            .no_collapse = 1, .bm25_only = bm25_only };
    trawl_results *res;
    if (trawl_search(db, "harvest", &o, &res) != TRAWL_OK)
        fail_msg("search failed: %s", trawl_db_errmsg(db));
    hit_lines(res, out, size);
    trawl_results_free(res);
}

static void asked_once_a_revision(void **state)
{
    (void)state;
    /* Feedback needs 50 matches: eight short articles on coffee, fifty
     * longer on wheat, one longer still on coffee that says 'harvest' once,
     * and a hundred on other things. */
    add("coffee", "harvest harvest arabica arabica robusta robusta roasters roasters", 8);
    add("wheat", "harvest harvest wheat wheat combine combine threshing silo in the fields "
                 "of the plain before the rains",
        50);
    add("other", "a market report on shares and bonds", 100);
    add("target", "harvest arabica arabica robusta robusta roasters roasters and a longer "
                  "text about the estate the weather the prices and the road to the port",
        1);

    char bm25[4096], first[4096], again[4096], later[4096], fresh[4096];
    trawl_db *plain, *db, *other;
    assert_int_equal(trawl_db_open(path, &plain), TRAWL_OK);
    ranking(plain, 1, bm25, sizeof bm25);
    assert_int_equal(trawl_db_open(path, &db), TRAWL_OK);
    ranking(db, 0, first, sizeof first);
    /* Feedback asked about the words the first hits share. */
    unsigned long after_first = asked(db);
    assert_true(after_first > asked(plain));
    assert_string_not_equal(first, bm25);
    trawl_db_close(plain);

    ranking(db, 0, again, sizeof again);
    assert_int_equal(asked(db), after_first);
    assert_string_equal(again, first);

    /* Articles with the coffee words and no 'harvest': the words' counts
     * change, and so does what feedback adds. */
    add("more", "arabica robusta roasters", 30);
    ranking(db, 0, later, sizeof later);
    assert_true(asked(db) > after_first);
    assert_int_equal(trawl_db_open(path, &other), TRAWL_OK);
    ranking(other, 0, fresh, sizeof fresh);
    assert_string_equal(later, fresh);
    trawl_db_close(other);
    trawl_db_close(db);
}

static int setup(void **state)
{
    (void)state;
    if (scratch_make() != 0)
        return -1;
    snprintf(path, sizeof path, "%s/topic", dir);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(asked_once_a_revision),
    };
    return cmocka_run_group_tests(tests, setup, scratch_remove);
}
