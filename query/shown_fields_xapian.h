/* shown_fields_xapian.h - the fields a hit is shown with (common/docdata.h),
 * read from its document as cheaply as the hit allows. */
#ifndef TW_SHOWN_FIELDS_XAPIAN_H
#define TW_SHOWN_FIELDS_XAPIAN_H

#include <map>
#include <string>
#include <vector>
#include <xapian.h>

#include "db_xapian.h"

/* Throws Xapian::DatabaseCorruptError, naming document DID of DB's union,
 * when DATA, its record (RECORD) or its shown fields' value, is damage by
 * its seal (common/docdata.h, tw_seal_damaged, with the mark of the shard
 * that holds it: tw_shards_doc_seals): glass would hand back spoiled
 * bytes as they are. */
void tw_seal_check(const trawl_db *db, const std::string &data, Xapian::docid did, bool record);

/* The fields of DOC, document DID of DB's union, into FIELDS, kept in
 * DATA: with the body (WITH_BODY) from the record; else from TW_SLOT_SHOWN,
 * which spares reading (and glass inflating) the whole record, unless the
 * index predates the slot.  The record or the value that tw_shown_fields
 * parses, tw_shown_record reads; each throws Xapian::DatabaseCorruptError
 * when it fails its seal (tw_seal_check). */
void tw_shown_fields(const trawl_db *db, const Xapian::Document &doc, Xapian::docid did,
                     bool with_body, std::string &data, tw_slice fields[TW_F_COUNT]);
std::string tw_shown_record(const trawl_db *db, const Xapian::Document &doc, Xapian::docid did,
                            bool with_body);

/* The id term (TW_PREFIX_ID) of the article whose shown fields SHOWN holds
 * (a match's sort key, over remote shards) into TERM; false when SHOWN has
 * no id (an index from before the shown fields' value).  A match of such
 * terms fetches a value of many hits in one exchange with each server.
 * Throws std::bad_alloc. */
bool tw_shown_id_term(const std::string &shown, std::string &term);

/* The id term of hit DID, at place AT of SENT, a match that sent its hits'
 * shown fields as their sort keys, into TERM (tw_shown_id_term); false when
 * SENT's hit there is another article (a copy of its story shown in its
 * stead) or sent no id.  Throws std::bad_alloc. */
bool tw_sent_id_term(const Xapian::MSet &sent, Xapian::doccount at, Xapian::docid did,
                     std::string &term);

/* The value in SLOT of the articles whose id terms ID_TERMS are (from
 * tw_shown_id_term), by docid in DB: sent, over remote shards, in one
 * exchange with each server (a match of the terms sorted by the value,
 * which comes with each hit as its sort key), where reading their
 * documents would be one each.  An id may be in two indexes searched
 * together: the hit's own docid picks the right one. */
std::map<Xapian::docid, std::string> tw_values_sent(const Xapian::Database &db,
                                                    const std::vector<std::string> &id_terms,
                                                    Xapian::valueno slot);

/* Shortens the title of FIELDS (common/docdata.h) by the tail its url's host
 * adds to its pages' titles, when an index of DB learnt one
 * (TW_META_TITLE_TAIL): each learns from its own pages, and a host's pages
 * may be spread over several. */
void tw_db_trim_title(const trawl_db *db, tw_slice fields[TW_F_COUNT]);

#endif
