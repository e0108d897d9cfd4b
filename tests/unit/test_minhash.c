/* Unit tests: MinHash signatures tell near-copies of a story from other text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "store/minhash.h"

static const char story[] =
    "A coordinated crackdown on human trafficking spanning a dozen states has ended "
    "with 102 people under arrest and 47 victims freed, the attorney general announced "
    "on Friday. The effort was directed by the attorney general's office working "
    "alongside counterparts in 11 other states. Investigators spent months building "
    "cases before the arrests were made, according to the office. Undercover officers "
    "took on the role of victims, which let them find both buyers and traffickers.";

/* The same story as a syndicating site prints it: a new first sentence, a word
 * changed here and there, different case and punctuation. */
static const char copy[] =
    "A COORDINATED crackdown on human trafficking across a dozen states has ended "
    "with 102 people under arrest and 47 victims freed; the attorney general announced "
    "it on Friday. The effort was directed by the attorney general's office working "
    "alongside counterparts in 11 other states. Investigators spent months building "
    "cases before the arrests were made, according to the office. Undercover officers "
    "took on the role of victims, which let them find both buyers and traffickers.";

static const char other[] =
    "The city council voted on Tuesday to raise parking fees in the town centre for "
    "the first time in a decade, saying the money would pay for new cycle lanes and "
    "for repairs to the multi-storey car park beside the market hall. Shop owners "
    "warned that fewer visitors would come, while the council said a study showed "
    "most shoppers arrive on foot or by bus and would not be affected at all.";

/* The signature of TEXT into *M, failing the test when it has none. */
static void sign(const char *text, tw_minhash *m)
{
    assert_true(tw_minhash_compute(text, strlen(text), m));
}

/* Asserts that texts A and B have one signature: the same words. */
static void assert_same_words(const char *a, const char *b)
{
    tw_minhash x, y;
    sign(a, &x);
    sign(b, &y);
    assert_true(tw_minhash_similarity(&x, &y) == 1.0);
}

/* FIRST and APART are alike enough in their words to be one story, yet
 * are not (the words that part them say so); FIRST and COPIED are one
 * story, either way round. */
static void assert_parted_but_copied(const char *first, const char *apart, const char *copied)
{
    tw_minhash a, b, c;
    sign(first, &a);
    sign(apart, &b);
    sign(copied, &c);
    assert_true(tw_minhash_similarity(&a, &b) >= TW_MINHASH_SAME_STORY);
    assert_false(tw_minhash_same_story(&a, &b));
    assert_true(tw_minhash_same_story(&a, &c));
    assert_true(tw_minhash_same_story(&c, &a));
}

static void near_copies_are_one_story(void **state)
{
    (void)state;
    tw_minhash a, b, c;
    sign(story, &a);
    sign(copy, &b);
    sign(other, &c);
    assert_true(tw_minhash_similarity(&a, &b) >= TW_MINHASH_SAME_STORY);
    assert_true(tw_minhash_similarity(&a, &c) < 0.2);
    /* Case and punctuation do not matter: the same words, the same signature. */
    static const char loud[] = "a coordinated CRACKDOWN, on human trafficking spanning "
                                "a dozen states -- has ended with 102 people under arrest";
    static const char plain[] = "A coordinated crackdown on human trafficking spanning "
                                "a dozen states has ended with 102 people under arrest";
    assert_same_words(loud, plain);
    /* Nor do typographic quotes, apostrophes, dashes and spaces, nor the
     * case of letters outside ASCII. */
    static const char wire[] = "\"We can't wait,\" the ETAT-owned firm said - and "
                               "its chief, Elodie Duval of Orleans, agreed with the board";
    static const char site[] = "\u201cWe can\u2019t wait,\u201d the ETAT-owned firm "
                               "said\u2014and its chief, Elodie\u00a0Duval of Orleans, "
                               "agreed with the board";
    static const char upper[] = "\u00c9LODIE \u00c9T\u00c9 \u00c0 ORL\u00c9ANS, the "
                                "people of the town and the board all agreed on it";
    static const char lower[] = "\u00e9lodie \u00e9t\u00e9 \u00e0 orl\u00e9ans, the "
                                "people of the town and the board all agreed on it";
    assert_same_words(wire, site);
    assert_same_words(upper, lower);
}

static void bands_match_for_copies(void **state)
{
    (void)state;
    tw_minhash a, b, c;
    tw_minhash_compute(story, strlen(story), &a);
    tw_minhash_compute(copy, strlen(copy), &b);
    tw_minhash_compute(other, strlen(other), &c);
    int shared = 0, shared_other = 0;
    for (unsigned k = 0; k < TW_MINHASH_BANDS; k++) {
        char x[9], y[9], z[9];
        tw_minhash_band(&a, k, x);
        tw_minhash_band(&b, k, y);
        tw_minhash_band(&c, k, z);
        assert_int_equal(strlen(x), 8);
        shared += strcmp(x, y) == 0;
        shared_other += strcmp(x, z) == 0;
    }
    assert_true(shared >= 1);
    assert_int_equal(shared_other, 0);
}

static void short_texts_have_no_signature(void **state)
{
    (void)state;
    tw_minhash m;
    assert_false(tw_minhash_compute("", 0, &m));
    assert_false(tw_minhash_compute("Shares rose 3 pct in early trading.", 35, &m));
}

/* A daily notice filled in anew: the same words, two figures changed on each
 * side (the rate, the amount), is the next day's report, not a copy; one
 * changed on each side (a re-sent story's dateline) is still a copy. */
static void new_figures_are_a_new_report(void **state)
{
    (void)state;
    static const char monday[] =
        "NEW YORK, March 19 - The Federal Reserve entered the government securities "
        "market to arrange 1.5 billion dlrs of customer repurchase agreements, a Fed "
        "spokesman said. Dealers said Federal funds were trading at 6-1/8 pct when the "
        "Fed began its temporary and indirect supply of reserves to the banking system. "
        "The operation was routine, dealers said, and the Fed gave no sign that it "
        "meant to change the course of its policy on interest rates or on the supply "
        "of money to banks in the weeks ahead.";
    static const char tuesday[] =
        "NEW YORK, March 20 - The Federal Reserve entered the government securities "
        "market to arrange 2.5 billion dlrs of customer repurchase agreements, a Fed "
        "spokesman said. Dealers said Federal funds were trading at 6-1/16 pct when the "
        "Fed began its temporary and indirect supply of reserves to the banking system. "
        "The operation was routine, dealers said, and the Fed gave no sign that it "
        "meant to change the course of its policy on interest rates or on the supply "
        "of money to banks in the weeks ahead.";
    static const char resent[] =
        "NEW YORK, March 20 - The Federal Reserve entered the government securities "
        "market to arrange 1.5 billion dlrs of customer repurchase agreements, a Fed "
        "spokesman said. Dealers said Federal funds were trading at 6-1/8 pct when the "
        "Fed began its temporary and indirect supply of reserves to the banking system. "
        "The operation was routine, dealers said, and the Fed gave no sign that it "
        "meant to change the course of its policy on interest rates or on the supply "
        "of money to banks in the weeks ahead.";
    assert_parted_but_copied(monday, tuesday, resent);
    /* "1,200" and "1.200" are one figure: a site's way of writing numbers
     * does not part its copy from the wire's. */
    tw_minhash d, e;
    static const char comma[] = "Output rose to 1,200 tonnes and 3,400 tonnes, the "
                                "company said in a statement on its mines in the north";
    static const char point[] = "Output rose to 1.200 tonnes and 3.400 tonnes, the "
                                "company said in a statement on its mines in the north";
    sign(comma, &d);
    sign(point, &e);
    assert_memory_equal(d.figures, e.figures, sizeof d.figures);
}

/* Sixty words, numbered: the text, its first forty (a copy cut short by a
 * third, 0.66 alike), its first twenty-five, and a digest of two such texts
 * of thirty words each. */
static void numbered(char *out, size_t size, const char *word, int from, int to)
{
    size_t n = strlen(out);
    for (int i = from; i < to && n + 32 < size; i++)
        n += (size_t)snprintf(out + n, size - n, "%s%c%c ", word, 'a' + i / 26, 'a' + i % 26);
}

static void a_copy_cut_short_is_the_story(void **state)
{
    (void)state;
    char whole[4096] = "", cut[4096] = "", stub[4096] = "", digest[4096] = "", half[4096] = "";
    numbered(whole, sizeof whole, "word", 0, 60);
    numbered(cut, sizeof cut, "word", 0, 40);
    numbered(stub, sizeof stub, "word", 0, 25);
    numbered(half, sizeof half, "word", 0, 30);
    numbered(digest, sizeof digest, "word", 0, 30);
    numbered(digest, sizeof digest, "other", 0, 30);
    tw_minhash w, c, s, d, h;
    sign(whole, &w);
    sign(cut, &c);
    sign(stub, &s);
    sign(digest, &d);
    sign(half, &h);
    assert_true(tw_minhash_similarity(&w, &c) < TW_MINHASH_SAME_STORY);
    assert_true(tw_minhash_same_story(&w, &c));
    assert_true(tw_minhash_same_story(&c, &w));
    /* Cut by more than 40%, it is a summary of the story, not a copy. */
    assert_false(tw_minhash_same_story(&w, &s));
    /* A digest is not either of its halves. */
    assert_false(tw_minhash_same_story(&d, &h));
}

/* Two releases of one company, a paragraph of news each above the same
 * long disclaimer, are alike in most of their words, not in their leads;
 * the story with a byline before it still begins as the story does. */
static void copies_begin_alike(void **state)
{
    (void)state;
    char disclaimer[4096] = "", first[8192], second[8192], bylined[16384];
    numbered(disclaimer, sizeof disclaimer, "caution", 0, 150);
    snprintf(first, sizeof first, "The company opened its new wind farm off the coast on "
             "Monday, which will supply power to the towns along the bay. %s", disclaimer);
    snprintf(second, sizeof second, "The company named a former banker as its finance chief "
             "on Wednesday, replacing the executive who left in January. %s", disclaimer);
    snprintf(bylined, sizeof bylined, "By a staff writer of the Herald. %s", first);
    assert_parted_but_copied(first, second, bylined);
}

static void encode_round_trip(void **state)
{
    (void)state;
    tw_minhash a, back;
    tw_minhash_compute(story, strlen(story), &a);
    unsigned char bytes[TW_MINHASH_BYTES];
    size_t len = tw_minhash_encode(&a, bytes);
    assert_int_equal(len, TW_MINHASH_HEAD_BYTES + 2 * TW_MINHASH_OPENING + 4 * a.sketch_len);
    assert_true(tw_minhash_decode(bytes, len, &back));
    assert_memory_equal(a.v, back.v, sizeof a.v);
    assert_memory_equal(a.figures, back.figures, sizeof a.figures);
    assert_int_equal(a.sketch_len, back.sketch_len);
    assert_int_equal(a.shingles, back.shingles);
    assert_memory_equal(a.opening, back.opening, sizeof a.opening);
    assert_memory_equal(a.sketch, back.sketch, a.sketch_len * sizeof a.sketch[0]);
    assert_false(tw_minhash_decode(bytes, len - 1, &back));
    assert_false(tw_minhash_decode(bytes, TW_MINHASH_HEAD_BYTES - 4, &back));
    /* An older index's value, the entries alone: read as a text that states
     * no figure, which no figure parts from another, measured by its
     * entries. */
    assert_true(tw_minhash_decode(bytes, TW_MINHASH_N * 4, &back));
    assert_memory_equal(a.v, back.v, sizeof a.v);
    tw_minhash none = { .figures = { 0 } };
    assert_memory_equal(back.figures, none.figures, sizeof none.figures);
    assert_int_equal(back.sketch_len, 0);
    assert_int_equal(back.shingles, 0);
    assert_true(tw_minhash_similarity(&a, &back) == 1.0);
    /* A short text: an opening as long as it, and its sketch. */
    char brief[512] = "";
    numbered(brief, sizeof brief, "word", 0, 20);
    tw_minhash s, s_back;
    sign(brief, &s);
    len = tw_minhash_encode(&s, bytes);
    assert_int_equal(len, TW_MINHASH_HEAD_BYTES + 2 * 18 + 4 * 18);
    assert_true(tw_minhash_decode(bytes, len, &s_back));
    assert_memory_equal(s.opening, s_back.opening, 18 * sizeof s.opening[0]);
    assert_memory_equal(s.sketch, s_back.sketch, 18 * sizeof s.sketch[0]);
    assert_false(tw_minhash_decode(bytes, len - 2, &s_back));
}

/* Twenty words, and the same with the tenth changed: 18 shingles each, 15
 * of them shared, 21 in all.  Two short texts' similarity is exact, where
 * the share of 32 equal entries was off by 0.1 as often as not. */
static void short_texts_are_measured_exactly(void **state)
{
    (void)state;
    static const char a[] = "one two three four five six seven eight nine ten "
                            "eleven twelve thirteen fourteen fifteen sixteen seventeen "
                            "eighteen nineteen twenty";
    static const char b[] = "one two three four five six seven eight nine tenth "
                            "eleven twelve thirteen fourteen fifteen sixteen seventeen "
                            "eighteen nineteen twenty";
    tw_minhash x, y;
    sign(a, &x);
    sign(b, &y);
    assert_int_equal(x.sketch_len, 18);
    assert_int_equal(y.sketch_len, 18);
    assert_float_equal(tw_minhash_similarity(&x, &y), 15.0 / 21.0, 1e-9);
    /* A longer text keeps no sketch: it is measured by its entries. */
    tw_minhash z;
    sign(story, &z);
    assert_int_equal(z.sketch_len, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(near_copies_are_one_story),
        cmocka_unit_test(bands_match_for_copies),
        cmocka_unit_test(short_texts_have_no_signature),
        cmocka_unit_test(new_figures_are_a_new_report),
        cmocka_unit_test(short_texts_are_measured_exactly),
        cmocka_unit_test(a_copy_cut_short_is_the_story),
        cmocka_unit_test(copies_begin_alike),
        cmocka_unit_test(encode_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
