/* json_out.c - JSON string escaping, and numbers that stay JSON. */
#include "json_out.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "utf8.h"

int tw_json_string(tw_buf *out, const char *s, size_t len)
{
    if (!s)
        return tw_buf_puts(out, "null");
    if (tw_buf_reserve(out, len + 2) < 0 || tw_buf_putc(out, '"') < 0)
        return -1;
    size_t i = 0;
    while (i < len) {
        /* Copy a run of characters that need no escape in one go. */
        size_t run = i;
        while (run < len) {
            unsigned char c = (unsigned char)s[run];
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80)
                break;
            run++;
        }
        if (run > i && tw_buf_append(out, s + i, run - i) < 0)
            return -1;
        i = run;
        if (i >= len)
            break;
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char tmp[8];
        uint32_t cp;
        size_t n = 1;
        switch (c) {
        case '"':  esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        default:
            if (c < 0x20) {
                snprintf(tmp, sizeof tmp, "\\u%04x", c);
                esc = tmp;
            } else if ((n = tw_utf8_decode(s + i, len - i, &cp)) == 0) {
                esc = "\\ufffd";
                n = 1;
            } else if (cp == 0x2028 || cp == 0x2029) {
                snprintf(tmp, sizeof tmp, "\\u%04x", cp);
                esc = tmp;
            }
        }
        if (esc ? tw_buf_puts(out, esc) < 0 : tw_buf_append(out, s + i, n) < 0)
            return -1;
        i += n;
    }
    return tw_buf_putc(out, '"');
}

int tw_json_cstr(tw_buf *out, const char *s)
{
    return tw_json_string(out, s, s ? strlen(s) : 0);
}

int tw_json_name(tw_buf *out, const char *name)
{
    if (!name || tw_utf8_valid(name, strlen(name)))
        return tw_json_cstr(out, name);
    tw_buf shown = { 0 };
    int rc = tw_cli_escape_path(&shown, name);
    if (rc == 0)
        rc = tw_json_string(out, shown.data, shown.len);
    tw_buf_free(&shown);
    return rc;
}

int tw_json_number(tw_buf *out, double v, int decimals)
{
    if (!isfinite(v))
        return tw_buf_puts(out, "null");
    return tw_buf_printf(out, "%.*f", decimals, v);
}
