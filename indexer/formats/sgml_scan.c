/* sgml_scan.c - tag search and text extraction for SGML containers. */
#include "sgml_scan.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "entities.h"

bool tw_sgml_tag_at(const char *p, const char *end, const char *name, bool close)
{
    size_t n = strlen(name), skip = close ? 2 : 1;
    if ((size_t)(end - p) < skip + n + 1 || p[0] != '<' || (close && p[1] != '/'))
        return false;
    if (!close && p[1] == '/')
        return false;
    if (strncasecmp(p + skip, name, n) != 0)
        return false;
    char after = p[skip + n];
    return after == '>' || isspace((unsigned char)after);
}

const char *tw_sgml_find_tag(const char *p, const char *end, const char *name, bool close)
{
    while (p < end && (p = memchr(p, '<', (size_t)(end - p)))) {
        if (tw_sgml_tag_at(p, end, name, close))
            return p;
        p++;
    }
    return NULL;
}

bool tw_sgml_find(const char *p, const char *end, const char *name, tw_element *el)
{
    const char *start = tw_sgml_find_tag(p, end, name, false);
    if (!start)
        return false;
    const char *gt = memchr(start, '>', (size_t)(end - start));
    el->tag = start;
    el->inner = gt ? gt + 1 : end;
    const char *close = tw_sgml_find_tag(el->inner, end, name, true);
    const char *next = tw_sgml_find_tag(el->inner, end, name, false);
    if (close && (!next || close < next)) {
        el->inner_end = close;
        const char *cgt = memchr(close, '>', (size_t)(end - close));
        el->end = cgt ? cgt + 1 : end;
        el->closed = true;
    } else {
        el->inner_end = el->end = next ? next : end;
        el->closed = false;
    }
    return true;
}

bool tw_sgml_attr(const tw_element *el, const char *name, char *out, size_t outlen)
{
    const char *p = el->tag + 1, *end = el->inner - 1;
    size_t n = strlen(name);
    while (p < end && !isspace((unsigned char)*p))
        p++;                                    /* the tag name */
    while (p < end) {
        while (p < end && isspace((unsigned char)*p))
            p++;
        const char *key = p;
        while (p < end && *p != '=' && !isspace((unsigned char)*p))
            p++;
        size_t klen = (size_t)(p - key);
        /* SGML lets white space stand around the '=' (NEWID = "7"). */
        while (p < end && isspace((unsigned char)*p))
            p++;
        if (p >= end || *p != '=')
            continue;               /* no value: the next name starts here */
        p++;
        while (p < end && isspace((unsigned char)*p))
            p++;
        char quote = (*p == '"' || *p == '\'') ? *p++ : 0;
        const char *val = p;
        while (p < end && (quote ? *p != quote : !isspace((unsigned char)*p)))
            p++;
        size_t vlen = (size_t)(p - val);
        if (quote && p < end)
            p++;
        if (klen == n && strncasecmp(key, name, n) == 0) {
            if (vlen >= outlen)
                vlen = outlen - 1;
            memcpy(out, val, vlen);
            out[vlen] = '\0';
            return true;
        }
    }
    return false;
}

int tw_sgml_text(tw_buf *out, const char *p, const char *end)
{
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        const char *stop = lt ? lt : end;
        if (tw_entities_decode(out, p, (size_t)(stop - p)) < 0)
            return -1;
        if (!lt)
            break;
        char next = lt + 1 < end ? lt[1] : '\0';
        bool tag_like = isalpha((unsigned char)next) || next == '/' || next == '!' ||
                        next == '?';
        const char *gt = tag_like ? memchr(lt, '>', (size_t)(end - lt)) : NULL;
        if (!gt) {
            /* A lone '<' in text ("a < b"): keep it as text. */
            if (tw_buf_putc(out, '<') < 0)
                return -1;
            p = lt + 1;
            continue;
        }
        if (tw_sgml_tag_at(lt, end, "P", false) || tw_sgml_tag_at(lt, end, "P", true)) {
            if (tw_buf_puts(out, "\n\n") < 0)
                return -1;
        } else if (tw_buf_putc(out, ' ') < 0) {
            return -1;                          /* keep words on either side apart */
        }
        p = gt + 1;
    }
    return 0;
}

const char *tw_sgml_start_tag_of(const char *p, const char *end, const char *const *names)
{
    for (; *names; names++)
        if (tw_sgml_tag_at(p, end, *names, false))
            return *names;
    return NULL;
}

/* Appends the text of [P, END) to OUT, a paragraph apart from what OUT got
 * after START. */
static int append_paragraph(tw_buf *out, size_t start, const char *p, const char *end)
{
    if (out->len > start && tw_buf_puts(out, "\n\n") < 0)
        return -1;
    return tw_sgml_text(out, p, end);
}

int tw_sgml_texts(tw_buf *out, const char *p, const char *end, const char *const *names)
{
    const char *open = NULL, *inner = NULL;     /* the element we are in, its text */
    size_t start = out->len;
    /* One pass over the tags: tw_sgml_find for each element would look for
     * its end tag to the end of the record every time one is missing. */
    for (const char *q = p; q < end && (q = memchr(q, '<', (size_t)(end - q))); q++) {
        const char *name = tw_sgml_start_tag_of(q, end, names);
        if (!name && !(open && tw_sgml_tag_at(q, end, open, true)))
            continue;
        if (open && append_paragraph(out, start, inner, q) < 0)
            return -1;
        open = name;
        if (name) {
            const char *gt = memchr(q, '>', (size_t)(end - q));
            inner = gt ? gt + 1 : end;
            q = inner - 1;
        }
    }
    return open ? append_paragraph(out, start, inner, end) : 0;
}

bool tw_sgml_has_tag(const char *p, const char *end, const char *name, size_t limit)
{
    if ((size_t)(end - p) > limit)
        end = p + limit;
    return tw_sgml_find_tag(p, end, name, false) != NULL;
}
