/* kept_answers_xapian.cc - the answers about terms and metadata a handle
 * keeps until its shards move to a new revision. */
#include <map>
#include <string>
#include <vector>
#include <xapian.h>

extern "C" {
#include "schema.h"
}
#include "kept_answers_xapian.h"
#include "accents_xapian.h"

void tw_db_forget(trawl_db *db)
{
    db->expansions.clear();
    db->term_freqs.clear();
    db->learnt.clear();
}

/* The most terms one match asks the statistics of (tw_term_freqs). */
static const size_t STATS_TERMS_MOST = 256;

/* Makes room in KEPT for N more answers: past TW_KEPT_MAX, all are
 * dropped.  False when N alone is more than it holds: those are not kept. */
template <class Map> static bool room_for(Map &kept, size_t n)
{
    if (kept.size() + n > TW_KEPT_MAX)
        kept.clear();
    return n <= TW_KEPT_MAX;
}

/* Whether TERM's number of articles is known without asking the shards:
 * it is in the accents' space, read whole at open.  Sets *FREQ. */
static bool accents_known(const trawl_db *db, const std::string &term, Xapian::doccount *freq)
{
    if (!db->accents_whole || !tw_is_accents_term(term))
        return false;
    auto a = db->accent_freqs.find(term);
    *freq = a == db->accent_freqs.end() ? 0 : a->second;
    return true;
}

bool tw_db_term_exists(const trawl_db *db, const std::string &term)
{
    Xapian::doccount freq;
    if (accents_known(db, term, &freq))
        return freq != 0;
    auto kept = db->term_freqs.find(term);
    if (kept != db->term_freqs.end())
        return kept->second != 0;
    if (db->unasked) {
        /* Taken to exist, so that the terms asked because of it are
         * gathered too. */
        db->unasked->push_back(term);
        return true;
    }
    room_for(db->term_freqs, 1);
    db->search_work.terms_asked++;
    bool exists = db->db.term_exists(term);
    db->term_freqs[term] = exists ? TW_TERM_UNCOUNTED : 0;
    return exists;
}

std::vector<Xapian::doccount> tw_db_term_freqs(const trawl_db *db,
                                               const std::vector<std::string> &terms)
{
    std::vector<Xapian::doccount> freqs(terms.size());
    std::vector<std::string> unasked;
    std::vector<size_t> places;
    for (size_t i = 0; i < terms.size(); i++) {
        if (accents_known(db, terms[i], &freqs[i]))
            continue;
        auto kept = db->term_freqs.find(terms[i]);
        if (kept != db->term_freqs.end() && kept->second != TW_TERM_UNCOUNTED) {
            freqs[i] = kept->second;
        } else {
            unasked.push_back(terms[i]);
            places.push_back(i);
        }
    }
    bool remote = tw_shards_remote(db);
    std::vector<Xapian::doccount> asked = tw_term_freqs(db->db, remote, unasked);
    if (!remote)
        db->search_work.terms_asked += unasked.size();
    bool keep = room_for(db->term_freqs, unasked.size());
    for (size_t k = 0; k < unasked.size(); k++) {
        freqs[places[k]] = asked[k];
        if (keep)
            db->term_freqs[unasked[k]] = asked[k];
    }
    return freqs;
}

std::vector<Xapian::doccount> tw_term_freqs(const Xapian::Database &db, bool remote,
                                            const std::vector<std::string> &terms)
{
    std::vector<Xapian::doccount> freqs;
    if (!remote || terms.empty()) {
        for (const std::string &t : terms)
            freqs.push_back(db.get_termfreq(t));
        return freqs;
    }
    /* Each term once, and at most STATS_TERMS_MOST a match: Xapian 1.4's
     * match of an OR costs in the square of its terms when many are in no
     * article (2,000 such: 69 ms, 4,000: 275 ms; a 4,000-word query's
     * 12,000 terms 3.1 s on the server, past --shard-timeout at 10,000
     * words), where a match per 256 costs 2 ms and a round trip. */
    std::map<std::string, Xapian::doccount> known;
    for (const std::string &t : terms)
        known.emplace(t, 0);
    Xapian::Enquire enquire(db);
    for (auto from = known.begin(); from != known.end();) {
        std::vector<std::string> part;
        auto to = from;
        for (; to != known.end() && part.size() < STATS_TERMS_MOST; ++to)
            part.push_back(to->first);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, part.begin(), part.end()));
        Xapian::MSet stats = enquire.get_mset(0, 0);
        for (; from != to; ++from)
            from->second = stats.get_termfreq(from->first);
    }
    for (const std::string &t : terms)
        freqs.push_back(known[t]);
    return freqs;
}

const std::string &tw_db_learnt(const trawl_db *db, const std::string &key)
{
    auto kept = db->learnt.find(key);
    if (kept != db->learnt.end())
        return kept->second;
    room_for(db->learnt, 1);
    std::string &value = db->learnt[key];
    for (size_t i : db->live) {
        value = db->shards[i].db.get_metadata(key);
        if (!value.empty())
            break;
    }
    return value;
}

std::string tw_db_site_name(const trawl_db *db, const std::string &key)
{
    return tw_db_learnt(db, TW_META_SITE + key);
}
