/* charset.c - repair text to valid UTF-8. */
#include "charset.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

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

/* Makes each NUL byte OUT holds from FROM on a space.  A NUL is valid UTF-8,
 * but what comes out of here is handed on as C strings (trawl_article), and a
 * NUL past the binary check's first 8 KiB silently ended the text there. */
static void nul_to_space(tw_buf *out, size_t from)
{
    if (out->len <= from)
        return;
    char *p = out->data + from, *end = out->data + out->len;
    while (p < end && (p = memchr(p, '\0', (size_t)(end - p))))
        *p++ = ' ';
}

long tw_to_utf8(const char *data, size_t len, tw_buf *out)
{
    if (len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
        (unsigned char)data[2] == 0xBF) {
        data += 3;
        len -= 3;
    }
    return tw_repair_utf8(data, len, out);
}

long tw_repair_utf8(const char *data, size_t len, tw_buf *out)
{
    size_t from = out->len;
    if (tw_utf8_valid(data, len)) {
        if (tw_buf_append(out, data, len) < 0)
            return -1;
        nul_to_space(out, from);
        return 0;
    }

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
    nul_to_space(out, from);
    return bad;
oom:
    if (cd != (iconv_t)-1)
        iconv_close(cd);
    return -1;
}

long tw_iconv_append(iconv_t cd, size_t unit, const char *data, size_t len, bool final,
                     size_t *used, tw_buf *out)
{
    long bad = 0;
    size_t from = out->len;
    char *in = (char *)data;
    size_t inleft = len;
    while (inleft) {
        if (tw_buf_reserve(out, inleft * 2 + 16) < 0)
            return -1;
        char *o = out->data + out->len;
        size_t oleft = out->cap - out->len - 1;
        size_t rc = iconv(cd, &in, &inleft, &o, &oleft);
        out->len = (size_t)(o - out->data);
        out->data[out->len] = '\0';
        if (rc != (size_t)-1 || errno == E2BIG)
            continue;
        if (errno == EINVAL && !final)
            break;                  /* the rest of the character comes next time */
        /* EILSEQ, or a character cut at the very end: one replacement, move on. */
        iconv(cd, NULL, NULL, NULL, NULL);
        if (tw_buf_append(out, REPLACEMENT, 3) < 0)
            return -1;
        size_t skip = unit < inleft ? unit : inleft;
        in += skip;
        inleft -= skip;
        bad++;
    }
    *used = len - inleft;
    nul_to_space(out, from);
    return bad;
}

long tw_convert_to_utf8(const char *charset, const char *data, size_t len, tw_buf *out)
{
    if (!charset || tw_utf8_valid(data, len) || strcasecmp(charset, "utf-8") == 0 ||
        strcasecmp(charset, "utf8") == 0 || strcasecmp(charset, "iso-8859-1") == 0 ||
        strcasecmp(charset, "latin1") == 0 || strcasecmp(charset, "us-ascii") == 0)
        return tw_to_utf8(data, len, out);
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1)
        return tw_to_utf8(data, len, out);
    size_t used;
    long bad = tw_iconv_append(cd, 1, data, len, true, &used, out);
    iconv_close(cd);
    return bad;
}

bool tw_declared_charset(const char *data, size_t len, char *out, size_t outlen)
{
    size_t n = len < 4096 ? len : 4096;
    static const char *const keys[] = { "charset=", "encoding=" };
    for (size_t k = 0; k < 2; k++) {
        size_t klen = strlen(keys[k]);
        for (size_t i = 0; i + klen < n; i++) {
            if (strncasecmp(data + i, keys[k], klen) != 0)
                continue;
            size_t j = i + klen;
            if (j < n && (data[j] == '"' || data[j] == '\''))
                j++;
            size_t start = j;
            while (j < n && j - start < outlen - 1 &&
                   (isalnum((unsigned char)data[j]) || strchr("-_:.", data[j])))
                j++;
            if (j > start) {
                memcpy(out, data + start, j - start);
                out[j - start] = '\0';
                return true;
            }
        }
    }
    return false;
}
