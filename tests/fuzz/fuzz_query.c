/* fuzz_query.c - the query language and the search options, through libtrawl's
 * public API (trawl_search) over a small index of corpus/ built once at start.
 *
 * An input is OPTION_BYTES bytes that set the trawl_search_opts fields (missing
 * bytes count as zero), then the query text up to the first NUL.  Every answer
 * is checked against what trawl.h promises about results. */
#include <float.h>
#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "trawl.h"
#include "utf8.h"

#ifndef FUZZ_CORPUS
#define FUZZ_CORPUS "corpus"
#endif

enum { OPTION_BYTES = 8 };

static trawl_db *db;
static char dir[4096];

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *f)
{
    (void)st;
    (void)flag;
    (void)f;
    return remove(path);
}

static void remove_index(void)
{
    trawl_db_close(db);
    db = NULL;
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Articles the corpus lacks, so that snippets and facets meet awkward text:
 * CJK, Thai, Lao, Khmer and Burmese runs (with a zero-width space and
 * digits of their own), combining marks and emoji, a word longer than a
 * term may be, markup and entities in a title, and fields that repeat
 * across articles. */
static const trawl_article extra[] = {
    { .id = "fuzz/cjk", .title = "東京 marathon ランナー 🏃 record",
      .body = "東京マラソンで新記録。Café crème, naïve résumé — e\xCC\x81t\xC3\xA9 "
              "\xF0\x9F\x98\x80 storm front united operation.",
      .date = "2021-06-17T10:00:00+09:00", .site = "Northstar News",
      .author = "Ana Ruiz" },
    { .id = "fuzz/long", .title = "<b>Storm</b> &amp; \"front\" 'quotes' title:storm",
      .body = "supercalifragilisticexpialidociouslyextraordinarily"
              "andunbelievablylongwordthatkeepsgoing storm storm storm NEAR OR AND NOT "
              "date:2021 site:x (front) -united +operation",
      .date = "17 Jun 2021", .url = "https://www.Example.org:8080/a?b#c",
      .author = "Ana Ruiz" },
    { .id = "fuzz/sea", .title = "น้ำท่วมภาคเหนือ storm",
      .body = "รัฐบาลไทยประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกรปี๒๕๖๗ ລັດຖະບານລາວປະກາດ "
              "រដ្ឋាភិបាល\u200bកម្ពុជា မြန်မာနိုင်ငံ၂၀၂၄ storm front" },
    { .id = "fuzz/empty-ish", .title = "x", .body = " ", .site = "Northstar News" },
};

static void die(const char *what, const char *why)
{
    fprintf(stderr, "fuzz_query: %s: %s\n", what, why);
    exit(1);
}

/* Indexes corpus/ (FUZZ_CORPUS, or $TRAWL_FUZZ_CORPUS) into a temporary folder. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *corpus = getenv("TRAWL_FUZZ_CORPUS");
    if (!corpus)
        corpus = FUZZ_CORPUS;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/trawl-fuzz-query.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir))
        die(dir, "cannot make a temporary folder");
    atexit(remove_index);

    char index[4200];
    snprintf(index, sizeof index, "%s/index", dir);
    trawl_indexer_opts o = { .jobs = 1 };
    trawl_indexer *ix;
    if (trawl_indexer_open(index, &o, &ix) != TRAWL_OK)
        die(index, trawl_indexer_errmsg(ix));
    if (trawl_indexer_add_path(ix, corpus) != TRAWL_OK)
        die(corpus, trawl_indexer_errmsg(ix));
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
        if (trawl_indexer_add_article(ix, &extra[i]) != TRAWL_OK)
            die(extra[i].id, trawl_indexer_errmsg(ix));
    trawl_indexer_stats stats;
    trawl_indexer_stats_get(ix, &stats, sizeof stats);
    if (trawl_indexer_close(ix) != TRAWL_OK)
        die(index, "cannot commit");
    if (stats.articles < 10)
        die(corpus, "holds fewer than 10 articles: is it the corpus/ folder?");
    if (trawl_db_open(index, &db) != TRAWL_OK)
        die(index, trawl_db_errmsg(db));
    return 0;
}

/* Option values, chosen by one byte each: the defaults, ordinary values, and
 * ones a careless caller might pass. */
static size_t pick_count(uint8_t b)
{
    if (b < 240)
        return b % 40;
    static const size_t odd[] = { 1000, 65535, 1u << 20, (size_t)1 << 32,
                                  ((size_t)1 << 32) + 1, SIZE_MAX / 2, SIZE_MAX - 1, SIZE_MAX };
    return odd[b % 8];
}

static double pick_double(uint8_t b, const double *table, size_t n)
{
    return table[b % n];
}

static void check_utf8(const char *s, const char *what)
{
    if (s)
        FZ_CHECK(tw_utf8_valid(s, strlen(s)), "%s is not UTF-8", what);
}

/* Spans must be in order, apart, non-empty and inside TEXT. */
static void check_spans(const trawl_span *spans, size_t n, const char *text, const char *what)
{
    FZ_CHECK(n == 0 || (spans && text), "%s: spans without text", what);
    size_t len = text ? strlen(text) : 0, prev = 0;
    for (size_t i = 0; i < n; i++) {
        FZ_CHECK(spans[i].start < spans[i].end && spans[i].end <= len && spans[i].start >= prev,
                 "%s: span %zu [%zu, %zu) bad (length %zu, previous end %zu)", what, i,
                 spans[i].start, spans[i].end, len, prev);
        prev = spans[i].end;
    }
}

static void check_facet(const trawl_results *res, unsigned facet, bool asked)
{
    size_t n = 99;
    const trawl_facet_value *v = trawl_results_facet(res, facet, &n);
    if (!asked) {
        FZ_CHECK(n == 0, "facet %u not asked for has %zu values", facet, n);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        FZ_CHECK(v[i].value && v[i].count > 0, "facet %u value %zu empty", facet, i);
        check_utf8(v[i].value, "facet value");
        if (i)
            FZ_CHECK(v[i - 1].count > v[i].count ||
                     (v[i - 1].count == v[i].count && strcmp(v[i - 1].value, v[i].value) < 0),
                     "facet %u out of order at %zu", facet, i);
    }
}

static void check_results(const trawl_results *res, const trawl_search_opts *o,
                          const char *query)
{
    size_t n = trawl_results_count(res);
    size_t limit = o->limit ? o->limit : 10;
    FZ_CHECK(n <= limit, "%zu hits for a limit of %zu", n, limit);
    FZ_CHECK(trawl_results_hit(res, n) == NULL, "a hit past the end");
    for (size_t i = 0; i < n; i++) {
        const trawl_hit *h = trawl_results_hit(res, i);
        FZ_CHECK(h, "hit %zu missing", i);
        FZ_CHECK(h->rank == o->offset + i + 1, "hit %zu has rank %zu, offset %zu", i, h->rank,
                 o->offset);
        FZ_CHECK(h->id && *h->id, "hit %zu without an id", i);
        check_utf8(h->title, "title");
        check_utf8(h->url, "url");
        check_utf8(h->site, "site");
        check_utf8(h->author, "author");
        check_utf8(h->snippet, "snippet");
        FZ_CHECK(o->no_snippets ? !h->snippet : h->snippet != NULL,
                 "snippet present %d with no_snippets %d", h->snippet != NULL, o->no_snippets);
        check_spans(h->highlights, h->n_highlights, h->snippet, "snippet");
        check_spans(h->title_highlights, h->n_title_highlights, h->title, "title");
        FZ_CHECK(h->n_duplicates <= 20 && h->n_duplicates <= h->n_similar,
                 "%zu duplicates listed of %zu", h->n_duplicates, h->n_similar);
        FZ_CHECK(!o->no_collapse || h->n_similar == 0, "folded with no_collapse");
        for (size_t k = 0; k < h->n_duplicates; k++)
            FZ_CHECK(h->duplicates[k] && (k == 0 || strcmp(h->duplicates[k - 1],
                                                           h->duplicates[k]) < 0),
                     "duplicates not in id order");
    }
    for (unsigned f = TRAWL_FACET_SITE; f <= TRAWL_FACET_LANG; f <<= 1)
        check_facet(res, f, (o->facets & f) != 0);
    /* A suggestion keeps the words it does not correct: UTF-8 if they were. */
    const char *s = trawl_results_suggestion(res);
    if (tw_utf8_valid(query, strlen(query)))
        check_utf8(s, "suggestion");
    FZ_CHECK(!trawl_results_used_suggestion(res) || s, "used a suggestion it does not give");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t b[OPTION_BYTES] = { 0 };
    size_t head = size < OPTION_BYTES ? size : OPTION_BYTES;
    memcpy(b, data, head);
    char *query = strndup((const char *)data + head, size - head);
    FZ_CHECK(query != NULL, "out of memory");

    static const double k1[] = { 0, 0.5, 1.2, 2, 10, 1e6, -1, NAN, INFINITY, DBL_MIN };
    static const double bb[] = { 0, 0.1, 0.3, 0.75, 1, 1.5, -0.5, NAN, INFINITY, DBL_MIN };
    trawl_search_opts o = {
        .size = sizeof o,
        .match_any = b[0] & 1, .sort_by_date = b[0] >> 1 & 1, .no_snippets = b[0] >> 2 & 1,
        .no_collapse = b[0] >> 3 & 1, .exact_count = b[0] >> 4 & 1, .no_relax = b[0] >> 5 & 1,
        .no_suggest = b[0] >> 6 & 1,
        .limit = pick_count(b[1]),
        .offset = pick_count(b[2]),
        .snippet_length = b[3] < 240 ? (size_t)b[3] * 4 : pick_count(b[3]),
        .facets = b[4] & 0xF,      /* 8 is no facet: the library must ignore it */
        .bm25_only = b[4] >> 4 & 1,
        .bm25_k1 = pick_double(b[5], k1, sizeof k1 / sizeof k1[0]),
        .bm25_b = pick_double(b[6], bb, sizeof bb / sizeof bb[0]),
    };
    /* The top bit of b[0]: NULL options, the defaults. */
    bool defaults = b[0] >> 7;
    trawl_search_opts none = { 0 };

    trawl_results *res = (trawl_results *)1;
    trawl_status st = trawl_search(db, query, defaults ? NULL : &o, &res);
    if (st == TRAWL_OK) {
        FZ_CHECK(res != NULL, "TRAWL_OK without results");
        check_results(res, defaults ? &none : &o, query);
        trawl_results_free(res);
    } else {
        FZ_CHECK(res == NULL, "results left set on failure %d", (int)st);
        /* Bad syntax is the user's error; anything else is ours or Xapian's. */
        FZ_CHECK(st == TRAWL_EQUERY || st == TRAWL_EINVAL,
                 "query '%s' failed with %s: %s", query, trawl_strerror(st),
                 trawl_db_errmsg(db));
        FZ_CHECK(*trawl_db_errmsg(db), "failure %d without a message", (int)st);
    }
    free(query);
    return 0;
}
