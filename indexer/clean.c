/* clean.c - normalise text fields. */
#include "clean.h"

#include "charset.h"

/* C0 controls, DEL, and the C1 controls U+0080..U+009F (bytes C2 80..C2 9F). */
static size_t control_at(const char *s, size_t i, size_t len)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x20 || c == 0x7f)
        return 1;
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
        (unsigned char)s[i + 1] <= 0x9F)
        return 2;
    return 0;
}

int tw_clean(tw_buf *out, const char *s, size_t len, bool one_line)
{
    tw_buf utf8 = { 0 };
    if (tw_to_utf8(s, len, &utf8) < 0)
        return -1;
    s = utf8.data ? utf8.data : "";
    len = utf8.len;

    size_t start = out->len;
    int rc = 0;
    bool space = false;     /* whitespace seen since the last word */
    int breaks = 0;         /* line breaks seen since the last word */
    for (size_t i = 0; i < len && rc == 0;) {
        size_t ctl = control_at(s, i, len);
        if (s[i] == ' ' || ctl) {
            if (!one_line && s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
                i++;        /* CR LF is one break */
            if (!one_line && (s[i] == '\n' || s[i] == '\r'))
                breaks++;
            else
                space = true;
            i += ctl ? ctl : 1;
            continue;
        }
        /* Copy the run of ordinary bytes that starts here in one go. */
        size_t j = i;
        while (j < len && s[j] != ' ' && !control_at(s, j, len))
            j++;
        if (out->len > start && (breaks || space))
            rc = tw_buf_append(out, breaks ? "\n\n" : " ", breaks > 1 ? 2 : 1);
        if (rc == 0)
            rc = tw_buf_append(out, s + i, j - i);
        space = false;
        breaks = 0;
        i = j;
    }
    tw_buf_free(&utf8);
    return rc;
}
