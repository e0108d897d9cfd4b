/* Unit tests: which numbers the writer indexes a second time in their plain
 * form (common/numbers_xapian.h), so that "1500", "1,500" and German
 * "1.500" find each other, and which runs of digits and separators are
 * left to the term generator as they were; and which numbers spaced into
 * groups ("15 000") it indexes joined too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string>
extern "C" {
#include <cmocka.h>
}

#include "numbers_xapian.h"

/* WORD's plain form, or "-" when it has none of its own. */
static std::string plain(const char *word)
{
    std::string p;
    return tw_number_plain(word, p) ? p : "-";
}

static void groups_thousands(void **state)
{
    (void)state;
    assert_string_equal(plain("1,500").c_str(), "1500");
    assert_string_equal(plain("1.500").c_str(), "1500");
    assert_string_equal(plain("12,345,678").c_str(), "12345678");
    assert_string_equal(plain("2.750.000").c_str(), "2750000");
}

static void marks_decimals(void **state)
{
    (void)state;
    assert_string_equal(plain("3,5").c_str(), "3.5");
    assert_string_equal(plain("0,125").c_str(), "0.125");
    /* Four digits before it: no thousands. */
    assert_string_equal(plain("1234,567").c_str(), "1234.567");
    assert_string_equal(plain("1,234.5").c_str(), "1234.5");
    assert_string_equal(plain("1.234.567,89").c_str(), "1234567.89");
}

static void leaves_other_words(void **state)
{
    (void)state;
    /* Plain already, versions, addresses, lists, words with letters. */
    assert_string_equal(plain("3.5").c_str(), "-");
    assert_string_equal(plain("1500").c_str(), "-");
    assert_string_equal(plain("2.6.1").c_str(), "-");
    assert_string_equal(plain("192.168.0.1").c_str(), "-");
    assert_string_equal(plain("3,5,7").c_str(), "-");
    assert_string_equal(plain("1,5.3").c_str(), "-");
    assert_string_equal(plain("1.5bn").c_str(), "-");
    assert_string_equal(plain("g7").c_str(), "-");
    assert_string_equal(plain("").c_str(), "-");
}

/* The spaced numbers of TEXT (tw_next_spaced_number), each as its digits
 * and its bytes, "|" after each: what the writer joins. */
static std::string spaced(const char *text)
{
    std::string t(text), out, digits;
    size_t end;
    for (size_t at = tw_next_spaced_number(t.data(), t.size(), 0, &end, digits); at < t.size();
         at = tw_next_spaced_number(t.data(), t.size(), end, &end, digits))
        out += digits + "=" + t.substr(at, end - at) + "|";
    return out;
}

static void joins_spaced_groups(void **state)
{
    (void)state;
    assert_string_equal(spaced("sold 15 000 tonnes").c_str(), "15000=15 000|");
    /* A no-break space, a narrow no-break space and a thin space. */
    assert_string_equal(spaced("2\xc2\xa0" "500 and 3\xe2\x80\xaf" "250 000 or 7\xe2\x80\x89" "100.")
                            .c_str(),
                        "2500=2\xc2\xa0" "500|3250000=3\xe2\x80\xaf" "250 000|"
                        "7100=7\xe2\x80\x89" "100|");
    assert_string_equal(spaced("1 234 567, then 12 500").c_str(),
                        "1234567=1 234 567|12500=12 500|");
}

static void leaves_other_runs(void **state)
{
    (void)state;
    const char *none[] = {
        "in 1987 200 men",     /* a first group of four digits */
        "0 500 and 05 000",    /* a lone 0, a leading 0 */
        "1.5 000 and x15 000", /* a word goes on before */
        "15 000,50 euros",     /* decimals after: left as the words were */
        "15 0001 or 15 00",    /* a last group not of three digits */
        "choice 1-3 300-600 lbs, 2-3 550/700", /* ranges in tables */
        "15 000th",
    };
    for (const char *text : none)
        assert_string_equal(spaced(text).c_str(), "");
}

/* The terms of DOC as "term:wdf@pos,pos" joined by spaces. */
static std::string terms_of(const Xapian::Document &doc)
{
    std::string out;
    for (Xapian::TermIterator t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        out += (out.empty() ? "" : " ") + *t + ":" + std::to_string(t.get_wdf()) + "@";
        const char *sep = "";
        for (Xapian::PositionIterator p = t.positionlist_begin(); p != t.positionlist_end();
             ++p, sep = ",")
            out += sep + std::to_string(*p);
    }
    return out;
}

/* The writer adds each number's plain spelling beside the text's, with its
 * positions and count, in the text and the title's space; not for a key
 * term, a number with no other spelling, nor a word without a separator. */
static void adds_plain_spellings(void **state)
{
    (void)state;
    Xapian::Document doc;
    doc.add_posting("1,500", 3);
    doc.add_posting("1,500", 9);
    doc.add_posting("S2.750.000", 1);
    doc.add_posting("3.5", 4);
    doc.add_posting("192.168.0.1", 5);
    doc.add_posting("tonnes", 6);
    doc.add_boolean_term("Q1,500");
    tw_add_plain_numbers(doc);
    assert_string_equal(terms_of(doc).c_str(),
                        "1,500:2@3,9 1500:2@3,9 192.168.0.1:1@5 3.5:1@4 Q1,500:0@ "
                        "S2.750.000:1@1 S2750000:1@1 tonnes:1@6");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(groups_thousands),
        cmocka_unit_test(marks_decimals),
        cmocka_unit_test(leaves_other_words),
        cmocka_unit_test(joins_spaced_groups),
        cmocka_unit_test(leaves_other_runs),
        cmocka_unit_test(adds_plain_spellings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
