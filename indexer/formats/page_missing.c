/* page_missing.c - "page not found" pages (page_missing.h). */
#include "page_missing.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>

#include "utf8.h"

/* An error page says little more than its apology; the shortest news
 * briefs say more than this many words. */
#define MISSING_WORDS_MAX 60

/* What an error page's title or heading says, in the languages of the
 * news collections trawl meets, in every script, case-folded (small
 * letters; the name is folded the same way before it is looked in).  A
 * number alone is no sign ("404 jobs cut at the plant"); with a word for an
 * error, or as all of the name, it is. */
static const char *const SAYINGS[] = {
    "page not found", "404 not found", "error 404", "404 error", "fehler 404",
    "erreur 404", "errore 404", "fout 404", "erro 404", "page can't be found",
    "page cannot be found", "page could not be found", "page doesn't exist",
    "page does not exist", "page no longer exists",
    "seite nicht gefunden", "seite wurde nicht gefunden", "seite existiert nicht",
    "page introuvable", "page non trouv\xc3\xa9" "e", "page n'existe",
    "p\xc3\xa1gina no encontrada", "p\xc3\xa1gina no existe", "pagina non trovata",
    "pagina niet gevonden", "p\xc3\xa1gina n\xc3\xa3o encontrada", "strona nie istnieje",
    /* ru, bg, sr: страница не найдена, страницата не е намерена, страница није пронађена */
    "\xd1\x81\xd1\x82\xd1\x80\xd0\xb0\xd0\xbd\xd0\xb8\xd1\x86\xd0\xb0 \xd0\xbd\xd0\xb5 \xd0\xbd\xd0\xb0\xd0\xb9\xd0\xb4\xd0\xb5\xd0\xbd\xd0\xb0",
    "\xd1\x81\xd1\x82\xd1\x80\xd0\xb0\xd0\xbd\xd0\xb8\xd1\x86\xd0\xb0\xd1\x82\xd0\xb0 \xd0\xbd\xd0\xb5 \xd0\xb5 \xd0\xbd\xd0\xb0\xd0\xbc\xd0\xb5\xd1\x80\xd0\xb5\xd0\xbd\xd0\xb0",
    "\xd1\x81\xd1\x82\xd1\x80\xd0\xb0\xd0\xbd\xd0\xb8\xd1\x86\xd0\xb0 \xd0\xbd\xd0\xb8\xd1\x98\xd0\xb5 \xd0\xbf\xd1\x80\xd0\xbe\xd0\xbd\xd0\xb0\xd1\x92\xd0\xb5\xd0\xbd\xd0\xb0",
    /* uk: сторінку не знайдено, сторінка не знайдена */
    "\xd1\x81\xd1\x82\xd0\xbe\xd1\x80\xd1\x96\xd0\xbd\xd0\xba\xd1\x83 \xd0\xbd\xd0\xb5 \xd0\xb7\xd0\xbd\xd0\xb0\xd0\xb9\xd0\xb4\xd0\xb5\xd0\xbd\xd0\xbe",
    "\xd1\x81\xd1\x82\xd0\xbe\xd1\x80\xd1\x96\xd0\xbd\xd0\xba\xd0\xb0 \xd0\xbd\xd0\xb5 \xd0\xb7\xd0\xbd\xd0\xb0\xd0\xb9\xd0\xb4\xd0\xb5\xd0\xbd\xd0\xb0",
    /* el: σελίδα δεν βρέθηκε */
    "\xcf\x83\xce\xb5\xce\xbb\xce\xaf\xce\xb4\xce\xb1 \xce\xb4\xce\xb5\xce\xbd \xce\xb2\xcf\x81\xce\xad\xce\xb8\xce\xb7\xce\xba\xce\xb5",
    /* tr, vi: sayfa bulunamadı, không tìm thấy trang */
    "sayfa bulunamad\xc4\xb1", "kh\xc3\xb4ng t\xc3\xacm th\xe1\xba\xa5y trang",
    /* ar, fa, he: الصفحة غير موجودة, لم يتم العثور على الصفحة, صفحه یافت نشد, הדף לא נמצא, העמוד לא נמצא */
    "\xd8\xa7\xd9\x84\xd8\xb5\xd9\x81\xd8\xad\xd8\xa9 \xd8\xba\xd9\x8a\xd8\xb1 \xd9\x85\xd9\x88\xd8\xac\xd9\x88\xd8\xaf\xd8\xa9",
    "\xd9\x84\xd9\x85 \xd9\x8a\xd8\xaa\xd9\x85 \xd8\xa7\xd9\x84\xd8\xb9\xd8\xab\xd9\x88\xd8\xb1 \xd8\xb9\xd9\x84\xd9\x89 \xd8\xa7\xd9\x84\xd8\xb5\xd9\x81\xd8\xad\xd8\xa9",
    "\xd8\xb5\xd9\x81\xd8\xad\xd9\x87 \xdb\x8c\xd8\xa7\xd9\x81\xd8\xaa \xd9\x86\xd8\xb4\xd8\xaf",
    "\xd7\x94\xd7\x93\xd7\xa3 \xd7\x9c\xd7\x90 \xd7\xa0\xd7\x9e\xd7\xa6\xd7\x90",
    "\xd7\x94\xd7\xa2\xd7\x9e\xd7\x95\xd7\x93 \xd7\x9c\xd7\x90 \xd7\xa0\xd7\x9e\xd7\xa6\xd7\x90",
    /* hi: पृष्ठ नहीं मिला */
    "\xe0\xa4\xaa\xe0\xa5\x83\xe0\xa4\xb7\xe0\xa5\x8d\xe0\xa4\xa0 \xe0\xa4\xa8\xe0\xa4\xb9\xe0\xa5\x80\xe0\xa4\x82 \xe0\xa4\xae\xe0\xa4\xbf\xe0\xa4\xb2\xe0\xa4\xbe",
    /* zh: 页面不存在, 页面未找到, 找不到页面, 頁面不存在, 找不到網頁, 网页不存在 */
    "\xe9\xa1\xb5\xe9\x9d\xa2\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8",
    "\xe9\xa1\xb5\xe9\x9d\xa2\xe6\x9c\xaa\xe6\x89\xbe\xe5\x88\xb0",
    "\xe6\x89\xbe\xe4\xb8\x8d\xe5\x88\xb0\xe9\xa1\xb5\xe9\x9d\xa2",
    "\xe9\xa0\x81\xe9\x9d\xa2\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8",
    "\xe6\x89\xbe\xe4\xb8\x8d\xe5\x88\xb0\xe7\xb6\xb2\xe9\xa0\x81",
    "\xe7\xbd\x91\xe9\xa1\xb5\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8",
    /* ja: ページが見つかりません, ページは見つかりません, ページは存在しません */
    "\xe3\x83\x9a\xe3\x83\xbc\xe3\x82\xb8\xe3\x81\x8c\xe8\xa6\x8b\xe3\x81\xa4\xe3\x81\x8b\xe3\x82\x8a\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93",
    "\xe3\x83\x9a\xe3\x83\xbc\xe3\x82\xb8\xe3\x81\xaf\xe8\xa6\x8b\xe3\x81\xa4\xe3\x81\x8b\xe3\x82\x8a\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93",
    "\xe3\x83\x9a\xe3\x83\xbc\xe3\x82\xb8\xe3\x81\xaf\xe5\xad\x98\xe5\x9c\xa8\xe3\x81\x97\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93",
    /* ko: 페이지를 찾을 수 없 */
    "\xed\x8e\x98\xec\x9d\xb4\xec\xa7\x80\xeb\xa5\xbc \xec\xb0\xbe\xec\x9d\x84 \xec\x88\x98 \xec\x97\x86",
    NULL
};

/* What a theme's error page is headed with, said by a news brief's headline
 * too ("Wreck search: nothing found"): a sign only as the name's first
 * words. */
static const char *const OPENINGS[] = { "nothing found", "nothing was found", NULL };

/* NAME with the case of each letter folded (u_foldCase, in any script: a
 * title says "Страница не найдена" as well as "страница не найдена"), in
 * a new string; NULL when out of memory. */
static char *folded(const char *name)
{
    size_t len = strlen(name);
    /* A folded letter takes 3 bytes for 2 at most; a byte that is not
     * UTF-8 reads as U+FFFD, 3 bytes for 1. */
    char *out = malloc(len * 3 + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    for (size_t i = 0, n; i < len; i += n) {
        uint32_t cp;
        n = tw_utf8_char_at(name, len, i, &cp);
        k += tw_utf8_encode((uint32_t)u_foldCase((UChar32)cp, U_FOLD_CASE_DEFAULT), out + k);
    }
    out[k] = '\0';
    return out;
}

/* Whether NAME says the page was not found: one of SAYINGS in it, one of
 * OPENINGS first in it, or the name is an error's number alone ("404",
 * "410 Gone"). */
static bool says_missing(const char *name)
{
    while (*name == ' ')
        name++;
    if ((!strncmp(name, "404", 3) || !strncmp(name, "410", 3)) &&
        !isalnum((unsigned char)name[3]) && tw_count_words(name, strlen(name)) <= 2)
        return true;
    for (const char *const *s = OPENINGS; *s; s++)
        if (!strncasecmp(name, *s, strlen(*s)))
            return true;
    char *low = folded(name);
    bool says = false;
    for (const char *const *s = SAYINGS; low && *s && !says; s++)
        says = strstr(low, *s) != NULL;
    free(low);
    return says;
}

/* How many words BODY says: those written apart, and for the scripts
 * written without spaces between words (Chinese, Japanese, Korean's
 * syllables counted alike), one for every two of their characters, so
 * that a long story in them is not taken for a short apology. */
static size_t words_in(const char *body)
{
    size_t len = strlen(body), wide = 0;
    for (size_t i = 0, n; i < len; i += n) {
        uint32_t cp;
        n = tw_utf8_char_at(body, len, i, &cp);
        wide += tw_utf8_is_cjk(cp);
    }
    return tw_count_words(body, len) + wide / 2;
}

bool tw_page_missing(const char *const *names, size_t n, const char *body)
{
    if (body && words_in(body) > MISSING_WORDS_MAX)
        return false;
    for (size_t i = 0; i < n; i++)
        if (names[i] && says_missing(names[i]))
            return true;
    return false;
}
