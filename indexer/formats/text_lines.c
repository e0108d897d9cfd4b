/* text_lines.c - an article's text read a line at a time (text_lines.h). */
#include "text_lines.h"

#include <string.h>

const char *tw_text_next_line(const char **at, size_t *len)
{
    while (**at) {
        const char *end = strchrnul(*at, '\n'), *line = *at + strspn(*at, " ");
        *len = (size_t)(end - line);
        while (*len && line[*len - 1] == ' ')
            (*len)--;
        *at = *end ? end + 1 : end;
        if (*len)
            return line;
    }
    return NULL;
}
