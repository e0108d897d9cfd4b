/* errors_xapian.cc - the one place that knows which Xapian exception means what. */
#include "errors_xapian.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>
#include <fcntl.h>
#include <unistd.h>
#include <xapian.h>

extern "C" {
#include "docdata.h"
#include "stub.h"
}

/* Whether a DatabaseError that is no subclass's says the index's files are
 * damaged: Xapian 1.4 reports a block past the end of a table that was cut
 * short that way, not as DatabaseCorruptError.  ("Error reading block" is the
 * disk's failure, with its errno: an I/O error.  Glass keeps no block
 * checksums, so there is no checksum message to look for.)  A stored tag
 * (an article's data, a long posting list) whose compressed bytes were
 * spoiled fails zlib's inflate, and Xapian says so in a plain DatabaseError
 * too ("inflate failed (invalid code lengths set)"): read as an I/O error,
 * the user was not told the index is damaged, nor how to mend it. */
static bool damage_message(const Xapian::Error &e)
{
    const std::string &msg = e.get_msg();
    return msg.find("EOF reading block") != std::string::npos ||
           msg.compare(0, 14, "inflate failed") == 0;
}

/* What to give xapian-check for the index folder DIR: the generation its
 * XAPIANDB stub names (common/stub.h), or DIR itself when there is none (an
 * index written in place) or the stub is damaged too. */
static std::string check_target(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return dir;
    unsigned gen;
    char why[8];
    tw_stub_state state = tw_stub_check(fd, dir, &gen, why, sizeof why);
    close(fd);
    return state == TW_STUB_OK ? std::string(dir) + "/gen-" + std::to_string(gen) : dir;
}

static trawl_status damaged(char *err, size_t errlen, const char *doing, const char *index,
                            const std::string &why)
{
    /* A record that fails its seal (common/docdata.h) passes xapian-check,
     * which reads the blocks, not what they hold. */
    bool sealed = why.find(TW_SEAL_FAILED) != std::string::npos;
    if (index && sealed)
        std::snprintf(err, errlen, "index %s is damaged (%s): rebuild it from the articles",
                      index, why.c_str());
    else if (index)
        std::snprintf(err, errlen,
                      "index %s is damaged (%s): check it with 'xapian-check %s', or rebuild "
                      "it from the articles", index, why.c_str(), check_target(index).c_str());
    else
        std::snprintf(err, errlen,
                      "%s: the index is damaged (%s): check it with xapian-check, or rebuild "
                      "it from the articles", doing, why.c_str());
    return TRAWL_ECORRUPT;
}

trawl_status tw_damaged(char *err, size_t errlen, const char *index, const char *why) noexcept
{
    try {
        return damaged(err, errlen, nullptr, index, why);
    } catch (...) {
        std::snprintf(err, errlen, "index %s is damaged (%s): rebuild it from the articles",
                      index, why);
        return TRAWL_ECORRUPT;
    }
}

trawl_status tw_catch(char *err, size_t errlen, const char *doing) noexcept
{
    return tw_catch_index(err, errlen, doing, nullptr);
}

bool tw_out_of_files(const Xapian::Error &e) noexcept
{
    /* A failed open names the errno as the error string; a failed commit
     * wraps it in its message ("Modifications failed (DatabaseOpeningError:
     * Couldn't write new rev file: ... (Too many open files)), ...").
     * ENFILE's text starts with EMFILE's. */
    const char *why = e.get_error_string();
    if (why && (std::strcmp(why, std::strerror(EMFILE)) == 0 ||
                std::strcmp(why, std::strerror(ENFILE)) == 0))
        return true;
    return e.get_msg().find(std::strerror(EMFILE)) != std::string::npos;
}

trawl_status tw_catch_index(char *err, size_t errlen, const char *doing,
                            const char *index) noexcept
{
    try {
        try {
            /* Out of file descriptors, a table Xapian could not open was
             * "not an index", or damage with a rebuild to do. */
            try {
                throw;
            } catch (const Xapian::Error &e) {
                if (!tw_out_of_files(e))
                    throw;
                const char *why = e.get_error_string();
                std::snprintf(err, errlen, "%s: %s%s%s%s: %s", doing, e.get_msg().c_str(),
                              why ? " (" : "", why ? why : "", why ? ")" : "",
                              tw_unreadable_file_advice(EMFILE));
                return TRAWL_EIO;
            }
        } catch (const tw_error &e) {
            std::snprintf(err, errlen, "%s", e.message.c_str());
            return e.status;
        } catch (const Xapian::DatabaseLockError &e) {
            /* Another writer, or a lock file that cannot be made (a read-only disk). */
            if (e.get_msg().find("already locked") != std::string::npos) {
                std::snprintf(err, errlen, "%s: the index is locked by another writer", doing);
                return TRAWL_ELOCKED;
            }
            std::snprintf(err, errlen, "%s: %s", doing, e.get_msg().c_str());
            return TRAWL_EIO;
        } catch (const Xapian::DatabaseNotFoundError &e) {
            std::snprintf(err, errlen, "%s: no index there", doing);
            return TRAWL_ENOINDEX;
        } catch (const Xapian::DatabaseCorruptError &e) {
            return damaged(err, errlen, doing, index, e.get_msg());
        } catch (const Xapian::DatabaseVersionError &e) {
            std::snprintf(err, errlen, "%s: not an index this Xapian can read: %s", doing,
                          e.get_msg().c_str());
            return TRAWL_ECORRUPT;
        } catch (const Xapian::DatabaseOpeningError &e) {
            std::snprintf(err, errlen, "%s: cannot open the index: %s", doing,
                          e.get_msg().c_str());
            return TRAWL_ECORRUPT;
        } catch (const Xapian::QueryParserError &e) {
            /* Whatever the caller was doing, this is what the user typed. */
            std::snprintf(err, errlen, "bad query: %s", e.get_msg().c_str());
            return TRAWL_EQUERY;
        } catch (const Xapian::DocNotFoundError &e) {
            /* Reading an index (INDEX given), a document that a posting list
             * names is missing: the tables disagree. */
            if (index)
                return damaged(err, errlen, doing, index, e.get_msg());
            std::snprintf(err, errlen, "%s: %s", doing, e.get_msg().c_str());
            return TRAWL_EINTERNAL;
        } catch (const Xapian::DatabaseError &e) {
            if (damage_message(e))
                return damaged(err, errlen, doing, index, e.get_msg());
            /* Write failures (a full disk, a read-only file system) arrive as
             * these, with the system's reason in the error string. */
            const char *why = e.get_error_string();
            std::snprintf(err, errlen, "%s: %s%s%s%s", doing, e.get_msg().c_str(),
                          why && *why ? " (" : "", why && *why ? why : "",
                          why && *why ? ")" : "");
            return TRAWL_EIO;
        } catch (const Xapian::NetworkError &e) {
            /* A remote shard (query/shards_xapian.h) that stopped answering
             * in the middle of a call; Xapian names it in the context,
             * "remote:tcp(HOST:PORT)". */
            const std::string &where = e.get_context();
            std::string shard = where.compare(0, 11, "remote:tcp(") == 0 && where.back() == ')'
                                    ? "tcp://" + where.substr(11, where.size() - 12) : where;
            std::snprintf(err, errlen, "%s: shard %s did not answer: %s", doing, shard.c_str(),
                          e.get_msg().c_str());
            return TRAWL_ESHARD;
        } catch (const Xapian::InvalidArgumentError &e) {
            std::snprintf(err, errlen, "%s: %s", doing, e.get_msg().c_str());
            return TRAWL_EINVAL;
        } catch (const Xapian::Error &e) {
            std::snprintf(err, errlen, "%s: %s: %s", doing, e.get_type(), e.get_msg().c_str());
            return TRAWL_EINTERNAL;
        } catch (const std::bad_alloc &) {
            std::snprintf(err, errlen, "%s: out of memory", doing);
            return TRAWL_ENOMEM;
        } catch (const std::exception &e) {
            std::snprintf(err, errlen, "%s: %s", doing, e.what());
            return TRAWL_EINTERNAL;
        } catch (...) {
            std::snprintf(err, errlen, "%s: unknown error", doing);
            return TRAWL_EINTERNAL;
        }
    } catch (...) {
        /* Building the message ran out of memory. */
        std::snprintf(err, errlen, "%s: out of memory", doing);
        return TRAWL_ENOMEM;
    }
}
