/* Unit tests: where a title or snippet breaks into a terminal's lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text_wrap.h"

/* TEXT set out as tw_wrap_breaks breaks it, each line after the first
 * written after a '|' (the indent not written), into OUT. */
static void set_out(const char *text, size_t first, size_t indent, size_t width, char *out,
                    size_t size)
{
    tw_line_break *b;
    size_t n, len = strlen(text), used = 0, at = 0;
    assert_int_equal(tw_wrap_breaks(text, len, first, indent, width, &b, &n), 0);
    for (size_t k = 0; k <= n; k++) {
        size_t end = k < n ? b[k].end : len;
        assert_true(end >= at && used + (end - at) + 2 < size);
        used += (size_t)snprintf(out + used, size - used, "%s%.*s", k ? "|" : "",
                                 (int)(end - at), text + at);
        at = k < n ? b[k].next : len;
    }
    free(b);
}

/* Words go whole to the next line, the spaces at the break left out; the
 * first line counts from where the text starts, the others from the indent. */
static void breaks_at_spaces(void **state)
{
    (void)state;
    char got[256];
    /* 3 + "The effort, known as" is 23 columns; " Operation" would be 33. */
    set_out("The effort, known as Operation United Front, was directed", 3, 3, 25, got,
            sizeof got);
    assert_string_equal(got, "The effort, known as|Operation United|Front, was directed");
    /* A line may fill the width exactly. */
    set_out("aaaa bbbb cccc", 0, 0, 9, got, sizeof got);
    assert_string_equal(got, "aaaa bbbb|cccc");
}

/* Text that fits, or no terminal, or one too narrow for words: no break. */
static void no_break(void **state)
{
    (void)state;
    tw_line_break *b;
    size_t n;
    const char *t = "A short line";
    assert_int_equal(tw_wrap_breaks(t, strlen(t), 3, 3, 80, &b, &n), 0);
    assert_int_equal(n, 0);
    assert_null(b);
    assert_int_equal(tw_wrap_breaks(t, strlen(t), 3, 3, 0, &b, &n), 0);
    assert_int_equal(n, 0);
    assert_int_equal(tw_wrap_breaks(t, strlen(t), 3, 3, 6, &b, &n), 0);
    assert_int_equal(n, 0);
}

/* A word longer than a line (a hash) runs past it on a line of its own. */
static void long_word_runs_on(void **state)
{
    (void)state;
    char got[256];
    set_out("commit 5b099f0d2d0238c360889a27db331 reverted", 0, 2, 20, got, sizeof got);
    assert_string_equal(got, "commit|5b099f0d2d0238c360889a27db331|reverted");
}

/* Chinese has no spaces: it breaks between characters, two columns each;
 * Thai breaks between its words, its vowel marks taking no column. */
static void scripts_without_spaces(void **state)
{
    (void)state;
    char got[512];
    /* Six characters, 12 columns, on a line of 13. */
    set_out("中国人民银行周五宣布", 0, 0, 13, got, sizeof got);
    assert_string_equal(got, "中国人民银行|周五宣布");
    /* "คณะรัฐมนตรี" (the cabinet) "ประชุม" (met): 11 + 6 code points, of
     * which the marks take none; a line of 12 holds the first word alone. */
    set_out("คณะรัฐมนตรีประชุม", 0, 0, 12, got, sizeof got);
    assert_string_equal(got, "คณะรัฐมนตรี|ประชุม");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(breaks_at_spaces),
        cmocka_unit_test(no_break),
        cmocka_unit_test(long_word_runs_on),
        cmocka_unit_test(scripts_without_spaces),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
