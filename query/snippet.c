/* snippet.c - unmark snippets. */
#include "snippet.h"

#include <stdlib.h>
#include <string.h>

#include "entities.h"

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
        size_t dec_len, n = s[i] == '&' ? tw_entity_decode(s + i, len - i, dec, &dec_len) : 0;
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
