/* Unit tests: which initials the writer marks (common/initials_xapian.h),
 * so that "U.S." and the US of running text are found apart from the
 * pronoun "us", and which capitals it leaves alone: a headline's, and
 * words longer than initials. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string>
extern "C" {
#include <cmocka.h>
}

#include "initials_xapian.h"

/* The marks of TEXT (tw_next_initials_mark), each with the bytes it was
 * found in, "|" after each. */
static std::string marks(const char *text)
{
    std::string t(text), out, mark;
    size_t end;
    for (size_t at = tw_next_initials_mark(t.data(), t.size(), 0, &end, mark); at < t.size();
         at = tw_next_initials_mark(t.data(), t.size(), end, &end, mark))
        out += mark + "=" + t.substr(at, end - at) + "|";
    return out;
}

static void marks_initials(void **state)
{
    (void)state;
    assert_string_equal(marks("The U.S. and the U.N").c_str(), "u.s.=U.S.|u.n.=U.N|");
    assert_string_equal(marks("at 3 P.M. in the U.S.A.").c_str(), "p.m.=P.M.|u.s.a.=U.S.A.|");
    /* Bare capitals between words in small letters. */
    assert_string_equal(marks("The US and UK agreed; IT spending rose.").c_str(),
                        "u.s.=US|u.k.=UK|i.t.=IT|");
    assert_string_equal(marks("said the WHO.").c_str(), "w.h.o.=WHO|");
}

static void leaves_other_capitals(void **state)
{
    (void)state;
    const char *none[] = {
        "LET US PRAY",          /* a headline: its neighbours are capitals */
        "JAPAN, US AGREE",
        "the OPEC meeting",     /* four capitals: a name, no word's double */
        "AT&T and I and A",     /* a longer word; single letters */
        "the USx and xUS",      /* letters go on */
        "Ph.D. and e.g. and Us",
    };
    for (const char *text : none)
        assert_string_equal(marks(text).c_str(), "");
}

static void reads_marks(void **state)
{
    (void)state;
    std::string letters;
    assert_string_equal(tw_initials_mark("US").c_str(), "u.s.");
    assert_true(tw_initials_letters("u.s.a.", letters));
    assert_string_equal(letters.c_str(), "usa");
    assert_false(tw_initials_letters("us", letters));
    assert_false(tw_initials_letters("u.", letters));
    assert_false(tw_initials_letters("3.5.", letters));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(marks_initials),
        cmocka_unit_test(leaves_other_capitals),
        cmocka_unit_test(reads_marks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
