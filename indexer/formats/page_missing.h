/* page_missing.h - whether a saved web page is a server's "page not found"
 * page rather than an article: a scraper that follows dead links saves
 * one for each, under the article's name, and each came into the index as
 * a story whose words are "Oops! That page can't be found". */
#ifndef TW_PAGE_MISSING_H
#define TW_PAGE_MISSING_H

#include <stdbool.h>
#include <stddef.h>

/* Whether one of the N NAMES (a page's <title>, its <h1>, its headline;
 * NULL for one it has not) says the page was not found ("Page not found",
 * "Error 404", "Seite nicht gefunden", "Página no encontrada", "Страница
 * не найдена", "页面不存在", in any script and case) and the page's text
 * BODY (NULL: none) is short: a few lines of apology and a search box,
 * where an article about dead links says more. */
bool tw_page_missing(const char *const *names, size_t n, const char *body);

#endif
