/* byline_name.c - the author's name a byline holds (byline_name.h). */
#include "byline_name.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "author_cap.h"
#include "byline_parts.h"
#include "date.h"
#include "html_tree.h"

/* Words for "by" before a name, in the languages of the news we meet. */
static const char *const BYS[] = { "by ", "von ", "vom ", "por ", "par ", "di ", "door ",
                                   "przez ", NULL };

/* Whether the part P may be a name: it has a letter (ASCII, or any
 * character beyond it), and starts with none of the digits of a time or a
 * count ("2:54pm", "12 comments"). */
static bool may_name(const char *p)
{
    if (isdigit((unsigned char)*p))
        return false;
    for (; *p; p++)
        if (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80)
            return true;
    return false;
}

/* P after a word for "by", or NULL when it does not start with one. */
static const char *after_by(const char *p)
{
    for (const char *const *b = BYS; *b; b++)
        if (!strncasecmp(p, *b, strlen(*b)))
            return p + strlen(*b);
    return NULL;
}

/* P after a word for "by" that follows a label within P ("Posted on
 * September 21, 2020 by Adi Tzlil", "erstellt von Dominique", "Zeige alle
 * Beiträge von Petra Ruland"), or NULL.  English "by" is in no name; the
 * others are ("Moritz von Uslar"), so a label before them needs a word in
 * small letters or a digit, which a name has not. */
static const char *after_label_by(const char *p)
{
    bool label = false;     /* a word before starts in small letters or a digit */
    for (const char *c = p; *c; c++) {
        if (c == p || c[-1] == ' ')
            label |= islower((unsigned char)*c) || isdigit((unsigned char)*c);
        if (*c != ' ' || c == p)
            continue;
        const char *rest = after_by(c + 1);
        if (rest && *rest && (label || !strncasecmp(c + 1, "by ", 3)))
            return rest;
    }
    return NULL;
}

bool tw_byline_by_word(const char *word, size_t len)
{
    for (const char *const *b = BYS; *b; b++)
        if (strlen(*b) == len + 1 && !strncasecmp(word, *b, len))
            return true;
    return false;
}

bool tw_byline_author_word(const char *word, size_t len)
{
    static const char *const AUTHORS[] = { "author", "autor", "autorin", "autoren", "auteur",
                                           "auteurs", "autore", "autora", "autores", "text",
                                           "texte", "testo", "texto", NULL };
    for (const char *const *a = AUTHORS; *a; a++)
        if (strlen(*a) == len && !strncasecmp(word, *a, len))
            return true;
    return false;
}

/* P after a label of up to three words without digits and a colon
 * ("Auteur: ", "Text und Interview: "); P when it has none. */
static const char *after_label(const char *p)
{
    const char *colon = strchr(p, ':');
    if (!colon || colon - p > 40 || colon[1] != ' ')
        return p;
    int words = 1;
    for (const char *c = p; c < colon; c++) {
        if (isdigit((unsigned char)*c))
            return p;
        words += *c == ' ';
    }
    return words <= 3 ? colon + 1 : p;
}

/* The length of the mark (no part of a name) S[0, LEN) ends with, or 0:
 * spaces, punctuation that ends a byline's part ("Redaktion,"), and the
 * separators of its parts. */
static size_t mark_before(const char *s, size_t len)
{
    static const char *const wide[] = { "\xC2\xB7", "\xC2\xBB", "\xE2\x80\x93",
                                        "\xE2\x80\x94", "\xE2\x80\xA2", NULL };
    if (!len)
        return 0;
    if (strchr(" ,;:|-~/", s[len - 1]))
        return 1;
    for (const char *const *w = wide; *w; w++) {
        size_t n = strlen(*w);
        if (len >= n && !memcmp(s + len - n, *w, n))
            return n;
    }
    return 0;
}

/* The length of the mark S starts with, or 0 (mark_before's marks). */
static size_t mark_at(const char *s)
{
    size_t n = strnlen(s, 3);
    for (size_t k = 1; k <= n; k++)
        if (mark_before(s, k) == k)
            return k;
    return 0;
}

/* OUT without the marks at its end; with WORD, also without a short word
 * in small letters there (the "am", "on", "le" before a date that went). */
static void trim_end(tw_buf *out, bool word)
{
    size_t n;
    while ((n = mark_before(out->data, out->len)))
        out->len -= n;
    if (word) {
        size_t k = out->len;
        while (k && islower((unsigned char)out->data[k - 1]))
            k--;
        if (k && out->len - k <= 3 && out->data[k - 1] == ' ') {
            out->len = k;
            while ((n = mark_before(out->data, out->len)))
                out->len -= n;
        }
    }
    if (out->data)
        out->data[out->len] = '\0';
}

/* Cuts a date after the name in OUT: at the first word, or digits right
 * after letters, from which on the rest starts with a date (with a time,
 * a count or a link's words after it, which go too).  Returns whether it
 * cut. */
static bool cut_date(tw_buf *out)
{
    for (size_t i = 1; i < out->len; i++) {
        char before = out->data[i - 1], c = out->data[i];
        bool start = (before == ' ' && c != ' ') ||
                     (isalpha((unsigned char)before) && isdigit((unsigned char)c));
        tw_date when;
        if (start && tw_date_leading(out->data + i, TW_DATE_ANY, &when)) {
            out->len = i;
            out->data[i] = '\0';
            return true;
        }
    }
    return false;
}

/* Cuts the social media handles after the name in OUT ("Williams Perdomo
 * @wperdomod", as a writer's profile on a news site names them): words
 * from the first that starts with '@' to the end, when all of them do and
 * a name comes before. */
static void cut_handles(tw_buf *out)
{
    size_t i = 0;
    while (i < out->len && out->data[i] != '@')
        i++;
    if (i == 0 || i == out->len || out->data[i - 1] != ' ')
        return;
    for (size_t k = i; k < out->len; k++)
        if (out->data[k] == ' ' && k + 1 < out->len && out->data[k + 1] != '@')
            return;     /* a word after the handle: "@ home", "@Sport today" */
    out->len = i;
    out->data[i] = '\0';
}

void tw_byline_name(const char *byline, tw_buf *out)
{
    tw_buf_clear(out);
    tw_buf line = { 0 };
    if (tw_html_put_collapsed(&line, byline) < 0 || !line.len) {
        out->failed |= line.failed;
        tw_buf_free(&line);
        return;
    }
    /* No more than an article keeps as its author is read: the date after
     * a name is looked for at each word, and a field of 20,000 names took
     * seconds. */
    line.len = tw_author_cap(line.data, line.len);
    line.data[line.len] = '\0';
    /* The parts, each ended in place; the one that names the author. */
    const char *name = NULL, *first = NULL;
    const char *end = line.data + line.len;
    for (char *part = line.data; part && !name;) {
        size_t len;
        char *sep = (char *)tw_byline_separator(part, end, &len);
        if (sep == end)
            sep = NULL;
        else
            *sep = '\0';
        part += strspn(part, " ");
        tw_date when;
        /* A part that starts with a date and a time may still end with a
         * name after a word for "by" ("06.11.2023 13:30 von Olga"). */
        if (*part && (may_name(part) || after_label_by(part)) &&
            !tw_date_shown(part, TW_DATE_ANY, &when)) {
            if (after_by(part))
                name = part;
            else if (!first)
                first = part;
        }
        part = sep ? sep + len : NULL;
    }
    if (!name)
        name = first ? first : "";
    for (size_t n; (n = mark_at(name));)
        name += n;      /* ", par NAME": the mark before the word for "by" */
    const char *by = after_by(name);
    if (!by)
        by = after_label_by(name);
    name = after_label(by ? by : name);
    for (size_t n; (n = mark_at(name));)
        name += n;
    if (tw_html_put_collapsed(out, name) == 0) {
        trim_end(out, cut_date(out));
        cut_handles(out);
        trim_end(out, false);
    }
    tw_buf_free(&line);
}

bool tw_byline_name_like(const char *name, size_t len)
{
    size_t words = 0;
    for (size_t i = 0; i < len; i++) {
        if (isdigit((unsigned char)name[i]))
            return false;
        if (name[i] != ' ' && (i == 0 || name[i - 1] == ' ')) {
            unsigned char c = (unsigned char)name[i];
            if (++words > 4 || !(isupper(c) || c >= 0x80))
                return false;
        }
    }
    return words > 0;
}
