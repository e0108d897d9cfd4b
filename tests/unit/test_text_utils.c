/* Unit tests: UTF-8, charset repair, field cleaning, binary sniffing, key terms,
 * site keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "formats/charset.h"
#include "formats/clean.h"
#include "keyterm.h"
#include "schema.h"
#include "formats/sniff.h"
#include "url.h"
#include "utf8.h"

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

static void assert_site(const char *in, const char *want)
{
    tw_buf b = { 0 };
    assert_int_equal(tw_site_key(in, &b), 0);
    assert_string_equal(b.data ? b.data : "", want);
    tw_buf_free(&b);
}

static void site_keys(void **state)
{
    (void)state;
    assert_site("https://WWW.Ledger.example:8080/news?id=1", "ledger.example");
    assert_site("ledger.example", "ledger.example");
    assert_site("www.Ledger.Example/", "ledger.example");
    assert_site("The  Ledger", "the ledger");
    assert_site("  Northstar\tNews ", "northstar news");
    assert_site("Reuters", "reuters");
    assert_site("", "");
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_validation),
        cmocka_unit_test(charset_repair),
        cmocka_unit_test(declared_charset),
        cmocka_unit_test(clean_one_line),
        cmocka_unit_test(clean_body),
        cmocka_unit_test(sniff_binary),
        cmocka_unit_test(key_terms),
        cmocka_unit_test(site_keys),
        cmocka_unit_test(buf_failed_is_sticky),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
