/* Unit tests: a stemmer for the languages Xapian 1.4 lacks, from libstemmer
 * (common/stem_snowball_xapian.h), by name and by ISO code, while Xapian's
 * own stay for the languages it has; and the name an index records for
 * them (common/stem_name_xapian.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cstring>
#include <string>
extern "C" {
#include <cmocka.h>
}

#include "stem_name_xapian.h"
#include "stem_snowball_xapian.h"

/* Two forms of a word stem alike, in each language Xapian has no stemmer
 * for, by the code CLD2 gives an article and by the language's name. */
static void stems_what_xapian_cannot(void **state)
{
    (void)state;
    static const struct {
        const char *code, *name, *one, *other;
    } forms[] = {
        { "el", "greek", "δήμαρχος", "δημάρχου" },          /* mayor, of the mayor */
        { "hi", "hindi", "चुनाव", "चुनावों" },                 /* election, elections */
        { "sr", "serbian", "градоначелник", "gradonačelnika" }, /* Cyrillic and Latin */
        { "yi", "yiddish", "ביבליאָטעק", "ביבליאָטעקן" },       /* library, libraries */
        /* Croatian and Bosnian by Serbian's stemmer */
        { "hr", "serbian", "luka", "lukama" },                  /* port, to the ports */
        { "bs", "serbian", "škola", "školama" },                /* school, to the schools */
    };
    for (const auto &f : forms) {
        Xapian::Stem by_code = tw_stem_of(f.code), by_name = tw_stem_of(f.name);
        std::string stem = by_code(f.one);
        assert_string_equal(by_code(f.other).c_str(), stem.c_str());
        assert_string_equal(by_name(f.other).c_str(), stem.c_str());
        /* The index records the name whichever was given. */
        assert_string_equal(tw_stem_name(f.code).c_str(), f.name);
        assert_string_equal(tw_stem_name(f.name).c_str(), f.name);
    }
}

/* Greek's tonos and capitals (which Greek writes without it) stem as the
 * accented lower-case word does: the accents' space and the stemmer
 * agree whichever the reader types. */
static void greek_accents_and_capitals(void **state)
{
    (void)state;
    Xapian::Stem greek = tw_stem_of("el");
    std::string stem = greek("δημάρχου");
    assert_string_equal(greek("δημαρχου").c_str(), stem.c_str());
    assert_string_equal(greek("ΔΗΜΑΡΧΟΥ").c_str(), stem.c_str());
}

/* Xapian's own stemmers are kept: an index of them stems as before. */
static void xapian_first(void **state)
{
    (void)state;
    assert_string_equal(tw_stem_of("en").get_description().c_str(),
                        Xapian::Stem("english").get_description().c_str());
    assert_string_equal(tw_stem_of("russian").get_description().c_str(),
                        Xapian::Stem("russian").get_description().c_str());
    assert_true(tw_stem_of("none").is_none());
    bool thrown = false;
    try {
        tw_stem_of("klingon");
    } catch (const Xapian::InvalidArgumentError &) {
        thrown = true;
    }
    assert_true(thrown);
    assert_string_equal(tw_stem_name("klingon").c_str(), "klingon");
}

/* What a query or a page may hold: no word, a byte that is no UTF-8, a
 * word far longer than any.  Each is stemmed to something, and a stemmer
 * goes on stemming after it. */
static void odd_words(void **state)
{
    (void)state;
    for (const char *lang : { "el", "hi", "sr", "yi" }) {
        Xapian::Stem s = tw_stem_of(lang);
        assert_string_equal(s("").c_str(), "");
        (void)s(std::string("\xce", 1));
        (void)s("\xff\xfe\xce\xb4");
        std::string word;
        for (int i = 0; i < 20000; i++)
            word += "δημ";
        assert_true(s(word + "ου").size() <= word.size() + 4);
    }
    assert_string_equal(tw_stem_of("el")("δημάρχου").c_str(),
                        tw_stem_of("greek")("δήμαρχος").c_str());
}

/* The list an unknown --stem names: Xapian's and the added, in order. */
static void names_every_language(void **state)
{
    (void)state;
    std::string all = " " + tw_stem_languages() + " ";
    for (const char *name : { " english ", " greek ", " hindi ", " serbian ", " yiddish " })
        assert_non_null(std::strstr(all.c_str(), name));
    assert_true(all.find(" greek ") < all.find(" hindi "));
    assert_true(all.find(" german ") < all.find(" greek "));
}

/* What the snippet's scan counts on (SnippetTerms::keeps_head): English's
 * stem of a word, but for its last two bytes, is how the word starts --
 * through each of its steps, its exceptions ("dying" -> "die", "skies" ->
 * "sky"), and a suffix replaced in two steps ("ably" -> "abli" -> "abl"). */
static void english_stems_keep_their_words_heads(void **state)
{
    (void)state;
    static const char *const words[] = {
        "generalization", "relational", "conditional", "valency", "hesitancy", "digitizer",
        "conformably", "radically", "differently", "vilely", "analogously", "predication",
        "operator", "feudalism", "decisiveness", "hopefulness", "callousness", "formality",
        "sensitivity", "sensibility", "triplicate", "formative", "formalize", "electricity",
        "electrical", "goodness", "allowance", "inference", "adjustable", "defensible",
        "replacement", "dependent", "adoption", "communism", "activate", "angularity",
        "bowdlerize", "skies", "skis", "dying", "lying", "tying", "idly", "gently", "ugly",
        "early", "only", "singly", "news", "hoping", "hopping", "rated", "bled", "sized",
        "luxuriating", "happily", "happy", "cries", "ties", "agreed", "proceedings",
        "succeeded", "ably", "logically", "fluently", "generously", "yes", "sky", "by",
        "caf\xc3\xa9s", "na\xc3\xafvely", "o'neill's", "year's", "ironically",
    };
    Xapian::Stem english = tw_stem_of("english");
    for (const char *w : words) {
        std::string stem = english(w), word = w;
        size_t head = stem.size() > 2 ? stem.size() - 2 : 0;
        assert_int_equal(word.compare(0, head, stem, 0, head), 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stems_what_xapian_cannot),
        cmocka_unit_test(greek_accents_and_capitals),
        cmocka_unit_test(xapian_first),
        cmocka_unit_test(odd_words),
        cmocka_unit_test(names_every_language),
        cmocka_unit_test(english_stems_keep_their_words_heads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
