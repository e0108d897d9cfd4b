/* harness.c - fz_extract: one format reader and the article path behind it, as
 * the indexer runs them (lane.c, tw_ix_add_article), minus the Xapian
 * writer, with the promise of each step checked on every article. */
#include "harness.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/boilerplate.h"
#include "buf.h"
#include "formats/clean.h"
#include "date.h"
#include "docdata.h"
#include "formats/lang.h"
#include "store/minhash.h"
#include "piece_pack.h"
#include "schema.h"
#include "url.h"
#include "utf8.h"

void fz_fail(const char *file, int line, const char *what, const char *fmt, ...)
{
    fprintf(stderr, "%s:%d: broken promise: %s: ", file, line, what);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

/* Buffers kept across inputs, as the indexer keeps them across articles;
 * the packer and unpacker too, as the writer and a reader keep theirs. */
static struct {
    tw_buf field[6], body, host, data, map, packed, unpacked;
    tw_piece_packer *packer;
    tw_piece_unpacker *unpacker;
} s;

/* What tw_clean promises (clean.h): valid UTF-8, no control characters (bodies
 * keep '\n'), no run of spaces, at most two line breaks in a row, no space
 * beside a break, and nothing to trim at either end. */
static void check_clean(const tw_buf *b, bool one_line)
{
    const char *p = b->data ? b->data : "";
    FZ_CHECK(tw_utf8_valid(p, b->len), "cleaned %s is not UTF-8", one_line ? "line" : "text");
    FZ_CHECK(strlen(p) == b->len, "NUL byte inside cleaned text");
    for (size_t i = 0; i < b->len; i++) {
        unsigned char c = (unsigned char)p[i];
        FZ_CHECK(!(c < 0x20 || c == 0x7f) || (!one_line && c == '\n'),
                 "control byte 0x%02x at %zu of cleaned text", c, i);
        FZ_CHECK(!(c == 0xC2 && i + 1 < b->len && (unsigned char)p[i + 1] >= 0x80 &&
                   (unsigned char)p[i + 1] <= 0x9F), "C1 control at %zu", i);
    }
    if (!b->len)
        return;
    FZ_CHECK(p[0] != ' ' && p[0] != '\n' && p[b->len - 1] != ' ' && p[b->len - 1] != '\n',
             "cleaned text not trimmed");
    FZ_CHECK(!strstr(p, "  ") && !strstr(p, " \n") && !strstr(p, "\n ") &&
             !strstr(p, "\n\n\n"), "whitespace left in cleaned text");
}

/* lane.c's clean_field: NULL, or text that is not empty once cleaned. */
static const char *clean(tw_buf *b, const char *text, bool one_line)
{
    tw_buf_clear(b);
    if (!text)
        return NULL;
    FZ_CHECK(tw_clean(b, text, strlen(text), one_line) == 0, "tw_clean ran out of memory");
    check_clean(b, one_line);
    return b->len ? b->data : NULL;
}

/* A stored date is shown as tw_date_format writes it and read back by the
 * query side (results.c): it must parse again to the same moment on the same clock,
 * or for a day without a time, to the same day. */
static void check_date(const char *date, char iso[TW_DATE_ISO_MAX])
{
    tw_date d, again;
    iso[0] = '\0';
    if (!tw_date_parse(date, &d))
        return;
    tw_date_format(&d, iso);
    FZ_CHECK(tw_date_parse(iso, &again), "'%s' is stored as '%s', which does not parse",
             date, iso);
    FZ_CHECK(again.has_time == d.has_time, "'%s' stored as '%s' changes kind", date, iso);
    if (d.has_time) {
        FZ_CHECK(again.epoch == d.epoch, "'%s' stored as '%s' moves", date, iso);
        FZ_CHECK(again.offset == d.offset, "'%s' stored as '%s' changes clock", date, iso);
    }
}

/* The host that names the site when an article has a url and no site name. */
static const char *site_from_url(const char *url)
{
    tw_buf_clear(&s.host);
    FZ_CHECK(tw_url_host(url, &s.host) == 0, "tw_url_host ran out of memory");
    const char *h = s.host.data ? s.host.data : "";
    FZ_CHECK(tw_utf8_valid(h, s.host.len), "host of '%s' is not UTF-8", url);
    FZ_CHECK(strcspn(h, "/?#:ABCDEFGHIJKLMNOPQRSTUVWXYZ") == s.host.len,
             "host '%s' of '%s' is not a lower-case host", h, url);
    return s.host.len ? h : NULL;
}

/* What the document data holds must come back as it went in. */
static void check_docdata(const char *const value[TW_F_COUNT], const char *body,
                          size_t body_len)
{
    /* The fields the indexer writes, in its order. */
    static const tw_field shown[] = { TW_F_ID, TW_F_PATH, TW_F_TITLE, TW_F_DATE, TW_F_URL,
                                      TW_F_SITE, TW_F_AUTHOR, TW_F_LANG };
    const size_t n_shown = sizeof shown / sizeof shown[0];
    tw_buf_clear(&s.data);
    for (size_t i = 0; i < n_shown; i++)
        FZ_CHECK(tw_docdata_put(&s.data, shown[i], value[shown[i]],
                                value[shown[i]] ? strlen(value[shown[i]]) : 0) == 0,
                 "out of memory");
    tw_slice got[TW_F_COUNT];
    FZ_CHECK(tw_docdata_parse(s.data.data, s.data.len, got) == 0, "document data unreadable");
    for (size_t i = 0; i < n_shown; i++) {
        tw_field f = shown[i];
        if (!value[f]) {
            FZ_CHECK(!got[f].ptr, "field %d appeared", f);
            continue;
        }
        FZ_CHECK(got[f].ptr && got[f].len == strlen(value[f]) &&
                 memcmp(got[f].ptr, value[f], got[f].len) == 0, "field %d changed", f);
    }
    if (!body)
        return;
    /* Its pieces cover the body, each cut at white space, each comes back
     * from its stored form whole and in part, and their map reads back. */
    tw_buf_clear(&s.map);
    if (!s.packer)
        s.packer = tw_piece_packer_new();
    if (!s.unpacker)
        s.unpacker = tw_piece_unpacker_new();
    FZ_CHECK(s.packer && s.unpacker, "out of memory");
    unsigned n = 0;
    for (size_t from = 0, end; from < body_len; from = end, n++) {
        end = tw_piece_end(body, body_len, from);
        FZ_CHECK(end > from && end <= body_len, "piece [%zu, %zu) of %zu", from, end, body_len);
        FZ_CHECK(end == body_len || strchr(" \t\n\r\f\v", body[end]), "cut inside a word");
        FZ_CHECK(tw_pieces_add(&s.map, end - from, n, n ? n - 1 : 0) == 0, "out of memory");
        size_t len = end - from;
        /* Both ways the writer packs a piece: deflated (a body of one piece,
         * in the record), in LZ4's format (in a value slot). */
        int how = n % 2 ? TW_PIECE_LZ4 : TW_PIECE_DEFLATED;
        FZ_CHECK(tw_piece_pack(s.packer, how, body + from, len, &s.packed) == 0, "out of memory");
        FZ_CHECK(s.packed.len <= len + 1, "piece of %zu stored in %zu", len, s.packed.len);
        size_t keeps[] = { len, len / 3 };
        for (int k = 0; k < 2; k++) {
            tw_buf_clear(&s.unpacked);
            FZ_CHECK(tw_piece_unpack(s.unpacker, s.packed.data, s.packed.len, len, keeps[k],
                                     &s.unpacked) == 0 && s.unpacked.len == keeps[k] &&
                     memcmp(s.unpacked.data ? s.unpacked.data : "", body + from,
                            keeps[k]) == 0,
                     "piece of %zu read back wrong (%zu of it)", len, keeps[k]);
        }
    }
    FZ_CHECK(tw_pieces_add(&s.map, 0, n, n ? n - 1 : 0) == 0, "out of memory");
    tw_piece pieces[TW_PIECES_MAX + 1];
    int parsed = tw_pieces_parse((tw_slice){ s.map.data, s.map.len }, pieces);
    size_t covered = 0;
    for (int i = 0; i < parsed; i++)
        covered += pieces[i].len;
    FZ_CHECK(parsed == (int)n && covered == body_len, "map of %u pieces read as %d", n, parsed);
}

/* tw_ix_add_article, step by step. */
/* A language as the index keeps it: two or three lower-case ASCII letters. */
static void check_lang(const char *code)
{
    size_t n = strlen(code);
    FZ_CHECK(n >= 2 && n < TW_LANG_MAX, "language code '%s' of %zu bytes", code, n);
    for (size_t i = 0; i < n; i++)
        FZ_CHECK(code[i] >= 'a' && code[i] <= 'z', "language code '%s' is not letters", code);
}

static trawl_status on_article(void *ctx, const trawl_article *a, const char *lang)
{
    size_t *count = ctx;
    (*count)++;
    FZ_CHECK(a->id && *a->id, "article without an id");
    const char *title = clean(&s.field[0], a->title, true);
    const char *body = clean(&s.field[1], a->body, false);
    const char *author = clean(&s.field[2], a->author, true);
    const char *url = clean(&s.field[3], a->url, true);
    const char *site = clean(&s.field[4], a->site, true);
    const char *date = clean(&s.field[5], a->date, true);
    if (!site && url)
        site = site_from_url(url);

    if (body) {
        tw_buf *b = &s.field[1];
        size_t before = b->len;
        b->len = tw_strip_boilerplate(b->data, b->len, title);
        FZ_CHECK(b->len <= before && b->data[b->len] == '\0', "boilerplate cut overran");
        FZ_CHECK(tw_utf8_valid(b->data, b->len), "boilerplate cut split a character");
        if (!b->len)
            body = NULL;
    }
    tw_minhash sig;
    if (body)
        tw_minhash_compute(body, strlen(body), &sig);
    char code[TW_LANG_MAX];
    if (tw_lang_normalise(lang, code) || (body && tw_lang_detect(body, strlen(body), code)))
        check_lang(code);

    char iso[TW_DATE_ISO_MAX];
    if (date)
        check_date(date, iso);

    size_t stored = body ? strlen(body) : 0;
    if (stored > TW_STORED_BODY_MAX)
        stored = tw_utf8_cut(body, TW_STORED_BODY_MAX);
    FZ_CHECK(!body || tw_utf8_valid(body, stored), "stored body cut inside a character");
    const char *value[TW_F_COUNT] = { 0 };
    value[TW_F_ID] = a->id;
    value[TW_F_PATH] = a->path;
    value[TW_F_TITLE] = title;
    value[TW_F_DATE] = date && iso[0] ? iso : NULL;
    value[TW_F_URL] = url;
    value[TW_F_SITE] = site;
    value[TW_F_AUTHOR] = author;
    value[TW_F_LANG] = code[0] ? code : NULL;
    check_docdata(value, body, stored);
    return TRAWL_OK;
}

static void on_warning(void *ctx, const char *message, bool lost)
{
    (void)ctx;
    (void)lost;
    FZ_CHECK(message && *message, "empty warning");
}

char *fz_nul_copy(const uint8_t *data, size_t size)
{
    char *copy = malloc(size + 1);
    FZ_CHECK(copy != NULL, "out of memory");
    if (size)
        memcpy(copy, data, size);
    copy[size] = '\0';
    return copy;
}

void fz_extract(const tw_extractor *ex, const char *path, const uint8_t *data, size_t size)
{
    char *copy = fz_nul_copy(data, size);

    tw_input sniffed = { .path = "fuzz/input", .data = copy, .len = size };
    const tw_extractor *found = tw_extractor_find(&sniffed);
    FZ_CHECK(!found || found == &tw_extractor_reuters || found == &tw_extractor_trec ||
             found == &tw_extractor_json || found == &tw_extractor_feed ||
             found == &tw_extractor_csv ||
             found == &tw_extractor_html ||
             found == &tw_extractor_text || found == &tw_extractor_warc ||
             found == &tw_extractor_xml, "unknown extractor");

    size_t articles = 0;
    tw_emit emit = { .article = on_article, .warn = on_warning, .ctx = &articles };
    tw_input in = { .path = path, .data = copy, .len = size };
    char err[512] = "";
    trawl_status st = ex->extract(&in, &emit, err, sizeof err);
    FZ_CHECK(st == TRAWL_OK || st == TRAWL_EFORMAT, "%s extractor returned %d (%s)",
             ex->name, (int)st, err);
    if (st == TRAWL_EFORMAT)
        FZ_CHECK(err[0], "%s: a format error without a reason", ex->name);
    free(copy);
}
