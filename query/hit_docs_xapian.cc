/* hit_docs_xapian.cc - the documents of a page's hits, read from their remote
 * shards side by side. */
#include "hit_docs_xapian.h"

#include <exception>
#include <memory>
#include <system_error>
#include <thread>

#include "db_xapian.h"

/* Xapian's objects are not safe to share between threads, down to the
 * reference counts of a database's internals, which each document read
 * takes.  Each thread reads from one shard's own Database, which no other
 * thread touches until all have been joined. */
void tw_hit_docs_read(const trawl_db *db, std::vector<TwRanked> &ranked, size_t from, size_t to,
                      const std::function<bool(const TwRanked &)> &known)
{
    size_t n = db->live.size();
    if (n < 2 || n != db->db.size() || !tw_shards_remote(db))
        return;     /* one shard, or no telling which member is which */
    std::vector<std::vector<size_t>> by_member(n);
    for (size_t i = from; i < to && i < ranked.size(); i++) {
        size_t m = tw_union_member(ranked[i].did, n);
        if (!ranked[i].doc && db->shards[db->live[m]].port && !(known && known(ranked[i])))
            by_member[m].push_back(i);
    }
    std::vector<size_t> busy;
    for (size_t m = 0; m < n; m++)
        if (!by_member[m].empty())
            busy.push_back(m);
    if (busy.size() < 2)
        return;     /* one server: tw_hit_document's round trips are the same */
    std::vector<std::exception_ptr> failed(busy.size());
    auto read = [&](size_t k) {
        try {
            size_t m = busy[k];
            const Xapian::Database &shard = db->shards[db->live[m]].db;
            for (size_t i : by_member[m])
                ranked[i].doc.reset(new Xapian::Document(shard.get_document(
                    tw_member_docid(ranked[i].did, n), Xapian::DOC_ASSUME_VALID)));
        } catch (...) {
            failed[k] = std::current_exception();
        }
    };
    for (size_t m : busy) {
        db->search_work.documents += by_member[m].size();
        db->search_work.documents_together += by_member[m].size();
    }
    std::vector<std::thread> threads;
    threads.reserve(busy.size());
    size_t k = 1;
    try {
        for (; k < busy.size(); k++)
            threads.emplace_back(read, k);
    } catch (const std::system_error &) {
        /* no more threads to be had: the rest on this one */
    }
    read(0);
    for (size_t j = k; j < busy.size(); j++)
        read(j);
    for (std::thread &t : threads)
        t.join();
    for (const std::exception_ptr &e : failed)
        if (e)
            std::rethrow_exception(e);
}
