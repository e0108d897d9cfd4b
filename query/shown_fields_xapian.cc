/* shown_fields_xapian.cc - the fields a hit is shown with, read from its
 * document, its title without the tail its site adds. */
#include <cstring>
#include <new>
#include <string>
#include <xapian.h>

extern "C" {
#include "buf.h"
#include "keyterm.h"
#include "schema.h"
#include "title_tail.h"
#include "url.h"
}
#include "shown_fields_xapian.h"
#include "all_docs_xapian.h"
#include "kept_answers_xapian.h"

namespace {
/* The document's other value (its shown fields for a record, its record
 * for those), read only when tw_seal_damaged asks: its own look-up. */
struct Twin {
    const trawl_db *db;
    Xapian::docid did;
    bool record;    /* the value checked is the record */
};
}

static int twin_sealed(void *arg)
{
    const Twin *t = static_cast<const Twin *>(arg);
    Xapian::Document doc = t->db->db.get_document(t->did);
    std::string data = t->record ? doc.get_value(TW_SLOT_SHOWN) : doc.get_data();
    return tw_docdata_sealed(data.data(), data.size());
}

void tw_seal_check(const trawl_db *db, const std::string &data, Xapian::docid did, bool record)
{
    int sealed = tw_docdata_sealed(data.data(), data.size());
    if (sealed > 0)
        return;
    Twin twin = { db, did, record };
    if (!tw_seal_damaged(sealed, tw_shards_doc_seals(db, did), twin_sealed, &twin))
        return;
    /* (Without one, its seal's own tag or length was spoiled, or the
     * record cut short.) */
    const char *how = record ? sealed ? "fails its " : "lacks its "
                             : sealed ? "fail their " : "lack their ";
    throw Xapian::DatabaseCorruptError(
        (record ? "the record of document " + std::to_string(did) + " (docdata.glass) "
                : "the shown fields of document " + std::to_string(did) + " (postlist.glass) ") +
        how + TW_SEAL_FAILED);
}

std::string tw_shown_record(const trawl_db *db, const Xapian::Document &doc, Xapian::docid did,
                            bool with_body)
{
    std::string data;
    if (!with_body)
        data = doc.get_value(TW_SLOT_SHOWN);
    bool record = with_body || data.empty();
    if (record)
        data = doc.get_data();
    tw_seal_check(db, data, did, record);
    return data;
}

void tw_shown_fields(const trawl_db *db, const Xapian::Document &doc, Xapian::docid did,
                     bool with_body, std::string &data, tw_slice fields[TW_F_COUNT])
{
    data = tw_shown_record(db, doc, did, with_body);
    tw_docdata_parse(data.data(), data.size(), fields);
}

void tw_db_trim_title(const trawl_db *db, tw_slice fields[TW_F_COUNT])
{
    tw_slice &title = fields[TW_F_TITLE], &url = fields[TW_F_URL];
    size_t sep, tail;
    if (!title.ptr || !url.ptr || !tw_title_tail(title.ptr, title.len, &sep, &tail))
        return;
    tw_buf host = {};
    std::string u(url.ptr, url.len);
    if (tw_url_site_key(u.c_str(), &host) < 0)
        throw std::bad_alloc();
    std::string key = TW_META_TITLE_TAIL + std::string(host.data ? host.data : "", host.len);
    tw_buf_free(&host);
    const std::string &learnt = tw_db_learnt(db, key);
    if (!learnt.empty() && learnt.size() == title.len - tail &&
        !std::memcmp(title.ptr + tail, learnt.data(), learnt.size()))
        title.len = sep;
}

bool tw_shown_id_term(const std::string &shown, std::string &term)
{
    tw_slice fields[TW_F_COUNT];
    tw_docdata_parse(shown.data(), shown.size(), fields);
    const tw_slice &id = fields[TW_F_ID];
    if (!id.ptr)
        return false;
    tw_buf made = {};
    int rc = tw_key_term(&made, TW_PREFIX_ID, std::string(id.ptr, id.len).c_str());
    if (rc == 0)
        term.assign(made.data, made.len);
    tw_buf_free(&made);
    if (rc < 0)
        throw std::bad_alloc();
    return true;
}

bool tw_sent_id_term(const Xapian::MSet &sent, Xapian::doccount at, Xapian::docid did,
                     std::string &term)
{
    Xapian::MSetIterator m = sent[at];
    return *m == did && tw_shown_id_term(m.get_sort_key(), term);
}

std::map<Xapian::docid, std::string> tw_values_sent(const Xapian::Database &db,
                                                    const std::vector<std::string> &id_terms,
                                                    Xapian::valueno slot)
{
    std::map<Xapian::docid, std::string> values;
    if (id_terms.empty())
        return values;
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, id_terms.begin(), id_terms.end()));
    tw_weigh_nothing(enquire, true);     /* asked only of remote shards */
    enquire.set_sort_by_value(slot, false);
    Xapian::MSet sent = enquire.get_mset(0, 2 * (Xapian::doccount)id_terms.size());
    for (Xapian::MSetIterator m = sent.begin(); m != sent.end(); ++m)
        values[*m] = m.get_sort_key();
    return values;
}
