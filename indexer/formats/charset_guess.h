/* charset_guess.h - the legacy charset of text that declares none. */
#ifndef TW_CHARSET_GUESS_H
#define TW_CHARSET_GUESS_H

#include <stddef.h>

/* Guesses the charset of DATA (LEN bytes that are not UTF-8, and declare no
 * charset: a plain-text file, a page without <meta charset>) from its first
 * 16 KiB, with uchardet (Mozilla's universal charset detector): the iconv
 * name of a legacy charset of another script than Latin-1's (Windows-1250
 * and -1251, KOI8-R, Greek, Hebrew, Arabic, Shift_JIS, EUC-JP, GB18030,
 * Big5, EUC-KR...), or NULL when it finds none, or only Latin-1's family:
 * the caller then repairs the bytes as UTF-8 with Windows-1252
 * (tw_repair_utf8).  Thread-safe; NULL when out of memory. */
const char *tw_guess_charset(const char *data, size_t len);

#endif
