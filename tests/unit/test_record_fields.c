/* test_record_fields.c - which field a column's name, as people type it,
 * stands for (tw_record_field_by_words), and a record's date from its two
 * (tw_record_dates). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "buf.h"
#include "formats/record_fields.h"

enum { TITLE, BODY, DATE, URL, AUTHOR, SITE, N };
static const char *const *const LISTS[N] = {
    tw_field_title, tw_field_body, tw_field_date, tw_field_url, tw_field_author, tw_field_site,
};

/* The field NAME stands for, with the place in its list of the name chosen;
 * -1 when none. */
static int field_of(const char *name, size_t *rank)
{
    *rank = SIZE_MAX;
    return tw_record_field_by_words(name, strlen(name), LISTS, N, BODY, rank);
}

static void assert_field(const char *name, int want, const char *as)
{
    size_t rank;
    int got = field_of(name, &rank);
    if (got != want)
        fail_msg("'%s': field %d, want %d", name, got, want);
    if (as && strcmp(LISTS[want][rank], as) != 0)
        fail_msg("'%s': ranked as '%s', want '%s'", name, LISTS[want][rank], as);
}

static void words_of_data_sets(void **state)
{
    (void)state;
    /* The headers of news tables as data sets hand them out. */
    assert_field("headline_text", TITLE, "headline");
    assert_field("Headlines", TITLE, "headline");
    assert_field("articleTitle", TITLE, "title");
    assert_field("news_title", TITLE, "title");
    assert_field("Article text", BODY, "text");
    assert_field("article_text", BODY, "text");
    assert_field("full_text", BODY, "text");
    assert_field("body_text", BODY, "body");
    assert_field("story-content", BODY, "content");
    assert_field("Date published", DATE, "date");
    assert_field("published_on", DATE, "published");
    assert_field("article_url", URL, "url");
    assert_field("news_link", URL, "link");
    assert_field("author_name", AUTHOR, "author");
    assert_field("Author Names", AUTHOR, "author");
    assert_field("source_name", SITE, "source");
    /* The words of a name of several, in another order: NITF's attribute,
     * a camelCase name the lists spell with an underscore. */
    assert_field("date.publication", DATE, "publication_date");
    assert_field("publishDate", DATE, "publish_date");
    assert_field("DATE-PUBLISH", DATE, "date_publish");
}

static void words_that_name_no_field(void **state)
{
    (void)state;
    size_t rank;
    const char *const none[] = {
        "", "   ", "_", "name", "price", "image_url", "urlToImage", "text_color",
        "content_type", "Second headline", "site_url", "author_url", "main",
        "category", "a_name_of_words_far_too_long_for_a_field_name_to_be",
    };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        int got = field_of(none[i], &rank);
        if (got != -1)
            fail_msg("'%s': field %d, want none", none[i], got);
        assert_int_equal(rank, SIZE_MAX);
    }
}

/* A date named for UTC's time ranks as date_gmt, before one on a clock
 * unknown: WordPress's wp_posts has post_date (the site's) and then
 * post_date_gmt, and the first was taken. */
static void dates_named_for_utc_first(void **state)
{
    (void)state;
    assert_string_equal(tw_field_date[tw_field_date_utc], "date_gmt");
    assert_field("post_date_gmt", DATE, "date_gmt");
    assert_field("published_utc", DATE, "date_gmt");
    assert_field("post_date", DATE, "date");
    assert_field("published_on", DATE, "published");
}

/* The date tw_record_dates gives for a record's date on a clock not named,
 * SHOWN, and its date named for UTC's time, UTC ("" for none). */
static void assert_dates(const char *shown, const char *utc, const char *want)
{
    tw_buf date = { 0 }, u = { 0 };
    assert_int_equal(tw_buf_puts(&date, shown), 0);
    assert_int_equal(tw_buf_puts(&u, utc), 0);
    assert_int_equal(tw_record_dates(&date, &u), 0);
    assert_string_equal(date.len ? date.data : "", want);
    tw_buf_free(&date);
    tw_buf_free(&u);
}

/* WordPress's two readings of a post's moment are the site's clock: the day
 * it showed, in whichever format it was exported. */
static void dates_on_the_sites_clock(void **state)
{
    (void)state;
    assert_dates("2022-03-04 00:30:00", "2022-03-03 22:30:00", "2022-03-04T00:30:00+02:00");
    assert_dates("2021-06-17 05:00:00", "2021-06-17 09:00:00", "2021-06-17T05:00:00-04:00");
    assert_dates("2021-06-17 10:00:00", "2021-06-17 04:30:00", "2021-06-17T10:00:00+05:30");
    assert_dates("2021-06-17 10:00:00", "2021-06-17 10:00:00", "2021-06-17T10:00:00Z");
    /* UTC's alone, or beside a date that is not the same moment on a
     * zone's clock (seven minutes off, a day off, a zone named, a day
     * alone), is UTC's time. */
    assert_dates("", "2021-06-17 08:00:00", "2021-06-17T08:00:00Z");
    assert_dates("2021-06-17 10:07:00", "2021-06-17 08:00:00", "2021-06-17T08:00:00Z");
    assert_dates("2021-06-18 10:00:00", "2021-06-17 08:00:00", "2021-06-17T08:00:00Z");
    assert_dates("2021-06-17T10:00:00+02:00", "2021-06-17 08:00:00", "2021-06-17T08:00:00Z");
    assert_dates("2021-06-17", "2021-06-17 08:00:00", "2021-06-17T08:00:00Z");
    /* A UTC field that names its zone, or gives a day, stays as written. */
    assert_dates("2021-06-17 10:00:00", "2021-06-17T08:00:00Z", "2021-06-17T08:00:00Z");
    assert_dates("2021-06-17 10:00:00", "2021-06-17", "2021-06-17");
    /* One that is no date gives way: a draft's zeros, a placeholder, words;
     * alone, words are kept for the indexer to say it could not read them. */
    assert_dates("2022-03-04 09:00:00", "0000-00-00 00:00:00", "2022-03-04 09:00:00");
    assert_dates("2022-03-04 09:00:00", "0001-01-01 00:00:00", "2022-03-04 09:00:00");
    assert_dates("2022-03-04 09:00:00", "soon", "2022-03-04 09:00:00");
    assert_dates("", "soon", "soon");
    assert_dates("2022-03-04 09:00:00", "", "2022-03-04 09:00:00");
}

/* The names for a summary are the last of the text's, from the place said. */
static void summaries_last(void **state)
{
    (void)state;
    size_t n = 0;
    while (tw_field_body[n])
        n++;
    assert_string_equal(tw_field_body[tw_field_body_summaries], "description");
    assert_string_equal(tw_field_body[n - 1], "abstract");
    assert_int_equal(n - tw_field_body_summaries, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(words_of_data_sets),
        cmocka_unit_test(words_that_name_no_field),
        cmocka_unit_test(summaries_last),
        cmocka_unit_test(dates_named_for_utc_first),
        cmocka_unit_test(dates_on_the_sites_clock),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
