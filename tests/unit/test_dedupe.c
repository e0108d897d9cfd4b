/* Unit tests: a bulk build's merge joins shards without looking at ids; an id
 * one worker wrote into two of its shards keeps only its later copy.  (Reuters
 * concatenated four times into one SGML file gave 32,368 articles for 21,578
 * ids before.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "trawl.h"
#include "store/writer.h"

#include "scratch.h"

/* Writes a shard at DIR/NAME with one article per (id, body) pair. */
static void shard(const char *name, const char *const *pairs, size_t n)
{
    char path[256], err[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    tw_writer *w;
    assert_int_equal(tw_writer_open(path, path, "english", TW_OPEN_NEW, &w, err, sizeof err), TRAWL_OK);
    for (size_t i = 0; i < n; i++) {
        tw_doc d = { .id = pairs[2 * i], .body = pairs[2 * i + 1], .hash_hex = "0000000000000000",
                     .data = pairs[2 * i + 1], .data_len = strlen(pairs[2 * i + 1]) };
        bool replaced, cut, earlier = false;
        for (size_t j = 0; j < i; j++)
            earlier |= strcmp(pairs[2 * j], pairs[2 * i]) == 0;
        assert_int_equal(tw_writer_add(w, &d, &replaced, &cut, err, sizeof err), TRAWL_OK);
        /* Said of an id given before in the same batch, and only then. */
        assert_int_equal(replaced, earlier);
    }
    assert_int_equal(tw_writer_commit(w, err, sizeof err), TRAWL_OK);
    tw_writer_close(w);
}

static size_t hits(trawl_db *db, const char *query)
{
    trawl_results *res = NULL;
    trawl_search_opts opts = { .exact_count = 1, .no_snippets = 1, .no_collapse = 1,
                               .no_relax = 1, .no_suggest = 1 };
    if (trawl_search(db, query, &opts, &res) != TRAWL_OK)
        fail_msg("search failed: %s", trawl_db_errmsg(db));
    size_t n = trawl_results_count(res);
    trawl_results_free(res);
    return n;
}

static void merged_ids_keep_their_last_copy(void **state)
{
    (void)state;
    const char *first[] = { "f#1", "old plover", "f#2", "only copy of dunlin" };
    const char *second[] = { "f#1", "new plover", "f#3", "knot" };
    shard("build-1", first, 2);
    shard("build-2", second, 2);
    char a[256], b[256], gen[256], err[512];
    snprintf(a, sizeof a, "%s/build-1", dir);
    snprintf(b, sizeof b, "%s/build-2", dir);
    snprintf(gen, sizeof gen, "%s/gen-1", dir);
    const char *sources[] = { a, b };
    assert_int_equal(tw_writer_merge(sources, 2, gen, "merging", NULL, NULL, err, sizeof err),
                     TRAWL_OK);

    tw_writer *w;
    assert_int_equal(tw_writer_open(gen, gen, NULL, TW_OPEN_EXISTING, &w, err, sizeof err), TRAWL_OK);
    uint64_t removed = 0;
    assert_int_equal(tw_writer_dedupe(w, &removed, err, sizeof err), TRAWL_OK);
    assert_int_equal(removed, 1);
    assert_int_equal(tw_writer_commit(w, err, sizeof err), TRAWL_OK);
    tw_writer_close(w);

    trawl_db *db;
    assert_int_equal(trawl_db_open(gen, &db), TRAWL_OK);
    uint64_t n;
    assert_int_equal(trawl_db_doc_count(db, &n), TRAWL_OK);
    assert_int_equal(n, 3);
    /* The later copy's words are there, the earlier one's are gone. */
    assert_int_equal(hits(db, "new"), 1);
    assert_int_equal(hits(db, "old"), 0);
    assert_int_equal(hits(db, "dunlin OR knot"), 2);
    trawl_db_close(db);
}

/* Adds an article ID from PATH to W; returns whether it replaced one. */
static bool add(tw_writer *w, const char *id, const char *path)
{
    char err[512];
    bool replaced, cut;
    tw_doc d = { .id = id, .path = path, .body = "sandpiper", .hash_hex = "0000000000000000",
                 .data = id, .data_len = strlen(id) };
    assert_int_equal(tw_writer_add(w, &d, &replaced, &cut, err, sizeof err), TRAWL_OK);
    return replaced;
}

/* The writer says when an id was in already, in the batch or committed; not
 * for an article deleted since (its file read again). */
static void writer_says_when_an_id_replaces_one(void **state)
{
    (void)state;
    char path[256], err[512];
    snprintf(path, sizeof path, "%s/replacing", dir);
    tw_writer *w;
    assert_int_equal(tw_writer_open(path, path, "english", TW_OPEN_NEW, &w, err, sizeof err), TRAWL_OK);
    assert_false(add(w, "d.jsonl#7", "d.jsonl"));
    assert_false(add(w, "d.jsonl#8", "d.jsonl"));
    assert_true(add(w, "d.jsonl#7", "d.jsonl"));
    assert_int_equal(tw_writer_commit(w, err, sizeof err), TRAWL_OK);
    assert_true(add(w, "d.jsonl#8", "d.jsonl"));
    assert_int_equal(tw_writer_commit(w, err, sizeof err), TRAWL_OK);
    uint64_t removed = 0;
    assert_int_equal(tw_writer_drop_path(w, "d.jsonl", false, &removed, err, sizeof err),
                     TRAWL_OK);
    assert_int_equal(removed, 2);
    assert_false(add(w, "d.jsonl#7", "d.jsonl"));
    assert_true(add(w, "d.jsonl#7", "d.jsonl"));
    tw_writer_close(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(merged_ids_keep_their_last_copy),
        cmocka_unit_test(writer_says_when_an_id_replaces_one),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_remove);
}
