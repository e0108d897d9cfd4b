/* tsan_threads.c - libtrawl's threads under ThreadSanitizer (`make tsan`).
 *
 * Two scenarios, each the way a program embedding trawl uses threads:
 *  1. readers beside a writer: 8 threads, each with its own trawl_db, search
 *     again and again while another thread adds articles to the same index
 *     with a trawl_indexer and commits after each few, then indexes a folder
 *     incrementally.  Every search must succeed, and a reader must never see
 *     the count of the writer's articles go down, and in the end sees them all;
 *  2. a bulk build: trawl_indexer_add_path with 3 worker threads on a fresh
 *     index over 50 small HTML pages and a JSON Lines dump big enough (over
 *     1 MiB) that its articles are shared out among the workers, with
 *     callbacks that count without a lock of their own (trawl.h says workers
 *     call them one at a time).  Every file and article must arrive.
 * ThreadSanitizer reports any data race or lock-order problem on the way;
 * the checks here make sure the threads did their work.
 * Usage: tsan_threads CORPUS_DIR */
#include <ftw.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "trawl.h"

/* A search that overlaps commits of the writer finds blocks it was reading
 * reused; trawl_search reads again at the latest revision (query/
 * search_xapian.cc), so every search must succeed, even beside a writer that
 * commits every few articles.  So must every other read: the statistics,
 * the count, and opening the index (which reads its metadata). */
static atomic_int searches;     /* done, for the summary line */

enum { READERS = 8, ROUNDS = 50, PER_ROUND = 3, FOLDER_FILES = 3, PAGES = 50, LINES = 2500 };

static atomic_int failures;

#define CHECK(cond, ...) \
    do { \
        if (!(cond)) { \
            fprintf(stderr, "tsan_threads:%d: check failed: %s: ", __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__); \
            fputc('\n', stderr); \
            atomic_fetch_add(&failures, 1); \
        } \
    } while (0)

static char base[4096];

static void path_in(char *out, size_t len, const char *name)
{
    snprintf(out, len, "%s/%s", base, name);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    CHECK(f != NULL, "cannot write %s", path);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* ------------------------------------------------ readers beside a writer */

static char index1[4200];
static atomic_int writer_done;
static const char *corpus;

/* The writer's articles all hold this word and no corpus article does. */
#define MARK "zebrafinch"

/* Exact number of articles with MARK, as a reader sees it now; -1 on failure. */
static long count_marked(trawl_db *db)
{
    trawl_search_opts o = { .exact_count = 1, .no_collapse = 1, .no_suggest = 1,
                            .no_relax = 1, .no_snippets = 1 };
    trawl_results *res;
    atomic_fetch_add(&searches, 1);
    trawl_status st = trawl_search(db, MARK, &o, &res);
    CHECK(st == TRAWL_OK, "counting: %s", trawl_db_errmsg(db));
    if (st != TRAWL_OK)
        return -1;
    long n = (long)trawl_results_total(res);
    trawl_results_free(res);
    return n;
}

/* Searches with snippets, facets and folding, and reads every string of every
 * hit, so that the results' memory is touched by this thread. */
static void search_all(trawl_db *db, const char *query, unsigned round)
{
    trawl_search_opts o = { .limit = 5 + round % 10, .facets = TRAWL_FACET_SITE |
                            TRAWL_FACET_YEAR, .sort_by_date = round % 3 == 0,
                            .match_any = round % 2 };
    trawl_results *res;
    atomic_fetch_add(&searches, 1);
    trawl_status st = trawl_search(db, query, &o, &res);
    CHECK(st == TRAWL_OK, "'%s': %s", query, trawl_db_errmsg(db));
    if (st != TRAWL_OK)
        return;
    size_t bytes = 0;
    for (size_t i = 0; i < trawl_results_count(res); i++) {
        const trawl_hit *h = trawl_results_hit(res, i);
        bytes += strlen(h->id) + (h->title ? strlen(h->title) : 0) +
                 (h->snippet ? strlen(h->snippet) : 0);
    }
    CHECK(trawl_results_count(res) == 0 || bytes > 0, "'%s': empty hits", query);
    trawl_results_free(res);
}

/* The reads beside a search: the statistics (they read every term), the
 * number of articles, and the index opened again. */
static void read_others(trawl_db *db)
{
    trawl_db_info info;
    CHECK(trawl_db_info_get(db, &info, sizeof info) == TRAWL_OK, "statistics: %s",
          trawl_db_errmsg(db));
    uint64_t docs;
    CHECK(trawl_db_doc_count(db, &docs) == TRAWL_OK, "count: %s", trawl_db_errmsg(db));
    trawl_db *again;
    CHECK(trawl_db_open(index1, &again) == TRAWL_OK, "open again: %s",
          again ? trawl_db_errmsg(again) : "no handle");
    trawl_db_close(again);
}

static void *reader(void *arg)
{
    (void)arg;
    trawl_db *db;
    if (trawl_db_open(index1, &db) != TRAWL_OK) {
        CHECK(0, "open %s: %s", index1, trawl_db_errmsg(db));
        trawl_db_close(db);
        return NULL;
    }
    static const char *const queries[] = {
        "united front", "\"operation united front\"", "storm OR flood", MARK " OR storm",
        "title:storm", "date:2019..", "operaton", "round NEAR " MARK,
    };
    long last = 0;
    unsigned round = 0;
    for (int finishing = 0; finishing < 2; round++) {
        /* One more pass after the writer is done: it must see everything. */
        if (atomic_load(&writer_done))
            finishing++;
        search_all(db, queries[round % (sizeof queries / sizeof queries[0])], round);
        read_others(db);
        long n = count_marked(db);
        if (n < 0)
            continue;
        CHECK(n >= last, "the writer's articles went from %ld to %ld", last, n);
        if (n > last)
            last = n;
    }
    CHECK(last == ROUNDS * PER_ROUND + FOLDER_FILES, "saw %ld of the writer's articles", last);
    trawl_db_close(db);
    return NULL;
}

static void *writer(void *arg)
{
    (void)arg;
    trawl_indexer *ix;
    trawl_indexer_opts o = { .jobs = 2 };
    trawl_status st = trawl_indexer_open(index1, &o, &ix);
    CHECK(st == TRAWL_OK, "writer open: %s", trawl_indexer_errmsg(ix));
    char folder[4200];
    path_in(folder, sizeof folder, "more");
    for (unsigned r = 0; st == TRAWL_OK && r < ROUNDS; r++) {
        for (unsigned k = 0; k < PER_ROUND; k++) {
            char id[64], title[128], body[512];
            snprintf(id, sizeof id, "live/%u-%u", r, k);
            snprintf(title, sizeof title, "Round %u, article %u about a " MARK, r, k);
            snprintf(body, sizeof body, "The " MARK " of round %u was seen by %u readers "
                     "near the storm front, united in their count.", r, READERS);
            trawl_article a = { .id = id, .title = title, .body = body,
                                .date = "2021-06-17", .site = "Live Desk" };
            CHECK(trawl_indexer_add_article(ix, &a) == TRAWL_OK, "add %s: %s", id,
                  trawl_indexer_errmsg(ix));
        }
        CHECK(trawl_indexer_commit(ix) == TRAWL_OK, "commit: %s", trawl_indexer_errmsg(ix));
#ifdef __SANITIZE_THREAD__
        /* Under TSan a search takes ten times as long, longer than this writer
         * takes between two commits: it could never finish one while the
         * writer runs (trawl_search waits for a gap between commits, a few
         * seconds at most).  A short rest gives it the gap a real writer,
         * which commits every 16 MiB, always does. */
        nanosleep(&(struct timespec){ 0, 30 * 1000 * 1000 }, NULL);
#endif
        if (r == ROUNDS / 2)
            CHECK(trawl_indexer_add_path(ix, folder) == TRAWL_OK, "add_path: %s",
                  trawl_indexer_errmsg(ix));
    }
    CHECK(trawl_indexer_close(ix) == TRAWL_OK, "writer close");
    atomic_store(&writer_done, 1);
    return NULL;
}

static void readers_beside_a_writer(void)
{
    path_in(index1, sizeof index1, "live");
    trawl_indexer *ix;
    CHECK(trawl_indexer_open(index1, NULL, &ix) == TRAWL_OK, "open: %s",
          trawl_indexer_errmsg(ix));
    CHECK(trawl_indexer_add_path(ix, corpus) == TRAWL_OK, "corpus: %s",
          trawl_indexer_errmsg(ix));
    CHECK(trawl_indexer_close(ix) == TRAWL_OK, "first commit");

    /* Files the writer indexes half-way, through the incremental walk. */
    char folder[4200], file[4300];
    path_in(folder, sizeof folder, "more");
    mkdir(folder, 0777);
    for (unsigned i = 0; i < FOLDER_FILES; i++) {
        snprintf(file, sizeof file, "%s/note-%u.txt", folder, i);
        char text[256];
        snprintf(text, sizeof text, "Date: 2020-01-0%u\n\nField note %u\n\nA " MARK
                 " at the feeder, number %u.\n", i + 1, i, i);
        write_file(file, text);
    }

    pthread_t r[READERS], w;
    for (int i = 0; i < READERS; i++)
        pthread_create(&r[i], NULL, reader, NULL);
    pthread_create(&w, NULL, writer, NULL);
    pthread_join(w, NULL);
    for (int i = 0; i < READERS; i++)
        pthread_join(r[i], NULL);
}

/* ---------------------------------------------------------- a bulk build */

/* Counted by the callbacks, without a lock: the library serialises them. */
static unsigned long progress_calls, steps, warnings;
static unsigned long last_files_done;

/* A call a file, from the workers, and one every 1,000 articles of the dump
 * as it is read; then the steps of the build's end. */
static void on_progress(void *ctx, const trawl_progress *p)
{
    (void)ctx;
    if (p->stage)
        steps++;
    else
        progress_calls++;
    CHECK(!steps || p->stage, "a file reported after the build's end began");
    CHECK(p->files_done >= last_files_done, "progress went back");
    last_files_done = p->files_done;
}

static void on_warning(void *ctx, const char *path, const char *message)
{
    (void)ctx;
    warnings++;
    fprintf(stderr, "tsan_threads: warning: %s: %s\n", path, message);
}

static long count_of(trawl_db *db, const char *word)
{
    trawl_search_opts o = { .exact_count = 1, .no_collapse = 1, .no_suggest = 1,
                            .no_relax = 1, .no_snippets = 1 };
    trawl_results *res;
    if (trawl_search(db, word, &o, &res) != TRAWL_OK)
        return -1;
    long n = (long)trawl_results_total(res);
    trawl_results_free(res);
    return n;
}

static void bulk_build(void)
{
    char pages[4200], index2[4200], file[4300];
    path_in(pages, sizeof pages, "pages");
    path_in(index2, sizeof index2, "bulk");
    mkdir(pages, 0777);
    for (unsigned i = 0; i < PAGES; i++) {
        char html[1024];
        snprintf(html, sizeof html,
                 "<!DOCTYPE html><html><head><title>Heron count %u | Wader Weekly</title>"
                 "<meta property=\"og:site_name\" content=\"Wader Weekly\"></head><body>"
                 "<nav>Home</nav><article><h1>Heron count %u</h1><p>Volunteers counted "
                 "%u herons on the marsh, page %u of the survey.</p><p>Their notes "
                 "follow.</p></article><footer>Footer</footer></body></html>", i, i, i * 3, i);
        snprintf(file, sizeof file, "%s/page-%02u.html", pages, i);
        write_file(file, html);
    }
    /* One dump over 1 MiB: its articles are routed among the workers. */
    snprintf(file, sizeof file, "%s/dump.jsonl", pages);
    FILE *f = fopen(file, "w");
    CHECK(f != NULL, "cannot write %s", file);
    for (unsigned i = 0; f && i < LINES; i++) {
        fprintf(f, "{\"id\": \"s%u\", \"title\": \"Sandpiper sighting %u\", \"date\": "
                "\"2021-06-%02u\", \"body\": \"", i, i, 1 + i % 28);
        for (unsigned k = 0; k < 12; k++)
            fprintf(f, "Sandpiper %u was ringed at station %u on a wet morning. ", i, k + i);
        fprintf(f, "\"}\n");
    }
    if (f)
        fclose(f);

    trawl_indexer_opts o = { .jobs = 3, .on_progress = on_progress,
                             .on_warning = on_warning, .memory_bytes = 1 << 20 };
    trawl_indexer *ix;
    CHECK(trawl_indexer_open(index2, &o, &ix) == TRAWL_OK, "open: %s",
          trawl_indexer_errmsg(ix));
    CHECK(trawl_indexer_add_path(ix, pages) == TRAWL_OK, "add_path: %s",
          trawl_indexer_errmsg(ix));
    trawl_indexer_stats s;
    trawl_indexer_stats_get(ix, &s, sizeof s);
    CHECK(trawl_indexer_close(ix) == TRAWL_OK, "close (the merge)");
    CHECK(s.files_indexed == PAGES + 1 && s.files_failed == 0,
          "%llu files indexed, %llu failed", (unsigned long long)s.files_indexed,
          (unsigned long long)s.files_failed);
    CHECK(s.articles == PAGES + LINES, "%llu articles", (unsigned long long)s.articles);
    CHECK(progress_calls == PAGES + 1 + LINES / 1000, "%lu progress calls", progress_calls);
    CHECK(steps >= 10, "%lu steps of the build's end", steps);
    CHECK(warnings == 0, "%lu warnings", warnings);

    trawl_db *db;
    CHECK(trawl_db_open(index2, &db) == TRAWL_OK, "open %s: %s", index2, trawl_db_errmsg(db));
    long herons = count_of(db, "volunteers"), pipers = count_of(db, "ringed");
    CHECK(herons == PAGES, "%ld of %d pages found", herons, PAGES);
    CHECK(pipers == LINES, "%ld of %d dump articles found", pipers, LINES);
    trawl_db_close(db);
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *f)
{
    (void)st;
    (void)flag;
    (void)f;
    return remove(path);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
        return 2;
    }
    corpus = argv[1];
    const char *tmp = getenv("TMPDIR");
    snprintf(base, sizeof base, "%s/trawl-tsan.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(base)) {
        perror(base);
        return 2;
    }
    readers_beside_a_writer();
    bulk_build();
    nftw(base, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    int n = atomic_load(&failures);
    if (n) {
        fprintf(stderr, "tsan_threads: %d checks failed\n", n);
        return 1;
    }
    printf("tsan_threads: %d searches by %d readers beside a writer's %d commits, and a "
           "3-worker bulk build of %d files: all checks passed\n", atomic_load(&searches),
           READERS, ROUNDS, PAGES + 1);
    return 0;
}
