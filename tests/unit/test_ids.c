/* Unit tests: trawl_db_ids walks the ids of an index in order, from where it
 * is asked to start, long (hashed) ids and ids of container members included. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "trawl.h"

#include "scratch.h"
static char long_id[301];

static int setup(void **state)
{
    (void)state;
    if (scratch_make() < 0)
        return -1;
    memset(long_id, 'k', 300);      /* over the 245 bytes of a term: hashed */
    long_id[300] = '\0';
    const char *ids[] = { "feed.jsonl#2", "b", long_id, "a", "feed.jsonl#10", "c" };
    trawl_indexer *ix;
    if (trawl_indexer_open(dir, NULL, &ix) != TRAWL_OK)
        return -1;
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        trawl_article a = { .id = ids[i], .title = "Herons", .body = "Herons nest." };
        if (trawl_indexer_add_article(ix, &a) != TRAWL_OK)
            return -1;
    }
    return trawl_indexer_close(ix) == TRAWL_OK ? 0 : -1;
}

/* The ids from FROM, joined by spaces (the long one as "LONG"). */
static void walk(trawl_db *db, const char *from, char *out, size_t outlen)
{
    trawl_ids *it;
    assert_int_equal(trawl_db_ids(db, from, &it), TRAWL_OK);
    out[0] = '\0';
    const char *id;
    size_t n = 0;
    while (trawl_ids_next(it, &id) == TRAWL_OK && id) {
        const char *shown = strcmp(id, long_id) == 0 ? "LONG" : id;
        n += (size_t)snprintf(out + n, outlen - n, "%s%s", n ? " " : "", shown);
        assert_true(n < outlen);
    }
    assert_null(id);
    /* At the end it stays at the end. */
    assert_int_equal(trawl_ids_next(it, &id), TRAWL_OK);
    assert_null(id);
    trawl_ids_free(it);
}

static void every_id_in_order(void **state)
{
    (void)state;
    trawl_db *db;
    assert_int_equal(trawl_db_open(dir, &db), TRAWL_OK);
    char got[1024];
    walk(db, NULL, got, sizeof got);
    assert_string_equal(got, "a b c feed.jsonl#10 feed.jsonl#2 LONG");
    walk(db, "", got, sizeof got);
    assert_string_equal(got, "a b c feed.jsonl#10 feed.jsonl#2 LONG");
    trawl_db_close(db);
}

static void from_an_id(void **state)
{
    (void)state;
    trawl_db *db;
    assert_int_equal(trawl_db_open(dir, &db), TRAWL_OK);
    char got[1024];
    walk(db, "c", got, sizeof got);
    assert_string_equal(got, "c feed.jsonl#10 feed.jsonl#2 LONG");
    walk(db, "bb", got, sizeof got);        /* no such id: the next one */
    assert_string_equal(got, "c feed.jsonl#10 feed.jsonl#2 LONG");
    walk(db, "z", got, sizeof got);
    assert_string_equal(got, "");
    trawl_db_close(db);
}

static void bad_arguments(void **state)
{
    (void)state;
    trawl_ids *it = (trawl_ids *)1;
    assert_int_equal(trawl_db_ids(NULL, NULL, &it), TRAWL_EINVAL);
    assert_null(it);
    const char *id = "x";
    assert_int_equal(trawl_ids_next(NULL, &id), TRAWL_EINVAL);
    assert_null(id);
    trawl_ids_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_id_in_order),
        cmocka_unit_test(from_an_id),
        cmocka_unit_test(bad_arguments),
    };
    return cmocka_run_group_tests(tests, setup, scratch_remove);
}
