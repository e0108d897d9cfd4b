/* cjk_runs_xapian.cc - a run of Chinese, Japanese or Korean characters typed
 * outside quotes, searched by its characters and ranked by its pairs. */
#include "cjk_runs_xapian.h"

#include <cstring>
#include <string>
#include <vector>

#include "accents_xapian.h"
extern "C" {
#include "utf8.h"
}

typedef Xapian::Query Q;

/* What the run as typed, a phrase, adds to an article's score, as a
 * multiple of what its characters score there: enough that a short article
 * repeating the run's pairs apart ("東京と京都... 京都から東京") does not
 * outrank one that has the run.  On linux-doc's translations, the runs of
 * page titles: MRR@10 0.823 at 1, 0.826 at 2 and at 3; titles' runs joined
 * 0.764 at each. */
static const double PHRASE_WEIGHT = 2;

/* How many characters of Chinese, Japanese or Korean Q's term is, with its
 * prefix into *PREFIX: 1 or 2, else 0 (not such a term). */
static int cjk_chars(const Q &q, std::string *prefix)
{
    if (q.get_type() != Q::LEAF_TERM)
        return 0;
    std::string term = *q.get_terms_begin();
    size_t at;
    if (!tw_text_term(term, &at) || term[0] == 'Z')
        return 0;
    int chars = 0;
    for (size_t i = at; i < term.size(); chars++) {
        uint32_t cp = 0;
        size_t n = tw_utf8_decode(term.data() + i, term.size() - i, &cp);
        if (!n || n == 1 || !tw_utf8_is_cjk(cp) || chars == 2)
            return 0;
        i += n;
    }
    *prefix = term.substr(0, at);
    return chars;
}

/* The run that starts at SUBS[FROM] (character, pair, character... of one
 * prefix, as the parser lists them): its end past the last character. */
static size_t run_end(const std::vector<Q> &subs, size_t from)
{
    std::string prefix, next;
    if (cjk_chars(subs[from], &prefix) != 1)
        return from;
    size_t end = from + 1;
    while (end + 1 < subs.size() && cjk_chars(subs[end], &next) == 2 && next == prefix &&
           cjk_chars(subs[end + 1], &next) == 1 && next == prefix)
        end += 2;
    return end;
}

/* The word of Q, a term of one character, without its prefix. */
static std::string char_of(const Q &q)
{
    std::string term = *q.get_terms_begin();
    size_t at = 0;
    tw_text_term(term, &at);
    return term.substr(at);
}

/* How many of the last of CHARS, a Korean word's syllables, are a particle
 * that follows a noun (the subject's, the object's, a place's...), so that
 * the noun is found with another or none ("서울시가" for "서울시는"): 0, 1 or
 * 2; never the whole word nor all but one syllable of it. */
static size_t korean_particle(const std::vector<Q> &chars)
{
    /* The longer first: "에서" (at, from) before "에" (at). */
    static const char *const particles[] = {
        "에서", "에게", "으로", "까지", "부터", "처럼", "보다", "께서", "에는", "에도",
        "은", "는", "이", "가", "을", "를", "의", "에", "도", "와", "과", "로", "만",
    };
    std::string word;
    for (const Q &c : chars) {
        std::string one = char_of(c);
        uint32_t cp = 0;
        tw_utf8_decode(one.data(), one.size(), &cp);
        if (cp < 0xac00 || cp > 0xd7a3)     /* Hangul syllables alone */
            return 0;
        word += one;
    }
    for (const char *p : particles) {
        size_t n = std::strlen(p), syllables = n / 3;  /* each 3 bytes in UTF-8 */
        if (chars.size() >= syllables + 2 && word.compare(word.size() - n, n, p) == 0)
            return syllables;
    }
    return 0;
}

/* The run SUBS[FROM, END): the articles that have each of its characters
 * (but a Korean particle's) in one of its pairs, the one before it or the
 * one after, as a word of two characters or more of the run would be:
 * "京都紅葉" needs "京都" and "紅葉", not "都紅".  Of linux-doc's 313
 * Chinese, Japanese and Korean pages, "内存管理" (memory management) finds
 * 52 so, 22 by all its pairs and 88 by its characters anywhere.  Ranked by
 * its characters, each of its pairs and, on top, the run as a phrase. */
static Q ranked_run(const std::vector<Q> &subs, size_t from, size_t end)
{
    std::vector<Q> chars, pairs;
    for (size_t i = from; i < end; i++)
        ((i - from) % 2 ? pairs : chars).push_back(subs[i]);
    size_t needed = chars.size() - korean_particle(chars);
    std::vector<Q> covers;
    for (size_t i = 0; i < needed; i++) {
        std::vector<Q> either;
        if (i > 0)
            either.push_back(pairs[i - 1]);
        if (i < pairs.size())
            either.push_back(pairs[i]);
        covers.push_back(either.size() == 1 ? either[0]
                                            : Q(Q::OP_OR, either.begin(), either.end()));
    }
    std::vector<Q> parts{ Q(Q::OP_FILTER, Q(Q::OP_AND, chars.begin(), chars.begin() + needed),
                            Q(Q::OP_AND, covers.begin(), covers.end())) };
    parts.insert(parts.end(), pairs.begin(), pairs.end());
    parts.insert(parts.end(), chars.begin() + needed, chars.end());
    Q phrase(Q::OP_PHRASE, chars.begin(), chars.end(), (Xapian::termcount)chars.size());
    parts.push_back(Q(Q::OP_SCALE_WEIGHT, phrase, PHRASE_WEIGHT));
    return Q(Q::OP_AND_MAYBE, parts.begin(), parts.end());
}

/* tw_cjk_runs_ranked for Q, setting *CHANGED when it found a run; Q
 * itself, untouched, when it found none. */
static Q ranked(const Q &q, bool *changed)
{
    Q::op op = q.get_type();
    if (op != Q::OP_AND && op != Q::OP_OR && op != Q::OP_AND_NOT && op != Q::OP_XOR &&
        op != Q::OP_AND_MAYBE && op != Q::OP_FILTER)
        return q;
    std::vector<Q> subs, out;
    bool inside = false;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        subs.push_back(ranked(q.get_subquery(i), &inside));
    bool here = false;
    for (size_t i = 0; i < subs.size();) {
        size_t end = op == Q::OP_AND ? run_end(subs, i) : i;
        /* Three characters and their two pairs or more: of two, the pair
         * is the run. */
        if (end >= i + 5) {
            out.push_back(ranked_run(subs, i, end));
            here = true;
            i = end;
        } else {
            out.push_back(subs[i++]);
        }
    }
    if (!here && !inside)
        return q;
    *changed = true;
    return out.size() == 1 ? out[0] : Q(op, out.begin(), out.end());
}

Xapian::Query tw_cjk_runs_ranked(const Xapian::Query &q)
{
    bool changed = false;
    return ranked(q, &changed);
}
