/* extract_warc.c - web archives (WARC, ISO 28500): the pages of their response
 * and resource records, each through the HTML (or plain-text) extractor, and
 * the text of conversion records (Common Crawl's WET files: each page's text,
 * its title on the first line) through the plain-text one.
 *
 * Why our own record reader: Debian 12's libarchive (3.6.2) reads WARC 0.12
 * to 1.0 only (a WARC/1.1 file is "Unrecognized archive format"), names a
 * record by the path of its URI alone (scheme and host dropped), and gives
 * neither the record's type, id nor the payload's Content-Type, which is
 * where the charset and "is it HTML" come from.  A record is a header block
 * and Content-Length bytes, so reading one takes a page of code.  What
 * libarchive does serve is decompression: a .warc.gz is gzip members, which
 * read.c inflates one after another, and a .warc.zst, .xz or .bz2 comes
 * through archive.c as a compressed file's one member.
 *
 * A record's Content-Length is trusted only when the next record follows it:
 * one wrong length must not lose the rest of the crawl, so the reader then
 * reads on from the next line that starts a record.  A record with no length
 * (or one that is not a number) runs to the next record in the same way.
 *
 * Memory: the input is read a record at a time from the source's window,
 * which holds a record up to TW_RECORD_MAX until its end is checked; a longer
 * one (a 2 GB video) is dropped as it is read, and a kept payload is held up
 * to TW_RECORD_MAX. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <brotli/decode.h>
#include <zstd.h>
#include <zlib.h>

#include "buf.h"
#include "extract.h"
#include "sniff.h"
#include "url.h"
#include "utf8.h"

/* A WARC record's header block longer than this is damage, not a header. */
#define WARC_HEAD_MAX (64u * 1024)
/* The same for an HTTP response's headers, which may carry a cookie of
 * 100 KiB: the payload is in memory already, so looking far costs little. */
#define HTTP_HEAD_MAX (1u << 20)
#define HTTP_HEAD_MAX_TEXT "1 MiB"
/* Bytes dropped at a time while skipping a record. */
#define SKIP_STEP (1u << 20)
/* The longest first line of a record looked for: "WARC/0.17\r\n", and room. */
#define RECORD_LINE_MAX 16
/* Bytes looked at past a record's declared end for the next record: the
 * blank line between them (a few more line ends let pass) and its first line. */
#define RECORD_GAP_MAX 64
/* How far past the declared end of a record whose Content-Length is wrong the
 * next record is looked for while the record is still held: a length a little
 * short then loses none of the page. */
#define RESYNC_LOOK (64u * 1024)
/* Bytes a decoder is given to write into at a time. */
#define DECODE_STEP (256u * 1024)

static const char *const warc_exts[] = { ".warc", NULL };

static bool warc_claims(const tw_input *in)
{
    return in->len >= 6 && memcmp(in->data, "WARC/", 5) == 0 && isdigit((unsigned char)in->data[5]);
}

/* The value of header NAME in the block HEAD[0, LEN) (lines "Name: value"),
 * copied into OUT without surrounding space; false when it is not there. */
static bool header(const char *head, size_t len, const char *name, tw_buf *out)
{
    size_t n = strlen(name);
    tw_buf_clear(out);
    for (const char *p = head, *end = head + len; p < end;) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        if ((size_t)(eol - p) > n && strncasecmp(p, name, n) == 0 && p[n] == ':') {
            const char *v = p + n + 1, *e = eol;
            while (v < e && (*v == ' ' || *v == '\t'))
                v++;
            while (e > v && isspace((unsigned char)e[-1]))
                e--;
            return tw_buf_append(out, v, (size_t)(e - v)) == 0;
        }
        p = eol + 1;
    }
    return false;
}

/* The length of the header block (a WARC record's, an HTTP response's) at
 * the start of P[0, N) with the blank line that ends it, or 0 when P[0, N)
 * does not hold it all.  The first empty line ends it, however lines end:
 * "\r\n", or "\n" from tools that write bare newlines, even mixed; a page's
 * own blank lines come after it. */
static size_t head_length(const char *p, size_t n)
{
    for (const char *q = p, *end = p + n; (q = memchr(q, '\n', (size_t)(end - q))); q++) {
        size_t rest = (size_t)(end - q);
        if (rest > 1 && q[1] == '\n')
            return (size_t)(q - p) + 2;
        if (rest > 2 && q[1] == '\r' && q[2] == '\n')
            return (size_t)(q - p) + 3;
    }
    return 0;
}

/* The media type of a Content-Type value ("text/html; charset=x" -> "text/html")
 * compared with TYPE, ignoring case. */
static bool media_is(const char *content_type, const char *type)
{
    size_t n = strlen(type);
    return strncasecmp(content_type, type, n) == 0 &&
           (content_type[n] == '\0' || content_type[n] == ';' || content_type[n] == ' ');
}

/* The charset parameter of a Content-Type value, into out[outlen]. */
static bool charset_of(const char *content_type, char *out, size_t outlen)
{
    const char *p = strcasestr(content_type, "charset=");
    if (!p)
        return false;
    p += 8;
    if (*p == '"' || *p == '\'')
        p++;
    size_t n = strcspn(p, "\"'; \t");
    if (n == 0 || n >= outlen)
        return false;
    memcpy(out, p, n);
    out[n] = '\0';
    return true;
}

/* What one record needs once its header block is gone from the window. */
typedef struct record {
    tw_buf type, uri, date, rid, ctype, length;
    tw_buf lang;                /* WARC-Identified-Content-Language */
    tw_buf payload, decoded, scratch;
    tw_buf coding;              /* the page's Content-Encoding */
    tw_buf name;                /* the page's address, else the record's id */
    tw_buf id;                  /* the article's: the file's path, #, name */
} record;

static void record_free(record *r)
{
    tw_buf *all[] = { &r->type, &r->uri, &r->date, &r->rid, &r->ctype, &r->length, &r->lang,
                      &r->payload, &r->decoded, &r->scratch, &r->coding, &r->name, &r->id };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        tw_buf_free(all[i]);
}

/* An article of a record goes out with the record's url, and, when the
 * page gives no date, the day that url names ("/2018/04/05/slug": a page
 * without a canonical link cannot give it), else the record's date, which
 * is when the crawler fetched it; when the page declares no language, the
 * one the crawler identified (Common Crawl's "eng,fra": the first). */
typedef struct record_emit {
    const tw_emit *outer;
    const char *url, *date, *name, *lang;
} record_emit;

static trawl_status record_article(void *ctx, const trawl_article *a, const char *lang)
{
    record_emit *re = ctx;
    trawl_article own = *a;
    if (re->url)
        own.url = re->url;
    char iso[TW_DATE_ISO_MAX];
    if (!own.date)
        own.date = re->url && tw_url_day(re->url, iso) ? iso : re->date;
    return re->outer->article(re->outer->ctx, &own, lang ? lang : re->lang);
}

static void record_warn(void *ctx, const char *message, bool lost)
{
    record_emit *re = ctx;
    char line[512];
    snprintf(line, sizeof line, "%s: %s", re->name, message);
    re->outer->warn(re->outer->ctx, line, lost);
}

static trawl_status record_check(void *ctx, char *err, size_t errlen)
{
    record_emit *re = ctx;
    return tw_emit_check(re->outer, err, errlen);
}

/* Undoes "Transfer-Encoding: chunked" of BODY into OUT; false when the chunks
 * do not add up (the payload is then taken as it is). */
static bool dechunk(const char *body, size_t len, tw_buf *out)
{
    const char *p = body, *end = body + len;
    tw_buf_clear(out);
    while (p < end) {
        char *after;
        unsigned long long n = strtoull(p, &after, 16);
        if (after == p)
            return false;
        const char *eol = memchr(after, '\n', (size_t)(end - after));
        if (!eol)
            return false;
        p = eol + 1;
        if (n == 0)
            return true;
        if (n > (unsigned long long)(end - p) || tw_buf_append(out, p, (size_t)n) < 0)
            return false;
        p += n;
        if (p < end && *p == '\r')
            p++;
        if (p < end && *p == '\n')
            p++;
    }
    return true;
}

/* Where a decoder writes next in OUT: up to DECODE_STEP bytes, as many as
 * keep OUT within TW_RECORD_MAX (*ROOM, 0 when it is full).  NULL on ENOMEM. */
static unsigned char *room_in(tw_buf *out, size_t *room)
{
    size_t left = TW_RECORD_MAX - out->len;
    *room = left < DECODE_STEP ? left : DECODE_STEP;
    return tw_buf_reserve(out, *room) < 0 ? NULL : (unsigned char *)out->data + out->len;
}

/* Inflates deflate BODY into OUT: WBITS 15 for zlib's own format, -15 for
 * raw deflate (gzip goes through read.c's tw_gunzip, which also reads the
 * members after the first).  Returns 0 (the first TW_RECORD_MAX bytes of a
 * longer page), or -1 with a reason. */
static int inflate_body(const char *body, size_t len, int wbits, tw_buf *out, char *err,
                        size_t errlen)
{
    z_stream zs = { 0 };
    if (inflateInit2(&zs, wbits) != Z_OK) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    zs.next_in = (unsigned char *)body;
    zs.avail_in = (uInt)len;    /* a payload is at most TW_RECORD_MAX */
    int rc = Z_OK;
    size_t room;
    while (rc == Z_OK && (zs.next_out = room_in(out, &room)) && room) {
        zs.avail_out = (uInt)room;
        rc = inflate(&zs, Z_NO_FLUSH);
        out->len += room - zs.avail_out;
        out->data[out->len] = '\0';
    }
    if (rc != Z_OK && rc != Z_STREAM_END)
        snprintf(err, errlen, "damaged deflate data (%s)",
                 rc == Z_BUF_ERROR ? "cut short" : zs.msg ? zs.msg : "inflate failed");
    else if (!zs.next_out)
        snprintf(err, errlen, "out of memory");
    inflateEnd(&zs);
    return (rc == Z_OK || rc == Z_STREAM_END) && zs.next_out ? 0 : -1;
}

/* Decodes Brotli BODY into OUT, as inflate_body does deflate. */
static int unbrotli_body(const char *body, size_t len, tw_buf *out, char *err, size_t errlen)
{
    BrotliDecoderState *st = BrotliDecoderCreateInstance(NULL, NULL, NULL);
    if (!st) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    const uint8_t *in = (const uint8_t *)body;
    size_t in_left = len, room;
    uint8_t *to = NULL;
    BrotliDecoderResult rc = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
    while (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT && (to = room_in(out, &room)) && room) {
        size_t out_left = room;
        rc = BrotliDecoderDecompressStream(st, &in_left, &in, &out_left, &to, NULL);
        out->len += room - out_left;
        out->data[out->len] = '\0';
    }
    if (rc == BROTLI_DECODER_RESULT_ERROR || rc == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT)
        snprintf(err, errlen, "damaged br data (%s)", rc == BROTLI_DECODER_RESULT_ERROR ?
                 BrotliDecoderErrorString(BrotliDecoderGetErrorCode(st)) : "cut short");
    else if (!to)
        snprintf(err, errlen, "out of memory");
    BrotliDecoderDestroyInstance(st);
    return (rc == BROTLI_DECODER_RESULT_SUCCESS ||
            rc == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) && to ? 0 : -1;
}

/* Decodes Zstandard BODY (one frame or several) into OUT, as inflate_body
 * does deflate. */
static int unzstd_body(const char *body, size_t len, tw_buf *out, char *err, size_t errlen)
{
    ZSTD_DCtx *dc = ZSTD_createDCtx();
    if (!dc) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    ZSTD_inBuffer in = { body, len, 0 };
    size_t rc = 0, room;
    unsigned char *to;
    /* Until OUT is full, or the input is used up and all it held is out;
     * RC is 0 where a frame ends. */
    while ((to = room_in(out, &room)) && room) {
        ZSTD_outBuffer ob = { to, room, 0 };
        rc = ZSTD_decompressStream(dc, &ob, &in);
        out->len += ob.pos;
        out->data[out->len] = '\0';
        if (ZSTD_isError(rc) || (in.pos == in.size && ob.pos < ob.size))
            break;
    }
    int ok = to && !ZSTD_isError(rc) && (!room || rc == 0);
    if (!to)
        snprintf(err, errlen, "out of memory");
    else if (!ok)
        snprintf(err, errlen, "damaged zstd data (%s)",
                 ZSTD_isError(rc) ? ZSTD_getErrorName(rc) : "cut short");
    ZSTD_freeDCtx(dc);
    return ok ? 0 : -1;
}

/* Decodes BODY, sent in Content-Encoding CODING, into OUT (its first
 * TW_RECORD_MAX bytes).  Returns 0, or -1 with a reason: the data is damaged,
 * or the encoding is not one trawl reads. */
static int decode_body(const char *coding, const char *body, size_t len, tw_buf *out,
                       char *err, size_t errlen)
{
    const unsigned char *b = (const unsigned char *)body;
    tw_buf_clear(out);
    bool cut;
    if (strcasecmp(coding, "gzip") == 0 || strcasecmp(coding, "x-gzip") == 0)
        return tw_gunzip(b, len, TW_RECORD_MAX, out, &cut, err, errlen);
    if (strcasecmp(coding, "deflate") == 0) {
        /* Meant to be zlib's format, but often sent raw, without its two-byte
         * header: deflate as method, and a multiple of 31 as a number. */
        bool zlib = len >= 2 && (b[0] & 0x0f) == Z_DEFLATED && b[0] >> 4 <= 7 &&
                    ((b[0] << 8) | b[1]) % 31 == 0;
        return inflate_body(body, len, zlib ? 15 : -15, out, err, errlen);
    }
    if (strcasecmp(coding, "br") == 0)
        return unbrotli_body(body, len, out, err, errlen);
    if (strcasecmp(coding, "zstd") == 0)
        return unzstd_body(body, len, out, err, errlen);
    snprintf(err, errlen, "Content-Encoding %s cannot be decoded", coding);
    return -1;
}

/* Whether BODY, which its Content-Encoding did not decode, is the page
 * itself: a crawler that fetches through a library that decodes for it
 * (Python's requests under warcio, a browser's devtools) may store the page
 * decoded under the server's Content-Encoding.  Compressed bytes are
 * binary; a page is text that opens with markup, or UTF-8. */
static bool stored_decoded(const char *body, size_t len)
{
    if (tw_looks_binary(body, len))
        return false;
    size_t n = tw_utf8_cut(body, len < TW_SNIFF_BYTES ? len : TW_SNIFF_BYTES);
    tw_input head = { .data = body, .len = n };
    return tw_input_first_char(&head) == '<' || (n && tw_utf8_valid(body, n));
}

/* The reader of a page of media type CTYPE ("text/html; charset=x"), or NULL
 * when that is not a page. */
static const tw_extractor *page_reader(const char *ctype)
{
    return media_is(ctype, "text/html") || media_is(ctype, "application/xhtml+xml")
               ? &tw_extractor_html
           : media_is(ctype, "text/plain") ? &tw_extractor_text : NULL;
}

/* Says what went wrong with R's page: WHY.  LOST when the page could not be
 * read at all (the file then counts as failed), not when it had no text. */
static void say_page(const record *r, const tw_emit *emit, const char *why, bool lost)
{
    char msg[700];
    snprintf(msg, sizeof msg, "%s: %s%s", r->name.data, why, lost ? ": the page is not read" : "");
    emit->warn(emit->ctx, msg, lost);
}

/* Extracts the page in R's payload.  A record that is not a page (a redirect,
 * an image, a DNS answer) gives nothing, silently: a crawl is mostly those. */
static trawl_status record_page(record *r, const tw_emit *emit, bool http,
                                char *err, size_t errlen)
{
    const char *body = r->payload.data ? r->payload.data : "";
    size_t len = r->payload.len;
    const char *ctype = r->ctype.data ? r->ctype.data : "";
    tw_buf *hdr = &r->scratch;
    if (http) {
        /* "HTTP/1.1 200 OK", headers, a blank line, the page. */
        size_t head_len = head_length(body, len < HTTP_HEAD_MAX ? len : HTTP_HEAD_MAX);
        int status = 0;
        if (sscanf(body, "HTTP/%*s %d", &status) != 1 || status < 200 || status > 299)
            return TRAWL_OK;
        if (!head_len) {
            /* Without a blank line: headers and no page, or headers too long. */
            if (len > HTTP_HEAD_MAX)
                say_page(r, emit, "HTTP headers over " HTTP_HEAD_MAX_TEXT, true);
            return TRAWL_OK;
        }
        ctype = header(body, head_len, "Content-Type", &r->ctype) ? r->ctype.data : "";
        if (*ctype && !page_reader(ctype))
            return TRAWL_OK;
        bool chunked = header(body, head_len, "Transfer-Encoding", hdr) &&
                       strcasestr(hdr->data, "chunked");
        if (!header(body, head_len, "Content-Encoding", &r->coding) ||
            strcasecmp(r->coding.data, "identity") == 0)
            tw_buf_clear(&r->coding);
        body += head_len;
        len -= head_len;
        if (chunked && dechunk(body, len, &r->decoded)) {
            body = r->decoded.data ? r->decoded.data : "";
            len = r->decoded.len;
        }
        if (r->coding.len && decode_body(r->coding.data, body, len, hdr, err, errlen) == 0) {
            body = hdr->data ? hdr->data : "";
            len = hdr->len;
        } else if (r->coding.len && !stored_decoded(body, len)) {
            say_page(r, emit, err, true);
            return TRAWL_OK;
        }
    }
    tw_input page = { r->id.data, body, len, NULL, NULL };
    const tw_extractor *ex = *ctype ? page_reader(ctype)
                           : tw_extractor_html.claims(&page) ? &tw_extractor_html : NULL;
    if (!ex)
        return TRAWL_OK;
    char charset[64];
    if (charset_of(ctype, charset, sizeof charset))
        page.charset = charset;
    if (r->lang.len) {
        r->lang.len = strcspn(r->lang.data, ", ");
        r->lang.data[r->lang.len] = '\0';
    }
    record_emit re = { emit, r->uri.len ? r->name.data : NULL, r->date.len ? r->date.data : NULL,
                       r->name.data, r->lang.len ? r->lang.data : NULL };
    tw_emit inner = { .article = record_article, .warn = record_warn, .ctx = &re,
                      .check = record_check };
    return ex->extract(&page, &inner, err, errlen);
}

/* Drops N bytes of the input from the window, a step at a time.  Returns 0, or
 * -1 with a reason when the input ends first or cannot be read. */
static int skip_bytes(tw_source *s, uint64_t n, char *err, size_t errlen)
{
    while (n) {
        size_t want = n < SKIP_STEP ? (size_t)n : SKIP_STEP;
        if (tw_source_fill(s, want, err, errlen) < 0)
            return -1;
        size_t k = s->len < want ? s->len : want;
        if (k == 0) {
            snprintf(err, errlen, "the last WARC record is cut short");
            return -1;
        }
        tw_source_drop(s, k);
        n -= k;
    }
    return 0;
}

/* Whether P[0, N) starts with the first line of a WARC record: "WARC/", a
 * version ("1.0", "0.17") and the end of the line. */
static bool record_line(const char *p, size_t n)
{
    if (n > RECORD_LINE_MAX)
        n = RECORD_LINE_MAX;
    if (n < 7 || memcmp(p, "WARC/", 5) != 0 || !isdigit((unsigned char)p[5]))
        return false;
    size_t i = 6;
    while (i < n && (isdigit((unsigned char)p[i]) || p[i] == '.'))
        i++;
    if (i < n && p[i] == '\r')
        i++;
    return i < n && p[i] == '\n';
}

/* The offset of the first line in W[FROM, N) that is the first line of a
 * record (a line starts at W or after a newline), or N when none is. */
static size_t record_line_in(const char *w, size_t from, size_t n)
{
    if (n < from + 5)
        return n;
    const char *p = w + from, *end = w + n;
    while ((p = memmem(p, (size_t)(end - p), "WARC/", 5))) {
        if ((p == w || p[-1] == '\n') && record_line(p, (size_t)(end - p)))
            return (size_t)(p - w);
        p++;
    }
    return n;
}

/* Whether a block that ends at byte END of the window is followed, past the
 * blank line that closes a record, by the next record or by the end of the
 * input.  The window holds RECORD_GAP_MAX bytes past END, or all there is. */
static bool at_boundary(const tw_source *s, size_t end)
{
    if (end > s->len)
        return false;
    size_t i = end;
    while (i < s->len && i - end < RECORD_GAP_MAX - RECORD_LINE_MAX &&
           (s->data[i] == '\r' || s->data[i] == '\n'))
        i++;
    return (i == s->len && s->end) || record_line(s->data + i, s->len - i);
}

/* What is wrong with a record's length, said in its warnings: SIZED when its
 * header gave one. */
static const char *length_fault(bool sized)
{
    return sized ? "its Content-Length does not end at a record boundary"
                 : "it has no valid Content-Length";
}

/* Says that the record at byte AT did not end where its Content-Length said
 * (or had none: SIZED false), and that reading goes on from the record at
 * byte NEXT; LOST when bytes between them were passed over unread. */
static void say_resync(const tw_emit *emit, uint64_t at, bool sized, uint64_t next, bool lost)
{
    char msg[200];
    snprintf(msg, sizeof msg, "record at byte %llu: %s; reading on from the next record at "
             "byte %llu", (unsigned long long)at, length_fault(sized), (unsigned long long)next);
    emit->warn(emit->ctx, msg, lost);
}

/* The block at the start of the window, *LENGTH bytes by its header, is not
 * followed by the next record, or runs past the end of the input: the length
 * is wrong.  Too long, it may have swallowed the records after it; too short,
 * it leaves the end of the page behind.  Either way the block runs to the
 * first record found from its start to RESYNC_LOOK past its declared end.
 * A block whose header gave no length (not SIZED) runs to the first record
 * within TW_RECORD_MAX, or to the end of the input: the last record.
 * Returns 1 with *LENGTH set to that (without the blank line), 0 when there
 * is no record there, -1 with a reason.  AT is where the record starts. */
static int block_end(tw_source *s, uint64_t at, bool sized, size_t *length,
                     const tw_emit *emit, char *err, size_t errlen)
{
    size_t look = *length + (sized ? RESYNC_LOOK : TW_RECORD_MAX);
    size_t n, next, from = 0;
    /* A step at a time, from where the last look ended (but for a first
     * line the window's end may have cut): the next record is mostly near,
     * and a window filled to TW_RECORD_MAX for every record of a file with
     * no lengths was moved whole for each. */
    for (;;) {
        n = s->len < look ? s->len : look;
        next = record_line_in(s->data, from, n);
        if (next < n || n == look || s->end)
            break;
        from = n > RECORD_LINE_MAX ? n - RECORD_LINE_MAX : 0;
        if (tw_source_fill(s, s->len + SKIP_STEP, err, errlen) < 0)
            return -1;
    }
    if (next == n && (sized || !s->end || n < s->len))
        return 0;
    size_t len = next;
    while (len && (s->data[len - 1] == '\r' || s->data[len - 1] == '\n'))
        len--;
    *length = len;
    if (next < n) {
        say_resync(emit, at, sized, s->offset + next, false);
    } else {
        char msg[160];
        snprintf(msg, sizeof msg, "record at byte %llu: %s; it is read to the end of the file",
                 (unsigned long long)at, length_fault(sized));
        emit->warn(emit->ctx, msg, false);
    }
    return 1;
}

/* Drops the window up to the next first line of a record, reading on a step
 * at a time: it may be far on, past a video whose length was wrong.  Returns
 * 1 when there is one, 0 when the input ends first, -1 with a reason. */
static int seek_record(tw_source *s, char *err, size_t errlen)
{
    size_t from = 0;
    for (;;) {
        size_t next = record_line_in(s->data, from, s->len);
        if (next < s->len) {
            tw_source_drop(s, next);
            return 1;
        }
        if (s->end)
            return 0;
        /* The last bytes are kept: a first line may be cut by the window's end. */
        if (s->len > RECORD_LINE_MAX) {
            tw_source_drop(s, s->len - RECORD_LINE_MAX);
            from = 1;
        }
        if (tw_source_fill(s, s->len + SKIP_STEP, err, errlen) < 0)
            return -1;
    }
}

/* Reads the block at the start of the window, LENGTH bytes by its header
 * (0 and not SIZED when the header gave none), into R's payload when KEEP (its first TW_RECORD_MAX bytes, said when there
 * are more), and drops it: the window then starts at the next record.  A
 * block up to TW_RECORD_MAX is held until its end is seen to be a record's,
 * so that a wrong length can be mended from its start.  AT is where the
 * record starts.  Returns 0, or -1 with a reason. */
static int take_block(tw_source *s, uint64_t at, uint64_t length, bool sized, bool keep,
                      record *r, const tw_emit *emit, char *err, size_t errlen)
{
    size_t hold = length > TW_RECORD_MAX ? TW_RECORD_MAX : (size_t)length;
    if (tw_source_fill(s, hold + RECORD_GAP_MAX, err, errlen) < 0)
        return -1;
    bool astray = false;    /* the length is wrong, and the next record not found */
    if ((hold == length && !at_boundary(s, hold)) || s->len < hold) {
        int found = block_end(s, at, sized, &hold, emit, err, errlen);
        if (found < 0)
            return -1;
        if (found)
            length = hold;
        else if (s->len < hold) {
            snprintf(err, errlen, "the last WARC record is cut short");
            return -1;
        } else
            astray = true;
    }
    if (keep) {
        tw_buf_clear(&r->payload);
        if (tw_buf_append(&r->payload, s->data, hold) < 0) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
    }
    tw_source_drop(s, hold);
    if (hold < length) {
        if (keep) {
            char msg[160];
            snprintf(msg, sizeof msg, "%s: record over %s: only its first part is read",
                     r->name.data, TW_RECORD_MAX_TEXT);
            emit->warn(emit->ctx, msg, false);
        }
        if (skip_bytes(s, length - hold, err, errlen) < 0 ||
            tw_source_fill(s, RECORD_GAP_MAX, err, errlen) < 0)
            return -1;
        astray = !at_boundary(s, 0);
    }
    if (astray) {
        int found = seek_record(s, err, errlen);
        if (found <= 0) {
            if (found == 0)
                snprintf(err, errlen, "record at byte %llu: %s, and no record follows it",
                         (unsigned long long)at, length_fault(sized));
            return -1;
        }
        say_resync(emit, at, sized, s->offset, true);
    }
    return 0;
}

/* Names the kept record R: the page's address, else the record's id, without
 * the angle brackets record ids have (and target URIs, as WARC/1.0 wrote
 * them); its article's id is the file's path, #, and that.  Returns 0 or -1. */
static int name_record(record *r, const tw_input *in, char *err, size_t errlen)
{
    const char *name = r->uri.len ? r->uri.data : r->rid.data ? r->rid.data : "";
    size_t name_len = strlen(name);
    if (name_len >= 2 && name[0] == '<' && name[name_len - 1] == '>') {
        name++;
        name_len -= 2;
    }
    tw_buf_clear(&r->name);
    tw_buf_clear(&r->id);
    if (tw_buf_append(&r->name, name, name_len) < 0 ||
        tw_buf_printf(&r->id, "%s#%s", in->path, r->name.data) < 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return 0;
}

/* Whether a resource record's target URI is the crawler's own note, not a
 * document: an address whose scheme no page is fetched by.  wget files its
 * log and its command line as metadata://gnu.org/software/wget/warc/wget.log,
 * Browsertrix a page's text beside the page as urn:text:https://...: read
 * as articles, every crawl gave its log (every address it fetched) and
 * each page's text a second time, under menus and all.  A record with no
 * target, or one of a web or file address, is a document. */
static bool crawler_note(const tw_buf *uri)
{
    static const char *const DOCUMENTS[] = { "http:", "https:", "ftp:", "file:", NULL };
    const char *u = uri->len ? uri->data : "";
    if (*u == '<')
        u++;                    /* WARC/1.0's <uri> */
    size_t scheme = strspn(u, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
    if (!scheme || u[scheme] != ':')
        return false;
    for (const char *const *d = DOCUMENTS; *d; d++)
        if (strncasecmp(u, *d, strlen(*d)) == 0)
            return false;
    return true;
}

/* Reads the record whose header block is WINDOW[0, HEAD) into R, and drops it
 * from the window.  Returns 1 when its payload is held (up to TW_RECORD_MAX),
 * 0 when the record was not wanted and is skipped, -1 with a reason. */
static int read_record(tw_source *s, size_t head, record *r, const tw_input *in,
                       const tw_emit *emit, bool *http, char *err, size_t errlen)
{
    const char *h = s->data;
    bool typed = header(h, head, "WARC-Type", &r->type);
    bool sized = header(h, head, "Content-Length", &r->length);
    if (!header(h, head, "WARC-Target-URI", &r->uri))
        tw_buf_clear(&r->uri);
    if (!header(h, head, "WARC-Date", &r->date))
        tw_buf_clear(&r->date);
    if (!header(h, head, "WARC-Record-ID", &r->rid))
        tw_buf_clear(&r->rid);
    if (!header(h, head, "Content-Type", &r->ctype))
        tw_buf_clear(&r->ctype);
    if (!header(h, head, "WARC-Identified-Content-Language", &r->lang))
        tw_buf_clear(&r->lang);
    /* Digits only: strtoull would take "-1" for the largest length. */
    char *end = NULL;
    unsigned long long length = sized && isdigit((unsigned char)r->length.data[0])
                                    ? strtoull(r->length.data, &end, 10) : 0;
    sized = end && !*end;
    uint64_t at = s->offset;
    if (!typed) {
        /* Damage, or a writer's slip: what the record is cannot be told,
         * so it is passed over, said, and the records after it are read. */
        char msg[120];
        snprintf(msg, sizeof msg, "record at byte %llu has no WARC-Type: it is passed over",
                 (unsigned long long)at);
        emit->warn(emit->ctx, msg, true);
        if (tw_buf_puts(&r->type, "") < 0) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
    }
    tw_source_drop(s, head);
    const char *ctype = r->ctype.data ? r->ctype.data : "";
    /* A response without a Content-Type (which WARC asks for, but writers
     * of a few lines leave out) is taken for HTTP too: record_page reads
     * nothing from it that does not start as an HTTP response does. */
    *http = strcasecmp(r->type.data, "response") == 0 &&
            (media_is(ctype, "application/http") || !*ctype);
    /* A conversion record is a page's text taken out of another record;
     * a WET file holds nothing else.  Its text is plain unless it says. */
    bool converted = strcasecmp(r->type.data, "conversion") == 0;
    if (converted && !*ctype && tw_buf_puts(&r->ctype, "text/plain") < 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    bool keep = *http || ((converted || strcasecmp(r->type.data, "resource") == 0) &&
                          !crawler_note(&r->uri));
    if ((keep && name_record(r, in, err, errlen) < 0) ||
        take_block(s, at, length, sized, keep, r, emit, err, errlen) < 0)
        return -1;
    return keep;
}

/* The length of the WARC header block at the start of the window with its
 * blank line, or 0 when the window does not hold it all. */
static size_t head_end(const tw_source *s)
{
    return head_length(s->data, s->len < WARC_HEAD_MAX + 4 ? s->len : WARC_HEAD_MAX + 4);
}

static trawl_status warc_extract(const tw_input *in, const tw_emit *emit, char *err,
                                 size_t errlen)
{
    /* The raw bytes, not repaired to UTF-8: lengths count bytes, and each
     * page's charset is its own. */
    tw_source mem, *s = in->source;
    tw_buf mem_buf = { 0 };
    if (!s) {
        tw_source_memory(&mem, in->data, in->len, &mem_buf);
        s = &mem;
    }
    record r = { 0 };
    trawl_status st = TRAWL_OK;
    for (;;) {
        if ((st = tw_emit_check(emit, err, errlen)) != TRAWL_OK)
            break;
        /* Records are followed by a blank line or two. */
        st = TRAWL_EFORMAT;
        size_t lead = 0;
        for (;;) {
            if (tw_source_fill(s, lead + 1, err, errlen) < 0)
                goto done;
            while (lead < s->len && (s->data[lead] == '\r' || s->data[lead] == '\n'))
                lead++;
            if (lead < s->len || s->end)
                break;
        }
        tw_source_drop(s, lead);
        if (s->len == 0 && s->end) {
            st = TRAWL_OK;
            break;
        }
        size_t head;
        while (!(head = head_end(s)) && !s->end && s->len < WARC_HEAD_MAX)
            if (tw_source_fill(s, s->len + 4096, err, errlen) < 0)
                goto done;
        if (!head || head > WARC_HEAD_MAX || strncmp(s->data, "WARC/", 5) != 0) {
            snprintf(err, errlen, "not a WARC record at byte %llu",
                     (unsigned long long)s->offset);
            goto done;
        }
        bool http;
        int got = read_record(s, head, &r, in, emit, &http, err, errlen);
        if (got < 0)
            goto done;
        st = TRAWL_OK;
        if (got == 0)
            continue;
        char why[512];
        st = record_page(&r, emit, http, why, sizeof why);
        if (st == TRAWL_EFORMAT) {
            /* A page with no text: said, and the next record read. */
            say_page(&r, emit, why, false);
            st = TRAWL_OK;
        }
        if (st != TRAWL_OK)
            break;
    }
done:
    record_free(&r);
    if (s == &mem) {
        tw_source_close(&mem);
        tw_buf_free(&mem_buf);
    }
    return st;
}

const tw_extractor tw_extractor_warc = {
    .name = "warc",
    .extent = TW_EXTENT_RECORDS,
    .binary = true,
    .exts = warc_exts,
    .claims = warc_claims,
    .extract = warc_extract,
};
