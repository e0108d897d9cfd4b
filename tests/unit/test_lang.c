/* Unit tests: an article's language (indexer/formats/lang.h): declared codes
 * normalised, CLD2's answers, and no answer for too little text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "formats/lang.h"

static void declared_codes(void **state)
{
    (void)state;
    char code[TW_LANG_MAX];
    const char *const cases[][2] = {
        { "de", "de" }, { "de-DE", "de" }, { "de_AT", "de" }, { "FR", "fr" }, { "pt-BR", "pt" },
        { " en-us", "en" }, { "nb-NO", "no" }, { "nn", "no" }, { "he-IL", "he" }, { "iw", "he" },
        /* ISO 639-2, terminology and bibliographic codes, and a language
         * without a two-letter code */
        { "deu", "de" }, { "ger", "de" }, { "FRA", "fr" }, { "eng-US", "en" }, { "chi", "zh" },
        { "haw", "haw" }, { "nob", "no" },
        /* names in English and in the language itself, case and accents aside */
        { "German", "de" }, { "english", "en" }, { "Deutsch", "de" }, { "français", "fr" },
        { "Francais", "fr" }, { "ESPAÑOL", "es" }, { "Norwegian Bokmål", "no" },
        { "Русский", "ru" }, { "日本語", "ja" }, { "Luba-Katanga", "lu" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_true(tw_lang_normalise(cases[i][0], code));
        assert_string_equal(code, cases[i][1]);
    }
    /* Not a language: detection decides. */
    const char *const bad[] = { NULL, "", "x", "xyz", "Elvish", "1a", "-de", "d", "german language",
                                "mul", "zxx", "und", "Multiple languages", "x-default",
                                "a name far too long to be the name of any language at all, ever",
                                /* two letters no language has */
                                "zz", "XX", "qq-QQ" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_false(tw_lang_normalise(bad[i], code));
        assert_string_equal(code, "");
    }
}

static void detected(void **state)
{
    (void)state;
    char code[TW_LANG_MAX];
    const char *const cases[][2] = {
        { "Die Stadtverwaltung hat am Montag beschlossen, die Brücke über den Fluss im "
          "kommenden Sommer vollständig zu erneuern, weil sie zu alt geworden ist.", "de" },
        { "Le conseil municipal a décidé lundi de rénover entièrement le pont sur la "
          "rivière l'été prochain, parce qu'il est devenu trop vieux.", "fr" },
        { "El ayuntamiento decidió el lunes renovar por completo el puente sobre el río "
          "el próximo verano, porque se ha vuelto demasiado viejo.", "es" },
        { "The town council decided on Monday to rebuild the bridge over the river next "
          "summer, because it has become too old to carry the traffic.", "en" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_true(tw_lang_detect(cases[i][0], strlen(cases[i][0]), code));
        assert_string_equal(code, cases[i][1]);
    }
}

/* Too little text, or none: no language rather than a guess. */
static void too_little(void **state)
{
    (void)state;
    char code[TW_LANG_MAX];
    assert_false(tw_lang_detect("", 0, code));
    assert_string_equal(code, "");
    assert_false(tw_lang_detect("ok 42", 5, code));
    assert_false(tw_lang_detect("1234 5678 90", 12, code));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(declared_codes),
        cmocka_unit_test(detected),
        cmocka_unit_test(too_little),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
