/* Unit tests: a bulk build's near-copies linked in its shards before their
 * merge (tw_writer_link_parts) get the story keys they get linked in the
 * merged index, where their keys rewrote the documents and took a second
 * compaction: the stories are found in the merge's order, rooted at the
 * article the merged index numbers first, and without the earlier copy of
 * an id written into two shards, which the merged index loses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cstring>
#include <map>
#include <string>
#include <vector>
#include <xapian.h>
extern "C" {
#include <cmocka.h>
#include "schema.h"
#include "store/writer.h"
}
#include "scratch.h"

/* A wire story, and a copy of it with a word changed: one story. */
static const char WIRE[] =
    "The harbour board approved a new breakwater for the northern quay on Tuesday, "
    "after three years of storms damaged the fishing fleet and the ferry pier. "
    "Work starts in spring and should end before the winter gales return.";
static const char COPY[] =
    "The harbour board approved a new breakwater for the northern quay on Tuesday, "
    "after three years of storms damaged the fishing fleet and the ferry pier. "
    "Work starts in spring and should end before the autumn gales return.";
static const char OTHER[] =
    "A choir of two hundred children sang in the cathedral square to open the "
    "summer festival, which runs for ten days with concerts, plays and a market "
    "of local crafts along the river.";

struct Article {
    const char *id, *body;
};

static std::string path_of(const char *name)
{
    return std::string(dir) + "/" + name;
}

/* Writes a shard NAME of ARTICLES, each with its signature, as a worker does. */
static void shard(const char *name, const std::vector<Article> &articles)
{
    char err[512];
    tw_writer *w;
    std::string path = path_of(name);
    assert_int_equal(tw_writer_open(path.c_str(), name, "english", TW_OPEN_SCRATCH, &w, err,
                                    sizeof err),
                     TRAWL_OK);
    for (const Article &a : articles) {
        tw_minhash sig;
        assert_true(tw_minhash_compute(a.body, std::strlen(a.body), &sig));
        tw_doc d = {};
        d.id = a.id;
        d.body = a.body;
        d.hash_hex = "0000000000000000";
        d.data = a.id;
        d.data_len = std::strlen(a.id);
        d.signature = &sig;
        bool replaced, cut;
        assert_int_equal(tw_writer_add(w, &d, &replaced, &cut, err, sizeof err), TRAWL_OK);
    }
    assert_int_equal(tw_writer_commit(w, err, sizeof err), TRAWL_OK);
    tw_writer_close(w);
}

/* Merges the shards NAMES into GEN, removes its doubled ids' earlier copies
 * and, unless LINKED, links its stories. */
static void merge(const std::vector<std::string> &names, const char *gen, bool linked)
{
    char err[512];
    std::vector<std::string> paths;
    std::vector<const char *> sources;
    for (const std::string &n : names)
        paths.push_back(path_of(n.c_str()));
    for (const std::string &p : paths)
        sources.push_back(p.c_str());
    std::string out = path_of(gen);
    assert_int_equal(tw_writer_merge(sources.data(), sources.size(), out.c_str(), "merging",
                                     NULL, NULL, err, sizeof err),
                     TRAWL_OK);
    tw_writer *w;
    assert_int_equal(tw_writer_open(out.c_str(), gen, NULL, TW_OPEN_EXISTING, &w, err,
                                    sizeof err),
                     TRAWL_OK);
    uint64_t removed = 0, keyed = 0;
    assert_int_equal(tw_writer_dedupe(w, &removed, err, sizeof err), TRAWL_OK);
    assert_int_equal(removed, 1);
    if (!linked)
        assert_int_equal(tw_writer_link_stories(w, &keyed, err, sizeof err), TRAWL_OK);
    assert_int_equal(tw_writer_commit(w, err, sizeof err), TRAWL_OK);
    tw_writer_close(w);
}

/* Each article id of the index GEN with its story key ("" for none). */
static std::map<std::string, std::string> stories(const char *gen)
{
    Xapian::Database db(path_of(gen));
    std::map<std::string, std::string> keys;
    for (Xapian::TermIterator t = db.allterms_begin(TW_PREFIX_ID);
         t != db.allterms_end(TW_PREFIX_ID); ++t)
        keys[*t] = db.get_document(*db.postlist_begin(*t)).get_value(TW_SLOT_STORY);
    return keys;
}

static void parts_linked_as_the_merged_index(void **state)
{
    (void)state;
    /* "dup" is written twice: its earlier copy, the wire story, comes first
     * in the merge's order, and would root the story (and name its key)
     * were it counted; the merged index keeps the later copy, another
     * text. */
    std::vector<Article> one = { { "dup", WIRE }, { "wire", WIRE } };
    std::vector<Article> two = { { "copy", COPY }, { "dup", OTHER } };
    shard("a-1", one);
    shard("a-2", two);
    merge({ "a-1", "a-2" }, "after", false);
    shard("b-1", one);
    shard("b-2", two);
    char err[512];
    tw_writer *parts[2];
    for (int i = 0; i < 2; i++) {
        std::string p = path_of(i ? "b-2" : "b-1");
        assert_int_equal(tw_writer_open(p.c_str(), "part", NULL, TW_OPEN_EXISTING, &parts[i],
                                        err, sizeof err),
                         TRAWL_OK);
    }
    uint64_t keyed = 0;
    assert_int_equal(tw_writer_link_parts(parts, 2, &keyed, err, sizeof err), TRAWL_OK);
    assert_int_equal(keyed, 2);
    for (tw_writer *w : parts)
        tw_writer_close(w);
    merge({ "b-1", "b-2" }, "before", true);

    std::map<std::string, std::string> after = stories("after"), before = stories("before");
    assert_int_equal(after.size(), 3);
    assert_string_not_equal(after["Qwire"].c_str(), "");
    assert_string_equal(after["Qwire"].c_str(), after["Qcopy"].c_str());
    assert_string_equal(after["Qdup"].c_str(), "");
    for (const auto &a : after)
        assert_string_equal(before[a.first].c_str(), a.second.c_str());
    assert_int_equal(before.size(), after.size());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parts_linked_as_the_merged_index),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_remove);
}
