/* page_missing.c - "page not found" pages (page_missing.h). */
#include "page_missing.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"

/* An error page says little more than its apology; the shortest news
 * briefs say more than this many words. */
#define MISSING_WORDS_MAX 60

/* What an error page's title or heading says, in the languages of the
 * news collections trawl meets, in small letters.  A number alone is no
 * sign ("404 jobs cut at the plant"); with a word for an error, or as all
 * of the name, it is. */
static const char *const SAYINGS[] = {
    "page not found", "404 not found", "error 404", "404 error", "fehler 404",
    "erreur 404", "errore 404", "fout 404", "erro 404", "page can't be found",
    "page cannot be found", "page could not be found", "page doesn't exist",
    "page does not exist", "page no longer exists",
    "seite nicht gefunden", "seite wurde nicht gefunden", "seite existiert nicht",
    "page introuvable", "page non trouv\xc3\xa9" "e", "page n'existe",
    "p\xc3\xa1gina no encontrada", "p\xc3\xa1gina no existe", "pagina non trovata",
    "pagina niet gevonden", "p\xc3\xa1gina n\xc3\xa3o encontrada", "strona nie istnieje",
    NULL
};

/* What a theme's error page is headed with, said by a news brief's headline
 * too ("Wreck search: nothing found"): a sign only as the name's first
 * words. */
static const char *const OPENINGS[] = { "nothing found", "nothing was found", NULL };

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
    for (const char *const *s = SAYINGS; *s; s++)
        if (strcasestr(name, *s))
            return true;
    for (const char *const *s = OPENINGS; *s; s++)
        if (!strncasecmp(name, *s, strlen(*s)))
            return true;
    return false;
}

bool tw_page_missing(const char *const *names, size_t n, const char *body)
{
    if (body && tw_count_words(body, strlen(body)) > MISSING_WORDS_MAX)
        return false;
    for (size_t i = 0; i < n; i++)
        if (names[i] && says_missing(names[i]))
            return true;
    return false;
}
