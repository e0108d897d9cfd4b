/* extract_text.c - the plain-text extractor: one article per file. */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "charset.h"
#include "extract.h"
#include "text_article.h"

/* Last in the registry, after the binary check: whatever is left is text. */
static bool text_claims(const tw_input *in)
{
    (void)in;
    return true;
}

/* The short fields are copied NUL-terminated into ONE buffer (the offsets are
 * made pointers only after all appends, since the buffer may move while it
 * grows); the body, the bulk of the text and its last part, is NUL-terminated
 * where it lies, so that the text is held once, not twice. */
static trawl_status text_extract(const tw_input *in, const tw_emit *emit,
                                 char *err, size_t errlen)
{
    (void)err;                  /* text cannot be malformed */
    (void)errlen;
    tw_buf text = { 0 }, strings = { 0 };
    trawl_status st = TRAWL_ENOMEM;
    char why[256];
    if (tw_csv_refused(in, why, sizeof why))
        emit->warn(emit->ctx, why, false);
    if (tw_convert_to_utf8(in->charset, in->data, in->len, &text) < 0)
        goto done;

    tw_text_parts parts;
    tw_text_split(text.data ? text.data : "", text.len, &parts);
    /* Only markup lines (decoration, reStructuredText comments, SPDX tags),
     * as in a file that just includes others: no article, and nothing
     * wrong with the file. */
    if (!parts.title.ptr && parts.body.len == 0) {
        st = TRAWL_OK;
        goto done;
    }

    const tw_slice *src[] = { &parts.title, &parts.date, &parts.url, &parts.site,
                              &parts.author };
    enum { N = sizeof src / sizeof src[0] };
    size_t off[N];
    for (size_t i = 0; i < N; i++) {
        off[i] = strings.len;
        if (src[i]->ptr && (tw_buf_append(&strings, src[i]->ptr, src[i]->len) < 0 ||
                            tw_buf_putc(&strings, '\0') < 0))
            goto done;
    }
    const char *field[N];
    for (size_t i = 0; i < N; i++)
        field[i] = src[i]->ptr ? strings.data + off[i] : NULL;
    char *body = NULL;
    if (parts.body.ptr && parts.body.len) {
        body = (char *)parts.body.ptr;      /* it points into TEXT, ours to write */
        body[parts.body.len] = '\0';
    }

    trawl_article a = {
        .id = in->path, .path = in->path,
        .title = field[0], .body = body, .date = field[1],
        .url = field[2], .site = field[3], .author = field[4],
    };
    st = emit->article(emit->ctx, &a, NULL);
done:
    tw_buf_free(&text);
    tw_buf_free(&strings);
    return st;
}

const tw_extractor tw_extractor_text = {
    .name = "text",
    .extent = TW_EXTENT_TEXT,
    .claims = text_claims,
    .extract = text_extract,
};
