/* errors_xapian.cc - the one place that knows which Xapian exception means what. */
#include "errors_xapian.h"

#include <cstdio>
#include <new>
#include <string>
#include <xapian.h>

trawl_status tw_catch(char *err, size_t errlen, const char *doing) noexcept
{
    try {
        throw;
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
        std::snprintf(err, errlen, "%s: index is damaged: %s", doing, e.get_msg().c_str());
        return TRAWL_ECORRUPT;
    } catch (const Xapian::DatabaseVersionError &e) {
        std::snprintf(err, errlen, "%s: not an index this Xapian can read: %s", doing,
                      e.get_msg().c_str());
        return TRAWL_ECORRUPT;
    } catch (const Xapian::DatabaseOpeningError &e) {
        std::snprintf(err, errlen, "%s: cannot open the index: %s", doing,
                      e.get_msg().c_str());
        return TRAWL_ECORRUPT;
    } catch (const Xapian::QueryParserError &e) {
        std::snprintf(err, errlen, "%s: %s", doing, e.get_msg().c_str());
        return TRAWL_EQUERY;
    } catch (const Xapian::DatabaseError &e) {
        /* Write failures (a full disk, a read-only file system) arrive as these,
         * with the system's reason in the error string. */
        const char *why = e.get_error_string();
        std::snprintf(err, errlen, "%s: %s%s%s%s", doing, e.get_msg().c_str(),
                      why && *why ? " (" : "", why && *why ? why : "", why && *why ? ")" : "");
        return TRAWL_EIO;
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
}
