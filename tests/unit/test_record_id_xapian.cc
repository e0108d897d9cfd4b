/* Unit tests: an article whose record no longer holds its id.  The id term
 * of an article finds its document; the record's id says which of the
 * articles under a hashed term is the one asked for (keyterm.h).  A record
 * whose bytes were spoiled (glass keeps no checksums: most bits flipped in
 * docdata.glass change a record silently, and its id with it) made the
 * article "not found", and a script took it for deleted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <string>
#include <vector>
#include <xapian.h>
extern "C" {
#include <cmocka.h>
}

#include "schema.h"
#include "trawl.h"

#include "indexed_xapian.h"

/* The glass generation of the index folder PATH, as its stub names it. */
static std::string generation(const std::string &path)
{
    char line[64] = "";
    FILE *f = fopen((path + "/XAPIANDB").c_str(), "r");
    assert_non_null(f);
    assert_non_null(fgets(line, sizeof line, f));
    fclose(f);
    assert_int_equal(strncmp(line, "glass ", 6), 0);
    return path + "/" + std::string(line + 6, strcspn(line + 6, "\n"));
}

/* Rewrites, in the record of article ID of the index folder PATH, the id's
 * bytes as WAS: a record spoiled where its blocks are whole. */
static void spoil_id(const std::string &path, const std::string &id, const std::string &was)
{
    Xapian::WritableDatabase db(generation(path), Xapian::DB_OPEN);
    Xapian::PostingIterator p = db.postlist_begin(TW_PREFIX_ID + id);
    assert_true(p != db.postlist_end(TW_PREFIX_ID + id));
    Xapian::Document doc = db.get_document(*p);
    std::string data = doc.get_data();
    size_t at = data.find(id);
    assert_true(at != std::string::npos);
    data.replace(at, id.size(), was);
    doc.set_data(data);
    db.replace_document(*p, doc);
    db.commit();
}

static void a_record_without_its_id_is_damage(void **state)
{
    (void)state;
    trawl_db *db = indexed("spoiled", { Article("feed/1", "A wildfire in the canyon."),
                                        Article("feed/2", "Rain at last.") });
    trawl_db_close(db);
    std::string path = std::string(dir) + "/spoiled";
    spoil_id(path, "feed/1", "feed/7");
    assert_int_equal(trawl_db_open(path.c_str(), &db), TRAWL_OK);
    trawl_article *a = NULL;
    assert_int_equal(trawl_db_get_article(db, "feed/1", &a), TRAWL_ECORRUPT);
    assert_null(a);
    const char *why = trawl_db_errmsg(db);
    assert_non_null(strstr(why, "is damaged (the record of document "));
    assert_non_null(strstr(why, " does not hold its id)"));
    /* The others read as they were, and an id no article has is not found. */
    assert_int_equal(trawl_db_get_article(db, "feed/2", &a), TRAWL_OK);
    assert_string_equal(a->body, "Rain at last.");
    trawl_article_free(a);
    assert_int_equal(trawl_db_get_article(db, "feed/3", &a), TRAWL_ENOTFOUND);
    trawl_db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_record_without_its_id_is_damage),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_remove);
}
