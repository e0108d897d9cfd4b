/* Unit tests: trawl-index's warnings, the first ten files of each message
 * named and the rest counted (warn_groups.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "warn_groups.h"

/* What tw_warn_groups_finish writes of G. */
static char *finished(tw_warn_groups *g)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    tw_warn_groups_finish(g, out);
    assert_int_equal(fclose(out), 0);
    return text;
}

static void each_message_named_ten_times(void **state)
{
    (void)state;
    tw_warn_groups g = { 0 };
    size_t shown_binary = 0, shown_empty = 0;
    for (int i = 0; i < 3000; i++)
        shown_binary += tw_warn_groups_show(&g, "binary file: skipped");
    for (int i = 0; i < 11; i++)
        shown_empty += tw_warn_groups_show(&g, "empty file: skipped");
    assert_true(tw_warn_groups_show(&g, "cannot read: Permission denied"));
    assert_int_equal(shown_binary, TW_WARN_SHOWN);
    assert_int_equal(shown_empty, TW_WARN_SHOWN);
    char *text = finished(&g);
    assert_string_equal(text,
                        "trawl-index: and 2990 more: binary file: skipped (-v names them)\n"
                        "trawl-index: and 1 more: empty file: skipped (-v names them)\n");
    free(text);
    assert_int_equal(g.n, 0);
}

/* A message that differs each time (a line, a byte) is told each time,
 * past the messages counted too. */
static void messages_past_those_counted_are_all_told(void **state)
{
    (void)state;
    tw_warn_groups g = { 0 };
    char msg[64];
    for (int i = 0; i < TW_WARN_KINDS + 20; i++) {
        snprintf(msg, sizeof msg, "line %d: not JSON: skipped", i);
        assert_true(tw_warn_groups_show(&g, msg));
    }
    assert_int_equal(g.n, TW_WARN_KINDS);
    char *text = finished(&g);
    assert_string_equal(text, "");
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_message_named_ten_times),
        cmocka_unit_test(messages_past_those_counted_are_all_told),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
