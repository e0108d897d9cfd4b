/* format.c - text, JSON Lines and TSV output. */
#include "format.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "article_json.h"
#include "buf.h"
#include "cli.h"
#include "field_list.h"
#include "json_out.h"
#include "text_wrap.h"
#include "utf8.h"

#define HI_ON  "\033[1;31m"
#define HI_OFF "\033[0m"
#define BOLD   "\033[1m"

int tw_hit_json(tw_buf *b, const trawl_hit *h)
{
    int rc = tw_buf_printf(b, "{\"rank\":%zu,\"docid\":%" PRIu64 ",\"score\":", h->rank,
                           h->docid);
    rc |= tw_json_number(b, h->score, 4);
    rc |= tw_buf_puts(b, ",\"id\":");
    rc |= tw_json_name(b, h->id);
    rc |= tw_buf_puts(b, ",\"path\":");
    rc |= tw_json_name(b, h->path);
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
    rc |= tw_buf_puts(b, ",\"lang\":");
    rc |= tw_json_cstr(b, h->lang);
    rc |= tw_buf_puts(b, ",\"duplicates\":[");
    for (size_t i = 0; i < h->n_duplicates; i++) {
        if (i)
            rc |= tw_buf_putc(b, ',');
        rc |= tw_json_name(b, h->duplicates[i]);
    }
    rc |= tw_buf_printf(b, "],\"similar\":%zu,\"some_words\":%s", h->n_similar,
                        h->some_words ? "true" : "false");
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

/* A TSV field: tabs and line breaks would split rows and columns, and other
 * control characters (an id is a file's name, any bytes) would reach the
 * terminal, so they become spaces; bytes that are not UTF-8 become U+FFFD,
 * as in JSON's text fields. */
static void put_tsv(FILE *out, const char *s)
{
    size_t len = s ? strlen(s) : 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp = (unsigned char)s[i];
        size_t n = cp >= 0x80 ? tw_utf8_decode(s + i, len - i, &cp) : 1;
        if (n == 0)
            fputs("\xef\xbf\xbd", out);
        else if (tw_cli_control(cp))
            fputc(' ', out);
        else
            fwrite(s + i, 1, n, out);
        i += n ? n : 1;
    }
}

/* Whether NAME, valid UTF-8, holds a control character (tw_cli_control). */
static bool has_control(const char *name)
{
    size_t len = strlen(name);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += tw_utf8_char_at(name, len, i, &cp);
        if (tw_cli_control(cp))
            return true;
    }
    return false;
}

/* A TSV field of a file's name or an article's id: bytes that are not
 * UTF-8, and a tab or line break, are a name's own, which U+FFFD or a space
 * would lose (--show said "no article with id" for the TSV's id of a name
 * with a tab), so such a name is written as text output writes it
 * (tw_cli_put_path: C escapes, no tab or line break), which --show takes
 * back. */
static void put_tsv_name(FILE *out, const char *name)
{
    if (name && (!tw_utf8_valid(name, strlen(name)) || has_control(name)))
        tw_cli_put_path(out, name);
    else
        put_tsv(out, name);
}

/* Whether the LEN bytes at GAP, between two matches, join them into one
 * mark: spaces, or the apostrophe of an elided word ("l'économie"). */
static bool joins_marks(const char *gap, size_t len)
{
    return strspn(gap, " ") >= len || (len == 1 && *gap == '\'') ||
           (len == 3 && memcmp(gap, "\xe2\x80\x99", 3) == 0);
}

/* The columns a hit's lines after its first start at: under its title. */
#define HIT_INDENT 3

/* Writes TEXT[FROM, TO) to OUT, each of the N BREAKS that falls there as a
 * new line indented under the hit's first (the spaces at it left out).  A
 * line that starts at either end of a plain piece (LIT NULL) starts in it,
 * not in the mark beside it: the mark's colour was switched on at the end
 * of a line, and its next line's indent was lit.  In a mark lit by the
 * escape LIT, a break switches the colour off for the new line and its
 * indent, and on again after them: a phrase's colour had spanned them. */
static void put_lines(FILE *out, const char *text, size_t from, size_t to,
                      const tw_line_break *breaks, size_t n, const char *lit)
{
    bool plain = !lit;
    size_t at = from;
    for (size_t k = 0; k < n && breaks[k].end <= to; k++) {
        const tw_line_break *b = &breaks[k];
        if (b->next < from)
            continue;
        if (b->end > at)
            fwrite(text + at, 1, b->end - at, out);
        /* A break whose spaces reach past TO starts its line in the next
         * piece. */
        if (b->next > at)
            at = b->next < to ? b->next : to;
        if (plain ? b->next <= to : b->next > from && b->next < to)
            fprintf(out, "%s\n%*s%s", plain ? "" : HI_OFF, HIT_INDENT, "", plain ? "" : lit);
    }
    if (at < to)
        fwrite(text + at, 1, to - at, out);
}

/* Writes TEXT with its SPANS in bold red when COLOR is on; matches with only
 * spaces or an elision's apostrophe between them are marked as one, so a
 * phrase reads as one.  On a terminal WIDTH columns wide (0: none), the
 * text, which starts FIRST columns in, is set in lines that fit it. */
static void put_marked(FILE *out, const char *text, const trawl_span *spans, size_t n,
                       bool color, const char *after, size_t first, size_t width)
{
    size_t at = 0, len = strlen(text), n_breaks;
    tw_line_break *breaks;
    if (tw_wrap_breaks(text, len, first, HIT_INDENT, width, &breaks, &n_breaks) < 0)
        n_breaks = 0;   /* out of memory: on one line, as a pipe gets it */
    for (size_t i = 0; i < n && color;) {
        size_t end = spans[i].end, j = i + 1;
        while (j < n && spans[j].start >= end && joins_marks(text + end, spans[j].start - end))
            end = spans[j++].end;
        put_lines(out, text, at, spans[i].start, breaks, n_breaks, NULL);
        fputs(HI_ON, out);
        put_lines(out, text, spans[i].start, end, breaks, n_breaks, HI_ON);
        fputs(after, out);
        at = end;
        i = j;
    }
    put_lines(out, text, at, len, breaks, n_breaks, NULL);
    free(breaks);
}

static void print_text_hit(FILE *out, const trawl_hit *h, bool color, size_t width)
{
    fprintf(out, "%s%zu. ", color ? BOLD : "", h->rank);
    size_t lead = (size_t)snprintf(NULL, 0, "%zu. ", h->rank);
    /* After a highlighted word the title goes on in bold. */
    if (h->title)
        put_marked(out, h->title, h->title_highlights, h->n_title_highlights, color,
                   HI_OFF BOLD, lead, width);
    else
        fputs("(no title)", out);
    fprintf(out, "%s\n", color ? HI_OFF : "");
    fputs("   ", out);
    if (h->date)
        fprintf(out, "%.10s  ", h->date);
    if (h->site)
        fprintf(out, "%s  ", h->site);
    /* The id: the path, with #MEMBER for an article of a container. */
    tw_cli_put_path(out, h->id ? h->id : h->path);
    if (h->n_similar)
        fprintf(out, "  +%zu similar", h->n_similar);
    fputc('\n', out);
    if (h->snippet && *h->snippet) {
        fputs("   ", out);
        put_marked(out, h->snippet, h->highlights, h->n_highlights, color, HI_OFF,
                   HIT_INDENT, width);
        fputc('\n', out);
    }
}

/* One hit as a TSV row of the columns ARGS ask for. */
static void print_tsv_hit(FILE *out, const trawl_hit *h, const tw_query_args *args)
{
    for (size_t c = 0; c < args->n_columns; c++) {
        if (c)
            fputc('\t', out);
        switch (args->columns[c]) {
        case TW_FIELD_RANK: fprintf(out, "%zu", h->rank); break;
        case TW_FIELD_SCORE: fprintf(out, "%.4f", h->score); break;
        case TW_FIELD_ID: put_tsv_name(out, h->id); break;
        case TW_FIELD_PATH: put_tsv_name(out, h->path); break;
        case TW_FIELD_TITLE: put_tsv(out, h->title); break;
        case TW_FIELD_DATE: put_tsv(out, h->date); break;
        case TW_FIELD_URL: put_tsv(out, h->url); break;
        case TW_FIELD_SITE: put_tsv(out, h->site); break;
        case TW_FIELD_AUTHOR: put_tsv(out, h->author); break;
        case TW_FIELD_LANG: put_tsv(out, h->lang); break;
        case TW_FIELD_WORDS: fputs(h->some_words ? "some" : "all", out); break;
        case TW_N_FIELDS: break;
        }
    }
    fputc('\n', out);
}

/* What N matches are, in a sentence: stories when folded, else articles
 * ("1 matching stories" read as a slip). */
static const char *matches_noun(uint64_t n, bool folded)
{
    return n == 1 ? (folded ? "story" : "article") : folded ? "stories" : "articles";
}

/* The line under a page of text: which places it shows, of how many
 * matches, and from where on the hits hold only some of the words. */
static void print_text_footer(FILE *out, const trawl_results *res, bool folded)
{
    size_t n = trawl_results_count(res), all = 0;
    while (all < n && !trawl_results_hit(res, all)->some_words)
        all++;
    const trawl_hit *first = trawl_results_hit(res, 0), *last = trawl_results_hit(res, n - 1);
    uint64_t total = trawl_results_total(res);
    const char *what = matches_noun(total, folded);
    const char *about = trawl_results_total_exact(res) ? "" : "about ";
    if (all == n) {
        fprintf(out, "\n%zu-%zu of %s%" PRIu64 " matching %s\n", first->rank, last->rank, about,
                total, what);
    } else if (all) {
        fprintf(out, "\n%zu-%zu of %s%" PRIu64 " %s with all the words; %zu-%zu with some\n",
                first->rank, trawl_results_hit(res, all - 1)->rank, about, total, what,
                trawl_results_hit(res, all)->rank, last->rank);
    } else if (trawl_results_relaxed(res)) {
        fprintf(out, "\n%zu-%zu of %s%" PRIu64 " %s with some of the words\n", first->rank,
                last->rank, about, total, what);
    } else {
        fprintf(out, "\n%zu-%zu with some of the words, after the %s%" PRIu64 " %s with all\n",
                first->rank, last->rank, about, total, what);
    }
}

/* The line of a text page that --offset took past the last match: how many
 * matches there are, where the page alone read as if there were none. */
static void print_text_past_end(FILE *out, const trawl_results *res, uint64_t offset,
                                bool folded)
{
    fprintf(out, "--offset %" PRIu64 " is past the %s%" PRIu64 " matching %s\n", offset,
            trawl_results_total_exact(res) ? "" : "last of about ", trawl_results_total(res),
            matches_noun(trawl_results_total(res), folded));
}

int tw_print_hits(FILE *out, const trawl_results *res, const tw_query_args *args, bool color,
                  size_t width)
{
    tw_format format = args->format;
    bool folded = !args->no_collapse;
    size_t n = trawl_results_count(res);
    tw_buf line = { 0 };
    int rc = 0;
    /* Output that failed (a reader gone: | head) ends the page. */
    for (size_t i = 0; i < n && rc == 0 && !ferror(out); i++) {
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
            print_tsv_hit(out, h, args);
            break;
        case TW_FORMAT_TEXT:
            if (i)
                fputc('\n', out);
            /* Where the hits start to lack words, when some had them all. */
            if (i && h->some_words && !trawl_results_hit(res, i - 1)->some_words)
                fputs("-- with some of the words --\n\n", out);
            print_text_hit(out, h, color, width);
            break;
        }
    }
    tw_buf_free(&line);
    if (format == TW_FORMAT_TEXT && n)
        print_text_footer(out, res, folded);
    else if (format == TW_FORMAT_TEXT && args->offset && trawl_results_total(res))
        print_text_past_end(out, res, args->offset, folded);
    return rc || ferror(out) ? -1 : 0;
}

int tw_print_facets(FILE *out, const trawl_results *res, const tw_query_args *args)
{
    unsigned facets = args->facets;
    tw_format format = args->format;
    tw_buf b = { 0 };
    int rc = 0;
    bool first = true;
    if (format == TW_FORMAT_JSON)
        rc |= tw_buf_puts(&b, "{\"facets\":{");
    for (size_t f = 0; f < TW_N_FACETS; f++) {
        if (!(facets & tw_facet_names[f].bit))
            continue;
        size_t n;
        const trawl_facet_value *v = trawl_results_facet(res, tw_facet_names[f].bit, &n);
        size_t all = n;
        if (args->facet_limit && n > args->facet_limit)
            n = (size_t)args->facet_limit;
        switch (format) {
        case TW_FORMAT_JSON:
            rc |= tw_buf_printf(&b, "%s\"%s\":{", first ? "" : ",", tw_facet_names[f].name);
            for (size_t i = 0; i < n; i++) {
                rc |= tw_buf_puts(&b, i ? "," : "");
                rc |= tw_json_cstr(&b, v[i].value);
                rc |= tw_buf_printf(&b, ":%" PRIu64, v[i].count);
            }
            rc |= tw_buf_putc(&b, '}');
            break;
        case TW_FORMAT_TSV:
            for (size_t i = 0; i < n; i++) {
                fprintf(out, "facet\t%s\t", tw_facet_names[f].name);
                put_tsv(out, v[i].value);
                fprintf(out, "\t%" PRIu64 "\n", v[i].count);
            }
            break;
        case TW_FORMAT_TEXT:
            /* Apart from the hits above them; -n 0 prints none. */
            fprintf(out, "%s%s:", first && args->limit ? "\n" : "", tw_facet_names[f].name);
            for (size_t i = 0; i < n; i++) {
                fprintf(out, "%s ", i ? "," : "");
                tw_cli_put_path(out, v[i].value);
                fprintf(out, " (%" PRIu64 ")", v[i].count);
            }
            if (all > n)
                fprintf(out, ", and %zu more", all - n);
            fputs(n ? "\n" : " none\n", out);
            break;
        }
        first = false;
    }
    if (format == TW_FORMAT_JSON) {
        rc |= tw_buf_putc(&b, '}');
        if (trawl_results_facets_by_article(res))
            rc |= tw_buf_puts(&b, ",\"counted\":\"articles\"");
        rc |= tw_buf_puts(&b, "}\n");
        if (rc == 0)
            fwrite(b.data, 1, b.len, out);
    }
    tw_buf_free(&b);
    return rc || ferror(out) ? -1 : 0;
}

/* Names on ERR the shards that did not answer a --partial search, and in a
 * JSON line on OUT too with FORMAT json. */
static void print_missing(FILE *out, FILE *err, const trawl_results *res, tw_format format)
{
    size_t n;
    const char *const *missing = trawl_results_missing_shards(res, &n);
    if (!n)
        return;
    tw_buf b = { 0 };
    int rc = tw_buf_puts(&b, "{\"missing_shards\":[");
    for (size_t i = 0; i < n; i++) {
        fputs("trawl-query: shard ", err);
        tw_cli_put_path(err, missing[i]);
        fputs(" did not answer: these hits are from the others\n", err);
        rc |= tw_buf_puts(&b, i ? "," : "");
        rc |= tw_json_name(&b, missing[i]);
    }
    rc |= tw_buf_puts(&b, "]}\n");
    if (rc == 0 && format == TW_FORMAT_JSON)
        fwrite(b.data, 1, b.len, out);
    tw_buf_free(&b);
}

void tw_print_notes(FILE *out, FILE *err, const trawl_results *res, tw_format format)
{
    const char *s = trawl_results_suggestion(res);
    const char *broad = trawl_results_broad_wildcard(res);
    const char *field = trawl_results_unknown_field(res);
    bool used = trawl_results_used_suggestion(res), relaxed = trawl_results_relaxed(res);
    print_missing(out, err, res, format);
    if (trawl_results_facets_by_article(res) && format != TW_FORMAT_JSON)
        fputs("trawl-query: a shard is remote, so the facets count articles, not stories\n",
              err);
    if (trawl_results_unfolded(res))
        fprintf(err,
                "trawl-query: past the first %d stories, a story's copies in different "
                "shards are not folded: each shows (and counts) as a hit\n",
                TRAWL_FOLD_MAX);
    if (format == TW_FORMAT_JSON) {
        tw_buf b = { 0 };
        int rc = 0;
        if (s) {
            rc |= tw_buf_puts(&b, "{\"suggestion\":");
            rc |= tw_json_cstr(&b, s);
            rc |= tw_buf_printf(&b, ",\"used\":%s}\n", used ? "true" : "false");
        }
        if (relaxed)
            rc |= tw_buf_puts(&b, "{\"relaxed\":true}\n");
        if (broad) {
            rc |= tw_buf_puts(&b, "{\"broad_wildcard\":");
            rc |= tw_json_cstr(&b, broad);
            rc |= tw_buf_printf(&b, ",\"words_searched\":%d}\n", TRAWL_WILDCARD_MAX);
        }
        if (field) {
            rc |= tw_buf_puts(&b, "{\"unknown_field\":");
            rc |= tw_json_cstr(&b, field);
            rc |= tw_buf_puts(&b, "}\n");
        }
        if (rc == 0 && b.len)
            fwrite(b.data, 1, b.len, out);
        tw_buf_free(&b);
        return;
    }
    if (broad)
        fprintf(err, "trawl-query: %s stands for more than %d words; searched for the %d "
                "most frequent (type more of the word to narrow it)\n", broad,
                TRAWL_WILDCARD_MAX, TRAWL_WILDCARD_MAX);
    if (field)
        fprintf(err, "trawl-query: %s: is no field, so the query searched for the word "
                "'%s' there; the fields are %s\n", field, field, tw_field_list());
    if (s && used)
        fprintf(err, "trawl-query: nothing matched; showing results for: %s\n", s);
    else if (s)
        fprintf(err, "trawl-query: did you mean: %s\n", s);
    size_t n = trawl_results_count(res);
    if (relaxed)
        fputs("trawl-query: no article has all the words; showing articles with any of "
              "them (--all to turn this off)\n", err);
    else if (n && trawl_results_hit(res, n - 1)->some_words)
        fputs("trawl-query: too few articles have all the words to fill the page; the hits "
              "after them have some (--all to turn this off)\n", err);
}

int tw_print_article(FILE *out, const trawl_article *a, tw_format format)
{
    if (format == TW_FORMAT_JSON) {
        tw_buf b = { 0 };
        int rc = tw_article_json(&b, a);
        rc |= tw_buf_putc(&b, '\n');
        if (rc == 0)
            fwrite(b.data, 1, b.len, out);
        tw_buf_free(&b);
        return rc || ferror(out) ? -1 : 0;
    }
    /* A label, then the value.  The fields are cleaned text of one
     * line; the path is the file's name as walked, any bytes, so escaped. */
    const struct { const char *label; const char *value; } lines[] = {
        { "title", a->title }, { "date", a->date }, { "url", a->url },
        { "site", a->site }, { "author", a->author },
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        fprintf(out, "%-8s%s\n", lines[i].label, lines[i].value ? lines[i].value : "(none)");
    fputs("path    ", out);
    if (a->path)
        tw_cli_put_path(out, a->path);
    else
        fputs("(none)", out);
    fputs("\n\n", out);
    if (a->body)
        fprintf(out, "%s\n", a->body);
    return ferror(out) ? -1 : 0;
}

int tw_print_info(FILE *out, const trawl_db_info *info, tw_format format,
                  const char *const *words, const uint64_t *counts, size_t n)
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
        rc |= tw_json_name(&b, info->path);
        rc |= tw_buf_printf(&b, ",\"documents\":%" PRIu64 ",\"terms\":%" PRIu64
                            ",\"size_bytes\":%" PRIu64 ",\"last_update\":",
                            info->documents, info->terms, info->size_bytes);
        rc |= tw_json_cstr(&b, info->last_update ? updated : NULL);
        rc |= tw_buf_printf(&b, ",\"schema\":%u,\"stemmer\":", info->schema);
        rc |= tw_json_cstr(&b, info->stemmer);
        rc |= tw_buf_puts(&b, ",\"writer\":");
        rc |= tw_json_cstr(&b, info->writer && *info->writer ? info->writer : NULL);
        rc |= tw_buf_printf(&b, ",\"remote_uncounted\":%s,\"part\":",
                            info->remote_uncounted ? "true" : "false");
        rc |= tw_json_cstr(&b, info->part);
        for (size_t i = 0; i < n; i++) {
            rc |= tw_buf_puts(&b, i ? "," : ",\"words\":{");
            rc |= tw_json_cstr(&b, words[i]);
            rc |= tw_buf_printf(&b, ":%" PRIu64, counts[i]);
        }
        rc |= tw_buf_puts(&b, n ? "}}\n" : "}\n");
        if (rc == 0)
            fwrite(b.data, 1, b.len, out);
        tw_buf_free(&b);
        return rc || ferror(out) ? -1 : 0;
    }
    fputs("index       ", out);
    tw_cli_put_path(out, info->path);
    const char *local = info->remote_uncounted ? ", local shards only" : "";
    fprintf(out, "\ndocuments   %" PRIu64 "\nterms       %" PRIu64 "%s\n"
                 "size        %.1f MB (%" PRIu64 " bytes%s)\nupdated     %s\n"
                 "schema      %u\nstemmer     %s\nwritten by  trawl %s\n",
            info->documents, info->terms,
            info->remote_uncounted ? " (local shards only: a remote shard's are not counted)" : "",
            (double)info->size_bytes / 1e6,
            info->size_bytes, local, updated, info->schema, info->stemmer,
            info->writer && *info->writer ? info->writer : "(unknown)");
    fprintf(out, "part        %s\n", info->part ? info->part : "(unknown)");
    for (size_t i = 0; i < n; i++) {
        fprintf(out, "articles    %" PRIu64 " ", counts[i]);
        tw_cli_put_path(out, words[i]);
        fputc('\n', out);
    }
    return ferror(out) ? -1 : 0;
}
