/* suggest_xapian.cc - "did you mean": each suspect word of a query is compared
 * with the index's words one or two edits from it, and the closest (by
 * Damerau-Levenshtein distance), then the most common, replaces it.
 *
 * The words to compare come from the index's spelling blocks
 * (common/spell_blocks_xapian.h): those sharing a key with the typed word, a
 * few blocks read.  They hold every word one edit away, and those two edits
 * away when one of the edits is past the first TW_SPELL_PREFIX characters (or
 * the two are an insertion and a deletion there); two substitutions, say,
 * both in the first seven characters, are not found.  Several indexes
 * searched as one each have their own blocks, read one after the other.  When
 * one has none (written before them) the vocabulary of the union is read
 * instead, which finds any word within the distance, at a few ms on Reuters
 * and some 30 ms on linux-doc.
 *
 * Why not Xapian's own spelling table: it is filled word by word while
 * indexing, which made building linux-doc 2.6 times slower and its index 38 MB
 * bigger, for a feature used on the rare query that misses. */
#include "suggest_xapian.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <vector>

#include "db_xapian.h"
#include "fields_xapian.h"
#include "kept_answers_xapian.h"
#include "parse_xapian.h"
#include "spell_blocks_xapian.h"
#include "typed_text_xapian.h"

typedef std::chrono::steady_clock Clock;

/* A rare word (as many articles or fewer) may be a typo for a word this many
 * times as common. */
static const Xapian::doccount RARE = 2;
static const Xapian::doccount MORE_COMMON = 20;
/* ...if it is this long: a short rare word ("fog") is one letter from common
 * ones ("for") more often than it is a typo. */
static const size_t MIN_RARE_LENGTH = 5;

/* Edit distance with adjacent transpositions, or LIMIT + 1 when above LIMIT. */
static size_t distance(const std::string &a, const std::string &b, size_t limit)
{
    size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > limit)
        return limit + 1;
    std::vector<size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (size_t j = 0; j <= m; j++)
        prev[j] = j;
    for (size_t i = 1; i <= n; i++) {
        cur[0] = i;
        size_t row_min = cur[0];
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({ prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost });
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            row_min = std::min(row_min, cur[j]);
        }
        if (row_min > limit)
            return limit + 1;
        prev2.swap(prev);
        prev.swap(cur);
    }
    return prev[m];
}


/* The best replacement for a word among those offered: the closest within
 * the word's distance limit, then the most common; the first offered of
 * equals (words are offered in sorted order, so the result does not depend
 * on where they came from). */
class Closest {
  public:
    Closest(const std::string &word, Xapian::doccount at_least)
        : word_(word), at_least_(at_least), limit_(word.size() <= 4 ? 1 : 2),
          best_d_(limit_ + 1) {}

    void offer(const std::string &cand, Xapian::doccount tf)
    {
        if (cand == word_ || tf < at_least_)
            return;
        size_t d = distance(word_, cand, std::min(limit_, best_d_));
        if (d < best_d_ || (d == best_d_ && d <= limit_ && tf > best_tf_)) {
            best_ = cand;
            best_d_ = d;
            best_tf_ = tf;
        }
    }

    std::string best() const { return best_d_ <= limit_ ? best_ : std::string(); }

  private:
    const std::string &word_;
    Xapian::doccount at_least_;
    size_t limit_, best_d_;
    std::string best_;
    Xapian::doccount best_tf_ = 0;
};

/* Terms read between two looks at the clock: reading the time costs about as
 * much as comparing a word. */
static const unsigned CLOCK_EVERY = 256;

/* Offers PICK the index's words starting with FROM ("" for all of them), read
 * from the vocabulary.  Gives up (sets *late) at DEADLINE: a best word from
 * part of the vocabulary could be a worse one than a later word, and would
 * depend on the machine's speed. */
static void walk(const Xapian::Database &db, Closest &pick, const std::string &from,
                 Clock::time_point deadline, bool *late, tw_search_work *work)
{
    for (Xapian::TermIterator t = db.allterms_begin(from); t != db.allterms_end(from); ++t) {
        if (++work->terms_read % CLOCK_EVERY == 0 && Clock::now() >= deadline) {
            *late = true;
            return;
        }
        const std::string &term = *t;
        if (!tw_plain_term(term)) {
            /* Jump over a block of prefixed terms to the next plain one. */
            unsigned char c = term.empty() ? 0 : (unsigned char)term[0];
            if (c < '0')
                t.skip_to("0");
            else if (c < 'a')
                t.skip_to("a");
            else
                t.skip_to("\x80");
            if (t == db.allterms_end())
                break;
            if (!tw_plain_term(*t))
                continue;
        }
        pick.offer(*t, t.get_termfreq());
    }
}

/* Whether every index of DB has spelling blocks. */
static bool blocks_ready(const trawl_db *db)
{
    for (size_t i : db->live)
        if (!tw_spell_ready(db->shards[i].db))
            return false;
    return true;
}

/* The best replacement for WORD among the words of DB's indexes starting with
 * FROM ("" for all of them) that AT_LEAST articles have, or "" when none is
 * close enough (or, reading the vocabulary, none was found by DEADLINE:
 * *late). */
static std::string closest(trawl_db *tdb, const std::string &word, Xapian::doccount at_least,
                           const std::string &from, Clock::time_point deadline, bool *late)
{
    const Xapian::Database &db = tdb->db;
    tw_search_work *work = &tdb->search_work;
    Closest pick(word, at_least);
    if (!blocks_ready(tdb)) {
        walk(db, pick, from, deadline, late, work);
        return *late ? std::string() : pick.best();
    }
    /* Each index filed its own words: the union's frequencies choose. */
    std::vector<std::string> words;
    for (size_t i : tdb->live)
        tw_spell_lookup(tdb->shards[i].db, word, &words, &work->blocks_read);
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    std::vector<std::string> offered;
    for (const std::string &w : words)
        if (!w.compare(0, from.size(), from))
            offered.push_back(w);
    /* Blocks keep words whose articles have all gone: the frequency (0 for
     * those) sorts them out. */
    std::vector<Xapian::doccount> freqs = tw_term_freqs(db, tw_shards_remote(tdb), offered);
    for (size_t i = 0; i < offered.size(); i++)
        pick.offer(offered[i], freqs[i]);
    return pick.best();
}

/* The field that NAME, typed before a ':' (in small letters), was meant
 * for when it names none ("titel" of titel:storm, which the parser read as
 * words): the one an edit away (two for a name of more than four letters),
 * of two as near the one that starts as NAME does ("tite" is "title", not
 * "site": a first letter is seldom the one mistyped), or "".  Only a query
 * that found nothing asks: there a colon between words ("re:invent") is
 * more likely a misspelt field than text. */
static std::string meant_field(const std::string &name)
{
    std::vector<std::string> names = tw_field_names();
    if (name.empty() || std::find(names.begin(), names.end(), name) != names.end())
        return std::string();
    size_t limit = name.size() > 4 ? 2 : 1, best = 2 * (limit + 1);
    std::string meant;
    for (const std::string &f : names) {
        size_t d = distance(name, f, limit);
        size_t rank = 2 * d + (f[0] != name[0]);
        if (d <= limit && rank < best) {
            best = rank;
            meant = f;
        }
    }
    return meant;
}

/* A word of a query, as tw_suggest reads it: QUERY[start, end). */
struct Word {
    size_t start, end;
    bool field;         /* a field's name: "title" of title:x */
    bool checked;       /* a word that may be misspelt: not a field's name or
                           value, a wildcard or an operator; 3 letters or more */
    std::string lower;
};

/* The words of QUERY, in order. */
static std::vector<Word> words_of(const std::string &query)
{
    std::vector<Word> words;
    size_t i = 0, n = query.size();
    while (i < n) {
        if (!tw_query_word_byte((unsigned char)query[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && tw_query_word_byte((unsigned char)query[j]))
            j++;
        /* In lower case as the index holds it, every letter and not only
         * ASCII's: "Überschwemmung" is a word of the index, not a typo for
         * "überschwemmung". */
        std::string typed = query.substr(i, j - i);
        Word w{ i, j, j < n && query[j] == ':', false, Xapian::Unicode::tolower(typed) };
        bool value = i > 0 && query[i - 1] == ':', wildcard = j < n && query[j] == '*';
        w.checked = !w.field && !value && !wildcard &&
                    !tw_query_operator(typed) && w.lower.size() > 2;
        words.push_back(w);
        /* A field's value runs to the next space: keep it whole. */
        if (w.field) {
            size_t end = query.find_first_of(" \t", j);
            j = end == std::string::npos ? n : end;
        }
        i = j;
    }
    return words;
}

/* The words a query's frequencies are asked for at once: with a remote shard
 * each word asked alone costs a round trip, and one match asks them all.  A
 * query of more words (a pasted text) has the rest asked one by one, as few
 * as the bounds on looking them up let through. */
static const size_t FREQUENCIES_AT_ONCE = 64;

/* How many articles have each of the WORDS that are checked (the first
 * FREQUENCIES_AT_ONCE of them), or a word of the same stem. */
static std::map<std::string, Xapian::doccount> frequencies(const trawl_db *tdb,
                                                           const std::vector<Word> &words)
{
    std::vector<std::string> terms;
    for (const Word &w : words) {
        if (!w.checked)
            continue;
        if (terms.size() >= 2 * FREQUENCIES_AT_ONCE)
            break;
        terms.push_back(w.lower);
        terms.push_back("Z" + tdb->stem(w.lower));
    }
    std::vector<Xapian::doccount> tf = tw_term_freqs(tdb->db, tw_shards_remote(tdb), terms);
    std::map<std::string, Xapian::doccount> known;
    for (size_t i = 0; i + 1 < terms.size(); i += 2)
        /* A word with no stem has the term "Z", which no article has. */
        known[terms[i]] = std::max(tf[i], terms[i + 1].size() > 1 ? tf[i + 1] : 0);
    return known;
}

/* Articles with WORD, or with a word of the same stem: from KNOWN, else
 * asked. */
static Xapian::doccount frequency(const trawl_db *tdb,
                                  const std::map<std::string, Xapian::doccount> &known,
                                  const std::string &word)
{
    auto k = known.find(word);
    if (k != known.end())
        return k->second;
    tdb->search_work.terms_asked++;
    Xapian::doccount tf = tdb->db.get_termfreq(word);
    std::string stemmed = tdb->stem(word);
    if (!stemmed.empty())
        tf = std::max(tf, tdb->db.get_termfreq("Z" + stemmed));
    return tf;
}

std::string tw_suggest(trawl_db *tdb, const std::string &query, bool nothing_found)
{
    std::vector<Word> words = words_of(query);
    std::map<std::string, Xapian::doccount> known = frequencies(tdb, words);
    std::string out;
    bool changed = false;
    /* Each word looked up reads a few spelling blocks, or in an index
     * without them the vocabulary (or a letter of it): a query of 10,000
     * unknown words took 190 s on Reuters, 2,000 took 115 s on linux-doc,
     * that way.  So the first TW_SUGGEST_MAX_WORDS words that need it are
     * looked up, within TW_SUGGEST_BUDGET_MS, and the rest are left as typed. */
    Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(TW_SUGGEST_BUDGET_MS);
    unsigned looked_up = 0;
    bool late = false;
    size_t at = 0;
    for (const Word &w : words) {
        std::string fixed;
        if (w.field && nothing_found && w.end + 1 < query.size() && query[w.end + 1] != ' ' &&
            query[w.end + 1] != '\t')
            fixed = meant_field(w.lower);
        else if (w.checked && looked_up < TW_SUGGEST_MAX_WORDS && !late &&
                 Clock::now() < deadline) {
            Xapian::doccount tf = frequency(tdb, known, w.lower);
            if (tf == 0 && nothing_found) {
                looked_up++;
                fixed = closest(tdb, w.lower, 1, std::string(), deadline, &late);
            } else if (tf <= RARE && !nothing_found && w.end - w.start >= MIN_RARE_LENGTH) {
                /* Something was found: a cheaper look, among the words with
                 * the same first letter only. */
                looked_up++;
                fixed = closest(tdb, w.lower, std::max<Xapian::doccount>(tf, 1) * MORE_COMMON,
                                w.lower.substr(0, 1), deadline, &late);
            }
        }
        if (fixed.empty())
            continue;
        out += query.substr(at, w.start - at) + fixed;
        at = w.end;
        changed = true;
    }
    return changed ? out + query.substr(at) : std::string();
}
