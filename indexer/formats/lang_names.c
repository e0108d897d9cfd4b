/* lang_names.c - a language's code from its three-letter ISO 639 code or its
 * name, as pages, JSON dumps ("language": "english") and people typing
 * lang:french give it, through ICU's own lists of codes and names. */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uldnames.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "accents.h"
#include "lang.h"

/* ISO 639-2's bibliographic codes, which differ from the terminology codes
 * ICU knows ("ger" for "deu"): library catalogues and some feeds use them. */
static const char BIBLIOGRAPHIC[][2][4] = {
    { "alb", "sq" }, { "arm", "hy" }, { "baq", "eu" }, { "bur", "my" }, { "chi", "zh" },
    { "cze", "cs" }, { "dut", "nl" }, { "fre", "fr" }, { "geo", "ka" }, { "ger", "de" },
    { "gre", "el" }, { "ice", "is" }, { "mac", "mk" }, { "mao", "mi" }, { "may", "ms" },
    { "per", "fa" }, { "rum", "ro" }, { "slo", "sk" }, { "tib", "bo" }, { "wel", "cy" },
};

/* ISO 639-2's codes for no one language, which ICU lists with the others:
 * an article so declared gets the language CLD2 finds. */
static bool names_one_language(const char *code)
{
    return strcmp(code, "mul") && strcmp(code, "mis") && strcmp(code, "zxx") && strcmp(code, "und");
}

/* A name as it is compared: lower case, without accents ("Français" and
 * "francais" alike). */
#define NAME_MAX_BYTES 64

struct named {
    char name[NAME_MAX_BYTES];
    char code[TW_LANG_MAX];
};

/* Every language's name in English and, where ICU has the language's own
 * data, in itself: about 600 and 220, read once a process (under 2 ms). */
static struct named *names;
static size_t n_names;
static pthread_once_t names_once = PTHREAD_ONCE_INIT;

/* NAME (N UTF-16 units) folded into OUT: false when it does not fit. */
static bool fold(const UChar *name, int32_t n, char out[NAME_MAX_BYTES])
{
    UChar lower[NAME_MAX_BYTES];
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = u_strToLower(lower, NAME_MAX_BYTES, name, n, "", &err);
    if (U_FAILURE(err) || len >= NAME_MAX_BYTES)
        return false;
    int32_t bytes = 0;
    u_strToUTF8(out, NAME_MAX_BYTES, &bytes, lower, len, &err);
    if (U_FAILURE(err) || bytes >= NAME_MAX_BYTES)
        return false;
    out[tw_unaccent(out, (size_t)bytes, out)] = '\0';
    return true;
}

static void add_name(size_t room, const UChar *name, int32_t n, const char *code)
{
    if (n_names == room || n <= 0 || strlen(code) >= TW_LANG_MAX || !names_one_language(code))
        return;
    struct named *e = &names[n_names];
    if (!fold(name, n, e->name))
        return;
    strcpy(e->code, code);
    n_names++;
}

static void read_names(void)
{
    const char *const *codes = uloc_getISOLanguages();
    int32_t locales = uloc_countAvailable();
    size_t n_codes = 0;
    while (codes[n_codes])
        n_codes++;
    size_t room = n_codes + (size_t)(locales > 0 ? locales : 0);
    names = calloc(room, sizeof *names);
    if (!names)
        return;             /* no names: codes still work */
    UErrorCode err = U_ZERO_ERROR;
    ULocaleDisplayNames *english = uldn_open("en", ULDN_STANDARD_NAMES, &err);
    for (size_t i = 0; english && i < n_codes; i++) {
        UChar name[NAME_MAX_BYTES];
        err = U_ZERO_ERROR;
        int32_t n = uldn_languageDisplayName(english, codes[i], name, NAME_MAX_BYTES, &err);
        if (U_SUCCESS(err))
            add_name(room, name, n, codes[i]);
    }
    if (english)
        uldn_close(english);
    /* A language's own name is in the data of its locale without a region
     * ("de", not "de_AT"); asked of a locale with none, ICU would answer in
     * English, which is above already. */
    for (int32_t i = 0; i < locales; i++) {
        const char *locale = uloc_getAvailable(i);
        if (strchr(locale, '_'))
            continue;
        UChar name[NAME_MAX_BYTES];
        err = U_ZERO_ERROR;
        int32_t n = uloc_getDisplayLanguage(locale, locale, name, NAME_MAX_BYTES, &err);
        if (err == U_ZERO_ERROR)
            add_name(room, name, n, locale);
    }
}

/* The two-letter code (or, for a language with none, ICU's three-letter
 * one) whose ISO 639-2 code is CODE (three lower-case letters). */
static bool from_three_letters(const char *code, char out[TW_LANG_MAX])
{
    for (size_t i = 0; i < sizeof BIBLIOGRAPHIC / sizeof BIBLIOGRAPHIC[0]; i++)
        if (!strcmp(code, BIBLIOGRAPHIC[i][0])) {
            strcpy(out, BIBLIOGRAPHIC[i][1]);
            return true;
        }
    for (const char *const *c = uloc_getISOLanguages(); *c; c++)
        if (!strcmp(uloc_getISO3Language(*c), code) && strlen(*c) < TW_LANG_MAX &&
            names_one_language(*c)) {
            strcpy(out, *c);
            return true;
        }
    return false;
}

bool tw_lang_by_name(const char *name, size_t len, char out[TW_LANG_MAX])
{
    out[0] = '\0';
    while (len > 0 && name[len - 1] == ' ')
        len--;
    if (len == 3) {
        char code[4];
        size_t i = 0;
        for (; i < 3 && ((name[i] | 0x20) >= 'a' && (name[i] | 0x20) <= 'z'); i++)
            code[i] = (char)(name[i] | 0x20);
        code[i] = '\0';
        if (i == 3 && from_three_letters(code, out))
            return true;
    }
    UChar wide[NAME_MAX_BYTES];
    int32_t n = 0;
    UErrorCode err = U_ZERO_ERROR;
    char folded[NAME_MAX_BYTES];
    if (len >= NAME_MAX_BYTES)
        return false;
    u_strFromUTF8(wide, NAME_MAX_BYTES, &n, name, (int32_t)len, &err);
    if (U_FAILURE(err) || n >= NAME_MAX_BYTES || !fold(wide, n, folded))
        return false;
    pthread_once(&names_once, read_names);
    for (size_t i = 0; i < n_names; i++)
        if (!strcmp(names[i].name, folded)) {
            strcpy(out, names[i].code);
            return true;
        }
    return false;
}
