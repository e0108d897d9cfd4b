/* Unit tests: the most of an author field an article keeps (author_cap.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "author_cap.h"
#include "buf.h"
#include "formats/byline_name.h"

/* "Ann0 Lee, Ann1 Lee, ..." of N names, into OUT. */
static void names(tw_buf *out, int n)
{
    tw_buf_clear(out);
    for (int i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "%sAnn%d Lee", i ? ", " : "", i);
        tw_buf_puts(out, name);
    }
    assert_false(out->failed);
}

/* A field that fits is kept whole, one byte over the cap or not. */
static void short_field_is_whole(void **state)
{
    (void)state;
    assert_int_equal(tw_author_cap("Dana Whitcomb", 13), 13);
    char full[TW_AUTHOR_MAX];
    memset(full, 'x', sizeof full);
    assert_int_equal(tw_author_cap(full, sizeof full), TW_AUTHOR_MAX);
}

/* 20,000 names keep the 92 that fit in 1,000 bytes ("Ann0 Lee" to "Ann91
 * Lee" are 1,000 bytes with the ", " between them), ending at a name. */
static void long_list_cut_after_a_whole_name(void **state)
{
    (void)state;
    tw_buf list = { 0 };
    names(&list, 20000);
    size_t kept = tw_author_cap(list.data, list.len);
    names(&list, 92);
    assert_int_equal(kept, list.len);
    assert_int_equal(kept, 1000);
    /* One byte more before them, and the comma after "Ann91 Lee" is past
     * the cap: "Ann91 Lee" goes too, with the ", " before it. */
    tw_buf longer = { 0 };
    tw_buf_puts(&longer, "x");
    tw_buf_puts(&longer, list.data);
    tw_buf_puts(&longer, ", Ann92 Lee");
    assert_false(longer.failed);
    assert_int_equal(tw_author_cap(longer.data, longer.len), 1 + 1000 - strlen(", Ann91 Lee"));
    tw_buf_free(&longer);
    tw_buf_free(&list);
}

/* A name longer than the cap ends at a space; a run of no spaces at a
 * whole character (two-byte "é"s from an odd byte on: 999 bytes). */
static void one_long_name_cut_at_a_word_or_character(void **state)
{
    (void)state;
    char field[1200];
    memset(field, 'x', sizeof field);
    field[10] = ' ';
    field[500] = ' ';
    field[501] = ' ';
    assert_int_equal(tw_author_cap(field, sizeof field), 500);
    field[0] = 'a';
    for (size_t i = 1; i + 1 < sizeof field; i += 2)
        memcpy(field + i, "\xC3\xA9", 2);
    field[sizeof field - 1] = 'a';
    assert_int_equal(tw_author_cap(field, sizeof field), 999);
}

/* The byline code reads no more than an article keeps: a byline that lists
 * 20,000 names gives the first 92. */
static void byline_reads_the_kept_part(void **state)
{
    (void)state;
    tw_buf list = { 0 }, name = { 0 };
    names(&list, 20000);
    tw_byline_name(list.data, &name);
    names(&list, 92);
    assert_false(name.failed);
    assert_string_equal(name.data, list.data);
    tw_buf_free(&list);
    tw_buf_free(&name);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(short_field_is_whole),
        cmocka_unit_test(long_list_cut_after_a_whole_name),
        cmocka_unit_test(one_long_name_cut_at_a_word_or_character),
        cmocka_unit_test(byline_reads_the_kept_part),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
