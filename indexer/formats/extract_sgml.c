/* extract_sgml.c - the SGML container extractors: Reuters-21578 (<REUTERS
 * NEWID="n">) and TREC (<DOC><DOCNO>).  One article per record, with the id
 * PATH#NEWID or PATH#DOCNO. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "charset.h"
#include "date.h"
#include "extract.h"
#include "sgml_scan.h"

/* Record tags must appear this early for a file to count as a container. */
#define SNIFF_BYTES 4096

typedef struct record {
    tw_buf window;      /* the part of the file at hand, in UTF-8 */
    tw_buf title, date, body, id;
} record;

static void record_free(record *r)
{
    tw_buf_free(&r->window);
    tw_buf_free(&r->title);
    tw_buf_free(&r->date);
    tw_buf_free(&r->body);
    tw_buf_free(&r->id);
}

/* Trims what OUT got after START of white space, in place. */
static void trim_from(tw_buf *out, size_t start)
{
    size_t a = start, b = out->len;
    while (a < b && isspace((unsigned char)out->data[a]))
        a++;
    while (b > a && isspace((unsigned char)out->data[b - 1]))
        b--;
    memmove(out->data + start, out->data + a, b - a);
    out->len = start + (b - a);
    out->data[out->len] = '\0';
}

/* Appends the text of the first element NAME in [P, END) to OUT, trimmed.
 * Returns 1 when found, 0 when not, -1 on ENOMEM. */
static int field(tw_buf *out, const char *p, const char *end, const char *name)
{
    tw_element el;
    if (!tw_sgml_find(p, end, name, &el))
        return 0;
    size_t start = out->len;
    /* reserve(0) makes sure there is a buffer to trim in, even when the
     * element is empty and nothing was appended (<TITLE></TITLE>). */
    if (tw_buf_reserve(out, 0) < 0 || tw_sgml_text(out, el.inner, el.inner_end) < 0)
        return -1;
    trim_from(out, start);
    return 1;
}

/* Reuters dates are "26-FEB-1987 15:01:01.79", but some carry notes after them
 * ("... V RM", "# date added by S Finch as guesswork") or a broken time
 * ("605:12:19.12"): keep the day and time when they parse, else the day. */
static void normalise_reuters_date(tw_buf *date)
{
    tw_date d;
    if (!date->len || tw_date_parse(date->data, &d))
        return;
    for (int tokens = 2; tokens >= 1; tokens--) {
        size_t i = 0;
        for (int t = 0; t < tokens && i < date->len; t++) {
            while (i < date->len && date->data[i] == ' ')
                i++;
            while (i < date->len && date->data[i] != ' ')
                i++;
        }
        char save = date->data[i];
        date->data[i] = '\0';
        if (tw_date_parse(date->data, &d)) {
            date->len = i;
            return;
        }
        date->data[i] = save;
    }
}

/* Reuters bodies end with a " Reuter" signature line: not part of the story. */
static void drop_signature(tw_buf *body)
{
    size_t n = body->len;
    /* Past trailing space and the &#3; (end of text) control character. */
    while (n && (isspace((unsigned char)body->data[n - 1]) ||
                 iscntrl((unsigned char)body->data[n - 1])))
        n--;
    if (n >= 6 && strncasecmp(body->data + n - 6, "Reuter", 6) == 0 &&
        (n == 6 || body->data[n - 7] == '\n' || body->data[n - 7] == ' ')) {
        body->len = n - 6;
        body->data[body->len] = '\0';
    }
}

/* Fills R (id, title, date, body: all empty on entry) from the record DOC, the
 * ORDINAL-th of its file.  Returns 0, or -1 on ENOMEM. */
typedef int (*record_reader)(record *r, const tw_input *in, const tw_element *doc,
                             size_t ordinal);

/* Bytes read ahead at a time. */
#define READ_AHEAD TW_WINDOW_STEP

/* Emits the record DOC, read into R. */
static trawl_status emit_record(record *r, const tw_input *in, const tw_emit *emit,
                                const tw_element *doc, const char *tag, size_t ordinal,
                                record_reader read)
{
    tw_buf_clear(&r->id);
    tw_buf_clear(&r->title);
    tw_buf_clear(&r->date);
    tw_buf_clear(&r->body);
    if (read(r, in, doc, ordinal) < 0)
        return TRAWL_ENOMEM;
    if (!doc->closed) {
        char msg[256];
        snprintf(msg, sizeof msg, "%s record %s has no closing tag: indexed up to the "
                 "next record", tag, r->id.data + strlen(in->path) + 1);
        emit->warn(emit->ctx, msg, false);
    }
    trawl_article a = {
        .id = r->id.data, .path = in->path,
        .title = r->title.len ? r->title.data : NULL,
        .body = r->body.len ? r->body.data : NULL,
        .date = r->date.len ? r->date.data : NULL,
    };
    return emit->article(emit->ctx, &a, NULL);
}

/* The loop both container formats share: each element TAG is one article.  The
 * file is read a window at a time; a record the window ends in is read on
 * until it is whole, or TW_RECORD_MAX long.  When reading fails (a .sgm.gz cut
 * short), the window still holds what came before the damage: its records
 * are indexed, the one the damage cuts as an unclosed one is (up to the cut,
 * with a warning), as they are when the damage is in the first bytes read.
 * Returning at the failure lost the window's records, up to a megabyte. */
static trawl_status extract_records(const tw_input *in, const tw_emit *emit, char *err,
                                    size_t errlen, const char *tag, record_reader read)
{
    record r = { 0 };
    tw_source mem;
    tw_source *s = tw_input_source(in, &mem, &r.window);
    if (!s) {
        record_free(&r);
        return TRAWL_ENOMEM;
    }
    trawl_status st = TRAWL_OK;
    size_t ordinal = 0, want = READ_AHEAD;
    bool damaged = false;       /* reading failed: DAMAGE says why */
    char damage[512] = "";
    while (st == TRAWL_OK) {
        if (!damaged)
            damaged = tw_source_fill(s, want, damage, sizeof damage) < 0;
        bool last = s->end || damaged;      /* nothing more will come */
        const char *end = s->data + s->len;
        tw_element doc;
        if (!tw_sgml_find(s->data, end, tag, &doc)) {
            if (last)
                break;
            /* No record starts here: keep only what may be the start of a tag. */
            size_t keep = strlen(tag) + 2;
            tw_source_drop(s, s->len > keep ? s->len - keep : 0);
            want = s->len + READ_AHEAD;
            continue;
        }
        tw_source_drop(s, (size_t)(doc.tag - s->data));
        if (!last && doc.end >= end && s->len < TW_RECORD_MAX) {
            want = s->len + READ_AHEAD;     /* the record goes on past the window */
            continue;
        }
        if (!tw_sgml_find(s->data, s->data + s->len, tag, &doc))
            break;                          /* cannot be: it starts the window */
        st = emit_record(&r, in, emit, &doc, tag, ++ordinal, read);
        tw_source_drop(s, (size_t)(doc.end - s->data));
        want = READ_AHEAD;
        if (st == TRAWL_OK && ordinal % 64 == 0)
            st = tw_emit_check(emit, err, errlen);
    }
    if (st == TRAWL_OK && damaged) {
        snprintf(err, errlen, "%s", damage);
        st = TRAWL_EFORMAT;
    } else if (st == TRAWL_OK && ordinal == 0) {
        snprintf(err, errlen, "no <%s> record found", tag);
        st = TRAWL_EFORMAT;
    }
    if (s == &mem)
        tw_source_close(&mem);
    record_free(&r);
    return st;
}

/* ------------------------------------------------------------ Reuters-21578 */

static const char *const REUTERS_EXTS[] = { ".sgm", NULL };

static bool reuters_claims(const tw_input *in)
{
    return tw_sgml_has_tag(in->data, in->data + in->len, "REUTERS", SNIFF_BYTES);
}

static int read_reuters(record *r, const tw_input *in, const tw_element *doc,
                        size_t ordinal)
{
    char newid[64];
    if (!tw_sgml_attr(doc, "NEWID", newid, sizeof newid) || !*newid)
        snprintf(newid, sizeof newid, "%zu", ordinal);
    if (tw_buf_printf(&r->id, "%s#%s", in->path, newid) < 0)
        return -1;
    const char *a = doc->inner, *b = doc->inner_end;
    if (field(&r->title, a, b, "TITLE") < 0 || field(&r->date, a, b, "DATE") < 0)
        return -1;
    /* The dateline ("SALVADOR, Feb 26 -") opens the story; BRIEF texts have only a
     * title; UNPROC texts have no BODY, just text inside TEXT. */
    int got = field(&r->body, a, b, "DATELINE");
    if (got < 0 || (got && tw_buf_putc(&r->body, ' ') < 0))
        return -1;
    if ((got = field(&r->body, a, b, "BODY")) < 0)
        return -1;
    tw_element text;
    if (!got && tw_sgml_find(a, b, "TEXT", &text)) {
        char type[32] = "";
        tw_sgml_attr(&text, "TYPE", type, sizeof type);
        if (strcasecmp(type, "BRIEF") != 0 && field(&r->body, a, b, "TEXT") < 0)
            return -1;
    }
    drop_signature(&r->body);
    normalise_reuters_date(&r->date);
    return 0;
}

static trawl_status reuters_extract(const tw_input *in, const tw_emit *emit,
                                    char *err, size_t errlen)
{
    return extract_records(in, emit, err, errlen, "REUTERS", read_reuters);
}

const tw_extractor tw_extractor_reuters = {
    .name = "reuters",
    .extent = TW_EXTENT_RECORDS,
    .exts = REUTERS_EXTS,
    .claims = reuters_claims,
    .extract = reuters_extract,
};

/* --------------------------------------------------------------------- TREC */

static bool trec_claims(const tw_input *in)
{
    const char *end = in->data + in->len;
    return tw_sgml_has_tag(in->data, end, "DOC", SNIFF_BYTES) &&
           tw_sgml_has_tag(in->data, end, "DOCNO", SNIFF_BYTES);
}

/* Writes the day "YYMMDD" at S (six digits, then no more) names into DATE as
 * ISO 8601.  Returns 1 when written, 0 (DATE untouched) when S holds no such
 * day, -1 on ENOMEM. */
static int six_digit_day(const char *s, tw_buf *date)
{
    tw_date d;
    char buf[16], iso[TW_DATE_ISO_MAX];
    if (strspn(s, "0123456789") != 6 || isdigit((unsigned char)s[6]))
        return 0;
    int yy = (s[0] - '0') * 10 + (s[1] - '0');
    snprintf(buf, sizeof buf, "%d-%.2s-%.2s", yy >= 50 ? 1900 + yy : 2000 + yy, s + 2, s + 4);
    if (!tw_date_parse(buf, &d))
        return 0;
    tw_date_format(&d, iso);
    tw_buf_clear(date);
    return tw_buf_puts(date, iso) < 0 ? -1 : 1;
}

/* TREC dates come as "January 1, 1989, Sunday, Home Edition", "880101" or
 * "15 JAN 91"-like forms; keep the first form that parses.  AP's documents
 * have no date but the day in their DOCNO ("AP880212-0001", as WSJ's and
 * the Federal Register's have): letters, YYMMDD, a dash.  Else leave it
 * out.  Returns 0, or -1 when memory ran out. */
static int normalise_trec_date(tw_buf *date, const char *docno)
{
    tw_date d;
    if (date->len && tw_date_parse(date->data, &d))
        return 0;
    /* Drop trailing ", weekday, edition" parts one at a time. */
    for (char *comma = date->len ? strrchr(date->data, ',') : NULL; comma;
         comma = strrchr(date->data, ',')) {
        *comma = '\0';
        date->len = (size_t)(comma - date->data);
        if (tw_date_parse(date->data, &d))
            return 0;
    }
    int got = date->len ? six_digit_day(date->data, date) : 0;
    if (got)
        return got < 0 ? -1 : 0;
    tw_buf_clear(date);     /* unknown: no date rather than a warning per record */
    const char *day = docno;
    while (isalpha((unsigned char)*day))
        day++;
    if (day == docno || strspn(day, "0123456789") != 6 || day[6] != '-')
        return 0;
    return six_digit_day(day, date) < 0 ? -1 : 0;
}

/* The title, date and body of the TREC document in [A, B).  Returns 0, or
 * -1 on ENOMEM. */
static int read_trec_fields(record *r, const char *a, const char *b)
{
    static const char *const titles[] = { "HEADLINE", "HL", "TITLE", "HEAD" };
    for (size_t i = 0; i < sizeof titles / sizeof titles[0] && !r->title.len; i++)
        if (field(&r->title, a, b, titles[i]) < 0)
            return -1;
    /* WSJ dates its documents in <DD>, FBIS in <DATE1>. */
    static const char *const dates[] = { "DATE", "DD", "DATE1" };
    for (size_t i = 0; i < sizeof dates / sizeof dates[0] && !r->date.len; i++)
        if (field(&r->date, a, b, dates[i]) < 0)
            return -1;
    /* The body is every <TEXT> (AP and FBIS documents have several), and
     * WSJ's lead paragraph <LP> before it, in the order they come. */
    static const char *const body[] = { "LP", "TEXT", NULL };
    if (tw_buf_reserve(&r->body, 0) < 0 || tw_sgml_texts(&r->body, a, b, body) < 0)
        return -1;
    trim_from(&r->body, 0);
    return 0;
}

static int read_trec(record *r, const tw_input *in, const tw_element *doc,
                     size_t ordinal)
{
    const char *a = doc->inner, *b = doc->inner_end;
    tw_buf docno = { 0 };
    int got = field(&docno, a, b, "DOCNO");
    int rc = got < 0 ? -1
           : got && docno.len ? tw_buf_printf(&r->id, "%s#%s", in->path, docno.data)
                              : tw_buf_printf(&r->id, "%s#%zu", in->path, ordinal);
    if (rc >= 0)
        rc = read_trec_fields(r, a, b) < 0 ? -1
           : normalise_trec_date(&r->date, docno.len ? docno.data : "");
    tw_buf_free(&docno);
    return rc < 0 ? -1 : 0;
}

static trawl_status trec_extract(const tw_input *in, const tw_emit *emit,
                                 char *err, size_t errlen)
{
    return extract_records(in, emit, err, errlen, "DOC", read_trec);
}

const tw_extractor tw_extractor_trec = {
    .name = "trec",
    .extent = TW_EXTENT_RECORDS,
    .claims = trec_claims,
    .extract = trec_extract,
};
