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
    json_t *j = json_loadb(in->data, nl ? (size_t)(nl - in->data) : in->len,
                           JSON_DISABLE_EOF_CHECK, NULL);
    bool object = json_is_object(j);
    json_decref(j);
    return object;
}

typedef struct job {
    const tw_input *in;
    const tw_emit *emit;
    const char *where;      /* "line 12", "item 3" or "" for warnings */
    tw_buf id, title, body, date, url, author, site;
} job;

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
        take(j, obj, SITE, &j->site, " ") < 0)
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
    return j->emit->article(j->emit->ctx, &a);
}

/* A whole-file JSON document: one object, or an array of objects. */
static trawl_status whole_document(job *j, json_t *doc)
{
    if (!json_is_array(doc))
        return one_object(j, doc, NULL);
    size_t i;
    json_t *item;
    char where[32], ordinal[24];
    trawl_status st = TRAWL_OK;
    json_array_foreach(doc, i, item) {
        snprintf(where, sizeof where, "item %zu", i);
        snprintf(ordinal, sizeof ordinal, "%zu", i);
        j->where = where;
        if ((st = one_object(j, item, ordinal)) != TRAWL_OK)
            break;
    }
    return st;
}

static trawl_status json_lines(job *j)
{
    const char *p = j->in->data, *end = p + j->in->len;
    char where[32], ordinal[24];
    trawl_status st = TRAWL_OK;
    for (size_t line = 1; p < end && st == TRAWL_OK; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        const char *q = p;
        while (q < stop && (*q == ' ' || *q == '\t' || *q == '\r'))
            q++;
        if (q < stop) {
            snprintf(where, sizeof where, "line %zu", line);
            snprintf(ordinal, sizeof ordinal, "%zu", line);
            j->where = where;
            json_error_t error;
            json_t *obj = json_loadb(p, (size_t)(stop - p), JSON_ALLOW_NUL, &error);
            if (!obj)
                job_warn(j, true, "malformed JSON (%s): skipped", error.text, "");
            else
                st = one_object(j, obj, ordinal);
            json_decref(obj);
        }
        p = nl ? nl + 1 : end;
    }
    return st;
}

static trawl_status json_extract(const tw_input *in, const tw_emit *emit,
                                 char *err, size_t errlen)
{
    /* jansson takes only UTF-8; dumps with stray Latin-1 bytes are common. */
    tw_buf utf8 = { 0 };
    if (tw_to_utf8(in->data, in->len, &utf8) < 0)
        return TRAWL_ENOMEM;
    tw_input text = { in->path, utf8.data ? utf8.data : "", utf8.len };
    job j = { .in = &text, .emit = emit, .where = "" };
    trawl_status st;
    /* One document (an object, maybe pretty-printed, or an array); if the file
     * does not parse as one, it is JSON Lines, whatever its name. */
    static const char *const lines_exts[] = { ".jsonl", ".ndjson", NULL };
    json_error_t error;
    json_t *doc = tw_input_has_ext(in, lines_exts) ? NULL
                : json_loadb(text.data, text.len, JSON_ALLOW_NUL, &error);
    if (doc) {
        st = whole_document(&j, doc);
        json_decref(doc);
    } else if (!tw_input_has_ext(in, lines_exts) && tw_input_first_char(&text) == '[') {
        snprintf(err, errlen, "malformed JSON at line %d, column %d: %s", error.line,
                 error.column, error.text);
        st = TRAWL_EFORMAT;
    } else {
        st = json_lines(&j);
    }
    tw_buf *bufs[] = { &utf8, &j.id, &j.title, &j.body, &j.date, &j.url, &j.author, &j.site };
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
        tw_buf_free(bufs[i]);
    return st;
}

const tw_extractor tw_extractor_json = {
    .name = "json",
    .exts = JSON_EXTS,
    .claims = json_claims,
    .extract = json_extract,
};
