/* spell_keys.c - which words are filed for spelling, and under which keys. */
#include "spell_keys.h"

#include <string.h>

/* A byte that continues a UTF-8 character rather than starting one. */
static bool continues(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

bool tw_spell_word(const char *term, size_t len)
{
    unsigned char c = len ? (unsigned char)term[0] : 0;
    if (len > TW_SPELL_WORD_MAX || !((c >= 'a' && c <= 'z') || c >= 0x80))
        return false;
    size_t chars = 0;
    for (size_t i = 0; i < len && chars < TW_SPELL_WORD_MIN; i++)
        chars += !continues((unsigned char)term[i]);
    return chars >= TW_SPELL_WORD_MIN;
}

/* Adds the LEN bytes at K to KEYS unless it holds them already (a doubled
 * letter gives the same deletion twice). */
static void add_key(tw_spell_keys *keys, const char *k, size_t len)
{
    for (unsigned i = 0; i < keys->n; i++)
        if (keys->len[i] == len && !memcmp(keys->key[i], k, len))
            return;
    memcpy(keys->key[keys->n], k, len);
    keys->len[keys->n++] = (unsigned char)len;
}

void tw_spell_keys_of(const char *word, size_t len, tw_spell_keys *keys)
{
    /* Where each character of the prefix starts, and where the prefix ends. */
    size_t start[TW_SPELL_PREFIX + 1], chars = 0, i = 0;
    while (i < len && chars < TW_SPELL_PREFIX) {
        start[chars++] = i++;
        while (i < len && continues((unsigned char)word[i]) && i - start[chars - 1] < 4)
            i++;
    }
    start[chars] = i;
    keys->n = 0;
    add_key(keys, word, i);
    for (size_t c = 0; c < chars; c++) {
        char k[TW_SPELL_KEY_MAX];
        size_t before = start[c], after = i - start[c + 1];
        memcpy(k, word, before);
        memcpy(k + before, word + start[c + 1], after);
        add_key(keys, k, before + after);
    }
}
