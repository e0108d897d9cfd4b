/* like_xapian.cc - the query of the articles like one. */
#include "like_xapian.h"

#include <algorithm>
#include <cmath>
#include <vector>

extern "C" {
#include "schema.h"
}
#include "kept_answers_xapian.h"
#include "topic_words_xapian.h"

namespace {
struct Telling {
    std::string term;
    double weight;
};
}

Xapian::Query tw_like_query(const trawl_db *db, const Xapian::Document &doc,
                            const std::string &idterm)
{
    /* Its words used once too: a short article repeats few. */
    std::vector<TwTopicWord> words;
    tw_topic_words(doc.termlist_begin(), doc.termlist_end(), db->stemming, 1, words);
    std::vector<std::string> terms;
    for (const TwTopicWord &w : words)
        terms.push_back(w.term);
    std::vector<Xapian::doccount> freqs = tw_db_term_freqs(db, terms);
    double n = db->db.get_doccount();
    std::vector<Telling> telling;
    for (size_t i = 0; i < words.size(); i++) {
        /* A word of this article alone finds no other; one of every
         * article tells none apart. */
        if (freqs[i] < 2 || freqs[i] >= n)
            continue;
        telling.push_back({ words[i].term, words[i].wdf * std::log(n / freqs[i]) });
    }
    std::sort(telling.begin(), telling.end(), [](const Telling &a, const Telling &b) {
        return a.weight > b.weight || (a.weight == b.weight && a.term < b.term);
    });
    if (telling.size() > TW_LIKE_WORDS)
        telling.resize(TW_LIKE_WORDS);
    if (telling.empty())
        return Xapian::Query::MatchNothing;
    std::vector<Xapian::Query> any;
    for (const Telling &t : telling)
        any.emplace_back(t.term);
    Xapian::Query like(Xapian::Query::OP_OR, any.begin(), any.end());
    Xapian::Query itself(idterm);
    std::string story = doc.get_value(TW_SLOT_STORY);
    if (!story.empty())
        itself = Xapian::Query(Xapian::Query::OP_OR, itself,
                               Xapian::Query(Xapian::Query::OP_VALUE_RANGE, TW_SLOT_STORY,
                                             story, story));
    return Xapian::Query(Xapian::Query::OP_AND_NOT, like, itself);
}
