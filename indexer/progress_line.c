/* progress_line.c - the line trawl-index redraws in place on a terminal. */
#include "progress_line.h"

/* Appends N spaces to L's output. */
static int pad(tw_progress_line *l, size_t n)
{
    int rc = 0;
    while (n-- && rc == 0)
        rc = tw_buf_putc(&l->out, ' ');
    return rc;
}

void tw_progress_line_draw(tw_progress_line *l, FILE *f, const char *text, size_t len,
                           size_t columns)
{
    if (columns && len > columns - 1) {
        /* At the end of the last of its parts that fits, when one does. */
        size_t cut = columns - 1;
        while (cut > 0 && !(text[cut] == ',' && cut + 1 < len && text[cut + 1] == ' '))
            cut--;
        len = cut ? cut : columns - 1;
    }
    tw_buf_clear(&l->out);
    int rc = tw_buf_putc(&l->out, '\r');
    rc |= tw_buf_append(&l->out, text, len);
    /* The end of a longer line before, blanked; then back to this one's end. */
    if (l->shown > len) {
        rc |= pad(l, l->shown - len);
        rc |= tw_buf_putc(&l->out, '\r');
        rc |= tw_buf_append(&l->out, text, len);
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
}
