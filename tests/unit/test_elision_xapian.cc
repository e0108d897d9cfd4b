/* Unit tests: which apostrophes split a word (common/elision_xapian.h), so
 * that the writer, the query and the snippets split "l'économie" into "l"
 * and "économie" and "Obama's" into "Obama" and "s", and leave "don't",
 * "I'm" and "aujourd'hui" whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cstring>
#include <string>
extern "C" {
#include <cmocka.h>
}

#include "elision_xapian.h"

/* TEXT with its elisions blanked, as the writer gives it to Xapian. */
static std::string blanked(const char *text)
{
    std::string s(text);
    tw_elisions_blank(s);
    return s;
}

static void splits_clitics(void **state)
{
    (void)state;
    assert_string_equal(blanked("l'économie").c_str(), "l économie");
    assert_string_equal(blanked("l'Assemblée nationale").c_str(), "l Assemblée nationale");
    assert_string_equal(blanked("qu'il").c_str(), "qu il");
    assert_string_equal(blanked("jusqu'à demain").c_str(), "jusqu à demain");
    assert_string_equal(blanked("dell'anno, all'estero").c_str(), "dell anno, all estero");
    assert_string_equal(blanked("c'è un'altra").c_str(), "c è un altra");
    assert_string_equal(blanked("L'audience O'keefe").c_str(), "L audience O keefe");
    /* A final "s": possessives, "it's", Dutch plurals. */
    assert_string_equal(blanked("Obama's plan, it's o’keefe’s").c_str(),
                        "Obama s plan, it s o   keefe   s");
    assert_string_equal(blanked("Reuters' auto's DELL'S").c_str(), "Reuters' auto s DELL S");
    /* U+2019, the typographer's apostrophe: three bytes, three spaces, so
     * that offsets into the text still hold. */
    assert_string_equal(blanked("d\xe2\x80\x99" "aigua").c_str(), "d   aigua");
    /* After an opening quote or bracket a word starts too. */
    assert_string_equal(blanked("\xc2\xab l'\xc3\xa9t\xc3\xa9 \xc2\xbb (d'ici)").c_str(),
                        "\xc2\xab l \xc3\xa9t\xc3\xa9 \xc2\xbb (d ici)");
}

/* A clitic of one capital before a capital starts a name, whose apostrophe
 * turns into a hyphen of as many bytes (U+2010 for U+2019), so that the
 * writer indexes its parts run together too: "oneill" finds "O'Neill". */
static void hyphenates_names(void **state)
{
    (void)state;
    assert_string_equal(blanked("Carling O'Keefe's plan").c_str(), "Carling O-Keefe s plan");
    assert_string_equal(blanked("O\xe2\x80\x99Neill and D'Angelo").c_str(),
                        "O\xe2\x80\x90Neill and D-Angelo");
    assert_string_equal(blanked("L'Or\xc3\xa9" "al, L'\xc3\x89" "conomie").c_str(),
                        "L-Or\xc3\xa9" "al, L-\xc3\x89" "conomie");
    /* A clitic of more letters, or in small letters, is split as before. */
    assert_string_equal(blanked("Dell'Anno d'Artagnan").c_str(), "Dell Anno d Artagnan");
}

static void leaves_other_words(void **state)
{
    (void)state;
    const char *whole[] = {
        "don't", "I'm", "we've", "aujourd'hui", "'s-Hertogenbosch", "s'",
        "the 's", "Obama'sche",   /* not a final "s" */
        "rock'n'roll",  /* "n" is inside a word that started with "rock" */
        "l'",           /* nothing after it */
        "l' économie",  /* a space: no word joined */
        "l'a",          /* one ASCII letter: as "O's" */
        "xl'économie",  /* "xl" is no clitic */
        "3l'ete",       /* nor a word that starts with a digit */
        "\xc3\xa9l'ete", /* nor one that starts with a letter not in ASCII */
    };
    for (const char *w : whole)
        assert_string_equal(blanked(w).c_str(), w);
}

static void reports_the_apostrophe(void **state)
{
    (void)state;
    const char *text = "qu\xe2\x80\x99on l'y";
    size_t len = std::strlen(text);
    assert_int_equal(tw_elision_at(text, len, 2), 3);
    assert_int_equal(tw_elision_at(text, len, 0), 0);   /* not an apostrophe */
    assert_int_equal(tw_elision_at(text, len, 9), 0);   /* l'y: one ASCII letter */
    std::string s(text);
    assert_int_equal(tw_elisions_blank(s), 1);
    /* The writer's copy: made only for a text with an elision. */
    std::string split;
    const char *english = "don't, I'm, aujourd'hui";
    assert_ptr_equal(tw_elisions_split(english, std::strlen(english), split), english);
    assert_true(split.empty());
    assert_string_equal(tw_elisions_split(text, len, split), "qu   on l'y");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(splits_clitics),
        cmocka_unit_test(hyphenates_names),
        cmocka_unit_test(leaves_other_words),
        cmocka_unit_test(reports_the_apostrophe),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
