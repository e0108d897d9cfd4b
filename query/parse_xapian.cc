/* parse_xapian.cc - a query's typed text turned into a Xapian query: the
 * parser reads it rewritten (typed_text_xapian.h), and its query is then
 * made to find the words that text became as the writer indexed them. */
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>
#include <xapian.h>

#include "parse_xapian.h"
#include "initials_xapian.h"
#include "accents_xapian.h"
#include "typed_text_xapian.h"
#include "group_scope.h"
#include "cjk_runs_xapian.h"
#include "wildcards_xapian.h"
#include "languages_xapian.h"

Xapian::termcount tw_query_window(const Xapian::Query &q)
{
    std::string d = q.get_description();
    const char *op = q.get_type() == Xapian::Query::OP_PHRASE ? " PHRASE " : " NEAR ";
    size_t at = d.find(op);
    return at == std::string::npos ? 0 : (Xapian::termcount)std::atoi(d.c_str() + at +
                                                                       std::strlen(op));
}

/* Q with each text term whose word, or its stem, is WORD_OF(i) for an i
 * below N rewritten as REWRITE(term's query, its prefix, i, whether a
 * phrase or NEAR holds it), through the operators that can be rebuilt from
 * their parts: how with_spaced, with_initials and with_wildcards find the
 * words the query's text became.  With TERMS, REWRITE gives a term, or an
 * OR of terms, for one the parser did not stem (initials' marks, a quoted
 * wildcard's words): a stemmed term is another word typed (the parser
 * stems only words in small letters), and phrases and NEAR, which hold
 * those, are looked into too ("U.S. NEAR exports"); without, what REWRITE
 * gives is no term, which they cannot hold. */
template <class WordOf, class Rewrite>
static Xapian::Query rewrite_typed(const trawl_db *db, const Xapian::Query &q, bool terms,
                                   size_t n, const WordOf &word_of, const Rewrite &rewrite,
                                   bool in_phrase = false)
{
    typedef Xapian::Query Q;
    Q::op op = q.get_type();
    if (op == Q::LEAF_TERM) {
        const std::string term = *q.get_terms_begin();
        size_t at;
        if (!tw_text_term(term, &at))
            return q;
        bool stemmed = term[0] == 'Z';
        if (stemmed && terms)
            return q;
        std::string word = term.substr(at), prefix = term.substr(stemmed, at - stemmed);
        for (size_t i = 0; i < n; i++)
            if (word == (stemmed ? db->stem(word_of(i)) : word_of(i)))
                return rewrite(q, prefix, i, in_phrase);
        return q;
    }
    bool positional = op == Q::OP_PHRASE || op == Q::OP_NEAR;
    if (positional ? !terms
                   : op != Q::OP_AND && op != Q::OP_OR && op != Q::OP_AND_NOT &&
                         op != Q::OP_XOR && op != Q::OP_AND_MAYBE && op != Q::OP_FILTER)
        return q;
    std::vector<Q> subs;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        subs.push_back(
            rewrite_typed(db, q.get_subquery(i), terms, n, word_of, rewrite, positional));
    return positional ? Q(op, subs.begin(), subs.end(), tw_query_window(q))
                      : Q(op, subs.begin(), subs.end());
}

/* Q with each word that joins a compound's parts (JOINS) looked for as
 * the phrase of its parts too: "al-Qaeda" typed, joined to "alqaeda", finds
 * the articles that write "al Qaeda" as well, as its parts' phrase found
 * them before schema 9 -- those that have the joined word, by that alone,
 * so that none counts the compound twice; and the phrase weighs as one
 * word, as the joined word does, not as the sum of its parts'. */
static Xapian::Query with_spaced(const trawl_db *db, const Xapian::Query &q,
                                 const std::vector<Joined> &joins)
{
    typedef Xapian::Query Q;
    return rewrite_typed(
        db, q, false, joins.size(), [&](size_t i) { return joins[i].word; },
        [&](const Q &typed, const std::string &prefix, size_t i, bool) {
            std::vector<Q> parts;
            for (const std::string &p : joins[i].parts)
                parts.emplace_back(prefix + p);
            Q spaced(Q::OP_PHRASE, parts.begin(), parts.end(), (Xapian::termcount)parts.size());
            return Q(Q::OP_OR, typed,
                     Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_AND_NOT, spaced, typed), 1.0 / parts.size()));
        });
}

/* Q with each word that initials typed with full stops (INITIALS, their
 * letters) became looked for by their mark alone (initials_xapian.h):
 * "U.S." finds "U.S.", "U.S" and the US of running text, not the pronoun
 * "us".  Capitals typed without full stops are searched as before, as the
 * word: Reuters' headlines are in capitals, which the writer does not
 * mark, and "US", "EEC" or "GNP" typed as their mark, or as the word with
 * the mark weighing more, lost articles whose headline alone has them
 * (known items typed as the articles write them: MRR@10 0.951 -> 0.949).
 * The parser was given each as its stand-in (tw_initials_stand_in), so
 * that the same letters typed as a word stay the word, quoted or not ("U.S.
 * OR us", "U.S. OR \"us\"").  Initials typed beside NEAR or ADJ are their
 * mark there too. */
static Xapian::Query with_initials(const Xapian::Query &q, const trawl_db *db,
                                   const StandIns &initials)
{
    return rewrite_typed(
        db, q, true, initials.words.size(),
        [&](size_t i) { return tw_initials_stand_in(initials, i, false); },
        [&](const Xapian::Query &, const std::string &prefix, size_t i, bool) {
            return Xapian::Query(prefix + tw_initials_mark(initials.words[i]));
        });
}

/* Q with each wildcard typed inside quotes (WILDCARDS, their patterns,
 * given to the parser as tw_wildcard_stand_in) as the words it stands for:
 * in a phrase, as an OR of the words in any accents (of each spelling
 * the TRAWL_WILDCARD_MAX most frequent, as outside quotes), which Xapian 1.4 does not expand there
 * itself ("s* oil" was the phrase "s oil"), weighed as one word
 * (languages_xapian.cc, phrase_accented); alone in its quotes ('"rescu*"'),
 * as the wildcard outside them is.  A pattern that starts no word stays the stand-in, which no article
 * holds: the phrase finds nothing, as it should.  The first wildcard in a
 * phrase that stands for more words than were searched goes to *BROAD, as
 * typed. */
static Xapian::Query with_wildcards(const trawl_db *db, const Xapian::Query &q,
                                    const StandIns &wildcards,
                                    std::string *broad)
{
    return rewrite_typed(
        db, q, true, wildcards.words.size(),
        [&](size_t i) { return tw_wildcard_stand_in(wildcards, i); },
        [&](const Xapian::Query &typed, const std::string &prefix, size_t i, bool in_phrase) {
            if (!in_phrase)
                return tw_wildcard_query(prefix + wildcards.words[i]);
            std::string more;
            Xapian::Query words = tw_wildcard_words(
                db->db, tw_wildcard_spellings(db, prefix + wildcards.words[i]), &more);
            if (broad->empty())
                *broad = more;
            return words.empty() ? typed : words;
        });
}

/* Whether every word and phrase of TEXT is excluded ("-email -"cold call""),
 * and TEXT without the '-' of each into *WANTED.  Xapian's parser takes a
 * query of nothing but excluded words for those words, the opposite of what
 * was asked; grouped or combined with operators, it is left to the parser. */
static bool only_excluded(const std::string &text, std::string *wanted)
{
    bool quoted = false, any = false;
    wanted->clear();
    for (size_t i = 0; i < text.size(); i++) {
        char c = text[i];
        if (c == '(' || c == ')')
            return false;
        bool starts = !quoted && c != ' ' && c != '\t' && (i == 0 || text[i - 1] == ' ' ||
                                                          text[i - 1] == '\t');
        if (starts) {
            if (c != '-' || i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\t')
                return false;
            any = true;
            continue;
        }
        if (c == '"')
            quoted = !quoted;
        *wanted += c;
    }
    return any;
}

/* Xapian's message MSG for a query it cannot parse, with what to do when it
 * names an operator without its operands ("Syntax: <expression> AND
 * <expression>", for "united AND"). */
static std::string explained(const std::string &msg)
{
    static const std::string head = "Syntax: <expression> ", tail = " <expression>";
    if (msg.size() <= head.size() + tail.size() || msg.compare(0, head.size(), head) != 0 ||
        msg.compare(msg.size() - tail.size(), tail.size(), tail) != 0)
        return msg;
    std::string op = msg.substr(head.size(), msg.size() - head.size() - tail.size()), word;
    for (char c : op)
        word += (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    /* NOT alone before a word is the articles without it. */
    bool lone = op == "NOT";
    return op + " needs a word, a phrase or a group in parentheses " +
           (lone ? "after it" : "on each side") + ", as in 'storm " + op + " flood'" +
           (lone ? " or 'NOT flood'" : "") + "; to search for the word '" + word +
           "', type it in small letters";
}

static Xapian::Query parse_words(trawl_db *db, const std::string &text, bool match_any)
{
    db->qp.set_default_op(match_any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
    unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                     Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                     Xapian::QueryParser::FLAG_PURE_NOT |
                     /* Chinese, Japanese and Korean words as the indexer
                      * split them: characters and pairs of characters. */
                     Xapian::QueryParser::FLAG_CJK_NGRAM;
    db->bad_field.clear();
    std::vector<Joined> joins;
    StandIns initials, wildcards;
    Xapian::Query q;
    try {
        q = db->qp.parse_query(tw_typed_for_parser(db, text, &joins,
                                                   db->initials ? &initials : nullptr,
                                                   &wildcards),
                               flags);
    } catch (const Xapian::QueryParserError &e) {
        throw Xapian::QueryParserError(explained(e.get_msg()));
    }
    if (!db->bad_field.empty())
        throw Xapian::QueryParserError(db->bad_field);
    /* Counted before a quoted one is expanded: each holds up to
     * TRAWL_WILDCARD_MAX words (trawl.h says what many cost). */
    size_t n_wildcards = tw_count_op(q, Xapian::Query::OP_WILDCARD) + wildcards.words.size();
    if (n_wildcards > TRAWL_QUERY_MAX_WILDCARDS)
        throw Xapian::QueryParserError(
            "it holds " + std::to_string(n_wildcards) + " wildcards; at most " +
            std::to_string(TRAWL_QUERY_MAX_WILDCARDS) + " are searched in one query (each " +
            "stands for up to " + std::to_string(TRAWL_WILDCARD_MAX) +
            " words): drop some, or search for words in place of them");
    /* Chinese, Japanese and Korean characters are all past U+2E80, whose
     * UTF-8 begins with a byte of 0xE2 or more: a query with none (most)
     * has no run to rewrite, and its tree is not walked. */
    if (std::any_of(text.begin(), text.end(), [](char c) { return (unsigned char)c >= 0xE2; }))
        q = tw_cjk_runs_ranked(q);
    if (!initials.words.empty())
        q = with_initials(q, db, initials);
    db->quoted_broad.clear();
    if (!wildcards.words.empty())
        q = with_wildcards(db, q, wildcards, &db->quoted_broad);
    return joins.empty() ? q : with_spaced(db, q, joins);
}

/* Whether TEXT is nothing but the query language's marks: quotes,
 * parentheses, signs, stars ('""', '()', '-'), where the reader left out the
 * words, not typed symbols that are not indexed. */
static bool only_marks(const std::string &text)
{
    return text.find_first_not_of(" \t\"()+-*") == std::string::npos;
}

Xapian::Query tw_db_parse(trawl_db *db, const std::string &text, bool match_any)
{
    std::string plain = tw_group_scope(tw_typed_plain(text)), wanted;
    bool excluding = only_excluded(plain, &wanted);
    Xapian::Query q = excluding ? parse_words(db, wanted, true) : parse_words(db, plain, match_any);
    /* Nothing the index holds words of: a search for it finds nothing,
     * whatever the articles say, which exit 1 alone did not tell; and
     * excluding it excludes nothing, which every article listed did not
     * tell either. */
    if (q.empty())
        throw Xapian::QueryParserError("'" + text + "' has no word to search for: " +
                                       (only_marks(text) ? "type a word, or words inside the "
                                                           "quotes or parentheses, as in "
                                                           "\"united front\""
                                                         : "emoji, symbols and punctuation are "
                                                           "not indexed"));
    return excluding ? Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, q) : q;
}
