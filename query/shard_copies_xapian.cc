/* shard_copies_xapian.cc - copies of a story that different shards hold,
 * folded among the first hits (shard_copies_xapian.h). */
#include "shard_copies_xapian.h"

#include <algorithm>
#include <cmath>
#include <utility>

extern "C" {
#include "docdata.h"
#include "schema.h"
}
#include "hit_docs_xapian.h"
#include "shards_xapian.h"
#include "shown_fields_xapian.h"
#include "story_copies_xapian.h"
#include "store/stories_xapian.h"

/* What folding reads of a hit: its date first, and its signature only once
 * a hit of another member dated near it is met (reading a value is a
 * B-tree look-up, decoding a signature 13,000 instructions). */
struct TwCopyRead {
    size_t member;          /* of the union */
    Xapian::Document doc;
    bool dated;
    double when;            /* its date, in seconds */
    int decoded = 0;        /* 1: in signed_, -1: no signature */
    TwSigned signed_;

    const TwSigned *story_signed()
    {
        if (!decoded) {
            std::string sig = doc.get_value(TW_SLOT_SIG);
            signed_.date = dated ? Xapian::sortable_serialise(when) : std::string();
            decoded = tw_minhash_decode(sig.data(), sig.size(), &signed_.sig) ? 1 : -1;
        }
        return decoded > 0 ? &signed_ : nullptr;
    }
};

/* What folding reads of HIT, of DB's union of N members. */
static std::shared_ptr<TwCopyRead> read_copy(const trawl_db *db, TwRanked &hit, size_t n)
{
    db->search_work.documents += !hit.doc;
    std::shared_ptr<TwCopyRead> r = std::make_shared<TwCopyRead>();
    r->member = tw_union_member(hit.did, n);
    r->doc = tw_hit_document(db->db, hit);
    std::string date = r->doc.get_value(TW_SLOT_DATE);
    r->dated = !date.empty();
    r->when = r->dated ? Xapian::sortable_unserialise(date) : 0;
    return r;
}

/* Whether A and B, of different members, are copies of one story. */
static bool same_story(TwCopyRead &a, TwCopyRead &b)
{
    if (a.member == b.member ||
        (a.dated && b.dated && std::fabs(a.when - b.when) > TW_STORY_SECONDS))
        return false;
    const TwSigned *x = a.story_signed(), *y = b.story_signed();
    return x && y && tw_story_pair(*x, *y);
}

void tw_fold_shard_copies(const trawl_db *db, std::vector<TwRanked> &ranked, size_t want,
                          TwShardCopies &copies)
{
    size_t n = db->db.size();
    if (n < 2)
        return;
    std::vector<TwCopyRead *> standing;
    /* The hits still wanted are read at once (from remote shards side by
     * side); a copy folded brings one more. */
    size_t read_to = 0;
    for (size_t i = 0; i < ranked.size() && i < want;) {
        if (i >= read_to) {
            read_to = std::min(ranked.size(), want);
            tw_hit_docs_read(db, ranked, i, read_to);
            for (size_t k = i; k < read_to; k++) {
                std::shared_ptr<TwCopyRead> &r = copies.read[ranked[k].did];
                if (!r)
                    r = read_copy(db, ranked[k], n);
            }
        }
        TwCopyRead *r = copies.read[ranked[i].did].get();
        size_t into = standing.size();
        for (size_t j = 0; j < standing.size(); j++)
            if (same_story(*standing[j], *r)) {
                into = j;
                break;
            }
        if (into == standing.size()) {
            standing.push_back(r);
            i++;
            continue;
        }
        copies.folded[ranked[into].at].push_back(std::move(ranked[i]));
        ranked.erase(ranked.begin() + (std::ptrdiff_t)i);
        read_to--;
    }
}

/* The hash of HIT, one of DB's. */
static std::string hash_of(const trawl_db *db, TwRanked &hit)
{
    db->search_work.documents += !hit.doc;
    return tw_hit_document(db->db, hit).get_value(TW_SLOT_HASH);
}

void tw_shard_copies_first(const trawl_db *db, std::vector<TwRanked> &ranked, size_t from,
                           size_t to, TwShardCopies &copies,
                           const std::function<void(std::vector<TwRanked> &)> &shown)
{
    for (size_t i = from; i < to && i < ranked.size(); i++) {
        auto in = copies.folded.find(ranked[i].at);
        if (in == copies.folded.end())
            continue;
        std::vector<TwRanked> folded = std::move(in->second);
        copies.folded.erase(in);
        shown(folded);
        for (TwRanked &f : folded)
            if (f.weight == ranked[i].weight && hash_of(db, f) < hash_of(db, ranked[i]))
                std::swap(f, ranked[i]);
        copies.folded[ranked[i].at] = std::move(folded);
    }
}

void tw_shard_copies_ids(const trawl_db *db, const Xapian::MSet &mset,
                         std::vector<TwRanked> &folded, std::vector<std::string> &ids,
                         size_t *all)
{
    for (TwRanked &hit : folded) {
        std::string data;
        tw_slice fields[TW_F_COUNT];
        db->search_work.documents += !hit.doc;
        tw_shown_fields(tw_hit_document(db->db, hit), false, data, fields);
        ids.emplace_back(fields[TW_F_ID].ptr ? fields[TW_F_ID].ptr : "", fields[TW_F_ID].len);
        ++*all;
        std::string key = mset[hit.at].get_collapse_key();
        if (!key.empty()) {
            size_t more = 0;
            for (std::string &id : tw_story_copies(db, key, hit, &more))
                ids.push_back(std::move(id));
            *all += more;
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.size() > TW_DUPLICATES_MAX)
        ids.resize(TW_DUPLICATES_MAX);
}
