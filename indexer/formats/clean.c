/* clean.c - normalise text fields. */
#include "clean.h"

#include "charset.h"
#include "nfc.h"

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

/* Unicode's line separator (U+2028, as one line break) and paragraph
 * separator (U+2029, as two), which some feeds and word processors write
 * for line and paragraph breaks: kept, they split a TSV or text line for
 * every reader that takes them for line ends (Python's splitlines, editors).
 * Returns the breaks at S+I (0 for none); *N, their length. */
static int separator_at(const char *s, size_t i, size_t len, size_t *n)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (len - i < 3 || u[0] != 0xE2 || u[1] != 0x80 || (u[2] != 0xA8 && u[2] != 0xA9))
        return 0;
    *n = 3;
    return u[2] == 0xA8 ? 1 : 2;
}

/* Invisible characters that only hint at layout: the soft hyphen (pages
 * hyphenate long words with &shy;, which split "Ita&shy;li&shy;ens" into
 * pieces no search for "Italiens" finds), the zero-width space, the word
 * joiner and a byte-order mark inside the text.  Returns their length at S+I. */
static size_t invisible_at(const char *s, size_t i, size_t len)
{
    const unsigned char *u = (const unsigned char *)s + i;
    size_t left = len - i;
    if (left >= 2 && u[0] == 0xC2 && u[1] == 0xAD)
        return 2;
    if (left >= 3 && ((u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x8B) ||
                      (u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0xA0) ||
                      (u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)))
        return 3;
    return 0;
}

/* Unicode's spaces other than ASCII's (category Zs): the no-break space,
 * the ogham space mark, the en, em, thin and other spaces of typesetting,
 * the narrow no-break space, the medium mathematical space and the
 * ideographic space.  They are white space like ' ': kept as they were, a
 * page's "&nbsp; " showed as two spaces in a snippet, and a title or body
 * that began or ended with one kept it.  The term generator splits words at
 * them either way.  Returns their length at S+I. */
static size_t space_at(const char *s, size_t i, size_t len)
{
    const unsigned char *u = (const unsigned char *)s + i;
    size_t left = len - i;
    if (left >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (left < 3)
        return 0;
    if ((u[0] == 0xE1 && u[1] == 0x9A && u[2] == 0x80) ||
        (u[0] == 0xE2 && u[1] == 0x80 && (u[2] <= 0x8A || u[2] == 0xAF)) ||
        (u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F) ||
        (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80))
        return 3;
    return 0;
}

/* Whether the byte at S+I goes on a word as it is: no white space, control,
 * invisible character or separator starts there.  A printable ASCII byte
 * other than ' ' starts none of them (all but the ASCII controls start with
 * a byte of 0xC2 or more), and most text is such bytes: answered at a
 * compare, they no longer pay for the four tests, which took a third of
 * tw_clean's instructions on linux-doc. */
static bool ordinary_at(const char *s, size_t i, size_t len)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
        return c > ' ' && c != 0x7f;
    size_t sep_len;
    return !control_at(s, i, len) && !space_at(s, i, len) && !invisible_at(s, i, len) &&
           !separator_at(s, i, len, &sep_len);
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
        size_t gone = invisible_at(s, i, len);
        if (gone) {
            i += gone;
            continue;
        }
        size_t sep_len;
        int sep = separator_at(s, i, len, &sep_len);
        if (sep) {
            if (one_line)
                space = true;
            else
                breaks += sep;
            i += sep_len;
            continue;
        }
        size_t ctl = control_at(s, i, len), wide = ctl ? 0 : space_at(s, i, len);
        if (s[i] == ' ' || ctl || wide) {
            if (!one_line && s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
                i++;        /* CR LF is one break */
            if (!one_line && (s[i] == '\n' || s[i] == '\r'))
                breaks++;
            else
                space = true;
            i += ctl ? ctl : wide ? wide : 1;
            continue;
        }
        /* Copy the run of ordinary bytes that starts here in one go. */
        size_t j = i;
        while (j < len && ordinary_at(s, j, len))
            j++;
        if (out->len > start && (breaks || space))
            rc = tw_buf_append(out, breaks ? "\n\n" : " ", breaks > 1 ? 2 : 1);
        if (rc == 0)
            rc = tw_buf_append(out, s + i, j - i);
        space = false;
        breaks = 0;
        i = j;
    }
    /* One spelling for one word, stored and indexed alike (nfc.h). */
    if (rc == 0 && tw_nfc(out, start) < 0)
        rc = -1;
    tw_buf_free(&utf8);
    return rc;
}
