/* html_teaser.c - teasers of other stories in a page (html_teaser.h). */
#include "html_teaser.h"

#include <stdbool.h>

#include "html_tree.h"

/* Whether the heading N links to a page: a link in it, or it in a link. */
static bool linked_heading(xmlNodePtr n)
{
    if (tw_html_in_link(n))
        return true;
    for (xmlNodePtr d = n; d; d = tw_html_next(d, n, false))
        if (d->type == XML_ELEMENT_NODE && tw_html_is(d, "a"))
            return true;
    return false;
}

/* Whether A and B are elements of one name and one class ("div.teaser"
 * beside "div.teaser"); A's class is CLASS, which must be there. */
static bool like(xmlNodePtr a, const xmlChar *class, xmlNodePtr b)
{
    if (b == a || b->type != XML_ELEMENT_NODE || xmlStrcmp(b->name, a->name))
        return false;
    xmlChar *other = xmlGetProp(b, (const xmlChar *)"class");
    bool same = other && !xmlStrcmp(class, other);
    xmlFree(other);
    return same;
}

/* Whether N is an <article> or a list item. */
static bool item(const xmlNode *n)
{
    return tw_html_is(n, "article") || tw_html_is(n, "li");
}

/* Whether N is one of a list: an <article> or list item beside another of
 * its kind, or an element with a class beside another of its name and
 * class, as a listing sets its teasers whatever element it uses. */
static bool one_of_a_list(xmlNodePtr n)
{
    bool kind = item(n);
    xmlChar *class = kind ? NULL : xmlGetProp(n, (const xmlChar *)"class");
    bool found = false;
    for (xmlNodePtr s = n->parent ? n->parent->children : NULL; s && !found; s = s->next)
        found = kind ? s != n && s->type == XML_ELEMENT_NODE && !xmlStrcmp(s->name, n->name)
                     : class && *class && like(n, class, s);
    xmlFree(class);
    return found;
}

/* Whether A is B or below it. */
static bool within(const xmlNode *a, const xmlNode *b)
{
    for (; a; a = a->parent)
        if (a == b)
            return true;
    return false;
}

/* Whether the block N holds a heading that links to a page and no <h1>,
 * and, when ONE, no other heading: a teaser tells of one story, where a
 * column of a page's layout (a "col" beside a "col") holds many.  A
 * heading that holds AT, or is in it, is AT's own, not a headline beside
 * it: an author's box sets its name as a linked <h2>. */
static bool linked_headline(xmlNodePtr n, bool one, const xmlNode *at)
{
    bool linked = false;
    int headings = 0;
    for (xmlNodePtr d = n; d; d = tw_html_next(d, n, false)) {
        if (d->type != XML_ELEMENT_NODE || !(tw_html_tag(d) & TW_TAG_HEADING) ||
            within(d, at) || within(at, d))
            continue;
        if (tw_html_is(d, "h1") || (one && ++headings > 1))
            return false;
        linked = linked || linked_heading(d);
    }
    return linked;
}

xmlNodePtr tw_html_teaser(xmlNodePtr n)
{
    const xmlNode *at = n;
    for (int up = 0; up < 6 && n && n->type == XML_ELEMENT_NODE; up++, n = n->parent) {
        if (item(n)) {
            /* The nearest item decides: one of a list itself, or in a list
             * item that is ("<li><article>"). */
            bool listed = one_of_a_list(n) ||
                          (n->parent && item(n->parent) && one_of_a_list(n->parent));
            return listed && linked_headline(n, false, at) ? n : NULL;
        }
        /* A block of a class is asked whether it is one of a list first:
         * most stand alone, and are not walked. */
        if (xmlHasProp(n, (const xmlChar *)"class") && one_of_a_list(n) && linked_headline(n, true, at))
            return n;
    }
    return NULL;
}
