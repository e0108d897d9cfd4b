/* Unit tests: which hyphens join a compound (common/compound_xapian.h), so
 * that the writer indexes "e-mail" as "email" too and a query typed either
 * way finds both, and "state-of-the-art", "2024-01-05" and "AT&T-e" are
 * left to the term generator as they were. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cstring>
#include <string>
extern "C" {
#include <cmocka.h>
}

#include "compound_xapian.h"

/* The compounds of TEXT, joined, each followed by a space. */
static std::string compounds(const char *text)
{
    std::string all, joined;
    size_t len = std::strlen(text), end;
    for (size_t at = tw_next_compound(text, len, 0, &end, joined); at < len;
         at = tw_next_compound(text, len, end, &end, joined))
        all += joined + " ";
    return all;
}

static void joins_short_parts(void **state)
{
    (void)state;
    assert_string_equal(compounds("Send an e-mail.").c_str(), "email ");
    assert_string_equal(compounds("co-operate, re-elect; on-line").c_str(),
                        "cooperate reelect online ");
    assert_string_equal(compounds("Wi-Fi and COVID-19 (F-16)").c_str(), "wifi covid19 f16 ");
    assert_string_equal(compounds("up-to-date").c_str(), "uptodate ");
    /* U+2010 and U+2011, the hyphens of typesetting. */
    assert_string_equal(compounds("e\u2010mail e\u2011book").c_str(), "email ebook ");
    /* Other scripts: Russian "кое-что", and after a split elision. */
    assert_string_equal(compounds("кое-что").c_str(), "коечто ");
    assert_string_equal(compounds("l'euro-zone").c_str(), "eurozone ");
    assert_string_equal(compounds("the e-mail's").c_str(), "email ");
    /* Split at the end of a line of hard-wrapped text, indented or not. */
    assert_string_equal(compounds("the infra-\nstructure and govern-\r\n   ment").c_str(),
                        "infrastructure government ");
}

static void leaves_other_words(void **state)
{
    (void)state;
    /* Four parts, digits alone, a part too long, one part. */
    assert_string_equal(compounds("state-of-the-art").c_str(), "");
    assert_string_equal(compounds("2024-01-05 555-1234").c_str(), "");
    assert_string_equal(compounds("anti-establishment").c_str(), "");
    /* A dash before a line break, a hyphen that ends a paragraph. */
    assert_string_equal(compounds("the plan -\nwhich; a plan-\n\nWhich").c_str(), "");
    assert_string_equal(compounds("pre- and post - e -mail").c_str(), "");
    /* Inside a longer word the term generator keeps whole. */
    assert_string_equal(compounds("AT&T-led 1.5-fold rock'n-roll C++-like").c_str(), "");
    /* Chinese, Japanese and Korean are split into characters instead. */
    assert_string_equal(compounds("東京-大阪").c_str(), "");
}

static void reports_where(void **state)
{
    (void)state;
    const char *text = "an e-mail";
    std::string joined;
    size_t end;
    assert_int_equal(tw_next_compound(text, std::strlen(text), 0, &end, joined), 3);
    assert_int_equal(end, 9);
    assert_int_equal(tw_compound_at(text, std::strlen(text), 3, joined), 9);
    assert_string_equal(joined.c_str(), "email");
    /* Not at a word's start. */
    assert_int_equal(tw_compound_at(text, std::strlen(text), 5, joined), 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(joins_short_parts),
        cmocka_unit_test(leaves_other_words),
        cmocka_unit_test(reports_where),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
