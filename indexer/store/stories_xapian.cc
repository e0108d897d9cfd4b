/* stories_xapian.cc - near-duplicate stories in the index (stories_xapian.h). */
#include "stories_xapian.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

extern "C" {
#include "all_docs_xapian.h"
#include "hash.h"
#include "schema.h"
}

/* In a band shared by many articles, each is compared with this many of the
 * ones before it: exact copies all match the first, and a band key shared by
 * unrelated articles (rare) cannot make the work quadratic. */
static const unsigned COMPARE_BACK = 8;

/* Are articles dated A and B (TW_SLOT_DATE values, "" when unknown) close
 * enough in time to be copies of one story? */
static bool close_in_time(const std::string &a, const std::string &b)
{
    if (a.empty() || b.empty())
        return true;
    double d = Xapian::sortable_unserialise(a) - Xapian::sortable_unserialise(b);
    return d <= TW_STORY_SECONDS && -d <= TW_STORY_SECONDS;
}

/* Candidates read per new article in the incremental writer. */
static const Xapian::doccount JOIN_CANDIDATES = 16;

/* Articles of a story checked before another joins it: all of a story of
 * copies, the first of a larger one (a text syndicated everywhere), whose
 * other copies are mostly as alike. */
static const size_t MEMBERS_CHECKED = 16;

/* May articles A and B be in one story, each alike to a third copy if not
 * to each other?  Only within days of each other, and not with figures that
 * changed on both sides: through a look-alike of each, a template's notices
 * of a week, or its briefs for two companies, chained into one story. */
static bool may_share_story(const TwSigned &a, const TwSigned &b)
{
    return close_in_time(a.date, b.date) && !tw_minhash_figures_differ(&a.sig, &b.sig);
}

bool tw_story_signed(const Xapian::Document &doc, TwSigned &out)
{
    std::string sig = doc.get_value(TW_SLOT_SIG);
    out.date = doc.get_value(TW_SLOT_DATE);
    return tw_minhash_decode(sig.data(), sig.size(), &out.sig);
}

/* Do A and B share a band key, which the indexer looks for copies by? */
static bool share_band(const tw_minhash &a, const tw_minhash &b)
{
    for (unsigned k = 0; k < TW_MINHASH_BANDS; k++) {
        char x[9], y[9];
        tw_minhash_band(&a, k, x);
        tw_minhash_band(&b, k, y);
        if (memcmp(x, y, sizeof x) == 0)
            return true;
    }
    return false;
}

bool tw_story_pair(const TwSigned &a, const TwSigned &b)
{
    return tw_minhash_same_story(&a.sig, &b.sig) && may_share_story(a, b) &&
           share_band(a.sig, b.sig);
}

/* May the article ADDED join the story with KEY: may it share it with each
 * of the story's articles (up to MEMBERS_CHECKED)? */
static bool may_join(Xapian::WritableDatabase &db, const std::string &key, const TwSigned &added)
{
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, TW_SLOT_STORY, key, key));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::MSet members = enquire.get_mset(0, MEMBERS_CHECKED);
    for (Xapian::MSetIterator m = members.begin(); m != members.end(); ++m) {
        TwSigned member;
        if (tw_story_signed(m.get_document(), member) && !may_share_story(added, member))
            return false;
    }
    return true;
}

/* The term of band B of M: the prefix, the band's number, its key. */
static std::string band_term(const tw_minhash &m, unsigned b)
{
    char band[9];
    tw_minhash_band(&m, b, band);
    return std::string(TW_PREFIX_BAND) + char('0' + b) + band;
}

void tw_story_mark(Xapian::Document &doc, const tw_minhash &m)
{
    unsigned char sig[TW_MINHASH_BYTES];
    size_t len = tw_minhash_encode(&m, sig);
    doc.add_value(TW_SLOT_SIG, std::string(reinterpret_cast<char *>(sig), len));
    for (unsigned b = 0; b < TW_MINHASH_BANDS; b++)
        doc.add_boolean_term(band_term(m, b));
}

std::vector<std::string> tw_story_bands(const std::string &sig)
{
    tw_minhash m;
    std::vector<std::string> bands;
    if (tw_minhash_decode(sig.data(), sig.size(), &m))
        for (unsigned b = 0; b < TW_MINHASH_BANDS; b++)
            bands.push_back(band_term(m, b));
    return bands;
}

std::string tw_story_id_term(const Xapian::Document &doc)
{
    Xapian::TermIterator t = doc.termlist_begin();
    t.skip_to(TW_PREFIX_ID);
    return t != doc.termlist_end() && (*t).compare(0, 1, TW_PREFIX_ID) == 0 ? *t
                                                                            : std::string();
}

/* A story's key: the hash of its first article's id term and signature,
 * unique to it.  Two stories of identical text weeks apart must not share a
 * key, nor the story an article left when it was rewritten and the one its
 * new text starts under the same id: a copy of the old text keeps the key. */
static std::string story_key(const Xapian::Document &doc)
{
    std::string id = tw_story_id_term(doc) + doc.get_value(TW_SLOT_SIG);
    char hex[17];
    tw_hash64_hex(id.data(), id.size(), hex);
    return hex;
}

/* Files DID under story KEY: the value searches collapse on. */
static void set_story(Xapian::WritableDatabase &db, Xapian::docid did, const std::string &key)
{
    /* Only a value changes: adding a term would make Xapian read back every
     * position list of the article (about 1 ms each, most of the time of
     * linking a bulk build's stories when it was done so). */
    Xapian::Document doc = db.get_document(did);
    if (doc.get_value(TW_SLOT_STORY) == key)
        return;
    doc.add_value(TW_SLOT_STORY, key);
    db.replace_document(did, doc);
}

void tw_stories_of(const Xapian::Database &db, const std::vector<Xapian::docid> &ids,
                   std::set<std::string> &keys)
{
    for (Xapian::docid id : ids) {
        std::string key = db.get_document(id, Xapian::DOC_ASSUME_VALID).get_value(TW_SLOT_STORY);
        if (!key.empty())
            keys.insert(key);
    }
}

void tw_stories_settle(Xapian::WritableDatabase &db, const std::set<std::string> &keys)
{
    if (keys.empty())
        return;
    /* Each story's articles counted up to two, and the first of them. */
    std::map<std::string, std::pair<unsigned, Xapian::docid>> left;
    for (Xapian::ValueIterator v = db.valuestream_begin(TW_SLOT_STORY);
         v != db.valuestream_end(TW_SLOT_STORY); ++v)
        if (keys.count(*v)) {
            auto &seen = left[*v];
            if (!seen.first++)
                seen.second = v.get_docid();
        }
    for (const auto &story : left)
        if (story.second.first == 1) {
            Xapian::Document doc = db.get_document(story.second.second);
            doc.remove_value(TW_SLOT_STORY);
            db.replace_document(story.second.second, doc);
        }
}

std::string tw_story_join(Xapian::WritableDatabase &db, const tw_minhash &m,
                          const std::string &date, const std::string &idterm)
{
    std::vector<Xapian::Query> bands;
    for (unsigned b = 0; b < TW_MINHASH_BANDS; b++)
        bands.emplace_back(band_term(m, b));
    Xapian::Query query(Xapian::Query::OP_OR, bands.begin(), bands.end());
    /* Only copies dated near this article can join it (tw_story_dates_close): look
     * among those alone, or a band shared by a template over years would fill
     * the candidates. */
    if (!date.empty()) {
        double when = Xapian::sortable_unserialise(date);
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_VALUE_RANGE, TW_SLOT_DATE,
                                            Xapian::sortable_serialise(when - TW_STORY_SECONDS),
                                            Xapian::sortable_serialise(when + TW_STORY_SECONDS)));
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(TwZeroWeight());
    enquire.set_docid_order(Xapian::Enquire::DESCENDING);   /* newest first */
    Xapian::MSet candidates = enquire.get_mset(0, JOIN_CANDIDATES);
    /* The article's own older copy, which it replaces, does not count. */
    Xapian::PostingIterator self = db.postlist_begin(idterm);
    Xapian::docid self_id = self != db.postlist_end(idterm) ? *self : 0;
    TwSigned added = { m, date };
    for (Xapian::MSetIterator c = candidates.begin(); c != candidates.end(); ++c) {
        if (*c == self_id)
            continue;
        Xapian::Document doc = c.get_document();
        TwSigned other;
        if (!tw_story_signed(doc, other) || !tw_minhash_same_story(&m, &other.sig))
            continue;
        std::string key = doc.get_value(TW_SLOT_STORY);
        if (!key.empty() && !may_join(db, key, added))
            continue;
        if (key.empty()) {
            key = story_key(doc);
            set_story(db, *c, key);
        }
        return key;
    }
    return std::string();
}

/* Union-find over document ids, the first article of a set by BEFORE
 * being its root, which lists the set's first MEMBERS_CHECKED articles. */
template <class Before> struct Stories {
    std::unordered_map<Xapian::docid, Xapian::docid> parent;
    std::unordered_map<Xapian::docid, std::vector<Xapian::docid>> listed;
    Before before;

    explicit Stories(Before before_) : before(before_) {}

    std::vector<Xapian::docid> members(Xapian::docid r) const
    {
        auto it = listed.find(r);
        return it != listed.end() ? it->second : std::vector<Xapian::docid>{ r };
    }

    Xapian::docid root(Xapian::docid d)
    {
        auto it = parent.find(d);
        if (it == parent.end())
            return d;
        Xapian::docid r = root(it->second);
        it->second = r;
        return r;
    }

    void join(Xapian::docid a, Xapian::docid b)
    {
        a = root(a);
        b = root(b);
        if (a == b)
            return;
        if (before(b, a))
            std::swap(a, b);
        std::vector<Xapian::docid> both = members(a), more = members(b);
        for (size_t i = 0; i < more.size() && both.size() < MEMBERS_CHECKED; i++)
            both.push_back(more[i]);
        listed.erase(b);
        listed[a] = both;
        parent[b] = a;
    }
};

namespace {
/* The articles of the databases PARTS as one: numbered as Xapian's merge of
 * them, in order, numbers them (each part's after the parts before it), so
 * that stories are found in the order, and rooted at the articles, they
 * would be in the merged database; without the earlier copies of an id in
 * more than one part, which the merged database loses (tw_writer_dedupe). */
class Parts {
    std::vector<Xapian::WritableDatabase> &parts;
    std::vector<Xapian::docid> first;   /* each part's number of its article 1, less 1 */
    std::unordered_set<Xapian::docid> doubled;

    /* Part and document of the article numbered D. */
    std::pair<size_t, Xapian::docid> where(Xapian::docid d) const
    {
        size_t k = std::upper_bound(first.begin(), first.end(), d - 1) - first.begin() - 1;
        return { k, d - first[k] };
    }

  public:
    Xapian::Database all;

    explicit Parts(std::vector<Xapian::WritableDatabase> &parts_) : parts(parts_)
    {
        Xapian::docid before = 0;
        for (Xapian::WritableDatabase &p : parts) {
            first.push_back(before);
            before += p.get_lastdocid();
            all.add_database(p);
        }
        for (Xapian::TermIterator t = all.allterms_begin(TW_PREFIX_ID);
             t != all.allterms_end(TW_PREFIX_ID); ++t)
            if (t.get_termfreq() > 1) {
                std::vector<Xapian::docid> ids = articles(*t, false);
                doubled.insert(ids.begin(), ids.end() - 1);
            }
    }

    /* The articles indexed under TERM, in order; with WITHOUT_DOUBLED, not
     * the earlier copies of a doubled id. */
    std::vector<Xapian::docid> articles(const std::string &term, bool without_doubled = true)
    {
        std::vector<Xapian::docid> ids;
        for (size_t k = 0; k < parts.size(); k++)
            for (Xapian::PostingIterator p = parts[k].postlist_begin(term);
                 p != parts[k].postlist_end(term); ++p)
                if (!without_doubled || !doubled.count(first[k] + *p))
                    ids.push_back(first[k] + *p);
        return ids;
    }

    Xapian::Document document(Xapian::docid d)
    {
        auto at = where(d);
        return parts[at.first].get_document(at.second);
    }

    void set_story_of(Xapian::docid d, const std::string &key)
    {
        auto at = where(d);
        set_story(parts[at.first], at.second, key);
    }
};
}

/* tw_story_link_all, over the articles of PARTS. */
static Xapian::doccount link_all(Parts &parts)
{
    /* Each article's signature and date, read once, kept as the index
     * holds them and decoded for each comparison: a build of 465,908
     * articles, each with copies, looked up all of them, and decoded they
     * took 552 bytes of signature each (the sketch a short text keeps
     * counts in full), where long texts' bytes are 292. */
    struct Kept {
        std::string sig, date;
    };
    std::unordered_map<Xapian::docid, Kept> known;
    auto kept = [&](Xapian::docid d) -> const Kept & {
        auto it = known.find(d);
        if (it == known.end()) {
            Xapian::Document doc = parts.document(d);
            it = known.emplace(d, Kept{ doc.get_value(TW_SLOT_SIG), doc.get_value(TW_SLOT_DATE) })
                     .first;
        }
        return it->second;
    };
    auto lookup = [&](Xapian::docid d, TwSigned &out) {
        const Kept &k = kept(d);
        out.date = k.date;
        return tw_minhash_decode(k.sig.data(), k.sig.size(), &out.sig);
    };
    /* Articles are met, and a story rooted, in the order of their dates,
     * then signatures: the same whatever order built the index.  In docid
     * order, a band many articles share (a template's briefs) had a copy
     * compared with its story's other copy after a -j 1 build and not
     * after a -j 2 one (more than COMPARE_BACK articles between them), and
     * a copy alike to two others too far apart in time to share a story
     * joined the one indexed first.  Articles of the same date and
     * signature are alike to every other article, whichever comes first. */
    auto before = [&](Xapian::docid x, Xapian::docid y) {
        const Kept &kx = kept(x), &ky = kept(y);
        if (kx.date != ky.date)
            return kx.date < ky.date;
        if (kx.sig != ky.sig)
            return kx.sig < ky.sig;
        return x < y;
    };
    Stories<decltype(before)> stories(before);
    /* May the stories of A and B be one: each article of one with each of
     * the other's? */
    TwSigned one, other;
    auto may_merge = [&](Xapian::docid a, Xapian::docid b) {
        for (Xapian::docid x : stories.members(stories.root(a))) {
            if (!lookup(x, one))
                continue;
            for (Xapian::docid y : stories.members(stories.root(b)))
                if (lookup(y, other) && !may_share_story(one, other))
                    return false;
        }
        return true;
    };

    TwSigned a, b;

    for (Xapian::TermIterator t = parts.all.allterms_begin(TW_PREFIX_BAND);
         t != parts.all.allterms_end(TW_PREFIX_BAND); ++t) {
        if (t.get_termfreq() < 2)
            continue;
        std::vector<Xapian::docid> ids = parts.articles(*t);
        std::sort(ids.begin(), ids.end(), before);
        for (size_t i = 1; i < ids.size(); i++) {
            if (!lookup(ids[i], a))
                continue;
            for (size_t j = i; j-- > 0 && i - j <= COMPARE_BACK;) {
                if (stories.root(ids[i]) == stories.root(ids[j]))
                    break;      /* joined through another band already */
                if (lookup(ids[j], b) && tw_minhash_same_story(&a.sig, &b.sig) &&
                    close_in_time(a.date, b.date) && may_merge(ids[i], ids[j])) {
                    stories.join(ids[i], ids[j]);
                    break;
                }
            }
        }
    }

    /* Every article joined to another gets its story's key, made from the
     * story's root (its first by date and signature).  root() compresses paths as it goes,
     * so the members are listed first rather than read off the map live. */
    std::vector<Xapian::docid> members;
    for (const auto &p : stories.parent)
        members.push_back(p.first);
    std::unordered_map<Xapian::docid, std::string> keys;
    Xapian::doccount linked = 0;
    for (Xapian::docid d : members) {
        Xapian::docid r = stories.root(d);
        auto k = keys.find(r);
        if (k == keys.end()) {
            k = keys.emplace(r, story_key(parts.document(r))).first;
            parts.set_story_of(r, k->second);
            linked++;
        }
        parts.set_story_of(d, k->second);
        linked++;
    }
    return linked;
}

Xapian::doccount tw_story_link_all(Xapian::WritableDatabase &db)
{
    std::vector<Xapian::WritableDatabase> one{ db };
    Parts parts(one);
    return link_all(parts);
}

Xapian::doccount tw_story_link_parts(std::vector<Xapian::WritableDatabase> &parts)
{
    Parts all(parts);
    return link_all(all);
}
