/* link_kind.h - what a link's address says it leads a reader to. */
#ifndef TW_LINK_KIND_H
#define TW_LINK_KIND_H

#include <stdbool.h>

/* Whether HREF leads the reader to the site's channels rather than to
 * more of a story: a profile on a social network or a messenger
 * ("https://t.me/guatemalacom", "instagram.com/eluniversal/",
 * "youtube.com/c/Name", "linkedin.com/company/name"), a button that shares
 * the page ("facebook.com/sharer.php?u=...", "twitter.com/intent/tweet",
 * "api.whatsapp.com/send?text=..."), or a letter to write ("mailto:").
 * A post on such a network ("twitter.com/name/status/123",
 * "instagram.com/p/..."), which a story cites as a source, is not.  An
 * archive's copy of the address (".../web/2021/https://t.me/name") is
 * read as the address. */
bool tw_link_to_channel(const char *href);

#endif
