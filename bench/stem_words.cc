// stem_words.cc - Xapian's Snowball stems, for bench/lang_known_item.py: reads
// lines "LANG<TAB>WORD" (LANG an ISO 639-1 code) and prints each word's stem
// in that language, or an empty line when Xapian has no stemmer for it.
#include <iostream>
#include <map>
#include <string>
#include <xapian.h>

int main()
{
    std::map<std::string, Xapian::Stem> stems;
    std::string line;
    while (std::getline(std::cin, line)) {
        size_t tab = line.find('\t');
        std::string lang = line.substr(0, tab), word = tab == std::string::npos ? "" : line.substr(tab + 1);
        auto s = stems.find(lang);
        if (s == stems.end()) {
            Xapian::Stem stem;
            try {
                stem = Xapian::Stem(lang);
            } catch (const Xapian::InvalidArgumentError &) {
                // none for this language: empty lines
            }
            s = stems.emplace(lang, stem).first;
        }
        std::cout << (s->second.is_none() ? std::string() : s->second(word)) << '\n';
    }
    return 0;
}
