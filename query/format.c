/* format.c - text, JSON Lines and TSV output. */
#include "format.h"

#include <inttypes.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "cli.h"
#include "json_out.h"
#include "utf8.h"

#define HI_ON  "\033[1;31m"
#define HI_OFF "\033[0m"
#define BOLD   "\033[1m"

int tw_hit_json(tw_buf *b, const trawl_hit *h)
{
    int rc = tw_buf_printf(b, "{\"rank\":%zu,\"docid\":%" PRIu64 ",\"score\":%.4f,\"id\":",
                           h->rank, h->docid, h->score);
    rc |= tw_json_cstr(b, h->id);
    rc |= tw_buf_puts(b, ",\"path\":");
    rc |= tw_json_cstr(b, h->path);
    rc |= tw_buf_puts(b, ",\"title\":");
    rc |= tw_json_cstr(b, h->title);
    rc |= tw_buf_puts(b, ",\"date\":");
    rc |= tw_json_cstr(b, h->date);
    rc |= tw_buf_puts(b, ",\"url\":");
    rc |= tw_json_cstr(b, h->url);
    rc |= tw_buf_puts(b, ",\"site\":");
    rc |= tw_json_cstr(b, h->site);
    rc |= tw_buf_puts(b, ",\"author\":");
    rc |= tw_json_cstr(b, h->author);
    rc |= tw_buf_puts(b, ",\"snippet\":");
    rc |= tw_json_cstr(b, h->snippet);
    if (h->snippet) {
        /* Offsets in code points, which is what JSON consumers index strings by. */
        rc |= tw_buf_puts(b, ",\"highlights\":[");
        for (size_t i = 0; i < h->n_highlights; i++) {
            size_t start = tw_utf8_length(h->snippet, h->highlights[i].start);
            size_t len = tw_utf8_length(h->snippet + h->highlights[i].start,
                                        h->highlights[i].end - h->highlights[i].start);
            rc |= tw_buf_printf(b, "%s[%zu,%zu]", i ? "," : "", start, start + len);
        }
        rc |= tw_buf_putc(b, ']');
    }
    rc |= tw_buf_putc(b, '}');
    return rc ? -1 : 0;
}

/* A TSV field: tabs and line breaks would split rows and columns, so they become
 * spaces. */
static void put_tsv(FILE *out, const char *s)
{
    for (; s && *s; s++)
        fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

static void put_snippet(FILE *out, const trawl_hit *h, bool color)
{
    size_t at = 0, len = strlen(h->snippet);
    for (size_t i = 0; i < h->n_highlights && color; i++) {
        const trawl_span *sp = &h->highlights[i];
        fwrite(h->snippet + at, 1, sp->start - at, out);
        fputs(HI_ON, out);
        fwrite(h->snippet + sp->start, 1, sp->end - sp->start, out);
        fputs(HI_OFF, out);
        at = sp->end;
    }
    fwrite(h->snippet + at, 1, len - at, out);
}

static void print_text_hit(FILE *out, const trawl_hit *h, bool color)
{
    fprintf(out, "%s%zu. %s%s\n", color ? BOLD : "", h->rank,
            h->title ? h->title : "(no title)", color ? HI_OFF : "");
    fputs("   ", out);
    if (h->date)
        fprintf(out, "%.10s  ", h->date);
    if (h->site)
        fprintf(out, "%s  ", h->site);
    tw_cli_put_path(out, h->path ? h->path : h->id);
    fputc('\n', out);
    if (h->snippet && *h->snippet) {
        fputs("   ", out);
        put_snippet(out, h, color);
        fputc('\n', out);
    }
}

int tw_print_hits(FILE *out, const trawl_results *res, tw_format format, bool color)
{
    size_t n = trawl_results_count(res);
    tw_buf line = { 0 };
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        const trawl_hit *h = trawl_results_hit(res, i);
        switch (format) {
        case TW_FORMAT_JSON:
            tw_buf_clear(&line);
            rc = tw_hit_json(&line, h);
            if (rc == 0) {
                fwrite(line.data, 1, line.len, out);
                fputc('\n', out);
            }
            break;
        case TW_FORMAT_TSV:
            fprintf(out, "%zu\t%.4f\t", h->rank, h->score);
            put_tsv(out, h->id);
            fputc('\t', out);
            put_tsv(out, h->title);
            fputc('\n', out);
            break;
        case TW_FORMAT_TEXT:
            if (i)
                fputc('\n', out);
            print_text_hit(out, h, color);
            break;
        }
    }
    tw_buf_free(&line);
    if (format == TW_FORMAT_TEXT && n) {
        const trawl_hit *first = trawl_results_hit(res, 0), *last = trawl_results_hit(res, n - 1);
        fprintf(out, "\n%zu-%zu of about %" PRIu64 " matching articles\n", first->rank,
                last->rank, trawl_results_total(res));
    }
    return rc || ferror(out) ? -1 : 0;
}

int tw_print_info(FILE *out, const trawl_db_info *info, tw_format format)
{
    char updated[32] = "unknown";
    if (info->last_update) {
        time_t t = (time_t)info->last_update;
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(updated, sizeof updated, "%Y-%m-%dT%H:%M:%SZ", &tm);
    }
    if (format == TW_FORMAT_JSON) {
        tw_buf b = { 0 };
        int rc = tw_buf_puts(&b, "{\"path\":");
        rc |= tw_json_cstr(&b, info->path);
        rc |= tw_buf_printf(&b, ",\"documents\":%" PRIu64 ",\"terms\":%" PRIu64
                            ",\"size_bytes\":%" PRIu64 ",\"last_update\":",
                            info->documents, info->terms, info->size_bytes);
        rc |= tw_json_cstr(&b, info->last_update ? updated : NULL);
        rc |= tw_buf_printf(&b, ",\"schema\":%u,\"stemmer\":", info->schema);
        rc |= tw_json_cstr(&b, info->stemmer);
        rc |= tw_buf_puts(&b, ",\"writer\":");
        rc |= tw_json_cstr(&b, info->writer && *info->writer ? info->writer : NULL);
        rc |= tw_buf_puts(&b, "}\n");
        if (rc == 0)
            fwrite(b.data, 1, b.len, out);
        tw_buf_free(&b);
        return rc || ferror(out) ? -1 : 0;
    }
    fputs("index       ", out);
    tw_cli_put_path(out, info->path);
    fprintf(out, "\ndocuments   %" PRIu64 "\nterms       %" PRIu64 "\n"
                 "size        %.1f MB (%" PRIu64 " bytes)\nupdated     %s\n"
                 "schema      %u\nstemmer     %s\nwritten by  trawl %s\n",
            info->documents, info->terms, (double)info->size_bytes / 1e6,
            info->size_bytes, updated, info->schema, info->stemmer,
            info->writer && *info->writer ? info->writer : "(unknown)");
    return ferror(out) ? -1 : 0;
}
