/* errors_xapian.h - turn whatever a C++ call threw into a trawl_status and a
 * message.  Call them only inside a catch block:
 *
 *     try { ... } catch (...) { return tw_catch(err, errlen, "writing index"); }
 */
#ifndef TW_ERRORS_XAPIAN_H
#define TW_ERRORS_XAPIAN_H

#include <stddef.h>
#include <string>

#include "errors.h"
#include "trawl.h"

/* A failure whose message is written already (a damaged stub found on a
 * refresh): thrown by our own C++ code, passed on by tw_catch as it is. */
struct tw_error {
    trawl_status status;
    std::string message;
};

/* Whether E failed for want of a file descriptor (EMFILE, ENFILE): the
 * index is whole, and no "not an index" nor a rebuild is the answer. */
namespace Xapian { class Error; }
bool tw_out_of_files(const Xapian::Error &e) noexcept;

/* DOING says what failed ("committing the index").  A process out of file
 * descriptors is TRAWL_EIO, told what to do.  A damaged index
 * (Xapian's DatabaseCorruptError, or a table cut short) is TRAWL_ECORRUPT,
 * a query syntax error TRAWL_EQUERY with "bad query: ..." whatever DOING. */
TW_MUST_CHECK
trawl_status tw_catch(char *err, size_t errlen, const char *doing) noexcept;

/* The same while reading the index folder INDEX: a damaged index -- and a
 * document missing that a posting list names -- gets a message that names
 * INDEX, the generation to give xapian-check, and the trawl-index --full
 * that rebuilds it. */
TW_MUST_CHECK
trawl_status tw_catch_index(char *err, size_t errlen, const char *doing,
                            const char *index) noexcept;

/* Writes to ERR the message tw_catch_index writes for the index folder
 * INDEX found damaged, for the reason WHY ("postlist.glass is missing"):
 * the damage our own look at its files found (common/glass_tables.h).
 * Returns TRAWL_ECORRUPT. */
trawl_status tw_damaged(char *err, size_t errlen, const char *index, const char *why) noexcept;

#endif
