/* stem_cache_xapian.cc - a stemmer that remembers its answers. */
#include "stem_cache_xapian.h"

/* Words remembered at most; then the table starts again, so that a
 * long-lived handle's memory stays bounded (a few MB). */
static const size_t MAX_WORDS = 50000;

std::string StemCache::operator()(const std::string &word)
{
    auto it = known.find(word);
    if (it != known.end())
        return it->second;
    if (known.size() >= MAX_WORDS)
        known.clear();
    std::string stem = real(word);
    known.emplace(word, stem);
    return stem;
}

std::string StemCache::get_description() const
{
    return "StemCache(" + real.get_description() + ")";
}

Xapian::Stem tw_stem_cached(const Xapian::Stem &stem)
{
    return Xapian::Stem(new StemCache(stem));
}
