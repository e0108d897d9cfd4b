/* Unit tests: the people an author field names, each a value of the author
 * facet (query/author_names.h).  The fields are as the indexer extracted
 * them from web-eval's pages and scrapers' records. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "author_names.h"

/* AUTHOR split into the names WANT lists, "|" between them. */
static void assert_names(const char *author, const char *want)
{
    tw_slice names[TW_AUTHORS_MOST];
    size_t n = tw_author_names(author, strlen(author), names, TW_AUTHORS_MOST);
    char got[512] = "";
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(got, "|");
        strncat(got, names[i].ptr, names[i].len);
    }
    assert_string_equal(got, want);
}

/* Several people, at a comma, a semicolon or a word for "and". */
static void several_people(void **state)
{
    (void)state;
    assert_names("Sarah Hinger, Sylvia Torres-Guillén", "Sarah Hinger|Sylvia Torres-Guillén");
    assert_names("Lars Fischer und Alina Schadwinkel", "Lars Fischer|Alina Schadwinkel");
    assert_names("Sadhbh O'Sullivan,Elisabeth Kochan", "Sadhbh O'Sullivan|Elisabeth Kochan");
    assert_names("NH. Shear, SP. Spielberg", "NH. Shear|SP. Spielberg");
    assert_names("Nathan Parker, Varun Khaneja, Eric Mill and Kiran C Nair",
                 "Nathan Parker|Varun Khaneja|Eric Mill|Kiran C Nair");
    assert_names("Dana Whitcomb; Gareth Lyle & Helen Marsh",
                 "Dana Whitcomb|Gareth Lyle|Helen Marsh");
    assert_names("Isabel Caro, Rocío de Souza y José Miguel Wilson",
                 "Isabel Caro|Rocío de Souza|José Miguel Wilson");
    assert_names("Émile Zola et Ève Curie", "Émile Zola|Ève Curie");
}

/* A field whose parts are not all people's names stays one value. */
static void one_value(void **state)
{
    (void)state;
    const char *const whole[] = {
        "Dana Whitcomb",
        "Staff",
        "Olympia-Verlag GmbH, Nürnberg, Germany",
        "Michael L. Anderson, PhD, Carlos Dobkin, PhD",
        "Staff and news service reports",
        "Jobs & Hire",
        "Bundesministerium für Wirtschaft und Klimaschutz",
        "Rob Picheta, CNN Updated 2010 GMT",
        "Michael Rädel, Redaktion",
        "Tina Klostermeier,TK",
        "red, wien.ORF.at/Agenturen",
        "bergportal GmbH, digvis GmbH",
        "Posted by Nathan Parker, Varun Khaneja",
        "Dana Whitcomb, ",
    };
    for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++)
        assert_names(whole[i], whole[i]);
}

/* More names than asked for: the whole field, not the first few. */
static void more_than_max(void **state)
{
    (void)state;
    const char *many = "Ann Lee, Bo Ray, Cy Long";
    tw_slice names[2];
    assert_int_equal(tw_author_names(many, strlen(many), names, 2), 1);
    assert_int_equal(names[0].len, strlen(many));
    assert_int_equal(tw_author_names(many, strlen(many), names, 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(several_people),
        cmocka_unit_test(one_value),
        cmocka_unit_test(more_than_max),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
