/* Unit tests: a body of one piece, kept in the record (docdata.h).  Glass
 * deflates a record whenever that saves a byte, and a record's id and path
 * repeat each other, so it did: a snippet of a short article (most news)
 * inflated the record, then the body the writer had deflated inside it, a
 * second time (Reuters: 10k and 33k instructions a hit).  The writer keeps
 * the piece as it is, for glass's one inflate; records of older writers,
 * the piece deflated, are read as before. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <string>
#include <xapian.h>
extern "C" {
#include <cmocka.h>
}

extern "C" {
#include "buf.h"
#include "docdata.h"
#include "piece_pack.h"
}
#include "schema.h"
#include "trawl.h"

#include "indexed_xapian.h"

static const char BODY[] =
    "Harbour officials said on Tuesday that the new breakwater would be finished "
    "before the winter storms, and that the fishing fleet could use the eastern "
    "quay again from March. The council voted to pay for the dredging.";

/* The snippet of the one hit of QUERY in the index DIR/NAME, its
 * highlights after it as [start,end]. */
static std::string snippet(const char *name, const char *query)
{
    std::string path = std::string(dir) + "/" + name;
    trawl_db *db;
    assert_int_equal(trawl_db_open(path.c_str(), &db), TRAWL_OK);
    trawl_results *res = NULL;
    assert_int_equal(trawl_search(db, query, NULL, &res), TRAWL_OK);
    assert_int_equal(trawl_results_count(res), 1);
    const trawl_hit *h = trawl_results_hit(res, 0);
    std::string got = h->snippet;
    for (size_t i = 0; i < h->n_highlights; i++)
        got += " [" + std::to_string(h->highlights[i].start) + "," +
               std::to_string(h->highlights[i].end) + "]";
    trawl_results_free(res);
    trawl_db_close(db);
    return got;
}

/* The record of document 1 of the index DIR/NAME, and its fields. */
static std::string record(const char *name, tw_slice fields[TW_F_COUNT])
{
    Xapian::Database db(generation(std::string(dir) + "/" + name));
    static std::string data;
    data = db.get_document(1).get_data();
    assert_int_equal(tw_docdata_parse(data.data(), data.size(), fields), 0);
    return data;
}

/* The writer keeps a body of one piece in the record as it is: a flag
 * byte, then the text. */
static void a_short_body_is_kept_as_it_is(void **state)
{
    (void)state;
    trawl_db *db = indexed("now", { Article("feed/1", BODY, "Breakwater") });
    trawl_db_close(db);
    tw_slice fields[TW_F_COUNT];
    record("now", fields);
    const tw_slice &piece = fields[TW_F_PIECE];
    assert_non_null(piece.ptr);
    assert_int_equal(piece.ptr[0], TW_PIECE_AS_IS);
    assert_int_equal(piece.len, 1 + strlen(BODY));
    assert_memory_equal(piece.ptr + 1, BODY, strlen(BODY));
    /* (Highlights in bytes: the ellipsis is three.) */
    assert_string_equal(snippet("now", "breakwater dredging").c_str(),
                        "\u2026the new breakwater would be finished before the winter storms, "
                        "and that the fishing fleet could use the eastern quay again from "
                        "March. The council voted to pay for the dredging. [11,21] [171,179]");
}

/* A record of an older writer, its one piece deflated and sealed as that
 * writer sealed it: the same snippet, the same highlights, and --show's
 * body. */
static void a_deflated_short_body_reads_as_before(void **state)
{
    (void)state;
    trawl_db *db = indexed("old", { Article("feed/1", BODY, "Breakwater") });
    trawl_db_close(db);
    std::string want = snippet("old", "breakwater dredging");
    tw_slice fields[TW_F_COUNT];
    std::string data = record("old", fields);
    tw_piece_packer *z = tw_piece_packer_new();
    assert_non_null(z);
    tw_buf packed = {}, rebuilt = {};
    assert_int_equal(tw_piece_pack(z, TW_PIECE_DEFLATED, BODY, strlen(BODY), &packed), 0);
    assert_int_equal(packed.data[0], TW_PIECE_DEFLATED);
    /* The fields as they were, the piece deflated, a new seal. */
    for (int f = 1; f < TW_F_COUNT; f++) {
        if (f == TW_F_SUM || !fields[f].ptr)
            continue;
        const tw_slice &v = f == TW_F_PIECE ? tw_slice{ packed.data, packed.len } : fields[f];
        assert_int_equal(tw_docdata_put(&rebuilt, (tw_field)f, v.ptr, v.len), 0);
    }
    unsigned char seal[TW_SEAL_BYTES];
    tw_docdata_seal_of(rebuilt.data, rebuilt.len, seal);
    assert_int_equal(tw_buf_append(&rebuilt, seal, sizeof seal), 0);
    {
        Xapian::WritableDatabase w(generation(std::string(dir) + "/old"), Xapian::DB_OPEN);
        Xapian::Document doc = w.get_document(1);
        doc.set_data(std::string(rebuilt.data, rebuilt.len));
        w.replace_document(1, doc);
        w.commit();
    }
    tw_buf_free(&packed);
    tw_buf_free(&rebuilt);
    tw_piece_packer_free(z);
    record("old", fields);
    assert_int_equal(fields[TW_F_PIECE].ptr[0], TW_PIECE_DEFLATED);
    assert_string_equal(snippet("old", "breakwater dredging").c_str(), want.c_str());
    std::string path = std::string(dir) + "/old";
    assert_int_equal(trawl_db_open(path.c_str(), &db), TRAWL_OK);
    trawl_article *a = NULL;
    assert_int_equal(trawl_db_get_article(db, "feed/1", &a), TRAWL_OK);
    assert_string_equal(a->body, BODY);
    trawl_article_free(a);
    trawl_db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_short_body_is_kept_as_it_is),
        cmocka_unit_test(a_deflated_short_body_reads_as_before),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_remove);
}
