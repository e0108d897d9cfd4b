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

static void near_copies_are_one_story(void **state)
{
    (void)state;
    tw_minhash a, b, c;
    assert_true(tw_minhash_compute(story, strlen(story), &a));
    assert_true(tw_minhash_compute(copy, strlen(copy), &b));
    assert_true(tw_minhash_compute(other, strlen(other), &c));
    assert_true(tw_minhash_similarity(&a, &b) >= TW_MINHASH_SAME_STORY);
    assert_true(tw_minhash_similarity(&a, &c) < 0.2);
    /* Case and punctuation do not matter: the same words, the same signature. */
    static const char loud[] = "a coordinated CRACKDOWN, on human trafficking spanning "
                                "a dozen states -- has ended with 102 people under arrest";
    static const char plain[] = "A coordinated crackdown on human trafficking spanning "
                                "a dozen states has ended with 102 people under arrest";
    tw_minhash d, e;
    assert_true(tw_minhash_compute(loud, strlen(loud), &d));
    assert_true(tw_minhash_compute(plain, strlen(plain), &e));
    assert_true(tw_minhash_similarity(&d, &e) == 1.0);
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

static void encode_round_trip(void **state)
{
    (void)state;
    tw_minhash a, back;
    tw_minhash_compute(story, strlen(story), &a);
    unsigned char bytes[TW_MINHASH_N * 4];
    tw_minhash_encode(&a, bytes);
    assert_true(tw_minhash_decode(bytes, sizeof bytes, &back));
    assert_memory_equal(&a, &back, sizeof a);
    assert_false(tw_minhash_decode(bytes, sizeof bytes - 1, &back));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(near_copies_are_one_story),
        cmocka_unit_test(bands_match_for_copies),
        cmocka_unit_test(short_texts_have_no_signature),
        cmocka_unit_test(encode_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
