/* find_article_xapian.h - an article's document, found by its id (--show,
 * and the article a search for articles like it starts from). */
#ifndef TW_FIND_ARTICLE_XAPIAN_H
#define TW_FIND_ARTICLE_XAPIAN_H

#include <string>
#include <xapian.h>

#include "db_xapian.h"

/* The docid of article ID in DB, its document into *DOC and its id term
 * into *IDTERM; 0 when DB has no such article.  A long id's term is a
 * prefix of it and a hash (common/keyterm.h): the id stored in the
 * document's data says which of the articles under it is ID.  Throws what
 * Xapian throws, DatabaseCorruptError when the term holds ID whole and the
 * document under it another, and std::bad_alloc. */
Xapian::docid tw_find_article(const trawl_db *db, const char *id, Xapian::Document *doc,
                              std::string *idterm);

#endif
