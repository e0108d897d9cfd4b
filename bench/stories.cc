/* stories.cc - how many near-duplicate stories an index holds, and a sample of
 * them to check by eye (the precision of trawl's folding on real data).
 * Usage: stories INDEX [SAMPLE]   prints the counts, then the three largest
 * stories and SAMPLE more (default 10, spread evenly over the keys) with the
 * id, date and title of each copy. */
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>
#include <xapian.h>

extern "C" {
#include "docdata.h"
#include "schema.h"
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: stories INDEX [SAMPLE]\n");
        return 2;
    }
    size_t sample = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 10;
    try {
        Xapian::Database db(argv[1]);
        std::map<std::string, std::vector<Xapian::docid>> stories;
        for (Xapian::ValueIterator v = db.valuestream_begin(TW_SLOT_STORY);
             v != db.valuestream_end(TW_SLOT_STORY); ++v)
            stories[*v].push_back(v.get_docid());
        size_t copies = 0, biggest = 0;
        for (const auto &s : stories) {
            copies += s.second.size();
            biggest = s.second.size() > biggest ? s.second.size() : biggest;
        }
        size_t signed_docs = 0;
        for (Xapian::ValueIterator v = db.valuestream_begin(TW_SLOT_SIG);
             v != db.valuestream_end(TW_SLOT_SIG); ++v)
            signed_docs++;
        std::printf("articles %u, with a signature %zu; stories with copies %zu, holding "
                    "%zu articles (%zu folded away), largest %zu\n",
                    db.get_doccount(), signed_docs, stories.size(), copies,
                    copies - stories.size(), biggest);
        auto show = [&](const std::string &key, const std::vector<Xapian::docid> &ids) {
            std::printf("\nstory %s (%zu copies)\n", key.c_str(), ids.size());
            for (Xapian::docid d : ids) {
                std::string data = db.get_document(d).get_data();
                tw_slice f[TW_F_COUNT];
                tw_docdata_parse(data.data(), data.size(), f);
                std::printf("  %.*s  %.*s  %.*s\n", (int)f[TW_F_ID].len, f[TW_F_ID].ptr,
                            (int)f[TW_F_DATE].len, f[TW_F_DATE].ptr,
                            (int)f[TW_F_TITLE].len, f[TW_F_TITLE].ptr);
            }
        };
        std::vector<std::pair<size_t, std::string>> by_size;
        for (const auto &s : stories)
            by_size.emplace_back(s.second.size(), s.first);
        std::sort(by_size.rbegin(), by_size.rend());
        for (size_t k = 0; k < 3 && k < by_size.size(); k++)
            show(by_size[k].second, stories[by_size[k].second]);
        size_t step = sample && stories.size() > sample ? stories.size() / sample : 1, i = 0;
        for (const auto &s : stories) {
            if (i++ % step || !sample)
                continue;
            sample--;
            show(s.first, s.second);
        }
        return 0;
    } catch (const Xapian::Error &e) {
        std::fprintf(stderr, "stories: %s\n", e.get_description().c_str());
        return 2;
    }
}
