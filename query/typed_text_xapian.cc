/* typed_text_xapian.cc - a query's text rewritten as the parser is to read
 * it, the way the writer split, joined and spelt the articles' words. */
#include <algorithm>
#include <cctype>
#include <cstring>
#include <new>
#include <string>
#include <vector>
#include <xapian.h>

extern "C" {
#include "acronym_plural.h"
#include "buf.h"
#include "hans.h"
#include "nfc.h"
#include "sea_words.h"
#include "utf8.h"
}
#include "typed_text_xapian.h"
#include "compound_xapian.h"
#include "elision_xapian.h"
#include "fields_xapian.h"
#include "initials_xapian.h"
#include "numbers_xapian.h"

/* Whether the word of TEXT that starts at AT ends in a wildcard. */
static bool wildcard_at(const std::string &text, size_t at)
{
    size_t end = text.find_first_of(" \t\"()", at);
    return end != at && text[(end == std::string::npos ? text.size() : end) - 1] == '*';
}

bool tw_query_operator(const std::string &word)
{
    static const char *const ops[] = { "AND", "OR", "NOT", "XOR", "NEAR", "ADJ" };
    for (const char *op : ops)
        if (word == op)
            return true;
    return false;
}

/* TEXT with each quotation mark that opens or closes a phrase in some
 * language as '"': a phrase copied from a German („...“), French («...»),
 * Japanese (「...」) or Chinese article, or typed with full-width or curly
 * quotes, was searched as loose words, matching articles that have them
 * in any order.  (Xapian's parser knows only "...", and “...”, which the
 * rewrites of the text did not see as quotes.) */
static std::string straight_quotes(const std::string &text)
{
    static const uint32_t QUOTES[] = { 0xab, 0xbb, 0x201c, 0x201d, 0x201e, 0x201f,
                                       0x300c, 0x300d, 0x300e, 0x300f, 0xff02 };
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        uint32_t cp;
        size_t n = tw_utf8_char_at(text.data(), text.size(), i, &cp);
        if (std::find(std::begin(QUOTES), std::end(QUOTES), cp) != std::end(QUOTES))
            out += '"';
        else
            out.append(text, i, n);
        i += n;
    }
    return out;
}

/* When TEXT[I] is the ':' of a key field, appends it and the field's value
 * to OUT, moves I past them and returns true: a rewrite that walks the
 * text leaves the value as typed. */
static bool copied_key_value(const std::string &text, size_t &i, std::string &out)
{
    if (text[i] != ':' || !tw_key_field_before(text, i))
        return false;
    size_t end = tw_key_value_after(text, i);
    out.append(text, i, end - i);
    i = end;
    return true;
}

std::string tw_initials_stand_in(const StandIns &in, size_t i, bool typed)
{
    return (typed ? "Q" : "q") + in.head.substr(1) + in.words[i] + "q";
}

std::string tw_wildcard_stand_in(const StandIns &in, size_t i)
{
    return in.head + std::to_string(i) + "q";
}

/* The head of stand-ins for TEXT (StandIns) that start as HEAD does
 * ("qinitials"): HEAD and one "q" more than any run of them after it in
 * TEXT in small letters, as the parser lowers them, so that no word typed
 * starts as a stand-in does. */
static std::string stand_in_head(const std::string &text, const std::string &head)
{
    std::string lowered = Xapian::Unicode::tolower(text);
    size_t most = 0;
    for (size_t at = lowered.find(head); at != std::string::npos;
         at = lowered.find(head, at + 1)) {
        size_t q = at + head.size();
        while (q < lowered.size() && lowered[q] == 'q')
            q++;
        most = std::max(most, q - at - head.size() + 1);
    }
    return head + std::string(most, 'q');
}

/* TEXT with its words in lower case, but for the operators, quoted phrases
 * and key fields' values, and with initials in capitals, quoted too:
 * Xapian's parser reads "U.S." as the word "us", as the indexer did, but
 * only in capitals ("u.s." was the phrase "u s": 23 Reuters articles
 * against 4,334), and the indexer reads "p.m." so too (initials_xapian.h).  The
 * parser takes a capitalised word for a name and does not stem it, so that
 * "Oil Prices" found fewer articles than "oil prices" (and, where the index
 * holds German, by German stems); a word is found in its other forms
 * however it is typed, and as written when quoted (bench/RESULTS.md,
 * session 14).  With PLURALS (the index has them, TW_SCHEMA_PLURALS), an
 * acronym's plural typed outside quotes as its acronym.  With INITIALS
 * (the index has their marks, TW_SCHEMA_INITIALS), the letters of each
 * initials typed outside quotes with full stops are listed there, in
 * small letters, and given to the parser as their stand-in. */
static std::string lower_words(const std::string &text, bool plurals,
                               StandIns *initials)
{
    std::string out;
    out.reserve(text.size());
    bool quoted = false;
    for (size_t i = 0; i < text.size();) {
        unsigned char c = (unsigned char)text[i];
        if (c == '"')
            quoted = !quoted;
        if (!quoted && copied_key_value(text, i, out))
            continue;
        if (!tw_query_word_byte(c)) {
            out += text[i++];
            continue;
        }
        size_t end = tw_initials_end(text.data(), text.size(), i);
        if (end != i) {
            /* Listed initials reach the parser as their stand-in, which
             * no quoted word is ("U.S. OR \"us\""); a wildcard's stay
             * the parser's word. */
            if (initials && !quoted && (end == text.size() || text[end] != '*')) {
                if (initials->head.empty())
                    initials->head = stand_in_head(text, "qinitials");
                initials->words.push_back(tw_initials_word(text.data(), i, end));
                out += tw_initials_stand_in(*initials, initials->words.size() - 1, true);
                i = end;
                continue;
            }
            for (; i < end; i++)
                out += (char)std::toupper((unsigned char)text[i]);
            continue;
        }
        /* An acronym's plural as its acronym ("MPs" as "mp"), which the
         * writer indexed its stem as too (acronym_plural.h). */
        size_t plural = quoted || !plurals ? i
                                           : tw_acronym_plural_at(text.data(), text.size(), i);
        if (plural > i) {
            out += Xapian::Unicode::tolower(text.substr(i, plural - i));
            i = plural + 1;
            continue;
        }
        while (end < text.size() && tw_query_word_byte((unsigned char)text[end]))
            end++;
        std::string word = text.substr(i, end - i);
        out += quoted || tw_query_operator(word) ? word : Xapian::Unicode::tolower(word);
        i = end;
    }
    return out;
}

/* TEXT with SPLIT applied to each stretch of it outside the values of key
 * fields (KEY_FIELDS), which stay as typed (site:"L'Équipe",
 * path:l'été.txt).  Inside a phrase, a field's name is words of the phrase,
 * as the parser reads it ("folder path:l'été", copied from an article). */
template <class Split> static std::string outside_key_values(const std::string &text, Split split)
{
    std::string out;
    size_t from = 0;
    bool quoted = false;
    for (size_t i = 0; i < text.size(); i++) {
        if (text[i] == '"')
            quoted = !quoted;
        if (quoted || text[i] != ':' || !tw_key_field_before(text, i))
            continue;
        out += split(text.substr(from, i + 1 - from));
        /* Past a quoted value's closing quote: handed to SPLIT, it would
         * open a phrase there for those that follow quotes. */
        size_t end = tw_key_value_after(text, i);
        out.append(text, i + 1, end - i - 1);
        from = end;
        i = end - 1;
    }
    return out + split(text.substr(from));
}

/* TEXT with "-" in place of each apostrophe that splits a word
 * (elision_xapian.h: "l'économie", "Obama's"): the parser makes a phrase of
 * the two words, as the writer indexed them -- or a space before a
 * wildcard ("l'écono*"), which a phrase cannot hold. */
static std::string split_elisions(const std::string &text)
{
    std::string out;
    size_t copied = 0;
    for (size_t i = 0; i < text.size(); i++) {
        size_t n = tw_elision_at(text.data(), text.size(), i);
        if (n) {
            out.append(text, copied, i - copied);
            out += wildcard_at(text, i + n) ? ' ' : '-';
            copied = i + n;
            i += n - 1;
        }
    }
    return copied ? out.append(text, copied, std::string::npos) : text;
}

/* TEXT with "-" between the words of each Thai, Lao, Khmer or Burmese run
 * (sea_words.h): the parser makes a phrase of them, as the writer indexed
 * them in order, so that a run of several words typed finds the articles
 * that have them so, as a Chinese run does. */
static std::string split_sea_runs(trawl_db *db, const std::string &text)
{
    tw_buf out = {};
    int rc = tw_sea_split(tw_db_sea(db), text.data(), text.size(), '-', &out);
    std::string split = rc > 0 ? std::string(out.data, out.len) : text;
    tw_buf_free(&out);
    if (rc < 0)
        throw std::bad_alloc();
    return split;
}

/* TEXT with a comma after each run of Chinese, Japanese or Korean
 * characters outside quotes that a word character follows.  Xapian 1.4.22's parser
 * (FLAG_CJK_NGRAM) fails on a word, such a run and a word in a row ("iPhone
 * 中国 sales": "parse error"): the run leaves it inside a group of words,
 * which the word after the run goes on with, and its grammar has no group
 * with a run in it.  A comma, skipped as any punctuation is, ends the
 * group; the words and their order stay as typed. */
static std::string end_cjk_runs(const std::string &text)
{
    std::string out;
    out.reserve(text.size() + 8);
    bool quoted = false, in_run = false;
    for (size_t i = 0; i < text.size();) {
        uint32_t cp = 0;
        size_t n = std::max<size_t>(1, tw_utf8_decode(text.data() + i, text.size() - i, &cp));
        bool cjk = !quoted && n > 1 && tw_utf8_is_cjk(cp);
        if (in_run && !cjk) {
            size_t next = i;
            while (next < text.size() && (text[next] == ' ' || text[next] == '\t'))
                next++;
            uint32_t after = 0;
            if (next < text.size() &&
                tw_utf8_decode(text.data() + next, text.size() - next, &after) &&
                Xapian::Unicode::is_wordchar(after))   /* "_" too: "蔡健雅_百度百科" */
                out += ',';
        }
        in_run = cjk;
        quoted ^= text[i] == '"';
        out.append(text, i, n);
        i += n;
    }
    return out;
}

/* TEXT with each hyphenated compound typed outside quotes
 * (compound_xapian.h: "e-mail", "COVID-19") as its parts run together,
 * which the writer indexed for it too: "email" finds the articles that
 * write it either way, where the phrase of its parts found only those
 * that hyphenate it; each one joined into *JOINS (parse_xapian.cc's
 * with_spaced looks for the parts written apart too).  Quoted, it stays
 * that phrase; a key field's value and a word with a wildcard ("e-mai*")
 * are left as typed. */
static std::string join_compounds(const std::string &text, std::vector<Joined> *joins)
{
    std::string out, joined;
    out.reserve(text.size());
    bool quoted = false;
    for (size_t i = 0; i < text.size();) {
        if (text[i] == '"')
            quoted = !quoted;
        if (!quoted && copied_key_value(text, i, out))
            continue;
        size_t end = quoted ? i : tw_compound_at(text.data(), text.size(), i, joined);
        if (end > i && !wildcard_at(text, end)) {
            out += joined;
            joins->push_back({ joined, tw_compound_parts(text.data() + i, end - i) });
            i = end;
            continue;
        }
        out += text[i++];
    }
    return out;
}

/* Whether TEXT[AT] is a full stop or comma between two digits, which the
 * parser keeps inside a number's word. */
static bool number_separator_at(const std::string &text, size_t at)
{
    return (text[at] == ',' || text[at] == '.') && at > 0 && at + 1 < text.size() &&
           std::isdigit((unsigned char)text[at - 1]) &&
           std::isdigit((unsigned char)text[at + 1]);
}

/* TEXT with each number typed with separators in its plain form
 * (numbers_xapian.h), which the writer indexed beside it: "1,500" finds
 * the articles that write "1500" or "1.500" too, and "3,5" those that write
 * "3.5".  Quoted too, the plain form standing where the number does; one
 * with a wildcard ("1,5*") is left as typed. */
static std::string plain_numbers(const std::string &text)
{
    std::string out, plain;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        if (!tw_query_word_byte((unsigned char)text[i])) {
            out += text[i++];
            continue;
        }
        size_t end = i;
        while (end < text.size() &&
               (tw_query_word_byte((unsigned char)text[end]) || number_separator_at(text, end)))
            end++;
        std::string word = text.substr(i, end - i);
        out += tw_number_plain(word, plain) && !wildcard_at(text, end) ? plain : word;
        i = end;
    }
    return out;
}

/* Whether TEXT has OPEN and CLOSE with nothing but spaces between them at
 * AT: 'title:""' read the word "title", 'site:""' matched nothing, and so
 * did "title:()". */
static bool empty_pair(const std::string &text, size_t at, char open, char close)
{
    if (at >= text.size() || text[at] != open)
        return false;
    size_t end = at + 1;
    while (end < text.size() && std::isspace((unsigned char)text[end]))
        end++;
    return end < text.size() && text[end] == close;
}

/* The first field of TEXT typed with nothing after its colon, as "date:
 * 2021", "title: storm", 'title:""' and "title:()" have: the parser would read it as the word
 * "date" or "title" and, when no article has it, show what the rest matches
 * (undated articles too, storms outside titles), as if it had filtered them.
 * A key field's value is passed over: "url:a.example/title:" is no field
 * "title:".  Empty when there is none. */
static std::string empty_field(const std::string &text)
{
    bool quoted = false;
    for (size_t i = 0; i < text.size(); i++) {
        if (text[i] == '"')
            quoted = !quoted;
        bool key = !quoted && text[i] == ':' && tw_key_field_before(text, i);
        if (quoted || text[i] != ':' || !(key || tw_word_field_before(text, i)))
            continue;
        if (i + 1 == text.size() || std::isspace((unsigned char)text[i + 1]) ||
            text[i + 1] == ')' || empty_pair(text, i + 1, '"', '"') ||
            empty_pair(text, i + 1, '(', ')')) {
            size_t start = tw_field_name_start(text, i);
            return text.substr(start, i + 1 - start);
        }
        if (key)
            i = tw_key_value_after(text, i) - 1;
    }
    return std::string();
}

/* TEXT with its traditional Chinese characters as simplified ones, as the
 * writer indexed them (hans.h): "颱風" is searched as "台风". */
static std::string simplified(trawl_db *db, const std::string &text)
{
    std::string folded(text);
    tw_hans_fold(tw_db_hans(db), &folded[0], folded.size());
    return folded;
}

/* The first field of TEXT whose value is a key (site:, date:...) typed
 * with a group in parentheses after its colon, as "site:(a.example OR
 * b.example)": the parser took "(a.example" for the site and read the rest
 * as words.  A key field's value is passed over.  Empty when there is none. */
static std::string grouped_key_field(const std::string &text)
{
    bool quoted = false;
    for (size_t i = 0; i + 1 < text.size(); i++) {
        if (text[i] == '"')
            quoted = !quoted;
        if (quoted || text[i] != ':' || !tw_key_field_before(text, i))
            continue;
        if (text[i + 1] == '(') {
            size_t start = tw_field_name_start(text, i);
            return text.substr(start, i + 1 - start);
        }
        i = tw_key_value_after(text, i) - 1;    /* "url:a.example/site:(x)" is a url */
    }
    return std::string();
}

std::string tw_typed_plain(const std::string &text)
{
    /* ASCII is composed, narrow and has no other quotes already. */
    if (tw_utf8_ascii(text.data(), text.size()))
        return text;
    /* Composed, as the writer stored and indexed the articles (nfc.h). */
    tw_buf nfc = {};
    if (tw_buf_append(&nfc, text.data(), text.size()) < 0 || tw_nfc(&nfc, 0) < 0) {
        tw_buf_free(&nfc);
        throw std::bad_alloc();
    }
    std::string narrow(nfc.data ? nfc.data : "", nfc.len);
    tw_buf_free(&nfc);
    /* Full-width letters and digits as the writer indexed them: ASCII. */
    narrow.resize(tw_utf8_narrow_text(narrow.data(), narrow.size(), &narrow[0]));
    return straight_quotes(narrow);
}

/* Whether TOKEN, a word of a query outside quotes, is NEAR or ADJ, with a
 * window or not. */
static bool near_op(const std::string &token)
{
    for (const char *op : { "NEAR", "ADJ" }) {
        size_t n = std::strlen(op);
        if (token.compare(0, n, op) == 0 && (token.size() == n || token[n] == '/'))
            return true;
    }
    return false;
}

/* Whether TOKEN, beside NEAR or ADJ, is other than a word: a wildcard, a
 * phrase or a group. */
static bool not_a_word(const std::string &token)
{
    return token == "(" || token == ")" || token.find('"') != std::string::npos ||
           token.back() == '*';
}

/* The tokens of TEXT as its operators stand among them: the words outside
 * quotes, a phrase with its quotes, and each parenthesis. */
static std::vector<std::string> tokens_of(const std::string &text)
{
    std::vector<std::string> tokens;
    bool quoted = false, in_token = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        if (!quoted && c != '"' && (std::isspace((unsigned char)c) || c == '(' || c == ')')) {
            if (c == '(' || c == ')')
                tokens.emplace_back(1, c);
            in_token = false;
            continue;
        }
        if (!in_token)
            tokens.emplace_back();
        in_token = true;
        tokens.back() += c;
    }
    return tokens;
}

/* What in TEXT Xapian's parser would read as other than typed, and why,
 * about NEAR and ADJ: a window that is not a number ("oil NEAR/x gulf"),
 * which it read as the words "near" and "x", finding nothing without a word
 * of why; or a wildcard, phrase or group beside them, which join words
 * only: the parser then read the whole query again as plain words, NEAR
 * one of them, and the search fell back to articles with any of them.
 * Empty when there is none. */
static std::string misread(const std::string &text)
{
    std::vector<std::string> tokens = tokens_of(text);
    for (size_t k = 0; k < tokens.size(); k++) {
        const std::string &op = tokens[k];
        if (!near_op(op))
            continue;
        size_t slash = op.find('/');
        if (slash != std::string::npos) {
            std::string window = op.substr(slash + 1, op.find('"') - slash - 1);
            if (window.empty() || !std::all_of(window.begin(), window.end(), [](char c) {
                    return std::isdigit((unsigned char)c);
                }))
                return op.substr(0, slash + 1) + window + ": the window after " +
                       op.substr(0, slash + 1) + " is a number of words, as in 'oil " +
                       op.substr(0, slash + 1) + "3 gulf'";
        }
        const std::string *bad = k > 0 && not_a_word(tokens[k - 1]) ? &tokens[k - 1]
                                 : k + 1 < tokens.size() && not_a_word(tokens[k + 1])
                                     ? &tokens[k + 1]
                                     : nullptr;
        if (bad)
            return op + " joins two words, not a wildcard, a phrase or a group (" +
                   (bad->size() == 1 ? "a group in parentheses" : *bad) +
                   " beside it): put a word on each side, as in 'oil " + op +
                   " gulf', or leave " + op + " out";
    }
    return std::string();
}

/* TEXT with each word inside quotes that ends in a wildcard ("s* oil") as
 * its stand-in (tw_wildcard_stand_in), and the word, in small letters,
 * into WILDCARDS' words: Xapian's parser read it as the word ("s oil", 62 Reuters
 * stories), and parse_xapian.cc puts the words it stands for in its place.
 * A key field's quoted value is left as typed (site:"a*" is a site's
 * name).  Throws Xapian::QueryParserError for a '*' inside a quoted word
 * ("s*il"), which stands for no words. */
static std::string quoted_wildcards(const std::string &text, StandIns *wildcards)
{
    std::string out;
    out.reserve(text.size());
    bool quoted = false;
    for (size_t i = 0; i < text.size();) {
        if (text[i] == '"')
            quoted = !quoted;
        if (!quoted && copied_key_value(text, i, out))
            continue;
        if (!quoted || !tw_query_word_byte((unsigned char)text[i])) {
            out += text[i++];
            continue;
        }
        size_t end = i;
        while (end < text.size() && tw_query_word_byte((unsigned char)text[end]))
            end++;
        if (end == text.size() || text[end] != '*') {
            out.append(text, i, end - i);
            i = end;
            continue;
        }
        size_t after = end + 1;
        while (after < text.size() && tw_query_word_byte((unsigned char)text[after]))
            after++;
        if (after > end + 1)
            throw Xapian::QueryParserError(
                text.substr(i, after - i) + " has a '*' inside a word, where it stands "
                "for nothing: a wildcard ends a word, as in '" + text.substr(i, end + 1 - i) +
                "'");
        if (wildcards->head.empty())
            wildcards->head = stand_in_head(text, "qwildcard");
        wildcards->words.push_back(Xapian::Unicode::tolower(text.substr(i, end - i)));
        out += tw_wildcard_stand_in(*wildcards, wildcards->words.size() - 1);
        i = end + 1;
    }
    return out;
}

std::string tw_typed_for_parser(trawl_db *db, const std::string &text, std::vector<Joined> *joins,
                                StandIns *initials, StandIns *wildcards)
{
    std::string typed(text);
    std::string empty = empty_field(typed);
    if (!empty.empty())
        throw Xapian::QueryParserError(
            empty + " has nothing after it: write its value right after the colon, as in " +
            empty + tw_field_example(Xapian::Unicode::tolower(empty.substr(0, empty.size() - 1))));
    std::string grouped = grouped_key_field(typed);
    if (!grouped.empty())
        throw Xapian::QueryParserError(grouped + " takes one value, not a group in "
                                       "parentheses: give each its own, as in " + grouped +
                                       "a OR " + grouped + "b");
    std::string misplaced = misread(typed);
    if (!misplaced.empty())
        throw Xapian::QueryParserError(misplaced);
    if (typed.find('*') != std::string::npos)
        typed = quoted_wildcards(typed, wildcards);
    /* A pass is skipped where the text has nothing it changes: a number
     * starts with a digit, a compound's hyphen and an elision's apostrophe
     * are "-" and "'" or outside ASCII, and so are the runs of other
     * scripts; most queries are words in ASCII letters, which those passes
     * copied whole (4% of a search's instructions, BM25 alone).  None of
     * the passes adds what another looks for. */
    bool ascii = tw_utf8_ascii(typed.data(), typed.size());
    if (db->numbers && std::any_of(typed.begin(), typed.end(),
                                   [](char c) { return std::isdigit((unsigned char)c); }))
        typed = outside_key_values(typed, plain_numbers);
    if (db->compounds && (!ascii || typed.find('-') != std::string::npos))
        typed = join_compounds(typed, joins);
    if (db->elisions && (!ascii || typed.find('\'') != std::string::npos))
        typed = outside_key_values(typed, split_elisions);
    if (db->sea_words && !ascii)
        typed = outside_key_values(typed, [db](const std::string &t) {
            return split_sea_runs(db, t);
        });
    if (db->simplified && tw_hans_maybe(typed.data(), typed.size()))
        typed = outside_key_values(typed, [db](const std::string &t) {
            return simplified(db, t);
        });
    if (!ascii)
        typed = outside_key_values(typed, end_cjk_runs);
    /* Elisions were split before the words are lower-cased: a Turkish
     * ending is split off a word that starts with a capital
     * (elision_xapian.h). */
    return lower_words(typed, db->plurals, initials);
}
