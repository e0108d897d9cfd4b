/* progress_line.c - the line trawl-index redraws in place on a terminal. */
#include "progress_line.h"

#include <stdbool.h>

/* Appends N spaces to L's output. */
static int pad(tw_progress_line *l, size_t n)
{
    int rc = 0;
    while (n-- && rc == 0)
        rc = tw_buf_putc(&l->out, ' ');
    return rc;
}

void tw_progress_line_start(tw_progress_line *l)
{
    tw_buf_clear(&l->text);
    l->parts = 0;
}

int tw_progress_line_part(tw_progress_line *l, unsigned rank, const char *sep)
{
    if (l->parts == TW_PROGRESS_PARTS)
        return -1;
    size_t start = l->text.len;
    if (tw_buf_puts(&l->text, sep) < 0)
        return -1;
    l->part[l->parts].start = start;
    l->part[l->parts].text = l->text.len;
    l->part[l->parts++].rank = rank;
    return 0;
}

/* Where part I of L ends in its text. */
static size_t part_end(const tw_progress_line *l, size_t i)
{
    return i + 1 < l->parts ? l->part[i + 1].start : l->text.len;
}

/* Where part I of L starts when it is shown: after its separator when it
 * is the first part KEPT. */
static size_t part_from(const tw_progress_line *l, const bool *kept, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (kept[j])
            return l->part[i].start;
    return l->part[i].text;
}

/* The columns of the parts KEPT of L. */
static size_t width(const tw_progress_line *l, const bool *kept)
{
    size_t w = 0;
    for (size_t i = 0; i < l->parts; i++)
        if (kept[i])
            w += part_end(l, i) - part_from(l, kept, i);
    return w;
}

/* Appends to L's output the parts KEPT, cut at LIMIT bytes. */
static int put_kept(tw_progress_line *l, const bool *kept, size_t limit)
{
    int rc = 0;
    for (size_t i = 0, len = 0; i < l->parts && len < limit; i++) {
        if (!kept[i])
            continue;
        size_t from = part_from(l, kept, i), n = part_end(l, i) - from;
        if (n > limit - len)
            n = limit - len;
        rc |= tw_buf_append(&l->out, l->text.data + from, n);
        len += n;
    }
    return rc;
}

void tw_progress_line_draw(tw_progress_line *l, FILE *f, size_t columns)
{
    size_t limit = columns ? columns - 1 : (size_t)-1;
    bool kept[TW_PROGRESS_PARTS] = { false };
    for (size_t i = 0; i < l->parts; i++)
        kept[i] = true;
    for (size_t left = l->parts; left > 1 && width(l, kept) > limit; left--) {
        size_t drop = 0;
        for (size_t i = 0; i < l->parts; i++)
            if (kept[i] && (!kept[drop] || l->part[i].rank >= l->part[drop].rank))
                drop = i;
        kept[drop] = false;
    }
    size_t len = width(l, kept);
    if (len > limit)
        len = limit;        /* the one part left, cut */
    tw_buf_clear(&l->out);
    int rc = tw_buf_putc(&l->out, '\r');
    rc |= put_kept(l, kept, limit);
    /* The end of a longer line before, blanked; then back to this one's end. */
    if (l->shown > len) {
        rc |= pad(l, l->shown - len);
        rc |= tw_buf_putc(&l->out, '\r');
        rc |= put_kept(l, kept, limit);
    }
    if (rc == 0) {
        fwrite(l->out.data, 1, l->out.len, f);
        l->shown = len;
    }
}

void tw_progress_line_clear(tw_progress_line *l, FILE *f)
{
    if (!l->shown)
        return;
    tw_buf_clear(&l->out);
    int rc = tw_buf_putc(&l->out, '\r');
    rc |= pad(l, l->shown);
    rc |= tw_buf_putc(&l->out, '\r');
    if (rc == 0)
        fwrite(l->out.data, 1, l->out.len, f);
    l->shown = 0;
}

void tw_progress_line_free(tw_progress_line *l)
{
    tw_buf_free(&l->out);
    tw_buf_free(&l->text);
}
