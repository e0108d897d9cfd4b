/* Unit tests: traditional Chinese characters as simplified ones (hans.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "buf.h"
#include "hans.h"

/* TEXT folded, in a buffer of the test's. */
static const char *folded(tw_hans *h, const char *text)
{
    static char out[256];
    size_t len = strlen(text);
    assert_true(len < sizeof out);
    memcpy(out, text, len + 1);
    tw_hans_fold(h, out, len);
    return out;
}

static void traditional_as_simplified(void **state)
{
    (void)state;
    tw_hans *h = tw_hans_new();
    assert_non_null(h);
    assert_string_equal(folded(h, "颱風"), "台风");
    assert_string_equal(folded(h, "經濟發展"), "经济发展");
    /* Two traditional characters that became one: both fold to it. */
    assert_string_equal(folded(h, "頭髮"), "头发");
    assert_string_equal(folded(h, "後來"), "后来");
    /* Simplified text, Latin text and kana are left as they are; so is
     * "「", which the transliterator also rewrites, to a Latin quote. */
    assert_string_equal(folded(h, "经济 economy 「東京」の"), "经济 economy 「东京」の");
    assert_string_equal(folded(h, "Économie, 2024"), "Économie, 2024");
    assert_int_equal(tw_hans_char(h, 0x6a5f), 0x673a);     /* 機 机 */
    assert_int_equal(tw_hans_char(h, 0x673a), 0x673a);
    assert_int_equal(tw_hans_char(h, 'A'), 'A');
    tw_hans_free(h);
}

static void first_to_fold(void **state)
{
    (void)state;
    tw_hans *h = tw_hans_new();
    const char *mixed = "Taipei 台北 經濟";
    assert_int_equal(tw_hans_first(h, mixed, strlen(mixed)), strlen("Taipei 台北 "));
    assert_int_equal(tw_hans_first(h, "台北", 6), 6);
    assert_int_equal(tw_hans_first(h, "no ideograph", 12), 12);
    /* A character cut at the end is not read past it. */
    assert_int_equal(tw_hans_first(h, "經", 2), 2);
    tw_hans_free(h);
    tw_hans_free(NULL);
}

/* The table as the index keeps it, and taken back: a handle folds with
 * the index's table, not ICU's. */
static void table_kept(void **state)
{
    (void)state;
    tw_hans *h = tw_hans_new(), *kept = tw_hans_new();
    tw_buf table = {};
    assert_int_equal(tw_hans_table(h, &table), 0);
    assert_int_equal(table.len, 0);     /* not built: no ideograph met */
    assert_false(tw_hans_use(kept, "", 0));
    assert_string_equal(folded(h, "經濟"), "经济");
    assert_int_equal(tw_hans_table(h, &table), 0);
    assert_true(table.len > 1000 * 6 && table.len % 6 == 0);
    assert_true(tw_hans_use(kept, table.data, table.len));
    assert_string_equal(folded(kept, "颱風經濟，發展"), "台风经济，发展");
    /* A table of its own folds what it holds alone; one that is not a
     * table leaves the handle's as it was. */
    assert_true(tw_hans_use(kept, "颱台", 6));
    assert_string_equal(folded(kept, "颱風"), "台風");
    assert_false(tw_hans_use(kept, "颱", 3));
    assert_false(tw_hans_use(kept, "a台颱台", 7));
    assert_false(tw_hans_use(kept, "abcdef", 6));
    assert_false(tw_hans_use(kept, "颱a台b", 8));
    assert_string_equal(folded(kept, "颱風"), "台風");
    tw_buf_free(&table);
    tw_hans_free(h);
    tw_hans_free(kept);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(traditional_as_simplified),
        cmocka_unit_test(first_to_fold),
        cmocka_unit_test(table_kept),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
