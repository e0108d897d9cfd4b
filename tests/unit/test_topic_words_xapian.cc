/* Unit tests: the topic words a value holds (common/topic_words_xapian.h)
 * come back as the index's terms -- a stemmed word with its 'Z', a word the
 * index keeps unstemmed (Chinese, Thai) without, every word as written in
 * an unstemmed index -- with their counts and the article's length, as the
 * indexer packed them from the document; a damaged value is none. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string>
#include <vector>
extern "C" {
#include <cmocka.h>
}

#include "topic_words_xapian.h"

/* A document whose terms are those of a stemmed index: "Zharvest" 3 times,
 * "Zwheat" twice, "Zrain" once (below TW_TOPIC_USES), the Chinese "中国"
 * and the Thai "ข้าว" (rice) twice each, unprefixed as the indexer keeps
 * them, and the unstemmed "harvest" 3 times. */
static Xapian::Document stemmed_doc()
{
    Xapian::Document doc;
    doc.add_term("Zharvest", 3);
    doc.add_term("Zwheat", 2);
    doc.add_term("Zrain", 1);
    doc.add_term("\xe4\xb8\xad\xe5\x9b\xbd", 2);
    doc.add_term("\xe0\xb8\x82\xe0\xb9\x89\xe0\xb8\xb2\xe0\xb8\xa7", 2);
    doc.add_term("harvest", 3);
    return doc;
}

static void stemmed_round_trip(void **state)
{
    (void)state;
    Xapian::Document doc = stemmed_doc();
    std::string value = tw_topic_pack(doc, true);
    std::vector<TwTopicWord> packed, unpacked;
    tw_topic_words(doc.termlist_begin(), doc.termlist_end(), true, TW_TOPIC_USES, packed);
    double length = 0;
    assert_true(tw_topic_unpack(value, true, &length, unpacked));
    assert_true(length == 13);
    assert_int_equal(unpacked.size(), 4);
    assert_int_equal(packed.size(), unpacked.size());
    for (size_t i = 0; i < packed.size(); i++) {
        assert_string_equal(unpacked[i].term.c_str(), packed[i].term.c_str());
        assert_int_equal(unpacked[i].wdf, packed[i].wdf);
    }
    assert_string_equal(unpacked[0].term.c_str(), "Zharvest");
    assert_int_equal(unpacked[0].wdf, 3);
    assert_string_equal(unpacked[1].term.c_str(), "Zwheat");
    /* No 'Z' before the words the index holds unstemmed (in term order,
     * Thai's U+0E00 block before Chinese). */
    assert_string_equal(unpacked[2].term.c_str(),
                        "\xe0\xb8\x82\xe0\xb9\x89\xe0\xb8\xb2\xe0\xb8\xa7");
    assert_string_equal(unpacked[3].term.c_str(), "\xe4\xb8\xad\xe5\x9b\xbd");
}

static void unstemmed_words_as_written(void **state)
{
    (void)state;
    Xapian::Document doc;
    doc.add_term("harvest", 3);
    doc.add_term("wheat", 2);
    std::vector<TwTopicWord> words;
    double length = 0;
    assert_true(tw_topic_unpack(tw_topic_pack(doc, false), false, &length, words));
    assert_true(length == 5);
    assert_int_equal(words.size(), 2);
    assert_string_equal(words[0].term.c_str(), "harvest");
    assert_string_equal(words[1].term.c_str(), "wheat");
    assert_int_equal(words[1].wdf, 2);
}

static void damaged_values_are_none(void **state)
{
    (void)state;
    std::vector<TwTopicWord> words;
    double length = 0;
    const std::string bad[] = {
        "",
        "l",                                      /* too long to be read */
        "w12",                                    /* no space after the length */
        std::string("w12 \x03harvest", 12),       /* no NUL after the word */
        std::string("w12 \x03\0", 6),             /* an empty word */
        std::string("w12 \x01harvest\0", 13),     /* a count below two */
    };
    for (const std::string &v : bad)
        assert_false(tw_topic_unpack(v, true, &length, words));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stemmed_round_trip),
        cmocka_unit_test(unstemmed_words_as_written),
        cmocka_unit_test(damaged_values_are_none),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
