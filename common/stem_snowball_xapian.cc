/* stem_snowball_xapian.cc - see stem_snowball_xapian.h. */
#include "stem_snowball_xapian.h"

#include <climits>
#include <cstring>
#include <new>
#include <set>
#include <sstream>
#include <libstemmer.h>

/* The languages libstemmer (Snowball 2.2) stems and Xapian 1.4 does not, by
 * the name both libraries give a stemmer and the ISO 639-1 code the
 * indexer gives an article's language (CLD2's).  Croatian and Bosnian are
 * standard forms of the same language as Serbian, in Latin letters, and
 * Snowball's Serbian stemmer was made from a Croatian one; CLD2 tells them
 * apart by the words each spells its own way (Croatian "vijeće", Serbian
 * "veće", council), and took a Bosnian article for Croatian. */
static const struct {
    const char *name, *code;
} added[] = {
    { "greek", "el" },
    { "hindi", "hi" },
    { "serbian", "sr" },
    { "serbian", "hr" },
    { "serbian", "bs" },
    { "yiddish", "yi" },
};

namespace {

/* One libstemmer stemmer, freed with the last Xapian::Stem that holds it
 * (Xapian counts them).  Snowball keeps the word being stemmed in the
 * stemmer, hence one per Xapian::Stem made by tw_stem_of. */
class SnowballStem : public Xapian::StemImplementation {
    sb_stemmer *sb;
    const char *name;

  public:
    explicit SnowballStem(const char *language) : name(language)
    {
        /* The name is one libstemmer has: no stemmer is no memory. */
        sb = sb_stemmer_new(language, "UTF_8");
        if (!sb)
            throw std::bad_alloc();
    }
    ~SnowballStem() override { sb_stemmer_delete(sb); }
    SnowballStem(const SnowballStem &) = delete;
    SnowballStem &operator=(const SnowballStem &) = delete;

    std::string operator()(const std::string &word) override
    {
        /* libstemmer takes a length as an int; no word is that long, but a
         * query may be. */
        if (word.empty() || word.size() > INT_MAX)
            return word;
        const sb_symbol *stem = sb_stemmer_stem(
            sb, reinterpret_cast<const sb_symbol *>(word.data()), int(word.size()));
        if (!stem)
            throw std::bad_alloc();
        return std::string(reinterpret_cast<const char *>(stem),
                           size_t(sb_stemmer_length(sb)));
    }

    /* As Xapian's own describe themselves: Xapian::Stem(greek). */
    std::string get_description() const override { return name; }
};

}

Xapian::Stem tw_stem_of(const std::string &lang)
{
    try {
        return Xapian::Stem(lang);
    } catch (const Xapian::InvalidArgumentError &) {
        for (const auto &a : added)
            if (lang == a.name || lang == a.code)
                return Xapian::Stem(new SnowballStem(a.name));
        throw;
    }
}

std::string tw_stem_languages()
{
    std::set<std::string> names;
    std::istringstream xapians(Xapian::Stem::get_available_languages());
    for (std::string name; xapians >> name;)
        names.insert(name);
    for (const auto &a : added)
        names.insert(a.name);
    std::string all;
    for (const std::string &name : names)
        all.append(all.empty() ? "" : " ").append(name);
    return all;
}
