/* entities.c - decode character references. */
#include "entities.h"

#include <ctype.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "utf8.h"

/* The longest name HTML 4 gives a character ("thetasym"). */
#define ENTITY_NAME_MAX 8

/* Any other name HTML 4 gives a character, from libxml2's table: "&eacute;",
 * "&uuml;", "&mdash;", "&rsquo;"... which feeds and SGML collections write
 * in their titles and text, and which left "Caf&eacute;" a word no search
 * for "café" found.  As tw_entity_decode. */
static size_t named_entity(const char *s, size_t len, char out[4], size_t *out_len)
{
    char name[ENTITY_NAME_MAX + 1];
    size_t n = 0;
    while (n < ENTITY_NAME_MAX && n + 1 < len && isalnum((unsigned char)s[n + 1])) {
        name[n] = s[n + 1];
        n++;
    }
    name[n] = '\0';
    if (!n || n + 1 >= len || s[n + 1] != ';')
        return 0;
    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
    if (!e)
        return 0;
    *out_len = tw_utf8_encode(e->value, out);
    return n + 2;
}

size_t tw_entity_decode(const char *s, size_t len, char out[4], size_t *out_len)
{
    static const struct { const char *name; char c; } named[] = {
        { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
        { "&apos;", '\'' }, { "&nbsp;", ' ' },
    };
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        size_t n = strlen(named[i].name);
        if (len >= n && memcmp(s, named[i].name, n) == 0) {
            out[0] = named[i].c;
            *out_len = 1;
            return n;
        }
    }
    if (len >= 4 && s[1] != '#')
        return named_entity(s, len, out, out_len);
    if (len < 4)
        return 0;
    size_t i = 2;
    int base = 10;
    if (s[i] == 'x' || s[i] == 'X') {
        base = 16;
        i++;
    }
    unsigned long cp = 0;
    size_t digits = 0;
    for (; i < len && digits < 7; i++, digits++) {
        char c = s[i];
        int v = c >= '0' && c <= '9' ? c - '0'
              : base == 16 && c >= 'a' && c <= 'f' ? c - 'a' + 10
              : base == 16 && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (v < 0)
            break;
        cp = cp * (unsigned long)base + (unsigned long)v;
    }
    if (!digits || i >= len || s[i] != ';' || cp == 0 || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    *out_len = tw_utf8_encode((uint32_t)cp, out);
    return i + 1;
}

int tw_entities_decode(tw_buf *out, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        const char *amp = memchr(s + i, '&', len - i);
        size_t run = amp ? (size_t)(amp - (s + i)) : len - i;
        if (tw_buf_append(out, s + i, run) < 0)
            return -1;
        i += run;
        if (i >= len)
            break;
        char dec[4];
        size_t dec_len, n = tw_entity_decode(s + i, len - i, dec, &dec_len);
        if (n ? tw_buf_append(out, dec, dec_len) < 0 : tw_buf_putc(out, '&') < 0)
            return -1;
        i += n ? n : 1;
    }
    return 0;
}
