/* Unit tests: trawl-index's progress line on a narrow terminal keeps the
 * parts that matter most (progress_line.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "progress_line.h"

/* Makes in L the line a run 45% through shows, as trawl-index ranks its
 * parts. */
static void files_line(tw_progress_line *l)
{
    static const struct { unsigned rank; const char *sep, *text; } parts[] = {
        { 0, "", " 45%" }, { 2, " ", "1234/8827 files" }, { 3, ", ", "5678 articles" },
        { 4, ", ", "12.3 MB" }, { 5, ", ", "4.5 MB/s" }, { 1, ", ", "1:23 left" },
    };
    tw_progress_line_start(l);
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        assert_int_equal(tw_progress_line_part(l, parts[i].rank, parts[i].sep), 0);
        assert_int_equal(tw_buf_puts(&l->text, parts[i].text), 0);
    }
}

/* What one draw of L on COLUMNS writes. */
static char *drawn(tw_progress_line *l, size_t columns)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    tw_progress_line_draw(l, out, columns);
    assert_int_equal(fclose(out), 0);
    return text;
}

static void check_draw(tw_progress_line *l, size_t columns, const char *want)
{
    char *text = drawn(l, columns);
    assert_string_equal(text, want);
    free(text);
}

/* Cut from the right, the line lost its time left first: under 62 columns
 * a user saw the rate and no time left. */
static void narrow_terminal_keeps_the_time_left(void **state)
{
    (void)state;
    tw_progress_line l = { 0 };
    files_line(&l);
    check_draw(&l, 0, "\r 45% 1234/8827 files, 5678 articles, 12.3 MB, 4.5 MB/s, 1:23 left");
    check_draw(&l, 80, "\r 45% 1234/8827 files, 5678 articles, 12.3 MB, 4.5 MB/s, 1:23 left");
    l.shown = 0;
    check_draw(&l, 50, "\r 45% 1234/8827 files, 5678 articles, 1:23 left");
    l.shown = 0;
    check_draw(&l, 40, "\r 45% 1234/8827 files, 1:23 left");
    l.shown = 0;
    check_draw(&l, 20, "\r 45%, 1:23 left");
    l.shown = 0;
    check_draw(&l, 8, "\r 45%");
    /* The one part left is cut, and the longer line before blanked. */
    l.shown = 10;
    check_draw(&l, 3, "\r 4        \r 4");
    tw_progress_line_free(&l);
}

/* A step after the files on a narrow terminal: the step's name, which was
 * cut after "finishing the index (0:00 so far): bu". */
static void narrow_terminal_keeps_the_step(void **state)
{
    (void)state;
    tw_progress_line l = { 0 };
    tw_progress_line_start(&l);
    assert_int_equal(tw_progress_line_part(&l, 1, ""), 0);
    assert_int_equal(tw_buf_puts(&l.text, "finishing the index (0:07 so far):"), 0);
    assert_int_equal(tw_progress_line_part(&l, 0, " "), 0);
    assert_int_equal(tw_buf_puts(&l.text, "building the spelling index"), 0);
    check_draw(&l, 80, "\rfinishing the index (0:07 so far): building the spelling index");
    check_draw(&l, 50, "\rbuilding the spelling index"
                       "                                   \rbuilding the spelling index");
    tw_progress_line_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(narrow_terminal_keeps_the_time_left),
        cmocka_unit_test(narrow_terminal_keeps_the_step),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
