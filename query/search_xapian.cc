/* search_xapian.cc - trawl_search: ranking, snippets, near-duplicate folding,
 * facets, and what to do when a query finds nothing (a spelling correction,
 * then any-word matching). */
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <map>
#include <memory>
#include <new>
#include <set>
#include <string>
#include <vector>
#include <xapian.h>

#include "trawl.h"
extern "C" {
#include "author_names.h"
#include "buf.h"
#include "docdata.h"
#include "opts_size.h"
#include "results.h"
#include "schema.h"
}
#include "all_docs_xapian.h"
#include "db_xapian.h"
#include "errors_xapian.h"
#include "excerpt_xapian.h"
#include "fields_xapian.h"
#include "find_article_xapian.h"
#include "hit_docs_xapian.h"
#include "kept_answers_xapian.h"
#include "languages_xapian.h"
#include "like_xapian.h"
#include "match_bound_xapian.h"
#include "match_ready_xapian.h"
#include "parse_xapian.h"
#include "ranking_xapian.h"
#include "shard_copies_xapian.h"
#include "shown_fields_xapian.h"
#include "snippet_terms_xapian.h"
#include "story_copies_xapian.h"
#include "story_shown_xapian.h"
#include "suggest_xapian.h"
#include "ties_xapian.h"
#include "wildcards_xapian.h"

/* A query that finds this many hits or fewer may get a spelling suggestion. */
static const Xapian::doccount FEW_HITS = 3;
/* The most sides of an OR whose bounds are asked before a search that may
 * have lost a hit to it is matched again (tw_match_safe_below): a typed
 * query's words, not a pasted text's. */
static const size_t SAFE_SIDES_MOST = 8;

static const struct {
    unsigned bit;
    Xapian::valueno slot;
} facet_slots[] = {
    { TRAWL_FACET_SITE, TW_SLOT_SITE },
    { TRAWL_FACET_AUTHOR, TW_SLOT_AUTHOR },
    { TRAWL_FACET_YEAR, TW_SLOT_YEAR },
    { TRAWL_FACET_LANG, TW_SLOT_LANG },
};
static const unsigned N_FACETS = sizeof facet_slots / sizeof facet_slots[0];

/* One value slot read as a stream, for documents met in rising docid order:
 * the match meets its matches so, and a stream moves to the next one's value
 * where a document's own read looks it up from the top of the B-tree again
 * (a faceted search of 'said' on Reuters, 15,000 matches: 80M instructions,
 * 30M of them in FacetSpy's reads; 60M with streams).  A document met out of
 * order is read as the document's.  Of one index only: of several, Xapian
 * 1.4 matches one after the other, and a document gives its number in its
 * own index, not the number the stream of them all goes by. */
struct SlotStream {
    Xapian::ValueIterator at, end;
    Xapian::valueno slot;
    Xapian::docid last = 0;     /* the document met before */

    SlotStream(const Xapian::Database &db, Xapian::valueno s)
        : at(db.valuestream_begin(s)), end(db.valuestream_end(s)), slot(s) {}

    std::string value_of(const Xapian::Document &doc)
    {
        Xapian::docid did = doc.get_docid();
        if (did <= last)
            return doc.get_value(slot);
        last = did;
        if (at != end && at.get_docid() < did)
            at.skip_to(did);
        return at != end && at.get_docid() == did ? *at : std::string();
    }
};

/* The values the field V of facet I counts under, into NAMES: V itself, or
 * each person an author field names (tw_author_names), once: an article
 * whose byline names one person twice ("Dana Whitcomb, Dana Whitcomb", a
 * scraper's list of a byline and its signature) counts once under her, as
 * author:"Dana Whitcomb" finds it once.  Returns how many. */
static size_t facet_values(unsigned i, const std::string &v, tw_slice names[TW_AUTHORS_MOST])
{
    names[0] = { v.data(), v.size() };
    if (facet_slots[i].bit != TRAWL_FACET_AUTHOR)
        return 1;
    size_t n = tw_author_names(v.data(), v.size(), names, TW_AUTHORS_MOST), kept = 0;
    for (size_t k = 0; k < n; k++) {
        size_t j = 0;
        while (j < kept && !(names[j].len == names[k].len &&
                             memcmp(names[j].ptr, names[k].ptr, names[k].len) == 0))
            j++;
        if (j == kept)
            names[kept++] = names[k];
    }
    return kept;
}

/* A facet's value: the facet (of facet_slots) and the value. */
typedef std::pair<unsigned, std::string> FacetValue;

/* Counts facet values over every match.  With folding on, a story counts once
 * per value however many of its copies match, so the counts agree with the
 * folded hit list. */
struct FacetSpy : Xapian::MatchSpy {
    unsigned wanted;
    bool fold;
    std::map<std::string, Xapian::doccount> counts[N_FACETS];
    std::set<std::string> seen[N_FACETS];      /* value + NUL + story key */
    /* Over several indexes, the values each story counted: a story's copies
     * in two of them are two stories here, until folding joins them
     * (fold_across). */
    std::map<std::string, std::vector<FacetValue>> of_story;
    bool several;
    /* Of facet_slots, then the story's: only those the search reads (each
     * stream opened costs a look-up of its first chunk), and none over
     * several indexes. */
    std::unique_ptr<SlotStream> streams[N_FACETS + 1];

    FacetSpy(const trawl_db *db, unsigned w, bool f)
        : wanted(w), fold(f), several(db->live.size() != 1)
    {
        if (several)
            return;
        for (unsigned i = 0; i < N_FACETS; i++)
            if (wanted & facet_slots[i].bit)
                streams[i].reset(new SlotStream(db->db, facet_slots[i].slot));
        if (fold)
            streams[N_FACETS].reset(new SlotStream(db->db, TW_SLOT_STORY));
    }

    std::string value_of(const Xapian::Document &doc, unsigned i, Xapian::valueno slot)
    {
        return streams[i] ? streams[i]->value_of(doc) : doc.get_value(slot);
    }

    /* The values of the facets wanted that DOC has, each once. */
    std::vector<FacetValue> values(const Xapian::Document &doc)
    {
        std::vector<FacetValue> all;
        for (unsigned i = 0; i < N_FACETS; i++) {
            if (!(wanted & facet_slots[i].bit))
                continue;
            std::string v = value_of(doc, i, facet_slots[i].slot);
            tw_slice names[TW_AUTHORS_MOST];
            for (size_t k = 0, n = v.empty() ? 0 : facet_values(i, v, names); k < n; k++)
                all.emplace_back(i, std::string(names[k].ptr, names[k].len));
        }
        return all;
    }

    void operator()(const Xapian::Document &doc, double) override
    {
        std::string story = fold ? value_of(doc, N_FACETS, TW_SLOT_STORY) : std::string();
        for (FacetValue &v : values(doc)) {
            if (!story.empty() && !seen[v.first].insert(v.second + '\0' + story).second)
                continue;
            counts[v.first][v.second]++;
            if (!story.empty() && several)
                of_story[story].push_back(std::move(v));
        }
    }

    /* Each hit of MSET that COPIES folded into another counted its values
     * as a story of its own: a value that the hits of one story share
     * counts once, as in one index. */
    void fold_across(const Xapian::MSet &mset, const TwShardCopies &copies)
    {
        for (const auto &into : copies.folded) {
            std::map<FacetValue, Xapian::doccount> times;
            auto count = [&](Xapian::doccount at) {
                Xapian::MSetIterator m = mset[at];
                std::string story = m.get_collapse_key();
                for (const FacetValue &v : story.empty() ? values(m.get_document())
                                                         : of_story[story])
                    times[v]++;
            };
            count(into.first);
            for (const TwRanked &hit : into.second)
                count(hit.at);
            for (const auto &t : times)
                counts[t.first.first][t.first.second] -= t.second - 1;
        }
    }
};

/* Of Xapian's counts of each field of facet I (a remote shard's), those of
 * the values each counts under (facet_values): an author field of several
 * people adds its count to each. */
static std::map<std::string, Xapian::doccount> by_value(
    unsigned i, std::map<std::string, Xapian::doccount> counts)
{
    if (facet_slots[i].bit != TRAWL_FACET_AUTHOR)
        return counts;
    std::map<std::string, Xapian::doccount> each;
    tw_slice names[TW_AUTHORS_MOST];
    for (const auto &e : counts)
        for (size_t k = 0, n = facet_values(i, e.first, names); k < n; k++)
            each[std::string(names[k].ptr, names[k].len)] += e.second;
    return each;
}

/* A site is one facet value: an article that gave only its url counts under
 * the name other articles of its host gave (TW_META_SITE), not beside it. */
static std::map<std::string, Xapian::doccount> by_site_name(
    const trawl_db *db, const std::map<std::string, Xapian::doccount> &counts)
{
    std::map<std::string, Xapian::doccount> named;
    for (const auto &e : counts) {
        std::string name = tw_db_site_name(db, e.first);
        named[name.empty() ? e.first : name] += e.second;
    }
    return named;
}

/* The facet counts of a search, by trawl's FacetSpy where the search runs
 * here, else (a remote shard: xapian-tcpsrv builds only the spies Xapian's
 * registry knows) by Xapian's ValueCountMatchSpy, one per slot, which counts
 * each matching article: copies of a story are counted apart. */
struct Facets {
    std::unique_ptr<FacetSpy> spy;
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> by_slot;    /* of facet_slots */

    Facets(const trawl_db *db, Xapian::Enquire &enquire, unsigned wanted, bool fold,
           bool remote)
    {
        if (!wanted)
            return;
        if (!remote) {
            spy.reset(new FacetSpy(db, wanted, fold));
            enquire.add_matchspy(spy.get());
            return;
        }
        for (const auto &f : facet_slots) {
            by_slot.emplace_back(wanted & f.bit ? new Xapian::ValueCountMatchSpy(f.slot)
                                                : nullptr);
            if (by_slot.back())
                enquire.add_matchspy(by_slot.back().get());
        }
    }

    /* See FacetSpy::fold_across (a remote shard's counter counts articles,
     * and stays so). */
    void fold_across(const Xapian::MSet &mset, const TwShardCopies &copies)
    {
        if (spy)
            spy->fold_across(mset, copies);
    }

    std::map<std::string, Xapian::doccount> counts(unsigned i) const
    {
        if (spy)
            return spy->counts[i];
        std::map<std::string, Xapian::doccount> c;
        if (by_slot[i])
            for (auto v = by_slot[i]->values_begin(); v != by_slot[i]->values_end(); ++v)
                c[*v] = v.get_termfreq();
        return by_value(i, std::move(c));
    }
};

static void add_facets(trawl_results *res, const Facets &facets, const trawl_db *db)
{
    for (unsigned i = 0; i < N_FACETS; i++) {
        std::map<std::string, Xapian::doccount> counts = facets.counts(i);
        if (facet_slots[i].slot == TW_SLOT_SITE)
            counts = by_site_name(db, counts);
        std::vector<std::pair<std::string, Xapian::doccount>> v(counts.begin(), counts.end());
        /* Most frequent first; the map gave the values sorted, and the sort is
         * stable, so ties stay in value order. */
        std::stable_sort(v.begin(), v.end(), [](const auto &a, const auto &b) {
            return a.second > b.second;
        });
        for (const auto &e : v)
            if (tw_results_add_facet(res, facet_slots[i].bit, e.first.data(), e.first.size(),
                                     e.second) < 0)
                throw std::bad_alloc();
    }
}

/* The passage of TEXT, an article's in LANGUAGE (SnippetTerms::language_of),
 * around what matched and the spans of the matches in it. */
static void passage(const SnippetTerms &terms, const Excerpt &text, unsigned language,
                    std::vector<tw_match> &found, tw_buf *plain, trawl_span **spans,
                    size_t *n_spans)
{
    size_t length = text.length;
    found.clear();
    terms.find(text.text.ptr, text.text.len, length, language, found);
    tw_buf_clear(plain);
    if (tw_snippet_write(text.text.ptr, text.text.len, text.cut_before, text.cut_after,
                         found.data(), found.size(), terms.weights(), terms.concepts(), length,
                         plain, spans, n_spans) < 0)
        throw std::bad_alloc();
}

/* The spans of what matched in the whole of TEXT (a title, in LANGUAGE). */
static void title_matches(const SnippetTerms &terms, const char *text, size_t len,
                          unsigned language, std::vector<tw_match> &found, trawl_span **spans,
                          size_t *n_spans)
{
    found.clear();
    terms.find(text, len, len, language, found);
    *n_spans = found.size();
    if (found.empty())
        return;
    *spans = static_cast<trawl_span *>(std::malloc(found.size() * sizeof **spans));
    if (!*spans)
        throw std::bad_alloc();
    for (size_t i = 0; i < found.size(); i++)
        (*spans)[i] = { found[i].start, found[i].end };
}

/* Frees what a hit borrowed while being added. */
struct HitScratch {
    tw_buf snippet = {}, body = {};
    trawl_span *spans = nullptr, *title_spans = nullptr;

    void reset()
    {
        std::free(spans);
        std::free(title_spans);
        spans = title_spans = nullptr;
    }
    ~HitScratch()
    {
        reset();
        tw_buf_free(&snippet);
        tw_buf_free(&body);
    }
};

struct ResultsFree {
    void operator()(trawl_results *r) const { trawl_results_free(r); }
};
/* Results owned until handed to the caller: freed if anything throws. */
typedef std::unique_ptr<trawl_results, ResultsFree> Results;

/* Has the match send the topic words of the first hits of RANKED that
 * feedback reads, found by the ids their sort keys (MSET's, of
 * TW_SLOT_SHOWN) hold: a remote shard would read each hit's document in a
 * round trip of its own. */
static void send_topics(const trawl_db *db, const Xapian::MSet &mset,
                        std::vector<TwRanked> &ranked)
{
    std::vector<std::string> id_terms;
    std::string term;
    size_t n = tw_feedback_reads(ranked);
    for (size_t i = 0; i < n && tw_shown_id_term(mset[ranked[i].at].get_sort_key(), term); i++)
        id_terms.push_back(term);
    tw_feedback_topics(db->db, id_terms, ranked);
}

/* Q, a query for DB, safe from Xapian's "every document has this term"
 * shortcut (all_docs_xapian.h): the terms no weight reads that as many
 * articles have as one of DB's indexes holds, asked of DB in one exchange
 * (over a remote shard), are looked up rather than read through. */
static Xapian::Query all_docs_safe(const trawl_db *db, const Xapian::Query &q)
{
    std::vector<std::string> terms;
    tw_unweighted_terms(q, terms);
    if (terms.empty())
        return q;
    Xapian::doccount fewest = std::numeric_limits<Xapian::doccount>::max();
    for (size_t i : db->live)
        fewest = std::min(fewest, db->shards[i].db.get_doccount());
    std::vector<Xapian::doccount> freqs = tw_db_term_freqs(db, terms);
    std::set<std::string> at_risk;
    for (size_t i = 0; i < terms.size(); i++)
        if (freqs[i] && freqs[i] >= fewest)
            at_risk.insert(terms[i]);
    return tw_all_docs_safe(q, at_risk);
}

/* The number of articles (stories, when FOLD) QUERY matches in DB, counted
 * by a match that weighs nothing.  A search that ranked its first matches
 * and not all of them counts them so when it can match no more than
 * TRAWL_COUNT_MAX: Xapian's estimate from the first ones takes the query's
 * words to occur independently, and the words of news do not (Reuters,
 * 'billion dlrs': "about 1000" for 2,081 stories; 16 of 25 common two-word
 * queries more than 10% off).  Past that the count would cost more than the
 * search, and the estimate stands, as "about" (bench/RESULTS.md).
 * Weighing nothing makes the count of most queries cheaper (linux-doc's
 * 500: 12.4 us against BM25's 20.3), but not a wildcard's: Xapian 1.4.22
 * then matches it as an OR of its words, several times slower than as one
 * word of them all (linux-doc, c*: 0.40 s against 0.085 s). */
static Xapian::doccount count_matches(trawl_db *tdb, const Xapian::Query &query, bool fold,
                                      bool remote)
{
    const Xapian::Database &db = tdb->db;
    tdb->search_work.count_matches++;
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    if (!tw_holds_wildcard(query))
        tw_weigh_nothing(enquire, remote);
    if (fold)
        enquire.set_collapse_key(TW_SLOT_STORY);
    return enquire.get_mset(0, 0, db.get_doccount()).get_matches_lower_bound();
}

/* The number of articles (stories, when FOLD) QUERY matches in DB, which
 * MSET, a search's, could not tell; in *EXACT whether it is a count.  Past
 * TRAWL_COUNT_MAX matches it is estimated from the first TRAWL_COUNT_MAX in
 * the order the articles were indexed, scaled by the share of the index
 * they lie in, as the count's match met them: Xapian's estimate takes the
 * query's words to occur independently, which at scale is far off (600,000
 * articles: 'oil prices' was "about 6000" for 16,750 stories, five common
 * two-word queries 1.5-3.2 times under).  A wildcard's matches, which a
 * match that weighs nothing makes slow (count_matches), keep Xapian's. */
static Xapian::doccount total_of(trawl_db *tdb, const Xapian::Query &query, bool fold,
                                 bool remote, const Xapian::MSet &mset, bool *exact)
{
    *exact = mset.get_uncollapsed_matches_upper_bound() <= TRAWL_COUNT_MAX;
    if (*exact)
        return count_matches(tdb, query, fold, remote);
    if (tw_holds_wildcard(query))
        return mset.get_matches_estimated();
    const Xapian::Database &db = tdb->db;
    tdb->search_work.count_matches++;
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    tw_weigh_nothing(enquire, remote);
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    if (fold)
        enquire.set_collapse_key(TW_SLOT_STORY);
    Xapian::MSet first = enquire.get_mset(0, TRAWL_COUNT_MAX);
    *exact = first.size() < TRAWL_COUNT_MAX;
    if (*exact)
        return first.size();
    double share = (double)*first[first.size() - 1] / (double)db.get_lastdocid();
    double estimate = (double)first.size() / share;
    return (Xapian::doccount)std::max<double>(
        mset.get_matches_lower_bound(),
        std::min<double>(estimate, mset.get_matches_upper_bound()));
}

/* A search over a union whose matches are no more than this folds them
 * all, and counts its stories exactly; past it the count is an estimate
 * (the union's, which counts a story's copies in two members apart: no
 * more than that, and the same from page to page, where the share of
 * copies among the hits folded moves with the page), as folding them
 * costs more than the search: Reuters
 * in three local shards, the first pages of the first 100 bench queries
 * took 492.5M instructions folding the first pages only, 543.4M folding
 * up to 500 matches, 683.5M up to TRAWL_FOLD_MAX stories. */
static const uint64_t FOLDED_COUNT_MOST = 500;

/* N as a number of documents Xapian takes (32 bits): more asks for all. */
static Xapian::doccount doccount_of(size_t n)
{
    return (Xapian::doccount)std::min<size_t>(n, std::numeric_limits<Xapian::doccount>::max());
}

/* How many hits' shown records a search holds at once: a page of 100,000
 * hits held them all, with their documents, beside the hits built from them
 * (Reuters, `-n 100000 the`: 8 MB of its 20.6). */
static const size_t RECORDS_HELD = 1000;

/* The shown records of the hits FROM to TO of RANKED, MSET's, or of the
 * first RECORDS_HELD of them, into RECORDS (with the stored text when
 * WITH_BODY); returns where they end.  Sent with the match when KEYED (see
 * run), else read in docid order (tw_docid_order). */
static size_t read_records(trawl_db *db, const Xapian::MSet &mset,
                           std::vector<TwRanked> &ranked, size_t from, size_t to, bool keyed,
                           bool with_body, std::vector<std::string> &records)
{
    size_t end = to - from > RECORDS_HELD ? from + RECORDS_HELD : to;
    if (!keyed)
        tw_hit_docs_read(db, ranked, from, end);
    records.assign(end - from, std::string());
    db->search_work.records_held = std::max<unsigned long>(db->search_work.records_held,
                                                           end - from);
    for (size_t i : tw_docid_order(ranked, from, end)) {
        /* (Not when another copy of its story stands for the hit.) */
        if (keyed && *mset[ranked[i].at] == ranked[i].did) {
            records[i - from] = mset[ranked[i].at].get_sort_key();
            tw_seal_check(db, records[i - from], ranked[i].did, false);
        }
        if (records[i - from].empty()) {
            db->search_work.documents += !ranked[i].doc;
            records[i - from] =
                tw_shown_record(db, tw_hit_document(db->db, ranked[i]), ranked[i].did, with_body);
        }
    }
    return end;
}

/* Adds to RANKED the hits of MSET from its K-th on, matched from hit FIRST
 * on. */
static void add_hits(const Xapian::MSet &mset, Xapian::doccount k, Xapian::doccount first,
                     std::vector<TwRanked> &ranked)
{
    for (Xapian::MSetIterator m = mset[k]; m != mset.end(); ++m)
        ranked.push_back({ *m, m.get_weight(), m.get_rank() - first, nullptr, nullptr });
}

/* RANKED: the hits of MSET, matched from hit FIRST on. */
static void hits_of(const Xapian::MSet &mset, Xapian::doccount first,
                    std::vector<TwRanked> &ranked)
{
    ranked.clear();
    ranked.reserve(mset.size());
    add_hits(mset, 0, first, ranked);
}

/* What a search matched again with Xapian ordering hits of equal score by
 * their hash (run's AGAIN) knows from its first match: the scores, rank by
 * rank, are the same, only the hits of each score in another order.  (The
 * second match had cost as much as the first, and more: 'oil' --offset
 * 420 over one index 27.7M instructions for 9.3M, over three local shards
 * 80.6M, three served 107.0M, reading the pool's 798 documents again
 * through the servers; now 20.8M, 60.7M and 69.0M, 33 documents.) */
struct Rematch {
    /* The lowest score the first match kept, and how far it matched (the
     * hits from the first to DEPTH; all of them: SIZE_MAX): no hit as far
     * is below it, which Xapian then need not weigh or read the hash of.
     * 0 where a match so cut may lose a hit (tw_match_safe_below). */
    double floor;
    size_t depth;
    bool feedback;              /* whether it ranked the pool again */
    Xapian::doccount total;     /* its total, counted or estimated */
    bool exact;
    /* What its folding across a union read of each hit (date, signature),
     * the same facts the second time, when the match sends no shown fields
     * to read them from (ties_xapian.h). */
    TwShardCopies *copies;
};

/* Has ENQUIRE leave out the hits under AGAIN's floor, when matching again
 * (AGAIN not NULL) from hit FIRST ASKED of them, no deeper than the first
 * match went. */
static void floor_match(Xapian::Enquire &enquire, const Rematch *again, Xapian::doccount first,
                        Xapian::doccount asked)
{
    bool within = again && (size_t)first + asked <= again->depth;
    enquire.set_cutoff(0, within ? again->floor : 0);
}

/* Matches MORE hits after MSET's, ENQUIRE's from hit FIRST (ASKED of them,
 * which grows by MORE; AGAIN as run's), and adds them to RANKED (add_hits);
 * false when the match's first hits are not MSET's (a writer's commit
 * between the two), which MSET and RANKED then keep.  No match spy is fed
 * twice. */
static bool more_matched(Xapian::Enquire &enquire, Xapian::doccount first,
                         Xapian::doccount &asked, size_t more,
                         const Xapian::MatchDecider *decider, const Rematch *again,
                         Xapian::MSet &mset, std::vector<TwRanked> &ranked)
{
    Xapian::doccount had = mset.size();
    Xapian::doccount wider = doccount_of((size_t)asked + more);
    enquire.clear_matchspies();
    floor_match(enquire, again, first, wider);
    Xapian::MSet longer = enquire.get_mset(first, wider, 0, nullptr, decider);
    if (longer.size() <= had)
        return false;
    for (Xapian::doccount k = 0; k < had; k++)
        if (*longer[k] != *mset[k] || longer[k].get_weight() != mset[k].get_weight())
            return false;
    asked = wider;
    mset = longer;
    add_hits(mset, had, first, ranked);
    return true;
}

/* The hits FROM to TO of RANKED, MSET's matches of READY, each shown as the
 * copy of its story that tw_story_shown says; when ORDERED, with the hits
 * of equal score about them, whose order ties_xapian.h takes from the copy
 * shown. */
static void show_first_copies(const trawl_db *db, const Xapian::Query &ready, TwBm25 bm25,
                              const Xapian::MSet &mset, std::vector<TwRanked> &ranked,
                              size_t from, size_t to, bool ordered, bool by_date)
{
    if (ordered)
        tw_ties_span(ranked, from, to, by_date ? &mset : nullptr, &from, &to);
    for (size_t i = from; i < to && i < ranked.size(); i++) {
        /* A copy of equal score is met by the match and folded into the
         * hit, which counts it; but a remote shard's hits come with no
         * count (Xapian 1.4's remote merge drops it), and a union's count
         * is a lower bound that the number of hits asked for moves, so each
         * hit of a story there is looked at (Reuters in three shards, two
         * served: 'yen dollar' showed another of two exact copies than one
         * index; three local, 'oil' paged by 10 and by 37 showed NEWID 8050
         * and 8051 in turn). */
        Xapian::MSetIterator m = mset[ranked[i].at];
        if (m.get_collapse_count() > 0 || (db->db.size() > 1 && !m.get_collapse_key().empty()))
            tw_story_shown(db, ready, bm25, m.get_collapse_key(), by_date, m.get_weight(),
                           ranked[i]);
    }
}

/* DB's folder of traditional Chinese characters (tw_db_hans) when QUERY
 * has a word of ideographs, which a hit's text may write in the other
 * spelling; else NULL: a query of other words lights no ideograph, and
 * needs no folder. */
static tw_hans *snippet_hans(trawl_db *db, const Xapian::Query &query)
{
    if (!db->simplified)
        return nullptr;
    for (Xapian::TermIterator t = query.get_unique_terms_begin();
         t != query.get_unique_terms_end(); ++t)
        if (tw_hans_maybe((*t).data(), (*t).size()))
            return tw_db_hans(db);
    return nullptr;
}

/* Runs QUERY once, with only the matches DECIDER accepts when given; throws
 * what Xapian throws.  Unless COUNTED, the total is left 0, to spare the
 * looking and counting it takes.  WEIGHTLESS: QUERY is known to weigh every
 * article 0 (filters alone).  AGAIN: Xapian ranks hits of equal score by
 * their hash (ties_xapian.h), which it is asked to only when the page
 * needs it: reading each weighed match's value costs every search more. */
static trawl_results *run(trawl_db *db, const Xapian::Query &query,
                          const trawl_search_opts &o, bool counted = true,
                          const Xapian::MatchDecider *decider = nullptr,
                          bool weightless = false, const Rematch *again = nullptr)
{
    bool by_hash = again != nullptr;
    Xapian::Enquire enquire(db->db);
    db->search_work.near_matches += tw_has_near_bonus(query);
    Xapian::Query ready = query;
    tw_ready_for_match(db->db, ready);
    ready = all_docs_safe(db, ready);
    enquire.set_query(ready);
    double k1 = o.bm25_k1 > 0 ? o.bm25_k1 : TRAWL_BM25_K1, b = o.bm25_b > 0 ? o.bm25_b : TRAWL_BM25_B;
    enquire.set_weighting_scheme(tw_bm25_weight({ k1, b }));
    bool remote = tw_shards_remote(db);
    if (o.sort_by_date && weightless && !remote) {
        /* Newest first, and articles of one date (or none) by their record's
         * hash: in the order they were indexed, which a parallel build
         * shuffles from one build to the next, the page would change.
         * (Xapian's remote backend takes no KeyMaker: over a remote shard
         * they stay in the order of the index.) */
        Xapian::MultiValueKeyMaker *newest = new Xapian::MultiValueKeyMaker;
        newest->add_value(TW_SLOT_DATE, true);
        newest->add_value(TW_SLOT_HASH);
        enquire.set_sort_by_key_then_relevance(newest->release(), false);
    } else if (o.sort_by_date) {
        enquire.set_sort_by_value_then_relevance(TW_SLOT_DATE, true);
    }
    bool fold = !o.no_collapse;
    if (fold)
        enquire.set_collapse_key(TW_SLOT_STORY);
    Facets facets(db, enquire, o.facets, fold, remote);
    size_t limit = o.limit ? o.limit : 10;
    /* Copies of a story in different members of a union fold on the pages
     * of the first TRAWL_FOLD_MAX stories (shard_copies_xapian.h), which
     * are then matched from the first: through the page and the next (whose
     * copies of the page's hits are listed with them), and a page more for
     * the places of those folded. */
    bool across = fold && db->db.size() > 1;
    /* Feedback ranks the first TW_FEEDBACK_POOL hits again: a page among
     * them needs them all, and the one after; so does a page past them
     * folded across a union, which must fold the hits before it in the
     * order their own pages showed them. */
    bool pooled = !o.bm25_only && !o.sort_by_date && (o.offset < TW_FEEDBACK_POOL || across);
    /* Over a remote shard each document read is a round trip of its own.
     * A page without snippets needs of a hit only its shown fields (a value)
     * and its story (the collapse key, which the match sends): ranked by
     * relevance and then by that value, the match sends the value too, as
     * the hit's sort key.  (Sending it for the whole pool, 301 hits, cost
     * less than the page's documents: 3 remote shards, Reuters, 1.6-1.7 ms
     * a search without it, 1.2 ms with it.)  A page with snippets reads its
     * own hits' documents, but folding across a union needs of the hits
     * before it only their dates and signatures, sent so too (Reuters in
     * three shards, two served: 'oil' read 27 documents for its first
     * page, 315 at --offset 290, 1,021 at 990, each a round trip; now the
     * page's 10). */
    bool keyed = !by_hash && remote && (o.no_snippets || across) && !o.sort_by_date;
    if (keyed)
        enquire.set_sort_by_relevance_then_value(TW_SLOT_SHOWN, false);
    else if (by_hash)
        enquire.set_sort_by_relevance_then_value(TW_SLOT_HASH, false);
    size_t end = limit > SIZE_MAX - o.offset ? SIZE_MAX : o.offset + limit;    /* the page's */
    /* Hits of equal score (by date, and of one date) are put in an order
     * of their own (ties_xapian.h), also when the match sent the
     * shown fields (KEYED), whose order had been a remote union's own (a
     * third of Reuters' first pages in tsv over remote shards, 14 of 40
     * bench queries, other than one index's).  To see whether a group of
     * them crosses an edge of the page, a hit more is matched on each side
     * of it where the pool does not reach.  WANT is the page's hits or the
     * pool, ASKED what is matched from FIRST. */
    bool from_first = pooled || across;
    size_t folded_to = end > SIZE_MAX - limit ? SIZE_MAX : end + limit;
    /* Past the first TRAWL_FOLD_MAX stories the hits are not folded: each
     * shows once, after them, in the order matched. */
    size_t fold_to = std::min<size_t>(folded_to, TRAWL_FOLD_MAX);
    size_t fold_all = folded_to > SIZE_MAX - limit ? SIZE_MAX : folded_to + limit;
    Xapian::doccount before = !from_first && o.offset > 0 ? 1 : 0;
    Xapian::doccount first = from_first ? 0 : doccount_of(o.offset - before);
    Xapian::doccount want =
        pooled   ? doccount_of(std::max<size_t>(TW_FEEDBACK_POOL + 1, end))
        : across ? doccount_of(fold_all)
                 : doccount_of(limit);
    /* A count asked to be exact folds the matches across the union as far
     * as pages do, the first TRAWL_FOLD_MAX stories, and counts the rest as
     * the pages after them show them: each member's copies of one story
     * were each counted once (Reuters in three shards, 14 of 40 bench
     * queries' --count over one index's).  So do facets, which count over
     * all the matches ('explosion' by year: 45 in three local shards, 44 in
     * one index). */
    bool count_folded = across && (o.exact_count || o.facets) && counted;
    if (count_folded)
        want = std::max(want, doccount_of(TRAWL_FOLD_MAX + 1));
    Xapian::doccount after = !pooled || end >= want ? 1 : 0;
    Xapian::doccount asked = doccount_of((size_t)want + before + after);
    /* Looking at a few hundred matches costs little and makes the estimate
     * good (and exact for most queries), so that the total does not jump
     * from one page to the next; counting and facets look at them all. */
    bool all = o.exact_count || o.facets;
    Xapian::doccount check = all       ? db->db.get_doccount()
                           : !counted ? 0
                                      : doccount_of(std::max<size_t>(TRAWL_CHECK_AT_LEAST, end));
    /* Folded, the match can tell the count only once it has looked at
     * every match (Xapian's bounds do not know what folding takes away),
     * and total_of would count them in a match of its own: when the
     * query's terms say there are no more than that would count, this
     * match looks at them all instead -- the same hits and total, one
     * match in place of two (the defaults' searches without snippets,
     * linux-doc -3.5% instructions, Reuters -2.5%).  Not over a remote
     * shard, where the terms' frequencies are a round trip more; nor in a
     * match again, which takes its total from the first (Rematch). */
    if (counted && !again && !all && fold && !remote) {
        Xapian::doccount most = tw_matches_most(db, ready);
        if (most > check && most <= TRAWL_COUNT_MAX)
            check = most;
        /* Over a union, a story's copies in two members count once only
         * where the hits are folded, which all of them are when they are
         * few: the match keeps them all. */
        if (across && most <= FOLDED_COUNT_MOST && most >= asked)
            asked = most + 1;
    }
    floor_match(enquire, again, first, asked);
    Xapian::MSet mset = enquire.get_mset(first, asked, check, nullptr, decider);
    /* By date, hits tie when of one date too: MSET's sort key. */
    const Xapian::MSet *dated = o.sort_by_date ? &mset : nullptr;
    /* A query of filters alone (a site, a date range, a language, NOT a
     * word) weighs every article 0: ranked by relevance, its hits came in
     * the order they were indexed, which a parallel build shuffles.  They
     * come newest first, as --sort date has them.  (Known only once
     * matched: asking Xapian beforehand cost every search 7%.) */
    if (!weightless && mset.get_max_possible() == 0) {
        trawl_search_opts by_date = o;
        by_date.sort_by_date = 1;
        return run(db, query, by_date, counted, decider, true);
    }
    /* A pruned OR may have lost a match (tw_match_safe_below).  One that a
     * count would look at whole anyway is matched again so, which counts it
     * too.  (The some-word fill, which neither counts nor looks past its
     * page, is not.)  Over a remote shard each side's bound is a round trip,
     * which costs more than matching again. */
    Xapian::doccount bound = mset.get_uncollapsed_matches_upper_bound();
    /* (Asked here and by a match again's floor: one rule for both.) */
    auto safe_below = [&] {
        return tw_match_safe_below(db->db, ready, tw_bm25_weight({ k1, b }),
                                   remote ? 0 : SAFE_SIDES_MOST);
    };
    if (counted && !all && !o.sort_by_date && bound > check && bound <= TRAWL_COUNT_MAX &&
        want && mset.size() >= before + want &&
        mset.get_matches_lower_bound() != mset.get_matches_upper_bound() &&
        mset[before + want - 1].get_weight() > safe_below()) {
        check = bound;
        floor_match(enquire, again, first, asked);
        mset = enquire.get_mset(first, asked, check, nullptr, decider);
    }

    Results res(tw_results_new());
    if (!res)
        throw std::bad_alloc();
    /* When every match was looked at, the lower bound is the count (the
     * upper bound does not know what folding took away).  A match again
     * takes it from the first: its own estimates, cut at the floor, are
     * not the same. */
    Rematch first_match = { 0, 0, false, 0, false, nullptr };
    if (again) {
        first_match = *again;
    } else if (counted) {
        bool exact = all || mset.get_uncollapsed_matches_upper_bound() <= check ||
                     mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
        first_match.total = exact ? mset.get_matches_lower_bound()
                                  : total_of(db, ready, fold, remote, mset, &exact);
        first_match.exact = exact;
    }
    if (counted)
        tw_results_set_total(res.get(), first_match.total, first_match.exact);
    /* Feedback only reorders the matches: the total and the facets stand. */
    bool feedback = again ? again->feedback
                          : pooled && tw_feedback_wanted(mset.get_matches_estimated());
    first_match.feedback = feedback;
    std::vector<TwRanked> ranked;
    size_t from, to;
    TwShardCopies shard_copies;
    if (again && again->copies)
        shard_copies.read.swap(again->copies->read);
    for (bool widened = false;; widened = true) {
        hits_of(mset, first, ranked);
        /* (What was read of each hit stands.) */
        shard_copies.folded.clear();
        /* Feedback reads the words of the first hits and ranks the first
         * TW_FEEDBACK_POOL again: of a story, as one index has it, once.
         * The pool is of stories, folded by the first ranking as one
         * index's match folds them (a story's copies in two shards took
         * two of its places, and the stories they pushed out got no
         * bonus: 'yen dollar' over three shards ranked its hits 291-300
         * otherwise than one index, with other scores). */
        for (bool more = across && feedback; more;) {
            tw_fold_shard_copies(db, ranked, TW_FEEDBACK_POOL + 1, keyed ? &mset : nullptr,
                                 shard_copies, false);
            more = ranked.size() <= TW_FEEDBACK_POOL && mset.size() == asked &&
                   more_matched(enquire, first, asked, TW_FEEDBACK_POOL + 1 - ranked.size(),
                                decider, again, mset, ranked);
        }
        if (feedback) {
            if (keyed)
                send_topics(db, mset, ranked);
            else
                tw_hit_docs_read(db, ranked, 0, tw_feedback_reads(ranked));
            tw_feedback(db, ready, { k1, b }, ranked);
        }
        from = std::min(ranked.size(), o.offset - first);
        to = from + std::min(ranked.size() - from, limit);    /* limit may be SIZE_MAX */
        if (widened || !tw_ties_cut(ranked, from, to, first > 0, mset.size() == asked, dated))
            break;
        /* A group across an edge is matched whole, again with as many hits
         * either side as tw_order_ties puts in order; the total and the
         * facets stand (their spies are not fed twice). */
        size_t margin = TW_TIES_GROUP_MAX;
        first = from_first ? 0 : doccount_of(o.offset > margin ? o.offset - margin : 0);
        size_t around = (o.offset - first) + margin;
        asked = doccount_of(std::max<size_t>((size_t)asked + margin, limit > SIZE_MAX - around
                                                                         ? SIZE_MAX
                                                                         : limit + around));
        enquire.clear_matchspies();
        floor_match(enquire, again, first, asked);
        mset = enquire.get_mset(first, asked, 0, nullptr, decider);
    }
    if (across) {
        /* (The page starts where it asked, which the hits matched may not
         * reach before more are: folding the pool left fewer.) */
        from = o.offset - first;
        /* When the count is to be exact, or the matches are few
         * (FOLDED_COUNT_MOST), they are folded as far as any page folds
         * them, and counted as the pages show them: a story's copies in
         * two members once; past that the count is an estimate.  (The
         * total counted each copy where only the first pages were folded,
         * and said it was exact: Reuters in three shards, 64 of the first
         * 100 bench queries 1-3% over one index's, 'explosion' 45 for 44.)
         * The match goes on for those it did not keep. */
        uint64_t union_total = trawl_results_total(res.get());
        bool few = counted && trawl_results_total_exact(res.get()) &&
                   union_total <= FOLDED_COUNT_MOST;
        bool whole = count_folded || few || (mset.size() < asked && ranked.size() <= fold_all);
        size_t stand = whole ? TRAWL_FOLD_MAX : fold_to, need = whole ? stand : folded_to;
        tw_fold_shard_copies(db, ranked, stand, keyed ? &mset : nullptr, shard_copies, true);
        /* Copies folded may leave fewer hits than the page and the next
         * need where more matched, and move a group of equal score across
         * the end of those matched, where tw_order_ties leaves it in docid
         * order (the pages before and after, which have it whole, order it
         * by hash: 'oil' paged by ten showed seven hits twice): the match
         * goes on after its last hit until enough stand (Reuters in three
         * shards, 'yen dollar' --offset 270: no hit, "past the 379 matching
         * stories") and the group is whole. */
        for (;;) {
            size_t short_by = need > ranked.size() ? need - ranked.size() : 0;
            size_t end_at = std::min(limit > SIZE_MAX - from ? SIZE_MAX : from + limit,
                                     ranked.size());
            bool cut = tw_ties_cut(ranked, std::min(from, end_at), end_at, false,
                                   mset.size() == asked, dated);
            if ((!short_by && !cut) || mset.size() < asked ||
                !more_matched(enquire, first, asked,
                              short_by + limit + (cut ? TW_TIES_GROUP_MAX : 0), decider, again,
                              mset, ranked))
                break;
            tw_fold_shard_copies(db, ranked, stand, keyed ? &mset : nullptr, shard_copies, true);
        }
        if (whole && counted && mset.size() < asked)
            tw_results_set_total(res.get(), ranked.size(), true);
        else if (whole && counted)
            tw_results_set_total(res.get(),
                                 trawl_results_total(res.get()) -
                                     tw_shard_copies_folded(shard_copies),
                                 trawl_results_total_exact(res.get()));
        else if (counted)
            tw_results_set_total(res.get(), union_total, false);
        to = std::min(limit > SIZE_MAX - from ? SIZE_MAX : from + limit, ranked.size());
        from = std::min(from, to);
        if (count_folded)
            facets.fold_across(mset, shard_copies);
        /* Past the first TRAWL_FOLD_MAX stories, copies in different
         * members are each a hit. */
        if (to > TRAWL_FOLD_MAX ||
            (count_folded && trawl_results_total(res.get()) > TRAWL_FOLD_MAX))
            tw_results_set_unfolded(res.get());
    }
    /* A group of equal score on the page that tw_order_ties leaves in
     * docid order (of more than TW_TIES_GROUP_MAX hits, or going on past
     * those matched), which a build with two workers or shards change
     * ('oil' has 60 hits at 4.3370, ranks 426-485, in another order over
     * three shards than in one index): matched again, Xapian ordering
     * hits of equal score by hash, as tw_order_ties does. */
    if (!by_hash && !o.sort_by_date &&
        tw_ties_unordered(ranked, from, to, first > 0, mset.size() == asked)) {
        /* (Facets count every match, which a floor would leave out.) */
        double lowest = mset[mset.size() - 1].get_weight();
        if (!o.facets && lowest <= safe_below())
            first_match.floor = lowest;
        first_match.depth = mset.size() < asked ? SIZE_MAX : (size_t)first + asked;
        first_match.copies = &shard_copies;
        return run(db, query, o, counted, decider, weightless, &first_match);
    }
    bool by_date = o.sort_by_date != 0;
    if (fold)
        show_first_copies(db, ready, { k1, b }, mset, ranked, from, to, true, by_date);
    /* The hits of equal score about the page too: tw_order_ties orders
     * them by the hash of the copy that stands, and may bring one onto the
     * page ('oil' over three shards paged by 10 showed NEWID 8051 at 930,
     * the copy first in the union's docids, where paged by 37 it showed
     * 8050, first by hash). */
    if (across) {
        size_t lo, hi;
        tw_ties_span(ranked, from, to, dated, &lo, &hi);
        tw_shard_copies_first(db, mset, by_date, ranked, lo, hi, shard_copies,
                              [&](std::vector<TwRanked> &hits) {
                                  show_first_copies(db, ready, { k1, b }, mset, hits, 0,
                                                    hits.size(), false, by_date);
                              });
    }
    tw_order_ties(db, ranked, from, to, first > 0, mset.size() == asked, dated,
                  keyed ? &mset : nullptr);
    size_t snippet_len = o.snippet_length ? o.snippet_length : 200;
    size_t rank = o.offset;
    HitScratch x;
    std::unique_ptr<SnippetTerms> body_terms, title_own;
    const SnippetTerms *title_terms = nullptr;
    std::unique_ptr<ExcerptReader> excerpts;
    std::vector<tw_match> found;
    if (!o.no_snippets) {
        Xapian::doccount n = db->db.get_doccount();
        tw_hans *hans = snippet_hans(db, ready);
        body_terms.reset(new SnippetTerms(ready, mset, n, db->stem, db->stemmer, db->lang_stems,
                                          db->own_language, db->elisions, tw_db_sea(db), hans,
                                          ""));
        db->search_work.snippet_terms++;
        /* A query with no title: words looks for the body's in titles. */
        title_terms = body_terms.get();
        if (body_terms->looks_under(TW_PREFIX_TITLE)) {
            title_own.reset(new SnippetTerms(ready, mset, n, db->stem, db->stemmer,
                                             db->lang_stems, db->own_language, db->elisions,
                                             tw_db_sea(db), hans, TW_PREFIX_TITLE));
            db->search_work.snippet_terms++;
            title_terms = title_own.get();
        }
        std::vector<Xapian::docid> page;
        for (size_t i = from; i < to; i++)
            page.push_back(ranked[i].did);
        excerpts.reset(new ExcerptReader(db, *body_terms, snippet_len, std::move(page)));
    }
    std::vector<std::string> records;
    size_t chunk = from, chunk_end = from;
    for (size_t i = from; i < to; i++) {
        if (i == chunk_end) {
            chunk = i;
            chunk_end = read_records(db, mset, ranked, chunk, to, keyed && o.no_snippets,
                                     !o.no_snippets, records);
        }
        x.reset();
        Xapian::docid did = ranked[i].did;
        Xapian::MSetIterator m = mset[ranked[i].at];
        const Xapian::Document *doc = ranked[i].doc.get();  /* read unless keyed: always
                                                               with snippets */
        const std::string &data = records[i - chunk];
        tw_slice fields[TW_F_COUNT];
        tw_docdata_parse(data.data(), data.size(), fields);
        tw_db_trim_title(db, fields);
        tw_hit_extra extra = {};
        if (!o.no_snippets) {
            const tw_slice &lang = fields[TW_F_LANG];
            unsigned language = body_terms->language_of(lang.ptr, lang.len);
            Excerpt stored;
            excerpts->read(did, *doc, fields, language, &x.body, &stored);
            if (!stored.text.ptr)
                stored.text.ptr = "";
            passage(*body_terms, stored, language, found, &x.snippet, &x.spans, &extra.n_spans);
            extra.snippet = x.snippet.data ? x.snippet.data : "";
            extra.snippet_len = x.snippet.len;
            extra.spans = x.spans;
            const tw_slice &t = fields[TW_F_TITLE];
            if (t.ptr && t.len) {
                title_matches(*title_terms, t.ptr, t.len, language, found, &x.title_spans,
                              &extra.n_title_spans);
                extra.title_spans = x.title_spans;
            }
        }
        std::vector<std::string> copies;
        std::vector<const char *> copy_ids;
        std::string story = fold ? m.get_collapse_key() : std::string();
        if (!story.empty())
            copies = tw_story_copies(db, story, ranked[i], &extra.n_similar);
        auto in_shards = shard_copies.folded.find(ranked[i].at);
        if (in_shards != shard_copies.folded.end())
            tw_shard_copies_ids(db, mset, keyed, in_shards->second, copies, &extra.n_similar);
        if (!copies.empty()) {
            for (const std::string &c : copies)
                copy_ids.push_back(c.c_str());
            extra.duplicates = copy_ids.data();
            extra.n_duplicates = copy_ids.size();
        }
        if (tw_results_add(res.get(), ++rank, did, ranked[i].weight, fields, &extra) < 0)
            throw std::bad_alloc();
        ranked[i].doc.reset();     /* let go with its record: RECORDS_HELD */
    }
    if (body_terms) {
        db->search_work.snippet_stems += body_terms->words_stemmed();
        db->search_work.form_stems += body_terms->forms_stemmed();
    }
    if (title_own)
        db->search_work.snippet_stems += title_own->words_stemmed();
    if (o.facets) {
        add_facets(res.get(), facets, db);
        if (remote && fold)
            tw_results_set_facets_by_article(res.get());
    }
    return res.release();
}

static void set_suggestion(trawl_results *res, const std::string &s, bool used)
{
    if (tw_results_set_suggestion(res, s.c_str(), used) < 0)
        throw std::bad_alloc();
}

/* TEXT parsed (any word matching with ANY), with the bonus for words near
 * each other if NEAR, unless O ranks by BM25 alone or by date. */
static Xapian::Query parse(trawl_db *db, const std::string &text, bool any,
                           const trawl_search_opts &o, bool near = true)
{
    Xapian::Query q = tw_db_parse(db, text, any);
    bool bonus = near && !o.bm25_only && !o.sort_by_date;
    return tw_db_in_languages(db, bonus ? tw_near_bonus(db->qp, q) : q);
}

/* The page of a query of fewer words than this is not filled with articles
 * that hold some of them: one word of two is half the question. */
static const size_t SOME_WORDS_MIN = 3;

/* The parts of Q, a query parse made with all its words to match, that the
 * words of its text were joined into: words, phrases, fields. */
static size_t joined_parts(const Xapian::Query &q)
{
    typedef Xapian::Query Q;
    switch (q.get_type()) {
    case Q::OP_FILTER:
    case Q::OP_AND_NOT:
    case Q::OP_AND_MAYBE:       /* the bonus for words near each other */
        return joined_parts(q.get_subquery(0));
    case Q::OP_AND: {
        size_t n = 0;
        for (size_t i = 0; i < q.get_num_subqueries(); i++) {
            Q sub = q.get_subquery(i);
            /* An elided word ("l'économie du pays") nests the rest in an AND. */
            n += sub.get_type() == Q::OP_AND ? joined_parts(sub) : 1;
        }
        return n;
    }
    default:
        return 1;
    }
}

/* The keys of the stories with copies among the TOTAL stories ALL
 * matches in DB. */
static std::set<std::string> story_keys(const trawl_db *db, const Xapian::Query &all,
                                        uint64_t total)
{
    Xapian::Enquire enquire(db->db);
    enquire.set_query(all_docs_safe(db, all));
    tw_weigh_nothing(enquire, tw_shards_remote(db));
    enquire.set_collapse_key(TW_SLOT_STORY);
    Xapian::MSet stories = enquire.get_mset(0, (Xapian::doccount)total);
    std::set<std::string> keys;
    for (Xapian::MSetIterator m = stories.begin(); m != stories.end(); ++m)
        if (!m.get_collapse_key().empty())
            keys.insert(m.get_collapse_key());
    return keys;
}

/* What ALL matches in DB, and over remote shards the other copies of its
 * stories, KEYS, each by a range of story values; locally OTHERS, the
 * match decider that leaves those copies out, gets the keys instead, and
 * *DECIDER points to it when there are any.  Each range walks the story
 * values of every article with copies (a page of 5,498 stories took 0.8 s
 * on 600,000 articles, and grows with both); a decider reads only the
 * value of each match it is asked about, but xapian-tcpsrv takes none. */
static Xapian::Query shown_stories(trawl_db *db, const Xapian::Query &all,
                                   const std::set<std::string> &keys,
                                   Xapian::ValueSetMatchDecider &others,
                                   const Xapian::MatchDecider **decider)
{
    typedef Xapian::Query Q;
    *decider = nullptr;
    if (!tw_shards_remote(db)) {
        for (const std::string &key : keys)
            others.add_value(key);
        if (!keys.empty())
            *decider = &others;
        return all;
    }
    std::vector<Q> shown{ all };
    for (const std::string &key : keys)
        shown.push_back(Q(Q::OP_VALUE_RANGE, TW_SLOT_STORY, key, key));
    db->search_work.story_ranges += keys.size();
    return shown.size() == 1 ? all : Q(Q::OP_OR, shown.begin(), shown.end());
}

/* TEXT's words, any of which may match, in *ANY; false when that is
 * MATCHED, TEXT's query as parsed without the nearness bonus (a word, or
 * words the query joins itself).  ANY is searched only where no article
 * has all the words, so that the bonus for all of them near each other
 * would find nothing, and only cost: two thirds of the some-word fill's
 * time on linux-doc. */
static bool any_word(trawl_db *db, const std::string &text, const Xapian::Query &matched,
                     const trawl_search_opts &o, Xapian::Query *any)
{
    *any = parse(db, text, true, o, false);
    return any->get_description() != matched.get_description();
}

/* RES, the page of ALL (TEXT's words all matching), with the rest of the
 * page filled with the articles that hold only some of the words, ranked
 * after those that hold them all: an article that says all but one of a
 * reader's words (a word its page's text lost, or one the reader
 * misremembers) is still found, and a topic typed in several words reaches
 * its articles that use only some of them (bench/RESULTS.md, session 14).
 * Not when the words are to match all (O.no_relax), any (O.match_any), or
 * as the query joins them already (no bare words to loosen), nor when the
 * count of all-word matches is an estimate, after which no place is sure. */
static trawl_results *with_some_words(trawl_db *db, const std::string &text,
                                      const Xapian::Query &all, const trawl_search_opts &o,
                                      Results res)
{
    size_t limit = o.limit ? o.limit : 10, n = trawl_results_count(res.get());
    uint64_t total = trawl_results_total(res.get());
    Xapian::Query matched = tw_without_near_bonus(all), any;
    if (o.match_any || o.no_relax || n >= limit || !trawl_results_total_exact(res.get()) ||
        o.offset + n < total || joined_parts(all) < SOME_WORDS_MIN ||
        !any_word(db, text, matched, o, &any))
        return res.release();
    trawl_search_opts rest = o;
    rest.offset = o.offset > total ? o.offset - (size_t)total : 0;
    rest.limit = limit - n;
    rest.facets = 0;
    rest.exact_count = 0;
    /* Folded, a story already shown is not shown again for a copy that
     * lacks a word the shown one has. */
    std::set<std::string> keys;
    if (!o.no_collapse)
        keys = story_keys(db, matched, total);
    Xapian::ValueSetMatchDecider others(TW_SLOT_STORY, false);
    const Xapian::MatchDecider *decider;
    Xapian::Query shown = shown_stories(db, matched, keys, others, &decider);
    Results more(run(db, Xapian::Query(Xapian::Query::OP_AND_NOT, any, shown), rest, false,
                     decider));
    if (tw_results_take_some_words(res.get(), more.get(), (size_t)total) < 0)
        throw std::bad_alloc();
    return res.release();
}

/* Whether QUERY matches an article at all: a match that looks at one. */
static bool finds(trawl_db *db, Xapian::Query query)
{
    tw_ready_for_match(db->db, query);
    Xapian::Enquire enquire(db->db);
    enquire.set_query(all_docs_safe(db, query));
    tw_weigh_nothing(enquire, tw_shards_remote(db));
    return !enquire.get_mset(0, 1).empty();
}

/* The articles with any of TEXT's words, QUERY being TEXT parsed with them
 * all to match and none of them has: ranked by BM25 alone and marked as
 * relaxed; NULL when none has any, or the words cannot be loosened.  A
 * query that matches nothing asks for an article, not about a subject that
 * its first hits' words would widen it to (as with feedback's
 * FEEDBACK_MIN_MATCHES); and no article has all the words near each other.
 * (web-eval's known items whose page lacks a word: MRR@10 0.634 -> 0.646,
 * none lower; bench/RESULTS.md, session 15.) */
static trawl_results *any_word_hits(trawl_db *db, const std::string &text,
                                    const Xapian::Query &query, const trawl_search_opts &o)
{
    Xapian::Query any;
    if (!any_word(db, text, tw_without_near_bonus(query), o, &any))
        return nullptr;
    trawl_search_opts loose = o;
    loose.bm25_only = 1;
    Results relaxed(run(db, any, loose));
    if (!trawl_results_total(relaxed.get()))
        return nullptr;
    tw_results_set_relaxed(relaxed.get());
    return relaxed.release();
}

/* Whether BETTER, a correction whose words do not all match together
 * (QUERY, BETTER parsed), would find articles through its any-word
 * fallback: a "did you mean" whose search finds nothing only sends the
 * reader to a second empty page. */
static bool any_word_finds(trawl_db *db, const std::string &better, const Xapian::Query &query,
                           const trawl_search_opts &o)
{
    Xapian::Query any;
    return !o.match_any && !o.no_relax &&
           any_word(db, better, tw_without_near_bonus(query), o, &any) && finds(db, any);
}

/* BETTER, a query's correction, parsed into *FIXED; false when the
 * parser refuses it: a field's name corrected where the value typed after
 * it is no value of that field ("data:science" meant as date:science),
 * which would fail a search that, as typed, found nothing. */
static bool correction_parsed(trawl_db *db, const std::string &better,
                              const trawl_search_opts &o, Xapian::Query *fixed)
{
    try {
        *fixed = parse(db, better, o.match_any != 0, o);
        return true;
    } catch (const Xapian::QueryParserError &) {
        return false;
    }
}

/* The search as asked, then the fallbacks when it finds little or nothing:
 * in this order, the articles with all the words as typed; with all the
 * words of the spelling correction; with any of the words as typed; with
 * any of the correction's.  A correction is suggested only when its search
 * would find something. */
static trawl_results *search_typed(trawl_db *db, const std::string &text,
                                   const Xapian::Query &query, const trawl_search_opts &o)
{
    Results res(run(db, query, o));
    uint64_t total = trawl_results_total(res.get());
    if (total > FEW_HITS)
        return with_some_words(db, text, query, o, std::move(res));
    std::string better = o.no_suggest ? std::string()
                                      : tw_suggest(db, text, total == 0);
    Xapian::Query fixed;
    if (!better.empty() && !correction_parsed(db, better, o, &fixed))
        better.clear();
    if (better.empty()) {
        if (total)
            return with_some_words(db, text, query, o, std::move(res));
        if (o.match_any || o.no_relax)
            return res.release();
        Results relaxed(any_word_hits(db, text, query, o));
        return relaxed ? relaxed.release() : res.release();
    }
    if (total) {
        if (finds(db, fixed) || any_word_finds(db, better, fixed, o))
            set_suggestion(res.get(), better, false);
        return with_some_words(db, text, query, o, std::move(res));
    }
    Results corrected(run(db, fixed, o));
    if (trawl_results_total(corrected.get())) {
        set_suggestion(corrected.get(), better, true);
        return corrected.release();
    }
    if (o.match_any || o.no_relax)
        return res.release();
    Results relaxed(any_word_hits(db, text, query, o));
    if (relaxed) {
        if (any_word_finds(db, better, fixed, o))
            set_suggestion(relaxed.get(), better, false);
        return relaxed.release();
    }
    Results corrected_any(any_word_hits(db, better, fixed, o));
    if (!corrected_any)
        return res.release();
    set_suggestion(corrected_any.get(), better, true);
    return corrected_any.release();
}

/* Records in RES, the answer to TEXT, a name TEXT types before a ':' that
 * is no field, when the words as typed matched nothing: the parser read it
 * as a word ("nosuch:storm", "tite:storm" whose correction "site:storm"
 * found nothing either), which may be why, and nothing said so.  Not when
 * a correction's hits are shown: the correction names the field meant. */
static void tell_unknown_field(trawl_results *res, const std::string &text)
{
    if (trawl_results_used_suggestion(res) ||
        (trawl_results_total(res) && !trawl_results_relaxed(res)))
        return;
    std::string name = tw_unknown_field(text);
    if (!name.empty() && tw_results_set_unknown_field(res, name.c_str()) < 0)
        throw std::bad_alloc();
}

/* The search of TEXT, which tells of a wildcard searched as fewer words than
 * it stands for, and of a name that is no field. */
static trawl_results *search(trawl_db *db, const std::string &text, const trawl_search_opts &o)
{
    Xapian::Query query = parse(db, text, o.match_any != 0, o);
    std::string broad = db->quoted_broad;
    Results res(search_typed(db, text, query, o));
    if (broad.empty())
        broad = tw_broad_wildcard(db->db, query);
    if (!broad.empty() && tw_results_set_broad_wildcard(res.get(), broad.c_str()) < 0)
        throw std::bad_alloc();
    tell_unknown_field(res.get(), text);
    return res.release();
}

/* The failure of a search like article ID, which DB does not hold: in a
 * partial search, the article may be in a shard that did not answer, which
 * is named (a partial search had said "no article with id" and nothing of
 * the shard, and exit status 1). */
static trawl_status like_not_found(trawl_db *db, const char *id)
{
    for (const tw_shard &s : db->shards)
        if (!s.up)
            return tw_db_fail(db, TRAWL_ESHARD, "no article with id %s in the shards that "
                              "answered, and shard %s, which may hold it, did not answer: "
                              "%s", id, s.spec.c_str(), s.why.c_str());
    return tw_db_fail(db, TRAWL_ENOTFOUND, "no article with id %s in index %s", id,
                      db->path.c_str());
}

/* The search of the articles like article O.like among those TEXT matches
 * (every article when TEXT is blank); NULL when no article has that id. */
static trawl_results *search_like(trawl_db *db, const std::string &text,
                                  const trawl_search_opts &o)
{
    Xapian::Document doc;
    std::string idterm;
    if (!tw_find_article(db, o.like, &doc, &idterm))
        return nullptr;
    Xapian::Query like = tw_like_query(db, doc, idterm);
    if (text.find_first_not_of(" \t\n") != std::string::npos)
        like = Xapian::Query(Xapian::Query::OP_FILTER, like,
                             parse(db, text, o.match_any != 0, o, false));
    /* The words are the article's, not a reader's: no bonus for words typed
     * near each other, nor a second ranking by what the first hits share
     * (the article says what its subject is). */
    trawl_search_opts plain = o;
    plain.bm25_only = 1;
    return run(db, like, plain);
}

/* How deep QUERY's parentheses nest, outside its quoted phrases (where the
 * parser reads them as spaces). */
static size_t nesting(const char *query)
{
    size_t depth = 0, deepest = 0;
    bool quoted = false;
    for (const char *p = query; *p; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (!quoted && *p == '(')
            deepest = std::max(deepest, ++depth);
        else if (!quoted && *p == ')' && depth)
            depth--;
    }
    return deepest;
}

extern "C" trawl_status trawl_search(trawl_db *db, const char *query,
                                     const trawl_search_opts *opts, trawl_results **out)
{
    if (!out)
        return db ? tw_db_fail(db, TRAWL_EINVAL, "no place given for the results") : TRAWL_EINVAL;
    *out = nullptr;
    if (!db || !query)
        return db ? tw_db_fail(db, TRAWL_EINVAL, "no query given") : TRAWL_EINVAL;
    trawl_search_opts o;
    tw_take_opts(&o, sizeof o, TW_SEARCH_OPTS_FIRST, opts);
    const char *p = query;
    while (*p == ' ' || *p == '\t' || *p == '\n')
        p++;
    if (!*p && !o.like)
        return tw_db_fail(db, TRAWL_EQUERY, "empty query: give at least one word");
    if (o.like && !*o.like)
        return tw_db_fail(db, TRAWL_EINVAL, "no article id given to search for its like");
    /* Each level of parentheses is a level of the parsed query, which the
     * search walks by recursion (its languages, synonyms, Xapian's match):
     * 15,000 levels overflowed the stack, a crash of the caller. */
    size_t depth = nesting(p);
    if (depth > TRAWL_QUERY_MAX_NESTING)
        return tw_db_fail(db, TRAWL_EQUERY, "bad query: its parentheses nest %zu deep; at "
                          "most %d levels are searched", depth, TRAWL_QUERY_MAX_NESTING);
    /* Xapian's BM25Weight lets NaN through and clamps the rest; an infinite
     * or huge k1 made every score NaN or infinite.  (0 is the default.) */
    if (!(o.bm25_k1 >= 0 && o.bm25_k1 <= TRAWL_BM25_K1_MAX))
        return tw_db_fail(db, TRAWL_EINVAL,
                          "bm25_k1 must be above 0 and at most %g (0 for the default, %g), "
                          "not %g", TRAWL_BM25_K1_MAX, TRAWL_BM25_K1, o.bm25_k1);
    if (!(o.bm25_b >= 0 && o.bm25_b <= 1))
        return tw_db_fail(db, TRAWL_EINVAL,
                          "bm25_b must be above 0 and at most 1 (0 for the default, %g), "
                          "not %g", TRAWL_BM25_B, o.bm25_b);
    try {
        /* A writer may have committed since we opened: see its latest commit.
         * One that commits while we read may replace the blocks under us:
         * Xapian says so (DatabaseModifiedError), or, when a block is read
         * half way through a commit, it looks damaged.  Both are read again,
         * at the latest revision, after a pause; damage that is still there
         * after all the tries is real (tw_db_retry).  A remote shard that
         * fails is left out of the next try, which a partial search makes at
         * once (TW_DB_TRIES in all); the remote shards that are down are
         * tried again on the first. */
        int attempt = 0;
        trawl_status status = TRAWL_OK;
        db->reads++;
        tw_db_retry(db, [&] {
            for (;;) {
                try {
                    tw_db_refresh(db, ++attempt == 1);
                    db->leaves.clear();
                    tw_shards_require(db, o.partial);
                    Results res(o.like ? search_like(db, query, o) : search(db, query, o));
                    if (!res) {
                        status = like_not_found(db, o.like);
                        return;
                    }
                    for (const tw_shard &s : db->shards)
                        if (!s.up && tw_results_add_missing(res.get(), s.spec.c_str()) < 0)
                            throw std::bad_alloc();
                    *out = res.release();
                    return;
                } catch (const Xapian::NetworkError &e) {
                    if (!tw_shards_lost(db, e) || attempt >= TW_DB_TRIES)
                        throw;
                }
            }
        });
        return status;
    } catch (...) {
        /* A syntax error is "bad query" (TRAWL_EQUERY); a damaged index is
         * TRAWL_ECORRUPT, with how to check and rebuild it. */
        return tw_catch_index(db->errmsg, sizeof db->errmsg, "searching", db->path.c_str());
    }
}
