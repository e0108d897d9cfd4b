/* title_tail.c - the tail a site adds to its pages' titles (title_tail.h). */
#include "title_tail.h"

#include <string.h>

const char *const tw_title_separators[] = {
    " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", NULL
};

bool tw_title_tail(const char *title, size_t len, size_t *sep, size_t *tail)
{
    size_t best = 0, best_len = 0;
    bool found = false;
    for (const char *const *s = tw_title_separators; *s; s++) {
        size_t n = strlen(*s);
        for (size_t i = len >= n ? len - n + 1 : 0; i-- > 0;)
            if (!memcmp(title + i, *s, n)) {
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
