/* counted_search.h - a search in a unit test that checks how often it did
 * one thing of those tw_search_work counts (query/search_work.h): the work
 * a search is spared is pinned by a count. */
#ifndef TW_TEST_COUNTED_SEARCH_H
#define TW_TEST_COUNTED_SEARCH_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "trawl.h"
#include "search_work.h"

/* DB's count at OFFSET in tw_search_work (offsetof(tw_search_work, FIELD)). */
static inline unsigned long work_count(const trawl_db *db, size_t offset)
{
    tw_search_work w;
    tw_db_search_work(db, &w);
    unsigned long n;
    memcpy(&n, (const char *)&w + offset, sizeof n);
    return n;
}

/* Searches QUERY on DB with O; fails the test unless the search succeeds
 * and the count at OFFSET grows by WANT.  The caller frees the results. */
static inline trawl_results *counted_search(trawl_db *db, const char *query,
                                            trawl_search_opts o, size_t offset,
                                            unsigned long want)
{
    unsigned long before = work_count(db, offset);
    trawl_results *res;
    if (trawl_search(db, query, &o, &res) != TRAWL_OK)
        fail_msg("'%s' failed: %s", query, trawl_db_errmsg(db));
    assert_int_equal(work_count(db, offset) - before, want);
    return res;
}

#endif
