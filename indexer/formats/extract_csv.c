/* extract_csv.c - news tables: CSV and TSV files as scrapers and data sets
 * hand them out, one article a row, parsed with libcsv.
 *
 * A file is a table when it is named .csv or .tsv (compressed or not) and
 * its first row, its header, names a title or text column by one of the
 * names JSON records use (record_fields.h: title, headline, text, content,
 * body, article...) or by words that say so ("headline_text", "Article
 * text").  The other columns it names give the date, url, authors, site,
 * language and id.  Its separator, ',', ';' (a European Excel's) or a tab,
 * is the one its header line holds most of outside quotes.  A file so
 * named that is no such table is read as plain text, with a warning that
 * says why (tw_csv_refused).
 *
 * Each row is an article with the id PATH#ID from its id column, else
 * PATH#N, N its number among the rows (the header not counted).  A row of
 * more or fewer fields than the header is said, and indexed when it has a
 * title or text; one with neither is skipped; a quote never closed loses
 * only the row it opens.  libcsv holds one field at a time, which is let
 * go of past TW_RECORD_MAX (the row is skipped when it is a field the row
 * is indexed by), and this file holds one row's fields of the header's
 * named columns, no more: a file of any size reads in bounded memory.  The
 * file is decoded as a JSON Lines dump is (UTF-8, or a legacy charset its
 * first bytes show, by tw_input_source). */
#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "charset.h"
#include "date.h"
#include "extract.h"
#include "record_fields.h"
#include "site_name.h"
#include "url.h"

static const char *const CSV_EXTS[] = { ".csv", ".tsv", NULL };
static const char *const TSV_EXTS[] = { ".tsv", NULL };
static const char *const ID_NAMES[] = { "id", NULL };

/* What a column holds, by its name in the header: a date named for UTC's
 * time (date_gmt, post_date_gmt) is kept apart from the best other one, for
 * the two together to give the site's clock (tw_record_dates). */
enum role { ROLE_ID, ROLE_TITLE, ROLE_BODY, ROLE_DATE, ROLE_URL, ROLE_AUTHOR, ROLE_SITE,
            ROLE_LANG, ROLE_DATE_UTC, N_ROLES };
#define N_NAMED ROLE_DATE_UTC   /* the roles with names of their own */
static const char *const *const ROLE_NAMES[N_NAMED] = {
    ID_NAMES, tw_field_title, tw_field_body, tw_field_date, tw_field_url, tw_field_author,
    tw_field_site, tw_field_lang,
};

/* A column the header names for a field, RANK its name's place in that
 * field's names (0 the first choice). */
typedef struct column {
    size_t index;
    enum role role;
    size_t rank;
} column;

/* The most columns kept: one for each name a field has, which is fewer. */
#define COLUMNS_MAX 64

/* How far ahead the window is read at a time, and how often (in rows) to
 * ask whether to stop. */
#define READ_AHEAD  TW_WINDOW_STEP
#define CHECK_EVERY 256

typedef struct table {
    const tw_input *in;
    const tw_emit *emit;
    struct csv_parser parser;
    bool header_done;       /* the first row was read */
    column columns[COLUMNS_MAX];
    size_t n_columns;
    size_t width;           /* fields of the header */
    size_t field;           /* fields of the row being read, so far */
    tw_buf value[N_ROLES];  /* the row's fields, each from its best column */
    size_t rank[N_ROLES];   /* that column's rank; SIZE_MAX: none yet */
    size_t held;            /* bytes of the row held */
    bool too_long;          /* the fields kept passed TW_RECORD_MAX */
    bool any_value;         /* a field of the row is not empty */
    size_t line;            /* the line being fed to the parser */
    size_t row_line;        /* the line the row being read started on */
    size_t rows;            /* rows read after the header */
    tw_buf id, plain;
    trawl_status st;        /* what stops the reading */
    char *err;
    size_t errlen;
} table;

/* Whether IN is named as a table. */
static bool csv_named(const tw_input *in)
{
    return tw_input_has_ext(in, CSV_EXTS);
}

/* The separator of the header line at DATA (LEN bytes, maybe not all of
 * it): whichever of ',', ';' and tab it holds most of outside quotes; on a
 * tie, a tab in a .tsv, else ','. */
static unsigned char separator(const tw_input *in, const char *data, size_t len)
{
    size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (size_t i = 0; i < len; i++) {
        char c = data[i];
        if (c == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c == '\n' || c == '\r')
            break;
        commas += c == ',';
        semicolons += c == ';';
        tabs += c == '\t';
    }
    bool tsv = tw_input_has_ext(in, TSV_EXTS);
    if (tabs > commas && tabs > semicolons)
        return '\t';
    if (tsv && tabs && tabs >= commas && tabs >= semicolons)
        return '\t';
    if (semicolons > commas)
        return ';';
    return commas || !tsv ? ',' : '\t';
}

/* Column INDEX holds field ROLE with RANK, unless an earlier one does. */
static void add_column(table *t, size_t index, enum role role, size_t rank)
{
    for (size_t c = 0; c < t->n_columns; c++)
        if (t->columns[c].role == role && t->columns[c].rank == rank)
            return;
    if (t->n_columns < COLUMNS_MAX)
        t->columns[t->n_columns++] = (column){ index, role, rank };
}

/* Header field INDEX, NAME[0..LEN): the column of the field it names, if
 * any, by one of the field's names, else by its words ("headline_text",
 * "Article text"), ranked as the name its words hold. */
static void header_field(table *t, size_t index, const char *name, size_t len)
{
    while (len && (*name == ' ' || *name == '\t')) {
        name++;
        len--;
    }
    while (len && (name[len - 1] == ' ' || name[len - 1] == '\t'))
        len--;
    size_t rank;
    int r = tw_record_field_named(name, len, ROLE_NAMES, N_NAMED, ROLE_BODY, &rank);
    if (r == ROLE_DATE && rank == tw_field_date_utc)
        r = ROLE_DATE_UTC;
    if (r >= 0)
        add_column(t, index, (enum role)r, rank);
}

/* Whether the header names a column of the articles' titles or text: a
 * table of headlines is a table of articles too. */
static bool has_text_column(const table *t)
{
    for (size_t c = 0; c < t->n_columns; c++)
        if (t->columns[c].role == ROLE_BODY || t->columns[c].role == ROLE_TITLE)
            return true;
    return false;
}

static void row_reset(table *t)
{
    t->field = t->held = 0;
    t->too_long = t->any_value = false;
    for (int r = 0; r < N_ROLES; r++) {
        tw_buf_clear(&t->value[r]);
        t->rank[r] = SIZE_MAX;
    }
}

static void warn(table *t, bool lost, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void warn(table *t, bool lost, const char *fmt, ...)
{
    char msg[512];
    int n = snprintf(msg, sizeof msg, "line %zu: ", t->row_line);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
    va_end(ap);
    t->emit->warn(t->emit->ctx, msg, lost);
}

/* The column of field INDEX of a row, or NULL when it is none the header
 * names for a field. */
static const column *column_at(const table *t, size_t index)
{
    for (size_t c = 0; c < t->n_columns; c++)
        if (t->columns[c].index == index)
            return &t->columns[c];
    return NULL;
}

/* libcsv's end of a field: a header name, or one of the row's fields, kept
 * when the header names its column and no better one has given the field.
 * A date of zeros gives no date: a WordPress draft's post_date_gmt gives
 * way to its post_date. */
static void on_field(void *data, size_t len, void *ctx)
{
    table *t = ctx;
    size_t index = t->field++;
    if (!t->header_done) {
        header_field(t, index, data, len);
        return;
    }
    if (!t->emit || t->st != TRAWL_OK || t->too_long || !len)
        return;
    t->any_value = true;
    const column *col = column_at(t, index);
    if (!col || t->rank[col->role] <= col->rank ||
        ((col->role == ROLE_DATE || col->role == ROLE_DATE_UTC) && tw_date_zero(data, len)))
        return;
    tw_buf *v = &t->value[col->role];
    if (t->held - v->len + len > TW_RECORD_MAX) {
        t->too_long = true;
        return;
    }
    t->held -= v->len;
    tw_buf_clear(v);
    if (tw_buf_append(v, data, len) < 0) {
        t->st = TRAWL_ENOMEM;
        return;
    }
    /* A NUL would end the text as a C string. */
    tw_nul_to_space(v, 0);
    t->held += len;
    t->rank[col->role] = col->rank;
}

static const char *text_or_null(const tw_buf *field)
{
    return field->len ? field->data : NULL;
}

/* FIELD read as text (tw_record_markup), a bound that cut it said. */
static int read_markup(table *t, tw_buf *field)
{
    int rc = tw_record_markup(field, &t->plain, t->emit);
    if (rc > 0)
        warn(t, true, "%s", tw_record_markup_cut);
    return rc < 0 ? -1 : 0;
}

/* The row read, with a title or a text: its article. */
static trawl_status row_article(table *t)
{
    tw_buf *v = t->value;
    if (read_markup(t, &v[ROLE_TITLE]) < 0 || read_markup(t, &v[ROLE_BODY]) < 0 ||
        read_markup(t, &v[ROLE_SITE]) < 0 || read_markup(t, &v[ROLE_AUTHOR]) < 0 ||
        tw_record_authors(&v[ROLE_AUTHOR], &t->plain) < 0)
        return TRAWL_ENOMEM;
    if (tw_record_dates(&v[ROLE_DATE], &v[ROLE_DATE_UTC]) < 0)
        return TRAWL_ENOMEM;
    char iso[TW_DATE_ISO_MAX];
    /* A row with no date is dated by the day its url holds, as a page is. */
    if (!v[ROLE_DATE].len && v[ROLE_URL].len && tw_url_day(v[ROLE_URL].data, iso) &&
        tw_buf_puts(&v[ROLE_DATE], iso) < 0)
        return TRAWL_ENOMEM;
    /* Scraped titles keep the page's <title>: "Story - The Ledger". */
    if (v[ROLE_TITLE].len && (v[ROLE_SITE].len || v[ROLE_URL].len))
        tw_strip_site_name(&v[ROLE_TITLE], text_or_null(&v[ROLE_SITE]),
                           text_or_null(&v[ROLE_URL]));
    tw_buf_clear(&t->id);
    if ((v[ROLE_ID].len ? tw_buf_printf(&t->id, "%s#%s", t->in->path, v[ROLE_ID].data)
                        : tw_buf_printf(&t->id, "%s#%zu", t->in->path, t->rows)) < 0)
        return TRAWL_ENOMEM;
    if (!v[ROLE_TITLE].len && !v[ROLE_BODY].len) {
        warn(t, false, "its text is only markup: skipped");
        return TRAWL_OK;
    }
    trawl_article a = {
        .id = t->id.data, .path = t->in->path,
        .title = text_or_null(&v[ROLE_TITLE]), .body = text_or_null(&v[ROLE_BODY]),
        .date = text_or_null(&v[ROLE_DATE]), .url = text_or_null(&v[ROLE_URL]),
        .author = text_or_null(&v[ROLE_AUTHOR]), .site = text_or_null(&v[ROLE_SITE]),
    };
    return t->emit->article(t->emit->ctx, &a, text_or_null(&v[ROLE_LANG]));
}

/* A row read after the header: an article, or a warning why not. */
static trawl_status row_done(table *t)
{
    t->rows++;
    bool text = t->value[ROLE_TITLE].len || t->value[ROLE_BODY].len;
    if (t->too_long) {
        warn(t, true, "its title, text and other fields indexed are longer than %s: skipped",
             TW_RECORD_MAX_TEXT);
        return TRAWL_OK;
    }
    if (!t->any_value)
        return TRAWL_OK;        /* an empty row (Excel writes ";;;" for one) */
    if (t->field != t->width && !text) {
        warn(t, true, "%zu fields where the header has %zu, and no title or text: skipped",
             t->field, t->width);
        return TRAWL_OK;
    }
    if (t->field != t->width)
        warn(t, false, "%zu fields where the header has %zu: indexed as they fall",
             t->field, t->width);
    else if (!text) {
        warn(t, false, "no title or text: skipped");
        return TRAWL_OK;
    }
    return row_article(t);
}

/* libcsv's end of a row (C the character that ended it, -1 the file's
 * end): the header, or an article. */
static void on_row(int c, void *ctx)
{
    (void)c;
    table *t = ctx;
    if (!t->header_done) {
        t->header_done = true;
        t->width = t->field;
    } else if (t->emit && t->st == TRAWL_OK) {
        t->st = row_done(t);
        if (t->st == TRAWL_OK && t->rows % CHECK_EVERY == 0)
            t->st = tw_emit_check(t->emit, t->err, t->errlen);
    }
    row_reset(t);
}

/* Whether a row has begun that has not ended: a field of it read, or one
 * that libcsv is in the middle of. */
static bool row_open(const table *t)
{
    return t->field || t->parser.entry_pos || t->parser.quoted;
}

/* Feeds DATA[0..LEN) to the parser.  A field past TW_RECORD_MAX is let go
 * of but for its last byte, which libcsv may take back (the quote that
 * may close it), and its trailing spaces are forgotten; libcsv goes on
 * reading the rest of it as it would.  Its row is skipped when the field
 * is one it is indexed by; a column of something else (a crawler's copy
 * of the page's HTML) is only passed over. */
static trawl_status feed(table *t, const char *data, size_t len)
{
    if (!row_open(t))
        t->row_line = t->line;
    if (csv_parse(&t->parser, data, len, on_field, on_row, t) < len)
        return csv_error(&t->parser) == CSV_ENOMEM ? TRAWL_ENOMEM : TRAWL_EFORMAT;
    if (t->parser.entry_pos > TW_RECORD_MAX) {
        t->too_long |= t->header_done && column_at(t, t->field);
        t->parser.entry_buf[0] = t->parser.entry_buf[t->parser.entry_pos - 1];
        t->parser.entry_pos = 1;
        t->parser.spaces = 0;
    }
    return t->st;
}

/* Sets up T to read IN: its parser, with the separator of its header line
 * (at DATA, LEN bytes).  Returns -1 on ENOMEM. */
static int table_open(table *t, const tw_input *in, const tw_emit *emit, const char *data,
                      size_t len)
{
    t->in = in;
    t->emit = emit;
    t->line = 1;
    if (csv_init(&t->parser, CSV_APPEND_NULL) != 0)
        return -1;
    csv_set_delim(&t->parser, separator(in, data, len));
    /* libcsv grows a field's buffer by this much at a time: by its 128
     * bytes, an article of 10 MB took 80,000 reallocations. */
    csv_set_blk_size(&t->parser, 64 * 1024);
    row_reset(t);
    return 0;
}

static void table_close(table *t)
{
    csv_free(&t->parser);
    for (int r = 0; r < N_ROLES; r++)
        tw_buf_free(&t->value[r]);
    tw_buf_free(&t->id);
    tw_buf_free(&t->plain);
}

/* The first line of DATA[0..LEN) past a UTF-8 byte-order mark. */
static const char *past_bom(const char *data, size_t *len)
{
    if (*len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        *len -= 3;
        return data + 3;
    }
    return data;
}

/* The length of the line DATA[0..LEN) starts, with its end: LF, CRLF or a
 * lone CR (as old Mac software writes them); 0 when DATA holds no line's
 * end.  A CR last in DATA is a line's end only AT_END: before the file's
 * end it may be a CRLF's first half.  One pass to the first CR or LF: a
 * search for an LF first went to the window's end at every line of a file
 * with none (lone CRs: 200,000 rows took 2.3 times the CPU of LF's). */
static size_t line_length(const char *data, size_t len, bool at_end)
{
    size_t i = 0;
    while (i < len && data[i] != '\n' && data[i] != '\r')
        i++;
    if (i == len)
        return 0;
    if (data[i] == '\n')
        return i + 1;
    if (i + 1 < len)
        return i + 1 + (data[i + 1] == '\n');
    return at_end ? len : 0;
}

/* Reads the header of IN from its first bytes into T, set up by
 * table_open without an emit: rows after the header that a chunk fed
 * holds are passed over. */
static int read_header(table *t, const tw_input *in)
{
    size_t len = in->len;
    const char *data = past_bom(in->data, &len);
    if (table_open(t, in, NULL, data, len) < 0)
        return -1;
    while (len && !t->header_done) {
        size_t n = line_length(data, len, true);
        n = n ? n : len;
        if (csv_parse(&t->parser, data, n, on_field, on_row, t) < n)
            return -1;
        data += n;
        len -= n;
    }
    /* A header alone, with no line end after it, is a header too. */
    if (!t->header_done && (!in->source || in->source->end))
        csv_fini(&t->parser, on_field, on_row, t);
    return 0;
}

static bool csv_claims(const tw_input *in)
{
    if (!csv_named(in))
        return false;
    table t = { 0 };
    bool text = read_header(&t, in) == 0 && has_text_column(&t);
    table_close(&t);
    return text;
}

bool tw_csv_refused(const tw_input *in, char *why, size_t size)
{
    if (!csv_named(in))
        return false;
    if (csv_claims(in))
        return false;
    snprintf(why, size, "not a table of articles: its first row names no title or text "
             "column (%s, %s, %s, %s, %s...): indexed as plain text", tw_field_title[0],
             tw_field_title[1], tw_field_body[0], tw_field_body[1], tw_field_body[2]);
    return true;
}

/* Reads the window from S into the parser a line at a time (so that each
 * row knows the line it starts on), letting go of what it has read.  When
 * reading fails (a .csv.gz cut short), the window still holds what came
 * before the damage: its whole lines are read, and the one the damage cuts
 * is not (nor its row, which the caller does not finish). */
static trawl_status read_rows(table *t, tw_source *s)
{
    bool first = true, checked = false, damaged = false;
    for (;;) {
        if (s->len < READ_AHEAD && !s->end && !damaged)
            damaged = tw_source_fill(s, READ_AHEAD, t->err, t->errlen) < 0;
        if (!s->len)
            return damaged ? TRAWL_EFORMAT : TRAWL_OK;
        size_t len = s->len, skip = 0;
        if (first) {
            const char *data = past_bom(s->data, &len);
            skip = (size_t)(data - s->data);
            if (table_open(t, t->in, t->emit, data, len) < 0)
                return TRAWL_ENOMEM;
            first = false;
        }
        const char *data = s->data + skip;
        size_t n = line_length(data, len, s->end || damaged);
        bool line = n > 0;
        if (!line && damaged)
            return TRAWL_EFORMAT;
        /* A window of no whole line is read all but a CR it ends with,
         * which waits to be told a line's end from a CRLF's half. */
        if (!line)
            n = len - (len > 1 && data[len - 1] == '\r');
        trawl_status st = feed(t, data, n);
        if (st != TRAWL_OK)
            return st;
        if (t->header_done && !checked && !(checked = has_text_column(t))) {
            snprintf(t->err, t->errlen, "not a table of articles: its first row names no "
                     "title or text column");
            return TRAWL_EFORMAT;
        }
        tw_source_drop(s, skip + n);
        t->line += line;
    }
}

static trawl_status csv_extract(const tw_input *in, const tw_emit *emit, char *err,
                                size_t errlen)
{
    tw_source mem;
    tw_buf window = { 0 };
    tw_source *s = tw_input_source(in, &mem, &window);
    if (!s)
        return TRAWL_ENOMEM;
    table t = { .in = in, .emit = emit, .err = err, .errlen = errlen };
    trawl_status st = read_rows(&t, s);
    if (st == TRAWL_OK) {
        /* At the end, strict: a quote that is never closed is an error
         * (CSV_STRICT_FINI), not a field that runs to the end of the file. */
        bool header = t.header_done;
        csv_set_opts(&t.parser, CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI);
        bool closed = csv_fini(&t.parser, on_field, on_row, &t) == 0;
        st = t.st;
        if (!closed && header)
            warn(&t, true, "a quote opened in this row is not closed by the end of the file: "
                 "the row is not indexed");
        if (st == TRAWL_OK && (!t.header_done || !has_text_column(&t))) {
            snprintf(err, errlen, "not a table of articles: %s", !t.header_done
                     ? "its first row opens a quote that is never closed"
                     : "its first row names no title or text column");
            st = TRAWL_EFORMAT;
        }
    }
    table_close(&t);
    tw_buf_free(&window);
    if (s == &mem)
        tw_source_close(&mem);
    return st;
}

const tw_extractor tw_extractor_csv = {
    .name = "csv",
    .extent = TW_EXTENT_RECORDS,
    .claims = csv_claims,
    .extract = csv_extract,
};
