/* text_words_xapian.h - an article's text split into words as Xapian's term
 * generator split it when the writer indexed it, for finding a query's
 * words in it (snippet_terms_xapian.h).  The tests of single characters are
 * inline: they run for each byte of a text scanned. */
#ifndef TW_TEXT_WORDS_XAPIAN_H
#define TW_TEXT_WORDS_XAPIAN_H

#include <string>
#include <xapian.h>

extern "C" {
#include "utf8.h"
}

/* The term generator's longest word; longer ones were never indexed. */
#define TW_MAX_WORD 64

/* The bytes that are ASCII word characters, as a table: scanning a text
 * for the query's words looks up each of its bytes. */
struct AsciiWordBytes {
    bool is[256] = {};
    constexpr AsciiWordBytes()
    {
        for (unsigned c = 0; c < 0x80; c++)
            is[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || c == '_';
    }
};
inline constexpr AsciiWordBytes tw_ascii_word_bytes;

/* Whether byte or character C is an ASCII digit. */
inline bool tw_ascii_digit(unsigned c)
{
    return c >= '0' && c <= '9';
}

/* Whether byte or character C is an ASCII word character. */
inline bool tw_ascii_word(unsigned c)
{
    return c < 0x100 && tw_ascii_word_bytes.is[c];
}

/* Whether character CP is a word character. */
inline bool tw_word_char(unsigned cp)
{
    return cp < 0x80 ? tw_ascii_word(cp) : Xapian::Unicode::is_wordchar(cp);
}

/* Whether CP is a Chinese, Japanese or Korean word character: a term of
 * its own, not part of a word before it. */
inline bool tw_cjk_word_char(unsigned cp)
{
    return tw_utf8_is_cjk(cp) && Xapian::Unicode::is_wordchar(cp);
}

/* Whether CP is one of the invisible characters that the term generator
 * passes over inside a word, as if it were not there: the zero-width
 * space, non-joiner and joiner, the word joiner, and a zero-width no-break
 * space.  Persian writes a non-joiner inside most plurals and verbs
 * ("خانه‌ها", "می‌شوند"), which the index holds as one word. */
inline bool tw_invisible_in_word(unsigned cp)
{
    return cp == 0x200b || cp == 0x200c || cp == 0x200d || cp == 0x2060 || cp == 0xfeff;
}

/* The ASCII bytes after which a run of ASCII word characters is a whole
 * word: neither one that may join it to more ("'", "&", and "." or ","
 * between digits) nor one that may end it as part of it ("C++", "C#"). */
struct AsciiWordEnders {
    bool is[256] = {};
    constexpr AsciiWordEnders()
    {
        for (unsigned c = 0; c < 0x80; c++)
            is[c] = !tw_ascii_word_bytes.is[c] && c != '\'' && c != '&' && c != '.' && c != ',' &&
                    c != '+' && c != '#';
    }
};
inline constexpr AsciiWordEnders tw_ascii_word_enders;

/* Where the word at TEXT[I] ends when it is a run of ASCII word characters
 * that the text's end or one of tw_ascii_word_enders ends, or a full stop,
 * comma, apostrophe or "&" that joins it to nothing (what tw_any_word_end
 * gives there); else 0.  Most words of most text, found without a call for
 * each: scanning a hit's text for the query's words passes over some two
 * hundred of them, and one in ten ends a clause or a sentence. */
inline size_t tw_plain_word_end(const char *text, size_t len, size_t i)
{
    size_t j = i;
    while (j < len && tw_ascii_word((unsigned char)text[j]))
        j++;
    if (j == i)
        return 0;
    if (j == len || tw_ascii_word_enders.is[(unsigned char)text[j]])
        return j;
    char c = text[j];
    bool stop = c == '.' || c == ',';
    /* One letter and a full stop may start initials ("U.S."); "+" and "#"
     * may end the word ("C++"). */
    if ((c == '.' && j == i + 1) || !(stop || c == '\'' || c == '&'))
        return 0;
    if (j + 1 == len)
        return j;
    unsigned char next = (unsigned char)text[j + 1];
    /* A full stop or comma joins digits alone ("3.5", "1,500"); an
     * apostrophe or "&" any two word characters, which past ASCII the full
     * split tells. */
    if (stop)
        return tw_ascii_digit((unsigned char)text[j - 1]) && tw_ascii_digit(next) ? 0 : j;
    return next < 0x80 && !tw_ascii_word(next) ? j : 0;
}

/* The word that starts at TEXT[i], split as the term generator splits: an
 * apostrophe or "&" between word characters, and a full stop or comma
 * between digits, stay inside it -- but with ELISIONS, an apostrophe after
 * an elided clitic ends it, as the writer split it (elision_xapian.h), and
 * with RUNS, so does a Thai, Lao, Khmer or Burmese run (sea_words.h).
 * Returns its end; sets WORD to the word lower-cased unless WORD is null. */
size_t tw_any_word_end(const char *text, size_t len, size_t i, bool elisions, bool runs,
                       std::string *word);

/* tw_any_word_end, taking a plain word (tw_plain_word_end) inline. */
inline size_t tw_word_end(const char *text, size_t len, size_t i, bool elisions, bool runs,
                          std::string *word)
{
    size_t end = tw_plain_word_end(text, len, i);
    if (!end)
        return tw_any_word_end(text, len, i, elisions, runs, word);
    if (word) {
        word->assign(text + i, end - i);
        for (char &c : *word)
            if (c >= 'A' && c <= 'Z')
                c |= 0x20;
    }
    return end;
}

/* Whether TEXT[FROM, TO) holds a word character: a word between two
 * matches. */
bool tw_word_between(const char *text, size_t len, size_t from, size_t to);

#endif
