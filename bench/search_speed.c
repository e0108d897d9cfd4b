/* search_speed.c - microseconds per top-10 search through libtrawl over a file
 * of queries (one per line): as the raw Xapian baseline searches (BM25 alone,
 * no snippets, no folding, no spelling or any-word fallback: the same hits),
 * then with trawl's ranking (nearness bonus, feedback), then with
 * everything trawl-query does by default but snippets (folding, spelling,
 * any-word fallback, some-word fill: issue 15's "defaults" row), then with
 * snippets alone, then with everything.
 * Usage: search_speed DB QUERIES [DB...]   (each DB after QUERIES is one more
 * shard searched with the first, as trawl-query -d DB -d DB... does) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "trawl.h"

static double now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void run(trawl_db *db, char **queries, size_t n, trawl_search_opts opts,
                const char *label)
{
    double *us = malloc(n * sizeof *us), mean = 0;
    unsigned long hits = 0;
    for (size_t i = 0; i < n; i++) {
        double t0 = now_us();
        trawl_results *res;
        if (trawl_search(db, queries[i], &opts, &res) == TRAWL_OK) {
            hits += trawl_results_count(res);
            trawl_results_free(res);
        }
        us[i] = now_us() - t0;
        mean += us[i];
    }
    qsort(us, n, sizeof *us, compare);
    printf("trawl library %-22s %zu queries: mean %.1f us, p95 %.1f us, %lu hits\n", label, n,
           mean / (double)n, us[n * 95 / 100], hits);
    free(us);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: search_speed DB QUERIES [DB...]\n");
        return 2;
    }
    FILE *f = fopen(argv[2], "r");
    if (!f)
        return 1;
    char **queries = NULL, line[1024];
    size_t n = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        queries = realloc(queries, (n + 1) * sizeof *queries);
        queries[n++] = strdup(line);
    }
    fclose(f);
    trawl_db *db;
    if (trawl_db_open(argv[1], &db) != TRAWL_OK) {
        fprintf(stderr, "search_speed: %s\n", trawl_db_errmsg(db));
        return 1;
    }
    for (int i = 3; i < argc; i++)
        if (trawl_db_add_shard(db, argv[i]) != TRAWL_OK) {
            fprintf(stderr, "search_speed: %s\n", trawl_db_errmsg(db));
            return 1;
        }
    trawl_search_opts plain = { .size = sizeof plain, .limit = 10, .no_snippets = 1,
                                .no_collapse = 1, .no_relax = 1, .no_suggest = 1,
                                .bm25_only = 1 };
    /* Every query once, untimed, as baseline_xapian does too: the first row
     * should not pay alone for reading the index into the page cache. */
    for (size_t i = 0; i < n; i++) {
        trawl_results *res;
        if (trawl_search(db, queries[i], &plain, &res) == TRAWL_OK)
            trawl_results_free(res);
    }
    run(db, queries, n, plain, "(no snippets, BM25 only)");
    plain.bm25_only = 0;
    run(db, queries, n, plain, "(no snippets)");
    run(db, queries, n, (trawl_search_opts){ .size = sizeof plain, .limit = 10, .no_snippets = 1 },
        "(no snippets, all defaults)");
    plain.no_snippets = 0;
    run(db, queries, n, plain, "(snippets)");
    run(db, queries, n, (trawl_search_opts){ .limit = 10 }, "(snippets, all defaults)");
    trawl_db_close(db);
    for (size_t i = 0; i < n; i++)
        free(queries[i]);
    free(queries);
    return 0;
}
