/* lang_cld2.cc - language detection through CLD2 (see lang.h). */
#include <cstdio>   // before CLD2's header, which uses FILE without it
#include <cstring>

#include <cld2/public/compact_lang_det.h>

#include "lang.h"
extern "C" {
#include "utf8.h"
}

/* Enough text for CLD2 to be sure (it is right on the first 200 characters
 * of 96% of web-eval's articles), and a bound on the time a long article
 * costs. */
static const size_t DETECT_BYTES = 16 * 1024;

static bool is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A code as the index keeps it, from a two-letter CODE CLD2 or a page gave:
 * CLD2 says "iw" for Hebrew (ISO 639-1 "he" since 1989), and Norwegian
 * Bokmål and Nynorsk share "no" with CLD2 and with Xapian's stemmer. */
static void store_code(const char *code, char out[TW_LANG_MAX])
{
    if (!std::strcmp(code, "iw"))
        code = "he";
    else if (!std::strcmp(code, "nb") || !std::strcmp(code, "nn"))
        code = "no";
    std::snprintf(out, TW_LANG_MAX, "%s", code);
}

extern "C" bool tw_lang_normalise(const char *declared, char out[TW_LANG_MAX])
{
    out[0] = '\0';
    if (!declared)
        return false;
    while (*declared == ' ')
        declared++;
    char code[TW_LANG_MAX] = { 0 };
    if (is_letter(declared[0]) && is_letter(declared[1]) && !is_letter(declared[2])) {
        code[0] = (char)(declared[0] | 0x20);
        code[1] = (char)(declared[1] | 0x20);
        if (!tw_lang_code_known(code))
            return false;
    } else {
        /* "eng-US" by its first subtag; "Serbo-Croatian" whole. */
        size_t subtag = std::strcspn(declared, "-_");
        if (!tw_lang_by_name(declared, subtag, code) &&
            (!declared[subtag] || !tw_lang_by_name(declared, std::strlen(declared), code)))
            return false;
    }
    store_code(code, out);
    return true;
}

extern "C" bool tw_lang_detect(const char *text, size_t len, char out[TW_LANG_MAX])
{
    out[0] = '\0';
    if (len > DETECT_BYTES)
        len = tw_utf8_cut(text, DETECT_BYTES);
    bool reliable = false;
    CLD2::Language lang;
    try {
        lang = CLD2::DetectLanguage(text, (int)len, true, &reliable);
    } catch (...) {
        return false;       /* CLD2 throws nothing; should it, no language */
    }
    if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE)
        return false;
    /* "zh-Hant" is Chinese too; a code longer than three letters is none. */
    char code[TW_LANG_MAX + 8];
    std::snprintf(code, sizeof code, "%s", CLD2::LanguageCode(lang));
    code[std::strcspn(code, "-")] = '\0';
    if (std::strlen(code) < 2 || std::strlen(code) >= TW_LANG_MAX)
        return false;
    store_code(code, out);
    return true;
}
