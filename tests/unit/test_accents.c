/* Unit tests: letters without their accents (common/accents.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "accents.h"

/* S without its accents, NUL-terminated in a static buffer. */
static const char *plain(const char *s)
{
    static char out[256];
    size_t n = tw_unaccent(s, strlen(s), out);
    assert_true(n <= strlen(s));
    out[n] = '\0';
    return out;
}

static void letters_lose_their_accents(void **state)
{
    (void)state;
    assert_string_equal(plain("\xc3\xa9lection"), "election");                 /* élection */
    assert_string_equal(plain("\xc3\x89LECTION"), "ELECTION");                 /* ÉLECTION: case kept */
    assert_string_equal(plain("pr\xc3\xa9sidentielle"), "presidentielle");
    assert_string_equal(plain("Z\xc3\xbcrich"), "Zurich");                     /* ü */
    assert_string_equal(plain("\xc5\x81\xc3\xb3\x64\xc5\xba"), "Lodz");       /* Łódź */
    assert_string_equal(plain("\xc8\x98tefan"), "Stefan");                     /* Ș, comma below */
    assert_string_equal(plain("\xc4\xb0stanbul"), "Istanbul");                 /* İ */
    assert_string_equal(plain("\xc4\x90\xe1\xbb\x93ng"), "Dong");              /* Đồng: Vietnamese */
    assert_string_equal(plain("\xe1\xbb\xb9"), "y");                           /* ỹ, the last pair */
    assert_string_equal(plain("\xe1\xb8\x80\xe1\xb8\x81"), "Aa");              /* Ḁḁ, the first */
}

static void letters_of_two(void **state)
{
    (void)state;
    assert_string_equal(plain("Stra\xc3\x9f" "e"), "Strasse");                 /* ß */
    assert_string_equal(plain("\xe1\xba\x9e"), "SS");                          /* ẞ, capital */
    assert_string_equal(plain("\xc3\xa6gir \xc3\x86GIR"), "aegir AEGIR");      /* æ Æ */
    assert_string_equal(plain("c\xc5\x93ur \xc5\x92UVRE"), "coeur OEUVRE");    /* œ Œ */
    assert_string_equal(plain("\xc3\xb8l \xc3\x98L"), "ol OL");                /* ø Ø */
    assert_string_equal(plain("\xc3\xbe\xc3\x9e"), "thTH");                    /* þ Þ */
    assert_string_equal(plain("\xc4\xb3s"), "ijs");                            /* ĳ */
}

static void combining_accents_dropped(void **state)
{
    (void)state;
    /* e + U+0301, as text decomposed (NFD) writes é */
    assert_string_equal(plain("e\xcc\x81lection"), "election");
    assert_string_equal(plain("n\xcc\x83"), "n");                              /* U+0303 */
}

static void marks_of_other_scripts_dropped(void **state)
{
    (void)state;
    /* Greek: tonos and dialytika off, final sigma as sigma, so that the
     * word written in capitals (which Greek writes without tonos) and
     * typed without tonos match the word as written. */
    assert_string_equal(plain("\xce\xb5\xce\xba\xce\xbb\xce\xbf\xce\xb3\xce\xad\xcf\x82"),
                        "\xce\xb5\xce\xba\xce\xbb\xce\xbf\xce\xb3\xce\xb5\xcf\x83");  /* εκλογές: εκλογεσ */
    assert_string_equal(plain("\xce\x86\xce\x88\xce\x89\xce\x8a\xce\x8c\xce\x8e\xce\x8f"),
                        "\xce\x91\xce\x95\xce\x97\xce\x99\xce\x9f\xce\xa5\xce\xa9");  /* ΆΈΉΊΌΎΏ */
    assert_string_equal(plain("\xce\x90\xcf\x8a\xcf\x8b\xce\xb0\xcf\x8e"),
                        "\xce\xb9\xce\xb9\xcf\x85\xcf\x85\xcf\x89");                  /* ΐϊϋΰώ */
    /* Russian ё as е. */
    assert_string_equal(plain("\xd1\x91\xd0\xbb\xd0\xba\xd0\xb0 \xd0\x81"),
                        "\xd0\xb5\xd0\xbb\xd0\xba\xd0\xb0 \xd0\x95");                  /* ёлка Ё */
    /* Hebrew points: שָׁלוֹם is שלום. */
    assert_string_equal(plain("\xd7\xa9\xd7\x81\xd6\xb8\xd7\x9c\xd7\x95\xd6\xb9\xd7\x9d"),
                        "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d");
    /* Arabic: a fathatan and three tatweels; the letters around kept. */
    assert_string_equal(plain("\xd8\xa9\xd9\x8b \xd8\xb9\xd9\x80\xd9\x80\xd9\x80\xd8\xa7\xd9\x85"),
                        "\xd8\xa9 \xd8\xb9\xd8\xa7\xd9\x85");                           /* ةً عـــام */
    /* أحمد as احمد; Persian ایران and کنفرانس as Arabic-typed ايران and كنفرانس. */
    assert_string_equal(plain("\xd8\xa3\xd8\xad\xd9\x85\xd8\xaf"), "\xd8\xa7\xd8\xad\xd9\x85\xd8\xaf");
    assert_string_equal(plain("\xd8\xa7\xdb\x8c\xd8\xb1\xd8\xa7\xd9\x86"),
                        "\xd8\xa7\xd9\x8a\xd8\xb1\xd8\xa7\xd9\x86");
    assert_string_equal(plain("\xda\xa9\xd9\x86"), "\xd9\x83\xd9\x86");
    /* Digits: ٢٠٢٤, ۱۴۰۳, २०२४, ৯. */
    assert_string_equal(plain("\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa4"), "2024");
    assert_string_equal(plain("\xdb\xb1\xdb\xb4\xdb\xb0\xdb\xb3"), "1403");
    assert_string_equal(plain("\xe0\xa5\xa8\xe0\xa5\xa6\xe0\xa5\xa8\xe0\xa5\xaa"), "2024");
    assert_string_equal(plain("\xe0\xa7\xaf"), "9");
}

static void ligatures_spelt_out(void **state)
{
    (void)state;
    assert_string_equal(plain("o\xef\xac\x83" "cial \xef\xac\x81nance"), "official finance");
    assert_string_equal(plain("\xef\xac\x80\xef\xac\x82\xef\xac\x84\xef\xac\x86"), "ffflfflst");    /* ﬀﬂﬄﬆ */
}

static void others_untouched(void **state)
{
    (void)state;
    const char *kept[] = {
        "election",                         /* ASCII */
        "\xe7\x96\xab\xe6\x83\x85",        /* 疫情 */
        "\xd8\xa7\xd9\x86\xd8\xaa\xd8\xae\xd8\xa7\xd8\xa8\xd8\xa7\xd8\xaa",    /* Arabic */
        "\xd0\xb2\xd1\x8b\xd0\xb1\xd0\xbe\xd1\x80\xd1\x8b",                    /* выборы */
        "\xce\xb5\xce\xba\xce\xbb\xce\xbf\xce\xb3\xce\xb7",            /* εκλογη, Greek */
        "\xd0\xb9\xd0\x99",                 /* й Й: letters of their own */
        "\xd8\xb4\xd9\x81\xd9\x8a",       /* شفي: Arabic letters next to the marks */
        "\xc3\x97\xc3\xb7",                 /* × ÷: signs, not letters */
        "\xc9\x99",                         /* ə: a letter of its own */
        "\xf0\x9f\x98\x80",                 /* an emoji */
    };
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
        assert_string_equal(plain(kept[i]), kept[i]);
}

static void bytes_not_utf8_untouched(void **state)
{
    (void)state;
    /* A lone lead byte, a truncated é, a stray continuation byte, an
     * overlong encoding: each byte copied as it is, the é after them
     * still folded. */
    const char bad[] = "\xc3 \xc3" "x\x80\xc0\xa9\xc3\xa9";
    char out[sizeof bad];
    size_t n = tw_unaccent(bad, sizeof bad - 1, out);
    assert_int_equal(n, sizeof bad - 2);
    assert_memory_equal(out, "\xc3 \xc3" "x\x80\xc0\xa9" "e", n);
    /* A truncated é at the very end. */
    assert_int_equal(tw_unaccent("caf\xc3", 4, out), 4);
    assert_memory_equal(out, "caf\xc3", 4);
}

static void in_place(void **state)
{
    (void)state;
    char s[] = "d\xc3\xa9j\xc3\xa0 vu \xc3\x9f";
    size_t n = tw_unaccent(s, strlen(s), s);
    assert_int_equal(n, 10);
    assert_memory_equal(s, "deja vu ss", 10);
    assert_int_equal(tw_unaccent("", 0, s), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(letters_lose_their_accents),
        cmocka_unit_test(letters_of_two),
        cmocka_unit_test(combining_accents_dropped),
        cmocka_unit_test(marks_of_other_scripts_dropped),
        cmocka_unit_test(ligatures_spelt_out),
        cmocka_unit_test(others_untouched),
        cmocka_unit_test(bytes_not_utf8_untouched),
        cmocka_unit_test(in_place),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
