/* extract_json.c - JSON (an object, an array of objects, or an object holding
 * them: an API's reply around its list of articles, or articles keyed by
 * their ids) and JSON Lines (one object per line), parsed with jansson.  One
 * article per object that has a title or a text. */
#include <ctype.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "charset.h"
#include "date.h"
#include "extract.h"
#include "html_parse.h"
#include "record_fields.h"
#include "site_name.h"
#include "text_article.h"
#include "url.h"
#include "utf8.h"

/* The field names (record_fields.h), shorter for this file's many uses. */
#define TITLE  tw_field_title
#define BODY   tw_field_body
#define DATE   tw_field_date
#define URL    tw_field_url
#define AUTHOR tw_field_author
#define SITE   tw_field_site
#define LANG   tw_field_lang
/* The names feeds and API replies give their list of articles: an object
 * with one is a container even with a title of its own (JSON Feed's, an
 * RSS feed's as JSON). */
static const char *const LISTS[] = { "articles", "items", "entries", "posts", "stories",
                                     "results", "docs", "data", NULL };
static const char *const TEXT_EXTS[] = { ".txt", ".md", ".rst", ".html", ".htm", NULL };

static const char *const JSON_EXTS[] = { ".json", ".jsonl", ".ndjson", NULL };

/* The fields a member may be named for by its words (by_words). */
static const char *const *const FIELDS[] = { TITLE, BODY, DATE, URL, AUTHOR, SITE, LANG };
#define N_FIELDS (sizeof FIELDS / sizeof FIELDS[0])
#define FIELD_TITLE 0
#define FIELD_BODY 1
#define FIELD_DATE 2

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
#define READ_AHEAD  TW_WINDOW_STEP
#define CHECK_EVERY 256

/* The most values (objects, arrays, strings, numbers, names of members) a
 * record parsed whole may hold.  jansson makes each a node of 40 to 220
 * bytes, so that the bytes of a record bound its memory no better than
 * that: a line of 9 MB of "{}," took 700 MB, one of 20 MB of "1," 420 MB.
 * An article has hundreds; an API's reply of a thousand of them, tens of
 * thousands.  This many take 55 MB at most. */
#define VALUES_MAX 250000
#define VALUES_MAX_TEXT "250000"

typedef struct job {
    const tw_input *in;
    const tw_emit *emit;
    const char *where;      /* "line 12", "item 3" or "" for warnings */
    tw_buf id, title, body, date, url, author, site, lang;
    tw_buf date_utc;        /* the record's date named for UTC's time (take_date) */
    tw_buf plain;           /* a text field with its markup read */
    size_t lines;           /* newlines let go of, for an array's error messages */
    size_t items;           /* array items met so far: the next one's number */
    size_t line;            /* of JSON Lines, the line whose items they are */
    size_t objects;         /* values taken for articles, whether they were or not */
    bool crowded;           /* parse_at failed: more than VALUES_MAX values */
    /* The members of the object WORDED_OF named for each of FIELDS by their
     * words (by_words), found once an object: NULL for none. */
    const json_t *worded_of;
    const char *worded[N_FIELDS];
    const char *worded_utc; /* and the one named for the date in UTC's time
                               ("post_date_gmt"), beside "post_date" */
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

/* Appends the string V, a NUL in it (JSON's \u0000) as a space: the text
 * goes on as a C string, which a NUL would end ("before \u0000 after" was
 * indexed as "before"). */
static int append_string(tw_buf *out, const json_t *v)
{
    size_t from = out->len;
    if (tw_buf_append(out, json_string_value(v), json_string_length(v)) < 0)
        return -1;
    tw_nul_to_space(out, from);
    return 0;
}

/* Appends the text of V: a string; an array of strings (joined by SEP); or an
 * object with a "name" string (JSON-LD authors and publishers), a
 * "rendered" one (WordPress's REST API: {"title": {"rendered": "..."}}) or
 * a "title" one (Event Registry's {"source": {"uri": ..., "title": ...}},
 * which was warned about on every record).  Returns 1 when V gave text, 0
 * when it has another shape, -1 on ENOMEM. */
static int text_of(const json_t *v, tw_buf *out, const char *sep)
{
    if (json_is_string(v))
        return append_string(out, v) < 0 ? -1 : 1;
    if (json_is_object(v)) {
        static const char *const NAMES[] = { "name", "rendered", "title", NULL };
        const json_t *name = NULL;
        for (const char *const *n = NAMES; *n && !json_is_string(name); n++)
            name = json_object_get(v, *n);
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

/* Whether the field V says nothing: missing, null, or an empty list (as
 * news-please writes "authors": [] for a page that names no one). */
static bool absent(const json_t *v)
{
    return !v || json_is_null(v) || (json_is_array(v) && !json_array_size(v));
}

/* Whether KEY is one of NAMES, as JSON matches them. */
static bool named_in(const char *key, const char *const *names)
{
    for (; *names; names++)
        if (strcmp(key, *names) == 0)
            return true;
    return false;
}

/* The field of FIELDS the member KEY is named for by its words, and not by
 * one of that field's names (which the field's own look-up finds); -1 for
 * none.  *RANK as tw_record_field_by_words sets it. */
static int worded_field(const char *key, size_t *rank)
{
    int f = tw_record_field_by_words(key, strlen(key), FIELDS, (int)N_FIELDS, FIELD_BODY, rank);
    return f >= 0 && named_in(key, FIELDS[f]) ? -1 : f;
}

/* Fills j->worded for OBJ: of its members named by no field's name, the one
 * each field's name list ranks first by the member's words
 * (tw_record_field_by_words: "headline_text", "article_url",
 * "Published_Date"), as a CSV header is read; a date named for UTC's time
 * apart (j->worded_utc). */
static void find_worded(job *j, const json_t *obj)
{
    size_t best[N_FIELDS];
    for (size_t f = 0; f < N_FIELDS; f++) {
        j->worded[f] = NULL;
        best[f] = SIZE_MAX;
    }
    j->worded_utc = NULL;
    j->worded_of = obj;
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)obj, key, v) {
        size_t rank;
        int f = worded_field(key, &rank);
        if (f == FIELD_DATE && rank == tw_field_date_utc) {
            j->worded_utc = j->worded_utc ? j->worded_utc : key;
        } else if (f >= 0 && rank < best[f]) {
            best[f] = rank;
            j->worded[f] = key;
        }
    }
}

/* The name of the I-th member of OBJ that may give the field whose names are
 * NAMES: NAMES in their order, then the member named for it by its words;
 * NULL past those. */
static const char *member_name(job *j, const json_t *obj, const char *const *names, size_t i)
{
    /* I counts up from 0: NAMES[I - 1] is NULL once past the worded one. */
    if (i > 0 && !names[i - 1])
        return NULL;
    if (names[i])
        return names[i];
    for (size_t f = 0; f < N_FIELDS; f++)
        if (FIELDS[f] == names) {
            if (j->worded_of != obj)
                find_worded(j, obj);
            return j->worded[f];
        }
    return NULL;
}

/* Fills OUT from the first of NAMES present in OBJ, else from the member
 * named for that field by its words.  A field of the wrong type is ignored,
 * with a warning.  Returns -1 on ENOMEM, else 0. */
static int take(job *j, const json_t *obj, const char *const *names, tw_buf *out,
                const char *sep)
{
    tw_buf_clear(out);
    const char *key;
    for (size_t i = 0; (key = member_name(j, obj, names, i)); i++) {
        const json_t *v = json_object_get(obj, key);
        if (absent(v))
            continue;
        int rc = text_of(v, out, sep);
        if (rc < 0)
            return -1;
        if (rc > 0)
            return 0;
        tw_buf_clear(out);
        job_warn(j, false, "field \"%s\" is %s, not text: ignored", key, type_name(v));
    }
    return 0;
}

/* The date MongoDB's Extended JSON wraps V in, as mongoexport writes a
 * scraper's stored articles: {"$date": "2021-06-17T10:00:00Z"}, {"$date":
 * 1623924000000} (*MILLIS set: milliseconds, whatever their size) or
 * {"$date": {"$numberLong": "1623924000000"}} (a string of them, which the
 * date reader takes as such).  V itself when it is no such wrapper. */
static const json_t *unwrapped_date(const json_t *v, bool *millis)
{
    const json_t *inner = json_is_object(v) && json_object_size(v) == 1
                              ? json_object_get(v, "$date") : NULL;
    if (!inner)
        return v;
    const json_t *number = json_is_object(inner) && json_object_size(inner) == 1
                               ? json_object_get(inner, "$numberLong") : NULL;
    *millis = json_is_number(inner);
    return number ? number : inner;
}

/* Whether S is the address of a page, not of a site's home: an absolute
 * http(s) URL with a path ("https://ledger.example/2021/03/02/dredging", not
 * "https://ledger.example/"). */
static bool page_address(const char *s)
{
    const char *p = strncasecmp(s, "http://", 7) == 0    ? s + 7
                  : strncasecmp(s, "https://", 8) == 0 ? s + 8 : NULL;
    const char *path = p ? strpbrk(p, "/?#") : NULL;
    return path && path[strspn(path, "/")] != '\0' && !strpbrk(s, " \t\n");
}

/* The site fields, as take reads them, but for one that holds the page's
 * own address, as trafilatura's "source" does: that is the record's url
 * when it has none, and the site is the next field's (trafilatura's
 * source-hostname).  Taken for the site's name, the address was the site
 * of every such record, and the record had no url.  Returns -1 on ENOMEM. */
static int take_site(job *j, const json_t *obj)
{
    const char *key;
    for (size_t i = 0; (key = member_name(j, obj, SITE, i)); i++) {
        const char *const one[] = { key, NULL };
        if (take(j, obj, one, &j->site, " ") < 0)
            return -1;
        if (j->site.len && !page_address(j->site.data))
            return 0;
        if (j->site.len && !j->url.len && tw_buf_append(&j->url, j->site.data, j->site.len) < 0)
            return -1;
        tw_buf_clear(&j->site);
    }
    return 0;
}

/* Whether the string V is a date the indexer reads, not a stand-in for none
 * (0001-01-01). */
static bool readable_date(const json_t *v)
{
    tw_date when;
    return tw_date_parse(json_string_value(v), &when) && !tw_date_placeholder(&when);
}

/* Whether KEY names a date in UTC's time and OBJ gives it a string, which
 * *V is then set to. */
static bool utc_string(const json_t *obj, const char *key, const json_t **v)
{
    bool millis = false;
    *v = unwrapped_date(json_object_get(obj, key), &millis);
    return json_is_string(*v) && tw_record_name_utc(key, strlen(key));
}

/* The string of the date field that gives a record's moment in UTC's time
 * beside its other date, as CSV and XML take it: date_gmt, else one named
 * so by its words (post_date_gmt), into J's date_utc.  Returns -1 on
 * ENOMEM. */
static int take_date_utc(job *j, const json_t *obj)
{
    if (j->worded_of != obj)
        find_worded(j, obj);
    const char *keys[] = { DATE[tw_field_date_utc], j->worded_utc };
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        const json_t *v;
        if (keys[i] && utc_string(obj, keys[i], &v))
            return append_string(&j->date_utc, v);
    }
    return 0;
}

/* The first other date field present, into J's date (its date_utc, when
 * that is empty, for one named for UTC's time): a string as it is, or a number of
 * seconds (or, when too large for seconds, milliseconds) since the epoch,
 * whole or not (Python's time.time() gives 1614766800.25), also wrapped as
 * MongoDB writes dates.  A string that is no date gives way to a later field
 * that is one (a scraper's "2 hours ago" beside its timestamp): the record
 * lost its date.  With none, it is kept, for the indexer to say so.
 * Returns -1 on ENOMEM. */
static int take_date_shown(job *j, const json_t *obj)
{
    const json_t *unread = NULL;
    const char *key;
    for (size_t i = 0; (key = member_name(j, obj, DATE, i)); i++) {
        bool millis = false;
        const json_t *v = json_object_get(obj, key);
        if (absent(v))
            continue;
        v = unwrapped_date(v, &millis);
        /* date_gmt is take_date_utc's.  Another named for UTC's time, of a
         * later place ("created_utc"), is a date of that place, in UTC's
         * time: it took the place of a "published" before it. */
        bool utc = json_is_string(v) && tw_record_name_utc(key, strlen(key));
        if (utc && (i == tw_field_date_utc || j->date_utc.len))
            continue;
        if (json_is_string(v) && readable_date(v))
            return append_string(utc ? &j->date_utc : &j->date, v);
        if (json_is_string(v)) {
            unread = unread ? unread : v;
            continue;
        }
        if (json_is_number(v)) {
            double t = json_number_value(v);
            if (millis || t > 1e11 || t < -1e11)
                t /= 1000;
            if (t > 1e13 || t < -1e13) {
                char number[32];
                snprintf(number, sizeof number, "%g", json_number_value(v));
                job_warn(j, false, "field \"%s\" is %s, too far from 1970 for a date: "
                         "ignored", key, number);
                return 0;
            }
            tw_date d = { (int64_t)floor(t), true, 0, true };
            char iso[TW_DATE_ISO_MAX];
            tw_date_format(&d, iso);
            return tw_buf_puts(&j->date, iso);
        }
        job_warn(j, false, "field \"%s\" is %s, not a date: ignored", key, type_name(v));
    }
    return unread ? append_string(&j->date, unread) : 0;
}

/* The record's date, from its field named for UTC's time and its first
 * other one (tw_record_dates: WordPress's two readings of a post's moment
 * are the site's clock, whichever names them).  Returns -1 on ENOMEM. */
static int take_date(job *j, const json_t *obj)
{
    tw_buf_clear(&j->date);
    tw_buf_clear(&j->date_utc);
    if (take_date_utc(j, obj) < 0 || take_date_shown(j, obj) < 0)
        return -1;
    return tw_record_dates(&j->date, &j->date_utc);
}

/* FIELD as the text it stands for (tw_record_markup), a bound that cut its
 * markup said.  Returns -1 on ENOMEM. */
static int read_markup(job *j, tw_buf *field)
{
    int rc = tw_record_markup(field, &j->plain, j->emit);
    if (rc > 0)
        job_warn(j, true, "%s%s", tw_record_markup_cut, "");
    return rc < 0 ? -1 : 0;
}

/* The author fields, as take and read_markup read them, each name (of a
 * list, or a line of a string) as a byline is read (tw_byline_name):
 * scrapers keep what the page showed, "By Sam Ortiz", "Lee Parker - Staff
 * Writer", and "By" filled the author facet.  Names joined by ", ".
 * Returns -1 on ENOMEM. */
static int take_authors(job *j, const json_t *obj)
{
    if (take(j, obj, AUTHOR, &j->author, "\n") < 0 || read_markup(j, &j->author) < 0)
        return -1;
    return tw_record_authors(&j->author, &j->plain);
}

/* A scraper's text of a page's article may open with its byline ("By Dana
 * Whitcomb | March 3, 2021"), under the headline again or not: left there,
 * it opened every snippet of the site's articles, and a record with no date
 * field had none to sort or filter by.  As under a text file's title
 * (text_article.h), its author and date fill the fields the record left
 * empty, and the line leaves the body.  Returns -1 on ENOMEM. */
static int take_lead_byline(job *j)
{
    tw_buf *body = &j->body;
    if (!body->len)
        return 0;
    /* Past the headline, when the text opens with it. */
    size_t from = 0, first = strcspn(body->data, "\r\n");
    if (j->title.len && first >= j->title.len &&
        memcmp(body->data, j->title.data, j->title.len) == 0 &&
        strspn(body->data + j->title.len, " \t") == first - j->title.len)
        from = first;
    size_t at, len;
    tw_slice author, date;
    if (!tw_text_lead_byline(body->data + from, body->len - from, &at, &len, &author, &date))
        return 0;
    if ((author.ptr && !j->author.len && tw_buf_append(&j->author, author.ptr, author.len) < 0) ||
        (date.ptr && !j->date.len && tw_buf_append(&j->date, date.ptr, date.len) < 0))
        return -1;
    at += from;
    memmove(body->data + at, body->data + at + len, body->len - (at + len) + 1);
    body->len -= len;
    return 0;
}

/* A record with no date, nor one in its text's byline, is dated by the day
 * its url holds ("https://site/2021/06/18/bridge", as WordPress and many
 * news sites address a story), as a page is: news-please leaves
 * "date_publish" null where the page's markup gave none.  Returns -1 on
 * ENOMEM. */
static int url_day(job *j)
{
    char iso[TW_DATE_ISO_MAX];
    if (j->date.len || !j->url.len || !tw_url_day(j->url.data, iso))
        return 0;
    return tw_buf_puts(&j->date, iso);
}


/* Whether OBJ has one of NAMES, of any type but null. */
static bool has_field(const json_t *obj, const char *const *names)
{
    for (; *names; names++) {
        const json_t *v = json_object_get(obj, *names);
        if (v && !json_is_null(v))
            return true;
    }
    return false;
}

/* Whether OBJ has one of NAMES as a field of its own: not null, and not an
 * article it wraps under that name, an object with a title or text of its
 * own ({"status": "ok", "article": {"title": ..., "body": ...}}), which
 * makes OBJ its container.  Read as the record's text, that object was
 * "not text", and the article lost. */
static bool own_field(const json_t *obj, const char *const *names)
{
    for (; *names; names++) {
        const json_t *v = json_object_get(obj, *names);
        if (v && !json_is_null(v) &&
            !(json_is_object(v) && (has_field(v, TITLE) || has_field(v, BODY))))
            return true;
    }
    return false;
}

/* Whether V is a list of articles: an array whose first item is an object. */
static bool is_list(const json_t *v)
{
    return json_is_array(v) && json_is_object(json_array_get(v, 0));
}

/* Whether a member of OBJ is named for a title or text by its words
 * ("article_title"), not by one of their names. */
static bool worded_text(const json_t *obj)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)obj, key, v) {
        size_t rank;
        int f = worded_field(key, &rank);
        if ((f == FIELD_TITLE || f == FIELD_BODY) && !json_is_null(v))
            return true;
    }
    return false;
}

/* Whether OBJ has a field an article's title or text is taken from (of any
 * type: a wrong one is reported as the article's), by name or by words,
 * and no list of articles under a name of LISTS (a feed's own title is not
 * an article's). */
static bool is_article(const json_t *obj)
{
    for (const char *const *name = LISTS; *name; name++)
        if (is_list(json_object_get(obj, *name)))
            return false;
    return own_field(obj, TITLE) || own_field(obj, BODY) || worded_text(obj);
}

/* The shortest string of prose taken for an article's text under a name
 * BODY does not list: longer than a headline or a byline. */
#define UNNAMED_TEXT_MIN 200

/* Whether KEY is a field of its own meaning: the title, the date, the url,
 * the authors, the site, the language, the id. */
static bool named_field(const char *key)
{
    const char *const *lists[] = { TITLE, DATE, URL, AUTHOR, SITE, LANG };
    for (size_t l = 0; l < sizeof lists / sizeof *lists; l++)
        for (const char *const *name = lists[l]; *name; name++)
            if (strcmp(key, *name) == 0)
                return true;
    return strcmp(key, "id") == 0;
}

/* The text of a record that has none of BODY's fields: its longest string
 * of prose (UNNAMED_TEXT_MIN bytes or more, with spaces, not an address)
 * under another name, as scrapers name it ("article_text", "full_text",
 * "story").  Such a record was indexed with its title alone, its text lost
 * without a word.  NULL when it has none. */
static const json_t *unnamed_text(const json_t *obj)
{
    const char *key;
    json_t *v;
    const json_t *longest = NULL;
    json_object_foreach((json_t *)obj, key, v) {
        size_t n = json_is_string(v) ? json_string_length(v) : 0;
        const char *text = json_is_string(v) ? json_string_value(v) : "";
        if (n < UNNAMED_TEXT_MIN || named_field(key) || !memchr(text, ' ', n) ||
            page_address(text))
            continue;
        if (!longest || n > json_string_length(longest))
            longest = v;
    }
    return longest;
}

/* The record's text into j->body: its BODY field's, else unnamed_text's.
 * Returns -1 on ENOMEM. */
static int take_body(job *j, const json_t *obj)
{
    if (take(j, obj, BODY, &j->body, "\n\n") < 0)
        return -1;
    const json_t *text = j->body.len || has_field(obj, BODY) ? NULL : unnamed_text(obj);
    return text ? append_string(&j->body, text) : 0;
}

/* The id of the article OBJ gives, into j->id: the object's own id keeps
 * it stable when a dump is regenerated in another order; else the line or
 * item number (ORDINAL), or its name in the object that holds it.  Returns
 * -1 on ENOMEM. */
static int record_id(job *j, const json_t *obj, const char *ordinal)
{
    tw_buf_clear(&j->id);
    const json_t *id = json_object_get(obj, "id");
    return json_is_string(id) && json_string_length(id)
        ? tw_buf_printf(&j->id, "%s#%s", j->in->path, json_string_value(id))
        : json_is_integer(id)
        ? tw_buf_printf(&j->id, "%s#%lld", j->in->path, (long long)json_integer_value(id))
        : ordinal ? tw_buf_printf(&j->id, "%s#%s", j->in->path, ordinal)
                  : tw_buf_puts(&j->id, j->in->path);
}

static const char *text_or_null(const tw_buf *field)
{
    return field->len ? field->data : NULL;
}

/* The article of a page a record holds whole goes out with the record's id
 * and url, as a web archive's page goes out with its record's, and with the
 * record's title, date, author, site and language where the page gives
 * none. */
static trawl_status page_article(void *ctx, const trawl_article *a, const char *lang)
{
    job *j = ctx;
    trawl_article own = *a;
    own.id = j->id.data;
    own.path = j->in->path;
    own.url = j->url.len ? j->url.data : own.url;
    own.title = own.title ? own.title : text_or_null(&j->title);
    own.date = own.date ? own.date : text_or_null(&j->date);
    own.author = own.author ? own.author : text_or_null(&j->author);
    own.site = own.site ? own.site : text_or_null(&j->site);
    return j->emit->article(j->emit->ctx, &own, lang ? lang : text_or_null(&j->lang));
}

static void page_warn(void *ctx, const char *message, bool lost)
{
    job_warn(ctx, lost, "%s%s", message, "");
}

static trawl_status page_check(void *ctx, char *err, size_t errlen)
{
    job *j = ctx;
    return tw_emit_check(j->emit, err, errlen);
}

/* Whether the record's text is a whole page (a doctype, <html>, <head> or
 * <body> at its top), not an article's markup. */
static bool holds_page(const job *j)
{
    tw_input text = { .path = j->in->path, .data = j->body.data, .len = j->body.len };
    return j->body.len && tw_extractor_html.claims(&text);
}

/* A record that holds the whole page a crawler fetched ({"url": ...,
 * "html": "<!doctype html>..."}, or a scraper's "content" that kept all of
 * it) is read as a page file is: its article found among its menus and
 * footers, its title, date, site and author taken from its markup.  Read
 * as a field's markup, the menus were the text's first words and the
 * <title> no title.  A page that gives nothing is said, and the records
 * after it are read. */
static trawl_status page_record(job *j, const json_t *obj, const char *ordinal)
{
    if (record_id(j, obj, ordinal) < 0 || url_day(j) < 0)
        return TRAWL_ENOMEM;
    tw_input page = { .path = j->in->path, .data = j->body.data, .len = j->body.len };
    tw_emit inner = { .article = page_article, .warn = page_warn, .ctx = j,
                      .check = page_check };
    char why[256];
    trawl_status st = tw_extractor_html.extract(&page, &inner, why, sizeof why);
    if (st != TRAWL_EFORMAT)
        return st;              /* done, or the run stops */
    /* The file's time ran out (the check says so again, into j->err), or
     * the page itself gave nothing. */
    st = tw_emit_check(j->emit, j->err, j->errlen);
    if (st == TRAWL_OK)
        job_warn(j, true, "the page in its text field: %s: skipped", why, "");
    return st;
}

static trawl_status one_object(job *j, const json_t *obj, const char *ordinal)
{
    j->objects++;
    j->worded_of = NULL;        /* OBJ may have the address of one freed */
    if (!json_is_object(obj)) {
        job_warn(j, true, "%s is not an object: skipped", type_name(obj), "");
        return TRAWL_OK;
    }
    if (take(j, obj, TITLE, &j->title, " ") < 0 || take_body(j, obj) < 0 ||
        take(j, obj, URL, &j->url, " ") < 0 || take_authors(j, obj) < 0 ||
        take_site(j, obj) < 0 || take(j, obj, LANG, &j->lang, " ") < 0)
        return TRAWL_ENOMEM;
    if (take_date(j, obj) < 0 || read_markup(j, &j->title) < 0 || read_markup(j, &j->site) < 0)
        return TRAWL_ENOMEM;
    if (holds_page(j))
        return page_record(j, obj, ordinal);
    if (read_markup(j, &j->body) < 0 || take_lead_byline(j) < 0 || url_day(j) < 0)
        return TRAWL_ENOMEM;
    /* A dump of scraped pages keeps their <title>: "Story headline - The
     * Ledger".  The site's name in it matched every search for the site's
     * name, and the body's first line, the headline alone, was left as a
     * second copy of the title. */
    if (j->title.len && (j->site.len || j->url.len))
        tw_strip_site_name(&j->title, j->site.len ? j->site.data : NULL,
                           j->url.len ? j->url.data : NULL);
    if (!j->title.len && !j->body.len) {
        char names[256];
        tw_record_field_names(names, sizeof names);
        job_warn(j, true, "no title or text field (%s): skipped", names, "");
        return TRAWL_OK;
    }
    if (record_id(j, obj, ordinal) < 0)
        return TRAWL_ENOMEM;
    trawl_article a = {
        .id = j->id.data, .path = j->in->path,
        .title = text_or_null(&j->title), .body = text_or_null(&j->body),
        .date = text_or_null(&j->date), .url = text_or_null(&j->url),
        .author = text_or_null(&j->author), .site = text_or_null(&j->site),
    };
    return j->emit->article(j->emit->ctx, &a, text_or_null(&j->lang));
}

/* Reads on until the window holds WANT bytes, or the input ends.  True when
 * the window grew -- at the end of the input too, where it may hold fewer
 * than WANT: the last bytes of a file are read along with the end, and a
 * record they complete must be parsed again.  False when nothing more came,
 * or WANT is past TW_RECORD_MAX.  A read that failed (a .json.gz cut short)
 * sets j->st and j->err, and is true all the same when it added to the
 * window what came before the damage: the items it completes are indexed
 * (they were lost with it, up to a megabyte of them). */
static bool more(job *j, tw_source *s, size_t want)
{
    if (s->end || want > TW_RECORD_MAX)
        return false;
    size_t before = s->len;
    if (tw_source_fill(s, want, j->err, j->errlen) < 0)
        j->st = TRAWL_EFORMAT;
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

/* The value of the four hex digits at P, or -1 when they are not. */
static long hex4(const char *p)
{
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int c = (unsigned char)p[i], d = isdigit(c) ? c - '0'
                                       : isxdigit(c) ? (c | 0x20) - 'a' + 10 : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* Rewrites in S (N bytes of JSON) each escape of a lone surrogate ("\ud800"
 * without its low half after it, or a low half alone) as "\ufffd", in
 * place: JavaScript and Python write them (a string cut between the two
 * halves of an emoji, bytes smuggled through surrogateescape), and jansson
 * rejects the whole line for one. */
static void mend_surrogates(char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != '\\')
            continue;
        long h = s[i + 1] == 'u' && i + 6 <= n ? hex4(s + i + 2) : -1;
        if (h < 0xd800 || h > 0xdfff) {
            i++;                        /* an escape, the "\\" of a backslash too */
            continue;
        }
        long low = h < 0xdc00 && i + 12 <= n && s[i + 6] == '\\' && s[i + 7] == 'u'
                       ? hex4(s + i + 8) : -1;
        if (low >= 0xdc00 && low <= 0xdfff) {
            i += 11;                    /* a pair: an emoji, kept */
            continue;
        }
        memcpy(s + i + 2, "fffd", 4);
        i += 5;
    }
}

/* Python's json.dumps writes a float that is no number as NaN, Infinity or
 * -Infinity, which JSON has no word for, and jansson rejects the whole
 * record for one (a scraper's score of an article it could not rate).
 * Rewrites each, outside strings, in place and at the same length, as an
 * empty list: a field that says nothing. */
static void mend_non_numbers(char *s, size_t n)
{
    static const char *const WORDS[] = { "NaN", "Infinity", "-Infinity", NULL };
    bool quoted = false, escaped = false;
    for (size_t i = 0; i < n; i++) {
        if (quoted) {
            quoted = escaped || s[i] != '"';
            escaped = !escaped && s[i] == '\\';
            continue;
        }
        quoted = s[i] == '"';
        for (const char *const *w = WORDS; !quoted && *w; w++) {
            size_t len = strlen(*w);
            if (i + len <= n && memcmp(s + i, *w, len) == 0 &&
                (i + len == n || !isalnum((unsigned char)s[i + len]))) {
                memset(s + i, ' ', len);
                memcpy(s + i, "[]", 2);
                i += len - 1;
                break;
            }
        }
    }
}

/* Whether the value at P (up to N bytes, and up to its end: more may
 * follow it) holds more than VALUES_MAX values: each but the first follows
 * a ',', '[', '{' or ':' outside a string. */
static bool crowded(const char *p, size_t n)
{
    size_t values = 1, depth = 0;
    bool quoted = false, escaped = false;
    for (size_t i = 0; i < n && values <= VALUES_MAX; i++) {
        char c = p[i];
        if (quoted) {
            quoted = escaped || c != '"';
            escaped = !escaped && c == '\\';
        } else if (c == '"') {
            quoted = true;
        } else if ((c == ']' || c == '}') && depth > 0 && --depth == 0) {
            break;
        } else {
            depth += c == '[' || c == '{';
            values += c == ',' || c == '[' || c == '{' || c == ':';
        }
    }
    return values > VALUES_MAX;
}

/* json_loadb of N bytes at P with FLAGS; when it fails for a lone
 * surrogate or a NaN, again with those read as U+FFFD and as nothing
 * (mend_surrogates, mend_non_numbers; on a copy: P may be the caller's). */
static json_t *load_mended(const char *p, size_t n, size_t flags, json_error_t *error)
{
    json_t *v = json_loadb(p, n, flags, error);
    if (v || json_error_code(error) != json_error_invalid_syntax ||
        (!strstr(error->text, "invalid Unicode") && !strstr(error->text, "invalid token")))
        return v;
    char *copy = malloc(n ? n : 1);
    if (!copy)
        return NULL;
    memcpy(copy, p, n);
    mend_surrogates(copy, n);
    mend_non_numbers(copy, n);
    v = json_loadb(copy, n, flags, error);
    free(copy);
    return v;
}

/* Parses the object or array at POS, reading on while it is incomplete.
 * Returns it with *used set to its length, or NULL with the error in *error
 * (or with j->st set when reading failed).  Each try parses from POS again,
 * so the window doubles between them: read on a READ_AHEAD at a time, a
 * document of 32 MiB was parsed 128 times, 45 s. */
static json_t *parse_at(job *j, tw_source *s, size_t pos, size_t *used, json_error_t *error)
{
    for (;;) {
        /* Too many values to hold: taken for a record too long to hold
         * (json_document reads it a member at a time). */
        j->crowded = crowded(s->data + pos, s->len - pos);
        if (j->crowded)
            return NULL;
        json_t *v = load_mended(s->data + pos, s->len - pos,
                                JSON_DISABLE_EOF_CHECK | JSON_ALLOW_NUL, error);
        if (v) {
            *used = (size_t)error->position;
            return v;
        }
        size_t want = 2 * s->len + READ_AHEAD;
        if (json_error_code(error) != json_error_premature_end_of_input ||
            !more(j, s, want < TW_RECORD_MAX ? want : TW_RECORD_MAX))
            return NULL;
    }
}

static trawl_status container(job *j, json_t *obj, int depth, const char *above);

/* V, a whole document or a line of JSON Lines, known by ORDINAL (NULL: the
 * file's path): an article, or a container of them; a container of nothing
 * is reported as the object it is. */
static trawl_status document(job *j, json_t *v, const char *ordinal)
{
    size_t before = j->objects;
    trawl_status st = json_is_object(v) && !is_article(v) ? container(j, v, 0, NULL)
                                                          : TRAWL_OK;
    if (st == TRAWL_OK && j->objects == before)
        st = one_object(j, v, ordinal);
    return st;
}

/* One line of JSON Lines, parsed on its own so that a broken line costs only
 * itself.  A line may be a container (a crawler that writes each reply of a
 * news API as a line): its items are numbered LINE.ITEM. */
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
    if (crowded(p, n)) {
        job_warn(j, true, "more than %s values: skipped", VALUES_MAX_TEXT, "");
        j->where = "";
        return TRAWL_OK;
    }
    json_t *obj = load_mended(p, n, JSON_ALLOW_NUL, &error);
    trawl_status st = TRAWL_OK;
    if (!obj) {
        job_warn(j, true, "malformed JSON (%s): skipped", error.text, "");
    } else {
        j->line = line;
        j->items = 0;
        st = document(j, obj, ordinal);
        j->line = 0;
    }
    json_decref(obj);
    j->where = "";
    return st;
}

/* JSON Lines, from the start of the window: one object per line.  When the
 * input is damaged (a .jsonl.gz cut short), the whole lines read before the
 * damage are indexed, the one it cuts is not: a read that fails has still
 * added to the window what came before the damage, up to a window's worth
 * of lines, which were lost with it. */
static trawl_status json_lines(job *j, tw_source *s)
{
    size_t scanned = 0;         /* bytes of the window known to hold no newline */
    bool skipping = false;      /* in a line too long to hold: dropped as it comes */
    bool damaged = false;       /* reading failed: j->err says why */
    for (size_t line = 1;; ) {
        const char *nl = memchr(s->data + scanned, '\n', s->len - scanned);
        if (!nl && damaged)
            return TRAWL_EFORMAT;
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
            damaged = tw_source_fill(s, s->len + READ_AHEAD, j->err, j->errlen) < 0;
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

/* Skips the string or bare word at *POS (an array item or a member that is not
 * an object). */
static bool skip_scalar(job *j, tw_source *s, size_t *pos)
{
    bool quoted = s->data[*pos] == '"', escaped = false;
    for (size_t i = *pos + quoted;; i++) {
        if (i >= s->len && !more(j, s, s->len + READ_AHEAD))
            return false;
        char c = s->data[i];
        if (quoted ? (c == '"' && !escaped) : strchr(",]} \t\r\n", c) != NULL) {
            *pos = i + quoted;
            return true;
        }
        escaped = quoted && c == '\\' && !escaped;
    }
}

/* Sets REASON to why the item or member at POS did not parse (ERROR). */
static void parse_failure(job *j, tw_source *s, size_t pos, const json_error_t *error,
                          char *reason, size_t size)
{
    if (j->crowded)
        snprintf(reason, size, "more than " VALUES_MAX_TEXT " values");
    else if (json_error_code(error) == json_error_premature_end_of_input && !s->end)
        snprintf(reason, size, "longer than " TW_RECORD_MAX_TEXT);
    else
        snprintf(reason, size, "malformed JSON at line %zu, column %d: %.80s",
                 j->lines + count_lines(s->data, pos) + (size_t)error->line, error->column,
                 error->text);
}

static trawl_status unclosed(job *j, const char *what)
{
    if (j->st != TRAWL_OK)
        return j->st;
    snprintf(j->err, j->errlen, "malformed JSON: the %s is not closed", what);
    return TRAWL_EFORMAT;
}

/* After an array's item or an object's member, AFTER, which ends at *POS:
 * lets go of what is done (the window holds what is still to come) and reads
 * on past the white space and the ',' that follow.  *CLOSED is set when
 * CLOSE ends the array or object there instead (*POS at it). */
static trawl_status after_value(job *j, tw_source *s, size_t *pos, char close,
                                const char *after, bool *closed)
{
    j->lines += count_lines(s->data, *pos);
    tw_source_drop(s, *pos);
    *pos = 0;
    if (!skip_space(j, s, pos))
        return unclosed(j, close == ']' ? "array" : "object");
    *closed = s->data[*pos] == close;
    if (*closed)
        return TRAWL_OK;
    if (s->data[*pos] != ',') {
        snprintf(j->err, j->errlen, "malformed JSON at line %zu: ',' or '%c' expected after %s",
                 j->lines + count_lines(s->data, *pos) + 1, close, after);
        return TRAWL_EFORMAT;
    }
    (*pos)++;
    return TRAWL_OK;
}

/* How array item ITEM is named in messages (WHERE) and in its id (ORDINAL):
 * by its number, and in JSON Lines its line's too. */
static void item_names(const job *j, size_t item, char where[48], char ordinal[48])
{
    if (j->line) {
        snprintf(where, 48, "line %zu, item %zu", j->line, item);
        snprintf(ordinal, 48, "%zu.%zu", j->line, item);
    } else {
        snprintf(where, 48, "item %zu", item);
        snprintf(ordinal, 48, "%zu", item);
    }
}

/* V, the file's next array item (j->items): an article, known by its number
 * (item_names). */
static trawl_status array_item(job *j, const json_t *v)
{
    char where[48], ordinal[48];
    item_names(j, j->items++, where, ordinal);
    const char *outer = j->where;
    j->where = where;
    trawl_status st = one_object(j, v, ordinal);
    j->where = outer;
    return st;
}

/* An array of objects, item by item from POS (just past its '['): each is parsed
 * on its own, so the array is never held whole.  *END is set past its ']'. */
static trawl_status read_array(job *j, tw_source *s, size_t pos, size_t *end)
{
    char where[48], ordinal[48], reason[160];
    for (bool first = true;; first = false) {
        if (!skip_space(j, s, &pos))
            return unclosed(j, "array");
        if (first && s->data[pos] == ']')
            break;
        size_t item = j->items;
        item_names(j, item, where, ordinal);
        char c = s->data[pos];
        if (c == '{' || c == '[') {
            size_t used;
            json_error_t error;
            json_t *v = parse_at(j, s, pos, &used, &error);
            if (!v) {
                if (j->st != TRAWL_OK)
                    return j->st;
                parse_failure(j, s, pos, &error, reason, sizeof reason);
                snprintf(j->err, j->errlen, "%s: %s: it and the items after it are "
                         "not indexed", where, reason);
                return TRAWL_EFORMAT;
            }
            trawl_status st = array_item(j, v);
            json_decref(v);
            if (st != TRAWL_OK)
                return st;
            pos += used;
        } else {
            j->items++;
            const char *outer = j->where;
            j->where = where;
            job_warn(j, true, "%s is not an object: skipped", scalar_name(c), "");
            j->where = outer;
            if (!skip_scalar(j, s, &pos))
                return unclosed(j, "array");
        }
        bool closed;
        trawl_status st = after_value(j, s, &pos, ']', where, &closed);
        if (st != TRAWL_OK)
            return st;
        if (closed)
            break;
        if ((item + 1) % CHECK_EVERY == 0 &&
            (st = tw_emit_check(j->emit, j->err, j->errlen)) != TRAWL_OK)
            return st;
    }
    *end = pos + 1;
    return TRAWL_OK;
}

/* NAME in quotes for a message, cut at a character's edge past 40 bytes. */
static void quoted_name(const char *name, char *out, size_t size)
{
    size_t len = strlen(name), cut = len > 40 ? tw_utf8_cut(name, 40) : len;
    snprintf(out, size, "\"%.*s%s\"", (int)cut, name, cut < len ? "..." : "");
}

/* How many objects deep the articles of a container are looked for. */
#define CONTAINER_DEPTH 4

/* Member NAME of a container, V, an object DEPTH objects deep inside the
 * members ABOVE names (NULL at the top): an article known by NAME (articles
 * keyed by their ids or urls), or an object that holds articles.  One
 * deeper in is known by the names of the members it is in, "news.top":
 * {"news": {"top": ...}, "sport": {"top": ...}} gave two articles PATH#top,
 * the second replacing the first.  In JSON Lines, the line's number comes
 * first, as before an item's: every line of {"data": {...}} was the article
 * PATH#data. */
static trawl_status object_member(job *j, const char *above, const char *name, json_t *v,
                                  int depth)
{
    tw_buf trail = { 0 }, ordinal = { 0 };
    int rc = tw_buf_printf(&trail, "%s%s%s", above ? above : "", above ? "." : "", name);
    if (rc == 0)
        rc = j->line ? tw_buf_printf(&ordinal, "%zu.%s", j->line, trail.data)
                     : tw_buf_puts(&ordinal, trail.data);
    trawl_status st = rc < 0 ? TRAWL_ENOMEM : TRAWL_OK;
    if (st == TRAWL_OK && is_article(v)) {
        char quoted[48], where[80];
        quoted_name(name, quoted, sizeof quoted);
        snprintf(where, sizeof where, "%s%s%s", j->line ? j->where : "", j->line ? ", " : "",
                 quoted);
        const char *outer = j->where;
        j->where = where;
        st = one_object(j, v, ordinal.data);
        j->where = outer;
    } else if (st == TRAWL_OK && depth < CONTAINER_DEPTH) {
        st = container(j, v, depth + 1, trail.data);
    }
    tw_buf_free(&trail);
    tw_buf_free(&ordinal);
    return st;
}

/* Member NAME of a container, V, DEPTH objects deep inside the members
 * ABOVE names: an array of objects, an article each, numbered as the file's
 * array items are; unless the container has such an array (LISTS set), an
 * object (object_member).  Anything else is the container's own
 * information (an RSS feed's as JSON, beside its items). */
static trawl_status member(job *j, const char *above, const char *name, json_t *v, int depth,
                           bool lists)
{
    if (json_is_object(v))
        return lists ? TRAWL_OK : object_member(j, above, name, v, depth);
    if (is_list(v)) {
        size_t i;
        json_t *item;
        json_array_foreach(v, i, item) {
            trawl_status st = array_item(j, item);
            if (st != TRAWL_OK)
                return st;
        }
    }
    return TRAWL_OK;
}

/* The articles of OBJ, an object that is not one (a container: an API's
 * reply around its list of articles, articles keyed by their ids), DEPTH
 * objects deep inside the members ABOVE names (NULL at the top), in the
 * order of its members. */
static trawl_status container(job *j, json_t *obj, int depth, const char *above)
{
    const char *name;
    json_t *v;
    bool lists = false;
    json_object_foreach(obj, name, v)
        lists = lists || is_list(v);
    json_object_foreach(obj, name, v) {
        trawl_status st = member(j, above, name, v, depth, lists);
        if (st != TRAWL_OK)
            return st;
    }
    return TRAWL_OK;
}

/* The place of the first character from POS that is not white space, or
 * s->len at the end of the input; reads on without letting go of anything. */
static size_t past_space(job *j, tw_source *s, size_t pos)
{
    for (;;) {
        while (pos < s->len && strchr(" \t\r\n", s->data[pos]))
            pos++;
        if (pos < s->len || !more(j, s, s->len + READ_AHEAD))
            return pos;
    }
}

/* The top-level object at POS, too long to hold or broken past its first
 * line, read a member at a time: each array of objects an item at a time
 * (read_array), each other member whole.  It is taken for a container (an
 * article is not that long), and what it held up to a break is kept.  *END
 * is set past its '}'. */
static trawl_status stream_object(job *j, tw_source *s, size_t pos, size_t *end)
{
    char reason[160], quoted[48];
    bool lists = false;     /* met so far: the objects after them are not articles */
    pos++;
    for (bool first = true;; first = false) {
        if (!skip_space(j, s, &pos))
            return unclosed(j, "object");
        if (first && s->data[pos] == '}')
            break;
        size_t start = pos;
        json_t *name = NULL;
        if (s->data[pos] == '"' && skip_scalar(j, s, &pos))
            name = json_loadb(s->data + start, pos - start, JSON_DECODE_ANY, NULL);
        if (name)
            pos = past_space(j, s, pos);
        if (!json_is_string(name) || pos >= s->len || s->data[pos] != ':') {
            json_decref(name);
            if (j->st != TRAWL_OK)
                return j->st;
            snprintf(j->err, j->errlen, "malformed JSON at line %zu: a member's name and "
                     "':' expected: the members from there are not indexed",
                     j->lines + count_lines(s->data, start) + 1);
            return TRAWL_EFORMAT;
        }
        pos = past_space(j, s, pos + 1);
        /* An array whose first item is an object: read an item at a time. */
        size_t item = pos;
        if (pos < s->len && s->data[pos] == '[')
            item = past_space(j, s, pos + 1);
        trawl_status st = TRAWL_OK;
        if (pos >= s->len) {
            st = unclosed(j, "object");
        } else if (item > pos && item < s->len && s->data[item] == '{') {
            st = read_array(j, s, item, &pos);
            lists = true;
        } else if (s->data[pos] == '{' || s->data[pos] == '[') {
            size_t used;
            json_error_t error;
            json_t *v = parse_at(j, s, pos, &used, &error);
            if (v) {
                st = member(j, NULL, json_string_value(name), v, 1, lists);
                pos += used;
            } else if ((st = j->st) == TRAWL_OK) {
                parse_failure(j, s, pos, &error, reason, sizeof reason);
                quoted_name(json_string_value(name), quoted, sizeof quoted);
                snprintf(j->err, j->errlen, "member %s: %s: it and the members after it are "
                         "not indexed", quoted, reason);
                st = TRAWL_EFORMAT;
            }
            json_decref(v);
        } else {
            /* A string, number, true, false or null; the bare ones checked,
             * as a typo there is the likeliest break in a document typed. */
            size_t start_value = pos;
            json_t *scalar = NULL;
            if (!skip_scalar(j, s, &pos))
                st = unclosed(j, "object");
            else if (s->data[start_value] != '"' &&
                     !(scalar = json_loadb(s->data + start_value, pos - start_value,
                                           JSON_DECODE_ANY, NULL))) {
                quoted_name(json_string_value(name), quoted, sizeof quoted);
                snprintf(j->err, j->errlen, "member %s: malformed JSON at line %zu: it and "
                         "the members after it are not indexed", quoted,
                         j->lines + count_lines(s->data, start_value) + 1);
                st = TRAWL_EFORMAT;
            }
            json_decref(scalar);
        }
        json_decref(name);
        bool closed = false;
        if (st == TRAWL_OK)
            st = after_value(j, s, &pos, '}', "a member", &closed);
        if (st != TRAWL_OK)
            return st;
        if (closed)
            break;
    }
    *end = pos + 1;
    return TRAWL_OK;
}

/* The document of POS, that does not open an array (but a whole file may
 * be a single object or a container, as is reported), or a JSON Lines file
 * (*lines set: its first value is whole on its first line and more follows,
 * or its first line is broken), whatever the file's name. */
static trawl_status json_document(job *j, tw_source *s, size_t pos, bool *lines)
{
    size_t used, end;
    json_error_t error;
    json_t *v = parse_at(j, s, pos, &used, &error);
    if (!v) {
        if (j->st != TRAWL_OK)
            return j->st;
        bool long_one = j->crowded ||
                        (json_error_code(&error) == json_error_premature_end_of_input &&
                         !s->end);
        if (s->data[pos] != '{' || !(long_one || error.line > 1)) {
            *lines = true;
            return TRAWL_OK;
        }
        trawl_status st = stream_object(j, s, pos, &end);
        if (st != TRAWL_OK)
            return st;
    } else {
        end = pos + used;
    }
    /* Nothing but white space may follow a document (its first line may be
     * read again as JSON Lines: nothing is let go of). */
    size_t after = past_space(j, s, end);
    trawl_status st = j->st;
    if (st == TRAWL_OK && after < s->len && v) {
        *lines = true;
    } else if (st == TRAWL_OK && after < s->len) {
        snprintf(j->err, j->errlen, "malformed JSON at line %zu: more after the object that "
                 "the file is: not indexed", j->lines + count_lines(s->data, after) + 1);
        st = TRAWL_EFORMAT;
    } else if (st == TRAWL_OK && v) {
        st = document(j, v, NULL);
    }
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
            st = read_array(&j, s, pos + 1, &pos);
        else if (j.st != TRAWL_OK)
            st = j.st;
        else if (pos < s->len)
            st = json_document(&j, s, pos, &lines);
    }
    if (st == TRAWL_OK && lines)
        st = json_lines(&j, s);
    tw_buf *bufs[] = { &window, &j.id, &j.title, &j.body, &j.date, &j.date_utc, &j.url,
                       &j.author, &j.site, &j.lang, &j.plain };
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
