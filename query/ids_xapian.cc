/* ids_xapian.cc - trawl_db_ids: the ids of an index's articles, in byte order,
 * read from their id terms (TW_PREFIX_ID).  A long id's term is a prefix of it
 * and a hash (common/keyterm.h), so each id is read from its article's shown
 * fields, never rebuilt from the term. */
#include <algorithm>
#include <new>
#include <string>
#include <vector>
#include <xapian.h>

#include "trawl.h"
extern "C" {
#include "buf.h"
#include "docdata.h"
#include "keyterm.h"
#include "schema.h"
}
#include "db_xapian.h"
#include "errors_xapian.h"
#include "shown_fields_xapian.h"

struct trawl_ids {
    trawl_db *db;
    std::string next_term;      /* where to look for the next id term */
    std::string last_term;      /* the term of the ids in batch, skipped when resuming */
    std::vector<std::string> batch;     /* the ids of one term, in order */
    size_t at = 0;              /* next of batch to hand out */
    bool done = false;
};

/* Fills IT's batch with the ids of the first id term from it->next_term on
 * (the one after last_term when they are the same); done when none is left. */
static void next_batch(trawl_ids *it)
{
    const Xapian::Database &db = it->db->db;
    const std::string prefix = TW_PREFIX_ID;
    Xapian::TermIterator t = db.allterms_begin(prefix);
    t.skip_to(it->next_term);
    if (t != db.allterms_end(prefix) && *t == it->last_term)
        ++t;
    it->batch.clear();
    it->at = 0;
    if (t == db.allterms_end(prefix)) {
        it->done = true;
        return;
    }
    std::string term = *t;
    for (Xapian::PostingIterator p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
        std::string data;
        tw_slice f[TW_F_COUNT];
        tw_shown_fields(it->db, db.get_document(*p), *p, false, data, f);
        if (f[TW_F_ID].ptr)
            it->batch.emplace_back(f[TW_F_ID].ptr, f[TW_F_ID].len);
    }
    std::sort(it->batch.begin(), it->batch.end());
    it->last_term = it->next_term = term;
}

extern "C" trawl_status trawl_db_ids(trawl_db *db, const char *from, trawl_ids **out)
{
    if (!out)
        return db ? tw_db_fail(db, TRAWL_EINVAL, "no place given for the ids") : TRAWL_EINVAL;
    *out = nullptr;
    if (!db)
        return TRAWL_EINVAL;
    trawl_ids *it = new (std::nothrow) trawl_ids;
    if (!it)
        return tw_db_fail(db, TRAWL_ENOMEM, "listing the ids: out of memory");
    it->db = db;
    tw_buf term = {};
    if (tw_key_term(&term, TW_PREFIX_ID, from && *from ? from : "") < 0) {
        delete it;
        return tw_db_fail(db, TRAWL_ENOMEM, "listing the ids: out of memory");
    }
    try {
        it->next_term.assign(term.data, term.len);
    } catch (...) {
        tw_buf_free(&term);
        delete it;
        return tw_db_fail(db, TRAWL_ENOMEM, "listing the ids: out of memory");
    }
    tw_buf_free(&term);
    *out = it;
    return TRAWL_OK;
}

extern "C" trawl_status trawl_ids_next(trawl_ids *it, const char **id)
{
    if (!id)
        return it ? tw_db_fail(it->db, TRAWL_EINVAL, "no place given for the next id")
                  : TRAWL_EINVAL;
    *id = nullptr;
    if (!it)
        return TRAWL_EINVAL;
    try {
        while (it->at == it->batch.size() && !it->done)
            tw_db_read(it->db, [it] { next_batch(it); });
    } catch (...) {
        return tw_catch_index(it->db->errmsg, sizeof it->db->errmsg, "listing the ids",
                              it->db->path.c_str());
    }
    if (it->at < it->batch.size())
        *id = it->batch[it->at++].c_str();
    return TRAWL_OK;
}

extern "C" void trawl_ids_free(trawl_ids *it)
{
    delete it;
}
