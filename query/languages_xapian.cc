/* languages_xapian.cc - which languages an index stems its articles in and
 * whether it has an accents' space; a parsed query's words looked for in
 * all of those languages and with other accents. */
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <vector>
#include <xapian.h>

extern "C" {
#include "schema.h"
#include "utf8.h"
}
#include "languages_xapian.h"
#include "accents_xapian.h"
#include "kept_answers_xapian.h"
#include "parse_xapian.h"
#include "stem_cache_xapian.h"
#include "stem_snowball_xapian.h"
#include "wildcards_xapian.h"
#include "trawl.h"

/* Notes whether index D has an accents' space, and adds its terms and their
 * article counts to DB's accent_freqs while they fit (else accents_whole
 * goes). */
static void read_accents(trawl_db *db, const Xapian::Database &d)
{
    for (const std::string space : { TW_PREFIX_ACCENTS, "Z" TW_PREFIX_ACCENTS }) {
        Xapian::TermIterator t = d.allterms_begin(space);
        db->accents |= t != d.allterms_end(space);
        for (; db->accents_whole && t != d.allterms_end(space); ++t) {
            if (db->accent_freqs.size() == TW_ACCENTS_KEPT) {
                db->accents_whole = false;
                return;
            }
            db->accent_freqs[*t] += t.get_termfreq();
        }
    }
}

void tw_db_languages(trawl_db *db)
{
    db->lang_stems.clear();
    /* Of several indexes, any that stems by language makes the query look
     * for each language's stems: in the others they find nothing more. */
    db->by_language = false;
    db->own_language = db->stemming && !db->live.empty();
    for (size_t i : db->live) {
        bool by = db->shards[i].db.get_metadata(TW_META_STEM_LANGS) == "1";
        db->by_language |= by;
        db->own_language &= by;
    }
    db->by_language &= db->stemming;
    /* An index of schema 4 or older, or of text with no accented word
     * (English news), has no accents' space: looking each word up there
     * would only cost time.  A remote shard would send the whole space to
     * say whether it has one, where the query's look-ups cost it one
     * exchange (tw_db_in_languages): it is taken to have one. */
    db->accents = false;
    db->accents_whole = !tw_shards_remote(db);
    db->accent_freqs.clear();
    for (size_t i : db->live) {
        if (db->shards[i].port)
            db->accents = true;
        else
            read_accents(db, db->shards[i].db);
    }
    if (!db->accents_whole)
        db->accent_freqs.clear();
    if (!db->by_language)
        return;
    for (Xapian::TermIterator t = db->db.allterms_begin(TW_PREFIX_LANG);
         t != db->db.allterms_end(TW_PREFIX_LANG); ++t) {
        std::string code = (*t).substr(std::strlen(TW_PREFIX_LANG));
        try {
            Xapian::Stem s = tw_stem_of(code);
            if (s.get_description() != tw_stem_of(db->stemmer).get_description())
                db->lang_stems.emplace_back(code, tw_stem_cached(s));
        } catch (const Xapian::InvalidArgumentError &) {
            /* a language trawl cannot stem: its articles have the index's stems */
        }
    }
}

/* How much a match of a word with other accents weighs, at most, of what
 * the word as typed would weigh in the same article.  Below 1, so that of
 * two articles that differ only in the accents of that word, the one that
 * wrote it as typed ranks first; not far below, so that an article that
 * uses the word often, or in its title, still outranks one that mentions it
 * once as typed. */
static const double ACCENTS_WEIGHT = 0.6;

/* The articles a term of a word may match, by the stemmer each was stemmed
 * with: bit 0 those of the index's stemmer (in a language it stems so, one
 * Xapian cannot stem, or none), bit 1 + i those of db->lang_stems[i] (Xapian
 * 1.4 and libstemmer stem fewer than 40 languages, fewer than the bits).  A stem of one language is
 * no word of the others: French stems "news" to "new", which English
 * articles have for "new". */
typedef uint64_t Langs;

static Langs every_language(const trawl_db *db)
{
    return (Langs(2) << db->lang_stems.size()) - 1;
}

/* A term of a query's word and the articles it may match. */
struct LangTerm {
    std::string term;
    Langs langs;
};
typedef std::vector<LangTerm> LangTerms;

/* The entry of T in TERMS, or NULL. */
static LangTerm *entry_of(LangTerms &terms, const std::string &t)
{
    for (LangTerm &have : terms)
        if (have.term == t)
            return &have;
    return nullptr;
}

/* Adds T to TERMS for the articles of LANGS when some article has it. */
static void add_existing(const trawl_db *db, const std::string &t, Langs langs, LangTerms &terms)
{
    if (LangTerm *have = entry_of(terms, t))
        have->langs |= langs;
    else if (tw_db_term_exists(db, t))
        terms.push_back({ t, langs });
}

/* T's query, kept to the articles of the languages it is a stem in when
 * every index stems each article in its own language (an index that stems
 * all in one language gives each of its articles that one's stems, whatever
 * the language: there every stem may match).  A stem of the index's own
 * stemmer is not kept from other languages' articles: it is the stem of
 * most articles and of every word typed, and keeping it from a few Italian
 * files (linux-doc) cost every search 21% more instructions; what it finds
 * there is the word itself, a cognate ("transport" in a French article),
 * more often than a stem of another word. */
static Xapian::Query in_its_languages(const trawl_db *db, const LangTerm &t)
{
    typedef Xapian::Query Q;
    if (!db->own_language || (t.langs & 1))
        return Q(t.term);
    std::vector<Q> codes;
    for (size_t i = 0; i < db->lang_stems.size(); i++)
        if (t.langs >> (i + 1) & 1)
            codes.emplace_back(TW_PREFIX_LANG + db->lang_stems[i].first);
    return Q(Q::OP_FILTER, Q(t.term), Q(Q::OP_OR, codes.begin(), codes.end()));
}

/* TERMS as one word: a synonym of each in its languages. */
static Xapian::Query synonym_of(const trawl_db *db, const LangTerms &terms)
{
    typedef Xapian::Query Q;
    if (terms.size() == 1)
        return in_its_languages(db, terms[0]);
    std::vector<Q> subs;
    for (const LangTerm &t : terms)
        subs.push_back(in_its_languages(db, t));
    return Q(Q::OP_SYNONYM, subs.begin(), subs.end());
}

/* Appends to TERMS (unless there already) the terms of the index that spell
 * the word of TERM, a text term of the query, with other accents: the word
 * without accents, as articles that wrote it so have it, and as the
 * accents' space (schema.h) has it for the articles that accented it in any
 * way, each for the articles of LANGS.  A word typed without accents has
 * only the second: one look-up, and none in an index without that space. */
static void accent_variants(const trawl_db *db, const std::string &term, Langs langs,
                            LangTerms &terms)
{
    size_t at = tw_term_word_at(term);
    std::string word = term.substr(at), plain = tw_unaccented(word);
    const std::string found[2] = {
        plain != word ? term.substr(0, at) + plain : std::string(),
        db->accents ? tw_accents_term(term, plain) : std::string(),
    };
    for (const std::string &t : found)
        if (!t.empty())
            add_existing(db, t, langs, terms);
}

/* EXACT, a query as typed, or else OTHER, the same with other accents,
 * which matches every article EXACT does: an article that matches OTHER
 * weighs ACCENTS_WEIGHT of it, and one that matches EXACT too the rest of
 * EXACT's weight more.  (Not the better of the two, Xapian's OP_MAX: in
 * 1.4.22 an OP_MAX inside an OR reads a sub-query's posting list after
 * freeing it when the match prunes it -- a crash or a wrong score -- for
 * about one triple of words in 300 on linux-doc.) */
static Xapian::Query exact_first(const Xapian::Query &exact, const Xapian::Query &other)
{
    typedef Xapian::Query Q;
    return Q(Q::OP_AND_MAYBE, Q(Q::OP_SCALE_WEIGHT, other, ACCENTS_WEIGHT),
             Q(Q::OP_SCALE_WEIGHT, exact, 1 - ACCENTS_WEIGHT));
}

/* Phrase or NEAR query Q, or else the same with each word also spelt with
 * other accents (exact_first): "élection présidentielle" finds
 * "election presidentielle", and the other way round.  The words' spellings
 * are an OR in the phrase (Xapian 1.4 takes no synonym there:
 * "UnimplementedError"), whose weight would be that of the rarest spelling,
 * and a spelling few articles use would outweigh the phrase as typed: the
 * weight is taken from each word's spellings as a synonym instead, as a
 * word's is outside a phrase.  So is a wildcard's in the phrase as typed
 * ("s* oil"): as an OR it weighed the sum of the words it matched, and
 * outweighed a phrase of plain words; as a synonym it weighs one word, as
 * the wildcard outside quotes does. */
static Xapian::Query phrase_accented(const trawl_db *db, const Xapian::Query &q, bool *changed)
{
    typedef Xapian::Query Q;
    std::vector<Q> spellings, words, typed;
    bool any = false, wild = false;
    for (size_t i = 0; i < q.get_num_subqueries(); i++) {
        Q sub = q.get_subquery(i);
        if (sub.get_type() == Q::OP_OR) {
            /* A wildcard's words, typed inside quotes (parse_xapian.cc,
             * with_wildcards): spelt as they are in the vocabulary. */
            wild = true;
            spellings.push_back(sub);
            words.emplace_back(Q::OP_SYNONYM, sub.get_terms_begin(), sub.get_terms_end());
            typed.push_back(words.back());
            continue;
        }
        if (sub.get_type() != Q::LEAF_TERM)
            return q;
        typed.push_back(sub);
        std::string term = *sub.get_terms_begin();
        size_t at;
        if (!tw_text_term(term, &at))
            return q;
        /* A phrase's words are searched as written, which no language
         * stems. */
        LangTerms terms{ { std::move(term), every_language(db) } };
        accent_variants(db, terms[0].term, terms[0].langs, terms);
        any |= terms.size() > 1;
        std::vector<Q> leaves;
        for (const LangTerm &t : terms)
            leaves.emplace_back(t.term);
        spellings.push_back(terms.size() == 1 ? sub : Q(Q::OP_OR, leaves.begin(), leaves.end()));
        words.push_back(terms.size() == 1 ? sub
                                          : Q(Q::OP_SYNONYM, leaves.begin(), leaves.end()));
    }
    if (!any && !wild)
        return q;
    *changed = true;
    Q exact = wild ? Q(Q::OP_FILTER, Q(Q::OP_AND, typed.begin(), typed.end()), q) : q;
    if (!any)
        return exact;
    Q other(Q::OP_FILTER, Q(Q::OP_AND, words.begin(), words.end()),
            Q(q.get_type(), spellings.begin(), spellings.end(), tw_query_window(q)));
    return exact_first(exact, other);
}

std::vector<std::string> tw_wildcard_spellings(const trawl_db *db, const std::string &pattern)
{
    std::vector<std::string> patterns{ pattern };
    size_t at;
    if (!tw_text_term(pattern, &at))
        return patterns;
    std::string word = pattern.substr(at), plain = tw_unaccented(word);
    if (plain != word)
        patterns.push_back(pattern.substr(0, at) + plain);
    if (db->accents)
        patterns.push_back(tw_accents_term(pattern, plain));
    return patterns;
}

/* Wildcard Q, or else the same with other accents (exact_first): "greve*"
 * finds "grève", as "greve" does, from the accents' space, and "grève*"
 * finds "greve" too, by the pattern without accents. */
static Xapian::Query wildcard_accented(const trawl_db *db, const Xapian::Query &q,
                                       bool *changed)
{
    typedef Xapian::Query Q;
    std::string pattern = tw_wildcard_pattern(q);
    if (pattern.empty())
        return q;
    std::vector<std::string> patterns = tw_wildcard_spellings(db, pattern);
    if (patterns.size() == 1)
        return q;
    std::vector<Q> spellings{ q };
    for (size_t i = 1; i < patterns.size(); i++)
        spellings.push_back(tw_wildcard_query(patterns[i]));
    *changed = true;
    return exact_first(q, Q(Q::OP_SYNONYM, spellings.begin(), spellings.end()));
}

/* Whether TERM's word, from AT on, is of a Thai, Lao, Khmer or Burmese
 * run. */
static bool sea_word(const std::string &term, size_t at)
{
    uint32_t cp;
    return tw_utf8_decode(term.data() + at, term.size() - at, &cp) && tw_sea_char(cp);
}

/* The form of W, a word typed, that the stemmer of language LANG is asked
 * for besides W, or "": in Arabic W with the definite article put on or
 * taken off.
 * Snowball's Arabic stemmer strips a noun's plural ending and a "و" (and)
 * otherwise with the article than without: "الانتخابات" (the elections)
 * is "انتخاب", "انتخابات" "انتخابا"; "الوزير" (the minister) is "وزير",
 * "وزير" "زير".  News writes most nouns with the article, readers type
 * them without. */
static std::string other_form(const std::string &lang, const std::string &w)
{
    static const std::string article = "ال";
    if (lang != "ar" || w.size() < article.size() + 4)    /* two letters after it */
        return std::string();
    if (w.compare(0, article.size(), article) == 0)
        return w.substr(article.size());
    return article + w;
}

/* The words typed for TERM, a stemmed term of the query last parsed (the
 * parser remembers them); none for a term searched as written (a quoted
 * word). */
static std::vector<std::string> words_typed(const trawl_db *db, const std::string &term)
{
    std::vector<std::string> words;
    if (!term.empty() && term[0] == 'Z')
        for (auto w = db->qp.unstem_begin(term); w != db->qp.unstem_end(term); ++w)
            words.push_back(*w);
    return words;
}

/* The word Q (a term, TERM, typed as WORDS: words_typed) in every language
 * and with other accents (see in_languages); *CHANGED set when that is not
 * Q itself.  (TERM is passed: Xapian gives a leaf's term only through a
 * list it builds, 1% of a search's instructions when asked twice.) */
static Xapian::Query leaf_in_languages(const trawl_db *db, const Xapian::Query &q,
                                       const std::string &term,
                                       const std::vector<std::string> &words, bool *changed)
{
    typedef Xapian::Query Q;
    bool stemmed = !term.empty() && term[0] == 'Z';
    size_t at;
    if (!tw_text_term(term, &at))
        return q;
    std::string prefix = term.substr(stemmed, at - stemmed);
    /* A word of a Thai, Lao, Khmer or Burmese run: the index holds it
     * as written, never by a stem (stem_cache_xapian.h). */
    if (stemmed && db->sea_words && sea_word(term, at) && !words.empty()) {
        *changed = true;
        return Q(prefix + words[0]);
    }
    /* The term as parsed is the index's stem, or the word as written
     * (quoted), which articles of any language may have. */
    Langs every = every_language(db);
    LangTerms terms{ { term, stemmed ? Langs(1) : every } }, absent;
    for (size_t i = 0; i < db->lang_stems.size(); i++)
        for (const std::string &typed : words) {
            /* Asked for in most languages once, with no copy made. */
            const std::string other = other_form(db->lang_stems[i].first, typed);
            const std::string *forms[] = { &typed, other.empty() ? nullptr : &other };
            for (const std::string *form : forms) {
                if (!form)
                    continue;
                const std::string &w = *form;
                /* A stem no article has adds nothing but work: in a
                 * collection of one main language, most of them.  But
                 * articles that accent the word may have it, in the
                 * accents' space: French "débattra" is "débattr" there,
                 * which "debattra" typed without accents stems to. */
                std::string t = "Z" + prefix + db->lang_stems[i].second(w);
                Langs lang = Langs(2) << i;
                if (LangTerm *have = entry_of(terms, t))
                    have->langs |= lang;
                else if (LangTerm *missing = entry_of(absent, t))
                    missing->langs |= lang;
                else if (tw_db_term_exists(db, t))
                    terms.push_back({ t, lang });
                else if (db->accents)
                    absent.push_back({ t, lang });
            }
        }
    LangTerms all(terms);
    for (const LangTerm &t : terms)
        accent_variants(db, t.term, t.langs, all);
    for (const LangTerm &t : absent)
        accent_variants(db, t.term, t.langs, all);
    /* And as the articles that accent it wrote it: a language may stem
     * the word without accents otherwise ("assemblee" is "assemble" in
     * French, "assemblée" "assembl"). */
    if (db->accents)
        for (const std::string &w : words)
            accent_variants(db, prefix + w, every, all);
    /* A language may stem a word without accents otherwise than it
     * stems the word with them. */
    for (const std::string &w : words) {
        std::string plain = tw_unaccented(w);
        if (plain == w)
            continue;
        add_existing(db, "Z" + prefix + db->stem(plain), 1, all);
        for (size_t i = 0; i < db->lang_stems.size(); i++)
            add_existing(db, "Z" + prefix + db->lang_stems[i].second(plain), Langs(2) << i, all);
    }
    if (all.size() == 1)
        return q;
    Q exact = synonym_of(db, terms);
    *changed = true;
    return all.size() == terms.size() ? exact : exact_first(exact, synonym_of(db, all));
}

/* What leaf_in_languages made of each term of a query met so far, and
 * whether it changed it: a word typed again is rewritten as it was the
 * first time.  Each time cost a walk of all the words typed for its stem
 * (the parser's list holds one per time it was typed), and 10,000 copies of
 * a word took a minute. */
typedef std::map<std::string, std::pair<Xapian::Query, bool>> LeavesDone;

/* The rewrite of leaf Q (TERM) by leaf_in_languages, *CHANGED set when it is
 * not Q; taken from the search's earlier parses (trawl_db.leaves) when one
 * met TERM typed as the same words, and kept for the later ones when KEEP
 * (not while the terms to ask remote shards about are gathered: the
 * answers are not known yet). */
static Xapian::Query leaf_rewritten(const trawl_db *db, const Xapian::Query &q,
                                    const std::string &term, bool keep, bool *changed)
{
    std::vector<std::string> words = words_typed(db, term);
    auto kept = keep ? db->leaves.find(term) : db->leaves.end();
    if (kept != db->leaves.end() && kept->second.typed == words) {
        *changed = kept->second.changed;
        return kept->second.query;
    }
    db->search_work.words_rewritten++;
    Xapian::Query rewritten = leaf_in_languages(db, q, term, words, changed);
    if (keep)
        db->leaves[term] = { std::move(words), rewritten, *changed };
    return rewritten;
}

/* Q with each word looked for in every language of the index (db->lang_stems)
 * and with other accents.
 *
 * Languages: a stemmed word ("Z" + the index's stem) as a synonym of its
 * stems in each (every word typed outside quotes is stemmed: typed_text_xapian.cc, lower_words).
 * A synonym weighs as one word, so a word with several stems counts no more
 * than one with one.
 *
 * Accents: each of those terms also as spelt with other accents (without
 * them, or in the accents' space: accent_variants), and for a word typed
 * with accents, the stems of the word without them, each weighing less
 * than the word as typed (exact_first).  Phrases and NEAR are matched on
 * the words as written or with other accents (phrase_accented), and
 * wildcards on the words that start so with other accents
 * (wildcard_accented).
 *
 * A word of a Thai, Lao, Khmer or Burmese run, which the parser stemmed,
 * is looked for as typed: the index holds those unstemmed.
 *
 * Words of the text and of the title: and author: fields are looked into;
 * filters (site:, lang:...) are not.  Only the operators that can be
 * rebuilt from their parts are looked into. */
static Xapian::Query in_languages(const trawl_db *db, const Xapian::Query &q, LeavesDone &done,
                                  bool keep, bool *changed)
{
    typedef Xapian::Query Q;
    Q::op op = q.get_type();
    if (op == Q::LEAF_TERM) {
        const std::string term = *q.get_terms_begin();
        auto known = done.find(term);
        if (known == done.end()) {
            bool leaf_changed = false;
            Q rewritten = leaf_rewritten(db, q, term, keep, &leaf_changed);
            known = done.emplace(term, std::make_pair(rewritten, leaf_changed)).first;
        }
        *changed |= known->second.second;
        return known->second.second ? known->second.first : q;
    }
    if (op == Q::OP_PHRASE || op == Q::OP_NEAR)
        return phrase_accented(db, q, changed);
    if (op == Q::OP_WILDCARD)
        return wildcard_accented(db, q, changed);
    if (op != Q::OP_AND && op != Q::OP_OR && op != Q::OP_AND_NOT && op != Q::OP_XOR &&
        op != Q::OP_AND_MAYBE && op != Q::OP_FILTER && op != Q::OP_SYNONYM && op != Q::OP_MAX)
        return q;
    bool any = false;
    std::vector<Q> subs;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        subs.push_back(in_languages(db, q.get_subquery(i), done, keep, &any));
    if (!any)
        return q;
    *changed = true;
    return Q(op, subs.begin(), subs.end());
}

Xapian::Query tw_db_in_languages(const trawl_db *db, const Xapian::Query &q)
{
    bool changed = false;
    if (tw_shards_remote(db)) {
        /* Each term asked of a remote shard alone is a round trip (of every
         * shard, for a term none has): a first pass gathers the terms the
         * query may ask about, and one match gets all their frequencies. */
        std::vector<std::string> unasked;
        db->unasked = &unasked;
        try {
            LeavesDone first_pass;
            in_languages(db, q, first_pass, false, &changed);
        } catch (...) {
            db->unasked = nullptr;
            throw;
        }
        db->unasked = nullptr;
        std::sort(unasked.begin(), unasked.end());
        unasked.erase(std::unique(unasked.begin(), unasked.end()), unasked.end());
        tw_db_term_freqs(db, unasked);
        changed = false;
    }
    LeavesDone done;
    return in_languages(db, q, done, true, &changed);
}
