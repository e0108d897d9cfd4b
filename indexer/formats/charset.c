/* charset.c - repair text to valid UTF-8. */
#include "charset.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "charset_guess.h"
#include "charset_label.h"
#include "sgml_scan.h"
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

void tw_nul_to_space(tw_buf *out, size_t from)
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
        tw_nul_to_space(out, from);
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
    tw_nul_to_space(out, from);
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
    tw_nul_to_space(out, from);
    return bad;
}

/* Whether DATA (LEN bytes, not all valid UTF-8) is UTF-8 text with stray
 * bytes, to be repaired, rather than text in another charset: its first
 * bytes hold as many characters of UTF-8 beyond ASCII as bytes that are
 * not UTF-8. */
static bool mostly_utf8(const char *data, size_t len)
{
    size_t utf8 = 0, stray = 0;
    if (len > 16 * 1024)
        len = tw_utf8_cut(data, 16 * 1024);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = (unsigned char)data[i] < 0x80 ? 1 : tw_utf8_decode(data + i, len - i, &cp);
        utf8 += n > 1;
        stray += n == 0;
        i += n ? n : 1;
    }
    return utf8 >= 4 * stray;
}

/* Whether text declared in CHARSET (as tw_charset_read_as names it; NULL:
 * undeclared) is read as tw_to_utf8 reads it, UTF-8 with its stray bytes
 * in Windows-1252. */
static bool read_as_repaired(const char *charset)
{
    return !charset || strcmp(charset, "UTF-8") == 0 || strcmp(charset, "ISO-8859-1") == 0;
}

/* What iconv_to_utf8 returns for a charset iconv does not know. */
#define UNKNOWN_CHARSET (-2)

/* Appends DATA read in CHARSET to OUT, as tw_convert_to_utf8 does; returns
 * what it returns, or UNKNOWN_CHARSET, having appended nothing. */
static long iconv_to_utf8(const char *charset, const char *data, size_t len, tw_buf *out)
{
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1)
        return UNKNOWN_CHARSET;
    size_t used;
    long bad = tw_iconv_append(cd, 1, data, len, true, &used, out);
    iconv_close(cd);
    return bad;
}

const char *tw_legacy_charset(const char *data, size_t len)
{
    return mostly_utf8(data, len) ? NULL : tw_guess_charset(data, len);
}

/* DATA, not UTF-8 and declared in no charset iconv reads, into OUT: in the
 * legacy charset guessed from the text when one reads better, else
 * repaired as UTF-8 (tw_to_utf8). */
static long guessed_to_utf8(const char *data, size_t len, tw_buf *out)
{
    const char *charset = tw_legacy_charset(data, len);
    long bad = charset ? iconv_to_utf8(charset, data, len, out) : UNKNOWN_CHARSET;
    return bad == UNKNOWN_CHARSET ? tw_to_utf8(data, len, out) : bad;
}

long tw_convert_to_utf8(const char *charset, const char *data, size_t len, tw_buf *out)
{
    if (tw_utf8_valid(data, len))
        return tw_to_utf8(data, len, out);
    /* Undeclared, or declared UTF-8 or Latin-1 (a template's meta tag over
     * text saved in another charset), or in a charset iconv does not know,
     * and not UTF-8: a legacy charset, guessed from the text when one reads
     * better. */
    charset = charset ? tw_charset_read_as(charset) : NULL;
    long bad = read_as_repaired(charset) ? UNKNOWN_CHARSET : iconv_to_utf8(charset, data, len, out);
    return bad == UNKNOWN_CHARSET ? guessed_to_utf8(data, len, out) : bad;
}

/* Copies the charset name that V starts with (after white space and a
 * quote) into out[outlen]; false when there is none.  A page that names
 * UTF-16 in its own markup, which was read as ASCII to find the name, is
 * not in UTF-16 (one that is starts with a byte-order mark, read before
 * this): it is named UTF-8, as browsers read it; read as UTF-16, its
 * bytes were a page of CJK-looking nonsense. */
static bool charset_name(const char *v, char *out, size_t outlen)
{
    while (isspace((unsigned char)*v) || *v == '"' || *v == '\'')
        v++;
    size_t n = 0;
    while (v[n] && n < outlen - 1 &&
           (isalnum((unsigned char)v[n]) || v[n] == '-' || v[n] == '_' || v[n] == ':' ||
            v[n] == '.'))
        n++;
    memcpy(out, v, n);
    out[n] = '\0';
    if (n > 0 && tw_charset_is_utf16(out))
        snprintf(out, outlen, "UTF-8");
    return n > 0;
}

/* The charset the <meta> tag EL declares: its charset attribute, or the
 * "charset=" in the content of an http-equiv="Content-Type". */
static bool meta_charset(const tw_element *el, char *out, size_t outlen)
{
    char v[256];
    if (tw_sgml_attr(el, "charset", v, sizeof v))
        return charset_name(v, out, outlen);
    char *c;
    if (!tw_sgml_attr(el, "http-equiv", v, sizeof v) || strcasecmp(v, "content-type") != 0 ||
        !tw_sgml_attr(el, "content", v, sizeof v) || !(c = strcasestr(v, "charset")))
        return false;
    c += strlen("charset");
    while (isspace((unsigned char)*c))
        c++;
    return *c == '=' && charset_name(c + 1, out, outlen);
}

/* Elements whose content is text, not tags: a "<meta" there is not one. */
static const char *const RAW_TEXT[] = { "script", "style", NULL };

/* Just past the end tag of the element NAME whose content starts at P, or
 * NULL when it has none. */
static const char *past_end_tag(const char *p, const char *end, const char *name)
{
    const char *close = tw_sgml_find_tag(p, end, name, true);
    const char *gt = close ? memchr(close, '>', (size_t)(end - close)) : NULL;
    return gt ? gt + 1 : NULL;
}

/* How far into a page its charset is looked for.  HTML5 has browsers look at
 * the first 1024 bytes, but real pages put a long inline <style> or <script>
 * before their <meta>, and browsers find it there too (they re-parse). */
#define DECLARATION_BYTES (64u * 1024)

bool tw_declared_charset(const char *data, size_t len, char *out, size_t outlen)
{
    const char *p = data, *end = data + (len < DECLARATION_BYTES ? len : DECLARATION_BYTES);
    if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < end && isspace((unsigned char)*p))
        p++;
    /* An XML declaration comes first or not at all. */
    tw_element el;
    char v[256];
    if (end - p >= 5 && memcmp(p, "<?xml", 5) == 0) {
        const char *gt = memchr(p, '>', (size_t)(end - p));
        el = (tw_element){ .tag = p, .inner = gt ? gt + 1 : end };
        if (gt && tw_sgml_attr(&el, "encoding", v, sizeof v))
            return charset_name(v, out, outlen);
    }
    /* Then the <meta> tags of the head, not what scripts, styles and
     * comments say (a <script charset> is the script's), nor the body. */
    while (p < end && (p = memchr(p, '<', (size_t)(end - p)))) {
        const char *raw, *gt;
        if (tw_sgml_tag_at(p, end, "head", true) || tw_sgml_tag_at(p, end, "body", false))
            break;
        if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
            const char *close = memmem(p + 4, (size_t)(end - p - 4), "-->", 3);
            if (!close)
                break;
            p = close + 3;
        } else if ((raw = tw_sgml_start_tag_of(p, end, RAW_TEXT))) {
            if (!(p = past_end_tag(p + 1, end, raw)))
                break;
        } else if (tw_sgml_tag_at(p, end, "meta", false)) {
            if (!(gt = memchr(p, '>', (size_t)(end - p))))
                break;
            el = (tw_element){ .tag = p, .inner = gt + 1 };
            if (meta_charset(&el, out, outlen))
                return true;
            p = gt + 1;
        } else {
            p++;           /* any other tag, or a '<' in text */
        }
    }
    return false;
}
