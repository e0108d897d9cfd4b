/* snippet_terms_xapian.cc - find a query's words in an article's text. */
#include "snippet_terms_xapian.h"
#include "accents_xapian.h"
#include "compound_xapian.h"
#include "initials_xapian.h"
#include "numbers_xapian.h"
#include "phrase_slots.h"
#include "text_words_xapian.h"
#include "wildcards_xapian.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

extern "C" {
#include "acronym_plural.h"
#include "schema.h"
#include "utf8.h"
}

/* Snowball stemmers that only change the end of a word, so that a stem starts
 * with its word's first letter whenever that letter is ASCII.  Others
 * (Indonesian, Irish, Arabic, ...) also take prefixes off. */
static const char *const ends_only[] = {
    "english", "en", "porter", "lovins", "danish", "da", "dutch", "nl", "finnish", "fi",
    "french", "fr", "german", "de", "italian", "it", "norwegian", "nb", "nn", "no",
    "portuguese", "pt", "spanish", "es", "swedish", "sv",
};

static bool keeps_first_letter(const std::string &language)
{
    for (const char *l : ends_only)
        if (language == l)
            return true;
    return false;
}

/* Whether LANGUAGE names English's stemmer (SnippetTerms::keeps_head). */
static bool keeps_stem_head(const std::string &language)
{
    return language == "english" || language == "en";
}

/* Whether S from AT on is a word, not a prefix's capital. */
static bool unprefixed_from(const std::string &s, size_t at)
{
    return at < s.size() && !(s[at] >= 'A' && s[at] <= 'Z');
}

/* Whether TERM from AT on is a word with no prefix or with PREFIX; sets WORD
 * to the word. */
bool SnippetTerms::unprefixed(const std::string &term, size_t at, const std::string &prefix,
                              std::string *word) const
{
    if (!prefix.empty() && term.compare(at, prefix.size(), prefix) == 0 &&
        unprefixed_from(term, at + prefix.size()))
        at += prefix.size();
    else if (!unprefixed_from(term, at))
        return false;
    *word = term.substr(at);
    return true;
}

/* Whether WORD is one Chinese, Japanese or Korean character. */
static bool one_cjk_char(const std::string &word)
{
    unsigned cp;
    return !word.empty() && tw_utf8_char_at(word.data(), word.size(), 0, &cp) == word.size() &&
           tw_cjk_word_char(cp);
}

void SnippetTerms::note_prefix(const std::string &term, size_t at)
{
    if (at < term.size() && term[at] >= 'A' && term[at] <= 'Z')
        under[term[at] - 'A'] = true;
}

bool SnippetTerms::looks_under(const std::string &prefix) const
{
    char c = prefix.empty() ? '\0' : prefix[0];
    return !(c >= 'A' && c <= 'Z') || under[c - 'A'];
}

/* How many of QUERY's subqueries, from the first, hold words a snippet
 * shows: not what AND_NOT takes away. */
static size_t shown_subqueries(const Xapian::Query &query)
{
    return query.get_type() == Xapian::Query::OP_AND_NOT ? 1 : query.get_num_subqueries();
}

/* The terms of each synonym in QUERY (one word's forms in the index's
 * languages), each with the synonym's first term, into GROUP; not those of
 * what AND_NOT takes away. */
static void synonyms(const Xapian::Query &query,
                     std::unordered_map<std::string, std::string> &group)
{
    if (query.get_type() == Xapian::Query::OP_SYNONYM) {
        std::string first;
        for (Xapian::TermIterator t = query.get_terms_begin(); t != query.get_terms_end(); ++t) {
            if (first.empty())
                first = *t;
            group.emplace(*t, first);
        }
        return;
    }
    for (size_t i = 0, n = shown_subqueries(query); i < n; i++)
        synonyms(query.get_subquery(i), group);
}

SnippetTerms::SnippetTerms(const Xapian::Query &query, const Xapian::MSet &mset,
                           Xapian::doccount documents, const Xapian::Stem &stem,
                           const std::string &language,
                           const std::vector<std::pair<std::string, Xapian::Stem>> &languages,
                           bool own, bool split_elisions, tw_sea_splitter *runs,
                           tw_hans *simplified, const std::string &prefix)
    : stemmers{ stem }, own_language(own), elisions(split_elisions), sea(runs), hans(simplified),
      keeps_first{ keeps_first_letter(language) }, keeps_head{ keeps_stem_head(language) }
{
    /* The match set weighs a synonym as one word and gives its terms no
     * weight of their own: they are the query's words all the same. */
    std::unordered_map<std::string, std::string> group;
    synonyms(query, group);
    /* An article stemmed in its own language has its words matched by that
     * language's stems, even when the query's word stems alike in all of
     * them (an Indonesian article's "membaca" is the query's "baca").
     * Otherwise, unless a word has forms in other languages, stemming the
     * words of the text in them too would find nothing more. */
    if (own || !group.empty())
        for (const auto &l : languages) {
            codes.push_back(l.first);
            stemmers.push_back(l.second);
            keeps_first.push_back(keeps_first_letter(l.first));
            keeps_head.push_back(keeps_stem_head(l.first));
        }
    for (Xapian::TermIterator t = query.get_unique_terms_begin();
         t != query.get_unique_terms_end(); ++t) {
        const std::string &term = *t;
        bool stemmed = !term.empty() && term[0] == 'Z';
        /* A word of the accents' space ("Felection") is matched by the
         * words of the text that are it once their accents are off. */
        bool accents = tw_is_accents_term(term);
        std::string word;
        size_t at = (stemmed ? 1 : 0) + (accents ? 1 : 0);
        if (!unprefixed(term, at, prefix, &word)) {
            note_prefix(term, at);
            continue;
        }
        /* Initials' mark ("u.s."): the words of the text are its letters. */
        std::string letters;
        if (tw_initials_letters(word, letters))
            word = letters;
        unaccent |= accents;
        auto in_group = group.find(term);
        /* A word the query excludes weighs nothing: not shown. */
        if (!(mset.get_termweight(term) > 0) && in_group == group.end())
            continue;
        /* BM25's rarity, in the form that stays positive for the commonest
         * word. */
        double tf = mset.get_termfreq(term);
        double w = std::log(1 + (documents - tf + 0.5) / (tf + 0.5));
        /* The forms of one word in several languages are one concept. */
        std::string key = in_group != group.end() ? in_group->second
                        : stemmed || stem.is_none() ? word : stem(word);
        /* The same word twice (a field's and the body's): the first is kept. */
        if (stemmed) {
            stems.emplace(word, concept_of(key, w));
            first[(unsigned char)word[0]] = true;
        } else {
            exact.emplace(word, concept_of(key, w));
        }
    }
    add_wildcards(query, prefix);
    for (const auto &e : exact) {
        unsigned a;
        size_t n = tw_utf8_char_at(e.first.data(), e.first.size(), 0, &a);
        std::string one = e.first.substr(0, n), other = e.first.substr(n);
        if (one_cjk_char(one) && one_cjk_char(other)) {
            paired.insert(one);
            paired.insert(other);
        }
    }
    unsigned alone = 0;
    for (const auto &e : exact)
        alone += one_cjk_char(e.first) && !paired.count(e.first);
    cjk_phrase = alone > 1;
    /* Which words are looked for outside phrases matters only for those
     * of a phrase: a query without one (most) is not walked for them, a
     * walk that makes a term list of each of its terms. */
    std::vector<bool> loose(keys.size());
    if (tw_holds_op(query, Xapian::Query::OP_PHRASE))
        add_phrases(query, prefix, loose);
    phrase_only.assign(keys.size(), false);
    for (const auto &p : phrases)
        for (const auto &slot : p)
            for (unsigned c : slot)
                any_phrase_only |= phrase_only[c] = !loose[c];
    head_filter = !stems.empty();
    for (const auto &st : stems) {
        head_filter &= st.first.size() > 2;
        heads.push_back(st.first.substr(0, st.first.size() > 2 ? st.first.size() - 2 : 0));
    }
    for (size_t b = 0; b < 256; b++)
        lead[b] = first[b];
    for (const auto &e : exact)
        lead[(unsigned char)e.first[0]] = true;
    for (const Word &e : starts)
        lead[(unsigned char)e.text[0]] = true;
}

/* Words that start as a wildcard of QUERY asks ("rescu*") match too.  Each
 * weighs as much as the heaviest other word: the match set keeps no weight
 * for a pattern. */
void SnippetTerms::add_wildcards(const Xapian::Query &query, const std::string &prefix)
{
    if (query.get_type() != Xapian::Query::OP_WILDCARD) {
        for (size_t i = 0, n = shown_subqueries(query); i < n; i++)
            add_wildcards(query.get_subquery(i), prefix);
        return;
    }
    std::string word, pattern = tw_wildcard_pattern(query);
    if (pattern.empty())
        return;
    if (!unprefixed(pattern, 0, prefix, &word)) {
        note_prefix(pattern, 0);
        return;
    }
    double w = 1;
    for (double x : weight)
        w = x > w ? x : w;
    starts.push_back({ word, concept_of("*" + word, w) });
}

/* The concept for words that stem to STEMMED, made if new; it weighs the most
 * any of its terms weighs. */
unsigned SnippetTerms::concept_of(const std::string &stemmed, double w)
{
    auto found = concept_index.emplace(stemmed, (unsigned)keys.size());
    unsigned c = found.first->second;
    if (!found.second) {
        if (w > weight[c])
            weight[c] = w;
        return c;
    }
    keys.push_back(stemmed);
    weight.push_back(w);
    return c;
}

bool SnippetTerms::first_kept(unsigned language) const
{
    if (language != ANY_LANGUAGE)
        return keeps_first[language];
    return std::all_of(keeps_first.begin(), keeps_first.end(), [](bool k) { return k; });
}

bool SnippetTerms::head_kept(unsigned language) const
{
    if (language != ANY_LANGUAGE)
        return keeps_head[language];
    return std::all_of(keeps_head.begin(), keeps_head.end(), [](bool k) { return k; });
}

bool SnippetTerms::starts_as_a_stem(const std::string &word) const
{
    for (const std::string &h : heads)
        if (word.compare(0, h.size(), h) == 0)
            return true;
    return false;
}

unsigned SnippetTerms::language_of(const char *code, size_t len) const
{
    if (stemmers.size() == 1)
        return 0;
    if (!own_language)
        return ANY_LANGUAGE;
    /* No code, or one Xapian has no stemmer for: the index's stems. */
    for (size_t i = 0; code && i < codes.size(); i++)
        if (codes[i].size() == len && codes[i].compare(0, len, code, len) == 0)
            return (unsigned)i + 1;
    return 0;
}

/* Whether WORD, or when the query looks for words with other accents the
 * word without its accents, is one the query looks for. */
bool SnippetTerms::match(const std::string &word, unsigned language, unsigned *concept) const
{
    if (match_as_is(word, language, concept))
        return true;
    /* An ASCII word has no accent to take off: most words of most text. */
    if (!unaccent || tw_utf8_ascii(word.data(), word.size()))
        return false;
    std::string plain = tw_unaccented(word);
    return plain != word && match_as_is(plain, language, concept);
}

bool SnippetTerms::match_as_is(const std::string &word, unsigned language,
                               unsigned *concept) const
{
    auto as_is = exact.find(word);
    if (as_is != exact.end()) {
        *concept = as_is->second;
        return true;
    }
    for (const Word &e : starts)
        if (word.compare(0, e.text.size(), e.text) == 0) {
            *concept = e.concept;
            return true;
        }
    if (stems.empty() || word.size() > TW_MAX_WORD)
        return false;
    unsigned char c0 = (unsigned char)word[0];
    if (c0 < 0x80 && !first[c0] && first_kept(language))
        return false;
    /* Most words of the first letters looked for stem to something else:
     * in English, one that starts as no stem does is not stemmed. */
    if (head_filter && head_kept(language) && !starts_as_a_stem(word))
        return false;
    auto by_stem = stems.end();
    if (language != ANY_LANGUAGE) {
        stems_made++;
        by_stem = stems.find(stemmers[language](word));
    }
    for (size_t i = 0; language == ANY_LANGUAGE && by_stem == stems.end() && i < stemmers.size();
         i++) {
        stems_made++;
        by_stem = stems.find(stemmers[i](word));
    }
    if (by_stem == stems.end())
        return false;
    *concept = by_stem->second;
    return true;
}

/* Whether each byte of WORD that is no small ASCII letter or apostrophe
 * is where STEMMED has it.  English's stemmer (Porter2) takes off and puts
 * back only those -- its suffixes, the endings of its exceptions, "'s" --
 * so any other byte of a word stays in place in its stem; every
 * unprefixed term of the linux-doc and Reuters indexes (334,460, 222,039
 * with other bytes) holds to it.  (A leading apostrophe, which it drops,
 * says nothing.) */
static bool others_in_place(const std::string &word, const std::string &stemmed)
{
    if (!word.empty() && word[0] == '\'')
        return true;
    for (size_t i = 0; i < word.size(); i++) {
        char c = word[i];
        if (!((c >= 'a' && c <= 'z') || c == '\'') && (i >= stemmed.size() || stemmed[i] != c))
            return false;
    }
    return true;
}

/* Whether WORD stems to STEMMED in LANGUAGE (language_of). */
bool SnippetTerms::stems_to(const std::string &word, unsigned language,
                            const std::string &stemmed) const
{
    /* A stem's walk of the vocabulary meets words with a digit, an
     * underscore or a dot after the stem ("irq0", "irq_desc"), which in
     * English are ruled out unstemmed (linux-doc: the walks of a search's
     * stems 165k -> 102k instructions). */
    if (head_kept(language) && !others_in_place(word, stemmed))
        return false;
    forms_made++;
    if (language != ANY_LANGUAGE)
        return stemmers[language](word) == stemmed;
    for (const Xapian::Stem &s : stemmers)
        if (s(word) == stemmed)
            return true;
    return false;
}

/* The query's word C, a Chinese, Japanese or Korean character that no pair
 * of the query holds, or exact's end. */
std::unordered_map<std::string, unsigned>::const_iterator SnippetTerms::lone_cjk(
    const std::string &c) const
{
    auto it = exact.find(c);
    return it != exact.end() && !paired.count(c) ? it : exact.end();
}

/* The Chinese, Japanese and Korean characters of PHRASE, a phrase of the
 * query (the parser makes a quoted run of them a phrase of its
 * characters), that the query looks for as such, into phrased. */
void SnippetTerms::add_phrased(const Xapian::Query &phrase, const std::string &prefix)
{
    for (Xapian::TermIterator t = phrase.get_terms_begin(); t != phrase.get_terms_end(); ++t) {
        std::string word;
        if (unprefixed(*t, 0, prefix, &word) && exact.count(word) && one_cjk_char(word))
            phrased.insert(word);
    }
}

/* The concept of the query's TERM, a word of the text under PREFIX or of
 * none: false when it has none (a field's word, or one not shown). */
bool SnippetTerms::term_concept(const std::string &term, const std::string &prefix,
                                unsigned *c) const
{
    bool stemmed = !term.empty() && term[0] == 'Z';
    std::string word;
    if (!unprefixed(term, (stemmed ? 1 : 0) + (tw_is_accents_term(term) ? 1 : 0), prefix, &word))
        return false;
    const auto &words = stemmed ? stems : exact;
    auto found = words.find(word);
    if (found == words.end())
        return false;
    *c = found->second;
    return true;
}

/* Keeps PHRASE, a phrase of the query, in phrases: false when one of its
 * words is not shown, or is a Chinese, Japanese or Korean character. */
bool SnippetTerms::add_phrase(const Xapian::Query &phrase, const std::string &prefix)
{
    std::vector<std::vector<unsigned>> slots;
    for (size_t i = 0; i < phrase.get_num_subqueries(); i++) {
        /* A word, or its spellings with other accents as an OR. */
        Xapian::Query sub = phrase.get_subquery(i);
        slots.emplace_back();
        for (Xapian::TermIterator t = sub.get_terms_begin(); t != sub.get_terms_end(); ++t) {
            unsigned c, cp;
            tw_utf8_char_at((*t).data(), (*t).size(), 0, &cp);
            if (tw_cjk_word_char(cp))
                return false;
            if (term_concept(*t, prefix, &c))
                slots.back().push_back(c);
        }
        if (slots.back().empty())
            return false;
    }
    phrases.push_back(std::move(slots));
    return true;
}

/* Keeps QUERY's phrases (add_phrase; their Chinese, Japanese and Korean
 * characters, add_phrased), and marks in LOOSE the concepts of the words it
 * looks for outside them; not those of what AND_NOT takes away.  A phrase
 * spelt with other accents is its words' AND, which weighs it, filtered by
 * the phrase (languages_xapian.cc, phrase_accented): those words are the
 * phrase's, not loose. */
void SnippetTerms::add_phrases(const Xapian::Query &query, const std::string &prefix,
                               std::vector<bool> &loose)
{
    Xapian::Query::op op = query.get_type();
    if (op == Xapian::Query::LEAF_TERM) {
        unsigned c;
        if (term_concept(*query.get_terms_begin(), prefix, &c))
            loose[c] = true;
        return;
    }
    if (op == Xapian::Query::OP_PHRASE) {
        add_phrased(query, prefix);
        if (add_phrase(query, prefix))
            return;
    }
    if (op == Xapian::Query::OP_FILTER) {
        size_t had = phrases.size();
        for (size_t i = 1; i < query.get_num_subqueries(); i++)
            add_phrases(query.get_subquery(i), prefix, loose);
        std::vector<bool> weighing(keys.size());
        add_phrases(query.get_subquery(0), prefix, weighing);
        for (size_t p = had; p < phrases.size(); p++)
            for (const auto &slot : phrases[p])
                for (unsigned c : slot)
                    weighing[c] = false;
        for (size_t c = 0; c < keys.size(); c++)
            if (weighing[c])
                loose[c] = true;
        return;
    }
    for (size_t i = 0, n = shown_subqueries(query); i < n; i++)
        add_phrases(query.get_subquery(i), prefix, loose);
}

std::vector<bool> SnippetTerms::phrase_kept(const std::vector<tw_match> &found,
                                            const std::vector<size_t> &place) const
{
    std::vector<bool> keep(found.size(), true);
    if (!any_phrase_only)
        return keep;
    for (size_t k = 0; k < found.size(); k++)
        keep[k] = !phrase_only[found[k].concept];
    for (const auto &phrase : phrases)
        tw_phrase_keep(phrase, keys.size(), found, place, keep);
    return keep;
}

/* The character at TEXT[I] as the index holds it, into C and *CP: a
 * half-width katakana full-width, with its voiced-sound mark (utf8.h,
 * tw_utf8_wide_kana), and with HANS a traditional Chinese character
 * simplified (hans.h).  Returns its length in TEXT. */
static size_t indexed_char(tw_hans *hans, const char *text, size_t len, size_t i,
                           std::string &c, unsigned *cp)
{
    uint32_t wide;
    size_t n = tw_utf8_wide_kana(text, len, i, &wide);
    if (!n) {
        n = tw_utf8_char_at(text, len, i, cp);
        uint32_t simple = hans ? tw_hans_char(hans, *cp) : *cp;
        if (simple == *cp) {
            c.assign(text + i, n);
            return n;
        }
        wide = simple;
    }
    c.clear();
    Xapian::Unicode::append_utf8(c, *cp = wide);
    return n;
}

/* Whether the character at TEXT[I] is one lone_cjk finds, or one of a
 * phrase's: what a character of a phrase must stand beside. */
bool SnippetTerms::lone_cjk_at(const char *text, size_t len, size_t i) const
{
    unsigned cp;
    std::string c;
    indexed_char(hans, text, len, i, c, &cp);
    if (!tw_cjk_word_char(cp))
        return false;
    return lone_cjk(c) != exact.end() || phrased.count(c);
}

/* Whether the Chinese, Japanese or Korean character at TEXT[I] starts a
 * match: the pair of it and the next character, as the query has it, else
 * the character alone when no pair of the query holds it (and, in a phrase
 * of such characters, one of them stands beside it).  Sets *END and
 * *CONCEPT. */
bool SnippetTerms::cjk_match(const char *text, size_t len, size_t i, size_t *end,
                               unsigned *concept) const
{
    unsigned cp, next;
    std::string c, pair;
    size_t n = indexed_char(hans, text, len, i, c, &cp);
    if (i + n < len) {
        size_t m = indexed_char(hans, text, len, i + n, pair, &next);
        auto found = exact.find(c + pair);
        if (tw_cjk_word_char(next) && found != exact.end()) {
            *end = i + n + m;
            *concept = found->second;
            return true;
        }
    }
    auto alone = lone_cjk(c);
    bool of_phrase = phrased.count(c);
    if (alone == exact.end() && of_phrase)
        alone = exact.find(c);
    if (alone == exact.end())
        return false;
    if (cjk_phrase || of_phrase) {
        if (!(i + n < len && lone_cjk_at(text, len, i + n)) &&
            !(i > 0 && lone_cjk_at(text, len, tw_utf8_char_before(text, i))))
            return false;
    }
    *end = i + n;
    *concept = alone->second;
    return true;
}

/* Appends to FOUND the words of the Thai, Lao, Khmer or Burmese run
 * TEXT[I, END) (tw_sea_run_end) that match, split as the writer split it.
 * The term generator read a word through the zero-width joiners inside it,
 * and so does the match. */
void SnippetTerms::run_matches(const char *text, size_t len, size_t i, size_t end,
                               unsigned language, std::vector<tw_match> &found) const
{
    const tw_sea_word *w;
    size_t n = tw_sea_words(sea, text + i, end - i, &w);
    std::string word;
    for (size_t k = 0; k < n; k++) {
        word.clear();
        for (size_t at = i + w[k].start; at < i + w[k].end;) {
            unsigned cp;
            size_t m = tw_utf8_char_at(text, len, at, &cp);
            if (!tw_invisible_in_word(cp))
                word.append(text + at, m);
            at += m;
        }
        unsigned c;
        if (match(word, language, &c))
            found.push_back({ i + w[k].start, i + w[k].end, c });
    }
}

void SnippetTerms::find(const char *text, size_t len, size_t length, unsigned language,
                        std::vector<tw_match> &out) const
{
    if (keys.empty())
        return;
    std::vector<size_t> last(keys.size(), SIZE_MAX);
    size_t seen = 0, stop = len;
    /* A stemmer that may change a word's first letter: any word may match. */
    bool any_start = !stems.empty() && !first_kept(language);
    std::string word, joined;
    std::vector<tw_match> found;    /* of the word, character or run at I */
    std::vector<tw_match> words;    /* each word's match, apart */
    std::vector<bool> joining;      /* whether each joins the one before */
    for (size_t i = 0; i < stop;) {
        /* Spaces and punctuation between words, and ASCII words that cannot
         * match by their first letter alone (most words), without decoding
         * them: where such a word ends is all the scan needs of it. */
        unsigned char b = (unsigned char)text[i];
        if (b < 0x80) {
            if (!tw_ascii_word(b)) {
                i++;
                continue;
            }
            if (!any_start && !lead[b >= 'A' && b <= 'Z' ? b | 0x20 : b]) {
                i = tw_word_end(text, len, i, elisions, sea != nullptr, nullptr);
                continue;
            }
        }
        unsigned cp;
        size_t n = tw_utf8_char_at(text, len, i, &cp);
        if (!tw_word_char(cp)) {
            i += n;
            continue;
        }
        unsigned c;
        size_t start = i;
        /* Chinese pairs overlap ("新冠", "冠疫", "疫情"), and a phrase's
         * characters, or a run's words, stand together: one highlight. */
        bool joins = true;
        found.clear();
        if (tw_cjk_word_char(cp)) {
            size_t to;
            /* A half-width katakana with its voiced-sound mark is one. */
            uint32_t wide;
            size_t kana = tw_utf8_wide_kana(text, len, i, &wide);
            i += kana ? kana : n;
            if (cjk_match(text, len, start, &to, &c))
                found.push_back({ start, to, c });
        } else if (sea && tw_sea_char(cp) && (i = tw_sea_run_end(text, len, start)) > start) {
            run_matches(text, len, start, i, language, found);
        } else {
            /* A word that may match (the loop's head passed over those
             * that cannot). */
            i = tw_word_end(text, len, i, elisions, sea != nullptr, &word);
            joins = false;
            /* A compound whose parts run together are a word of the query
             * ("e-mail" for "email", compound_xapian.h): all of it. */
            size_t plural;
            size_t whole = i < len && (text[i] == '-' || (unsigned char)text[i] == 0xe2)
                               ? tw_compound_at(text, len, start, joined)
                               : start;
            if (whole > start && match(joined, language, &c))
                i = whole;
            else if (!match(word, language, &c) &&
                     /* A number in its plain form ("1,500" for "1500"). */
                     !(tw_number_plain(word, joined) && match(joined, language, &c)) &&
                     /* An acronym's plural as its acronym ("MPs" for "MP"). */
                     !((plural = tw_acronym_plural_at(text, len, start)) > start &&
                       match(word.substr(0, plural - start), language, &c)))
                continue;
            found.push_back({ start, i, c });
        }
        if (found.empty())
            continue;
        for (const tw_match &m : found) {
            words.push_back(m);
            joining.push_back(joins);
            if (last[m.concept] == SIZE_MAX)
                seen++;
            last[m.concept] = m.start;
        }
        /* A phrase's word may be seen before the phrase is. */
        if (seen == keys.size() && stop == len && !any_phrase_only) {
            size_t from = SIZE_MAX;
            for (size_t l : last)
                from = l < from ? l : from;
            /* The passage will hold no word past FROM + LENGTH. */
            if (i - from <= length && length < len - from)
                stop = from + length;
        }
    }
    std::vector<size_t> place(words.size());
    for (size_t k = 1; any_phrase_only && k < words.size(); k++)
        place[k] = place[k - 1] +
                   (tw_word_between(text, len, words[k - 1].end, words[k].start) ? 2 : 1);
    std::vector<bool> keep = phrase_kept(words, place);
    size_t joined_end = SIZE_MAX;
    for (size_t k = 0; k < words.size(); k++) {
        if (!keep[k])
            continue;
        const tw_match &m = words[k];
        if (joining[k] && !out.empty() && out.back().end == joined_end && joined_end >= m.start)
            out.back().end = m.end;
        else
            out.push_back(m);
        joined_end = joining[k] ? m.end : SIZE_MAX;
    }
}

