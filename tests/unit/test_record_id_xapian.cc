/* Unit tests: an article whose record was spoiled.  Glass keeps no
 * checksums: most bits flipped in docdata.glass changed a record silently
 * (a title, a date, the text a snippet shows), and its id with it, which
 * made the article "not found", and a script took it for deleted.  Each
 * record and shown fields' value now ends with a seal (docdata.h).  In an
 * index written before seals, the id term of an article finds its
 * document, and the record's id says which of the articles under a hashed
 * term is the one asked for (keyterm.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sstream>
#include <string>
#include <vector>
#include <xapian.h>
extern "C" {
#include <cmocka.h>
}

extern "C" {
#include "docdata.h"
}
#include "marks_xapian.h"
#include "schema.h"
#include "store/writer.h"
#include "trawl.h"

#include "indexed_xapian.h"

/* Under AddressSanitizer (make check SANITIZE=1): Xapian's own
 * Database::check, which --check runs, frees an object of 440 bytes as one
 * of 432 inside libxapian (tests/lib.sh, CHECK_ASAN, says the same of the
 * tools' runs); that one check is off for this program.  Unused in other
 * builds. */
extern "C" const char *__asan_default_options(void)
{
    return "new_delete_type_mismatch=0";
}

/* Where spoil() changes bytes. */
enum Where { RECORD, SHOWN, BOTH };

/* Rewrites, in the record of article ID of the index folder PATH (and in its
 * shown fields' value, or there alone, as WHERE says), the bytes FROM as TO:
 * bytes spoiled where the blocks are whole.  UNSEAL: their seals taken off
 * too, and the index's mark that it seals them all (TW_META_SEALED), as in
 * an index written before seals. */
static void spoil(const std::string &path, const std::string &id, const std::string &from,
                  const std::string &to, Where where, bool unseal)
{
    Xapian::WritableDatabase db(generation(path), Xapian::DB_OPEN);
    Xapian::PostingIterator p = db.postlist_begin(TW_PREFIX_ID + id);
    assert_true(p != db.postlist_end(TW_PREFIX_ID + id));
    Xapian::Document doc = db.get_document(*p);
    std::string data = doc.get_data(), shown = doc.get_value(TW_SLOT_SHOWN);
    for (std::string *bytes : { &data, &shown }) {
        assert_int_equal(tw_docdata_sealed(bytes->data(), bytes->size()), 1);
        if (unseal)
            bytes->resize(bytes->size() - TW_SEAL_BYTES);
        if (where != (bytes == &data ? SHOWN : RECORD)) {
            size_t at = bytes->find(from);
            assert_true(at != std::string::npos);
            bytes->replace(at, from.size(), to);
        }
    }
    doc.set_data(data);
    doc.add_value(TW_SLOT_SHOWN, shown);
    db.replace_document(*p, doc);
    if (unseal)
        db.set_metadata(TW_META_SEALED, "");
    db.commit();
}

static void a_record_without_its_id_is_damage(void **state)
{
    (void)state;
    trawl_db *db = indexed("spoiled", { Article("feed/1", "A wildfire in the canyon."),
                                        Article("feed/2", "Rain at last.") });
    trawl_db_close(db);
    std::string path = std::string(dir) + "/spoiled";
    spoil(path, "feed/1", "feed/1", "feed/7", BOTH, true);
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

/* The first hit of QUERY in DB, with snippets or not (SNIPPETS): its
 * status, and the title or the message into GOT. */
static trawl_status first_hit(trawl_db *db, const char *query, bool snippets, std::string &got)
{
    trawl_search_opts o = TRAWL_SEARCH_OPTS_INIT;
    o.no_snippets = !snippets;
    trawl_results *res = NULL;
    trawl_status st = trawl_search(db, query, &o, &res);
    if (st == TRAWL_OK) {
        assert_int_equal(trawl_results_count(res), 1);
        got = trawl_results_hit(res, 0)->title;
    } else {
        assert_null(res);
        got = trawl_db_errmsg(db);
    }
    trawl_results_free(res);
    return st;
}

/* A title spoiled in the record: --show and snippets, which read it, say
 * the index is damaged, naming the document and its table, where they
 * showed "Canyon fine" with no error; a hit shown without a snippet reads
 * its shown fields, whole, and shows the title as it was. */
static void a_spoiled_record_fails_its_seal(void **state)
{
    (void)state;
    trawl_db *db = indexed("record", { Article("feed/1", "A wildfire in the canyon.", "Canyon fire"),
                                       Article("feed/2", "Rain at last.", "Rain") });
    trawl_db_close(db);
    std::string path = std::string(dir) + "/record";
    spoil(path, "feed/1", "Canyon fire", "Canyon fine", RECORD, false);
    assert_int_equal(trawl_db_open(path.c_str(), &db), TRAWL_OK);
    trawl_article *a = NULL;
    assert_int_equal(trawl_db_get_article(db, "feed/1", &a), TRAWL_ECORRUPT);
    assert_null(a);
    std::string why = trawl_db_errmsg(db);
    assert_non_null(strstr(why.c_str(), "is damaged (the record of document "));
    assert_non_null(strstr(why.c_str(), " (docdata.glass) fails its checksum): rebuild it from "
                                        "the articles"));
    /* xapian-check reads the blocks, which are whole: no use suggesting it. */
    assert_null(strstr(why.c_str(), "xapian-check"));
    std::string got;
    assert_int_equal(first_hit(db, "wildfire", true, got), TRAWL_ECORRUPT);
    assert_non_null(strstr(got.c_str(), " (docdata.glass) fails its checksum"));
    assert_int_equal(first_hit(db, "wildfire", false, got), TRAWL_OK);
    assert_string_equal(got.c_str(), "Canyon fire");
    /* The others read as they were. */
    assert_int_equal(trawl_db_get_article(db, "feed/2", &a), TRAWL_OK);
    assert_string_equal(a->title, "Rain");
    trawl_article_free(a);
    assert_int_equal(first_hit(db, "rain", true, got), TRAWL_OK);
    trawl_db_close(db);
}

/* A title spoiled in the shown fields' value (postlist.glass), which a hit
 * without a snippet is shown from: the search says so; a snippet's and
 * --show read the record, whole. */
static void spoiled_shown_fields_fail_their_seal(void **state)
{
    (void)state;
    trawl_db *db = indexed("shown", { Article("feed/1", "A wildfire in the canyon.", "Canyon fire") });
    trawl_db_close(db);
    std::string path = std::string(dir) + "/shown";
    spoil(path, "feed/1", "Canyon fire", "Canyon fine", SHOWN, false);
    assert_int_equal(trawl_db_open(path.c_str(), &db), TRAWL_OK);
    std::string got;
    assert_int_equal(first_hit(db, "wildfire", false, got), TRAWL_ECORRUPT);
    assert_non_null(strstr(got.c_str(), "(the shown fields of document 1 (postlist.glass) "
                                        "fail their checksum)"));
    assert_int_equal(first_hit(db, "wildfire", true, got), TRAWL_OK);
    assert_string_equal(got.c_str(), "Canyon fire");
    trawl_article *a = NULL;
    assert_int_equal(trawl_db_get_article(db, "feed/1", &a), TRAWL_OK);
    assert_string_equal(a->title, "Canyon fire");
    trawl_article_free(a);
    trawl_db_close(db);
}

/* A long text's pieces live in value slots (docdata.h), which the
 * record's seal does not cover: a letter of one flipped (the last byte of
 * its LZ4 block, a literal) read back as another word, with no error; the
 * record keeps each piece's sum. */
static void a_spoiled_piece_fails_its_sum(void **state)
{
    (void)state;
    std::string body;
    for (int i = 0; i < 60; i++)
        body += "Sentence " + std::to_string(i) + " of the harbour report, on the tides and "
                "the boats that came in. ";
    body += "Last word zebra";
    trawl_db *db = indexed("piece", { Article("feed/1", body, "Harbour report") });
    trawl_article *a = NULL;
    assert_int_equal(trawl_db_get_article(db, "feed/1", &a), TRAWL_OK);
    assert_string_equal(a->body, body.c_str());
    trawl_article_free(a);
    trawl_db_close(db);
    std::string path = std::string(dir) + "/piece";
    {
        Xapian::WritableDatabase w(generation(path), Xapian::DB_OPEN);
        Xapian::Document doc = w.get_document(1);
        Xapian::valueno slot = TW_SLOT_PIECE0 + 1;     /* the last piece's */
        while (!doc.get_value(slot + 1).empty())
            slot++;
        std::string piece = doc.get_value(slot);
        assert_true(piece.size() > 1 && piece.back() == 'a');
        piece.back() = 'o';                     /* "zebra" as "zebro" */
        doc.add_value(slot, piece);
        w.replace_document(1, doc);
        w.commit();
    }
    assert_int_equal(trawl_db_open(path.c_str(), &db), TRAWL_OK);
    assert_int_equal(trawl_db_get_article(db, "feed/1", &a), TRAWL_ECORRUPT);
    assert_non_null(strstr(trawl_db_errmsg(db), "the stored text of article feed/1 in index "));
    std::string got;
    assert_int_equal(first_hit(db, "zebra", true, got), TRAWL_ECORRUPT);
    assert_non_null(strstr(got.c_str(), "(the stored text of document 1 is damaged)"));
    trawl_db_close(db);
    /* trawl-index --check reads the pieces' sums too: it had passed the
     * index, whose blocks are whole, as sound. */
    trawl_indexer_opts o = TRAWL_INDEXER_OPTS_INIT;
    o.check = 1;
    trawl_indexer *ix = NULL;
    assert_int_equal(trawl_indexer_open(path.c_str(), &o, &ix), TRAWL_ECORRUPT);
    assert_non_null(ix);
    assert_non_null(strstr(trawl_indexer_errmsg(ix), "(1 document fails its checksum: 1 (stored "
                                                     "text)); nothing was changed"));
    trawl_indexer_close(ix);
}

/* An index written before seals is read as it was, its changes unseen. */
static void records_without_seals_read_as_before(void **state)
{
    (void)state;
    trawl_db *db = indexed("old", { Article("feed/1", "A wildfire in the canyon.", "Canyon fire") });
    trawl_db_close(db);
    std::string path = std::string(dir) + "/old";
    spoil(path, "feed/1", "Canyon fire", "Canyon fine", BOTH, true);
    assert_int_equal(trawl_db_open(path.c_str(), &db), TRAWL_OK);
    std::string got;
    assert_int_equal(first_hit(db, "wildfire", true, got), TRAWL_OK);
    assert_string_equal(got.c_str(), "Canyon fine");
    trawl_article *a = NULL;
    assert_int_equal(trawl_db_get_article(db, "feed/1", &a), TRAWL_OK);
    assert_string_equal(a->body, "A wildfire in the canyon.");
    trawl_article_free(a);
    trawl_db_close(db);
}

/* A seal's own tag spoiled into that of a field an older writer wrote:
 * the record read as one from before seals, trusted unchecked.  An index
 * whose writer sealed every record says so (TW_META_SEALED, naming its last
 * commit), and one without a seal there is damage; without the mark (an
 * index from before seals) it is read as it was. */
static void a_seal_spoiled_in_a_sealed_index_is_damage(void **state)
{
    (void)state;
    trawl_db *db = indexed("tag", { Article("feed/1", "A wildfire in the canyon.", "Canyon fire"),
                                    Article("feed/2", "Rain at last.", "Rain") });
    trawl_db_close(db);
    std::string path = std::string(dir) + "/tag";
    {
        Xapian::WritableDatabase w(generation(path), Xapian::DB_OPEN);
        assert_true(tw_mark_now(w, w.get_metadata(TW_META_SEALED)));
        Xapian::Document doc = w.get_document(*w.postlist_begin(TW_PREFIX_ID "feed/1"));
        std::string data = doc.get_data(), shown = doc.get_value(TW_SLOT_SHOWN);
        data[data.size() - TW_SEAL_BYTES] ^= 0x04;      /* the record's seal's tag: TW_F_BODY_Z */
        shown[shown.size() - TW_SEAL_BYTES] ^= 0x08;    /* the shown fields': TW_F_URL */
        assert_int_equal(tw_docdata_sealed(data.data(), data.size()), 0);
        assert_int_equal(tw_docdata_sealed(shown.data(), shown.size()), 0);
        doc.set_data(data);
        doc.add_value(TW_SLOT_SHOWN, shown);
        w.replace_document(doc.get_docid(), doc);
        /* Bits flipped on the disk leave the mark naming the last commit:
         * this write's commit, which moves the revision, names itself. */
        w.set_metadata(TW_META_SEALED, tw_mark_next(w));
        w.commit();
    }
    assert_int_equal(trawl_db_open(path.c_str(), &db), TRAWL_OK);
    trawl_article *a = NULL;
    assert_int_equal(trawl_db_get_article(db, "feed/1", &a), TRAWL_ECORRUPT);
    assert_non_null(strstr(trawl_db_errmsg(db), " (docdata.glass) lacks its checksum)"));
    std::string got;
    assert_int_equal(first_hit(db, "wildfire", false, got), TRAWL_ECORRUPT);
    assert_non_null(strstr(got.c_str(), " (postlist.glass) lack their checksum)"));
    assert_int_equal(first_hit(db, "wildfire", true, got), TRAWL_ECORRUPT);
    assert_int_equal(trawl_db_get_article(db, "feed/2", &a), TRAWL_OK);
    assert_string_equal(a->title, "Rain");
    trawl_article_free(a);
    trawl_db_close(db);
    {
        Xapian::WritableDatabase w(generation(path), Xapian::DB_OPEN);
        w.set_metadata(TW_META_SEALED, "");
        w.commit();
    }
    assert_int_equal(trawl_db_open(path.c_str(), &db), TRAWL_OK);
    assert_int_equal(first_hit(db, "wildfire", false, got), TRAWL_OK);
    assert_string_equal(got.c_str(), "Canyon fire");
    assert_int_equal(trawl_db_get_article(db, "feed/1", &a), TRAWL_OK);
    trawl_article_free(a);
    trawl_db_close(db);
}

/* A writer that adds to an index from before seals leaves it unmarked
 * (its old records have none); one that begins with no article marks it. */
static void only_an_index_sealed_whole_is_marked(void **state)
{
    (void)state;
    trawl_db *db = indexed("mark", { Article("feed/1", "A wildfire in the canyon.", "Canyon fire") });
    trawl_db_close(db);
    std::string path = std::string(dir) + "/mark";
    spoil(path, "feed/1", "Canyon", "Canyon", BOTH, true);
    add_articles("mark", { Article("feed/2", "Rain at last.", "Rain") });
    assert_string_equal(Xapian::Database(generation(path)).get_metadata(TW_META_SEALED).c_str(),
                        "");
    assert_int_equal(trawl_db_open(path.c_str(), &db), TRAWL_OK);
    std::string got;
    assert_int_equal(first_hit(db, "wildfire", true, got), TRAWL_OK);
    assert_int_equal(first_hit(db, "rain", true, got), TRAWL_OK);
    trawl_db_close(db);
}

/* A bulk build an older trawl stopped, which holds records without seals,
 * goes on in this one: the merge of its generation with the new parts,
 * which are sealed, kept their mark (Xapian's compaction keeps a key any
 * source has), and every old record read as damage. */
static void a_merge_with_unsealed_records_is_not_marked(void **state)
{
    (void)state;
    trawl_db *db = indexed("resume", { Article("feed/1", "A wildfire in the canyon.", "Canyon fire") });
    trawl_db_close(db);
    std::string path = std::string(dir) + "/resume";
    spoil(path, "feed/1", "Canyon", "Canyon", BOTH, true);
    {
        Xapian::WritableDatabase w(generation(path), Xapian::DB_OPEN);
        w.set_metadata(TW_META_BUILD, TW_BUILD_UNFINISHED);
        w.commit();
    }
    std::string file = std::string(dir) + "/resume-rain.txt";
    FILE *f = fopen(file.c_str(), "w");
    assert_non_null(f);
    fputs("Rain\n\nRain at last over the valley.\n", f);
    fclose(f);
    trawl_indexer *ix = NULL;
    assert_int_equal(trawl_indexer_open(path.c_str(), NULL, &ix), TRAWL_OK);
    assert_int_equal(trawl_indexer_add_path(ix, file.c_str()), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    assert_string_equal(Xapian::Database(generation(path)).get_metadata(TW_META_SEALED).c_str(),
                        "");
    assert_int_equal(trawl_db_open(path.c_str(), &db), TRAWL_OK);
    std::string got;
    assert_int_equal(first_hit(db, "wildfire", false, got), TRAWL_OK);
    assert_string_equal(got.c_str(), "Canyon fire");
    assert_int_equal(first_hit(db, "valley", false, got), TRAWL_OK);
    trawl_db_close(db);
}

/* Adds to the index folder PATH, as a trawl from before seals would, the
 * article ID: its document as this trawl writes it (in a scratch index),
 * its record and shown fields without their seals, committed with the
 * index's marks left as they were. */
static void add_as_older_writer(const std::string &path, const char *id, const char *body,
                                const char *title)
{
    std::string scratch = std::string("older-") + id;
    for (char &c : scratch)
        c = c == '/' ? '-' : c;
    trawl_db_close(indexed(scratch.c_str(), { Article(id, body, title) }));
    Xapian::Database from(generation(std::string(dir) + "/" + scratch));
    Xapian::Document doc = from.get_document(*from.postlist_begin(std::string(TW_PREFIX_ID) + id));
    std::string data = doc.get_data(), shown = doc.get_value(TW_SLOT_SHOWN);
    data.resize(data.size() - TW_SEAL_BYTES);
    shown.resize(shown.size() - TW_SEAL_BYTES);
    doc.set_data(data);
    doc.add_value(TW_SLOT_SHOWN, shown);
    Xapian::WritableDatabase w(generation(path), Xapian::DB_OPEN);
    w.replace_document(std::string(TW_PREFIX_ID) + id, doc);
    w.commit();
}

/* Whether --check passes the index folder PATH; its message into WHY. */
static trawl_status checked(const std::string &path, std::string &why)
{
    trawl_indexer_opts o = TRAWL_INDEXER_OPTS_INIT;
    o.check = 1;
    trawl_indexer *ix = NULL;
    trawl_status st = trawl_indexer_open(path.c_str(), &o, &ix);
    why = trawl_indexer_errmsg(ix);
    trawl_indexer_close(ix);
    return st;
}

/* A trawl from before seals adds an article to a sealed index: it knows
 * nothing of the mark, which said every record was sealed, and its record
 * read as damage ("lacks its checksum": the README told users to rebuild).
 * The mark names the commit it vouches for; past it, a value without a
 * seal is damage only when its document's other value has one, as a
 * writer seals both or neither: a seal flipped in a record written under
 * the mark is still found, by searches and by --check. */
static void an_older_writers_records_read_after_the_mark(void **state)
{
    (void)state;
    trawl_db *db = indexed("older", { Article("feed/1", "A wildfire in the canyon.", "Canyon fire"),
                                      Article("feed/2", "Rain at last.", "Rain") });
    trawl_db_close(db);
    std::string path = std::string(dir) + "/older";
    add_as_older_writer(path, "feed/3", "Snow closes the mountain pass.", "Snow");
    assert_int_equal(trawl_db_open(path.c_str(), &db), TRAWL_OK);
    std::string got;
    assert_int_equal(first_hit(db, "mountain", false, got), TRAWL_OK);
    assert_string_equal(got.c_str(), "Snow");
    assert_int_equal(first_hit(db, "mountain", true, got), TRAWL_OK);
    trawl_article *a = NULL;
    assert_int_equal(trawl_db_get_article(db, "feed/3", &a), TRAWL_OK);
    assert_string_equal(a->body, "Snow closes the mountain pass.");
    trawl_article_free(a);
    trawl_db_close(db);
    assert_int_equal(checked(path, got), TRAWL_OK);
    /* This trawl adds to it: the older records stay, and so does the mark
     * past its commit. */
    add_articles("older", { Article("feed/4", "Fog over the harbour.", "Fog") });
    assert_int_equal(tw_seals_of(Xapian::Database(generation(path))), TW_SEALS_SOME);
    /* A seal's tag flipped in a record written under the mark, its shown
     * fields whole. */
    {
        Xapian::WritableDatabase w(generation(path), Xapian::DB_OPEN);
        Xapian::Document doc = w.get_document(*w.postlist_begin(TW_PREFIX_ID "feed/1"));
        std::string data = doc.get_data();
        data[data.size() - TW_SEAL_BYTES] ^= 0x04;    /* TW_F_BODY_Z, which it lacks */
        assert_int_equal(tw_docdata_sealed(data.data(), data.size()), 0);
        doc.set_data(data);
        w.replace_document(doc.get_docid(), doc);
        w.commit();
    }
    assert_int_equal(trawl_db_open(path.c_str(), &db), TRAWL_OK);
    assert_int_equal(trawl_db_get_article(db, "feed/1", &a), TRAWL_ECORRUPT);
    assert_non_null(strstr(trawl_db_errmsg(db), " (docdata.glass) lacks its checksum)"));
    assert_int_equal(first_hit(db, "wildfire", true, got), TRAWL_ECORRUPT);
    assert_int_equal(first_hit(db, "mountain", true, got), TRAWL_OK);
    assert_int_equal(first_hit(db, "harbour", true, got), TRAWL_OK);
    trawl_db_close(db);
    assert_int_equal(checked(path, got), TRAWL_ECORRUPT);
    assert_non_null(strstr(got.c_str(), "(1 document fails its checksum: 1 (record))"));
}

/* Both seals of an article spoiled, past the mark: neither value ended
 * with a seal, and each read as the other's twin, as an older writer's
 * article, shown with exit 0 however its fields were spoiled.  A seal's
 * tag or length spoiled into what no writer wrote is damage, wherever it
 * is read: 13 of each seal's 16 bits (test_date_docdata, docdata_seal). */
static void both_seals_spoiled_past_the_mark_are_damage(void **state)
{
    (void)state;
    trawl_db *db = indexed("both", { Article("feed/1", "A wildfire in the canyon.", "Canyon fire"),
                                     Article("feed/2", "Rain at last.", "Rain") });
    trawl_db_close(db);
    std::string path = std::string(dir) + "/both";
    add_as_older_writer(path, "feed/3", "Snow closes the mountain pass.", "Snow");
    {
        Xapian::WritableDatabase w(generation(path), Xapian::DB_OPEN);
        assert_int_equal(tw_seals_of(w), TW_SEALS_SOME);
        Xapian::Document doc = w.get_document(*w.postlist_begin(TW_PREFIX_ID "feed/1"));
        std::string data = doc.get_data(), shown = doc.get_value(TW_SLOT_SHOWN);
        data[data.size() - TW_SEAL_BYTES] ^= 0x10;          /* the record's seal's tag */
        shown[shown.size() - TW_SEAL_BYTES + 1] ^= 0x01;    /* the shown fields' length */
        doc.set_data(data);
        doc.add_value(TW_SLOT_SHOWN, shown);
        w.replace_document(doc.get_docid(), doc);
        w.commit();
    }
    assert_int_equal(trawl_db_open(path.c_str(), &db), TRAWL_OK);
    std::string got;
    assert_int_equal(first_hit(db, "wildfire", false, got), TRAWL_ECORRUPT);
    assert_non_null(strstr(got.c_str(), " (postlist.glass) fail their checksum)"));
    trawl_article *a = NULL;
    assert_int_equal(trawl_db_get_article(db, "feed/1", &a), TRAWL_ECORRUPT);
    assert_non_null(strstr(trawl_db_errmsg(db), " (docdata.glass) fails its checksum)"));
    assert_int_equal(first_hit(db, "mountain", true, got), TRAWL_OK);
    assert_string_equal(got.c_str(), "Snow");
    trawl_db_close(db);
    assert_int_equal(checked(path, got), TRAWL_ECORRUPT);
    assert_non_null(strstr(got.c_str(), "(1 document fails its checksum: 1 (record and shown fields))"));
}

/* An index marked by the trawl of 2026-12-07, whose mark ("1") names no
 * commit, may hold an older writer's records since: it reads as some
 * sealed.  A later run cannot vouch for every record without reading each
 * one (as --check does: 2.1 s on Reuters, at every commit), nor can a
 * compaction, which copies blocks: the index stays so, its records
 * without seals read as an older writer's, until --full rebuilds it. */
static void a_bare_mark_says_some_until_full(void **state)
{
    (void)state;
    trawl_db_close(indexed("bare", { Article("feed/1", "A wildfire in the canyon.", "Canyon fire") }));
    std::string path = std::string(dir) + "/bare";
    {
        Xapian::WritableDatabase w(generation(path), Xapian::DB_OPEN);
        w.set_metadata(TW_META_SEALED, "1");
        w.commit();
    }
    add_articles("bare", { Article("feed/2", "Rain at last.", "Rain") });
    assert_int_equal(tw_seals_of(Xapian::Database(generation(path))), TW_SEALS_SOME);
    trawl_indexer *ix = NULL;
    uint64_t before, after;
    assert_int_equal(trawl_indexer_open(path.c_str(), NULL, &ix), TRAWL_OK);
    assert_int_equal(trawl_indexer_compact(ix, &before, &after), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    assert_string_equal(Xapian::Database(generation(path)).get_metadata(TW_META_SEALED).c_str(),
                        TW_SEALED_SOME);
    trawl_indexer_opts o = TRAWL_INDEXER_OPTS_INIT;
    o.overwrite = 1;
    assert_int_equal(trawl_indexer_open(path.c_str(), &o, &ix), TRAWL_OK);
    trawl_article a = {};
    a.id = "feed/1";
    a.body = "A wildfire in the canyon.";
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    assert_int_equal(tw_seals_of(Xapian::Database(generation(path))), TW_SEALS_ALL);
}

/* A compaction starts a generation at revision 1 and carries the metadata
 * over: an older trawl's (Xapian's own) leaves a mark that names no commit
 * of the new generation, however far its revisions run; this trawl's
 * names its own, or says some records are sealed when the source's did. */
static void a_compaction_renames_the_mark(void **state)
{
    (void)state;
    trawl_db_close(indexed("moved", { Article("feed/1", "A wildfire in the canyon.", "Canyon fire") }));
    std::string path = std::string(dir) + "/moved", copy = std::string(dir) + "/moved-copy";
    assert_int_equal(tw_seals_of(Xapian::Database(generation(path))), TW_SEALS_ALL);
    Xapian::Database(generation(path)).compact(copy);
    {
        Xapian::WritableDatabase w(copy, Xapian::DB_OPEN);
        while (w.get_revision() < 8) {
            w.set_metadata("filler", std::to_string(w.get_revision()));
            w.commit();
        }
    }
    assert_int_equal(tw_seals_of(Xapian::Database(copy)), TW_SEALS_SOME);
    trawl_indexer *ix = NULL;
    uint64_t before, after;
    assert_int_equal(trawl_indexer_open(path.c_str(), NULL, &ix), TRAWL_OK);
    assert_int_equal(trawl_indexer_compact(ix, &before, &after), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    assert_int_equal(tw_seals_of(Xapian::Database(generation(path))), TW_SEALS_ALL);
    add_as_older_writer(path, "feed/2", "Rain at last.", "Rain");
    assert_int_equal(trawl_indexer_open(path.c_str(), NULL, &ix), TRAWL_OK);
    assert_int_equal(trawl_indexer_compact(ix, &before, &after), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
    Xapian::Database merged(generation(path));
    assert_string_equal(merged.get_metadata(TW_META_SEALED).c_str(), TW_SEALED_SOME);
    trawl_db *db = NULL;
    std::string got;
    assert_int_equal(trawl_db_open(path.c_str(), &db), TRAWL_OK);
    assert_int_equal(first_hit(db, "rain", true, got), TRAWL_OK);
    assert_string_equal(got.c_str(), "Rain");
    trawl_db_close(db);
}

/* The bytes of the glass tables of the database at PATH. */
static long long table_bytes(const std::string &path)
{
    long long total = 0;
    for (const char *table : { "postlist", "docdata", "termlist", "position" }) {
        struct stat st;
        if (stat((path + "/" + table + ".glass").c_str(), &st) == 0)
            total += st.st_size;
    }
    return total;
}

/* A merge's marks are set after Xapian's compaction, in a commit of their
 * own, which had copied the blocks on the B-tree's path to them (glass
 * keeps the revision before for its readers): a compact generation grew by
 * a few blocks, 24 KB on Reuters.  Written in place, the merge takes the
 * room of Xapian's compaction alone, and its marks still name its
 * commit. */
static void a_merges_marks_take_no_room(void **state)
{
    (void)state;
    trawl_db_close(indexed("room", { Article("feed/1", "A wildfire in the canyon.", "Canyon fire"),
                                     Article("feed/2", "Rain at last.", "Rain") }));
    std::string source = generation(std::string(dir) + "/room");
    std::string plain = std::string(dir) + "/room-plain", merged = std::string(dir) + "/room-merged";
    Xapian::Database(source).compact(plain);
    const char *sources[] = { source.c_str() };
    char err[256] = "";
    assert_int_equal(tw_writer_merge(sources, 1, merged.c_str(), "compacting", NULL, NULL, err,
                                     sizeof err),
                     TRAWL_OK);
    assert_int_equal(table_bytes(merged), table_bytes(plain));
    Xapian::Database db(merged);
    assert_int_equal(tw_seals_of(db), TW_SEALS_ALL);
    assert_true(tw_mark_now(db, db.get_metadata(TW_META_COMPACTED)));
    std::ostringstream report;
    assert_int_equal(Xapian::Database::check(merged, 0, &report), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_record_without_its_id_is_damage),
        cmocka_unit_test(a_spoiled_record_fails_its_seal),
        cmocka_unit_test(spoiled_shown_fields_fail_their_seal),
        cmocka_unit_test(a_spoiled_piece_fails_its_sum),
        cmocka_unit_test(records_without_seals_read_as_before),
        cmocka_unit_test(a_seal_spoiled_in_a_sealed_index_is_damage),
        cmocka_unit_test(only_an_index_sealed_whole_is_marked),
        cmocka_unit_test(a_merge_with_unsealed_records_is_not_marked),
        cmocka_unit_test(an_older_writers_records_read_after_the_mark),
        cmocka_unit_test(both_seals_spoiled_past_the_mark_are_damage),
        cmocka_unit_test(a_compaction_renames_the_mark),
        cmocka_unit_test(a_bare_mark_says_some_until_full),
        cmocka_unit_test(a_merges_marks_take_no_room),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_remove);
}
