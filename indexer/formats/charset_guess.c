/* charset_guess.c - the legacy charset of text that declares none (see the
 * header).
 *
 * Bytes that are not UTF-8 were read as Windows-1252, which turned every
 * Russian, Greek, Arabic, Chinese, Japanese or Korean plain-text file in a
 * legacy charset into accented Latin mojibake no search found.  uchardet
 * tells them apart by the letters and pairs of letters each language uses
 * most. */
#include "charset_guess.h"

#include <stdbool.h>
#include <strings.h>
#include <uchardet.h>

/* Enough text to tell, and a bound on the time a file costs. */
#define SAMPLE_BYTES (16u * 1024)

/* What uchardet may answer, as the charset to read with: the superset that
 * Windows writes where there is one (Windows-1253 for ISO-8859-7, CP932 for
 * Shift_JIS), so that its few extra characters read too.  Latin-1's family
 * (ISO-8859-1 and -15, Windows-1252), UTF-8 and ASCII are not here: the
 * caller's repair reads them. */
static const struct {
    const char *detected, *read_as;
} LEGACY[] = {
    { "WINDOWS-1250", "WINDOWS-1250" }, { "ISO-8859-2", "ISO-8859-2" },
    { "WINDOWS-1251", "WINDOWS-1251" }, { "ISO-8859-5", "ISO-8859-5" },
    { "KOI8-R", "KOI8-R" },             { "KOI8-U", "KOI8-U" },
    { "IBM866", "IBM866" },             { "MAC-CYRILLIC", "MAC-CYRILLIC" },
    { "WINDOWS-1253", "WINDOWS-1253" }, { "ISO-8859-7", "WINDOWS-1253" },
    { "WINDOWS-1255", "WINDOWS-1255" }, { "ISO-8859-8", "WINDOWS-1255" },
    { "WINDOWS-1256", "WINDOWS-1256" }, { "ISO-8859-6", "WINDOWS-1256" },
    { "WINDOWS-1254", "WINDOWS-1254" }, { "ISO-8859-9", "WINDOWS-1254" },
    { "WINDOWS-1257", "WINDOWS-1257" }, { "ISO-8859-13", "ISO-8859-13" },
    { "WINDOWS-1258", "WINDOWS-1258" }, { "TIS-620", "TIS-620" },
    { "SHIFT_JIS", "CP932" },           { "EUC-JP", "EUC-JP" },
    { "ISO-2022-JP", "ISO-2022-JP" },   { "GB18030", "GB18030" },
    { "BIG5", "BIG5" },                 { "EUC-TW", "EUC-TW" },
    { "EUC-KR", "CP949" },              { "UHC", "CP949" },
    { "ISO-2022-KR", "ISO-2022-KR" },
};

const char *tw_guess_charset(const char *data, size_t len)
{
    uchardet_t ud = uchardet_new();
    if (!ud)
        return NULL;
    const char *found = NULL;
    if (uchardet_handle_data(ud, data, len < SAMPLE_BYTES ? len : SAMPLE_BYTES) == 0) {
        uchardet_data_end(ud);
        const char *name = uchardet_get_charset(ud);
        for (size_t i = 0; name && !found && i < sizeof LEGACY / sizeof *LEGACY; i++)
            if (strcasecmp(name, LEGACY[i].detected) == 0)
                found = LEGACY[i].read_as;
    }
    uchardet_delete(ud);
    return found;
}
