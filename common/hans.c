/* hans.c - traditional Chinese characters as simplified ones, by a table
 * of ICU's "Hant-Hans" transliterator (hans.h). */
#include "hans.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utrans.h>
#include <unicode/uset.h>

#include "utf8.h"

/* The ideographs the table covers: U+3400-9FFF, three bytes each in UTF-8,
 * the first of them E3 to E9. */
#define FIRST 0x3400u
#define END   0xa000u

struct tw_hans {
    bool built;                 /* tried: ICU's failure is not tried again */
    uint16_t to[END - FIRST];   /* the simplified character, 0 for itself */
};

tw_hans *tw_hans_new(void)
{
    return calloc(1, sizeof(tw_hans));
}

void tw_hans_free(tw_hans *h)
{
    free(h);
}

/* Files in H's table CP's simplified character, when it is one character
 * of the table's range (not "「" as "“", which the transliterator also
 * rewrites). */
static void add(tw_hans *h, UTransliterator *t, UChar32 cp)
{
    if ((uint32_t)cp < FIRST || (uint32_t)cp >= END)
        return;
    UChar one[8] = { (UChar)cp };
    int32_t len = 1, limit = 1;
    UErrorCode err = U_ZERO_ERROR;
    utrans_transUChars(t, one, &len, (int32_t)(sizeof one / sizeof *one), 0, &limit, &err);
    if (U_SUCCESS(err) && len == 1 && one[0] != cp && one[0] >= FIRST && one[0] < END)
        h->to[cp - FIRST] = one[0];
}

/* Fills the table from the characters the transliterator rewrites. */
static void build(tw_hans *h)
{
    h->built = true;
    static const UChar id[] = { 'H', 'a', 'n', 't', '-', 'H', 'a', 'n', 's', 0 };
    UErrorCode err = U_ZERO_ERROR;
    UTransliterator *t = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
    USet *from = uset_openEmpty();
    if (U_SUCCESS(err) && from)
        utrans_getSourceSet(t, false, from, &err);
    if (U_SUCCESS(err) && from) {
        for (int32_t i = 0, n = uset_getItemCount(from); i < n; i++) {
            UChar32 a, b;
            UErrorCode item = U_ZERO_ERROR;
            /* A string of the set (none today) maps no one character. */
            if (uset_getItem(from, i, &a, &b, NULL, 0, &item) == 0)
                for (UChar32 cp = a; cp <= b; cp++)
                    add(h, t, cp);
        }
    }
    if (from)
        uset_close(from);
    if (t)
        utrans_close(t);
}

/* Whether byte C may start an ideograph of the table's range: in UTF-8
 * they take three bytes, the first E3 to E9 (Latin text has none). */
static bool ideograph_lead(char c)
{
    return (unsigned char)c - 0xe3u <= 0xe9u - 0xe3u;
}

/* The table's entry for the character at S (LEN - I bytes from I), or 0. */
static uint16_t entry(tw_hans *h, const char *s, size_t len, size_t i)
{
    if (!ideograph_lead(s[i]) || len - i < 3)
        return 0;
    uint32_t cp;
    if (tw_utf8_decode(s + i, len - i, &cp) != 3 || cp < FIRST || cp >= END)
        return 0;
    if (!h->built)
        build(h);
    return h->to[cp - FIRST];
}

bool tw_hans_maybe(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (ideograph_lead(s[i]))
            return true;
    return false;
}

size_t tw_hans_first(tw_hans *h, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (entry(h, s, len, i))
            return i;
    return len;
}

void tw_hans_fold(tw_hans *h, char *s, size_t len)
{
    for (size_t i = tw_hans_first(h, s, len); i < len; i++) {
        uint16_t to = entry(h, s, len, i);
        if (to) {
            tw_utf8_encode(to, s + i);
            i += 2;
        }
    }
}

uint32_t tw_hans_char(tw_hans *h, uint32_t cp)
{
    if (cp < FIRST || cp >= END)
        return cp;
    if (!h->built)
        build(h);
    return h->to[cp - FIRST] ? h->to[cp - FIRST] : cp;
}

int tw_hans_table(const tw_hans *h, tw_buf *out)
{
    tw_buf_clear(out);
    for (uint32_t cp = FIRST; h->built && cp < END; cp++) {
        char pair[8];
        if (!h->to[cp - FIRST])
            continue;
        size_t n = tw_utf8_encode(cp, pair);
        n += tw_utf8_encode(h->to[cp - FIRST], pair + n);
        if (tw_buf_append(out, pair, n) < 0)
            return -1;
    }
    return 0;
}

bool tw_hans_use(tw_hans *h, const char *table, size_t len)
{
    /* Pairs of ideographs of the range, three bytes each; an empty
     * table is none (an index that met no ideograph files none). */
    if (len == 0 || len % 6)
        return false;
    for (size_t i = 0; i < len; i += 3) {
        uint32_t cp;
        if (tw_utf8_decode(table + i, len - i, &cp) != 3 || cp < FIRST || cp >= END)
            return false;
    }
    memset(h->to, 0, sizeof h->to);
    for (size_t i = 0; i < len; i += 6) {
        uint32_t from, to;
        tw_utf8_decode(table + i, 3, &from);
        tw_utf8_decode(table + i + 3, 3, &to);
        h->to[from - FIRST] = (uint16_t)to;
    }
    h->built = true;
    return true;
}
