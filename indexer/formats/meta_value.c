/* meta_value.c - a <meta> tag's value as its template meant it (meta_value.h). */
#include "meta_value.h"

#include <jansson.h>
#include <string.h>

#include "entities.h"
#include "html_tree.h"

/* VALUE as a JSON string's text, read by jansson, into OUT; false when
 * VALUE holds no escape, or one JSON does not know. */
static bool json_unescaped(const char *value, tw_buf *out)
{
    if (!strstr(value, "\\u") && !strstr(value, "\\/"))
        return false;
    tw_buf literal = { 0 };
    tw_buf_putc(&literal, '"');
    for (const char *c = value; *c; c++) {
        if (*c == '"')
            tw_buf_putc(&literal, '\\');     /* a quote the template left bare */
        tw_buf_putc(&literal, (unsigned char)*c < 0x20 ? ' ' : *c);
        if (*c == '\\' && c[1])
            tw_buf_putc(&literal, *++c);     /* its escape, whole: \\ is one */
    }
    tw_buf_putc(&literal, '"');
    json_t *s = literal.failed ? NULL : json_loadb(literal.data, literal.len, JSON_DECODE_ANY,
                                                   NULL);
    bool read = json_is_string(s) && !memchr(json_string_value(s), '\0', json_string_length(s));
    if (read)
        tw_buf_append(out, json_string_value(s), json_string_length(s));
    json_decref(s);
    out->failed |= literal.failed;
    tw_buf_free(&literal);
    return read;
}

int tw_meta_value_put(tw_buf *out, const char *value)
{
    tw_buf json = { 0 }, plain = { 0 };
    if (json_unescaped(value, &json))
        value = json.data ? json.data : "";
    int rc = json.failed ? -1 : 0;
    if (rc == 0 && strchr(value, '&')) {
        rc = tw_entities_decode(&plain, value, strlen(value));
        value = plain.data ? plain.data : "";
    }
    if (rc == 0)
        rc = tw_html_put_collapsed(out, value);
    tw_buf_free(&json);
    tw_buf_free(&plain);
    return rc;
}
