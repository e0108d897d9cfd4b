/* snippet.c - unmark snippets. */
#include "snippet.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Decodes the entity at S (which starts with '&'); returns its length, 0 if none. */
static size_t entity(const char *s, size_t len, char out[4], size_t *out_len)
{
    static const struct { const char *name; char c; } named[] = {
        { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
        { "&apos;", '\'' },
    };
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        size_t n = strlen(named[i].name);
        if (len >= n && memcmp(s, named[i].name, n) == 0) {
            out[0] = named[i].c;
            *out_len = 1;
            return n;
        }
    }
    if (len < 4 || s[1] != '#')
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

int tw_snippet_unmark(const char *s, size_t len, tw_buf *plain,
                      trawl_span **spans, size_t *n_spans)
{
    *spans = NULL;
    *n_spans = 0;
    size_t cap = 0, open = 0, base = plain->len;
    int inside = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] == TW_HI_START[0] || s[i] == TW_HI_END[0]) {
            if (s[i] == TW_HI_START[0] && !inside) {
                open = plain->len - base;
                inside = 1;
            } else if (s[i] == TW_HI_END[0] && inside) {
                if (*n_spans == cap) {
                    cap = cap ? cap * 2 : 8;
                    trawl_span *more = realloc(*spans, cap * sizeof **spans);
                    if (!more)
                        goto oom;
                    *spans = more;
                }
                (*spans)[(*n_spans)++] = (trawl_span){ open, plain->len - base };
                inside = 0;
            }
            i++;
            continue;
        }
        char dec[4];
        size_t dec_len, n = s[i] == '&' ? entity(s + i, len - i, dec, &dec_len) : 0;
        if (n) {
            if (tw_buf_append(plain, dec, dec_len) < 0)
                goto oom;
            i += n;
            continue;
        }
        if (s[i] == '\n') {
            /* A snippet is one line: paragraph breaks become one space. */
            if (plain->len > base && plain->data[plain->len - 1] != ' ' &&
                tw_buf_putc(plain, ' ') < 0)
                goto oom;
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < len && s[j] != '&' && s[j] != '\n' && s[j] != TW_HI_START[0] &&
               s[j] != TW_HI_END[0])
            j++;
        if (tw_buf_append(plain, s + i, j - i) < 0)
            goto oom;
        i = j;
    }
    return 0;
oom:
    free(*spans);
    *spans = NULL;
    *n_spans = 0;
    return -1;
}
