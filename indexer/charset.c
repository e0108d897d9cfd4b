/* charset.c - repair text to valid UTF-8. */
#include "charset.h"

#include <iconv.h>

#include "utf8.h"

static const char REPLACEMENT[] = "\xEF\xBF\xBD";    /* U+FFFD */

/* Appends the Windows-1252 character of byte C, converted by iconv. */
static int append_cp1252(iconv_t cd, unsigned char c, tw_buf *out)
{
    char in = (char)c, res[8];
    char *inp = &in, *outp = res;
    size_t inleft = 1, outleft = sizeof res;
    if (cd == (iconv_t)-1 || iconv(cd, &inp, &inleft, &outp, &outleft) == (size_t)-1) {
        if (cd != (iconv_t)-1)
            iconv(cd, NULL, NULL, NULL, NULL);
        return tw_buf_append(out, REPLACEMENT, 3);
    }
    return tw_buf_append(out, res, (size_t)(outp - res));
}

long tw_to_utf8(const char *data, size_t len, tw_buf *out)
{
    if (len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
        (unsigned char)data[2] == 0xBF) {
        data += 3;
        len -= 3;
    }
    if (tw_utf8_valid(data, len))
        return tw_buf_append(out, data, len) < 0 ? -1 : 0;

    if (tw_buf_reserve(out, len + len / 2) < 0)
        return -1;
    iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
    long bad = 0;
    size_t i = 0;
    while (i < len) {
        /* Copy the longest valid run in one go. */
        size_t start = i;
        uint32_t cp;
        size_t n;
        while (i < len && (n = tw_utf8_decode(data + i, len - i, &cp)) > 0)
            i += n;
        if (tw_buf_append(out, data + start, i - start) < 0)
            goto oom;
        if (i < len) {
            if (append_cp1252(cd, (unsigned char)data[i], out) < 0)
                goto oom;
            bad++;
            i++;
        }
    }
    if (cd != (iconv_t)-1)
        iconv_close(cd);
    return bad;
oom:
    if (cd != (iconv_t)-1)
        iconv_close(cd);
    return -1;
}
