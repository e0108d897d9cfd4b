/* opts_init.c - a program that uses trawl.h as C89, C99, C11 and C++ code
 * does: tests/e2e/40-install-api.sh builds it in each with -Wall -Wextra
 * -pedantic -Werror against the installed copy, and runs it.  It sets up
 * both option structs with their initialisers (which must compile in each
 * language), checks that they hold the size and nothing else, and searches
 * the index api_demo wrote with them; and checks that the header's numbers a
 * program compiles in are those of the library: the version, and the values
 * of the statuses and facets, which may only ever be added to.
 * Usage: opts_init DIR.
 * Written in C89, which is also C++: declarations first, no // comments. */
#include <stdio.h>
#include <string.h>

#include <trawl.h>

static int failures;

#define CHECK(cond)                                                                     \
    do {                                                                                \
        if (!(cond)) {                                                                  \
            fprintf(stderr, "opts_init:%d: check failed: %s\n", __LINE__, #cond);       \
            failures++;                                                                 \
        }                                                                               \
    } while (0)

int main(int argc, char **argv)
{
    trawl_search_opts so = TRAWL_SEARCH_OPTS_INIT;
    trawl_indexer_opts io = TRAWL_INDEXER_OPTS_INIT;
    trawl_db *db = NULL;
    trawl_results *res = NULL;
    char header[32];

    if (argc != 2) {
        fprintf(stderr, "usage: opts_init DIR\n");
        return 2;
    }
    /* The size this program was built with, and the defaults (zero) for
     * the rest: the first field, one in the middle and the last. */
    CHECK(so.size == sizeof so && so.limit == 0 && so.facets == 0 && so.bm25_b == 0.0 &&
          so.partial == 0 && so.like == NULL);
    CHECK(io.size == sizeof io && io.stemmer == NULL && io.on_warning == NULL &&
          io.file_seconds == 0.0 && io.on_extract == NULL && io.max_members == 0);

    sprintf(header, "%d.%d.%d", TRAWL_VERSION_MAJOR, TRAWL_VERSION_MINOR, TRAWL_VERSION_PATCH);
    CHECK(strcmp(header, trawl_version()) == 0);
    CHECK(TRAWL_OK == 0 && TRAWL_ENOMEM == 1 && TRAWL_EINVAL == 2 && TRAWL_ENOINDEX == 3 &&
          TRAWL_ELOCKED == 4 && TRAWL_ESCHEMA == 5 && TRAWL_ECORRUPT == 6 &&
          TRAWL_EQUERY == 7 && TRAWL_EIO == 8 && TRAWL_EFORMAT == 9 &&
          TRAWL_EINTERNAL == 10 && TRAWL_ENOTFOUND == 11 && TRAWL_EINTR == 12 &&
          TRAWL_ESHARD == 13);
    CHECK(TRAWL_FACET_SITE == 1 && TRAWL_FACET_AUTHOR == 2 && TRAWL_FACET_YEAR == 4 &&
          TRAWL_FACET_LANG == 8);

    CHECK(trawl_db_open(argv[1], &db) == TRAWL_OK);
    so.limit = 1;
    so.no_snippets = 1;
    CHECK(trawl_search(db, "united", &so, &res) == TRAWL_OK);
    CHECK(trawl_results_count(res) == 1 && trawl_results_hit(res, 0)->snippet == NULL);
    trawl_results_free(res);
    trawl_db_close(db);
    if (failures)
        return 1;
    printf("opts_init: all checks passed\n");
    return 0;
}
