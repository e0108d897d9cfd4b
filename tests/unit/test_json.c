/* Unit tests: JSON string escaping and the JSON forms of a hit and an article. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "article_json.h"
#include "format.h"
#include "json_out.h"

static void assert_json(const char *in, size_t len, const char *want)
{
    tw_buf b = { 0 };
    assert_int_equal(tw_json_string(&b, in, len), 0);
    assert_string_equal(b.data, want);
    tw_buf_free(&b);
}

static void plain_and_null(void **state)
{
    (void)state;
    assert_json("hello", 5, "\"hello\"");
    assert_json("", 0, "\"\"");
    tw_buf b = { 0 };
    assert_int_equal(tw_json_cstr(&b, NULL), 0);
    assert_string_equal(b.data, "null");
    tw_buf_free(&b);
}

static void quotes_and_backslashes(void **state)
{
    (void)state;
    assert_json("say \"hi\" \\ bye", 14, "\"say \\\"hi\\\" \\\\ bye\"");
}

static void control_characters(void **state)
{
    (void)state;
    assert_json("a\nb\tc\rd\be\ff", 11, "\"a\\nb\\tc\\rd\\be\\ff\"");
    assert_json("\x01\x1f", 2, "\"\\u0001\\u001f\"");
    /* An embedded NUL is data, not the end. */
    assert_json("a\0b", 3, "\"a\\u0000b\"");
}

static void utf8_kept_invalid_replaced(void **state)
{
    (void)state;
    assert_json("caf\xc3\xa9 \xe2\x80\x94", 9, "\"caf\xc3\xa9 \xe2\x80\x94\"");
    /* A lone Latin-1 byte, a truncated sequence, an overlong form, a surrogate. */
    assert_json("caf\xe9!", 5, "\"caf\\ufffd!\"");
    assert_json("x\xe2\x80", 3, "\"x\\ufffd\\ufffd\"");
    assert_json("\xc0\xaf", 2, "\"\\ufffd\\ufffd\"");
    assert_json("\xed\xa0\x80", 3, "\"\\ufffd\\ufffd\\ufffd\"");
    /* Line and paragraph separators break JavaScript string literals. */
    assert_json("\xe2\x80\xa8", 3, "\"\\u2028\"");
}

static void hit_object(void **state)
{
    (void)state;
    trawl_span spans[] = { { 7, 10 } };     /* bytes of "fox" after "café, " */
    const char *const dups[] = { "c/b.txt", "feed.jsonl#\"3\"" };
    trawl_hit h = {
        .rank = 1, .docid = 7, .score = 12.5, .id = "c/a.txt", .path = "c/a.txt",
        .title = "A \"quoted\" title", .date = "2021-06-17", .url = NULL, .site = NULL,
        .snippet = "caf\xc3\xa9, fox", .highlights = spans, .n_highlights = 1,
        .duplicates = dups, .n_duplicates = 2, .n_similar = 3, .lang = "fr",
        .some_words = 1,
    };
    tw_buf b = { 0 };
    assert_int_equal(tw_hit_json(&b, &h), 0);
    assert_string_equal(b.data,
        "{\"rank\":1,\"docid\":7,\"score\":12.5000,\"id\":\"c/a.txt\",\"path\":\"c/a.txt\","
        "\"title\":\"A \\\"quoted\\\" title\",\"date\":\"2021-06-17\",\"url\":null,"
        "\"site\":null,\"author\":null,\"lang\":\"fr\","
        "\"duplicates\":[\"c/b.txt\",\"feed.jsonl#\\\"3\\\"\"],\"similar\":3,\"some_words\":true,"
        "\"snippet\":\"caf\xc3\xa9, fox\","
        "\"highlights\":[[6,9]]}");
    tw_buf_free(&b);
}

static void assert_number(double v, const char *want)
{
    tw_buf b = { 0 };
    assert_int_equal(tw_json_number(&b, v, 4), 0);
    assert_string_equal(b.data, want);
    tw_buf_free(&b);
}

/* JSON has no NaN or infinity: printf wrote "-nan" and "inf" into the hit
 * line (--bm25 inf,0.5 did it), which no JSON reader takes. */
static void numbers_never_nan_or_inf(void **state)
{
    (void)state;
    assert_number(12.5, "12.5000");
    assert_number(-0.25, "-0.2500");
    assert_number(0, "0.0000");
    assert_number(NAN, "null");
    assert_number(-NAN, "null");
    assert_number(INFINITY, "null");
    assert_number(-INFINITY, "null");

    trawl_hit h = { .rank = 1, .docid = 2, .score = NAN, .id = "a", .path = "a" };
    tw_buf b = { 0 };
    assert_int_equal(tw_hit_json(&b, &h), 0);
    assert_string_equal(b.data,
        "{\"rank\":1,\"docid\":2,\"score\":null,\"id\":\"a\",\"path\":\"a\","
        "\"title\":null,\"date\":null,\"url\":null,\"site\":null,\"author\":null,"
        "\"lang\":null,\"duplicates\":[],\"similar\":0,\"some_words\":false,"
        "\"snippet\":null}");
    tw_buf_clear(&b);
    h.score = INFINITY;
    assert_int_equal(tw_hit_json(&b, &h), 0);
    assert_non_null(strstr(b.data, "\"score\":null,"));
    tw_buf_free(&b);
}

/* The line of trawl-index --extract and trawl-query --show --format json:
 * every key always, in order, null for an absent field, hostile text escaped. */
static void article_object(void **state)
{
    (void)state;
    trawl_article a = { .id = "d.jsonl#\"7\"", .title = "Tab\there", .body = "a\nb \xff</script>",
                        .date = "2021-06-17T08:00:00Z", .path = "d.jsonl" };
    tw_buf b = { 0 };
    assert_int_equal(tw_article_json(&b, &a), 0);
    assert_string_equal(b.data,
        "{\"id\":\"d.jsonl#\\\"7\\\"\",\"path\":\"d.jsonl\",\"title\":\"Tab\\there\","
        "\"date\":\"2021-06-17T08:00:00Z\",\"url\":null,\"site\":null,\"author\":null,"
        "\"body\":\"a\\nb \\ufffd</script>\"}");
    tw_buf_free(&b);
}

static void assert_name(const char *name, const char *want)
{
    tw_buf b = { 0 };
    assert_int_equal(tw_json_name(&b, name), 0);
    assert_string_equal(b.data, want);
    tw_buf_free(&b);
}

/* A file's name in JSON: UTF-8 as it is (its controls JSON-escaped, a
 * backslash doubled as JSON does); any other bytes as text output writes the
 * name (C escapes, themselves JSON-escaped), never U+FFFD, which loses the
 * byte that --show needs back. */
static void names_keep_their_bytes(void **state)
{
    (void)state;
    assert_name(NULL, "null");
    assert_name("caf\xc3\xa9/a\\b.txt", "\"caf\xc3\xa9/a\\\\b.txt\"");
    assert_name("new\nline.txt", "\"new\\nline.txt\"");
    assert_name("caf\xe9.txt", "\"caf\\\\351.txt\"");
    /* Once escaped, all of the name is: the backslash and the tab too, as
     * --show reads them back. */
    assert_name("a\\b\t\xff", "\"a\\\\\\\\b\\\\t\\\\377\"");

    trawl_article a = { .id = "z.zip#caf\x82.txt", .path = "z.zip" };
    tw_buf b = { 0 };
    assert_int_equal(tw_article_json(&b, &a), 0);
    assert_non_null(strstr(b.data, "{\"id\":\"z.zip#caf\\\\202.txt\",\"path\":\"z.zip\""));
    tw_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_and_null),
        cmocka_unit_test(quotes_and_backslashes),
        cmocka_unit_test(control_characters),
        cmocka_unit_test(utf8_kept_invalid_replaced),
        cmocka_unit_test(hit_object),
        cmocka_unit_test(numbers_never_nan_or_inf),
        cmocka_unit_test(article_object),
        cmocka_unit_test(names_keep_their_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
