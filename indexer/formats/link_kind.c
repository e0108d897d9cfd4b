/* link_kind.c - what a link's address says it leads a reader to
 * (link_kind.h). */
#include "link_kind.h"

#include <string.h>
#include <strings.h>

/* Social networks and messengers whose pages are a site's channels. */
static const char *const NETWORKS[] = {
    "facebook.com", "fb.com", "twitter.com", "x.com", "instagram.com", "t.me",
    "telegram.me", "youtube.com", "tiktok.com", "linkedin.com", "pinterest.com",
    "whatsapp.com", "wa.me", "vk.com", "threads.net", "snapchat.com", "weibo.com",
    "xing.com", "line.me", NULL
};

/* First parts of a path that share the page: on any site ("sharer.php",
 * "share?url=", "shareArticle"), on a network ("intent/tweet",
 * "send?text="); and those of a network's profile of two parts ("c/Name",
 * "channel/ID", "company/name", "in/name"). */
static const char *const SHARE[] = { "intent", "send", "submit", NULL };
static const char *const SHARE_ANYWHERE[] = { "share", "share.php", "sharer", "sharer.php",
                                              "sharearticle", NULL };
static const char *const PROFILE[] = { "c", "channel", "user", "company", "in", "groups", NULL };

/* Single parts of a network's path that are no profile: a video, a search. */
static const char *const NOT_PROFILE[] = { "watch", "embed", "search", "explore", "hashtag",
                                           "home", "login", NULL };

/* Whether S[0, N), without case, is one of WORDS. */
static bool part_is(const char *s, size_t n, const char *const *words)
{
    for (const char *const *w = words; *w; w++) {
        size_t k = strlen(*w);
        if (n == k && !strncasecmp(s, *w, k))
            return true;
    }
    return false;
}

/* Whether the host H[0, N) is one of NETWORKS or below one
 * ("www.facebook.com", "de.linkedin.com", "api.whatsapp.com"). */
static bool network(const char *h, size_t n)
{
    for (const char *const *w = NETWORKS; *w; w++) {
        size_t k = strlen(*w);
        if (n >= k && !strncasecmp(h + n - k, *w, k) && (n == k || h[n - k - 1] == '.'))
            return true;
    }
    return false;
}

bool tw_link_to_channel(const char *href)
{
    href += strspn(href, " \t\r\n");
    if (!strncasecmp(href, "mailto:", 7) || !strncasecmp(href, "tg:", 3) ||
        !strncasecmp(href, "whatsapp:", 9))
        return true;
    /* The last "//" before the query starts the host: an archive's copy
     * names the address it copied after its own (a share button names the
     * page it shares in its query). */
    size_t before_query = strcspn(href, "?#");
    const char *host = NULL;
    for (const char *p = strstr(href, "//"); p && (size_t)(p - href) < before_query;
         p = strstr(p + 2, "//"))
        host = p + 2;
    if (!host)
        return false;
    size_t hn = strcspn(host, "/?#:");
    const char *path = host + hn;
    path += strspn(path, ":0123456789");
    /* The path's parts, up to the query: the first, and whether more
     * follow. */
    if (*path == '/')
        path++;
    size_t first = strcspn(path, "/?#");
    /* A page of any site that shares another ("plus.google.com/share?url=",
     * "addtoany.com/share"); a network's own buttons have more names. */
    if (part_is(path, first, SHARE_ANYWHERE))
        return true;
    if (!network(host, hn))
        return false;
    if (!first)
        return false;           /* the network's home page */
    if (part_is(path, first, SHARE))
        return true;
    const char *rest = path + first;
    if (*rest == '/')
        rest++;
    size_t second = strcspn(rest, "/?#");
    const char *after = rest + second;
    if (*after == '/')
        after++;                /* a slash that ends the path */
    bool ends = !*after || *after == '?' || *after == '#';
    if (!second)                /* one part: a profile ("t.me/name", "x.com/@name") */
        return !part_is(path, first, NOT_PROFILE);
    return ends && part_is(path, first, PROFILE);
}
