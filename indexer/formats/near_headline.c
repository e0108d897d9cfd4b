/* near_headline.c - the lines a page sets by its headline (near_headline.h). */
#include "near_headline.h"

#include <string.h>

#include "html_content.h"
#include "html_teaser.h"
#include "html_tree.h"

/* Whether the text node N is one of the page's own lines by its headline
 * H1: not in the readers' comments, nor in a teaser of another story that
 * the headline is not in (a listing's first teaser, under the section's
 * <h1>, holds that story's date and byline). */
static bool own_line(xmlNodePtr n, xmlNodePtr h1)
{
    if (tw_html_in_comments(n->parent))
        return false;
    xmlNodePtr teaser = tw_html_teaser(n->parent);
    if (!teaser)
        return true;
    for (xmlNodePtr up = h1; up; up = up->parent)
        if (up == teaser)
            return true;
    return false;
}

bool tw_near_headline(xmlNodePtr root, xmlNodePtr headline, size_t before, size_t after,
                      bool (*seen)(xmlNodePtr n, void *ctx), void *ctx)
{
    enum { RING = 16 };
    xmlNodePtr ring[RING] = { 0 }, h1 = NULL;
    size_t kept = 0, gone = 0;
    if (before > RING)
        before = RING;
    for (xmlNodePtr n = root; n && gone < after;) {
        bool skip = n->type == XML_ELEMENT_NODE && tw_html_never_text(n);
        if (!h1 && n->type == XML_ELEMENT_NODE &&
            (headline ? n == headline : tw_html_is(n, "h1"))) {
            h1 = n;
            skip = true;
        } else if (tw_html_has_text(n)) {
            /* Whether a node before the headline is in the comments is
             * asked only of the few kept: asked of every line of a page's
             * menus, it cost a seventh of the time a page took. */
            if (h1 && own_line(n, h1)) {
                gone++;
                if (seen(n, ctx))
                    return true;
            } else if (!h1 && before && !tw_html_in_link(n->parent)) {
                ring[kept++ % before] = n;
            }
        }
        n = tw_html_next(n, root, skip);
    }
    for (size_t i = 0; h1 && i < before && i < kept; i++) {
        xmlNodePtr n = ring[(kept - 1 - i) % before];
        if (own_line(n, h1) && seen(n, ctx))
            return true;
    }
    return false;
}

bool tw_near_short_text(xmlNodePtr n, tw_buf *out)
{
    xmlNodePtr para = n->parent;
    while (para && para->type == XML_ELEMENT_NODE && !(tw_html_tag(para) & TW_TAG_BLOCK))
        para = para->parent;
    if (para && para->type == XML_ELEMENT_NODE && (tw_html_tag(para) & TW_TAG_PARA)) {
        tw_buf_clear(out);
        if (tw_html_text(para, out, NULL, NULL) < 0 || out->len > 80)
            return false;
    }
    tw_buf_clear(out);
    return tw_html_text(n->parent, out, NULL, NULL) == 0 && out->len && out->len <= 80;
}
