/* sea_words.h - the words of Thai, Lao, Khmer and Burmese text.
 *
 * These scripts write no space between words (a space ends a phrase or a
 * sentence), and Xapian 1.4 splits only Chinese, Japanese and Korean runs
 * (FLAG_CJK_NGRAM): it took a run of their letters for one word, which no
 * search of a word inside it found, and which the writer dropped when longer
 * than 64 bytes.  Here ICU's word break iterator splits such a run by its
 * dictionaries of these languages.  The writer (as the term generator's
 * text), the query (as the parser's) and the snippets (in the stored text)
 * all split runs here, a run at a time, so that the three agree.
 *
 * A run is a stretch of these scripts' letters and marks (with the
 * zero-width spaces and joiners such text puts between or inside words);
 * the words of text in other scripts are left to Xapian as before.  Text
 * with none of these characters costs a look at its bytes. */
#ifndef TW_SEA_WORDS_H
#define TW_SEA_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* No word of a run is longer than this (bytes): ICU gives a stretch of
 * letters that no dictionary word matches as one "word", which the writer
 * would drop as it drops any word longer than its terms may be
 * (writer_xapian.cc, MAX_WORD_BYTES); it is cut into parts of this size or
 * less, at characters that are not marks. */
#define TW_SEA_WORD_MAX 64

/* Whether CP is in the Unicode blocks of Thai, Lao, Myanmar (and its
 * extensions A and B) or Khmer (and its symbols). */
static inline bool tw_sea_char(uint32_t cp)
{
    return (cp >= 0x0e00 && cp <= 0x0eff) || (cp >= 0x1000 && cp <= 0x109f) ||
           (cp >= 0x1780 && cp <= 0x17ff) || (cp >= 0x19e0 && cp <= 0x19ff) ||
           (cp >= 0xa9e0 && cp <= 0xa9ff) || (cp >= 0xaa60 && cp <= 0xaa7f);
}

/* Whether TEXT (LEN bytes of UTF-8) has a character of these scripts. */
bool tw_sea_any(const char *text, size_t len);

/* Where the run that starts at TEXT[AT] ends; AT when no run starts there
 * (the character there is not a letter or mark of these scripts). */
size_t tw_sea_run_end(const char *text, size_t len, size_t at);

/* A word of a run: its bytes [start, end) in the text given. */
typedef struct tw_sea_word {
    size_t start, end;
} tw_sea_word;

/* Splits runs into words; holds ICU's iterator (opened at the first run)
 * and the words of the last run.  Not to be shared between threads. */
typedef struct tw_sea_splitter tw_sea_splitter;

/* A splitter, or NULL when memory ran out.  Free with tw_sea_free. */
tw_sea_splitter *tw_sea_new(void);
void tw_sea_free(tw_sea_splitter *s);

/* The words of the run TEXT[0, LEN) (tw_sea_run_end), in order, in *WORDS
 * (owned by S, valid until its next call); returns how many.  When ICU
 * cannot split (its data missing, memory short) the run is one word, cut as
 * any word longer than TW_SEA_WORD_MAX is. */
size_t tw_sea_words(tw_sea_splitter *s, const char *text, size_t len,
                    const tw_sea_word **words);

/* TEXT (LEN bytes) with SEP between each two words of a run, and between a
 * run and a word character that touches it, into OUT (emptied first); the
 * zero-width characters between two words are left out.  Before the last
 * word of a run that a "*" follows (a query's wildcard, which is of that
 * word) goes a space.  Returns 1, or 0 (OUT untouched) when TEXT has no
 * run, or -1 when memory ran out. */
int tw_sea_split(tw_sea_splitter *s, const char *text, size_t len, char sep, tw_buf *out);

#endif
