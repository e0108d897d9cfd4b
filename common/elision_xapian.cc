/* elision_xapian.cc - the clitics that an apostrophe joins to the next word,
 * and where they end (elision_xapian.h). */
#include "elision_xapian.h"

#include <cstring>
#include <string>
#include <xapian.h>

extern "C" {
#include "utf8.h"
}

/* The clitics, lower-case.  French, Catalan and Italian elide these
 * articles, pronouns, prepositions and conjunctions before a vowel (c', d',
 * j', l', m', n', s', t'; qu' and the words made with it; Italian's
 * articulated prepositions and un', quest', quell'...); "o" is the O' of
 * Irish names.  Single letters other than these ("I'm", "y'all") stay
 * joined, as every longer word not listed ("aujourd'hui", "don't"). */
static const char *const CLITICS[] = {
    "all",   "bell",   "buon",   "c",      "coll",   "d",      "dall",   "dell",
    "j",     "jusqu",  "l",      "lorsqu", "m",      "n",      "nell",   "nessun",
    "o",     "pell",   "presqu", "puisqu", "qu",     "quell",  "quelqu", "quest",
    "quoiqu", "s",     "sant",   "sull",   "t",      "tutt",   "un",
};

/* The longest clitic's length. */
static const size_t CLITIC_MAX = 6;

static bool is_clitic(const char *word, size_t len)
{
    char lower[CLITIC_MAX + 1];
    for (size_t i = 0; i < len; i++)
        lower[i] = (char)(word[i] | 0x20);
    lower[len] = '\0';
    for (const char *c : CLITICS)
        if (std::strcmp(c, lower) == 0)
            return true;
    return false;
}

/* The apostrophe's length at TEXT[I], or 0 when there is none there. */
static size_t apostrophe_at(const char *text, size_t len, size_t i)
{
    /* Only ' and the first byte of U+2019 or U+201B can start one. */
    if (text[i] != '\'' && (unsigned char)text[i] != 0xe2)
        return 0;
    uint32_t cp;
    size_t n = tw_utf8_char_at(text, len, i, &cp);
    return tw_is_apostrophe(cp) ? n : 0;
}

static bool is_word(uint32_t cp)
{
    return Xapian::Unicode::is_wordchar(cp);
}

/* Whether the word characters at TEXT[I] or before it belong to a word that
 * started earlier: a word character, or an apostrophe or "&" the term
 * generator keeps because a word character stands before it too. */
static bool word_goes_back(const char *text, size_t i)
{
    if (i == 0)
        return false;
    size_t j = tw_utf8_char_before(text, i);
    uint32_t cp;
    tw_utf8_char_at(text, i, j, &cp);
    if (is_word(cp))
        return true;
    if (j == 0 || !(cp == '&' || tw_is_apostrophe(cp)))
        return false;
    size_t k = tw_utf8_char_before(text, j);
    tw_utf8_char_at(text, j, k, &cp);
    return is_word(cp);
}

/* Whether the apostrophe of N bytes at TEXT[AT] ends a clitic that starts
 * its word, and a word follows it: two word characters, or one not in
 * ASCII ("jusqu'à", "c'è"); not the single letter of "I'm". */
static bool after_clitic(const char *text, size_t len, size_t at, size_t n)
{
    size_t start = at;
    while (start > 0 && at - start < CLITIC_MAX) {
        unsigned char c = (unsigned char)text[start - 1];
        if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            break;
        start--;
    }
    if (start == at || word_goes_back(text, start) || !is_clitic(text + start, at - start))
        return false;
    size_t i = at + n;
    uint32_t cp;
    if (i >= len)
        return false;
    i += tw_utf8_char_at(text, len, i, &cp);
    if (!is_word(cp))
        return false;
    if (cp >= 0x80)
        return true;
    if (i >= len)
        return false;
    tw_utf8_char_at(text, len, i, &cp);
    return is_word(cp);
}

/* Whether TEXT[I] starts the "s" that ends a word: a possessive ("Obama's",
 * "Reuters's"), or "it's", "let's", Dutch "auto's". */
static bool possessive_at(const char *text, size_t len, size_t i)
{
    if (i >= len || (text[i] | 0x20) != 's')
        return false;
    if (i + 1 == len)
        return true;
    uint32_t cp;
    tw_utf8_char_at(text, len, i + 1, &cp);
    return !is_word(cp);
}

/* The case endings Turkish writes after an apostrophe on a name or a
 * number ("Ankara'da", "Türkiye'nin", "İstanbul'daki", "2024'te"):
 * locative, ablative, dative, accusative, genitive, instrumental, "-ki",
 * the copula, a plural, a possessive, in each form vowel harmony and the
 * consonant before give them. */
static const char *const TURKISH_ENDINGS[] = {
    "a", "da", "dan", "daki", "de", "deki", "den", "dir", "dır", "dur", "dür", "e", "i",
    "in", "la", "lar", "lara", "larda", "lardan", "ları", "ların", "le", "ler", "lere",
    "lerde", "lerden", "leri", "lerin", "na", "nda", "ndan", "nde", "nden", "ne", "ni",
    "nin", "nu", "nun", "nü", "nün", "nı", "nın", "si", "sin", "su", "sun", "sü", "sün",
    "sı", "sın", "ta", "taki", "tan", "te", "teki", "ten", "tir", "tır", "tur", "tür",
    "u", "un", "ya", "ye", "yi", "yla", "yle", "yu", "yü", "yı", "ü", "ün", "ı", "ın",
};

/* The longest of them, in bytes. */
static const size_t TURKISH_ENDING_MAX = 8;

/* Where the word that holds TEXT[AT] starts: back over word characters. */
static size_t word_start(const char *text, size_t at)
{
    while (at > 0) {
        size_t j = tw_utf8_char_before(text, at);
        uint32_t cp;
        tw_utf8_char_at(text, at, j, &cp);
        if (!is_word(cp))
            break;
        at = j;
    }
    return at;
}

/* Whether the apostrophe of N bytes at TEXT[AT] comes after a name or a
 * number (a capital or a digit starts its word) and before a Turkish case
 * ending that ends the word: Turkish writes one so on every name, and
 * "Ankara'da" was one word no search for Ankara found.  English's "Don't"
 * or "I'll" at the start of a sentence end in no such ending. */
static bool turkish_ending_at(const char *text, size_t len, size_t at, size_t n)
{
    uint32_t first;
    tw_utf8_char_at(text, len, word_start(text, at), &first);
    if (!(first >= '0' && first <= '9') &&
        Xapian::Unicode::get_category(first) != Xapian::Unicode::UPPERCASE_LETTER)
        return false;
    std::string ending;
    for (size_t i = at + n; i < len;) {
        uint32_t cp;
        size_t m = tw_utf8_char_at(text, len, i, &cp);
        if (!is_word(cp))
            break;
        /* Turkish's capital I is dotless: "ANKARA'NIN" ends in "nın". */
        Xapian::Unicode::append_utf8(ending, cp == 'I' ? 0x131 : Xapian::Unicode::tolower(cp));
        if (ending.size() > TURKISH_ENDING_MAX)
            return false;
        i += m;
    }
    for (const char *e : TURKISH_ENDINGS)
        if (ending == e)
            return true;
    return false;
}

size_t tw_elision_at(const char *text, size_t len, size_t at)
{
    size_t n = apostrophe_at(text, len, at);
    if (!n || at == 0)
        return 0;
    uint32_t before;
    tw_utf8_char_at(text, at, tw_utf8_char_before(text, at), &before);
    if (!is_word(before))
        return 0;
    return possessive_at(text, len, at + n) || after_clitic(text, len, at, n) ||
                   turkish_ending_at(text, len, at, n)
               ? n
               : 0;
}

/* The offset of the first elision apostrophe in TEXT[FROM, LEN), or LEN;
 * sets *N to its length.  The apostrophes' first bytes are looked for with
 * memchr (tw_either): most texts have none to split, and a look at every
 * byte cost the writer 1% more instructions. */
static size_t next_elision(const char *text, size_t len, size_t from, size_t *n)
{
    tw_either marks;
    tw_either_start(&marks, text, len, from, '\'', 0xe2);
    for (size_t i; (i = tw_either_next(&marks)) < len;)
        if ((*n = tw_elision_at(text, len, i)))
            return i;
    return len;
}

/* Whether the elision apostrophe of N bytes at TEXT[AT] joins a name: a
 * clitic of one capital letter before a capital ("O'Neill", "D'Angelo",
 * "L'Oréal"), which readers also type run together ("oneill"). */
static bool name_elision(const char *text, size_t len, size_t at, size_t n)
{
    if (at + n >= len || !(text[at - 1] >= 'A' && text[at - 1] <= 'Z') ||
        word_goes_back(text, at - 1) || !after_clitic(text, len, at, n))
        return false;
    uint32_t cp;
    tw_utf8_char_at(text, len, at + n, &cp);
    return Xapian::Unicode::get_category(cp) == Xapian::Unicode::UPPERCASE_LETTER;
}

size_t tw_elisions_blank(std::string &text)
{
    size_t count = 0, n;
    for (size_t i = next_elision(text.data(), text.size(), 0, &n); i < text.size();
         i = next_elision(text.data(), text.size(), i + n, &n)) {
        if (!name_elision(text.data(), text.size(), i, n))
            text.replace(i, n, n, ' ');
        else if (n == 1)
            text[i] = '-';
        else
            text.replace(i, n, "\xe2\x80\x90");     /* U+2010, a hyphen of three bytes */
        count++;
    }
    return count;
}

const char *tw_elisions_split(const char *text, size_t len, std::string &split)
{
    size_t n;
    if (next_elision(text, len, 0, &n) == len)
        return text;
    split.assign(text, len);
    tw_elisions_blank(split);
    return split.c_str();
}
