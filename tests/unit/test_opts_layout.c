/* Unit tests: the structs of the API read and written by the size their
 * caller knew (trawl.h).
 * A program built against an older header passes a shorter struct, one built
 * against a newer header a longer one; each struct here ends where a page the
 * process may not read begins, so reading one byte past what the caller's
 * size says would crash the test rather than pass it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <cmocka.h>

#include "trawl.h"
#include "opts_size.h"
#include "scratch.h"

/* A struct of LEN bytes whose last byte is the last one before a page that
 * cannot be read: the caller's memory ends there. */
static void *at_page_end(size_t len, void **map, size_t *map_len)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    *map_len = 2 * page;
    char *m = mmap(NULL, *map_len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(m != MAP_FAILED);
    assert_int_equal(mprotect(m + page, page, PROT_NONE), 0);
    *map = m;
    return m + page - len;
}

/* The search options of an older header: size, limit, offset and match_any. */
struct old_search_opts {
    size_t size;
    size_t limit;
    size_t offset;
    int match_any;
};


static int setup(void **state)
{
    (void)state;
    if (scratch_make() < 0)
        return -1;
    trawl_indexer *ix;
    trawl_indexer_opts o = TRAWL_INDEXER_OPTS_INIT;
    if (trawl_indexer_open(dir, &o, &ix) != TRAWL_OK)
        return -1;
    for (int i = 0; i < 5; i++) {
        char id[16], body[64];
        snprintf(id, sizeof id, "a%d", i);
        snprintf(body, sizeof body, "Herons nest on island number %d this spring.", i);
        trawl_article a = { .id = id, .title = "Herons", .body = body };
        if (trawl_indexer_add_article(ix, &a) != TRAWL_OK)
            return -1;
    }
    return trawl_indexer_close(ix) == TRAWL_OK ? 0 : -1;
}

/* An older caller's short struct: its fields are read, nothing past it. */
static void older_search_layout(void **state)
{
    (void)state;
    trawl_db *db;
    assert_int_equal(trawl_db_open(dir, &db), TRAWL_OK);
    void *map;
    size_t map_len;
    struct old_search_opts *old = at_page_end(sizeof *old, &map, &map_len);
    *old = (struct old_search_opts){ sizeof *old, 2, 1, 0 };
    trawl_results *res;
    assert_int_equal(trawl_search(db, "herons", (const trawl_search_opts *)old, &res), TRAWL_OK);
    assert_int_equal(trawl_results_count(res), 2);
    assert_int_equal(trawl_results_hit(res, 0)->rank, 2);      /* offset 1 */
    /* The fields it does not have take their defaults: snippets are made. */
    assert_non_null(trawl_results_hit(res, 0)->snippet);
    trawl_results_free(res);
    munmap(map, map_len);
    trawl_db_close(db);
}

/* A newer caller's longer struct: the fields this library knows are read,
 * the ones it does not are left alone. */
static void newer_search_layout(void **state)
{
    (void)state;
    trawl_db *db;
    assert_int_equal(trawl_db_open(dir, &db), TRAWL_OK);
    void *map;
    size_t map_len;
    size_t len = sizeof(trawl_search_opts) + 64;
    unsigned char *bytes = at_page_end(len, &map, &map_len);
    memset(bytes, 0xA5, len);   /* what a newer library would take for options */
    trawl_search_opts known = TRAWL_SEARCH_OPTS_INIT;
    known.limit = 3;
    known.no_snippets = 1;
    known.size = len;
    memcpy(bytes, &known, sizeof known);
    trawl_results *res;
    assert_int_equal(trawl_search(db, "herons", (const trawl_search_opts *)bytes, &res), TRAWL_OK);
    assert_int_equal(trawl_results_count(res), 3);
    assert_null(trawl_results_hit(res, 0)->snippet);
    trawl_results_free(res);
    munmap(map, map_len);
    trawl_db_close(db);
}

/* Size 0 (a struct set up field by field, or {0}) is the first layout; NULL
 * is every default. */
static void unsized_and_null(void **state)
{
    (void)state;
    trawl_db *db;
    assert_int_equal(trawl_db_open(dir, &db), TRAWL_OK);
    trawl_search_opts by_name = { .limit = 4, .no_snippets = 1 };
    trawl_results *res;
    assert_int_equal(trawl_search(db, "herons", &by_name, &res), TRAWL_OK);
    assert_int_equal(trawl_results_count(res), 4);
    trawl_results_free(res);
    assert_int_equal(trawl_search(db, "herons", NULL, &res), TRAWL_OK);
    assert_int_equal(trawl_results_count(res), 5);
    trawl_results_free(res);
    trawl_db_close(db);
}

/* The indexer options of an older header: size, stemmer and overwrite. */
struct old_indexer_opts {
    size_t size;
    const char *stemmer;
    int overwrite;
};

static void older_indexer_layout(void **state)
{
    (void)state;
    void *map;
    size_t map_len;
    struct old_indexer_opts *old = at_page_end(sizeof *old, &map, &map_len);
    /* The index's own stemmer, which a new index takes by default. */
    *old = (struct old_indexer_opts){ sizeof *old, "auto", 0 };
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(dir, (const trawl_indexer_opts *)old, &ix), TRAWL_OK);
    trawl_article a = { .id = "late", .title = "Egrets", .body = "Egrets arrive late." };
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    munmap(map, map_len);
    trawl_db *db;
    uint64_t n;
    assert_int_equal(trawl_db_open(dir, &db), TRAWL_OK);
    assert_int_equal(trawl_db_doc_count(db, &n), TRAWL_OK);
    assert_int_equal(n, 6);
    trawl_db_close(db);
}

/* An article built against a newer header, with members this library does
 * not know after path: it reads the ones it knows, no byte past them. */
static void newer_article_layout(void **state)
{
    (void)state;
    void *map;
    size_t map_len;
    size_t len = sizeof(trawl_article) + 32;
    unsigned char *bytes = at_page_end(len, &map, &map_len);
    memset(bytes, 0xA5, len);
    trawl_article known = { .size = len, .id = "newer", .title = "Bitterns",
                            .body = "Bitterns boom at dusk." };
    memcpy(bytes, &known, sizeof known);
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(dir, NULL, &ix), TRAWL_OK);
    assert_int_equal(trawl_indexer_add_article(ix, (const trawl_article *)bytes), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    munmap(map, map_len);
    trawl_db *db;
    trawl_article *back;
    assert_int_equal(trawl_db_open(dir, &db), TRAWL_OK);
    assert_int_equal(trawl_db_get_article(db, "newer", &back), TRAWL_OK);
    assert_string_equal(back->title, "Bitterns");
    assert_int_equal(back->size, sizeof *back);
    trawl_article_free(back);
    trawl_db_close(db);
}

/* The structs the library fills are written as far as the caller's size
 * says: a program built against a newer header passes a longer one, whose
 * members past this library's are left alone; one short of the first
 * layout is refused, nothing written. */
static void filled_by_the_callers_size(void **state)
{
    (void)state;
    unsigned char info[sizeof(trawl_db_info) + 16], stats[sizeof(trawl_indexer_stats) + 16];
    trawl_db *db;
    assert_int_equal(trawl_db_open(dir, &db), TRAWL_OK);
    memset(info, 0x5A, sizeof info);
    assert_int_equal(trawl_db_info_get(db, (trawl_db_info *)info, sizeof info), TRAWL_OK);
    assert_true(((trawl_db_info *)info)->documents >= 5);
    for (size_t i = sizeof(trawl_db_info); i < sizeof info; i++)
        assert_int_equal(info[i], 0x5A);
    /* A program built before remote_uncounted gets the fields up to path. */
    memset(info, 0x5A, sizeof info);
    assert_int_equal(trawl_db_info_get(db, (trawl_db_info *)info, TW_DB_INFO_FIRST), TRAWL_OK);
    assert_true(((trawl_db_info *)info)->documents >= 5);
    for (size_t i = TW_DB_INFO_FIRST; i < sizeof info; i++)
        assert_int_equal(info[i], 0x5A);
    memset(info, 0x5A, sizeof info);
    assert_int_equal(trawl_db_info_get(db, (trawl_db_info *)info, TW_DB_INFO_FIRST - 1),
                     TRAWL_EINVAL);
    for (size_t i = 0; i < sizeof info; i++)
        assert_int_equal(info[i], 0x5A);
    trawl_db_close(db);

    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(dir, NULL, &ix), TRAWL_OK);
    trawl_article a = { .id = "counted", .body = "Ospreys fish." };
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    memset(stats, 0x5A, sizeof stats);
    assert_int_equal(trawl_indexer_stats_get(ix, (trawl_indexer_stats *)stats, sizeof stats),
                     TRAWL_OK);
    assert_int_equal(((trawl_indexer_stats *)stats)->articles, 1);
    for (size_t i = sizeof(trawl_indexer_stats); i < sizeof stats; i++)
        assert_int_equal(stats[i], 0x5A);
    memset(stats, 0x5A, sizeof stats);
    assert_int_equal(trawl_indexer_stats_get(ix, (trawl_indexer_stats *)stats, 8), TRAWL_EINVAL);
    for (size_t i = 0; i < sizeof stats; i++)
        assert_int_equal(stats[i], 0x5A);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
}

static void version_macros(void **state)
{
    (void)state;
    char v[32];
    snprintf(v, sizeof v, "%d.%d.%d", TRAWL_VERSION_MAJOR, TRAWL_VERSION_MINOR,
             TRAWL_VERSION_PATCH);
    assert_string_equal(trawl_version(), v);
    assert_true(TRAWL_CHECK_VERSION(0, 0, 0));
    assert_true(TRAWL_CHECK_VERSION(TRAWL_VERSION_MAJOR, TRAWL_VERSION_MINOR,
                                    TRAWL_VERSION_PATCH));
    assert_false(TRAWL_CHECK_VERSION(TRAWL_VERSION_MAJOR, TRAWL_VERSION_MINOR,
                                     TRAWL_VERSION_PATCH + 1));
    assert_false(TRAWL_CHECK_VERSION(TRAWL_VERSION_MAJOR + 1, 0, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(older_search_layout),
        cmocka_unit_test(newer_search_layout),
        cmocka_unit_test(unsized_and_null),
        cmocka_unit_test(older_indexer_layout),
        cmocka_unit_test(newer_article_layout),
        cmocka_unit_test(filled_by_the_callers_size),
        cmocka_unit_test(version_macros),
    };
    return cmocka_run_group_tests(tests, setup, scratch_remove);
}
