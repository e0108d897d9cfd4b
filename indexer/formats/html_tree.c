/* html_tree.c - walking libxml2's tree of a page, and writing its text. */
#include "html_tree.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

bool tw_html_is(const xmlNode *n, const char *name)
{
    /* The first letters first, inline: most asks part there ('A' and 'a'
     * differ only in the bit 0x20; two characters that differ elsewhere
     * differ in any case), and the extractor asks this of every element of
     * a page for a dozen names. */
    const char *own = (const char *)n->name;
    return n->type == XML_ELEMENT_NODE && ((own[0] ^ name[0]) & ~0x20) == 0 &&
           strcasecmp(own, name) == 0;
}

xmlNodePtr tw_html_next(xmlNodePtr n, xmlNodePtr root, bool skip)
{
    /* An entity a feed declares and does not expand (extract_feed.c) is a
     * leaf: its "children" are the declaration's, under the DTD, and a walk
     * into them climbs out of ROOT and round the whole document again. */
    if (!skip && n->children && n->type != XML_ENTITY_REF_NODE)
        return n->children;
    while (n && n != root) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

/* Whether C is HTML's white space, which parts the names of a class
 * attribute.  Tested inline: strspn's set-up cost more than the names (two
 * of them an element, for every element of a page). */
static bool html_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

const char *tw_html_class_next(const char **at, size_t *len)
{
    const char *name = *at;
    if (!name)
        return NULL;
    while (html_space(*name))
        name++;
    const char *end = name;
    while (*end && !html_space(*end))
        end++;
    *at = end;
    *len = (size_t)(end - name);
    return *len ? name : NULL;
}

xmlChar *tw_html_class_with(const xmlNode *n, const char *const *words)
{
    /* libxml2's HTML parser keeps an attribute's value, its entities
     * decoded, as one text node. */
    xmlAttrPtr attr = xmlHasProp(n, (const xmlChar *)"class");
    const xmlNode *text = attr ? attr->children : NULL;
    if (!text || text->type != XML_TEXT_NODE || text->next || !text->content)
        return NULL;
    /* Each word is tried only where a letter that starts one stands, found
     * by strpbrk: strcasestr, once a word, cost more in its set-up than
     * the short value it read (the author rule asks it of every element of
     * a page without an author). */
    char firsts[16];
    size_t k = 0;
    const char *const *w;
    for (w = words; *w && k + 2 < sizeof firsts; w++) {
        firsts[k++] = **w;
        firsts[k++] = (char)toupper((unsigned char)**w);
    }
    firsts[k] = '\0';
    bool all_firsts = !*w;      /* else every place is tried */
    for (const char *at = (const char *)text->content;
         all_firsts ? (at = strpbrk(at, firsts)) != NULL : *at != '\0'; at++)
        for (w = words; *w; w++)
            if ((char)tolower((unsigned char)*at) == **w &&
                !strncasecmp(at + 1, *w + 1, strlen(*w + 1)))
                return xmlStrdup(text->content);
    return NULL;
}

/* The elements with a kind, sorted by name for the binary search. */
static const struct {
    const char *name;
    unsigned kind;
} TAGS[] = {
    { "a", TW_TAG_LINK },
    { "address", TW_TAG_BLOCK },
    { "article", TW_TAG_BLOCK | TW_TAG_BOX },
    { "aside", TW_TAG_BLOCK | TW_TAG_LIST | TW_TAG_ASIDE },
    { "audio", TW_TAG_NEVER },
    { "blockquote", TW_TAG_BLOCK | TW_TAG_PARA },
    { "body", TW_TAG_ROOT },
    { "button", TW_TAG_NEVER },
    { "canvas", TW_TAG_NEVER },
    { "caption", TW_TAG_BLOCK },
    { "center", TW_TAG_BLOCK },
    { "datalist", TW_TAG_NEVER },   /* an input's suggestions, never shown as text */
    { "dd", TW_TAG_BLOCK | TW_TAG_PARA | TW_TAG_LINE },
    { "details", TW_TAG_BLOCK },
    { "dir", TW_TAG_BLOCK | TW_TAG_LIST },
    { "div", TW_TAG_BLOCK | TW_TAG_BOX | TW_TAG_LIST },
    { "dl", TW_TAG_BLOCK | TW_TAG_LIST },
    { "dt", TW_TAG_BLOCK | TW_TAG_LINE },
    { "embed", TW_TAG_NEVER },
    { "fieldset", TW_TAG_BLOCK },
    { "figcaption", TW_TAG_BLOCK },
    { "figure", TW_TAG_BLOCK },
    { "footer", TW_TAG_BLOCK | TW_TAG_ASIDE },
    { "h1", TW_TAG_BLOCK | TW_TAG_HEADING | TW_TAG_LINE },
    { "h2", TW_TAG_BLOCK | TW_TAG_HEADING | TW_TAG_LINE },
    { "h3", TW_TAG_BLOCK | TW_TAG_HEADING | TW_TAG_LINE },
    { "h4", TW_TAG_BLOCK | TW_TAG_HEADING | TW_TAG_LINE },
    { "h5", TW_TAG_BLOCK | TW_TAG_HEADING | TW_TAG_LINE },
    { "h6", TW_TAG_BLOCK | TW_TAG_HEADING | TW_TAG_LINE },
    { "head", TW_TAG_NEVER },
    { "header", TW_TAG_BLOCK },
    { "hgroup", TW_TAG_BLOCK },
    { "hr", TW_TAG_BLOCK },
    { "html", TW_TAG_ROOT },
    { "iframe", TW_TAG_NEVER },
    { "input", TW_TAG_NEVER },
    { "legend", TW_TAG_BLOCK },
    { "li", TW_TAG_BLOCK | TW_TAG_LINE },
    { "main", TW_TAG_BLOCK | TW_TAG_BOX },
    { "map", TW_TAG_NEVER },
    { "math", TW_TAG_NEVER },
    { "menu", TW_TAG_LIST | TW_TAG_ASIDE },
    { "nav", TW_TAG_BLOCK | TW_TAG_LIST | TW_TAG_ASIDE },
    { "noscript", TW_TAG_BLOCK },
    { "object", TW_TAG_NEVER },
    { "ol", TW_TAG_BLOCK | TW_TAG_LIST },
    { "option", TW_TAG_APART },     /* outside a <select>, shown one a line */
    { "p", TW_TAG_BLOCK | TW_TAG_PARA | TW_TAG_LINE },
    { "pre", TW_TAG_BLOCK | TW_TAG_PARA },
    { "rp", TW_TAG_NEVER },     /* ruby: the reading over a word is not a word */
    { "rt", TW_TAG_NEVER },
    { "script", TW_TAG_NEVER },
    { "section", TW_TAG_BLOCK | TW_TAG_BOX | TW_TAG_LIST },
    { "select", TW_TAG_NEVER },
    { "style", TW_TAG_NEVER },
    { "summary", TW_TAG_BLOCK },
    { "svg", TW_TAG_NEVER },
    { "table", TW_TAG_BLOCK | TW_TAG_LIST },
    { "td", TW_TAG_PARA | TW_TAG_APART },
    { "template", TW_TAG_NEVER },
    { "textarea", TW_TAG_NEVER },
    { "th", TW_TAG_APART },
    { "tr", TW_TAG_BLOCK },
    { "ul", TW_TAG_BLOCK | TW_TAG_LIST },
    { "video", TW_TAG_NEVER },
};

unsigned tw_html_tag(const xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    const char *name = (const char *)n->name;
    size_t lo = 0, hi = sizeof TAGS / sizeof TAGS[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        /* The first letters first, inline: most steps part there, and a
         * page asks this of each of its elements many times over. */
        int c = (unsigned char)name[0] - (unsigned char)TAGS[mid].name[0];
        if (c == 0 && name[0])
            c = strcmp(name + 1, TAGS[mid].name + 1);
        if (c == 0)
            return TAGS[mid].kind;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

/* (Not <form>: ASP.NET pages wrap the whole page in one.) */
bool tw_html_never_text(const xmlNode *n)
{
    return tw_html_tag(n) & TW_TAG_NEVER;
}

bool tw_html_has_text(const xmlNode *n)
{
    const char *s = (const char *)n->content;
    return n->type == XML_TEXT_NODE && s && s[strspn(s, " \t\r\n")];
}

bool tw_html_in_link(xmlNodePtr n)
{
    for (; n && n->type == XML_ELEMENT_NODE; n = n->parent)
        if (tw_html_is(n, "a"))
            return true;
    return false;
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

/* Keeps the text on either side of element N's edge apart, as a reader
 * sees it: a paragraph break at a block's, a space at a cell's (two cells
 * side by side are two words, not "DepartmentAllocation"). */
static int set_apart(tw_buf *out, const xmlNode *n)
{
    unsigned kind = tw_html_tag(n);
    if (kind & TW_TAG_BLOCK)
        return tw_buf_puts(out, "\n\n");
    if ((kind & TW_TAG_APART) && out->len && !isspace((unsigned char)out->data[out->len - 1]))
        return tw_buf_putc(out, ' ');
    return 0;
}

int tw_html_text(xmlNodePtr root, tw_buf *out, bool (*leave_out)(xmlNodePtr n, void *ctx),
                 void *ctx)
{
    for (xmlNodePtr n = root->children; n;) {
        bool skip = n->type == XML_ELEMENT_NODE &&
                    (tw_html_never_text(n) || (leave_out && leave_out(n, ctx)));
        int rc;
        if (!skip && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE))
            rc = n->content ? tw_html_put_collapsed(out, (const char *)n->content) : 0;
        else if (!skip && tw_html_is(n, "br"))
            rc = tw_buf_putc(out, '\n');
        else
            rc = set_apart(out, n);     /* a block left out still parts its neighbours */
        if (rc < 0)
            return -1;
        /* Leaving elements: each one we climb out of parts what follows. */
        if (skip || !n->children) {
            xmlNodePtr up = n;
            while (up != root && !up->next) {
                up = up->parent;
                if (up != root && set_apart(out, up) < 0)
                    return -1;
            }
        }
        n = tw_html_next(n, root, skip);
    }
    return 0;
}
