/* shard_copies_xapian.cc - copies of a story that different shards hold,
 * folded among the first hits (shard_copies_xapian.h). */
#include "shard_copies_xapian.h"

#include <algorithm>
#include <cmath>
#include <utility>

extern "C" {
#include "date.h"
#include "docdata.h"
#include "schema.h"
}
#include "hit_docs_xapian.h"
#include "shards_xapian.h"
#include "shown_fields_xapian.h"
#include "story_copies_xapian.h"
#include "ties_xapian.h"
#include "store/stories_xapian.h"

/* What folding reads of a hit: its date first, and its signature only once
 * a hit of another member dated near it is met (reading a value is a
 * B-tree look-up, over a remote shard a round trip for the document;
 * decoding a signature 13,000 instructions). */
struct TwCopyRead {
    Xapian::docid did;
    size_t member;          /* of the union */
    Xapian::Document doc;   /* once read */
    bool have_doc = false;
    std::string sig;        /* TW_SLOT_SIG, once sent (over remote shards) */
    bool have_sig = false;
    bool dated = false;
    double when = 0;        /* its date, in seconds */
    int decoded = 0;        /* 1: in signed_, -1: no signature */
    TwSigned signed_;

    const TwSigned *story_signed(const trawl_db *db)
    {
        if (!decoded) {
            if (!have_sig) {
                db->search_work.documents += !have_doc;
                if (!have_doc)
                    doc = db->db.get_document(did, Xapian::DOC_ASSUME_VALID);
                have_doc = true;
                sig = doc.get_value(TW_SLOT_SIG);
            }
            signed_.date = dated ? Xapian::sortable_serialise(when) : std::string();
            decoded = tw_minhash_decode(sig.data(), sig.size(), &signed_.sig) ? 1 : -1;
        }
        return decoded > 0 ? &signed_ : nullptr;
    }
};

/* What folding reads of HIT, of DB's union of N members: its date from its
 * shown fields where SENT, the match, sent them as its sort key (a remote
 * shard's document would be a round trip), else from its document. */
static std::shared_ptr<TwCopyRead> read_copy(const trawl_db *db, TwRanked &hit, size_t n,
                                             const Xapian::MSet *sent)
{
    std::shared_ptr<TwCopyRead> r = std::make_shared<TwCopyRead>();
    r->did = hit.did;
    r->member = tw_union_member(hit.did, n);
    if (sent && *(*sent)[hit.at] == hit.did) {
        std::string shown = (*sent)[hit.at].get_sort_key();
        tw_slice fields[TW_F_COUNT];
        tw_docdata_parse(shown.data(), shown.size(), fields);
        tw_date d;
        const tw_slice &date = fields[TW_F_DATE];
        r->dated = date.ptr && tw_date_parse(std::string(date.ptr, date.len).c_str(), &d);
        r->when = r->dated ? (double)d.epoch : 0;
        return r;
    }
    db->search_work.documents += !hit.doc;
    r->doc = tw_hit_document(db->db, hit);
    r->have_doc = true;
    std::string date = r->doc.get_value(TW_SLOT_DATE);
    r->dated = !date.empty();
    r->when = r->dated ? Xapian::sortable_unserialise(date) : 0;
    return r;
}

/* The value of SLOT of each of the docids DIDS (sorted, of SHARD), to
 * KEEP(k, value), the value empty where a document has none: the slot's
 * values walked forwards once. */
template <typename Keep>
static void values_streamed(const Xapian::Database &shard, Xapian::valueno slot,
                            const std::vector<std::pair<Xapian::docid, size_t>> &dids, Keep keep)
{
    static const std::string none;
    Xapian::ValueIterator v = shard.valuestream_begin(slot), end = shard.valuestream_end(slot);
    for (const auto &d : dids) {
        if (v != end && v.get_docid() < d.first)
            v.skip_to(d.first);
        keep(d.second, v != end && v.get_docid() == d.first ? *v : none);
    }
}

/* The dates and signatures of the hits of RANKED[FROM, TO) on DB's local
 * shards that COPIES has not read, into COPIES.read: each shard's values
 * walked forwards once, its hits in docid order.  (A value read from each
 * hit's document is a look-up of its own from the root of the values'
 * B-tree: 'oil' over three shards spent 3.7M of its 18.6M instructions on
 * its pool's 306 dates and signatures.)  A signature is read here before
 * it is known to be needed, as it is for most hits of a pool: theirs are
 * dated near one of another shard.  A union whose shards are not one
 * member each is left to read_copy. */
static void local_reads(const trawl_db *db, const std::vector<TwRanked> &ranked, size_t from,
                        size_t to, TwShardCopies &copies)
{
    size_t n = db->db.size();
    if (db->live.size() != n)
        return;
    std::vector<std::vector<std::pair<Xapian::docid, size_t>>> of(n);
    for (size_t k = from; k < to; k++) {
        Xapian::docid did = ranked[k].did;
        size_t m = tw_union_member(did, n);
        if (!db->shards[db->live[m]].port && !copies.read.count(did))
            of[m].emplace_back(tw_member_docid(did, n), k);
    }
    for (size_t m = 0; m < n; m++) {
        if (of[m].empty())
            continue;
        std::sort(of[m].begin(), of[m].end());
        const Xapian::Database &shard = db->shards[db->live[m]].db;
        values_streamed(shard, TW_SLOT_DATE, of[m], [&](size_t k, const std::string &date) {
            std::shared_ptr<TwCopyRead> r = std::make_shared<TwCopyRead>();
            r->did = ranked[k].did;
            r->member = m;
            r->dated = !date.empty();
            r->when = r->dated ? Xapian::sortable_unserialise(date) : 0;
            copies.read[r->did] = std::move(r);
        });
        values_streamed(shard, TW_SLOT_SIG, of[m], [&](size_t k, const std::string &sig) {
            TwCopyRead &r = *copies.read[ranked[k].did];
            r.sig = sig;
            r.have_sig = true;
        });
    }
}

/* The signatures of RANKED[FROM, TO), whose shown fields SENT sent as
 * their sort keys, into READ: sent in turn by a match of their id terms
 * sorted by the signature's value, one exchange with each server where
 * their documents would be one each. */
static void send_signatures(const trawl_db *db, const std::vector<TwRanked> &ranked,
                            size_t from, size_t to, const Xapian::MSet &sent,
                            TwShardCopies &copies)
{
    std::vector<std::string> id_terms;
    std::string term;
    for (size_t k = from; k < to; k++) {
        auto r = copies.read.find(ranked[k].did);
        if ((r == copies.read.end() || !r->second->have_sig) &&
            tw_sent_id_term(sent, ranked[k].at, ranked[k].did, term))
            id_terms.push_back(term);
    }
    for (auto &sent_sig : tw_values_sent(db->db, id_terms, TW_SLOT_SIG)) {
        auto r = copies.read.find(sent_sig.first);
        if (r != copies.read.end() && !r->second->have_sig) {
            r->second->sig = std::move(sent_sig.second);
            r->second->have_sig = true;
        }
    }
}

/* Whether A and B, of different members, are copies of one story. */
static bool same_story(const trawl_db *db, TwCopyRead &a, TwCopyRead &b)
{
    if (a.member == b.member ||
        (a.dated && b.dated && std::fabs(a.when - b.when) > TW_STORY_SECONDS))
        return false;
    const TwSigned *x = a.story_signed(db), *y = b.story_signed(db);
    return x && y && tw_story_pair(*x, *y);
}

void tw_fold_shard_copies(const trawl_db *db, std::vector<TwRanked> &ranked, size_t want,
                          const Xapian::MSet *sent, TwShardCopies &copies, bool group_end)
{
    size_t n = db->db.size();
    if (n < 2)
        return;
    std::vector<TwCopyRead *> standing;
    /* The hits still wanted are read at once (from remote shards side by
     * side); a copy folded brings one more.  What a match sends costs one
     * exchange however many it is: twice as many are asked for, so that a
     * copy folded rarely costs another.  GOAL is WANT, or past it the end
     * of the group of equal score it cuts (GROUP_END). */
    size_t read_to = 0, goal = want, grown = 0;
    for (size_t i = 0; i < ranked.size() && i < goal;) {
        if (i >= read_to) {
            size_t more = goal - i;
            read_to = std::min(ranked.size(), sent ? goal + more : goal);
            /* (Past WANT, the rest of the group at once.) */
            for (size_t e = read_to; grown && e < ranked.size() && e - i < TW_TIES_GROUP_MAX &&
                                     ranked[e].weight == ranked[i].weight;)
                read_to = ++e;
            if (!sent) {
                local_reads(db, ranked, i, read_to, copies);
                tw_hit_docs_read(db, ranked, i, read_to, [&copies](const TwRanked &hit) {
                    return copies.read.count(hit.did) != 0;
                });
            }
            for (size_t k = i; k < read_to; k++) {
                std::shared_ptr<TwCopyRead> &r = copies.read[ranked[k].did];
                if (!r)
                    r = read_copy(db, ranked[k], n, sent);
            }
            if (sent)
                send_signatures(db, ranked, i, read_to, *sent, copies);
        }
        TwCopyRead *r = copies.read[ranked[i].did].get();
        size_t into = standing.size();
        for (size_t j = 0; j < standing.size(); j++)
            if (same_story(db, *standing[j], *r)) {
                into = j;
                break;
            }
        if (into == standing.size()) {
            standing.push_back(r);
            i++;
            /* A group of equal score goes on past the hits wanted: its
             * order is that of its hits' hashes (ties_xapian.h), which is
             * known once its copies are folded, so the whole of it is (up
             * to TW_TIES_GROUP_MAX more), whatever the page's size asked
             * for ('oil' over three shards paged by 1 showed one story's
             * two copies, each on a page of its own). */
            if (group_end && i == goal && i < ranked.size() &&
                ranked[i].weight == ranked[i - 1].weight && grown < TW_TIES_GROUP_MAX) {
                goal++;
                grown++;
            }
            continue;
        }
        copies.folded[ranked[into].at].push_back(std::move(ranked[i]));
        ranked.erase(ranked.begin() + (std::ptrdiff_t)i);
        read_to--;
    }
}

size_t tw_shard_copies_folded(const TwShardCopies &copies)
{
    size_t n = 0;
    for (const auto &into : copies.folded)
        n += into.second.size();
    return n;
}

/* The hash of HIT, one of DB's. */
static std::string hash_of(const trawl_db *db, TwRanked &hit)
{
    db->search_work.documents += !hit.doc;
    return tw_hit_document(db->db, hit).get_value(TW_SLOT_HASH);
}

void tw_shard_copies_first(const trawl_db *db, const Xapian::MSet &mset, bool by_date,
                           std::vector<TwRanked> &ranked, size_t from, size_t to,
                           TwShardCopies &copies,
                           const std::function<void(std::vector<TwRanked> &)> &shown)
{
    for (size_t i = from; i < to && i < ranked.size(); i++) {
        auto in = copies.folded.find(ranked[i].at);
        if (in == copies.folded.end())
            continue;
        std::vector<TwRanked> folded = std::move(in->second);
        copies.folded.erase(in);
        shown(folded);
        /* Of equal score in the first ranking: the one that stands has
         * feedback's bonus, which a copy folded into it before feedback
         * was not given, and keeps it.  By date, of one date too (its
         * sort key): the newer copy stands, as in one index ('yen dollar'
         * by date over three shards showed 17 stories by an older copy). */
        for (TwRanked &f : folded)
            if (mset[f.at].get_weight() == mset[ranked[i].at].get_weight() &&
                (!by_date || mset[f.at].get_sort_key() == mset[ranked[i].at].get_sort_key()) &&
                hash_of(db, f) < hash_of(db, ranked[i])) {
                std::swap(f, ranked[i]);
                std::swap(f.weight, ranked[i].weight);
            }
        copies.folded[ranked[i].at] = std::move(folded);
    }
}

void tw_shard_copies_ids(const trawl_db *db, const Xapian::MSet &mset, bool keyed,
                         std::vector<TwRanked> &folded, std::vector<std::string> &ids,
                         size_t *all)
{
    for (TwRanked &hit : folded) {
        std::string data;
        tw_slice fields[TW_F_COUNT];
        if (keyed && *mset[hit.at] == hit.did) {
            data = mset[hit.at].get_sort_key();
            tw_seal_check(db, data, hit.did, false);
            tw_docdata_parse(data.data(), data.size(), fields);
        } else {
            db->search_work.documents += !hit.doc;
            tw_shown_fields(db, tw_hit_document(db->db, hit), hit.did, false, data, fields);
        }
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
