/* charset_guess.h - the legacy charset of text that declares none. */
#ifndef TW_CHARSET_GUESS_H
#define TW_CHARSET_GUESS_H

#include <stddef.h>

/* Guesses the charset of DATA (LEN bytes that are not UTF-8, and declare no
 * charset: a plain-text file, a page without <meta charset>) among the
 * legacy charsets of news: Windows-1250, -1251, -1253, -1255, -1256,
 * KOI8-R, Shift_JIS, EUC-JP, GB18030, Big5 and EUC-KR.  Each that reads the
 * first 16 KiB without an invalid sequence is scored on how much the
 * result looks like text (letters of one script per word, a language's
 * case, common Chinese characters) and how little like mojibake (symbols
 * and accented letters in a row inside words); returns the iconv name of
 * the best, or NULL when none reads better than the bytes repaired as
 * UTF-8 with Windows-1252 (tw_repair_utf8), which the caller then does. */
const char *tw_guess_charset(const char *data, size_t len);

#endif
