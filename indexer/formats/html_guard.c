/* html_guard.c - leaves out the attributes of a tag past the first
 * TW_HTML_MAX_ATTRS (see html_guard.h). */
#include "html_guard.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

enum {
    TEXT,           /* between tags */
    LT,             /* just after '<' */
    TAG_NAME,       /* in a start tag's name */
    IN_TAG,         /* between attributes */
    ATTR_NAME,
    AFTER_NAME,     /* white space after a name: '=' may follow */
    BEFORE_VALUE,   /* after '=' */
    VALUE,          /* quoted (quote set) or bare */
    OTHER_TAG,      /* an end tag, <!DOCTYPE>, <?...>: nothing to count, up to '>' */
    BANG,           /* after "<!" */
    BANG_DASH,      /* after "<!-" */
    COMMENT,        /* up to "-->" */
    RAW             /* <script> or <style> text, up to close */
};

static bool space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The start tag just read ends: raw text follows a script or style. */
static void end_start_tag(tw_html_guard *g)
{
    g->name[g->name_len < sizeof g->name ? g->name_len : sizeof g->name - 1] = '\0';
    g->close = strcmp(g->name, "script") == 0 ? "</script"
             : strcmp(g->name, "style") == 0 ? "</style" : NULL;
    g->matched = 0;
    g->state = g->close ? RAW : TEXT;
}

size_t tw_html_guard_run(tw_html_guard *g, const char *in, size_t len, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        char c = in[i];
        if (g->state == TEXT) {
            /* Most of a page: copy up to the next tag at once. */
            const char *lt = memchr(in + i, '<', len - i);
            size_t n = lt ? (size_t)(lt - (in + i)) : len - i;
            memcpy(out + o, in + i, n);
            o += n;
            i += n;
            if (!lt)
                break;
            out[o++] = '<';
            g->state = LT;
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
            if (isalpha((unsigned char)c)) {
                g->state = TAG_NAME;
                g->attrs = 0;
                g->name[0] = (char)tolower((unsigned char)c);
                g->name_len = 1;
            } else if (c == '!') {
                g->state = BANG;
            } else if (c == '/' || c == '?') {
                g->state = OTHER_TAG;
            } else {
                g->state = TEXT;
                i--;                /* a lone '<': read C again as text */
                continue;
            }
            break;
        case TAG_NAME:
            if (c == '>')
                end_start_tag(g);
            else if (space(c) || c == '/')
                g->state = IN_TAG;
            else if (g->name_len < sizeof g->name)
                g->name[g->name_len++] = (char)tolower((unsigned char)c);
            else
                g->name_len = sizeof g->name;   /* too long to be script or style */
            break;
        case IN_TAG:
            if (c == '>') {
                end_start_tag(g);
            } else if (!space(c) && c != '/') {
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
                keep = true;
                g->state = IN_TAG;
            } else if (g->state == AFTER_NAME) {
                g->state = IN_TAG;  /* the next attribute starts here */
                i--;
                continue;
            }
            break;
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
        case OTHER_TAG:
            if (c == '>')
                g->state = TEXT;
            break;
        case BANG:
            g->state = c == '-' ? BANG_DASH : c == '>' ? TEXT : OTHER_TAG;
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
