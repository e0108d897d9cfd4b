/* spell_keys.h - which words the spelling blocks hold, and the keys a word is
 * filed under (the symmetric-deletion idea: a word and a typo of it one edit
 * apart share a key).
 *
 * A word's keys are its first TW_SPELL_PREFIX characters, and that prefix with
 * each one of its characters deleted (whole UTF-8 characters, never a byte of
 * one).  Two words share a key when they are one substitution, insertion,
 * deletion or swap of neighbours apart anywhere, and when the edits beyond the
 * prefix are any number: edits past it do not change the keys.  Two edits
 * both inside the prefix (two substitutions, say) share no key: those words
 * are not found. */
#ifndef TW_SPELL_KEYS_H
#define TW_SPELL_KEYS_H

#include <stdbool.h>
#include <stddef.h>

/* Characters of a word that make its keys. */
#define TW_SPELL_PREFIX 7
/* Bytes of a key at most (a character is up to four bytes). */
#define TW_SPELL_KEY_MAX (TW_SPELL_PREFIX * 4)
/* A word has at most this many keys: its prefix and one per deletion. */
#define TW_SPELL_KEYS (TW_SPELL_PREFIX + 1)
/* Words longer than this (in bytes) are not filed: they are identifiers,
 * URLs and hashes more often than words anyone types wrong. */
#define TW_SPELL_WORD_MAX 32
/* Words shorter than this (in characters) are not filed: a query word is
 * only corrected from three bytes on, and a word of two letters is one edit
 * from too many others to be a useful correction. */
#define TW_SPELL_WORD_MIN 3
/* Keys that start with the same this many bytes are stored together, in one
 * block: a lookup reads one block per distinct start among its keys (at most
 * TW_SPELL_BLOCK_BYTES + 1 of them). */
#define TW_SPELL_BLOCK_BYTES 3

typedef struct tw_spell_keys {
    unsigned n;                                   /* distinct keys */
    unsigned char len[TW_SPELL_KEYS];
    char key[TW_SPELL_KEYS][TW_SPELL_KEY_MAX];    /* not NUL-terminated */
} tw_spell_keys;

/* Whether TERM (LEN bytes) is a word the spelling blocks hold: an unprefixed
 * term (they are lower-case) that starts with a letter -- numbers, hex and
 * version strings are not worth correcting to -- of TW_SPELL_WORD_MIN
 * characters to TW_SPELL_WORD_MAX bytes. */
bool tw_spell_word(const char *term, size_t len);

/* The distinct keys of WORD (LEN bytes, any word, typed or indexed), the
 * prefix itself first, then its deletions from the first character on. */
void tw_spell_keys_of(const char *word, size_t len, tw_spell_keys *keys);

/* Bytes of a key of LEN bytes that name its block. */
static inline size_t tw_spell_block_len(size_t len)
{
    return len < TW_SPELL_BLOCK_BYTES ? len : TW_SPELL_BLOCK_BYTES;
}

#endif
