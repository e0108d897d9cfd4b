/* Unit tests: the words of Thai, Lao, Khmer and Burmese runs
 * (common/sea_words.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "buf.h"
#include "sea_words.h"

/* TEXT's words (it is one run), joined by "|", in OUT. */
static void words_of(tw_sea_splitter *s, const char *text, tw_buf *out)
{
    size_t len = strlen(text);
    assert_int_equal(tw_sea_run_end(text, len, 0), len);
    const tw_sea_word *w;
    size_t n = tw_sea_words(s, text, len, &w);
    tw_buf_clear(out);
    for (size_t i = 0; i < n; i++) {
        if (i)
            tw_buf_putc(out, '|');
        tw_buf_append(out, text + w[i].start, w[i].end - w[i].start);
    }
}

/* Each script's sentence split into its dictionary words. */
static void sentences(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        /* Thai: the government of Thailand announces new measures. */
        { "รัฐบาลไทยประกาศมาตรการใหม่", "รัฐบาล|ไทย|ประกาศ|มาตรการ|ใหม่" },
        /* Lao: the Lao government announces a new policy. */
        { "ລັດຖະບານລາວປະກາດນະໂຍບາຍໃໝ່", "ລັດຖະບານ|ລາວ|ປະກາດ|ນະໂຍບາຍ|ໃໝ່" },
        /* Khmer: the government of Cambodia has announced new measures. */
        { "រដ្ឋាភិបាលកម្ពុជាបានប្រកាសវិធានការថ្មី", "រដ្ឋាភិបាល|កម្ពុជា|បាន|ប្រកាស|វិធានការ|ថ្មី" },
        /* Burmese: the government of Myanmar issued a new law. */
        { "မြန်မာနိုင်ငံအစိုးရသည်ဥပဒေသစ်ကိုထုတ်ပြန်ခဲ့သည်",
          "မြန်မာနိုင်ငံ|အစိုးရ|သည်|ဥပဒေ|သစ်|ကို|ထုတ်|ပြန်|ခဲ့|သည်" },
    };
    tw_sea_splitter *s = tw_sea_new();
    assert_non_null(s);
    tw_buf got = {};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        words_of(s, cases[i][0], &got);
        assert_string_equal(got.data, cases[i][1]);
    }
    tw_buf_free(&got);
    tw_sea_free(s);
}

/* Text with none of these scripts is not touched, whatever its lead bytes
 * (Hindi's start with E0, as Thai's do). */
static void other_text_untouched(void **state)
{
    (void)state;
    static const char *const texts[] = { "Oil prices rose", "भारत में चुनाव", "東京 マラソン",
                                         "Zürich – 2024", "" };
    tw_sea_splitter *s = tw_sea_new();
    tw_buf out = {};
    tw_buf_puts(&out, "kept");
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        assert_false(tw_sea_any(texts[i], strlen(texts[i])));
        assert_int_equal(tw_sea_split(s, texts[i], strlen(texts[i]), ' ', &out), 0);
        assert_string_equal(out.data, "kept");
    }
    assert_int_equal(tw_sea_run_end("abc", 3, 0), 0);
    tw_buf_free(&out);
    tw_sea_free(s);
}

/* The separator goes between a run's words and between a run and a word
 * that touches it; punctuation, spaces and other text stay as they are,
 * a zero-width space between two words gives way to it, a space goes
 * before the word a wildcard is of, and a number is not part of a run (the
 * year 2567 in Thai digits). */
static void split_with_separator(void **state)
{
    (void)state;
    tw_sea_splitter *s = tw_sea_new();
    tw_buf out = {};
    const char *text = "COVIDระบาด, ข่าวการเมือง (2024) ข่าว\u200bการเมือง. ข่าวการเมือง* "
                       "ปี๒๕๖๗";
    assert_int_equal(tw_sea_split(s, text, strlen(text), '-', &out), 1);
    assert_string_equal(out.data, "COVID-ระบาด, ข่าว-การเมือง (2024) ข่าว-การเมือง. "
                                  "ข่าว การเมือง* ปี-๒๕๖๗");
    tw_buf_free(&out);
    tw_sea_free(s);
}

/* A stretch no dictionary word matches is cut into words no longer than a
 * term may be, none starting with a mark, which together are the run. */
static void long_words_cut(void **state)
{
    (void)state;
    tw_sea_splitter *s = tw_sea_new();
    char run[400] = "";
    for (int i = 0; i < 40; i++)
        strcat(run, "ก่");      /* a letter and its tone mark, 6 bytes */
    size_t len = strlen(run);
    const tw_sea_word *w;
    size_t n = tw_sea_words(s, run, len, &w);
    assert_true(n >= len / TW_SEA_WORD_MAX);
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(w[i].start, at);
        assert_true(w[i].end - w[i].start <= TW_SEA_WORD_MAX);
        assert_memory_equal(run + w[i].start, "ก", 3);
        at = w[i].end;
    }
    assert_int_equal(at, len);
    tw_sea_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sentences),
        cmocka_unit_test(other_text_untouched),
        cmocka_unit_test(split_with_separator),
        cmocka_unit_test(long_words_cut),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
