/* extract_json.c - JSON (an object or an array of objects) and JSON Lines (one
 * object per line), parsed with jansson.  One article per object. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "charset.h"
#include "date.h"
#include "extract.h"

/* The names news dumps use for each field, in order of preference. */
static const char *const TITLE[] = { "title", "headline", NULL };
static const char *const BODY[] = { "body", "text", "content", "article", "articleBody",
                                    "maintext", NULL };
static const char *const DATE[] = { "date", "published", "published_at", "pubDate",
                                    "datePublished", "date_publish", "publish_date", NULL };
static const char *const URL[] = { "url", "link", NULL };
static const char *const AUTHOR[] = { "author", "byline", "authors", NULL };
static const char *const SITE[] = { "site", "source", "source_domain", "publisher", NULL };
static const char *const LANG[] = { "lang", "language", NULL };
static const char *const TEXT_EXTS[] = { ".txt", ".md", ".rst", ".html", ".htm", NULL };

static const char *const JSON_EXTS[] = { ".json", ".jsonl", ".ndjson", NULL };

static bool json_claims(const tw_input *in)
{
    if (tw_input_has_ext(in, TEXT_EXTS))
        return false;
    /* By content: the first line is a JSON object, or the file opens an array
     * of objects. */
    char c = tw_input_first_char(in);
    if (c == '[') {
        const char *p = memchr(in->data, '[', in->len) + 1, *end = in->data + in->len;
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
            p++;
        return p < end && *p == '{';
    }
    if (c != '{')
        return false;
    const char *nl = memchr(in->data, '\n', in->len);
    /* A first line longer than the bytes at hand: it opens like an object. */
    if (!nl && in->source && !in->source->end)
        return true;
    json_t *j = json_loadb(in->data, nl ? (size_t)(nl - in->data) : in->len,
                           JSON_DISABLE_EOF_CHECK, NULL);
    bool object = json_is_object(j);
    json_decref(j);
    return object;
}

/* How far ahead the window is read at a time, and how often to ask whether to
 * stop (in lines or items). */
#define READ_AHEAD  (256u * 1024)
#define CHECK_EVERY 256

typedef struct job {
    const tw_input *in;
    const tw_emit *emit;
    const char *where;      /* "line 12", "item 3" or "" for warnings */
    tw_buf id, title, body, date, url, author, site, lang;
    size_t lines;           /* newlines let go of, for an array's error messages */
    trawl_status st;        /* a failure to read on, with its reason in err */
    char *err;
    size_t errlen;
} job;

static size_t count_lines(const char *p, size_t n)
{
    size_t lines = 0;
    for (const char *end = p + n; (p = memchr(p, '\n', (size_t)(end - p))); p++)
        lines++;
    return lines;
}

static void job_warn(job *j, bool lost, const char *fmt, const char *a, const char *b)
{
    char msg[512];
    int n = snprintf(msg, sizeof msg, "%s%s", j->where, *j->where ? ": " : "");
    snprintf(msg + n, sizeof msg - (size_t)n, fmt, a, b);
    j->emit->warn(j->emit->ctx, msg, lost);
}

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:  return "an object";
    case JSON_ARRAY:   return "an array";
    case JSON_STRING:  return "a string";
    case JSON_INTEGER:
    case JSON_REAL:    return "a number";
    case JSON_TRUE:
    case JSON_FALSE:   return "a boolean";
    case JSON_NULL:    return "null";
    }
    return "something else";
}

/* Appends the text of V: a string; an array of strings (joined by SEP); or an
 * object with a "name" string (JSON-LD authors and publishers).  Returns 1 when V
 * gave text, 0 when it has another shape, -1 on ENOMEM. */
static int text_of(const json_t *v, tw_buf *out, const char *sep)
{
    if (json_is_string(v))
        return tw_buf_append(out, json_string_value(v), json_string_length(v)) < 0 ? -1 : 1;
    if (json_is_object(v)) {
        const json_t *name = json_object_get(v, "name");
        return json_is_string(name) ? text_of(name, out, sep) : 0;
    }
    if (json_is_array(v) && json_array_size(v) > 0) {
        size_t i;
        const json_t *item;
        json_array_foreach(v, i, item) {
            if (out->len && tw_buf_puts(out, sep) < 0)
                return -1;
            int rc = text_of(item, out, sep);
            if (rc <= 0)
                return rc;
        }
        return 1;
    }
    return 0;
}

/* Fills OUT from the first of NAMES present in OBJ.  A field of the wrong type is
 * ignored, with a warning.  Returns -1 on ENOMEM, else 0. */
static int take(job *j, const json_t *obj, const char *const *names, tw_buf *out,
                const char *sep)
{
    tw_buf_clear(out);
    for (; *names; names++) {
        const json_t *v = json_object_get(obj, *names);
        if (!v || json_is_null(v))
            continue;
        int rc = text_of(v, out, sep);
        if (rc < 0)
            return -1;
        if (rc > 0)
            return 0;
        tw_buf_clear(out);
        job_warn(j, false, "field \"%s\" is %s, not text: ignored", *names, type_name(v));
    }
    return 0;
}

/* The first date field present: a string as it is, or a number of seconds (or, when
 * too large for seconds, milliseconds) since the epoch.  Returns -1 on ENOMEM. */
static int take_date(job *j, const json_t *obj)
{
    tw_buf_clear(&j->date);
    for (const char *const *n = DATE; *n; n++) {
        const json_t *v = json_object_get(obj, *n);
        if (!v || json_is_null(v))
            continue;
        if (json_is_string(v))
            return tw_buf_append(&j->date, json_string_value(v), json_string_length(v));
        if (json_is_integer(v)) {
            json_int_t t = json_integer_value(v);
            if (t > 100000000000LL || t < -100000000000LL)
                t /= 1000;
            tw_date d = { t, true };
            char iso[21];
            tw_date_format(&d, iso);
            return tw_buf_puts(&j->date, iso);
        }
        job_warn(j, false, "field \"%s\" is %s, not a date: ignored", *n, type_name(v));
    }
    return 0;
}

static trawl_status one_object(job *j, const json_t *obj, const char *ordinal)
{
    if (!json_is_object(obj)) {
        job_warn(j, true, "%s is not an object: skipped", type_name(obj), "");
        return TRAWL_OK;
    }
    if (take(j, obj, TITLE, &j->title, " ") < 0 || take(j, obj, BODY, &j->body, "\n\n") < 0 ||
        take(j, obj, URL, &j->url, " ") < 0 || take(j, obj, AUTHOR, &j->author, ", ") < 0 ||
        take(j, obj, SITE, &j->site, " ") < 0 || take(j, obj, LANG, &j->lang, " ") < 0)
        return TRAWL_ENOMEM;
    if (take_date(j, obj) < 0)
        return TRAWL_ENOMEM;
    if (!j->title.len && !j->body.len) {
        job_warn(j, true, "no title or text field (%s): skipped",
                 "title, headline, body, text, content, article, articleBody, maintext", "");
        return TRAWL_OK;
    }
    /* The object's own id keeps the article id stable when a dump is regenerated
     * in another order; else the line or item number. */
    tw_buf_clear(&j->id);
    const json_t *id = json_object_get(obj, "id");
    int rc = json_is_string(id) && json_string_length(id)
        ? tw_buf_printf(&j->id, "%s#%s", j->in->path, json_string_value(id))
        : json_is_integer(id)
        ? tw_buf_printf(&j->id, "%s#%lld", j->in->path, (long long)json_integer_value(id))
        : ordinal ? tw_buf_printf(&j->id, "%s#%s", j->in->path, ordinal)
                  : tw_buf_puts(&j->id, j->in->path);
    if (rc < 0)
        return TRAWL_ENOMEM;
    trawl_article a = {
        .id = j->id.data, .path = j->in->path,
        .title = j->title.len ? j->title.data : NULL,
        .body = j->body.len ? j->body.data : NULL,
        .date = j->date.len ? j->date.data : NULL,
        .url = j->url.len ? j->url.data : NULL,
        .author = j->author.len ? j->author.data : NULL,
        .site = j->site.len ? j->site.data : NULL,
    };
    return j->emit->article(j->emit->ctx, &a, j->lang.len ? j->lang.data : NULL);
}

/* Reads on until the window holds WANT bytes, or the input ends.  True when
 * the window grew -- at the end of the input too, where it may hold fewer
 * than WANT: the last bytes of a file are read along with the end, and a
 * record they complete must be parsed again.  False when nothing more came,
 * WANT is past TW_RECORD_MAX, or reading failed (j->st and j->err set). */
static bool more(job *j, tw_source *s, size_t want)
{
    if (s->end || want > TW_RECORD_MAX)
        return false;
    size_t before = s->len;
    if (tw_source_fill(s, want, j->err, j->errlen) < 0) {
        j->st = TRAWL_EFORMAT;
        return false;
    }
    return s->len > before;
}

/* Skips white space from *POS, reading on as needed.  False at the end of the
 * input, or when a failure set j->st. */
static bool skip_space(job *j, tw_source *s, size_t *pos)
{
    for (;;) {
        while (*pos < s->len && strchr(" \t\r\n", s->data[*pos]))
            (*pos)++;
        if (*pos < s->len)
            return true;
        /* Nothing but white space: let go of it rather than hold it all. */
        j->lines += count_lines(s->data, *pos);
        tw_source_drop(s, *pos);
        *pos = 0;
        if (!more(j, s, READ_AHEAD))
            return false;
    }
}

/* Parses the object or array at POS, reading on while it is incomplete.
 * Returns it with *used set to its length, or NULL with the error in *error
 * (or with j->st set when reading failed). */
static json_t *parse_at(job *j, tw_source *s, size_t pos, size_t *used, json_error_t *error)
{
    for (;;) {
        json_t *v = json_loadb(s->data + pos, s->len - pos,
                               JSON_DISABLE_EOF_CHECK | JSON_ALLOW_NUL, error);
        if (v) {
            *used = (size_t)error->position;
            return v;
        }
        if (json_error_code(error) != json_error_premature_end_of_input ||
            !more(j, s, s->len + READ_AHEAD))
            return NULL;
    }
}

/* One line of JSON Lines, parsed on its own so that a broken line costs only
 * itself. */
static trawl_status one_line(job *j, const char *p, size_t n, size_t line)
{
    size_t i = 0;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r'))
        i++;
    if (i == n)
        return TRAWL_OK;
    char where[32], ordinal[24];
    snprintf(where, sizeof where, "line %zu", line);
    snprintf(ordinal, sizeof ordinal, "%zu", line);
    j->where = where;
    json_error_t error;
    json_t *obj = json_loadb(p, n, JSON_ALLOW_NUL, &error);
    trawl_status st = TRAWL_OK;
    if (!obj)
        job_warn(j, true, "malformed JSON (%s): skipped", error.text, "");
    else
        st = one_object(j, obj, ordinal);
    json_decref(obj);
    j->where = "";
    return st;
}

/* JSON Lines, from the start of the window: one object per line. */
static trawl_status json_lines(job *j, tw_source *s)
{
    size_t scanned = 0;         /* bytes of the window known to hold no newline */
    bool skipping = false;      /* in a line too long to hold: dropped as it comes */
    for (size_t line = 1;; ) {
        const char *nl = memchr(s->data + scanned, '\n', s->len - scanned);
        if (!nl && !s->end) {
            if (s->len >= TW_RECORD_MAX) {
                if (!skipping) {
                    char where[32];
                    snprintf(where, sizeof where, "line %zu", line);
                    j->where = where;
                    job_warn(j, true, "longer than %s: skipped", TW_RECORD_MAX_TEXT, "");
                    j->where = "";
                }
                skipping = true;
                tw_source_drop(s, s->len);
            }
            scanned = s->len;
            if (tw_source_fill(s, s->len + READ_AHEAD, j->err, j->errlen) < 0)
                return TRAWL_EFORMAT;
            continue;
        }
        size_t n = nl ? (size_t)(nl - s->data) : s->len;
        if (!skipping) {
            trawl_status st = one_line(j, s->data, n, line);
            if (st != TRAWL_OK)
                return st;
        }
        skipping = false;
        tw_source_drop(s, nl ? n + 1 : n);
        scanned = 0;
        if (!nl)
            return TRAWL_OK;
        if (++line % CHECK_EVERY == 0) {
            trawl_status st = tw_emit_check(j->emit, j->err, j->errlen);
            if (st != TRAWL_OK)
                return st;
        }
    }
}

/* The type of the value that starts with C, for a warning. */
static const char *scalar_name(char c)
{
    return c == '"' ? "a string" : c == 't' || c == 'f' ? "a boolean"
         : c == 'n' ? "null" : "a number";
}

/* Skips the string or bare word at *POS (an array item that is not an object). */
static bool skip_scalar(job *j, tw_source *s, size_t *pos)
{
    bool quoted = s->data[*pos] == '"', escaped = false;
    for (size_t i = *pos + quoted;; i++) {
        if (i >= s->len && !more(j, s, s->len + READ_AHEAD))
            return false;
        char c = s->data[i];
        if (quoted ? (c == '"' && !escaped) : strchr(",] \t\r\n", c) != NULL) {
            *pos = i + quoted;
            return true;
        }
        escaped = quoted && c == '\\' && !escaped;
    }
}

/* An array of objects, item by item from POS (just past its '['): each is parsed
 * on its own, so the array is never held whole. */
static trawl_status read_array(job *j, tw_source *s, size_t pos)
{
    char where[32], ordinal[24], reason[160];
    for (size_t item = 0;; item++) {
        if (!skip_space(j, s, &pos))
            goto unclosed;
        if (item == 0 && s->data[pos] == ']')
            return TRAWL_OK;
        snprintf(where, sizeof where, "item %zu", item);
        snprintf(ordinal, sizeof ordinal, "%zu", item);
        j->where = where;
        char c = s->data[pos];
        if (c == '{' || c == '[') {
            size_t used;
            json_error_t error;
            json_t *v = parse_at(j, s, pos, &used, &error);
            if (!v) {
                if (j->st != TRAWL_OK)
                    return j->st;
                if (json_error_code(&error) == json_error_premature_end_of_input && !s->end)
                    snprintf(reason, sizeof reason, "longer than " TW_RECORD_MAX_TEXT);
                else
                    snprintf(reason, sizeof reason, "malformed JSON at line %zu, column %d: "
                             "%.80s", j->lines + count_lines(s->data, pos) + (size_t)error.line,
                             error.column, error.text);
                snprintf(j->err, j->errlen, "item %zu: %s: it and the items after it are "
                         "not indexed", item, reason);
                return TRAWL_EFORMAT;
            }
            trawl_status st = one_object(j, v, ordinal);
            json_decref(v);
            if (st != TRAWL_OK)
                return st;
            pos += used;
        } else {
            job_warn(j, true, "%s is not an object: skipped", scalar_name(c), "");
            if (!skip_scalar(j, s, &pos))
                goto unclosed;
        }
        j->where = "";
        /* What is done goes: the window holds the items still to come. */
        j->lines += count_lines(s->data, pos);
        tw_source_drop(s, pos);
        pos = 0;
        if (!skip_space(j, s, &pos))
            goto unclosed;
        if (s->data[pos] == ']')
            return TRAWL_OK;
        if (s->data[pos] != ',') {
            snprintf(j->err, j->errlen, "malformed JSON at line %zu: ',' or ']' expected "
                     "after item %zu", j->lines + count_lines(s->data, pos) + 1, item);
            return TRAWL_EFORMAT;
        }
        pos++;
        if ((item + 1) % CHECK_EVERY == 0) {
            trawl_status st = tw_emit_check(j->emit, j->err, j->errlen);
            if (st != TRAWL_OK)
                return st;
        }
    }
unclosed:
    if (j->st != TRAWL_OK)
        return j->st;
    snprintf(j->err, j->errlen, "malformed JSON: the array is not closed");
    return TRAWL_EFORMAT;
}

/* A file that does not open an array: one object, maybe pretty-printed, when
 * nothing but white space follows it; else JSON Lines (*lines set), whatever
 * the file's name. */
static trawl_status json_document(job *j, tw_source *s, size_t pos, bool *lines)
{
    size_t used;
    json_error_t error;
    json_t *v = parse_at(j, s, pos, &used, &error);
    if (!v) {
        *lines = j->st == TRAWL_OK;
        return j->st;
    }
    /* Look past it without letting go of anything: line 1 may be read again. */
    size_t after = pos + used;
    for (;;) {
        while (after < s->len && strchr(" \t\r\n", s->data[after]))
            after++;
        if (after < s->len || !more(j, s, s->len + READ_AHEAD))
            break;
    }
    trawl_status st = j->st;
    if (st == TRAWL_OK && after >= s->len && s->end)
        st = one_object(j, v, NULL);
    else
        *lines = st == TRAWL_OK;
    json_decref(v);
    return st;
}

static trawl_status json_extract(const tw_input *in, const tw_emit *emit,
                                 char *err, size_t errlen)
{
    tw_source mem;
    tw_buf window = { 0 };
    tw_source *s = tw_input_source(in, &mem, &window);
    if (!s)
        return TRAWL_ENOMEM;
    job j = { .in = in, .emit = emit, .where = "", .err = err, .errlen = errlen };
    trawl_status st = TRAWL_OK;
    static const char *const lines_exts[] = { ".jsonl", ".ndjson", NULL };
    bool lines = tw_input_has_ext(in, lines_exts);
    if (!lines) {
        size_t pos = 0;
        if (!more(&j, s, READ_AHEAD) && j.st != TRAWL_OK)
            st = j.st;
        else if (skip_space(&j, s, &pos) && s->data[pos] == '[')
            st = read_array(&j, s, pos + 1);
        else if (j.st != TRAWL_OK)
            st = j.st;
        else if (pos < s->len)
            st = json_document(&j, s, pos, &lines);
    }
    if (st == TRAWL_OK && lines)
        st = json_lines(&j, s);
    tw_buf *bufs[] = { &window, &j.id, &j.title, &j.body, &j.date, &j.url, &j.author, &j.site, &j.lang };
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
        tw_buf_free(bufs[i]);
    if (s == &mem)
        tw_source_close(&mem);
    return st;
}

const tw_extractor tw_extractor_json = {
    .name = "json",
    .extent = TW_EXTENT_RECORDS,
    .exts = JSON_EXTS,
    .claims = json_claims,
    .extract = json_extract,
};
