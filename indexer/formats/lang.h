/* lang.h - the language of an article: the one its page or record declares,
 * else the one CLD2 finds in its text (chosen over libexttextcat by
 * measurement: bench/RESULTS.md, "Languages").  Codes are ISO 639-1, lower
 * case ("de"), as the index stores them (TW_PREFIX_LANG, TW_SLOT_LANG). */
#ifndef TW_LANG_H
#define TW_LANG_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Room for a code and its NUL: ISO 639-1 has two letters, and a few
 * languages only a three-letter ISO 639-2 code. */
#define TW_LANG_MAX 4

/* The code the index keeps for a declared or typed language DECLARED into
 * OUT: its first subtag, lower-cased, when that has two letters and is an
 * ISO 639-1 code ("de-DE", "de_DE", "DE", "pt-BR"; not "xx", "zz", a
 * template's placeholder or a typo), else the language whose ISO 639-2 code ("deu",
 * "ger") or whose name in English or in itself ("German", "deutsch",
 * "Français"; case and accents aside) it is; with nb and nn as no.  False,
 * and OUT empty, when it is none of those. */
bool tw_lang_normalise(const char *declared, char out[TW_LANG_MAX]);

/* ICU's code for the language LEN bytes of NAME name: an ISO 639-2 code or a
 * name, as tw_lang_normalise takes them.  ICU's lists of names are read the
 * first time a name is asked (about 2 ms), once a process. */
bool tw_lang_by_name(const char *name, size_t len, char out[TW_LANG_MAX]);

/* Whether ICU knows the two letters CODE (lower case) as a language's
 * ISO 639-1 code. */
bool tw_lang_code_known(const char *code);

/* The language CLD2 finds in TEXT (LEN bytes of valid UTF-8; its first 16 KiB
 * are looked at) into OUT.  False, and OUT empty, when CLD2 is not sure of
 * one: too little text, or a mix. */
bool tw_lang_detect(const char *text, size_t len, char out[TW_LANG_MAX]);

#ifdef __cplusplus
}
#endif

#endif
