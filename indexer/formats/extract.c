/* extract.c - the registry of input formats, most specific first. */
#include "extract.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "sniff.h"

static const tw_extractor *const extractors[] = {
    &tw_extractor_warc,
    &tw_extractor_csv,      /* only what is named a table: its text may be any */
    &tw_extractor_reuters,
    &tw_extractor_trec,
    &tw_extractor_json,
    &tw_extractor_feed,     /* before HTML: a feed's items hold pages' markup */
    &tw_extractor_xml,      /* what is XML and no page's nor feed's */
    &tw_extractor_html,
    &tw_extractor_text,     /* last: anything that is text */
};

enum { N_EXTRACTORS = sizeof extractors / sizeof extractors[0] };

const tw_extractor *tw_extractor_find(const tw_input *in)
{
    for (size_t i = 0; i < N_EXTRACTORS; i++)
        if (extractors[i]->binary &&
            (tw_input_has_ext(in, extractors[i]->exts) || extractors[i]->claims(in)))
            return extractors[i];
    if (tw_looks_binary(in->data, in->len))
        return NULL;
    /* The name first: a .json dump that quotes "<REUTERS" is still JSON. */
    for (size_t i = 0; i < N_EXTRACTORS; i++)
        if (extractors[i]->exts && tw_input_has_ext(in, extractors[i]->exts))
            return extractors[i];
    for (size_t i = 0; i < N_EXTRACTORS; i++)
        if (extractors[i]->claims(in))
            return extractors[i];
    return NULL;
}

bool tw_input_has_ext(const tw_input *in, const char *const *exts)
{
    static const char *const compressed[] = { ".gz", ".bz2", ".xz", ".zst", ".lz4" };
    size_t len = strlen(in->path);
    for (size_t i = 0; i < sizeof compressed / sizeof compressed[0]; i++) {
        size_t n = strlen(compressed[i]);
        if (len > n && strcasecmp(in->path + len - n, compressed[i]) == 0) {
            len -= n;
            break;
        }
    }
    for (; *exts; exts++) {
        size_t n = strlen(*exts);
        if (len > n && strncasecmp(in->path + len - n, *exts, n) == 0)
            return true;
    }
    return false;
}

bool tw_input_is_page_asset(const tw_input *in)
{
    static const char *const assets[] = { ".js", ".mjs", ".css", ".map", ".svg", NULL };
    return tw_input_has_ext(in, assets);
}

char tw_input_first_char(const tw_input *in)
{
    size_t i = 0;
    if (in->len >= 3 && memcmp(in->data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < in->len && isspace((unsigned char)in->data[i]))
        i++;
    return i < in->len ? in->data[i] : '\0';
}

trawl_status tw_emit_check(const tw_emit *emit, char *err, size_t errlen)
{
    return emit->check ? emit->check(emit->ctx, err, errlen) : TRAWL_OK;
}

tw_source *tw_input_source(const tw_input *in, tw_source *mem, tw_buf *buf)
{
    tw_source *s = in->source;
    if (!s) {
        tw_source_memory(mem, in->data, in->len, buf);
        s = mem;
    }
    return tw_source_utf8(s) < 0 ? NULL : s;
}
