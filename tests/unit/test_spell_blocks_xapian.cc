/* Unit tests: the spelling blocks built whole (common/spell_blocks_xapian.h)
 * are the same, byte for byte, whether one thread packs them or several,
 * across the batches the writer takes them in, and the words are found in
 * them: a lookup gives every word that shares a key with the typo, and no
 * other, though it puts together only the words of the keys it wants. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <algorithm>
#include <map>
#include <string>
#include <vector>
extern "C" {
#include <cmocka.h>
#include "schema.h"
#include "spell_keys.h"
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

/* The keys of WORD, as strings. */
static std::vector<std::string> keys_of(const std::string &word)
{
    tw_spell_keys k;
    tw_spell_keys_of(word.data(), word.size(), &k);
    std::vector<std::string> keys;
    for (unsigned i = 0; i < k.n; i++)
        keys.emplace_back(k.key[i], k.len[i]);
    return keys;
}

static void lookup_gives_the_words_of_its_keys(void **state)
{
    (void)state;
    /* 729 words in the blocks of "abc", "abd", "acd", "bcd" and their like:
     * a lookup's keys fall among many pairs it does not want. */
    Xapian::WritableDatabase db(std::string(dir) + "/keys", Xapian::DB_CREATE);
    Xapian::Document doc;
    std::vector<std::string> vocabulary;
    const char letters[] = "dgx";
    for (char a : std::string(letters))
        for (char b : std::string(letters))
            for (char c : std::string(letters))
                for (char d : std::string(letters))
                    for (char e : std::string(letters))
                        for (char f : std::string(letters)) {
                            std::string w = std::string("abc") + a + b + c + d + e + f;
                            vocabulary.push_back(w);
                            doc.add_term(w);
                        }
    db.add_document(doc);
    tw_spell_build(db, 1);
    for (const char *typo : { "abcdgxdgx", "abdgxdgx", "bacdddd", "abcxxxxzzz", "zzzzzzz" }) {
        std::vector<std::string> typo_keys = keys_of(typo), want, got;
        /* Each pair of a word and one of its keys that the typo has too. */
        for (const std::string &w : vocabulary)
            for (const std::string &k : keys_of(w))
                if (std::find(typo_keys.begin(), typo_keys.end(), k) != typo_keys.end())
                    want.push_back(w);
        unsigned long read = 0;
        tw_spell_lookup(db, typo, &got, &read);
        std::sort(want.begin(), want.end());
        std::sort(got.begin(), got.end());
        assert_true(got == want);
        assert_true(read > 0);
    }
    /* Not nothing: a letter swapped in the prefix, a word of the index. */
    std::vector<std::string> got;
    unsigned long read = 0;
    tw_spell_lookup(db, "abcgdxdgx", &got, &read);
    assert_true(std::find(got.begin(), got.end(), "abcdgxdgx") != got.end());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(threads_pack_the_same_blocks),
        cmocka_unit_test(lookup_gives_the_words_of_its_keys),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_remove);
}
