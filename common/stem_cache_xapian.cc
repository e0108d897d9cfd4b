/* stem_cache_xapian.cc - a stemmer that remembers its answers. */
#include "stem_cache_xapian.h"

#include <functional>

extern "C" {
#include "utf8.h"
}

/* Slots, a power of two: 8,192 of 64 bytes (words up to 15 bytes are held in
 * the slot itself), half a megabyte per stemmer. */
static const size_t SLOTS = 1u << 13;

StemCache::StemCache(const Xapian::Stem &stem, bool ngrams)
    : real(stem), slots(SLOTS), ngrams_unstemmed(ngrams)
{
}

std::string StemCache::operator()(const std::string &word)
{
    if (ngrams_unstemmed && tw_utf8_starts_cjk(word.data(), word.size()))
        return std::string();
    slot &s = slots[std::hash<std::string>{}(word) & (SLOTS - 1)];
    /* Slots start empty: an empty word is stemmed every time, so that an
     * unused slot never answers for it. */
    if (s.word != word || word.empty()) {
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
