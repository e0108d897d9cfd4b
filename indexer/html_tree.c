/* html_tree.c - walking libxml2's tree of a page, and writing its text. */
#include "html_tree.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

bool tw_html_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, name) == 0;
}

xmlNodePtr tw_html_next(xmlNodePtr n, xmlNodePtr root, bool skip)
{
    if (!skip && n->children)
        return n->children;
    while (n && n != root) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

static bool named(const xmlNode *n, const char *const *names)
{
    if (n->type != XML_ELEMENT_NODE)
        return false;
    for (; *names; names++)
        if (strcasecmp((const char *)n->name, *names) == 0)
            return true;
    return false;
}

bool tw_html_never_text(const xmlNode *n)
{
    /* Not <form>: ASP.NET pages wrap the whole page in one. */
    static const char *const names[] = {
        "script", "style", "noscript", "template", "iframe", "svg", "button",
        "select", "textarea", "head", "input", "object", "embed", "canvas", "video",
        "audio", "map", "math", NULL
    };
    return named(n, names);
}

bool tw_html_is_block(const xmlNode *n)
{
    static const char *const names[] = {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
        "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr",
        "figure", "figcaption", "hr", "address", "details", "summary", "header",
        "footer", "aside", "nav", "center", "caption", NULL
    };
    return named(n, names);
}

int tw_html_put_collapsed(tw_buf *out, const char *text)
{
    for (const char *p = text; *p;) {
        if (isspace((unsigned char)*p)) {
            while (isspace((unsigned char)*p))
                p++;
            if (tw_buf_putc(out, ' ') < 0)
                return -1;
            continue;
        }
        const char *q = p;
        while (*q && !isspace((unsigned char)*q))
            q++;
        if (tw_buf_append(out, p, (size_t)(q - p)) < 0)
            return -1;
        p = q;
    }
    return 0;
}

int tw_html_text(xmlNodePtr root, tw_buf *out, bool (*leave_out)(xmlNodePtr n, void *ctx),
                 void *ctx)
{
    for (xmlNodePtr n = root->children; n;) {
        bool skip = n->type == XML_ELEMENT_NODE &&
                    (tw_html_never_text(n) || (leave_out && leave_out(n, ctx)));
        if (skip) {
            /* nothing of it */
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
                   n->content) {
            if (tw_html_put_collapsed(out, (const char *)n->content) < 0)
                return -1;
        } else if (tw_html_is(n, "br")) {
            if (tw_buf_putc(out, '\n') < 0)
                return -1;
        } else if (tw_html_is_block(n) && tw_buf_puts(out, "\n\n") < 0) {
            return -1;
        }
        /* Leaving blocks: a paragraph break after each block we climb out of. */
        if (skip || !n->children) {
            xmlNodePtr up = n;
            while (up != root && !up->next) {
                up = up->parent;
                if (up != root && tw_html_is_block(up) && tw_buf_puts(out, "\n\n") < 0)
                    return -1;
            }
        }
        n = tw_html_next(n, root, skip);
    }
    return 0;
}
