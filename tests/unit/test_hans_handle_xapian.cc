/* Unit tests: a long-lived handle folds a query's Chinese as the index it
 * searches now holds it (common/hans.h), after a writer marked an index of
 * schema 12 with schema 13, and after a rebuild folded with another table
 * (TW_META_HANS). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string>
#include <xapian.h>
extern "C" {
#include <cmocka.h>
#include "trawl.h"
}

#include "scratch.h"

static std::string db_path()
{
    return std::string(dir) + "/db";
}

/* Adds an article ID of TITLE and BODY to the index, rebuilt from nothing
 * with FULL. */
static void add(const char *id, const char *title, const char *body, bool full = false)
{
    trawl_indexer_opts o = TRAWL_INDEXER_OPTS_INIT;
    o.overwrite = full;
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(db_path().c_str(), &o, &ix), TRAWL_OK);
    trawl_article a = {};
    a.id = id;
    a.title = title;
    a.body = body;
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    assert_int_equal(trawl_indexer_commit(ix), TRAWL_OK);
    trawl_indexer_close(ix);
}

/* Writes KEY's VALUE into the index's metadata, as an older trawl left it. */
static void set_meta(const char *key, const char *value)
{
    Xapian::WritableDatabase db(db_path());
    db.set_metadata(key, value);
    db.commit();
}

static size_t hits(trawl_db *db, const char *query)
{
    trawl_results *res;
    assert_int_equal(trawl_search(db, query, nullptr, &res), TRAWL_OK);
    size_t n = trawl_results_count(res);
    trawl_results_free(res);
    return n;
}

static const char TYPHOON_TITLE[] = "颱風逼近台灣東部";
static const char TYPHOON_BODY[] = "氣象局表示，今年第五號颱風預計明天清晨登陸。";

/* An index of English, schema 12, is added to and marked 13 by the writer
 * that adds traditional Chinese to it, folded: the handle opened on it at
 * 12 searched "颱風" as typed, and missed the article that holds "台风". */
static void upgraded_in_place(void **state)
{
    (void)state;
    add("dock", "Harbour cranes idle", "Dock workers walked out on Monday over pay.");
    set_meta("trawl.schema", "12");
    trawl_db *db;
    assert_int_equal(trawl_db_open(db_path().c_str(), &db), TRAWL_OK);
    assert_int_equal(hits(db, "dock"), 1);
    add("typhoon", TYPHOON_TITLE, TYPHOON_BODY);
    assert_int_equal(hits(db, "台风"), 1);
    assert_int_equal(hits(db, "颱風"), 1);
    assert_int_equal(hits(db, "dock"), 1);
    trawl_db_close(db);
}

/* An article folded with a table that folds 颱 alone, searched by a handle
 * that took that table; then the index rebuilt with ICU's: the handle
 * folds with the new one, or "台風" stayed as typed and missed the "台风"
 * now held. */
static void rebuilt_with_another_table(void **state)
{
    (void)state;
    set_meta("trawl.hans", "颱台");
    add("typhoon", TYPHOON_TITLE, TYPHOON_BODY);
    trawl_db *db;
    assert_int_equal(trawl_db_open(db_path().c_str(), &db), TRAWL_OK);
    assert_int_equal(hits(db, "颱風"), 1);
    assert_int_equal(hits(db, "台風"), 1);
    assert_int_equal(hits(db, "台风"), 0);
    add("typhoon", TYPHOON_TITLE, TYPHOON_BODY, true);
    assert_int_equal(hits(db, "台風"), 1);
    assert_int_equal(hits(db, "台风"), 1);
    trawl_db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(upgraded_in_place),
        cmocka_unit_test(rebuilt_with_another_table),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_remove);
}
