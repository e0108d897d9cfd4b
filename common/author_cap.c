/* author_cap.c - the most of an author field an article keeps
 * (author_cap.h). */
#include "author_cap.h"

#include <string.h>

#include "utf8.h"

/* The length of S[0, END) without the spaces it ends with. */
static size_t before_spaces(const char *s, size_t end)
{
    while (end && s[end - 1] == ' ')
        end--;
    return end;
}

size_t tw_author_cap(const char *author, size_t len)
{
    if (len <= TW_AUTHOR_MAX)
        return len;
    /* AUTHOR[TW_AUTHOR_MAX] exists: a mark right there ends a name that fits. */
    size_t space = 0;
    for (size_t k = TW_AUTHOR_MAX; k > 0; k--) {
        if (author[k] == ',' || author[k] == ';') {
            size_t kept = before_spaces(author, k);
            if (kept)
                return kept;
        }
        if (!space && author[k] == ' ')
            space = before_spaces(author, k);
    }
    return space ? space : tw_utf8_cut(author, TW_AUTHOR_MAX);
}
