/* api_demo.c - a program that embeds trawl the way a user would: built against an
 * installed copy with `pkg-config --cflags --libs trawl`.  It indexes two articles,
 * searches them, checks what it got, and frees everything (run under ASan/valgrind
 * it must report nothing).  Usage: api_demo DIR  (DIR must not exist yet). */
#include <stdio.h>
#include <string.h>

#include <trawl.h>

static int failures;

#define CHECK(cond) \
    do { \
        if (!(cond)) { \
            fprintf(stderr, "api_demo:%d: check failed: %s\n", __LINE__, #cond); \
            failures++; \
        } \
    } while (0)

static void index_two(const char *dir)
{
    trawl_indexer *ix;
    trawl_status st = trawl_indexer_open(dir, NULL, &ix);
    CHECK(st == TRAWL_OK);
    if (st != TRAWL_OK) {
        fprintf(stderr, "api_demo: %s\n", trawl_indexer_errmsg(ix));
        trawl_indexer_close(ix);
        return;
    }
    trawl_article a = {
        .id = "feed/1", .title = "Operation United Front ends with 102 arrests",
        .body = "Twelve states joined Operation United Front against trafficking.",
        .date = "2021-07-30", .url = "https://ledger.example/ouf", .site = "The Ledger",
    };
    trawl_article b = {
        .id = "feed/2", .title = "Riverside United win the cup",
        .body = "The front three scored twice.", .date = "Thu, 17 Jun 2021 10:00:00 +0000",
    };
    CHECK(trawl_indexer_add_article(ix, &a) == TRAWL_OK);
    CHECK(trawl_indexer_add_article(ix, &b) == TRAWL_OK);
    trawl_article no_id = { .title = "no id" };
    CHECK(trawl_indexer_add_article(ix, &no_id) == TRAWL_EINVAL);
    CHECK(strlen(trawl_indexer_errmsg(ix)) > 0);
    trawl_article gone = { .id = "feed/3", .title = "Withdrawn story", .body = "pulled" };
    CHECK(trawl_indexer_add_article(ix, &gone) == TRAWL_OK);
    CHECK(trawl_indexer_commit(ix) == TRAWL_OK);
    CHECK(trawl_indexer_remove(ix, "feed/3") == TRAWL_OK);
    CHECK(trawl_indexer_remove(ix, "feed/3") == TRAWL_ENOTFOUND);
    CHECK(trawl_indexer_commit(ix) == TRAWL_OK);
    trawl_indexer_stats s;
    CHECK(trawl_indexer_stats_get(ix, &s, sizeof s) == TRAWL_OK && s.articles == 3 &&
          s.articles_removed == 1);
    CHECK(trawl_indexer_close(ix) == TRAWL_OK);
}

static void search(const char *dir)
{
    trawl_db *db;
    trawl_status st = trawl_db_open(dir, &db);
    CHECK(st == TRAWL_OK);
    if (st != TRAWL_OK) {
        fprintf(stderr, "api_demo: %s\n", trawl_db_errmsg(db));
        trawl_db_close(db);
        return;
    }
    uint64_t n = 0;
    CHECK(trawl_db_doc_count(db, &n) == TRAWL_OK && n == 2);

    trawl_results *res;
    CHECK(trawl_search(db, "\"united front\"", NULL, &res) == TRAWL_OK);
    CHECK(trawl_results_count(res) == 1);
    const trawl_hit *h = trawl_results_hit(res, 0);
    CHECK(h && strcmp(h->id, "feed/1") == 0);
    CHECK(h && h->rank == 1 && h->score > 0);
    CHECK(h && h->date && strcmp(h->date, "2021-07-30") == 0);
    CHECK(h && h->site && strcmp(h->site, "The Ledger") == 0);
    CHECK(h && h->snippet && strstr(h->snippet, "Operation United Front"));
    CHECK(h && h->n_highlights >= 1);
    CHECK(trawl_results_hit(res, 1) == NULL);
    trawl_results_free(res);

    /* Options start from their INIT, which records the layout this program
     * was built with (trawl.h). */
    trawl_search_opts any = TRAWL_SEARCH_OPTS_INIT;
    any.match_any = 1;
    any.no_snippets = 1;
    any.exact_count = 1;
    CHECK(TRAWL_CHECK_VERSION(0, 1, 0));
    CHECK(trawl_search(db, "united front", &any, &res) == TRAWL_OK);
    CHECK(trawl_results_count(res) == 2 && trawl_results_total(res) == 2);
    CHECK(trawl_results_hit(res, 0)->snippet == NULL);
    trawl_results_free(res);

    trawl_search_opts by_date = { .sort_by_date = 1, .match_any = 1 };
    CHECK(trawl_search(db, "united", &by_date, &res) == TRAWL_OK);
    CHECK(trawl_results_count(res) == 2 &&
          strcmp(trawl_results_hit(res, 0)->id, "feed/1") == 0 &&
          strcmp(trawl_results_hit(res, 1)->date, "2021-06-17T10:00:00Z") == 0);
    trawl_results_free(res);

    /* A stored article, read back and owned by the program. */
    trawl_article *got = NULL;
    CHECK(trawl_db_get_article(db, "feed/2", &got) == TRAWL_OK && got);
    CHECK(got && strcmp(got->body, "The front three scored twice.") == 0 &&
          strcmp(got->date, "2021-06-17T10:00:00Z") == 0 && got->site == NULL);
    trawl_article_free(got);
    CHECK(trawl_db_get_article(db, "feed/3", &got) == TRAWL_ENOTFOUND && got == NULL);
    trawl_article_free(NULL);

    /* Articles like one: of two, the other shares only words that both
     * have, which tell nothing apart; an id the index lacks is not found. */
    trawl_search_opts like = TRAWL_SEARCH_OPTS_INIT;
    like.like = "feed/1";
    CHECK(trawl_search(db, "", &like, &res) == TRAWL_OK && trawl_results_count(res) == 0);
    trawl_results_free(res);
    like.like = "feed/3";
    CHECK(trawl_search(db, "", &like, &res) == TRAWL_ENOTFOUND && res == NULL &&
          strstr(trawl_db_errmsg(db), "no article with id feed/3"));

    CHECK(trawl_search(db, "united AND", NULL, &res) == TRAWL_EQUERY);
    CHECK(res == NULL && strlen(trawl_db_errmsg(db)) > 0);

    /* A new index stems each article in its own language: "auto". */
    trawl_db_info info;
    CHECK(trawl_db_info_get(db, &info, sizeof info) == TRAWL_OK && info.documents == 2 &&
          strcmp(info.stemmer, "auto") == 0 && info.schema == 13);
    trawl_db_close(db);
}

static void errors(const char *dir)
{
    char missing[4096];
    snprintf(missing, sizeof missing, "%s/no/such/index", dir);
    trawl_db *db;
    CHECK(trawl_db_open(missing, &db) == TRAWL_ENOINDEX);
    /* The message is for a program: what is wrong, no shell command. */
    CHECK(strstr(trawl_db_errmsg(db), "no index at ") == trawl_db_errmsg(db) &&
          strstr(trawl_db_errmsg(db), "trawl-index") == NULL);
    trawl_db_close(db);
    /* A call that fails zeroes what it would have filled. */
    trawl_db_info info;
    memset(&info, 0xff, sizeof info);
    CHECK(trawl_db_info_get(NULL, &info, sizeof info) == TRAWL_EINVAL && info.documents == 0 &&
          info.stemmer == NULL && info.path == NULL);
    trawl_indexer_stats s;
    memset(&s, 0xff, sizeof s);
    CHECK(trawl_indexer_stats_get(NULL, &s, sizeof s) == TRAWL_EINVAL && s.files_seen == 0 &&
          s.articles == 0 && s.articles_removed == 0);
    trawl_db_close(NULL);
    trawl_results_free(NULL);

    /* A count of workers no machine can start is refused at once. */
    trawl_indexer_opts many = TRAWL_INDEXER_OPTS_INIT;
    many.jobs = TRAWL_JOBS_MAX + 1;
    trawl_indexer *ix;
    CHECK(trawl_indexer_open(dir, &many, &ix) == TRAWL_EINVAL &&
          strcmp(trawl_indexer_errmsg(ix), "1025 jobs: at most 1024 worker threads can be "
                                           "started") == 0);
    trawl_indexer_close(ix);
    many.jobs = TRAWL_JOBS_MAX;
    CHECK(trawl_indexer_open(dir, &many, &ix) == TRAWL_OK);
    CHECK(trawl_indexer_close(ix) == TRAWL_OK);
    CHECK(trawl_indexer_close(NULL) == TRAWL_OK);
    CHECK(strcmp(trawl_strerror(TRAWL_EQUERY), "query syntax error") == 0);
    CHECK(strlen(trawl_version()) > 0);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: api_demo DIR\n");
        return 2;
    }
    index_two(argv[1]);
    search(argv[1]);
    errors(argv[1]);
    if (failures)
        return 1;
    printf("api_demo: all checks passed (libtrawl %s)\n", trawl_version());
    return 0;
}
