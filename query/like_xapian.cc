/* like_xapian.cc - the query of the articles like one. */
#include "like_xapian.h"

#include <algorithm>
#include <cmath>
#include <vector>

extern "C" {
#include "schema.h"
}
#include "kept_answers_xapian.h"
#include "store/stories_xapian.h"
#include "topic_words_xapian.h"

namespace {
struct Telling {
    std::string term;
    double weight;
};
}

/* Articles read when looking for DOC's copies in the other members of a
 * union: those sharing most of its bands first; a story's copies share
 * nearly all, and a story has rarely this many. */
static const Xapian::doccount COPIES_READ = 32;

/* The id terms of the copies of DOC's story (the articles the indexer
 * would have linked to it, tw_story_pair) that DB's union holds: in the
 * other members, its index's story key does not join them, and the first
 * articles like it were the same story from another shard. */
static std::vector<std::string> story_copies(const trawl_db *db, const Xapian::Document &doc)
{
    std::vector<std::string> ids;
    TwSigned seed;
    if (db->live.size() < 2 || !tw_story_signed(doc, seed))
        return ids;
    std::vector<std::string> bands = tw_story_bands(doc.get_value(TW_SLOT_SIG));
    Xapian::Enquire enquire(db->db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, bands.begin(), bands.end()));
    enquire.set_weighting_scheme(Xapian::CoordWeight());
    Xapian::MSet near = enquire.get_mset(0, COPIES_READ);
    for (Xapian::MSetIterator m = near.begin(); m != near.end(); ++m) {
        Xapian::Document copy = m.get_document();
        db->search_work.documents++;
        TwSigned other;
        if (!tw_story_signed(copy, other) || !tw_story_pair(seed, other))
            continue;
        std::string id = tw_story_id_term(copy);
        if (!id.empty())
            ids.push_back(id);
    }
    return ids;
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
    std::vector<Xapian::Query> itself{ Xapian::Query(idterm) };
    std::string story = doc.get_value(TW_SLOT_STORY);
    if (!story.empty())
        itself.emplace_back(Xapian::Query::OP_VALUE_RANGE, TW_SLOT_STORY, story, story);
    for (const std::string &copy : story_copies(db, doc))
        itself.emplace_back(copy);
    return Xapian::Query(Xapian::Query::OP_AND_NOT, like,
                         Xapian::Query(Xapian::Query::OP_OR, itself.begin(), itself.end()));
}
