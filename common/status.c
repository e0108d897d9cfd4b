/* status.c - the text of each trawl_status, and the library version.  How a
 * function inside the library reports a failure: common/errors.h. */
#include "trawl.h"
#include "version.h"

const char *trawl_strerror(trawl_status status)
{
    switch (status) {
    case TRAWL_OK:        return "success";
    case TRAWL_ENOMEM:    return "out of memory";
    case TRAWL_EINVAL:    return "invalid argument";
    case TRAWL_ENOINDEX:  return "no index at this path";
    case TRAWL_ELOCKED:   return "index is locked by another writer";
    case TRAWL_ESCHEMA:   return "index was written with an incompatible schema";
    case TRAWL_ECORRUPT:  return "index is damaged or not a trawl index";
    case TRAWL_EQUERY:    return "query syntax error";
    case TRAWL_EIO:       return "input/output error";
    case TRAWL_EFORMAT:   return "input format not understood";
    case TRAWL_EINTERNAL: return "internal error";
    case TRAWL_ENOTFOUND: return "no such article";
    case TRAWL_EINTR:     return "interrupted";
    case TRAWL_ESHARD:    return "a shard of the index did not answer";
    }
    return "unknown status";
}

const char *trawl_version(void)
{
    return TRAWL_VERSION;
}
