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

/* Room for a name in UTF-8 (ICU's longest English one has 40 bytes). */
#define NAME_MAX_BYTES 64

struct named {
    char name[NAME_MAX_BYTES];
    char code[TW_LANG_MAX];
    size_t order;           /* of two languages of one name, the first added wins */
};

/* Every language's ISO 639-2 codes, and its name in English and, where ICU
 * has the language's own data, in itself: about 600, 600 and 220, read once
 * a process (about 2 ms). */
static struct named *names;
static size_t n_names;
static pthread_once_t names_once = PTHREAD_ONCE_INIT;

/* NAME (N UTF-16 units) into OUT as names are compared, lower case and
 * without accents ("Français" as "francais"): false when it does not fit. */
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

/* Adds the name or code NAME (LEN UTF-16 units) of the language CODE. */
static void add_name(size_t room, const UChar *name, int32_t len, const char *code)
{
    if (n_names == room || len <= 0 || strlen(code) >= TW_LANG_MAX || !names_one_language(code))
        return;
    struct named *e = &names[n_names];
    if (!fold(name, len, e->name))
        return;
    strcpy(e->code, code);
    e->order = n_names++;
}

static void add_code(size_t room, const char *three, const char *code)
{
    UChar wide[4];
    u_charsToUChars(three, wide, 3);
    add_name(room, wide, 3, code);
}

static int by_name(const void *a, const void *b)
{
    const struct named *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : x->order < y->order ? -1 : x->order > y->order;
}

/* Each language's ISO 639-2 codes first, then its names: a code of three
 * letters that is also a name ("ewe", "ido") names the same language. */
static void read_names(void)
{
    const char *const *codes = uloc_getISOLanguages();
    int32_t locales = uloc_countAvailable();
    size_t n_codes = 0;
    while (codes[n_codes])
        n_codes++;
    size_t n_bibliographic = sizeof BIBLIOGRAPHIC / sizeof BIBLIOGRAPHIC[0];
    size_t room = 2 * n_codes + n_bibliographic + (size_t)(locales > 0 ? locales : 0);
    names = calloc(room, sizeof *names);
    if (!names)
        return;             /* no names: two-letter codes still work */
    for (size_t i = 0; i < n_codes; i++) {
        const char *three = uloc_getISO3Language(codes[i]);
        if (strlen(three) == 3)
            add_code(room, three, codes[i]);
    }
    for (size_t i = 0; i < n_bibliographic; i++)
        add_code(room, BIBLIOGRAPHIC[i][0], BIBLIOGRAPHIC[i][1]);
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
    qsort(names, n_names, sizeof *names, by_name);
}

bool tw_lang_by_name(const char *name, size_t len, char out[TW_LANG_MAX])
{
    out[0] = '\0';
    while (len > 0 && name[len - 1] == ' ')
        len--;
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
    size_t lo = 0, hi = n_names;    /* the first entry of the name, if any */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(names[mid].name, folded) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == n_names || strcmp(names[lo].name, folded))
        return false;
    strcpy(out, names[lo].code);
    return true;
}

bool tw_lang_code_known(const char *code)
{
    /* ICU maps each ISO 639-1 code it lists, withdrawn ones too ("iw",
     * "in"), to its three-letter one, and any other to "". */
    return uloc_getISO3Language(code)[0] != '\0';
}
