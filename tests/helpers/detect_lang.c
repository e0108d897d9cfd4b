/* detect_lang - trawl's language detection (indexer/formats/lang.h) as a
 * detector for bench/lang_eval.py: reads texts separated by NUL bytes on
 * stdin, prints one line per text, its ISO 639-1 code or "-" for none. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/lang.h"
#include "utf8.h"

int main(void)
{
    size_t cap = 1 << 20, len = 0;
    char *all = malloc(cap);
    size_t n;
    while (all && (n = fread(all + len, 1, cap - len, stdin)) > 0) {
        len += n;
        if (len == cap && !(all = realloc(all, cap *= 2)))
            break;
    }
    if (!all) {
        fprintf(stderr, "detect_lang: out of memory\n");
        return 2;
    }
    for (size_t at = 0; at <= len;) {
        char *end = memchr(all + at, '\0', len - at);
        size_t text_len = end ? (size_t)(end - (all + at)) : len - at;
        char code[TW_LANG_MAX];
        /* The indexer gives CLD2 valid UTF-8 only. */
        bool ok = tw_utf8_valid(all + at, text_len) && tw_lang_detect(all + at, text_len, code);
        printf("%s\n", ok ? code : "-");
        at += text_len + 1;
    }
    free(all);
    return 0;
}
