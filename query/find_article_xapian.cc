/* find_article_xapian.cc - an article's document, found by its id. */
#include "find_article_xapian.h"
#include "shown_fields_xapian.h"

#include <cstring>
#include <new>

extern "C" {
#include "buf.h"
#include "docdata.h"
#include "keyterm.h"
#include "schema.h"
}

Xapian::docid tw_find_article(const trawl_db *db, const char *id, Xapian::Document *doc,
                              std::string *idterm)
{
    tw_buf term = {};
    if (tw_key_term(&term, TW_PREFIX_ID, id) < 0)
        throw std::bad_alloc();
    idterm->assign(term.data, term.len);
    tw_buf_free(&term);
    size_t id_len = std::strlen(id);
    Xapian::docid filed = 0;
    for (Xapian::PostingIterator p = db->db.postlist_begin(*idterm);
         p != db->db.postlist_end(*idterm); ++p) {
        filed = *p;
        *doc = db->db.get_document(*p);
        /* (The document keeps the data it read: the article's reader
         * takes it from there, checked.) */
        std::string data = doc->get_data();
        tw_seal_check(db, data, *p, true);
        tw_slice f[TW_F_COUNT];
        tw_docdata_parse(data.data(), data.size(), f);
        if (f[TW_F_ID].len == id_len && std::memcmp(f[TW_F_ID].ptr, id, id_len) == 0)
            return *p;
    }
    /* An id its term holds whole names one article: a document filed under
     * it whose record holds another id (its bytes spoiled, the blocks
     * whole) is damage, which "no article with id" hid. */
    if (filed && id_len <= TW_MAX_KEY_TERM)
        throw Xapian::DatabaseCorruptError("the record of document " + std::to_string(filed) +
                                           " does not hold its id");
    return 0;
}
