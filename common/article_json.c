/* article_json.c - an article as one JSON object. */
#include "article_json.h"

#include "json_out.h"

int tw_article_json(tw_buf *out, const trawl_article *a)
{
    /* The order a reader sees first what names the article, the text last. */
    const struct { const char *key; const char *value; } fields[] = {
        { "id", a->id }, { "path", a->path }, { "title", a->title }, { "date", a->date },
        { "url", a->url }, { "site", a->site }, { "author", a->author }, { "body", a->body },
    };
    int rc = 0;
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        rc |= tw_buf_printf(out, "%c\"%s\":", i ? ',' : '{', fields[i].key);
        /* The id and path are a file's name, any bytes (tw_json_name). */
        rc |= i < 2 ? tw_json_name(out, fields[i].value) : tw_json_cstr(out, fields[i].value);
    }
    rc |= tw_buf_putc(out, '}');
    return rc ? -1 : 0;
}
