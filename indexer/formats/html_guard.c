/* html_guard.c - leaves out the attributes of a tag past the first
 * TW_HTML_MAX_ATTRS, the end tags of the body and the page, the markers of
 * CDATA sections, and the '/' that closes a script's start tag (see
 * html_guard.h). */
#include "html_guard.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

enum {
    TEXT,           /* between tags */
    LT,             /* just after '<', held back */
    END_NAME,       /* in an end tag's name: "</" and the name so far held back */
    DROP_TAG,       /* an end tag left out, up to '>' */
    TAG_NAME,       /* in a start tag's name */
    IN_TAG,         /* between attributes */
    SOLIDUS,        /* a '/' in a start tag: held back */
    ATTR_NAME,
    AFTER_NAME,     /* white space after a name: '=' may follow */
    BEFORE_VALUE,   /* after '=' */
    VALUE,          /* quoted (quote set) or bare */
    OTHER_TAG,      /* an end tag, <!DOCTYPE>, <?...>: nothing to count, up to '>' */
    BANG,           /* after "<!", and as much of "[CDATA[" as follows: held back */
    BANG_DASH,      /* after "<!-" */
    COMMENT,        /* up to "-->" */
    RAW,            /* <script> or <style> text, up to close */
    CDATA_END       /* the ']'s of what may end a CDATA section: held back */
};

/* What follows "<!" to open a CDATA section. */
static const char CDATA_OPEN[] = "[CDATA[";

static bool space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The end tag of the raw text that follows the start tag being read: that
 * of a script or a style, else NULL. */
static const char *raw_close(tw_html_guard *g)
{
    g->name[g->name_len < sizeof g->name ? g->name_len : sizeof g->name - 1] = '\0';
    return strcmp(g->name, "script") == 0 ? "</script"
         : strcmp(g->name, "style") == 0 ? "</style" : NULL;
}

/* The start tag just read ends: raw text follows a script or style. */
static void end_start_tag(tw_html_guard *g)
{
    g->close = raw_close(g);
    g->matched = 0;
    g->state = g->close ? RAW : TEXT;
}

/* Whether the end tag held back, its name read up to C, is </body> or
 * </html>.  libxml2 ends the page at </html> when it parses in pieces, and
 * puts what follows a </body> beside the body; but a template's or an ad's
 * stray one may come before the rest of the article, and browsers show it
 * all in the body, where it is left when neither is seen. */
static bool ends_page(const tw_html_guard *g, char c)
{
    return g->name_len == 4 &&
           (!strncasecmp(g->name, "body", 4) || !strncasecmp(g->name, "html", 4)) &&
           (c == '>' || c == '/' || space(c));
}

/* Writes what is held back, as it came: the '<' of a tag not yet known,
 * "<!" and what follows of "[CDATA[", the ']'s that may end a CDATA section,
 * a '/' in a start tag, or the "</" and name of an end tag.  Returns the number of bytes written. */
static size_t put_held(const tw_html_guard *g, char *out)
{
    if (g->state == LT) {
        out[0] = '<';
        return 1;
    }
    if (g->state == BANG) {
        memcpy(out, "<!", 2);
        memcpy(out + 2, CDATA_OPEN, g->matched);
        return 2 + g->matched;
    }
    if (g->state == CDATA_END) {
        memset(out, ']', g->matched);
        return g->matched;
    }
    if (g->state == SOLIDUS) {
        out[0] = '/';
        return 1;
    }
    if (g->state != END_NAME)
        return 0;
    out[0] = '<';
    out[1] = '/';
    memcpy(out + 2, g->name, g->name_len);
    return 2 + g->name_len;
}

size_t tw_html_guard_run(tw_html_guard *g, const char *in, size_t len, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        char c = in[i];
        if (g->state == TEXT) {
            /* Most of a page: copy up to the next tag at once (or, in a
             * CDATA section, up to what may end it). */
            const char *lt = memchr(in + i, '<', len - i);
            const char *end = g->cdata ? memchr(in + i, ']', len - i) : NULL;
            if (end && (!lt || end < lt))
                lt = end;
            size_t n = lt ? (size_t)(lt - (in + i)) : len - i;
            memcpy(out + o, in + i, n);
            o += n;
            i += n;
            if (!lt)
                break;
            g->state = *lt == '<' ? LT : CDATA_END;
            g->matched = 1;
            continue;
        }
        /* Long stretches with nothing to count: scripts and styles, quoted
         * values, comments.  Jump to the next byte that can matter. */
        const char *stop = NULL;
        char wanted = 0;
        if (g->state == RAW && g->matched == 0)
            wanted = '<';
        else if (g->state == VALUE && g->quote)
            wanted = g->quote;
        else if (g->state == COMMENT && g->matched == 0)
            wanted = '-';
        if (wanted && (stop = memchr(in + i, wanted, len - i)) != in + i) {
            size_t n = stop ? (size_t)(stop - (in + i)) : len - i;
            bool copy = g->state != VALUE || g->attrs <= TW_HTML_MAX_ATTRS;
            if (copy) {
                memcpy(out + o, in + i, n);
                o += n;
            }
            i += n - 1;
            continue;
        }
        bool keep = true;
        switch (g->state) {
        case LT:
            if (c != '/' && c != '!')
                out[o++] = '<';
            if (isalpha((unsigned char)c)) {
                g->state = TAG_NAME;
                g->attrs = 0;
                g->name[0] = (char)tolower((unsigned char)c);
                g->name_len = 1;
            } else if (c == '!') {
                g->state = BANG;
                g->matched = 0;
                keep = false;
            } else if (c == '/') {
                g->state = END_NAME;
                g->name_len = 0;
                keep = false;
            } else if (c == '?') {
                g->state = OTHER_TAG;
            } else {
                g->state = TEXT;
                i--;                /* a lone '<': read C again as text */
                continue;
            }
            break;
        case TAG_NAME:
            if (c == '>') {
                end_start_tag(g);
            } else if (c == '/') {
                g->state = SOLIDUS;
                keep = false;
            } else if (space(c)) {
                g->state = IN_TAG;
            } else if (g->name_len < sizeof g->name) {
                g->name[g->name_len++] = (char)tolower((unsigned char)c);
            } else {
                g->name_len = sizeof g->name;   /* too long to be script or style */
            }
            break;
        case IN_TAG:
            if (c == '>') {
                end_start_tag(g);
            } else if (c == '/') {
                g->state = SOLIDUS;
                keep = false;
            } else if (!space(c)) {
                g->attrs++;
                g->state = ATTR_NAME;
                keep = g->attrs <= TW_HTML_MAX_ATTRS;
                g->dropped += !keep;
            }
            break;
        case ATTR_NAME:
        case AFTER_NAME:
            keep = g->attrs <= TW_HTML_MAX_ATTRS;
            if (c == '>') {
                keep = true;
                end_start_tag(g);
            } else if (c == '=') {
                g->state = BEFORE_VALUE;
            } else if (space(c)) {
                g->state = AFTER_NAME;
            } else if (c == '/') {
                g->state = SOLIDUS;
                keep = false;
            } else if (g->state == AFTER_NAME) {
                g->state = IN_TAG;  /* the next attribute starts here */
                i--;
                continue;
            }
            break;
        case SOLIDUS:
            /* "<script src=x />" opens a script all the same in a browser,
             * up to its "</script>", where libxml2 took it for an empty
             * one and the code that follows for text of the page. */
            if (c == '>' && raw_close(g)) {
                end_start_tag(g);
                break;
            }
            out[o++] = '/';
            g->state = IN_TAG;
            i--;                    /* C is read again in the tag */
            continue;
        case BEFORE_VALUE:
            keep = g->attrs <= TW_HTML_MAX_ATTRS;
            if (c == '>') {
                keep = true;
                end_start_tag(g);
            } else if (!space(c)) {
                g->state = VALUE;
                g->quote = c == '"' || c == '\'' ? c : 0;
            }
            break;
        case VALUE:
            keep = g->attrs <= TW_HTML_MAX_ATTRS;
            if (g->quote ? c == g->quote : space(c)) {
                g->state = IN_TAG;
            } else if (!g->quote && c == '>') {
                keep = true;
                end_start_tag(g);
            }
            break;
        case END_NAME:
            keep = false;
            if (isalpha((unsigned char)c) && g->name_len < 5) {
                g->name[g->name_len++] = c;
            } else if (ends_page(g, c)) {
                g->state = c == '>' ? TEXT : DROP_TAG;
            } else {
                /* Another end tag: what was held back goes on, and C is
                 * read again in it. */
                o += put_held(g, out + o);
                g->state = OTHER_TAG;
                i--;
                continue;
            }
            break;
        case DROP_TAG:
            keep = false;
            if (c == '>')
                g->state = TEXT;
            break;
        case OTHER_TAG:
            if (c == '>')
                g->state = TEXT;
            break;
        case BANG:
            keep = false;
            if (c == CDATA_OPEN[g->matched]) {
                if (++g->matched == sizeof CDATA_OPEN - 1) {
                    g->cdata = true;    /* its text follows as text */
                    g->state = TEXT;
                }
                break;
            }
            o += put_held(g, out + o);
            if (g->matched) {
                g->state = OTHER_TAG;   /* "<![if ...]>": C is read again in it */
                i--;
                continue;
            }
            keep = true;
            g->state = c == '-' ? BANG_DASH : c == '>' ? TEXT : OTHER_TAG;
            break;
        case CDATA_END:
            keep = false;
            if (c == ']' && g->matched < 2) {
                g->matched++;
            } else if (c == ']') {
                out[o++] = ']';     /* "]]]": the first is text */
            } else if (c == '>' && g->matched == 2) {
                g->cdata = false;
                g->state = TEXT;
            } else {
                o += put_held(g, out + o);
                g->state = TEXT;
                i--;
                continue;
            }
            break;
        case BANG_DASH:
            g->state = c == '-' ? COMMENT : c == '>' ? TEXT : OTHER_TAG;
            g->matched = 0;
            break;
        case COMMENT:
            /* "-->" ends it; "--->" too. */
            if (c == '>' && g->matched >= 2)
                g->state = TEXT;
            g->matched = c == '-' ? g->matched + 1 : 0;
            break;
        case RAW: {
            size_t n = strlen(g->close);
            if (tolower((unsigned char)c) == g->close[g->matched]) {
                if (++g->matched == n)
                    g->state = OTHER_TAG;   /* the rest of the end tag, up to '>' */
            } else {
                g->matched = c == '<' ? 1 : 0;
            }
            break;
        }
        }
        if (keep)
            out[o++] = c;
    }
    return o;
}

size_t tw_html_guard_end(tw_html_guard *g, char *out)
{
    size_t o = put_held(g, out);
    g->state = TEXT;
    return o;
}
