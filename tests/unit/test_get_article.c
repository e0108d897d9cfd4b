/* Unit tests through the library: trawl_db_get_article reads back what was
 * stored, and an extracting indexer (opts.on_extract) hands over exactly what
 * an indexer stores, writing nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "trawl.h"

#include "scratch.h"

static void write_file(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/in/%s", dir, name);
    scratch_write(path, text);
}

static int setup(void **state)
{
    (void)state;
    if (scratch_make() < 0)
        return -1;
    char path[256];
    snprintf(path, sizeof path, "%s/in", dir);
    if (mkdir(path, 0777) < 0)
        return -1;
    /* One file of each kind of article: headers, markup, a container. */
    write_file("plain.txt",
               "Date: 2021-06-17T10:00:00+02:00\nURL: https://www.ledger.example/a/1\n"
               "Author: Dana Whitcomb\n\nHeron numbers recover\n\n"
               "Heron numbers recover\n\nGrey herons nest again on the \"old\" island.\n\n"
               "Forty pairs were counted this spring, twice last year's number.\n\n"
               "Leave a Reply\nYour email address will not be published.\n");
    write_file("page.html",
               "<html><head><title>Kestrels return | The Ledger</title>"
               "<meta property=\"og:site_name\" content=\"The Ledger\">"
               "<meta property=\"article:published_time\" content=\"2020-03-01\">"
               "</head><body><nav>Home News</nav><article><h1>Kestrels return</h1>"
               "<p>Kestrels hover over the \\ dunes &amp; fields.</p></article></body></html>");
    write_file("dump.jsonl",
               "{\"id\":\"one\",\"title\":\"Avocets\",\"body\":\"Avocets feed at dawn.\","
               "\"date\":\"Tue, 02 Mar 2021 08:00:00 GMT\"}\n"
               "{\"id\":\"two\",\"title\":\"Curlews\",\"body\":\"Curlews call.\"}\n");
    return 0;
}

static void assert_same(const char *got, const char *want)
{
    if (!want)
        assert_null(got);
    else {
        assert_non_null(got);
        assert_string_equal(got, want);
    }
}

/* What an extracting indexer handed over, copied. */
typedef struct kept {
    trawl_article a[8];
    size_t n;
    int stop_after;             /* nonzero: fail the call after this many */
} kept;

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static int keep(void *ctx, const trawl_article *a)
{
    kept *k = ctx;
    if (k->stop_after && k->n == (size_t)k->stop_after)
        return -1;
    assert_true(k->n < 8);
    assert_int_equal(a->size, sizeof *a);   /* the library's articles say their size */
    k->a[k->n++] = (trawl_article){ .id = dup_or_null(a->id), .title = dup_or_null(a->title),
                                    .body = dup_or_null(a->body), .date = dup_or_null(a->date),
                                    .url = dup_or_null(a->url), .site = dup_or_null(a->site),
                                    .author = dup_or_null(a->author),
                                    .path = dup_or_null(a->path) };
    return 0;
}

static void kept_free(kept *k)
{
    for (size_t i = 0; i < k->n; i++) {
        trawl_article *a = &k->a[i];
        const char *fields[] = { a->id, a->title, a->body, a->date, a->url, a->site,
                                 a->author, a->path };
        for (size_t j = 0; j < 8; j++)
            free((char *)fields[j]);
    }
    k->n = 0;
}

/* Every article extracted from the files reads back from the index built from
 * them field for field: one path from file to article, whether it is then
 * written or shown. */
static void extracted_is_what_is_stored(void **state)
{
    (void)state;
    char in[256], db_path[256], none[256];
    snprintf(in, sizeof in, "%s/in", dir);
    snprintf(db_path, sizeof db_path, "%s/db", dir);
    snprintf(none, sizeof none, "%s/never", dir);

    kept k = { 0 };
    trawl_indexer_opts o = { .on_extract = keep, .ctx = &k };
    trawl_indexer *ix;
    /* A path given anyway is not created: extraction writes no index. */
    assert_int_equal(trawl_indexer_open(none, &o, &ix), TRAWL_OK);
    assert_int_equal(trawl_indexer_add_path(ix, in), TRAWL_OK);
    trawl_indexer_stats s;
    assert_int_equal(trawl_indexer_stats_get(ix, &s, sizeof s), TRAWL_OK);
    assert_int_equal(s.files_seen, 3);
    assert_int_equal(s.articles, 4);
    assert_int_equal(trawl_indexer_remove(ix, "one"), TRAWL_EINVAL);
    assert_int_equal(trawl_indexer_commit(ix), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    struct stat st;
    assert_int_equal(stat(none, &st), -1);
    assert_int_equal(k.n, 4);

    /* The plain-text article as cleaned: the repeated title and the comment
     * form cut, the date on the clock it was written by, the url's host as
     * its site. */
    const trawl_article *plain = NULL;
    for (size_t i = 0; i < k.n; i++)
        if (strstr(k.a[i].id, "plain.txt"))
            plain = &k.a[i];
    assert_non_null(plain);
    assert_string_equal(plain->title, "Heron numbers recover");
    assert_string_equal(plain->body, "Grey herons nest again on the \"old\" island.\n\n"
                        "Forty pairs were counted this spring, twice last year's number.");
    assert_string_equal(plain->date, "2021-06-17T10:00:00+02:00");
    assert_string_equal(plain->site, "ledger.example");
    assert_string_equal(plain->author, "Dana Whitcomb");

    trawl_indexer_opts w = { .jobs = 1 };
    assert_int_equal(trawl_indexer_open(db_path, &w, &ix), TRAWL_OK);
    assert_int_equal(trawl_indexer_add_path(ix, in), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    trawl_db *db;
    assert_int_equal(trawl_db_open(db_path, &db), TRAWL_OK);
    for (size_t i = 0; i < k.n; i++) {
        const trawl_article *want = &k.a[i];
        trawl_article *got = NULL;
        if (trawl_db_get_article(db, want->id, &got) != TRAWL_OK)
            fail_msg("%s: %s", want->id, trawl_db_errmsg(db));
        assert_string_equal(got->id, want->id);
        assert_same(got->path, want->path);
        assert_same(got->title, want->title);
        assert_same(got->body, want->body);
        assert_same(got->date, want->date);
        assert_same(got->url, want->url);
        assert_same(got->site, want->site);
        assert_same(got->author, want->author);
        trawl_article_free(got);
    }
    trawl_db_close(db);
    kept_free(&k);
}

/* A callback that fails stops the walk with TRAWL_EIO and says so. */
static void failing_callback_stops(void **state)
{
    (void)state;
    char in[256];
    snprintf(in, sizeof in, "%s/in", dir);
    kept k = { .stop_after = 1 };
    trawl_indexer_opts o = { .on_extract = keep, .ctx = &k };
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(NULL, &o, &ix), TRAWL_OK);
    assert_int_equal(trawl_indexer_add_path(ix, in), TRAWL_EIO);
    assert_non_null(strstr(trawl_indexer_errmsg(ix), "on_extract"));
    assert_int_equal(k.n, 1);
    /* add_article hands its article over the same way. */
    trawl_article a = { .id = "x", .body = "text" };
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_EIO);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    kept_free(&k);
    /* Without on_extract an index path is still required. */
    assert_int_equal(trawl_indexer_open(NULL, NULL, &ix), TRAWL_EINVAL);
    trawl_indexer_close(ix);
}

/* Round trip by hand: absent fields stay NULL, a body over 64 KiB is stored
 * cut to 64 KiB on a character boundary, a long id (hashed in its term) reads
 * back, an unknown id is TRAWL_ENOTFOUND. */
static void get_article_round_trip(void **state)
{
    (void)state;
    char path[256];
    snprintf(path, sizeof path, "%s/hand", dir);
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(path, NULL, &ix), TRAWL_OK);
    trawl_article bare = { .id = "hand/bare", .body = "only a body" };
    assert_int_equal(trawl_indexer_add_article(ix, &bare), TRAWL_OK);

    /* "é" is two bytes: 65,535 bytes of "a" then "é" puts a character across
     * the 64 KiB mark, which the stored copy must not split. */
    size_t big_len = 70000;
    char *big = malloc(big_len + 1);
    assert_non_null(big);
    memset(big, 'a', 65535);
    for (size_t i = 65535; i + 1 < big_len; i += 2)
        memcpy(big + i, "\xc3\xa9", 2);
    big[big_len - (big_len - 65535) % 2] = '\0';
    char long_id[400];
    memset(long_id, 'x', sizeof long_id - 1);
    long_id[sizeof long_id - 1] = '\0';
    trawl_article full = { .id = long_id, .title = "Long", .body = big,
                           .date = "17 June 2021", .url = "https://a.example/x",
                           .site = "A Site", .author = "An Author", .path = "some/file" };
    assert_int_equal(trawl_indexer_add_article(ix, &full), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);

    trawl_db *db;
    assert_int_equal(trawl_db_open(path, &db), TRAWL_OK);
    trawl_article *a = NULL;
    assert_int_equal(trawl_db_get_article(db, "hand/bare", &a), TRAWL_OK);
    assert_string_equal(a->id, "hand/bare");
    assert_string_equal(a->body, "only a body");
    assert_null(a->title);
    assert_null(a->date);
    assert_null(a->url);
    assert_null(a->site);
    assert_null(a->author);
    assert_null(a->path);
    trawl_article_free(a);

    assert_int_equal(trawl_db_get_article(db, long_id, &a), TRAWL_OK);
    assert_string_equal(a->id, long_id);
    assert_string_equal(a->title, "Long");
    assert_string_equal(a->date, "2021-06-17");
    assert_string_equal(a->url, "https://a.example/x");
    assert_string_equal(a->site, "A Site");
    assert_string_equal(a->author, "An Author");
    assert_string_equal(a->path, "some/file");
    assert_int_equal(strlen(a->body), 65535);
    assert_memory_equal(a->body, big, 65535);
    trawl_article_free(a);
    free(big);

    /* Same first 200 bytes as the long id, so the same start of its term. */
    long_id[300] = 'y';
    a = (trawl_article *)1;
    assert_int_equal(trawl_db_get_article(db, long_id, &a), TRAWL_ENOTFOUND);
    assert_null(a);
    assert_int_equal(trawl_db_get_article(db, "hand/none", &a), TRAWL_ENOTFOUND);
    assert_null(a);
    assert_non_null(strstr(trawl_db_errmsg(db), "hand/none"));
    assert_int_equal(trawl_db_get_article(db, "", &a), TRAWL_EINVAL);
    assert_int_equal(trawl_db_get_article(db, NULL, &a), TRAWL_EINVAL);
    assert_int_equal(trawl_db_get_article(db, "hand/bare", NULL), TRAWL_EINVAL);
    assert_int_equal(trawl_db_get_article(NULL, "hand/bare", &a), TRAWL_EINVAL);
    trawl_article_free(NULL);
    trawl_db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(extracted_is_what_is_stored),
        cmocka_unit_test(failing_callback_stops),
        cmocka_unit_test(get_article_round_trip),
    };
    return cmocka_run_group_tests(tests, setup, scratch_remove);
}
