/* Unit tests: a page's hits are read in docid order (tw_docid_order,
 * query/ranking_xapian.cc), so that the look-ups walk the index forwards,
 * and each hit still shows its own fields and snippet. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <string>
#include <vector>
extern "C" {
#include <cmocka.h>
}

#include "trawl.h"
#include "ranking_xapian.h"

#include "indexed_xapian.h"

static void places_by_docid(void **state)
{
    (void)state;
    std::vector<TwRanked> ranked;
    for (Xapian::docid did : { 5, 2, 9, 1, 7 })
        ranked.push_back({ did, 1.0, 0, nullptr, nullptr });
    std::vector<size_t> all = tw_docid_order(ranked, 0, ranked.size());
    assert_true((all == std::vector<size_t>{ 3, 1, 0, 4, 2 }));
    /* A page: only its places, and none past the end. */
    std::vector<size_t> page = tw_docid_order(ranked, 1, 4);
    assert_true((page == std::vector<size_t>{ 3, 1, 2 }));
    assert_true((tw_docid_order(ranked, 3, 10) == std::vector<size_t>{ 3, 4 }));
    assert_true(tw_docid_order(ranked, 2, 2).empty());
}

/* Articles whose docid order is not their rank order: each says "storm"
 * once more than the one added before it, and BM25 weighs that against its
 * length (four, three, five, two, one). */
static void fields_stay_with_their_hits(void **state)
{
    (void)state;
    std::vector<Article> articles;
    std::string body = "The harbour closed early.";
    for (const char *id : { "one", "two", "three", "four", "five" }) {
        body += " A storm came in from the west and the ferries stayed in port.";
        articles.push_back({ id, body, std::string("Report ") + id });
    }
    trawl_db *db = indexed("page", articles);
    for (int snippets = 0; snippets < 2; snippets++) {
        trawl_search_opts o = {};
        o.size = sizeof o;
        o.no_collapse = 1;
        o.bm25_only = 1;
        o.no_snippets = !snippets;
        trawl_results *res;
        assert_int_equal(trawl_search(db, "storm harbour", &o, &res), TRAWL_OK);
        assert_int_equal(trawl_results_count(res), 5);
        /* Read in docid order, each hit keeps its own title. */
        for (size_t i = 0; i < 5; i++) {
            const trawl_hit *h = trawl_results_hit(res, i);
            assert_string_equal(h->title, (std::string("Report ") + h->id).c_str());
            if (snippets)
                assert_non_null(strstr(h->snippet, "storm"));
        }
        assert_string_equal(trawl_results_hit(res, 0)->id, "four");
        assert_string_equal(trawl_results_hit(res, 4)->id, "one");
        trawl_results_free(res);
    }
    trawl_db_close(db);
}

/* Pages of every hit, or of every hit past an offset, with limits too
 * large to add to the offset or to count in Xapian's 32 bits.  SIZE_MAX
 * made the page's end wrap around below its start: no hit with the
 * default ranking on a small index (a failure once the page was read in
 * docid order), only the feedback pool's 301 on a larger one; 2^32 asked
 * Xapian for no hit at all. */
static void limits_past_any_count(void **state)
{
    (void)state;
    const int n = 320;
    std::vector<Article> articles;
    for (int i = 0; i < n; i++) {
        std::string id = "a" + std::to_string(i);
        articles.push_back({ id, "A storm report, number " + id + "." });
    }
    trawl_db *db = indexed("many", articles);
    const struct {
        size_t limit, offset;
    } pages[] = { { SIZE_MAX, 8 }, { SIZE_MAX - 1, 0 }, { (size_t)1 << 32, 0 },
                  { (size_t)1 << 32, 300 } };
    for (const auto &page : pages) {
        for (int bm25_only = 0; bm25_only < 2; bm25_only++) {
            trawl_search_opts o = {};
            o.size = sizeof o;
            o.limit = page.limit;
            o.offset = page.offset;
            o.no_snippets = 1;
            o.no_collapse = 1;
            o.bm25_only = bm25_only;
            trawl_results *res;
            assert_int_equal(trawl_search(db, "storm", &o, &res), TRAWL_OK);
            assert_int_equal(trawl_results_count(res), n - page.offset);
            assert_int_equal(trawl_results_hit(res, 0)->rank, page.offset + 1);
            trawl_results_free(res);
        }
    }
    trawl_db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(places_by_docid),
        cmocka_unit_test(fields_stay_with_their_hits),
        cmocka_unit_test(limits_past_any_count),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_remove);
}
