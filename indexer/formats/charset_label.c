/* charset_label.c - the charset a declared label stands for (see the
 * header).
 *
 * A page's declaration names the charset its author's browser read it in,
 * and browsers read a few labels as wider charsets than the labels say:
 * Chinese sites declare gb2312 over text in GBK (朱镕基's 镕 is not in
 * GB2312), Japanese ones Shift_JIS over Windows' CP932 (①, ㈱), Korean ones
 * EUC-KR over CP949's extra syllables, Turkish ones ISO-8859-9 over
 * Windows-1254's quotes and dashes.  Read by the label as glibc's iconv
 * defines it, each such character was U+FFFD, silently, and its second byte
 * a stray ASCII letter; labels iconv does not know at all (x-sjis,
 * ks_c_5601-1987, Microsoft's name for Korean) turned a whole page into
 * Windows-1252 mojibake.  The labels and what they stand for are those of
 * the WHATWG Encoding Standard, which browsers follow; only those that
 * iconv reads otherwise, or not at all, are listed. */
#include "charset_label.h"

#include <string.h>
#include <strings.h>

/* Each charset, as iconv names it, and the labels that stand for it,
 * separated by spaces. */
static const struct {
    const char *read_as, *labels;
} LABELS[] = {
    { "UTF-8", "utf-8 utf8 unicode-1-1-utf-8 unicode11utf8 unicode20utf8 x-unicode20utf8" },
    { "ISO-8859-1", "iso-8859-1 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 iso-ir-100 l1 "
                    "latin1 cp819 ibm819 csisolatin1 ascii us-ascii ansi_x3.4-1968" },
    { "WINDOWS-1252", "windows-1252 cp1252 x-cp1252" },
    { "WINDOWS-1250", "x-cp1250" },
    { "WINDOWS-1251", "x-cp1251" },
    { "WINDOWS-1253", "x-cp1253" },
    { "WINDOWS-1254", "iso-8859-9 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 iso-ir-148 "
                      "l5 latin5 csisolatin5 x-cp1254" },
    { "WINDOWS-1255", "x-cp1255" },
    { "WINDOWS-1256", "x-cp1256" },
    { "WINDOWS-1257", "x-cp1257" },
    { "WINDOWS-1258", "x-cp1258" },
    { "WINDOWS-874", "tis-620 iso-8859-11 iso8859-11 iso885911 dos-874" },
    { "ISO-8859-6", "iso-8859-6-e iso-8859-6-i csiso88596e csiso88596i" },
    { "ISO-8859-8", "iso-8859-8-e iso-8859-8-i csiso88598e csiso88598i visual logical" },
    { "ISO-8859-15", "csisolatin9 l9" },
    { "KOI8-R", "koi koi8_r" },
    { "KOI8-U", "koi8-ru" },
    { "MACINTOSH", "x-mac-roman" },
    { "MAC-CYRILLIC", "x-mac-cyrillic x-mac-ukrainian" },
    { "GB18030", "gb2312 gbk x-gbk chinese csgb2312 csiso58gb231280 gb_2312 gb_2312-80 "
                 "iso-ir-58" },
    { "BIG5-HKSCS", "big5 cn-big5 csbig5 x-x-big5" },
    { "EUC-JP", "x-euc-jp" },
    { "CP932", "shift_jis shift-jis sjis x-sjis ms932 ms_kanji windows-31j csshiftjis" },
    { "CP949", "euc-kr cseuckr korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 "
               "iso-ir-149 csksc56011987 windows-949" },
    { "UTF-16LE", "utf-16le utf-16 unicode ucs-2 csunicode iso-10646-ucs-2 unicodefeff" },
    { "UTF-16BE", "utf-16be unicodefffe" },
};

/* Whether LABELS (separated by spaces) holds LABEL, in any case. */
static bool listed(const char *labels, const char *label)
{
    size_t n = strlen(label);
    for (const char *p = labels; *p;) {
        size_t word = strcspn(p, " ");
        if (word == n && strncasecmp(p, label, n) == 0)
            return true;
        p += word;
        p += *p == ' ';
    }
    return false;
}

const char *tw_charset_read_as(const char *label)
{
    for (size_t i = 0; i < sizeof LABELS / sizeof *LABELS; i++)
        if (listed(LABELS[i].labels, label))
            return LABELS[i].read_as;
    return label;
}

bool tw_charset_is_utf16(const char *label)
{
    return strncasecmp(tw_charset_read_as(label), "UTF-16", 6) == 0;
}
