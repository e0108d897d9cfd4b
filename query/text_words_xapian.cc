/* text_words_xapian.cc - an article's text split into words as Xapian's
 * term generator split it when the writer indexed it. */
#include <string>
#include <xapian.h>

extern "C" {
#include "sea_words.h"
#include "utf8.h"
}
#include "text_words_xapian.h"
#include "elision_xapian.h"
#include "initials_xapian.h"

/* Whether ASCII byte C may join the word characters on either side of it
 * into one word (see tw_any_word_end). */
static bool ascii_joiner(char c)
{
    return c == '\'' || c == '&' || c == '.' || c == ',';
}

static bool is_upper(unsigned c)
{
    return c >= 'A' && c <= 'Z';
}

/* Initials ("U.S.", "p.m.", initials_xapian.h), which the term generator
 * indexes as one word of the letters.  Returns where they end and sets
 * WORD to the letters in small letters, or returns 0. */
static size_t initialism(const char *text, size_t len, size_t i, std::string &word)
{
    size_t j = tw_initials_end(text, len, i);
    word = tw_initials_word(text, i, j);
    return j == i ? 0 : j;
}

/* Up to three "+" or "#" that end a word ("C++", "C#") are part of it. */
static size_t suffix_end(const char *text, size_t len, size_t j, std::string *word)
{
    size_t k = j;
    while (k < len && k - j < 3 && (text[k] == '+' || text[k] == '#'))
        k++;
    if (k == j)
        return j;
    unsigned cp;
    if (k < len) {
        tw_utf8_char_at(text, len, k, &cp);
        if (tw_word_char(cp))
            return j;
    }
    if (word)
        word->append(text + j, k - j);
    return k;
}

size_t tw_any_word_end(const char *text, size_t len, size_t i, bool elisions, bool runs,
                       std::string *word)
{
    std::string scratch;
    size_t j = i + 1 < len && text[i + 1] == '.'
                   ? initialism(text, len, i, word ? *word : scratch)
                   : 0;
    if (j)
        return j;
    if (word)
        word->clear();
    j = i;
    bool digit = false;
    while (j < len) {
        /* Most of most text: a run of ASCII letters and digits, taken
         * without decoding UTF-8 or asking Xapian's Unicode tables. */
        if (tw_ascii_word((unsigned char)text[j])) {
            size_t run = j + 1;
            while (run < len && tw_ascii_word((unsigned char)text[run]))
                run++;
            if (word)
                for (size_t k = j; k < run; k++)
                    *word += (char)(is_upper((unsigned char)text[k]) ? text[k] | 0x20 : text[k]);
            digit = tw_ascii_digit((unsigned char)text[run - 1]);
            j = run;
            /* Followed by ASCII that cannot join two words: its end. */
            if (j < len && (unsigned char)text[j] < 0x80 && !ascii_joiner(text[j]))
                break;
            continue;
        }
        unsigned cp, next;
        size_t n = tw_utf8_char_at(text, len, j, &cp);
        /* Chinese, Japanese and Korean characters are terms of their own
         * (SnippetTerms::cjk_match), not part of a word before them. */
        if (tw_cjk_word_char(cp) || (runs && tw_sea_char(cp) && tw_sea_run_end(text, len, j) > j))
            break;
        if (tw_word_char(cp)) {
            /* Not ASCII, which the run above takes; but a full-width
             * letter or digit is indexed as its ASCII one. */
            unsigned narrow = tw_utf8_narrow(cp);
            if (word)
                Xapian::Unicode::append_utf8(*word, Xapian::Unicode::tolower(narrow));
            digit = tw_ascii_digit(narrow);
            j += n;
            continue;
        }
        if (j + n >= len)
            break;
        tw_utf8_char_at(text, len, j + n, &next);
        if (!tw_word_char(next))
            break;
        if (tw_invisible_in_word(cp)) {
            j += n;
            continue;
        }
        char joiner = tw_is_apostrophe(cp) ? '\'' : (char)cp;
        if (!(tw_is_apostrophe(cp) || cp == '&' ||
              ((cp == '.' || cp == ',') && digit && tw_ascii_digit(next))))
            break;
        if (elisions && tw_elision_at(text, len, j))
            break;
        if (word)
            *word += joiner;
        digit = false;
        j += n;
    }
    return suffix_end(text, len, j, word);
}

bool tw_word_between(const char *text, size_t len, size_t from, size_t to)
{
    while (from < to) {
        unsigned cp;
        size_t n = tw_utf8_char_at(text, len, from, &cp);
        if (tw_word_char(cp))
            return true;
        from += n;
    }
    return false;
}
