/* Unit tests through the library: what is indexed reads back intact. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "trawl.h"

#include "scratch.h"

/* Xapian 1.4.22 corrupts some highly compressible stored tags a little over a
 * multiple of its 8 KiB block size.  Articles whose stored text is one word
 * repeated, at every size around those multiples, must all read back. */
static void repetitive_bodies_read_back(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/db", dir);
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(path, NULL, &ix), TRAWL_OK);
    static char body[70000];
    size_t n_articles = 0;
    size_t sizes[][2] = { { 8150, 8300 }, { 16400, 16520 }, { 65480, 65620 } };
    for (size_t r = 0; r < 3; r++)
        for (size_t len = sizes[r][0]; len < sizes[r][1]; len++) {
            for (size_t i = 0; i < len; i++)
                body[i] = "egret "[i % 6];
            body[len] = '\0';
            char id[32];
            snprintf(id, sizeof id, "r/%zu", len);
            trawl_article a = { .id = id, .title = "egrets", .body = body };
            assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
            n_articles++;
        }
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);

    trawl_db *db;
    assert_int_equal(trawl_db_open(path, &db), TRAWL_OK);
    /* The bodies are all one story to the near-duplicate folding: ask for each. */
    trawl_search_opts opts = { .limit = 1000, .no_collapse = 1 };
    trawl_results *res = NULL;
    trawl_status st = trawl_search(db, "egret", &opts, &res);
    if (st != TRAWL_OK)
        fail_msg("search failed: %s", trawl_db_errmsg(db));
    assert_int_equal(trawl_results_count(res), n_articles);
    for (size_t i = 0; i < n_articles; i++)
        assert_non_null(strstr(trawl_results_hit(res, i)->snippet, "egret"));
    trawl_results_free(res);
    trawl_db_close(db);
}

static size_t hits(trawl_db *db, const char *query)
{
    trawl_results *res = NULL;
    trawl_search_opts opts = { .exact_count = 1, .no_snippets = 1 };
    if (trawl_search(db, query, &opts, &res) != TRAWL_OK)
        fail_msg("search failed: %s", trawl_db_errmsg(db));
    size_t n = (size_t)trawl_results_total(res);
    trawl_results_free(res);
    return n;
}

/* A reader opened once keeps seeing each new commit of a writer, and never what
 * the writer has not committed. */
static void long_lived_reader_follows_commits(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/live", dir);
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(path, NULL, &ix), TRAWL_OK);
    trawl_article a = { .id = "live/1", .title = "First kestrel", .body = "kestrel" };
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    assert_int_equal(trawl_indexer_commit(ix), TRAWL_OK);

    trawl_db *db;
    assert_int_equal(trawl_db_open(path, &db), TRAWL_OK);
    assert_int_equal(hits(db, "kestrel"), 1);
    for (int round = 2; round <= 30; round++) {
        char id[32], body[64];
        snprintf(id, sizeof id, "live/%d", round);
        snprintf(body, sizeof body, "kestrel number %d hovering", round);
        trawl_article b = { .id = id, .title = "Another kestrel", .body = body };
        assert_int_equal(trawl_indexer_add_article(ix, &b), TRAWL_OK);
        assert_int_equal(hits(db, "kestrel"), (size_t)round - 1);   /* not committed */
        assert_int_equal(trawl_indexer_commit(ix), TRAWL_OK);
        assert_int_equal(hits(db, "kestrel"), (size_t)round);
    }
    uint64_t n;
    assert_int_equal(trawl_db_doc_count(db, &n), TRAWL_OK);
    assert_int_equal(n, 30);
    trawl_db_close(db);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
}

/* A handle open on an index whose stub is then damaged says so, in one
 * message, and does not search an empty index instead. */
static void open_reader_sees_a_damaged_stub(void **state)
{
    (void)state;
    char path[128], stub[160];
    snprintf(path, sizeof path, "%s/stub", dir);
    snprintf(stub, sizeof stub, "%s/XAPIANDB", path);
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(path, NULL, &ix), TRAWL_OK);
    trawl_article a = { .id = "s/1", .title = "Grey heron", .body = "heron" };
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    trawl_db *db;
    assert_int_equal(trawl_db_open(path, &db), TRAWL_OK);
    assert_int_equal(hits(db, "heron"), 1);
    FILE *f = fopen(stub, "w");     /* emptied: a new inode and time */
    assert_non_null(f);
    fclose(f);
    uint64_t n = 99;
    assert_int_equal(trawl_db_doc_count(db, &n), TRAWL_ECORRUPT);
    assert_int_equal(n, 0);
    const char *msg = trawl_db_errmsg(db);
    assert_non_null(strstr(msg, "is damaged: its XAPIANDB file is empty"));
    assert_null(strstr(strstr(msg, "damaged") + 1, "damaged"));     /* said once */
    trawl_db_close(db);
}

typedef struct calls {
    int inside;                 /* a callback is running */
    int overlapped;             /* one began while another ran */
    int progress, warnings;
    int steps;                  /* progress reports of the build's end */
    int merging;                /* ...of which the merge of the workers' parts */
    int step_with_path;         /* a step report that named a file */
} calls;

static void enter(calls *c)
{
    if (__atomic_fetch_add(&c->inside, 1, __ATOMIC_SEQ_CST))
        c->overlapped = 1;
}

static void on_progress(void *ctx, const trawl_progress *p)
{
    calls *c = ctx;
    enter(c);
    if (p->stage) {
        c->steps++;
        c->merging += strncmp(p->stage, "merging the workers' parts: ", 28) == 0;
        c->step_with_path |= p->path != NULL;
    } else {
        c->progress++;
    }
    __atomic_fetch_sub(&c->inside, 1, __ATOMIC_SEQ_CST);
}

static void on_warning(void *ctx, const char *path, const char *message)
{
    (void)path;
    (void)message;
    calls *c = ctx;
    enter(c);
    c->warnings++;
    __atomic_fetch_sub(&c->inside, 1, __ATOMIC_SEQ_CST);
}

/* Writes N text files under DIR/files/ROUND, each naming the round. */
static void write_files(const char *files, int round, int n)
{
    char path[256];
    snprintf(path, sizeof path, "mkdir -p '%s'", files);
    assert_int_equal(system(path), 0);
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/r%d-%03d.txt", files, round, i);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fprintf(f, "Round %d article %d\n\nplover%d plover sighting number %d\n", round, i,
                round, i);
        fclose(f);
    }
    snprintf(path, sizeof path, "%s/empty.txt", files);
    fclose(fopen(path, "w"));
}

/* Rebuilds from scratch (overwrite) in worker threads switch the index to a new
 * generation; a reader opened before follows each one.  Callbacks come from the
 * workers but one at a time. */
static void reader_follows_parallel_rebuilds(void **state)
{
    (void)state;
    char path[128], files[128];
    snprintf(path, sizeof path, "%s/rebuilt", dir);
    trawl_db *db = NULL;
    for (int round = 1; round <= 4; round++) {
        snprintf(files, sizeof files, "%s/files%d", dir, round);
        write_files(files, round, 40 * round);
        calls c = { 0 };
        trawl_indexer_opts o = { .overwrite = 1, .jobs = 3, .memory_bytes = 1 << 20,
                                 .on_progress = on_progress, .on_warning = on_warning,
                                 .ctx = &c };
        trawl_indexer *ix;
        assert_int_equal(trawl_indexer_open(path, &o, &ix), TRAWL_OK);
        assert_int_equal(trawl_indexer_add_path(ix, files), TRAWL_OK);
        assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
        assert_int_equal(c.progress, 40 * round + 1);
        /* Then the build's end, step by step: the merge a table at a time
         * (postlist, docdata, termlist, position, spelling, synonym). */
        assert_int_equal(c.merging, 6);
        assert_true(c.steps >= c.merging + 4);
        assert_int_equal(c.step_with_path, 0);
        assert_int_equal(c.warnings, 1);            /* the empty file */
        assert_int_equal(c.overlapped, 0);
        if (!db)
            assert_int_equal(trawl_db_open(path, &db), TRAWL_OK);
        char word[32];
        snprintf(word, sizeof word, "plover%d", round);
        assert_int_equal(hits(db, word), (size_t)(40 * round));
        assert_int_equal(hits(db, "plover"), (size_t)(40 * round));
    }
    trawl_db_close(db);
}

/* One file of many short articles tells how far it is every thousand
 * articles, not only when it is done: a build of a few big JSON Lines
 * dumps showed nothing for its first 45 s.  With one writer and with the
 * articles shared out among two workers. */
static void dump_tells_progress_as_it_is_read(void **state)
{
    (void)state;
    char path[128], file[128];
    snprintf(file, sizeof file, "%s/dump.jsonl", dir);
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    for (int i = 0; i < 2500; i++)
        fprintf(f, "{\"title\": \"Tern count %d\", \"text\": \"tern sighting %d\"}\n", i, i);
    fclose(f);
    for (unsigned jobs = 1; jobs <= 2; jobs++) {
        snprintf(path, sizeof path, "%s/dump-%u", dir, jobs);
        calls c = { 0 };
        trawl_indexer_opts o = { .jobs = jobs, .on_progress = on_progress, .ctx = &c };
        trawl_indexer *ix;
        assert_int_equal(trawl_indexer_open(path, &o, &ix), TRAWL_OK);
        assert_int_equal(trawl_indexer_add_path(ix, file), TRAWL_OK);
        assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
        /* After 1,000 and 2,000 articles, and at the end. */
        assert_int_equal(c.progress, 3);
    }
}

/* Stops a build once STOP_AFTER files are done, as Ctrl-C would. */
typedef struct stopper {
    calls c;
    trawl_indexer *ix;
    int stop_after;
} stopper;

static void stop_midway(void *ctx, const trawl_progress *p)
{
    stopper *s = ctx;
    on_progress(&s->c, p);
    if (!p->stage && s->c.progress == s->stop_after)
        trawl_indexer_interrupt(s->ix);
}

/* Runs a build of FILES into PATH with two workers, stopped after STOP_AFTER
 * files (never, with 0); returns how many parts of its merge were told. */
static int build_stopped(const char *path, const char *files, int stop_after,
                         trawl_status expect)
{
    stopper s = { .stop_after = stop_after };
    trawl_indexer_opts o = { .jobs = 2, .on_progress = stop_midway, .ctx = &s };
    assert_int_equal(trawl_indexer_open(path, &o, &s.ix), TRAWL_OK);
    assert_int_equal(trawl_indexer_add_path(s.ix, files), expect);
    assert_int_equal(trawl_indexer_close(s.ix), TRAWL_OK);
    return s.c.merging;
}

/* A first build that was stopped leaves what it did searchable; the next run
 * goes on in bulk (its workers' parts merged with what is there), not with
 * one writer, and ends with every article once; the run after that has
 * nothing left to merge. */
static void stopped_build_goes_on_in_bulk(void **state)
{
    (void)state;
    char path[128], files[128];
    snprintf(path, sizeof path, "%s/stopped", dir);
    snprintf(files, sizeof files, "%s/stopped-files", dir);
    write_files(files, 7, 80);
    assert_int_equal(build_stopped(path, files, 20, TRAWL_EINTR), 6);
    trawl_db *db;
    assert_int_equal(trawl_db_open(path, &db), TRAWL_OK);
    size_t done = hits(db, "plover7");
    trawl_db_close(db);
    if (!(done >= 10 && done < 80))
        fail_msg("the stopped build holds %zu articles", done);

    assert_int_equal(build_stopped(path, files, 0, TRAWL_OK), 6);
    assert_int_equal(trawl_db_open(path, &db), TRAWL_OK);
    assert_int_equal(hits(db, "plover7"), 80);
    assert_int_equal(hits(db, "sighting"), 80);
    uint64_t n;
    assert_int_equal(trawl_db_doc_count(db, &n), TRAWL_OK);
    assert_int_equal(n, 80);
    trawl_db_close(db);

    assert_int_equal(build_stopped(path, files, 0, TRAWL_OK), 0);
}

/* Articles added by hand to an empty index stay when a folder is added after
 * them: the folder is not built in bulk, which would replace them. */
static void articles_before_a_walk_stay(void **state)
{
    (void)state;
    char path[128], files[128];
    snprintf(path, sizeof path, "%s/mixed", dir);
    snprintf(files, sizeof files, "%s/mixed-files", dir);
    write_files(files, 9, 5);
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(path, NULL, &ix), TRAWL_OK);
    trawl_article a = { .id = "hand/1", .title = "Bittern", .body = "a bittern booms" };
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    assert_int_equal(trawl_indexer_commit(ix), TRAWL_OK);
    assert_int_equal(trawl_indexer_add_path(ix, files), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    trawl_db *db;
    assert_int_equal(trawl_db_open(path, &db), TRAWL_OK);
    assert_int_equal(hits(db, "bittern"), 1);
    assert_int_equal(hits(db, "plover9"), 5);
    trawl_db_close(db);
}

/* Folding, facets, suggestions and relaxation through the library, on articles
 * added one by one (the incremental writer joins copies as they come). */
static void stories_facets_and_fallbacks(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/stories", dir);
    static const char body[] =
        "Harbour pilots went on strike at dawn on Monday, leaving eleven container "
        "ships waiting at anchor outside the port while talks over night shifts and "
        "pensions broke down for the third time this month, the union said.";
    static const char edited[] =
        "Harbour pilots went on strike at dawn on Monday, leaving twelve container "
        "ships waiting at anchor outside the port while talks over night shifts and "
        "pensions broke down for the third time this month, the union said.";
    static const char other[] =
        "The museum reopened its east wing after a two-year restoration of the "
        "painted ceiling, with timed tickets to keep the galleries from crowding "
        "during the first weeks, the director said on Monday morning.";
    trawl_article arts[] = {
        { .id = "a", .title = "Pilots strike", .body = body, .site = "The Ledger",
          .author = "Ann Lee", .date = "2021-03-01" },
        { .id = "b", .title = "Port strike", .body = edited, .site = "Valley Courier",
          .author = "Ann Lee", .date = "2021-03-02" },
        { .id = "c", .title = "Museum reopens", .body = other, .site = "The Ledger",
          .author = "Bo Chen", .date = "2022-05-05" },
    };
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(path, NULL, &ix), TRAWL_OK);
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(trawl_indexer_add_article(ix, &arts[i]), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);

    trawl_db *db;
    assert_int_equal(trawl_db_open(path, &db), TRAWL_OK);
    trawl_search_opts opts = { .facets = TRAWL_FACET_SITE | TRAWL_FACET_YEAR };
    trawl_results *res = NULL;
    assert_int_equal(trawl_search(db, "monday", &opts, &res), TRAWL_OK);
    assert_int_equal(trawl_results_total(res), 2);   /* the strike story, the museum */
    const trawl_hit *h = NULL;
    for (size_t i = 0; i < trawl_results_count(res); i++)
        if (trawl_results_hit(res, i)->n_similar)
            h = trawl_results_hit(res, i);
    assert_non_null(h);
    assert_int_equal(h->n_similar, 1);
    assert_int_equal(h->n_duplicates, 1);
    assert_string_equal(h->duplicates[0], strcmp(h->id, "a") ? "a" : "b");
    size_t n;
    const trawl_facet_value *v = trawl_results_facet(res, TRAWL_FACET_SITE, &n);
    assert_int_equal(n, 2);
    assert_string_equal(v[0].value, "The Ledger");
    assert_int_equal(v[0].count, 2);
    assert_string_equal(v[1].value, "Valley Courier");
    assert_int_equal(v[1].count, 1);
    v = trawl_results_facet(res, TRAWL_FACET_YEAR, &n);
    assert_int_equal(n, 2);
    assert_string_equal(v[0].value, "2021");
    assert_int_equal(v[0].count, 1);
    assert_null(trawl_results_facet(res, TRAWL_FACET_AUTHOR, &n));
    assert_int_equal(n, 0);
    assert_null(trawl_results_suggestion(res));
    trawl_results_free(res);

    opts = (trawl_search_opts){ .no_collapse = 1 };
    assert_int_equal(trawl_search(db, "monday", &opts, &res), TRAWL_OK);
    assert_int_equal(trawl_results_total(res), 3);
    assert_int_equal(trawl_results_hit(res, 0)->n_duplicates, 0);
    trawl_results_free(res);

    /* A typo: the corrected query runs. */
    assert_int_equal(trawl_search(db, "pilotz", NULL, &res), TRAWL_OK);
    assert_string_equal(trawl_results_suggestion(res), "pilots");
    assert_true(trawl_results_used_suggestion(res));
    assert_int_equal(trawl_results_count(res), 1);
    trawl_results_free(res);

    /* No article has both words: any of them will do, unless no_relax. */
    assert_int_equal(trawl_search(db, "museum pilots", NULL, &res), TRAWL_OK);
    assert_true(trawl_results_relaxed(res));
    assert_int_equal(trawl_results_total(res), 2);
    trawl_results_free(res);
    opts = (trawl_search_opts){ .no_relax = 1 };
    assert_int_equal(trawl_search(db, "museum pilots", &opts, &res), TRAWL_OK);
    assert_false(trawl_results_relaxed(res));
    assert_int_equal(trawl_results_total(res), 0);
    trawl_results_free(res);
    trawl_db_close(db);
}

/* BM25 parameters that made every score NaN or infinite (issue 13: k1 inf
 * or 1e308) are refused with TRAWL_EINVAL and a message; the bounds
 * themselves rank, with finite scores. */
static void bm25_parameters_checked(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/bm25", dir);
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(path, NULL, &ix), TRAWL_OK);
    trawl_article a = { .id = "a", .title = "Harbour crane", .body = "The crane lifted steel." };
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);

    trawl_db *db;
    assert_int_equal(trawl_db_open(path, &db), TRAWL_OK);
    const struct { double k1, b; } bad[] = {
        { INFINITY, 0.5 }, { NAN, 0 }, { 1e308, 0 }, { 1000.5, 0 }, { -1, 0 },
        { 0, NAN }, { 0, 1.5 }, { 0, -0.1 }, { 2, INFINITY },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        trawl_search_opts o = { .bm25_k1 = bad[i].k1, .bm25_b = bad[i].b };
        trawl_results *res = (trawl_results *)&o;
        assert_int_equal(trawl_search(db, "crane", &o, &res), TRAWL_EINVAL);
        assert_null(res);
        assert_non_null(strstr(trawl_db_errmsg(db), bad[i].k1 == 0 || bad[i].k1 == 2
                                                        ? "bm25_b must be above 0 and at most 1"
                                                        : "bm25_k1 must be above 0 and at most 1000"));
    }
    const struct { double k1, b; } good[] = { { 0, 0 }, { TRAWL_BM25_K1_MAX, 1 }, { 1e-9, 1e-9 } };
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        trawl_search_opts o = { .bm25_k1 = good[i].k1, .bm25_b = good[i].b };
        trawl_results *res;
        assert_int_equal(trawl_search(db, "crane", &o, &res), TRAWL_OK);
        assert_int_equal(trawl_results_count(res), 1);
        double score = trawl_results_hit(res, 0)->score;
        assert_true(isfinite(score) && score > 0);
        trawl_results_free(res);
    }
    trawl_db_close(db);
}

/* Two indexers splitting the same articles (trawl_indexer_opts.shard) write
 * each into exactly one of their indexes; a shard out of range is refused. */
static void shards_split_articles(void **state)
{
    (void)state;
    enum { N = 40 };
    char paths[2][128];
    uint64_t total = 0;
    for (unsigned k = 1; k <= 2; k++) {
        snprintf(paths[k - 1], sizeof paths[k - 1], "%s/shard%u", dir, k);
        trawl_indexer_opts o = TRAWL_INDEXER_OPTS_INIT;
        o.shard = k;
        o.shards = 2;
        trawl_indexer *ix;
        assert_int_equal(trawl_indexer_open(paths[k - 1], &o, &ix), TRAWL_OK);
        for (int i = 0; i < N; i++) {
            char id[16];
            snprintf(id, sizeof id, "feed/%d", i);
            trawl_article a = { .id = id, .title = "Harbour crane", .body = "Steel lifted." };
            assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
        }
        assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
        trawl_db *db;
        uint64_t n;
        assert_int_equal(trawl_db_open(paths[k - 1], &db), TRAWL_OK);
        assert_int_equal(trawl_db_doc_count(db, &n), TRAWL_OK);
        assert_true(n > 0 && n < N);
        total += n;
        trawl_db_close(db);
    }
    assert_int_equal(total, N);
    trawl_db *db[2];
    for (int k = 0; k < 2; k++)
        assert_int_equal(trawl_db_open(paths[k], &db[k]), TRAWL_OK);
    for (int i = 0; i < N; i++) {
        char id[16];
        snprintf(id, sizeof id, "feed/%d", i);
        int found = 0;
        for (int k = 0; k < 2; k++) {
            trawl_article *got;
            trawl_status st = trawl_db_get_article(db[k], id, &got);
            assert_true(st == TRAWL_OK || st == TRAWL_ENOTFOUND);
            found += st == TRAWL_OK;
            trawl_article_free(got);
        }
        assert_int_equal(found, 1);
    }
    for (int k = 0; k < 2; k++)
        trawl_db_close(db[k]);

    trawl_indexer_opts bad = TRAWL_INDEXER_OPTS_INIT;
    bad.shard = 3;
    bad.shards = 2;
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(paths[0], &bad, &ix), TRAWL_EINVAL);
    assert_non_null(strstr(trawl_indexer_errmsg(ix), "the shard must be from 1 to 2"));
    trawl_indexer_close(ix);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(repetitive_bodies_read_back),
        cmocka_unit_test(long_lived_reader_follows_commits),
        cmocka_unit_test(open_reader_sees_a_damaged_stub),
        cmocka_unit_test(reader_follows_parallel_rebuilds),
        cmocka_unit_test(articles_before_a_walk_stay),
        cmocka_unit_test(dump_tells_progress_as_it_is_read),
        cmocka_unit_test(stopped_build_goes_on_in_bulk),
        cmocka_unit_test(stories_facets_and_fallbacks),
        cmocka_unit_test(bm25_parameters_checked),
        cmocka_unit_test(shards_split_articles),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_remove);
}
