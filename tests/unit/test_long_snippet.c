/* Unit tests through the library: the snippet of a long article is taken
 * from the pieces of its stored text where the query's words are (issue 15),
 * found by their positions, and is the passage a scan of the whole text
 * would give; what --show reads is still the whole text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "trawl.h"

#include "schema.h"
#include "search_work.h"
#include "scratch.h"
#include "text_read.h"

/* Sentences of filler, then END (if any), then more filler up to LEN bytes:
 * the filler shares no word with the queries below. */
static char *long_text(size_t len, size_t end_at, const char *end)
{
    char *t = malloc(len + 1);
    assert_non_null(t);
    size_t n = 0;
    for (unsigned i = 0; n < len; i++) {
        if (end && n >= end_at) {
            n += (size_t)snprintf(t + n, len + 1 - n, "%s ", end);
            end = NULL;
            continue;
        }
        n += (size_t)snprintf(t + n, len + 1 - n, "Gulls wheeled over grey water, count %u. ", i);
    }
    t[len] = '\0';
    return t;
}

static trawl_db *db;
static char *body, *early, *huge;
static const char needle[] = "At dusk the ospreys nested by the lighthouse.";
static const char early_needle[] = "At noon the cormorants dived beside the pier.";

static int setup(void **state)
{
    (void)state;
    if (scratch_make() < 0)
        return -1;
    trawl_indexer *ix;
    if (trawl_indexer_open(dir, NULL, &ix) != TRAWL_OK)
        return -1;
    /* 40,000 bytes; the only match 300 bytes from the end. */
    body = long_text(40000, 39700, needle);
    /* The same length, its match 100 bytes from the start. */
    early = long_text(40000, 100, early_needle);
    /* Past what is kept (TW_STORED_BODY_MAX): a match in the kept text, and
     * one only in what was indexed after it. */
    huge = long_text(TW_STORED_BODY_MAX + 20000, TW_STORED_BODY_MAX - 2000,
                     "The kittiwakes circled once.");
    memcpy(huge + TW_STORED_BODY_MAX + 5000, " Terns! ", 8);
    trawl_article a = { .id = "long", .title = "Harbour log", .body = body };
    trawl_article b = { .id = "huge", .title = "Longer log", .body = huge };
    trawl_article c = { .id = "short", .title = "Note",
                        .body = "Gulls and ospreys nested on the cliff." };
    trawl_article e = { .id = "early", .title = "Pier log", .body = early };
    if (trawl_indexer_add_article(ix, &a) != TRAWL_OK ||
        trawl_indexer_add_article(ix, &e) != TRAWL_OK ||
        trawl_indexer_add_article(ix, &b) != TRAWL_OK ||
        trawl_indexer_add_article(ix, &c) != TRAWL_OK || trawl_indexer_commit(ix) != TRAWL_OK)
        return -1;
    trawl_indexer_close(ix);
    return trawl_db_open(dir, &db) == TRAWL_OK ? 0 : -1;
}

static int teardown(void **state)
{
    trawl_db_close(db);
    free(body);
    free(early);
    free(huge);
    return scratch_remove(state);
}

/* The one hit of QUERY on article ID; RES to free. */
static const trawl_hit *only_hit(const char *query, const char *id, trawl_results **res)
{
    trawl_search_opts o = TRAWL_SEARCH_OPTS_INIT;
    o.no_suggest = 1;
    o.no_relax = 1;
    o.no_collapse = 1;      /* the articles share their filler: near-copies */
    assert_int_equal(trawl_search(db, query, &o, res), TRAWL_OK);
    for (size_t i = 0; i < trawl_results_count(*res); i++)
        if (!strcmp(trawl_results_hit(*res, i)->id, id))
            return trawl_results_hit(*res, i);
    fail_msg("no hit on %s for %s", id, query);
    return NULL;
}

static void assert_span(const trawl_hit *h, size_t i, const char *want)
{
    assert_true(i < h->n_highlights);
    size_t len = h->highlights[i].end - h->highlights[i].start;
    assert_int_equal(len, strlen(want));
    assert_memory_equal(h->snippet + h->highlights[i].start, want, len);
}

static void match_near_the_end(void **state)
{
    (void)state;
    trawl_results *res;
    uint64_t before = tw_db_text_read(db);
    /* Stemmed words: the positions of "ospreys" and "nested" are found
     * through the words of the index that stem as the query's do. */
    const trawl_hit *h = only_hit("osprey nesting", "long", &res);
    uint64_t read = tw_db_text_read(db) - before;
    assert_non_null(strstr(h->snippet, needle));
    assert_int_equal(strncmp(h->snippet, "\xe2\x80\xa6", 3), 0);   /* text left out */
    assert_int_equal(h->n_highlights, 2);
    assert_span(h, 0, "ospreys");
    assert_span(h, 1, "nested");
    /* The short article has the words too: read whole.  Of the long one,
     * the piece with the passage and at most the one before, not its
     * 40,000 bytes. */
    assert_true(read < strlen("Gulls and ospreys nested on the cliff.") +
                       2 * (TW_PIECE_BYTES + 64));
    trawl_results_free(res);
}

static void match_near_the_start(void **state)
{
    (void)state;
    trawl_results *res;
    uint64_t before = tw_db_text_read(db);
    const trawl_hit *h = only_hit("cormorant", "early", &res);
    uint64_t read = tw_db_text_read(db) - before;
    assert_non_null(strstr(h->snippet, "cormorants dived beside the pier."));
    assert_span(h, 0, "cormorants");
    /* More text follows: "…" at the end. */
    assert_string_equal(h->snippet + strlen(h->snippet) - 3, "\xe2\x80\xa6");
    /* The first piece holds the passage, and is inflated only as far as
     * the passage can reach. */
    assert_true(read < TW_PIECE_BYTES);
    trawl_results_free(res);
}

/* Adds article ID, TITLE and BODY (freed here) to the index at WHERE. */
static void add_long(const char *where, const char *id, const char *title, char *body_text)
{
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(where, NULL, &ix), TRAWL_OK);
    trawl_article a = { .id = id, .title = title, .body = body_text };
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    free(body_text);
}

/* The words that stem alike, kept on the handle, are looked for again in a
 * new revision: else a word form it adds is not found by position, and all
 * of a long article is read to find the passage. */
static void new_forms_after_a_commit(void **state)
{
    (void)state;
    trawl_results *res;
    only_hit("dive", "early", &res);    /* "dived": the form known so far */
    trawl_results_free(res);
    add_long(dir, "later", "Jetty log",
             long_text(40000, 39000, "The pelicans were diving off the jetty."));

    uint64_t before = tw_db_text_read(db);
    const trawl_hit *h = only_hit("dive", "later", &res);
    uint64_t read = tw_db_text_read(db) - before;
    assert_non_null(strstr(h->snippet, "pelicans were diving"));
    assert_span(h, 0, "diving");
    /* Both hits read in part: at most two pieces each. */
    assert_true(read < 4 * (TW_PIECE_BYTES + 64));
    trawl_results_free(res);
}

/* A word's positions are looked up only in the hits that hold it: of the
 * two forms of "dive" the index has, "dived" is in one long article and
 * "diving" in the other, and each look-up costs a block read or two
 * whether it finds the word or not. */
static void positions_only_where_held(void **state)
{
    (void)state;
    trawl_results *res;
    tw_search_work before, after;
    tw_db_search_work(db, &before);
    const trawl_hit *h = only_hit("dive", "later", &res);
    assert_span(h, 0, "diving");
    assert_int_equal(trawl_results_count(res), 2);
    tw_db_search_work(db, &after);
    assert_int_equal(after.position_lists - before.position_lists, 2);
    trawl_results_free(res);
    /* Both passages found by those positions, as before. */
    h = only_hit("dive", "early", &res);
    assert_non_null(strstr(h->snippet, "cormorants dived beside the pier."));
    trawl_results_free(res);

    /* Of several indexes searched as one, the same by the union's docids:
     * "dived" in a third long article, in a second index. */
    char second[] = "/tmp/trawl-test-XXXXXX";
    assert_non_null(mkdtemp(second));
    add_long(second, "grebes", "Lake log",
             long_text(40000, 20000, "The grebes dived under the ice."));
    trawl_db *both;
    assert_int_equal(trawl_db_open(dir, &both), TRAWL_OK);
    assert_int_equal(trawl_db_add_shard(both, second), TRAWL_OK);
    trawl_search_opts o = TRAWL_SEARCH_OPTS_INIT;
    o.no_collapse = 1;
    tw_db_search_work(both, &before);
    assert_int_equal(trawl_search(both, "dive", &o, &res), TRAWL_OK);
    tw_db_search_work(both, &after);
    assert_int_equal(trawl_results_count(res), 3);
    assert_int_equal(after.position_lists - before.position_lists, 3);
    const char *passages[][2] = { { "early", "cormorants dived beside the pier." },
                                  { "later", "pelicans were diving off the jetty." },
                                  { "grebes", "grebes dived under the ice." } };
    for (size_t i = 0; i < 3; i++)
        for (size_t k = 0; k < 3; k++)
            if (!strcmp(trawl_results_hit(res, i)->id, passages[k][0]))
                assert_non_null(strstr(trawl_results_hit(res, i)->snippet, passages[k][1]));
    trawl_results_free(res);
    trawl_db_close(both);
    char cmd[64];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", second);
    assert_int_equal(system(cmd), 0);
}

static void whole_text_still_shown(void **state)
{
    (void)state;
    trawl_article *a;
    assert_int_equal(trawl_db_get_article(db, "long", &a), TRAWL_OK);
    assert_string_equal(a->body, body);
    trawl_article_free(a);
    assert_int_equal(trawl_db_get_article(db, "huge", &a), TRAWL_OK);
    assert_int_equal(strlen(a->body), TW_STORED_BODY_MAX);
    assert_memory_equal(a->body, huge, TW_STORED_BODY_MAX);
    trawl_article_free(a);
}

static void past_what_is_kept(void **state)
{
    (void)state;
    trawl_results *res;
    const trawl_hit *h = only_hit("kittiwakes", "huge", &res);
    assert_non_null(strstr(h->snippet, "kittiwakes circled"));
    assert_span(h, 0, "kittiwakes");
    trawl_results_free(res);
    /* A word only in the text that was not kept matches, with no passage
     * to show it in: the text's start, as before. */
    h = only_hit("terns", "huge", &res);
    assert_int_equal(h->n_highlights, 0);
    assert_int_equal(strncmp(h->snippet, "Gulls wheeled", 13), 0);
    trawl_results_free(res);
}

/* A passage that reaches the end of the kept text, which the cap cut inside
 * a word: the article goes on, so "…", and not the word's first letters as
 * if it ended there. */
static void match_at_the_kept_end(void **state)
{
    (void)state;
    char *text = long_text(TW_STORED_BODY_MAX + 1000, TW_STORED_BODY_MAX - 70,
                           "The puffins came back to the stacks in April.");
    memcpy(text + TW_STORED_BODY_MAX - 4, " Stormpetrels ", 14);
    add_long(dir, "capped", "Cliff log", text);
    trawl_results *res;
    const trawl_hit *h = only_hit("puffins", "capped", &res);
    assert_span(h, 0, "puffins");
    assert_null(strstr(h->snippet, "Sto"));
    assert_string_equal(h->snippet + strlen(h->snippet) - 3, "\xe2\x80\xa6");
    trawl_results_free(res);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(match_near_the_end),
        cmocka_unit_test(match_near_the_start),
        cmocka_unit_test(new_forms_after_a_commit),
        cmocka_unit_test(positions_only_where_held),
        cmocka_unit_test(whole_text_still_shown),
        cmocka_unit_test(past_what_is_kept),
        cmocka_unit_test(match_at_the_kept_end),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
