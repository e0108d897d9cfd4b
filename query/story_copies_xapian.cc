/* story_copies_xapian.cc - the other copies of a hit's story
 * (story_copies_xapian.h). */
#include "story_copies_xapian.h"

#include <algorithm>
#include <map>
#include <set>

extern "C" {
#include "docdata.h"
#include "schema.h"
}
#include "all_docs_xapian.h"
#include "shown_fields_xapian.h"
#include "store/stories_xapian.h"

/* The other copies of the story with KEY that share a band term with one
 * of FROM, and are not in SEEN (which gets them), by the bands not yet
 * FOLLOWED (which gets them).  The band lists are short, and the story
 * values are read in docid order from their stream, which holds only
 * articles that have copies.  Each band is followed once: exact copies
 * share all their bands, and following each copy's again walked the band
 * lists once per copy (a story of 5,000 copies, 5,000 times 5,000
 * postings a band: --count of its words took 6 s on its own). */
static std::vector<Xapian::docid> band_neighbours(const trawl_db *db, const std::string &key,
                                                  const std::vector<Xapian::docid> &from,
                                                  std::set<Xapian::docid> &seen,
                                                  std::set<std::string> &followed)
{
    const Xapian::Database &d = db->db;
    std::vector<std::string> bands;
    /* An article's band terms are those of its signature, a value: its
     * term list would be read whole for them (on Reuters 66,000
     * instructions an article, against 10,000 for the value and bands). */
    for (Xapian::docid did : from) {
        db->search_work.story_reads++;
        std::string sig = d.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(TW_SLOT_SIG);
        for (std::string &band : tw_story_bands(sig))
            if (followed.insert(band).second)
                bands.push_back(std::move(band));
    }
    if (bands.empty())
        return {};
    std::vector<Xapian::docid> candidates, found;
    db->search_work.band_lists += bands.size();
    for (const std::string &band : bands)
        for (Xapian::PostingIterator p = d.postlist_begin(band); p != d.postlist_end(band); ++p)
            if (!seen.count(*p))
                candidates.push_back(*p);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    Xapian::ValueIterator v = d.valuestream_begin(TW_SLOT_STORY);
    for (Xapian::docid c : candidates) {
        if (v == d.valuestream_end(TW_SLOT_STORY))
            break;
        v.skip_to(c);
        if (v != d.valuestream_end(TW_SLOT_STORY) && v.get_docid() == c && *v == key) {
            seen.insert(c);
            found.push_back(c);
        }
    }
    return found;
}

/* The copies of the story with KEY in local indexes, wave after wave of
 * band neighbours, each with "" for its shown fields (read later). */
static std::map<Xapian::docid, std::string> local_copies(const trawl_db *db,
                                                         const std::string &key,
                                                         Xapian::docid did)
{
    std::set<Xapian::docid> seen = { did };
    std::set<std::string> followed;
    std::vector<Xapian::docid> wave = { did };
    do
        wave = band_neighbours(db, key, wave, seen, followed);
    while (!wave.empty());
    std::map<Xapian::docid, std::string> copies;
    for (Xapian::docid d : seen)
        copies.emplace(d, std::string());
    return copies;
}

/* The same over a remote shard, where each term list, posting list, value
 * stream and document read is a round trip of its own.  An article's band
 * terms are those of its signature (TW_SLOT_SIG), which comes with its
 * document; a match finds the story's articles that have the bands not yet
 * followed (filtered by a value range on the story slot), sending each
 * one's shown fields as its sort key and, by Xapian's ValueCountMatchSpy,
 * the signatures of all it found, whose bands are followed in turn.  A
 * story is mostly one match: its copies mostly share all their bands. */
static std::map<Xapian::docid, std::string> remote_copies(const trawl_db *db,
                                                          const std::string &key,
                                                          TwRanked &hit)
{
    typedef Xapian::Query Q;
    const Xapian::Database &d = db->db;
    db->search_work.documents += !hit.doc;
    const Xapian::Document &doc = tw_hit_document(d, hit);
    std::vector<std::string> bands = tw_story_bands(doc.get_value(TW_SLOT_SIG));
    std::set<std::string> followed;
    std::map<Xapian::docid, std::string> copies;
    while (!bands.empty()) {
        followed.insert(bands.begin(), bands.end());
        db->search_work.band_lists += bands.size();
        Xapian::Enquire enquire(d);
        enquire.set_query(Q(Q::OP_FILTER, Q(Q::OP_OR, bands.begin(), bands.end()),
                            Q(Q::OP_VALUE_RANGE, TW_SLOT_STORY, key, key)));
        tw_weigh_nothing(enquire, true);
        enquire.set_sort_by_value(TW_SLOT_SHOWN, false);
        Xapian::ValueCountMatchSpy signatures(TW_SLOT_SIG);
        enquire.add_matchspy(&signatures);
        Xapian::MSet found = enquire.get_mset(0, d.get_doccount(), d.get_doccount());
        for (Xapian::MSetIterator m = found.begin(); m != found.end(); ++m)
            copies.emplace(*m, m.get_sort_key());
        std::set<std::string> next;
        for (Xapian::TermIterator v = signatures.values_begin(); v != signatures.values_end();
             ++v)
            for (const std::string &band : tw_story_bands(*v))
                if (!followed.count(band))
                    next.insert(band);
        bands.assign(next.begin(), next.end());
    }
    copies.emplace(hit.did, std::string());
    return copies;
}

std::vector<std::string> tw_story_copies(const trawl_db *db, const std::string &key,
                                         TwRanked &hit, size_t *all)
{
    std::map<Xapian::docid, std::string> copies = tw_shards_remote(db)
                                                      ? remote_copies(db, key, hit)
                                                      : local_copies(db, key, hit.did);
    copies.erase(hit.did);
    *all = copies.size();
    std::vector<std::string> ids;
    for (const auto &c : copies) {
        if (ids.size() == TW_DUPLICATES_MAX)
            break;
        /* An index from before the shown fields' value sent none. */
        std::string data = c.second;
        tw_slice fields[TW_F_COUNT];
        if (data.empty()) {
            db->search_work.story_reads++;
            tw_shown_fields(db, db->db.get_document(c.first), c.first, false, data, fields);
        } else {
            tw_docdata_parse(data.data(), data.size(), fields);
        }
        ids.emplace_back(fields[TW_F_ID].ptr ? fields[TW_F_ID].ptr : "", fields[TW_F_ID].len);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}
