/* Unit tests through the library: the words a page's titles and snippets
 * are lit by.  A query with no title: words looks for the body's words in
 * titles, and the query is walked for them once; one with title: words is
 * walked again for the titles, which light those words too.  A word looked
 * for only in a phrase is lit only there; a query without phrases is not
 * walked for them, and lights its words wherever they stand. */
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

static trawl_db *db;

static int setup(void **state)
{
    (void)state;
    if (scratch_make() < 0)
        return -1;
    trawl_indexer *ix;
    if (trawl_indexer_open(dir, NULL, &ix) != TRAWL_OK)
        return -1;
    trawl_article a = { .id = "hikers", .title = "Hikers rescued from the ridge",
                        .body = "Two hikers were rescued at dawn after a night on the ridge. "
                                "The ridge hikers had lost the path.",
                        .url = "https://ledger.example/hikers", .author = "Ann Ridge" };
    trawl_article b = { .id = "boats", .title = "Harbour news",
                        .body = "Fishing boats stayed in port as the storm passed." };
    trawl_article c = { .id = "joins", .title = "Notes",
                        .body = "Keep the notes: don't stop, rock'n'roll AT&T ab.cd 1.5 x,y end." },
                  d = { .id = "parts", .title = "Parts", .body = "Plan T, plan N and plan 5." },
                  e = { .id = "heads", .title = "Notes",
                        .body = "Generals gave general guidance; a generous grant, green grass "
                                "and generalized growth." };
    /* A text of several pieces, whose passage the positions of a stem's
     * forms place (query/excerpt_xapian.h). */
    static char irqs_body[4096];
    for (int i = 0; i < 16; i++)
        strcat(irqs_body, "The scheduler keeps its run queues in order, pass after pass. ");
    strcat(irqs_body, "A device raised interrupt0; interrupt_count grew and interrupts2 "
                      "fired, so the handler interrupted the task while interrupts waited. ");
    for (int i = 0; i < 16; i++)
        strcat(irqs_body, "The timer wheel turns in its slots, tick after tick. ");
    trawl_article f = { .id = "irqs", .title = "Notes", .body = irqs_body };
    if (trawl_indexer_add_article(ix, &a) != TRAWL_OK ||
        trawl_indexer_add_article(ix, &b) != TRAWL_OK ||
        trawl_indexer_add_article(ix, &c) != TRAWL_OK ||
        trawl_indexer_add_article(ix, &d) != TRAWL_OK ||
        trawl_indexer_add_article(ix, &e) != TRAWL_OK ||
        trawl_indexer_add_article(ix, &f) != TRAWL_OK || trawl_indexer_commit(ix) != TRAWL_OK)
        return -1;
    trawl_indexer_close(ix);
    return trawl_db_open(dir, &db) == TRAWL_OK ? 0 : -1;
}

static int teardown(void **state)
{
    trawl_db_close(db);
    return scratch_remove(state);
}

/* The words of TEXT that SPANS (N of them) light, each followed by a space. */
static char *lit(const char *text, const trawl_span *spans, size_t n)
{
    static char out[256];
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(out);
        snprintf(out + len, sizeof out - len, "%.*s ", (int)(spans[i].end - spans[i].start),
                 text + spans[i].start);
    }
    return out;
}

/* Searches QUERY, whose first hit must be the hikers' article, and says how
 * many times the query was walked for snippet words; RES to free. */
static const trawl_hit *hikers(const char *query, trawl_results **res, unsigned long *walks)
{
    tw_search_work before, after;
    tw_db_search_work(db, &before);
    trawl_search_opts o = TRAWL_SEARCH_OPTS_INIT;
    o.no_suggest = 1;
    o.no_relax = 1;
    assert_int_equal(trawl_search(db, query, &o, res), TRAWL_OK);
    tw_db_search_work(db, &after);
    *walks = after.snippet_terms - before.snippet_terms;
    assert_true(trawl_results_count(*res) >= 1);
    const trawl_hit *h = trawl_results_hit(*res, 0);
    assert_string_equal(h->id, "hikers");
    return h;
}

static void body_words_light_the_title(void **state)
{
    (void)state;
    trawl_results *res;
    unsigned long walks;
    const trawl_hit *h = hikers("rescue hikers", &res, &walks);
    assert_int_equal(walks, 1);
    assert_string_equal(lit(h->title, h->title_highlights, h->n_title_highlights),
                        "Hikers rescued ");
    assert_string_equal(lit(h->snippet, h->highlights, h->n_highlights),
                        "hikers rescued hikers ");
    trawl_results_free(res);
}

static void title_words_light_the_title_only(void **state)
{
    (void)state;
    trawl_results *res;
    unsigned long walks;
    const trawl_hit *h = hikers("title:hikers rescued", &res, &walks);
    assert_int_equal(walks, 2);
    assert_string_equal(lit(h->title, h->title_highlights, h->n_title_highlights),
                        "Hikers rescued ");
    trawl_results_free(res);
    /* Asked of titles alone: lit there, not in the body. */
    h = hikers("title:ridge", &res, &walks);
    assert_int_equal(walks, 2);
    assert_string_equal(lit(h->title, h->title_highlights, h->n_title_highlights), "ridge ");
    assert_string_equal(lit(h->snippet, h->highlights, h->n_highlights), "");
    trawl_results_free(res);
}

/* Other fields' words (a site, an author) are no title's. */
static void other_fields_leave_one_walk(void **state)
{
    (void)state;
    trawl_results *res;
    unsigned long walks;
    const trawl_hit *h = hikers("dawn site:ledger.example author:ridge", &res, &walks);
    assert_int_equal(walks, 1);
    assert_string_equal(lit(h->title, h->title_highlights, h->n_title_highlights), "");
    assert_string_equal(lit(h->snippet, h->highlights, h->n_highlights), "dawn ");
    trawl_results_free(res);
}

static void phrase_words_lit_in_the_phrase_only(void **state)
{
    (void)state;
    trawl_results *res;
    unsigned long walks;
    const trawl_hit *h = hikers("\"ridge hikers\"", &res, &walks);
    assert_string_equal(lit(h->snippet, h->highlights, h->n_highlights), "ridge hikers ");
    trawl_results_free(res);
    h = hikers("ridge hikers", &res, &walks);
    assert_string_equal(lit(h->snippet, h->highlights, h->n_highlights),
                        "hikers ridge ridge hikers ");
    trawl_results_free(res);
}

/* The scan passes over a word that cannot match by its first letter
 * without taking it apart, but to the end the full split gives it: the
 * "t" of "don't", the "n" of "rock'n'roll", the "T" of "AT&T" and the "5"
 * of "1.5" are no words of their own; the "cd" after "ab." and the "y"
 * after "x," are. */
static void words_passed_over_end_where_the_split_ends_them(void **state)
{
    (void)state;
    trawl_results *res;
    trawl_search_opts o = TRAWL_SEARCH_OPTS_INIT;
    o.no_suggest = 1;
    o.no_relax = 1;
    assert_int_equal(trawl_search(db, "t OR n OR cd OR 5 OR y OR stop", &o, &res), TRAWL_OK);
    assert_int_equal(trawl_results_count(res), 2);
    /* (Another article holds the letters and the digit as words.) */
    const trawl_hit *h = trawl_results_hit(res, 0);
    if (strcmp(h->id, "joins") != 0)
        h = trawl_results_hit(res, 1);
    assert_string_equal(h->id, "joins");
    assert_string_equal(lit(h->snippet, h->highlights, h->n_highlights), "stop cd y ");
    trawl_results_free(res);
}

/* English stems keep their words' starts but for their last two letters:
 * of the words that start with the "g" of "general", only those that start
 * with "gener" are stemmed to be matched ("generous" is, and is not lit),
 * not "gave", "guidance", "grant", "green", "grass" or "growth". */
static void english_words_stemmed_only_when_they_start_as_a_stem(void **state)
{
    (void)state;
    trawl_results *res;
    trawl_search_opts o = TRAWL_SEARCH_OPTS_INIT;
    o.no_suggest = 1;
    o.no_relax = 1;
    tw_search_work before, after;
    tw_db_search_work(db, &before);
    assert_int_equal(trawl_search(db, "generalization", &o, &res), TRAWL_OK);
    tw_db_search_work(db, &after);
    assert_int_equal(trawl_results_count(res), 1);
    const trawl_hit *h = trawl_results_hit(res, 0);
    assert_string_equal(h->id, "heads");
    assert_string_equal(lit(h->snippet, h->highlights, h->n_highlights),
                        "Generals general generalized ");
    assert_int_equal(after.snippet_stems - before.snippet_stems, 4);
    trawl_results_free(res);
}

/* The forms of a stem whose positions place a long text's passage are
 * found by stemming the words of the vocabulary that start as it does; in
 * English a word with another byte than a letter or an apostrophe past the
 * stem ("interrupt0", "interrupt_count", "interrupts2") is ruled out
 * unstemmed, as its stem would hold that byte.  Of the five words from
 * "interrupt" on, the two of letters alone are stemmed, and the passage
 * is the one they place. */
static void english_forms_with_other_bytes_are_not_stemmed(void **state)
{
    (void)state;
    trawl_results *res;
    trawl_search_opts o = TRAWL_SEARCH_OPTS_INIT;
    o.no_suggest = 1;
    o.no_relax = 1;
    tw_search_work before, after;
    tw_db_search_work(db, &before);
    assert_int_equal(trawl_search(db, "interrupting", &o, &res), TRAWL_OK);
    tw_db_search_work(db, &after);
    assert_int_equal(trawl_results_count(res), 1);
    const trawl_hit *h = trawl_results_hit(res, 0);
    assert_string_equal(h->id, "irqs");
    assert_string_equal(lit(h->snippet, h->highlights, h->n_highlights), "interrupted interrupts ");
    assert_int_equal(after.form_stems - before.form_stems, 2);
    trawl_results_free(res);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(body_words_light_the_title),
        cmocka_unit_test(title_words_light_the_title_only),
        cmocka_unit_test(other_fields_leave_one_walk),
        cmocka_unit_test(phrase_words_lit_in_the_phrase_only),
        cmocka_unit_test(words_passed_over_end_where_the_split_ends_them),
        cmocka_unit_test(english_words_stemmed_only_when_they_start_as_a_stem),
        cmocka_unit_test(english_forms_with_other_bytes_are_not_stemmed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
