/* Unit tests: the spelling blocks built whole (common/spell_blocks_xapian.h)
 * are the same, byte for byte, whether one thread packs them or several,
 * across the batches the writer takes them in, and the words are found in
 * them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <map>
#include <string>
#include <vector>
extern "C" {
#include <cmocka.h>
#include "schema.h"
}
#include "scratch.h"

#include "spell_blocks_xapian.h"

/* A vocabulary whose words start with 26 x 26 x 13 different first three
 * letters, in a new index NAME in the scratch folder: its blocks (named by
 * their keys' first three bytes) are many more than a batch of them
 * (4,096), and the last batch is part full. */
static Xapian::WritableDatabase vocabulary(const char *name)
{
    Xapian::WritableDatabase db(std::string(dir) + "/" + name, Xapian::DB_CREATE);
    Xapian::Document doc;
    for (char a = 'a'; a <= 'z'; a++)
        for (char b = 'a'; b <= 'z'; b++)
            for (char c = 'a'; c <= 'm'; c++)
                doc.add_term(std::string{ a, b, c } + "ulation");
    db.add_document(doc);
    return db;
}

static std::map<std::string, std::string> blocks_of(const Xapian::Database &db)
{
    std::map<std::string, std::string> blocks;
    for (Xapian::TermIterator k = db.metadata_keys_begin(TW_META_SPELL_BLOCK);
         k != db.metadata_keys_end(TW_META_SPELL_BLOCK); ++k)
        blocks[*k] = db.get_metadata(*k);
    return blocks;
}

static void threads_pack_the_same_blocks(void **state)
{
    (void)state;
    Xapian::WritableDatabase alone = vocabulary("alone"), shared = vocabulary("shared");
    tw_spell_build(alone, 1);
    tw_spell_build(shared, 3);
    std::map<std::string, std::string> one = blocks_of(alone), three = blocks_of(shared);
    assert_true(one.size() > 2 * 4096);
    assert_int_equal(one.size(), three.size());
    size_t differ = 0;
    for (const auto &b : one)
        differ += three[b.first] != b.second;
    assert_int_equal(differ, 0);
    assert_true(tw_spell_ready(shared));
    /* A typo's keys lead to its word, in the first batch and in the last. */
    for (const char *typo : { "abculatoin", "zzmulatoin" }) {
        std::vector<std::string> words;
        unsigned long read = 0;
        tw_spell_lookup(shared, typo, &words, &read);
        std::string want = std::string(typo, 3) + "ulation";
        bool found = false;
        for (const std::string &w : words)
            found |= w == want;
        assert_true(found);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(threads_pack_the_same_blocks),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_remove);
}
