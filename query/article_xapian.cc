/* article_xapian.cc - trawl_db_get_article: one stored article, read back by its
 * id from the document data (common/docdata.h). */
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <xapian.h>

#include "trawl.h"
extern "C" {
#include "buf.h"
#include "docdata.h"
#include "schema.h"
}
#include "db_xapian.h"
#include "errors_xapian.h"
#include "excerpt_xapian.h"
#include "find_article_xapian.h"
#include "shown_fields_xapian.h"

namespace {

/* The fields of an article, in the order of trawl_article's strings. */
struct Field {
    const char *trawl_article::*member;
    tw_slice value;
};

/* One block holding the struct and, after it, each string with its NUL, so
 * that trawl_article_free is one free() and a caller cannot free half of it. */
trawl_article *pack(Field *fields, size_t n)
{
    size_t size = sizeof(trawl_article);
    for (size_t i = 0; i < n; i++)
        if (fields[i].value.ptr)
            size += fields[i].value.len + 1;
    char *block = static_cast<char *>(std::malloc(size));
    if (!block)
        return nullptr;
    trawl_article *a = reinterpret_cast<trawl_article *>(block);
    std::memset(a, 0, sizeof *a);
    a->size = sizeof *a;
    char *p = block + sizeof *a;
    for (size_t i = 0; i < n; i++) {
        const tw_slice &v = fields[i].value;
        if (!v.ptr)
            continue;
        std::memcpy(p, v.ptr, v.len);
        p[v.len] = '\0';
        a->*fields[i].member = p;
        p += v.len + 1;
    }
    return a;
}

}  // namespace

/* Reads article ID of DB into *OUT (trawl_db_get_article), with BODY as
 * scratch.  Throws what Xapian throws. */
static trawl_status read_article(trawl_db *db, const char *id, tw_buf *body, trawl_article **out)
{
    Xapian::Document doc;
    std::string idterm;
    if (!tw_find_article(db, id, &doc, &idterm))
        return tw_db_fail(db, TRAWL_ENOTFOUND, "no article with id %s in index %s", id,
                          db->path.c_str());
    std::string data = doc.get_data();
    tw_slice f[TW_F_COUNT];
    tw_docdata_parse(data.data(), data.size(), f);
    tw_slice text;
    if (tw_stored_text(db, doc, f, body, &text) < 0)
        return tw_db_fail(db, TRAWL_ECORRUPT, "the stored text of article %s in "
                          "index %s is damaged: rebuild the index from the "
                          "articles", id, db->path.c_str());
    tw_db_trim_title(db, f);
    Field fields[] = {
        { &trawl_article::id, f[TW_F_ID] },
        { &trawl_article::title, f[TW_F_TITLE] },
        { &trawl_article::body, text },
        { &trawl_article::date, f[TW_F_DATE] },
        { &trawl_article::url, f[TW_F_URL] },
        { &trawl_article::site, f[TW_F_SITE] },
        { &trawl_article::author, f[TW_F_AUTHOR] },
        { &trawl_article::path, f[TW_F_PATH] },
    };
    *out = pack(fields, sizeof fields / sizeof fields[0]);
    if (!*out)
        throw std::bad_alloc();
    return TRAWL_OK;
}

extern "C" trawl_status trawl_db_get_article(trawl_db *db, const char *id,
                                             trawl_article **out)
{
    if (!out)
        return db ? tw_db_fail(db, TRAWL_EINVAL, "no place given for the article") : TRAWL_EINVAL;
    *out = nullptr;
    if (!db)
        return TRAWL_EINVAL;
    if (!id || !*id)
        return tw_db_fail(db, TRAWL_EINVAL, "no article id given");
    tw_buf body = {};
    try {
        trawl_status st = tw_db_read(db, [&] { return read_article(db, id, &body, out); });
        tw_buf_free(&body);
        return st;
    } catch (...) {
        tw_buf_free(&body);
        return tw_catch_index(db->errmsg, sizeof db->errmsg, "reading an article",
                              db->path.c_str());
    }
}

extern "C" void trawl_article_free(trawl_article *article)
{
    std::free(article);
}
