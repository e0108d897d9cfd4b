/* Unit tests: the most articles a query can match, from its terms'
 * frequencies alone (query/match_bound_xapian.h): an AND no more than its
 * rarest part, an OR no more than its parts together (and no more than the
 * index holds), an AND_NOT or AND_MAYBE no more than its first part, what
 * is not a term's (a wildcard) the whole index.  Each leaf is given its own
 * term's frequency, wherever it stands: after the parts whose bound is not
 * asked too, and where one term is several leaves. */
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
#include "match_bound_xapian.h"

#include "indexed_xapian.h"

typedef Xapian::Query Q;

static void bounds_of_each_operator(void **state)
{
    (void)state;
    /* storm in 5 articles, coast in 3, harbour in 2; 6 in all. */
    trawl_db *db = indexed("bounds", { { "a", "storm coast" },
                                       { "b", "storm coast" },
                                       { "c", "storm coast" },
                                       { "d", "storm harbour" },
                                       { "e", "storm harbour" },
                                       { "f", "quiet" } });
    assert_int_equal(db->db.get_termfreq("storm"), 5);
    assert_int_equal(db->db.get_termfreq("coast"), 3);
    assert_int_equal(db->db.get_termfreq("harbour"), 2);
    Q storm("storm"), coast("coast"), harbour("harbour");
    assert_int_equal(tw_matches_most(db, Q(Q::OP_AND, storm, coast)), 3);
    assert_int_equal(tw_matches_most(db, Q(Q::OP_OR, coast, harbour)), 5);
    assert_int_equal(tw_matches_most(db, Q(Q::OP_OR, storm, coast)), 6);
    assert_int_equal(tw_matches_most(db, Q(Q::OP_AND, storm, Q("nowhere"))), 0);
    /* The parts not asked hold leaves too: the term after them is still
     * its own. */
    assert_int_equal(tw_matches_most(db, Q(Q::OP_OR, Q(Q::OP_AND_NOT, harbour, storm),
                                           coast)), 5);
    assert_int_equal(tw_matches_most(db, Q(Q::OP_OR, Q(Q::OP_AND_MAYBE, harbour, storm),
                                           Q(Q::OP_SCALE_WEIGHT, harbour, 0.5))), 4);
    /* One term as several leaves, among others. */
    assert_int_equal(tw_matches_most(db, Q(Q::OP_AND, Q(Q::OP_OR, harbour, harbour),
                                           Q(Q::OP_OR, coast, harbour))), 4);
    /* A wildcard's matches are not a term's: the whole index. */
    assert_int_equal(tw_matches_most(db, Q(Q::OP_AND, harbour, Q(Q::OP_WILDCARD, "st"))), 2);
    assert_int_equal(tw_matches_most(db, Q(Q::OP_OR, harbour, Q(Q::OP_WILDCARD, "st"))), 6);
    trawl_db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bounds_of_each_operator),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_remove);
}
