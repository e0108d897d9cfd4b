/* stem_cache_xapian.cc - a stemmer that remembers its answers. */
#include "stem_cache_xapian.h"

#include <algorithm>
#include <functional>

extern "C" {
#include "sea_words.h"
#include "utf8.h"
}

/* Slots, a power of two: at most 8,192 of 64 bytes (words up to 15 bytes
 * are held in the slot itself), half a megabyte per stemmer.  A table starts
 * with 64 and grows eightfold once it has missed half as many words as it
 * has slots: a search handle has a stemmer for each language of its index
 * and most of them stem a few words a search (making and freeing the full
 * tables of seven was 17% of what trawl-query did for a search of
 * linux-doc), where the indexer's stem thousands, and a handle that serves
 * many searches meets hundreds of words in each language. */
static const size_t FIRST_SLOTS = 64, SLOTS = 1u << 13;

static size_t slot_of(const std::string &word, size_t slots)
{
    return std::hash<std::string>{}(word) & (slots - 1);
}

StemCache::StemCache(const Xapian::Stem &stem, bool index)
    : real(stem), for_index(index)
{
}

bool tw_index_unstemmed(const char *word, size_t len)
{
    uint32_t cp;
    return tw_utf8_starts_cjk(word, len) || (tw_utf8_decode(word, len, &cp) && tw_sea_char(cp));
}

bool tw_index_unstemmed(const std::string &word)
{
    return tw_index_unstemmed(word.data(), word.size());
}

std::string StemCache::operator()(const std::string &word)
{
    if (for_index && tw_index_unstemmed(word))
        return std::string();
    if (slots.size() < SLOTS && misses >= slots.size() / 2)
        grow();
    slot &s = slots[slot_of(word, slots.size())];
    /* Slots start empty: an empty word is stemmed every time, so that an
     * unused slot never answers for it. */
    if (s.word != word || word.empty()) {
        misses++;
        s.stem = real(word);
        s.word = word;
    }
    return s.stem;
}

/* The words held move to the larger table, which would otherwise stem
 * them again. */
void StemCache::grow()
{
    std::vector<slot> larger(slots.empty() ? FIRST_SLOTS : std::min(slots.size() * 8, SLOTS));
    for (slot &s : slots)
        if (!s.word.empty())
            larger[slot_of(s.word, larger.size())] = std::move(s);
    slots.swap(larger);
    misses = 0;
}

std::string StemCache::get_description() const
{
    return "StemCache(" + real.get_description() + ")";
}

Xapian::Stem tw_stem_cached(const Xapian::Stem &stem)
{
    return Xapian::Stem(new StemCache(stem, false));
}

Xapian::Stem tw_stem_for_index(const Xapian::Stem &stem)
{
    return Xapian::Stem(new StemCache(stem, true));
}
