/* errors_xapian.h - turn whatever a C++ call threw into a trawl_status and a
 * message.  Call it only inside a catch block:
 *
 *     try { ... } catch (...) { return tw_catch(err, errlen, "writing index"); }
 */
#ifndef TW_ERRORS_XAPIAN_H
#define TW_ERRORS_XAPIAN_H

#include <stddef.h>

#include "trawl.h"

trawl_status tw_catch(char *err, size_t errlen, const char *doing) noexcept;

#endif
