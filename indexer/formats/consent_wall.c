/* consent_wall.c - pages that are only a cookie consent prompt
 * (consent_wall.h). */
#include "consent_wall.h"

#include <string.h>
#include <strings.h>

#include "html_tree.h"

/* Text outside the prompt up to this many bytes is a logo, a title or a
 * link or two, not an article's sentence. */
#define OUTSIDE_MAX 80

/* A prompt says more than a button's label, and less than an article
 * that a wrapper named for the prompt a page shows over it would hold
 * ("<div id=cookie-wall-wrapper>" around all of the page). */
#define PROMPT_MIN 100
#define PROMPT_MAX 4000

/* Whether N's class or id names a consent prompt. */
static bool names_prompt(xmlNodePtr n)
{
    static const char *const words[] = { "cookie", "consent", "gdpr", NULL };
    static const char *const attrs[] = { "class", "id", NULL };
    bool says = false;
    for (const char *const *a = attrs; *a && !says; a++) {
        xmlChar *v = xmlGetProp(n, (const xmlChar *)*a);
        for (const char *const *w = words; v && *w && !says; w++)
            says = strcasestr((const char *)v, *w) != NULL;
        xmlFree(v);
    }
    return says;
}

/* Whether N holds an <article> or <main>: a wrapper of the page named for
 * the prompt it also shows, not the prompt. */
static bool holds_page(xmlNodePtr n)
{
    for (xmlNodePtr d = n->children ? n->children : NULL; d; d = tw_html_next(d, n, false))
        if (d->type == XML_ELEMENT_NODE && (tw_html_is(d, "article") || tw_html_is(d, "main")))
            return true;
    return false;
}

/* The bytes of N's text that are not white space. */
static size_t visible(const xmlNode *n)
{
    size_t len = 0;
    for (const char *s = (const char *)n->content; s && *s; s++)
        len += !strchr(" \t\r\n", *s);
    return len;
}

bool tw_consent_wall(xmlNodePtr root)
{
    size_t inside = 0, outside = 0;
    /* The prompt being walked: the text below it is the prompt's. */
    xmlNodePtr prompt = NULL;
    for (xmlNodePtr n = root; n;) {
        bool skip = false;
        if (n->type == XML_ELEMENT_NODE) {
            skip = tw_html_never_text(n);
            /* <body> and <html> are not asked: their classes tell the
             * page's state ("cookie-banner-shown"). */
            if (!skip && !prompt && !(tw_html_tag(n) & TW_TAG_ROOT) && names_prompt(n) &&
                !holds_page(n))
                prompt = n;
        } else if (n->type == XML_TEXT_NODE) {
            size_t len = visible(n);
            if (prompt)
                inside += len;
            else if ((outside += len) > OUTSIDE_MAX)
                return false;
        }
        xmlNodePtr next = tw_html_next(n, root, skip);
        /* Leaving the prompt: the next node is not below it. */
        if (prompt) {
            xmlNodePtr up = next;
            while (up && up != prompt)
                up = up->parent;
            if (!up)
                prompt = NULL;
        }
        n = next;
    }
    return inside >= PROMPT_MIN && inside <= PROMPT_MAX;
}
