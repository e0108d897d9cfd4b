/* stem_cache_xapian.cc - a stemmer that remembers its answers. */
#include "stem_cache_xapian.h"

#include <algorithm>
#include <functional>

extern "C" {
#include "utf8.h"
}

/* Slots, a power of two: at most 8,192 of 64 bytes (words up to 15 bytes
 * are held in the slot itself), half a megabyte per stemmer.  A table starts
 * with 64 and grows eightfold (starting again empty) once it has missed
 * twice as many words as it has slots: a search handle has a stemmer for
 * each language of its index and most of them stem a few words a search
 * (making and freeing the full tables of seven was 17% of what trawl-query
 * did for a search of linux-doc), where the indexer's stem thousands. */
static const size_t FIRST_SLOTS = 64, SLOTS = 1u << 13;

StemCache::StemCache(const Xapian::Stem &stem, bool ngrams)
    : real(stem), ngrams_unstemmed(ngrams)
{
}

std::string StemCache::operator()(const std::string &word)
{
    if (ngrams_unstemmed && tw_utf8_starts_cjk(word.data(), word.size()))
        return std::string();
    if (slots.size() < SLOTS && misses >= 2 * slots.size()) {
        std::vector<slot>(slots.empty() ? FIRST_SLOTS : std::min(slots.size() * 8, SLOTS))
            .swap(slots);
        misses = 0;
    }
    slot &s = slots[std::hash<std::string>{}(word) & (slots.size() - 1)];
    /* Slots start empty: an empty word is stemmed every time, so that an
     * unused slot never answers for it. */
    if (s.word != word || word.empty()) {
        misses++;
        s.stem = real(word);
        s.word = word;
    }
    return s.stem;
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
