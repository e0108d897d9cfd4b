/* Unit tests: the rewrite that makes excluded and required words and
 * filters hold for their whole group (query/group_scope.h) leaves a text
 * of plain words and phrases as it is without parting it, and still
 * rewrites, or tidies the spaces of, every other text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string>
extern "C" {
#include <cmocka.h>
}

#include "group_scope.h"

static void check(const char *text, const char *want)
{
    assert_string_equal(tw_group_scope(text).c_str(), want);
}

static void plain_words_stay(void **state)
{
    (void)state;
    check("", "");
    check("oil prices", "oil prices");
    check("\"oil spill\" gulf", "\"oil spill\" gulf");
    check("storm OR flood", "storm OR flood");
    /* A quote left open: the text as typed. */
    check("\"oil spill gulf", "\"oil spill gulf");
}

static void spaces_tidied(void **state)
{
    (void)state;
    check("oil  prices", "oil prices");
    check(" oil prices", "oil prices");
    check("oil prices ", "oil prices");
    check("oil\tprices", "oil prices");
    check("oil\nprices", "oil prices");
    /* Inside a phrase, spaces are the phrase's. */
    check("\"oil  spill\"  gulf", "\"oil  spill\" gulf");
}

static void scoped_parts_moved(void **state)
{
    (void)state;
    check("storm OR flood site:ledger.example", "(storm OR flood) site:ledger.example");
    check("oil OR gas -gulf", "(oil OR gas) -gulf");
    check("oil OR gas +gulf", "(oil OR gas) +gulf");
    check("storm OR -flood", "storm OR (NOT flood)");
    check("(storm OR flood lang:fr) rain", "((storm OR flood) lang:fr) rain");
    check("e-mail prices", "e-mail prices");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_words_stay),
        cmocka_unit_test(spaces_tidied),
        cmocka_unit_test(scoped_parts_moved),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
