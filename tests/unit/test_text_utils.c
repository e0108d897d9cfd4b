/* Unit tests: UTF-8, charset repair, field cleaning, binary sniffing, key terms,
 * site keys, acronyms' plurals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "acronym_plural.h"
#include "formats/charset.h"
#include "formats/clean.h"
#include "keyterm.h"
#include "nfc.h"
#include "schema.h"
#include "formats/sniff.h"
#include "url.h"
#include "utf8.h"

/* The acronym of the plural at TEXT's start, or "-" when it is none. */
static const char *plural_acronym(const char *text)
{
    static char out[32];
    size_t end = tw_acronym_plural_at(text, strlen(text), 0);
    if (end == 0)
        return "-";
    memcpy(out, text, end);
    out[end] = '\0';
    return out;
}

static void acronym_plurals(void **state)
{
    (void)state;
    assert_string_equal(plural_acronym("MPs said"), "MP");
    assert_string_equal(plural_acronym("NGOs."), "NGO");
    assert_string_equal(plural_acronym("G20s, then"), "G20");
    /* One capital, no capital, a word going on, a name. */
    assert_string_equal(plural_acronym("Ms Smith"), "-");
    assert_string_equal(plural_acronym("737s"), "-");
    assert_string_equal(plural_acronym("MPsA"), "-");
    assert_string_equal(plural_acronym("MPs.com"), "-");
    assert_string_equal(plural_acronym("MP"), "-");
    const char *text = "Two MPs, F-16s and x-MPs met NGOs";
    size_t end, len = strlen(text);
    size_t at = tw_next_acronym_plural(text, len, 0, &end);
    assert_int_equal(at, 4);
    assert_int_equal(end, 6);
    at = tw_next_acronym_plural(text, len, end, &end);
    assert_int_equal(at, 29);
    assert_int_equal(tw_next_acronym_plural(text, len, end, &end), len);
}

static void utf8_validation(void **state)
{
    (void)state;
    assert_true(tw_utf8_valid("plain", 5));
    assert_true(tw_utf8_valid("Z\xc3\xbcrich \xf0\x9f\x98\x80", 12));
    assert_false(tw_utf8_valid("\xff", 1));
    assert_false(tw_utf8_valid("\xc3", 1));             /* truncated */
    assert_false(tw_utf8_valid("\xe0\x80\xaf", 3));     /* overlong */
    assert_false(tw_utf8_valid("\xed\xa0\x80", 3));     /* surrogate */
    assert_false(tw_utf8_valid("\xf4\x90\x80\x80", 4)); /* above U+10FFFF */
    /* Runs of ASCII are passed eight bytes at a time: a bad byte or a
     * character across the eight's edge is still seen where it is. */
    assert_false(tw_utf8_valid("12345678\xff", 9));
    assert_false(tw_utf8_valid("1234567\xff" "12345678", 16));
    assert_true(tw_utf8_valid("1234567\xc3\xbc" "1234567", 16));
    assert_false(tw_utf8_valid("abcdefgh\xe0\x80\xaf" "ijklmnop", 19));
    assert_false(tw_utf8_valid("abcdefghijklmnop\xc3", 17));
    assert_true(tw_utf8_valid("abcdefgh\0ijklmnopq", 18));
    assert_int_equal(tw_utf8_length("caf\xc3\xa9", 5), 4);
    assert_int_equal(tw_utf8_cut("caf\xc3\xa9", 4), 3);  /* never split é */
    assert_int_equal(tw_utf8_cut("caf\xc3\xa9", 5), 5);
    /* Chinese, Japanese and Korean: the blocks Xapian splits into n-grams. */
    assert_true(tw_utf8_starts_cjk("\xe7\x96\xab\xe6\x83\x85", 6));  /* 疫情 */
    assert_true(tw_utf8_starts_cjk("\xe3\x81\x82", 3));               /* あ */
    assert_true(tw_utf8_starts_cjk("\xea\xb0\x80", 3));               /* 가 */
    assert_true(tw_utf8_starts_cjk("\xf0\xa0\x80\x80", 4));           /* U+20000 */
    assert_false(tw_utf8_starts_cjk("caf\xc3\xa9", 5));
    assert_false(tw_utf8_starts_cjk("\xd0\xbc\xd0\xb8\xd1\x80", 6));  /* мир */
    assert_false(tw_utf8_starts_cjk("\xe2\x82\xac", 3));              /* € */
    assert_false(tw_utf8_starts_cjk("\xe7\x96", 2));                  /* cut short */
    /* Full-width letters and digits are ASCII ones to the index: not split. */
    assert_false(tw_utf8_starts_cjk("\xef\xbc\xae", 3));              /* Ｎ */
    assert_true(tw_utf8_starts_cjk("\xef\xbc\x81", 3));               /* ！ */
    char narrow[] = "\xef\xbc\xae\xef\xbc\xa8\xef\xbc\xab \xef\xbd\x94\xef\xbd\x8f "
                    "\xef\xbc\x92\xef\xbc\x90\xe5\xb9\xb4\xef\xbc\x81";  /* ＮＨＫ ｔｏ ２０年！ */
    size_t n = tw_utf8_narrow_text(narrow, strlen(narrow), narrow);
    assert_int_equal(n, 15);
    assert_memory_equal(narrow, "NHK to 20\xe5\xb9\xb4\xef\xbc\x81", 15);
    /* Half-width katakana full-width, a voiced-sound mark joined to the
     * letter before it ("ｶﾞ" "ガ", "ﾊﾟ" "パ", "ｳﾞ" "ヴ"), a lone one kept. */
    char kana[] = "\xef\xbd\xb6\xef\xbe\x9e\xef\xbe\x8a\xef\xbe\x9f\xef\xbd\xb3\xef\xbe\x9e"
                  "\xef\xbd\xb0\xef\xbe\x9e\xef\xbd\xa2";  /* ｶﾞﾊﾟｳﾞｰﾞ｢ */
    n = tw_utf8_narrow_text(kana, strlen(kana), kana);
    assert_int_equal(n, 18);
    assert_memory_equal(kana, "\xe3\x82\xac\xe3\x83\x91\xe3\x83\xb4\xe3\x83\xbc\xef\xbe\x9e"
                              "\xe3\x80\x8c", 18);  /* ガパヴー ﾞ「 */
    uint32_t cp;
    assert_int_equal(tw_utf8_wide_kana("\xef\xbd\xb6\xef\xbe\x9e", 6, 0, &cp), 6);
    assert_int_equal(cp, 0x30ac);
    assert_int_equal(tw_utf8_wide_kana("\xef\xbd\xb6", 3, 0, &cp), 3);
    assert_int_equal(cp, 0x30ab);
    assert_int_equal(tw_utf8_wide_kana("\xef\xbc\xae", 3, 0, &cp), 0);  /* Ｎ */
}

/* The closers a sentence's mark may stand before, in any number and mix. */
static void closers(void **state)
{
    (void)state;
    const char *s = "He said so.\xe2\x80\x9d)";
    assert_int_equal(tw_utf8_before_closers(s, strlen(s)), strlen("He said so."));
    s = "Il l'a dit.\xc2\xbb\"]'";
    assert_int_equal(tw_utf8_before_closers(s, strlen(s)), strlen("Il l'a dit."));
    s = "no closer.";
    assert_int_equal(tw_utf8_before_closers(s, strlen(s)), strlen(s));
    s = "\"')";
    assert_int_equal(tw_utf8_before_closers(s, strlen(s)), 0);
    assert_int_equal(tw_utf8_before_closers("x\x80\x9d", 3), 3);   /* not U+201D whole */
    assert_int_equal(tw_utf8_before_closers("", 0), 0);
}

static void charset_repair(void **state)
{
    (void)state;
    tw_buf b = { 0 };
    /* BOM dropped, valid UTF-8 kept as is. */
    assert_int_equal(tw_to_utf8("\xef\xbb\xbf" "caf\xc3\xa9", 8, &b), 0);
    assert_string_equal(b.data, "caf\xc3\xa9");
    tw_buf_clear(&b);
    /* Windows-1252: é, curly quotes, the euro sign. */
    assert_int_equal(tw_to_utf8("caf\xe9 \x93ok\x94 \x80", 11, &b), 4);
    assert_string_equal(b.data, "caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d \xe2\x82\xac");
    tw_buf_clear(&b);
    /* Mixed: valid UTF-8 stays, the stray byte is converted; 0x81 is undefined. */
    assert_int_equal(tw_to_utf8("\xc3\xa9 \xe9 \x81", 6, &b), 2);
    assert_string_equal(b.data, "\xc3\xa9 \xc3\xa9 \xef\xbf\xbd");
    assert_true(tw_utf8_valid(b.data, b.len));
    tw_buf_clear(&b);
    /* A NUL would end the text where it is handed on as a C string. */
    assert_int_equal(tw_to_utf8("a\0b", 3, &b), 0);
    assert_int_equal(tw_to_utf8("\xe9\0", 2, &b), 1);
    assert_int_equal(tw_convert_to_utf8("KOI8-R", "\xf0\0", 2, &b), 0);
    assert_int_equal(b.len, 9);
    assert_string_equal(b.data, "a b\xc3\xa9 \xd0\x9f ");
    tw_buf_free(&b);
}

/* DATA, which declares no charset, read as WANT (UTF-8). */
static void assert_guessed(const char *data, const char *want)
{
    tw_buf b = { 0 };
    assert_true(tw_convert_to_utf8(NULL, data, strlen(data), &b) >= 0);
    assert_string_equal(b.data, want);
    tw_buf_free(&b);
}

/* Text in a legacy charset that declares none: read in the charset whose
 * reading looks like text, not Windows-1252's mojibake. */
static void charset_guessed(void **state)
{
    (void)state;
    /* Windows-1251 Russian: В Екатеринбурге ожидается дождь и сильный ветер. */
    assert_guessed("\xc2 \xc5\xea\xe0\xf2\xe5\xf0\xe8\xed\xe1\xf3\xf0\xe3\xe5 \xee\xe6\xe8\xe4\xe0\xe5\xf2\xf1\xff \xe4\xee\xe6\xe4\xfc \xe8 \xf1\xe8\xeb\xfc\xed\xfb\xe9 \xe2\xe5\xf2\xe5\xf0.",
                   "\xd0\x92 \xd0\x95\xd0\xba\xd0\xb0\xd1\x82\xd0\xb5\xd1\x80\xd0\xb8\xd0\xbd\xd0\xb1\xd1\x83\xd1\x80\xd0\xb3\xd0\xb5 \xd0\xbe\xd0\xb6\xd0\xb8\xd0\xb4\xd0\xb0\xd0\xb5\xd1\x82\xd1\x81\xd1\x8f \xd0\xb4\xd0\xbe\xd0\xb6\xd0\xb4\xd1\x8c \xd0\xb8 \xd1\x81\xd0\xb8\xd0\xbb\xd1\x8c\xd0\xbd\xd1\x8b\xd0\xb9 \xd0\xb2\xd0\xb5\xd1\x82\xd0\xb5\xd1\x80.");
    /* KOI8-R Russian: В Новосибирске ожидается сильный снегопад. */
    assert_guessed("\xf7 \xee\xcf\xd7\xcf\xd3\xc9\xc2\xc9\xd2\xd3\xcb\xc5 \xcf\xd6\xc9\xc4\xc1\xc5\xd4\xd3\xd1 \xd3\xc9\xcc\xd8\xce\xd9\xca \xd3\xce\xc5\xc7\xcf\xd0\xc1\xc4.",
                   "\xd0\x92 \xd0\x9d\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x81\xd0\xb8\xd0\xb1\xd0\xb8\xd1\x80\xd1\x81\xd0\xba\xd0\xb5 \xd0\xbe\xd0\xb6\xd0\xb8\xd0\xb4\xd0\xb0\xd0\xb5\xd1\x82\xd1\x81\xd1\x8f \xd1\x81\xd0\xb8\xd0\xbb\xd1\x8c\xd0\xbd\xd1\x8b\xd0\xb9 \xd1\x81\xd0\xbd\xd0\xb5\xd0\xb3\xd0\xbe\xd0\xbf\xd0\xb0\xd0\xb4.");
    /* Windows-1253 Greek: Ο νέος δήμαρχος μίλησε στους δημοσιογράφους. */
    assert_guessed("\xcf \xed\xdd\xef\xf2 \xe4\xde\xec\xe1\xf1\xf7\xef\xf2 \xec\xdf\xeb\xe7\xf3\xe5 \xf3\xf4\xef\xf5\xf2 \xe4\xe7\xec\xef\xf3\xe9\xef\xe3\xf1\xdc\xf6\xef\xf5\xf2.",
                   "\xce\x9f \xce\xbd\xce\xad\xce\xbf\xcf\x82 \xce\xb4\xce\xae\xce\xbc\xce\xb1\xcf\x81\xcf\x87\xce\xbf\xcf\x82 \xce\xbc\xce\xaf\xce\xbb\xce\xb7\xcf\x83\xce\xb5 \xcf\x83\xcf\x84\xce\xbf\xcf\x85\xcf\x82 \xce\xb4\xce\xb7\xce\xbc\xce\xbf\xcf\x83\xce\xb9\xce\xbf\xce\xb3\xcf\x81\xce\xac\xcf\x86\xce\xbf\xcf\x85\xcf\x82.");
    /* Windows-1255 Hebrew: הבחירות לעיריית ירושלים נערכו ביום שלישי. */
    assert_guessed("\xe4\xe1\xe7\xe9\xf8\xe5\xfa \xec\xf2\xe9\xf8\xe9\xe9\xfa \xe9\xf8\xe5\xf9\xec\xe9\xed \xf0\xf2\xf8\xeb\xe5 \xe1\xe9\xe5\xed \xf9\xec\xe9\xf9\xe9.",
                   "\xd7\x94\xd7\x91\xd7\x97\xd7\x99\xd7\xa8\xd7\x95\xd7\xaa \xd7\x9c\xd7\xa2\xd7\x99\xd7\xa8\xd7\x99\xd7\x99\xd7\xaa \xd7\x99\xd7\xa8\xd7\x95\xd7\xa9\xd7\x9c\xd7\x99\xd7\x9d \xd7\xa0\xd7\xa2\xd7\xa8\xd7\x9b\xd7\x95 \xd7\x91\xd7\x99\xd7\x95\xd7\x9d \xd7\xa9\xd7\x9c\xd7\x99\xd7\xa9\xd7\x99.");
    /* Windows-1256 Arabic: أعلنت بلدية بغداد عن مشروع جديد للنقل العام. */
    assert_guessed("\xc3\xda\xe1\xe4\xca \xc8\xe1\xcf\xed\xc9 \xc8\xdb\xcf\xc7\xcf \xda\xe4 \xe3\xd4\xd1\xe6\xda \xcc\xcf\xed\xcf \xe1\xe1\xe4\xde\xe1 \xc7\xe1\xda\xc7\xe3.",
                   "\xd8\xa3\xd8\xb9\xd9\x84\xd9\x86\xd8\xaa \xd8\xa8\xd9\x84\xd8\xaf\xd9\x8a\xd8\xa9 \xd8\xa8\xd8\xba\xd8\xaf\xd8\xa7\xd8\xaf \xd8\xb9\xd9\x86 \xd9\x85\xd8\xb4\xd8\xb1\xd9\x88\xd8\xb9 \xd8\xac\xd8\xaf\xd9\x8a\xd8\xaf \xd9\x84\xd9\x84\xd9\x86\xd9\x82\xd9\x84 \xd8\xa7\xd9\x84\xd8\xb9\xd8\xa7\xd9\x85.");
    /* Windows-1250 Polish: Władze Krakowa ogłosiły budowę nowej linii. */
    assert_guessed("W\xb3" "adze Krakowa og\xb3osi\xb3y budow\xea nowej linii.",
                   "W\xc5\x82" "adze Krakowa og\xc5\x82osi\xc5\x82y budow\xc4\x99 nowej linii.");
    /* Shift_JIS Japanese: 名古屋では週末に大雪が予想されています。 */
    assert_guessed("\x96\xbc\x8c\xc3\x89\xae\x82\xc5\x82\xcd\x8fT\x96\x96\x82\xc9\x91\xe5\x90\xe1\x82\xaa\x97\\\x91z\x82\xb3\x82\xea\x82\xc4\x82\xa2\x82\xdc\x82\xb7\x81" "B",
                   "\xe5\x90\x8d\xe5\x8f\xa4\xe5\xb1\x8b\xe3\x81\xa7\xe3\x81\xaf\xe9\x80\xb1\xe6\x9c\xab\xe3\x81\xab\xe5\xa4\xa7\xe9\x9b\xaa\xe3\x81\x8c\xe4\xba\x88\xe6\x83\xb3\xe3\x81\x95\xe3\x82\x8c\xe3\x81\xa6\xe3\x81\x84\xe3\x81\xbe\xe3\x81\x99\xe3\x80\x82");
    /* EUC-JP Japanese: 首相は記者会見で新しい経済対策を発表した。 */
    assert_guessed("\xbc\xf3\xc1\xea\xa4\xcf\xb5\xad\xbc\xd4\xb2\xf1\xb8\xab\xa4\xc7\xbf\xb7\xa4\xb7\xa4\xa4\xb7\xd0\xba\xd1\xc2\xd0\xba\xf6\xa4\xf2\xc8\xaf\xc9\xbd\xa4\xb7\xa4\xbf\xa1\xa3",
                   "\xe9\xa6\x96\xe7\x9b\xb8\xe3\x81\xaf\xe8\xa8\x98\xe8\x80\x85\xe4\xbc\x9a\xe8\xa6\x8b\xe3\x81\xa7\xe6\x96\xb0\xe3\x81\x97\xe3\x81\x84\xe7\xb5\x8c\xe6\xb8\x88\xe5\xaf\xbe\xe7\xad\x96\xe3\x82\x92\xe7\x99\xba\xe8\xa1\xa8\xe3\x81\x97\xe3\x81\x9f\xe3\x80\x82");
    /* GB18030 Chinese: 国务院总理在北京会见了来访的外国代表团。 */
    assert_guessed("\xb9\xfa\xce\xf1\xd4\xba\xd7\xdc\xc0\xed\xd4\xda\xb1\xb1\xbe\xa9\xbb\xe1\xbc\xfb\xc1\xcb\xc0\xb4\xb7\xc3\xb5\xc4\xcd\xe2\xb9\xfa\xb4\xfa\xb1\xed\xcd\xc5\xa1\xa3",
                   "\xe5\x9b\xbd\xe5\x8a\xa1\xe9\x99\xa2\xe6\x80\xbb\xe7\x90\x86\xe5\x9c\xa8\xe5\x8c\x97\xe4\xba\xac\xe4\xbc\x9a\xe8\xa7\x81\xe4\xba\x86\xe6\x9d\xa5\xe8\xae\xbf\xe7\x9a\x84\xe5\xa4\x96\xe5\x9b\xbd\xe4\xbb\xa3\xe8\xa1\xa8\xe5\x9b\xa2\xe3\x80\x82");
    /* Big5 Chinese: 行政院長今天在立法院報告施政方針。 */
    assert_guessed("\xa6\xe6\xac" "F\xb0|\xaa\xf8\xa4\xb5\xa4\xd1\xa6" "b\xa5\xdf\xaak\xb0|\xb3\xf8\xa7i\xacI\xac" "F\xa4\xe8\xb0w\xa1" "C",
                   "\xe8\xa1\x8c\xe6\x94\xbf\xe9\x99\xa2\xe9\x95\xb7\xe4\xbb\x8a\xe5\xa4\xa9\xe5\x9c\xa8\xe7\xab\x8b\xe6\xb3\x95\xe9\x99\xa2\xe5\xa0\xb1\xe5\x91\x8a\xe6\x96\xbd\xe6\x94\xbf\xe6\x96\xb9\xe9\x87\x9d\xe3\x80\x82");
    /* EUC-KR Korean: 대통령은 오늘 국무회의를 주재했습니다. */
    assert_guessed("\xb4\xeb\xc5\xeb\xb7\xc9\xc0\xba \xbf\xc0\xb4\xc3 \xb1\xb9\xb9\xab\xc8\xb8\xc0\xc7\xb8\xa6 \xc1\xd6\xc0\xe7\xc7\xdf\xbd\xc0\xb4\xcf\xb4\xd9.",
                   "\xeb\x8c\x80\xed\x86\xb5\xeb\xa0\xb9\xec\x9d\x80 \xec\x98\xa4\xeb\x8a\x98 \xea\xb5\xad\xeb\xac\xb4\xed\x9a\x8c\xec\x9d\x98\xeb\xa5\xbc \xec\xa3\xbc\xec\x9e\xac\xed\x96\x88\xec\x8a\xb5\xeb\x8b\x88\xeb\x8b\xa4.");
    /* ISO-8859-2 Czech, whose letters Windows-1252 reads as other letters:
     * Příští týden bude v Praze a Brně čekat přívaly deště. */
    assert_guessed("P\xf8\xed\xb9t\xed t\xfd" "den bude v Praze a Brn\xec \xe8" "ekat p\xf8\xedvaly de\xb9t\xec.",
                   "P\xc5\x99\xc3\xad\xc5\xa1t\xc3\xad t\xc3\xbd" "den bude v Praze a Brn\xc4\x9b \xc4\x8d" "ekat p\xc5\x99\xc3\xadvaly de\xc5\xa1t\xc4\x9b.");
    /* Latin-1 French stays Windows-1252: La Société générale a annoncé des résultats à Zürich. */
    assert_guessed("La Soci\xe9t\xe9 g\xe9n\xe9rale a annonc\xe9 des r\xe9sultats \xe0 Z\xfcrich.",
                   "La Soci\xc3\xa9t\xc3\xa9 g\xc3\xa9n\xc3\xa9rale a annonc\xc3\xa9 des r\xc3\xa9sultats \xc3\xa0 Z\xc3\xbcrich.");
    /* UTF-8 with a stray Windows-1252 byte is repaired, not guessed. */
    assert_guessed("\xd0\x92 \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb5 \xe9t\xe9",
                   "\xd0\x92 \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb5 \xc3\xa9t\xc3\xa9");
}

/* The charset a page declares: only where a page declares it. */
static bool declared(const char *page, const char *want)
{
    char cs[64] = "";
    bool found = tw_declared_charset(page, strlen(page), cs, sizeof cs);
    return want ? found && strcmp(cs, want) == 0 : !found;
}

static void declared_charset(void **state)
{
    (void)state;
    assert_true(declared("<html><head><meta charset=\"koi8-r\"/>", "koi8-r"));
    assert_true(declared("<META HTTP-EQUIV=content-type CONTENT='text/html; Charset = cp1251'>",
                         "cp1251"));
    assert_true(declared("\n<?xml version=\"1.0\" encoding=\"iso-8859-2\"?><html>",
                         "iso-8859-2"));
    /* Passed over: a script's charset, what a script, a style or a comment
     * holds, a content charset without http-equiv, and the body. */
    assert_true(declared("<script charset=\"utf-8\" src=a.js></script>"
                         "<script>x = '<meta charset=big5>';</script>"
                         "<style>a{}/* <meta charset=gbk> */</style><!-- <meta charset=gb2312> -->"
                         "<meta name=x content=\"charset=sjis\"><meta charset=latin2>", "latin2"));
    assert_true(declared("<html><head><title>t</title></head><body><meta charset=big5>", NULL));
    assert_true(declared("<p>The charset=utf-8 line.</p>", NULL));
}

static void clean_one_line(void **state)
{
    (void)state;
    tw_buf b = { 0 };
    const char *in = "  A\ttitle\n with\x01 junk  ";
    assert_int_equal(tw_clean(&b, in, strlen(in), true), 0);
    assert_string_equal(b.data, "A title with junk");
    tw_buf_clear(&b);
    /* Unicode's line and paragraph separators are white space in a title:
     * kept, they split its TSV line for readers that end lines at them. */
    in = "Line\xe2\x80\xa8sep and\xe2\x80\xa9para \xe2\x80\xa8";
    assert_int_equal(tw_clean(&b, in, strlen(in), true), 0);
    assert_string_equal(b.data, "Line sep and para");
    tw_buf_clear(&b);
    /* Unicode's other spaces are white space: no run of them beside a
     * space, none left at either end (pages write "&nbsp; " and end titles
     * with &nbsp;). */
    in = "\xc2\xa0Kampf\xc2\xa0 in\xe2\x80\xaf\xe3\x80\x80Jail?\xe2\x80\x89\xc2\xa0";
    assert_int_equal(tw_clean(&b, in, strlen(in), true), 0);
    assert_string_equal(b.data, "Kampf in Jail?");
    tw_buf_free(&b);
}

static void clean_body(void **state)
{
    (void)state;
    tw_buf b = { 0 };
    const char *in = "\r\nPara one\r\nline two\r\n\r\n\r\n\r\nPara\x02two\x7f end \n\n";
    assert_int_equal(tw_clean(&b, in, strlen(in), false), 0);
    assert_string_equal(b.data, "Para one\nline two\n\nPara two end");
    tw_buf_clear(&b);
    /* C1 control characters (U+0080..U+009F) go too; the result is valid UTF-8. */
    assert_int_equal(tw_clean(&b, "a\xc2\x85" "b\xff", 5, false), 0);
    assert_string_equal(b.data, "a b\xc3\xbf");
    tw_buf_clear(&b);
    /* Soft hyphens and zero-width characters go, and the word is whole again
     * ("Ita&shy;li&shy;ens" must be found by "Italiens"). */
    const char *shy = "Ita\xc2\xadli\xc2\xad" "ens and zero\xe2\x80\x8bwidth\xe2\x81\xa0joined\xef\xbb\xbf.";
    assert_int_equal(tw_clean(&b, shy, strlen(shy), false), 0);
    assert_string_equal(b.data, "Italiens and zerowidthjoined.");
    tw_buf_clear(&b);
    /* In a body, they are a line break and a paragraph break. */
    const char *sep = "Harbour\xe2\x80\xa8report\xe2\x80\xa9landings\xe2\x80\xa8";
    assert_int_equal(tw_clean(&b, sep, strlen(sep), false), 0);
    assert_string_equal(b.data, "Harbour\nreport\n\nlandings");
    tw_buf_clear(&b);
    /* A body that starts with no-break spaces starts with its first word. */
    const char *nbsp = "\xc2\xa0 \xc2\xa0 The Garden\xc2\xa0\n\xc2\xa0\nA nearly\xc2\xa0wordless film. \xc2\xa0";
    assert_int_equal(tw_clean(&b, nbsp, strlen(nbsp), false), 0);
    assert_string_equal(b.data, "The Garden\n\nA nearly wordless film.");
    tw_buf_clear(&b);
    /* Letters beyond ASCII go on a word as ASCII ones do; a control, a
     * space or an invisible character right after one is dealt with as
     * after any letter. */
    const char *mixed = "Zo\xc3\xab\x7f\xc3\xa9\xc2\x9f\xc3\xbc na\xc3\xafve\xc2\xa0" "caf\xc3\xa9\xc2\xad" "s "
                        "\xe6\x9d\xb1\xe4\xba\xac\xe2\x80\xa8x";
    assert_int_equal(tw_clean(&b, mixed, strlen(mixed), false), 0);
    assert_string_equal(b.data, "Zo\xc3\xab \xc3\xa9 \xc3\xbc na\xc3\xafve caf\xc3\xa9s "
                                "\xe6\x9d\xb1\xe4\xba\xac\nx");
    tw_buf_free(&b);
}

static void sniff_binary(void **state)
{
    (void)state;
    const char *text = "Just text.\n\tIndented.\r\n";
    assert_false(tw_looks_binary(text, strlen(text)));
    assert_true(tw_looks_binary("PK\x03\x04\0\0", 6));
    char noise[100];
    for (int i = 0; i < 100; i++)
        noise[i] = (char)(i % 3 ? 'a' : 0x01);
    assert_true(tw_looks_binary(noise, sizeof noise));
    assert_false(tw_looks_binary("", 0));
    /* UTF-16 text with a mark; a pair of surrogates; not without the mark,
     * nor with a NUL, a lone surrogate, or UTF-32's mark. */
    assert_string_equal(tw_utf16_text("\xFF\xFEH\0i\0\n\0", 8), "UTF-16LE");
    assert_string_equal(tw_utf16_text("\xFE\xFF\xD8\x3D\xDE\x00", 6), "UTF-16BE");
    assert_null(tw_utf16_text("H\0i\0", 4));
    assert_null(tw_utf16_text("\xFF\xFEH\0\0\0", 6));
    assert_null(tw_utf16_text("\xFE\xFF\xDE\x00\0A", 6));
    assert_null(tw_utf16_text("\xFF\xFE\0\0H\0\0\0", 8));
}

static void key_terms(void **state)
{
    (void)state;
    tw_buf b = { 0 };
    assert_int_equal(tw_key_term(&b, "Q", "corpus/a.txt"), 0);
    assert_string_equal(b.data, "Qcorpus/a.txt");
    char long_id[600];
    memset(long_id, 'x', sizeof long_id - 1);
    long_id[sizeof long_id - 1] = '\0';
    tw_buf c = { 0 }, d = { 0 };
    assert_int_equal(tw_key_term(&c, "Q", long_id), 0);
    long_id[598] = 'y';                     /* differs only at the end */
    assert_int_equal(tw_key_term(&d, "Q", long_id), 0);
    assert_true(c.len <= TW_MAX_KEY_TERM + 1);
    assert_int_equal(c.len, d.len);
    assert_true(strcmp(c.data, d.data) != 0);
    tw_buf_free(&b);
    tw_buf_free(&c);
    tw_buf_free(&d);
}

/* What KEY_OF (a url.h function) appends for IN: WANT. */
static void assert_appends(int (*key_of)(const char *, tw_buf *), const char *in,
                           const char *want)
{
    tw_buf b = { 0 };
    assert_int_equal(key_of(in, &b), 0);
    assert_string_equal(b.data ? b.data : "", want);
    tw_buf_free(&b);
}

static void assert_site(const char *in, const char *want)
{
    assert_appends(tw_site_key, in, want);
}

static void site_keys(void **state)
{
    (void)state;
    assert_site("https://WWW.Ledger.example:8080/news?id=1", "ledger.example");
    assert_site("ledger.example", "ledger.example");
    assert_site("www.Ledger.Example/", "ledger.example");
    assert_site("ledger.example.", "ledger.example");
    assert_site("https://ledger.example./news", "ledger.example");
    assert_site("The  Ledger", "the ledger");
    assert_site("  Northstar\tNews ", "northstar news");
    assert_site("Reuters", "reuters");
    assert_site("", "");
}

static void assert_url_site(const char *in, const char *want)
{
    assert_appends(tw_url_site_key, in, want);
}

/* A url's site is its host; a relative url names none (it was filed under
 * "/news-artikel?id=7" as if that were a site's name). */
static void url_site_keys(void **state)
{
    (void)state;
    assert_url_site("https://WWW.Ledger.example/news?id=1", "ledger.example");
    assert_url_site("//www.ledger.example/x", "ledger.example");
    assert_url_site("ledger.example/x", "ledger.example");
    assert_url_site("ledger.example:8080/x", "ledger.example");
    assert_url_site("/news-artikel?id=7", "");
    assert_url_site("news-artikel?id=7", "");
    assert_url_site("archiv/puffins.html", "");
    assert_url_site("index.html", "");
    assert_url_site("javascript:void(0)", "");
    assert_url_site("https://", "");
    assert_url_site("?id=7", "");
    assert_url_site("./x", "");
    assert_url_site("", "");
}

static void assert_absolute(const char *in, const char *want)
{
    assert_appends(tw_url_absolute, in, want);
}

static void absolute_urls(void **state)
{
    (void)state;
    assert_absolute("https://ledger.example/a?b=1", "https://ledger.example/a?b=1");
    assert_absolute("  http://ledger.example/", "http://ledger.example/");
    assert_absolute("//www.ledger.example/x", "https://www.ledger.example/x");
    assert_absolute("https%3A%2F%2Fledger.example%2Fp%25C3%25A4d%2F",
                    "https://ledger.example/p%C3%A4d/");
    assert_absolute("HTTP%3a%2f%2fledger.example%00%2Fx", "HTTP://ledger.example");
    assert_absolute("www.seanotes.example/kelp", "https://www.seanotes.example/kelp");
    assert_absolute("https://", "");
    assert_absolute("//", "");
    assert_absolute("https%3A%2F%2F", "");
    assert_absolute("/news-artikel?id=7", "");
    assert_absolute("news/a.html", "");
    assert_absolute("index.html", "");
    assert_absolute("mailto:desk@ledger.example", "");
    assert_absolute("1http://x", "");
    assert_absolute("", "");
}

/* A buffer remembers that an append ran out of room (as ferror does), so a
 * value built in many steps is checked once; clearing it forgets. */
static void buf_failed_is_sticky(void **state)
{
    (void)state;
    tw_buf b = { 0 };
    assert_int_equal(tw_buf_puts(&b, "kept"), 0);
    assert_int_equal(b.failed, 0);
    assert_int_equal(tw_buf_reserve(&b, (size_t)-1), -1);  /* more than memory can be */
    assert_int_equal(b.failed, 1);
    assert_string_equal(b.data, "kept");                   /* unchanged */
    assert_int_equal(tw_buf_puts(&b, " more"), 0);
    assert_int_equal(b.failed, 1);                         /* still says so */
    tw_buf_clear(&b);
    assert_int_equal(b.failed, 0);
    assert_int_equal(tw_buf_reserve(&b, (size_t)-1), -1);
    tw_buf_free(&b);
    assert_int_equal(b.failed, 0);
}

/* TEXT from byte FROM on in NFC, what tw_nfc said of it in *RC. */
static char *nfc_of(const char *text, size_t from, int *rc)
{
    tw_buf b = { 0 };
    assert_int_equal(tw_buf_puts(&b, text), 0);
    *rc = tw_nfc(&b, from);
    return tw_buf_steal(&b);
}

static void assert_nfc(const char *text, size_t from, const char *want, int want_rc)
{
    int rc;
    char *got = nfc_of(text, from, &rc);
    assert_string_equal(got, want);
    assert_int_equal(rc, want_rc);
    free(got);
}

/* One spelling for one word: decomposed letters composed, Hangul jamo as
 * syllables, a letter Unicode keeps decomposed (Devanagari's and Bengali's
 * with nukta, composition exclusions) decomposed, which makes the text
 * longer; what is in NFC already, and bytes that are not UTF-8, are left. */
static void nfc_forms(void **state)
{
    (void)state;
    assert_nfc("Cafe\xcc\x81 Ge\xcc\x81rard", 0, "Caf\xc3\xa9 G\xc3\xa9rard", 1);
    assert_nfc("Caf\xc3\xa9 d\xc3\xa9j\xc3\xa0 vu", 0, "Caf\xc3\xa9 d\xc3\xa9j\xc3\xa0 vu", 0);
    assert_nfc("plain ASCII", 0, "plain ASCII", 0);
    assert_nfc("", 0, "", 0);
    /* Vietnamese: the dot below goes before the circumflex in NFC. */
    assert_nfc("Vie\xcc\x82\xcc\xa3t", 0, "Vi\xe1\xbb\x87t", 1);
    /* "한국" as conjoining jamo: two syllables. */
    assert_nfc("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab\xe1\x84\x80\xe1\x85\xae\xe1\x86\xa8", 0,
               "\xed\x95\x9c\xea\xb5\xad", 1);
    /* "क़" (U+0958) is "क" and the nukta in NFC: three bytes become six. */
    assert_nfc("\xe0\xa5\x98x", 0, "\xe0\xa4\x95\xe0\xa4\xbcx", 1);
    /* Bengali "য়" (U+09DF) likewise. */
    assert_nfc("\xe0\xa7\x9f", 0, "\xe0\xa6\xaf\xe0\xa6\xbc", 1);
    /* Only the bytes from FROM on: the mark before them is left alone. */
    assert_nfc("e\xcc\x81|e\xcc\x81", 3, "e\xcc\x81|\xc3\xa9", 1);
    /* Bytes that are not UTF-8 are left as they are. */
    assert_nfc("e\xcc\x81\xff", 0, "e\xcc\x81\xff", 0);
}

/* Long text is normalised a piece at a time: a mark where a piece would
 * end stays with its letter, and pieces already in NFC before the first
 * that changes are kept, whatever their script. */
static void nfc_in_pieces(void **state)
{
    (void)state;
    /* "e" and an acute at the 32,768th byte, between two pieces. */
    tw_buf in = { 0 }, want = { 0 };
    assert_int_equal(tw_buf_puts(&in, "e\xcc\x81"), 0);
    assert_int_equal(tw_buf_puts(&want, "\xc3\xa9"), 0);
    for (int i = 0; i < 32764; i++) {
        assert_int_equal(tw_buf_putc(&in, 'a'), 0);
        assert_int_equal(tw_buf_putc(&want, 'a'), 0);
    }
    assert_int_equal(in.len, 32767);
    assert_int_equal(tw_buf_puts(&in, "e\xcc\x81z"), 0);
    assert_int_equal(tw_buf_puts(&want, "\xc3\xa9z"), 0);
    assert_nfc(in.data, 0, want.data, 1);
    /* 100,000 bytes of Russian in NFC, then "й" decomposed (и, U+0306). */
    tw_buf_clear(&in);
    tw_buf_clear(&want);
    for (int i = 0; i < 12500; i++) {
        assert_int_equal(tw_buf_puts(&in, "\xd0\x9a\xd0\xb8\xd1\x82\xd0\xb0"), 0);
        assert_int_equal(tw_buf_puts(&want, "\xd0\x9a\xd0\xb8\xd1\x82\xd0\xb0"), 0);
    }
    assert_int_equal(tw_buf_puts(&in, "\xd0\xb8\xcc\x86."), 0);
    assert_int_equal(tw_buf_puts(&want, "\xd0\xb9."), 0);
    assert_nfc(in.data, 0, want.data, 1);
    /* ...and without it, untouched. */
    in.len -= 5;
    in.data[in.len] = '\0';
    assert_nfc(in.data, 0, in.data, 0);
    tw_buf_free(&in);
    tw_buf_free(&want);
}

/* A field is cleaned into NFC: its words are indexed and shown as one
 * spelling, however the page wrote them. */
static void clean_composes(void **state)
{
    (void)state;
    tw_buf b = { 0 };
    const char *title = "  e\xcc\x81lection\xc2\xa0 ";
    assert_int_equal(tw_clean(&b, title, strlen(title), true), 0);
    assert_string_equal(b.data, "\xc3\xa9lection");
    tw_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(acronym_plurals),
        cmocka_unit_test(utf8_validation),
        cmocka_unit_test(closers),
        cmocka_unit_test(charset_repair),
        cmocka_unit_test(charset_guessed),
        cmocka_unit_test(declared_charset),
        cmocka_unit_test(clean_one_line),
        cmocka_unit_test(clean_body),
        cmocka_unit_test(sniff_binary),
        cmocka_unit_test(key_terms),
        cmocka_unit_test(site_keys),
        cmocka_unit_test(url_site_keys),
        cmocka_unit_test(absolute_urls),
        cmocka_unit_test(buf_failed_is_sticky),
        cmocka_unit_test(nfc_forms),
        cmocka_unit_test(nfc_in_pieces),
        cmocka_unit_test(clean_composes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
