/* Unit tests: the answers a handle keeps about terms
 * (query/kept_answers_xapian.h) stay within their bound however many terms
 * one call asks about, and still answer for all of them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string>
#include <vector>
extern "C" {
#include <cmocka.h>
}

#include "trawl.h"
#include "db_xapian.h"
#include "kept_answers_xapian.h"

#include "indexed_xapian.h"

static void term_freqs_bounded(void **state)
{
    (void)state;
    trawl_db *db = indexed("bounded", { { "storm", "A storm hit the coast on Sunday." } });
    /* More terms than the handle keeps, in one call (a remote search
     * asks for all its query's terms at once). */
    std::vector<std::string> terms;
    for (size_t i = 0; i <= TW_KEPT_MAX; i++)
        terms.push_back("qq" + std::to_string(i));
    terms.push_back("storm");
    std::vector<Xapian::doccount> freqs = tw_db_term_freqs(db, terms);
    assert_int_equal(freqs.size(), terms.size());
    assert_int_equal(freqs.front(), 0);
    assert_int_equal(freqs.back(), 1);
    assert_true(db->term_freqs.size() <= TW_KEPT_MAX);
    /* A call that fits is kept. */
    freqs = tw_db_term_freqs(db, { "storm", "coast" });
    assert_int_equal(freqs[1], 1);
    assert_int_equal(db->term_freqs.size(), 2);
    trawl_db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(term_freqs_bounded),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_remove);
}
