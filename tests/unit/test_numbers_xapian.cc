/* Unit tests: which numbers the writer indexes a second time in their plain
 * form (common/numbers_xapian.h), so that "1500", "1,500" and German
 * "1.500" find each other, and which runs of digits and separators are
 * left to the term generator as they were. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string>
extern "C" {
#include <cmocka.h>
}

#include "numbers_xapian.h"

/* WORD's plain form, or "-" when it has none of its own. */
static std::string plain(const char *word)
{
    std::string p;
    return tw_number_plain(word, p) ? p : "-";
}

static void groups_thousands(void **state)
{
    (void)state;
    assert_string_equal(plain("1,500").c_str(), "1500");
    assert_string_equal(plain("1.500").c_str(), "1500");
    assert_string_equal(plain("12,345,678").c_str(), "12345678");
    assert_string_equal(plain("2.750.000").c_str(), "2750000");
}

static void marks_decimals(void **state)
{
    (void)state;
    assert_string_equal(plain("3,5").c_str(), "3.5");
    assert_string_equal(plain("0,125").c_str(), "0.125");
    /* Four digits before it: no thousands. */
    assert_string_equal(plain("1234,567").c_str(), "1234.567");
    assert_string_equal(plain("1,234.5").c_str(), "1234.5");
    assert_string_equal(plain("1.234.567,89").c_str(), "1234567.89");
}

static void leaves_other_words(void **state)
{
    (void)state;
    /* Plain already, versions, addresses, lists, words with letters. */
    assert_string_equal(plain("3.5").c_str(), "-");
    assert_string_equal(plain("1500").c_str(), "-");
    assert_string_equal(plain("2.6.1").c_str(), "-");
    assert_string_equal(plain("192.168.0.1").c_str(), "-");
    assert_string_equal(plain("3,5,7").c_str(), "-");
    assert_string_equal(plain("1,5.3").c_str(), "-");
    assert_string_equal(plain("1.5bn").c_str(), "-");
    assert_string_equal(plain("g7").c_str(), "-");
    assert_string_equal(plain("").c_str(), "-");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(groups_thousands),
        cmocka_unit_test(marks_decimals),
        cmocka_unit_test(leaves_other_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
