/* Unit tests: a hit's text split into words as the term generator split it
 * (query/text_words_xapian.h), and the inline way a plain ASCII word is
 * taken (tw_plain_word_end), which must end every word where the full
 * split (tw_any_word_end) ends it, with the same word. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cstring>
#include <string>
#include <vector>
extern "C" {
#include <cmocka.h>
}

#include "text_words_xapian.h"

/* The words of TEXT as tw_word_end splits them, each followed by a space. */
static std::string words(const char *text, bool elisions = false)
{
    std::string all, word;
    size_t len = std::strlen(text);
    for (size_t i = 0; i < len;) {
        unsigned cp;
        size_t n = tw_utf8_char_at(text, len, i, &cp);
        if (!tw_word_char(cp)) {
            i += n;
            continue;
        }
        i = tw_word_end(text, len, i, elisions, false, &word);
        all += word + " ";
    }
    return all;
}

static void splits_as_the_term_generator(void **state)
{
    (void)state;
    assert_string_equal(words("The Fed's rate, 3.5% in U.S. markets").c_str(),
                        "the fed's rate 3.5 in us markets ");
    assert_string_equal(words("AT&T and C++ or C#; 1,500 snake_case").c_str(),
                        "at&t and c++ or c# 1,500 snake_case ");
    /* A full stop or comma between letters ends the word; a "+" before a
     * letter is no part of it. */
    assert_string_equal(words("end.Next a,b x+y").c_str(), "end next a b x y ");
    /* Accented and full-width letters, a word at the text's end. */
    assert_string_equal(words("Naïve CAFÉ ＡＢＣ end").c_str(), "naïve café abc end ");
    /* With elisions, the clitic is a word of its own. */
    assert_string_equal(words("l'euro d'Italia", true).c_str(), "l euro d italia ");
}

/* Texts whose words end in every way tw_any_word_end knows, and the bytes
 * around a plain word's end that the inline way must leave to it. */
static const char *const texts[] = {
    "plain words, one after another.",
    "don't AT&T rock'n'roll 3.5 1,500 a.b a,b U.S. p.m. e.g.",
    "C++ C# C+++ C++x x+ y# z+#+# a+b",
    "Naïve café ＡＢＣ x\u200by 東京 abc東京 ไทย abcไทย",
    "l'euro d'Italia qu'il dell'arte",
    "e-mail co-op 2024-01-05 -x x- x--y",
    "x",
    "ab",
    "a.",
    "ab.",
    "ab'",
    "9,",
    "9,9",
    "a&",
    "end",
    "tab\tnew\nline\rcr",
    "x\xc3",
    "under_score __init__ _",
    "\xe2\x80\x99quoted\xe2\x80\x99 it\xe2\x80\x99s",
    "end, said. rock' r& a. Z.B. at's caf\xc3\xa9,\xc3\xa9 it'\xc3\xa9 them'",
    "1.x x.1 1.1 a1,2 a,1 1'2 1&a 1, 2. 1.",
    "it'\xe2\x80\x8bs q'\xd9\x8c x.\xc3\xa9 9,\xd9\xa3 l' l'\xc3\xa9t\xc3\xa9",
};

static void inline_way_ends_words_as_the_full_split(void **state)
{
    (void)state;
    size_t plain = 0;
    for (const char *text : texts) {
        size_t len = std::strlen(text);
        for (size_t i = 0; i < len; i++) {
            if (!tw_ascii_word((unsigned char)text[i]))
                continue;
            for (int flags = 0; flags < 4; flags++) {
                bool elisions = flags & 1, runs = flags & 2;
                std::string fast = "was", full = "here";
                size_t a = tw_word_end(text, len, i, elisions, runs, &fast);
                size_t b = tw_any_word_end(text, len, i, elisions, runs, &full);
                assert_int_equal(a, b);
                assert_string_equal(fast.c_str(), full.c_str());
                assert_int_equal(tw_word_end(text, len, i, elisions, runs, nullptr), b);
                size_t end = tw_plain_word_end(text, len, i);
                assert_true(end == 0 || end == b);
                plain += end != 0;
            }
        }
    }
    /* The inline way took most of them. */
    assert_true(plain > 400);
}

static void plain_word_ends(void **state)
{
    (void)state;
    const char *t = "abc def.ghi j+ k's 5,6 x";
    size_t len = std::strlen(t);
    assert_int_equal(tw_plain_word_end(t, len, 0), 3);
    assert_int_equal(tw_plain_word_end(t, len, 1), 3);
    /* A full stop between letters joins nothing. */
    assert_int_equal(tw_plain_word_end(t, len, 4), 7);
    /* Left to the full split: "+", an apostrophe between letters, a comma
     * between digits. */
    assert_int_equal(tw_plain_word_end(t, len, 12), 0);
    assert_int_equal(tw_plain_word_end(t, len, 15), 0);
    assert_int_equal(tw_plain_word_end(t, len, 19), 0);
    /* Not a word; the text's last word. */
    assert_int_equal(tw_plain_word_end(t, len, 3), 0);
    assert_int_equal(tw_plain_word_end(t, len, len - 1), len);
    /* A clause's or a sentence's last word, an apostrophe or "&" before a
     * space or the end, taken inline; one letter and a full stop (initials),
     * and a joiner before text past ASCII, left to the full split. */
    const char *u = "end, said. rock' r& a. Z.B. at's caf\xc3\xa9,\xc3\xa9 it'\xc3\xa9 them'";
    size_t ulen = std::strlen(u);
    assert_int_equal(tw_plain_word_end(u, ulen, 0), 3);
    assert_int_equal(tw_plain_word_end(u, ulen, 5), 9);
    assert_int_equal(tw_plain_word_end(u, ulen, 11), 15);
    assert_int_equal(tw_plain_word_end(u, ulen, 17), 18);
    assert_int_equal(tw_plain_word_end(u, ulen, 20), 0);
    assert_int_equal(tw_plain_word_end(u, ulen, 23), 0);
    assert_int_equal(tw_plain_word_end(u, ulen, 28), 0);
    assert_int_equal(tw_plain_word_end(u, ulen, 33), 0);
    assert_int_equal(tw_plain_word_end(u, ulen, 42), 0);
    assert_int_equal(tw_plain_word_end(u, ulen, ulen - 5), ulen - 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(splits_as_the_term_generator),
        cmocka_unit_test(inline_way_ends_words_as_the_full_split),
        cmocka_unit_test(plain_word_ends),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
