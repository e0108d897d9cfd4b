/* title_tail.c - the tail a site adds to its pages' titles (title_tail.h). */
#include "title_tail.h"

#include <string.h>

bool tw_title_tail(const char *title, size_t len, size_t *sep, size_t *tail)
{
    static const char *const seps[] = { " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                        " :: ", " \xC2\xB7 " };
    size_t best = 0, best_len = 0;
    bool found = false;
    for (size_t s = 0; s < sizeof seps / sizeof seps[0]; s++) {
        size_t n = strlen(seps[s]);
        for (size_t i = len >= n ? len - n + 1 : 0; i-- > 0;)
            if (!memcmp(title + i, seps[s], n)) {
                if (!found || i > best) {
                    best = i;
                    best_len = n;
                    found = true;
                }
                break;
            }
    }
    if (!found)
        return false;
    size_t from = best + best_len, tail_len = len - from, words = 1;
    for (size_t i = from; i < len; i++)
        words += title[i] == ' ';
    if (tail_len == 0 || tail_len > 60 || words > 5 || best < tail_len)
        return false;
    *sep = best;
    *tail = from;
    return true;
}
