/* boilerplate.c - trim scraped-page furniture from article text. */
#include "boilerplate.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

/* Lines that open a page's trailer; matched at the start of a short line. */
static const char *const MARKERS[] = {
    "leave a reply", "leave a comment", "your email address will not be published",
    "related posts", "related articles", "related stories", "related news",
    "share this:", "share this article", "share this story", "click to share",
    "share on facebook", "share on twitter", "subscribe to our newsletter",
    "sign up for our newsletter", "sign up for the newsletter", "you may also like",
    "recommended for you", "post navigation", "comments", "add a comment",
    "join the conversation", NULL
};

/* Marker lines are short: a prose paragraph that starts with these words is not. */
#define MARKER_LINE_MAX 160
/* How long a line may be and still belong to a trailer (related headlines). */
#define TRAILER_LINE_MAX 300

static bool is_marker(const char *line, size_t len)
{
    while (len && isspace((unsigned char)*line)) {
        line++;
        len--;
    }
    if (len > MARKER_LINE_MAX)
        return false;
    for (const char *const *m = MARKERS; *m; m++) {
        size_t n = strlen(*m);
        if (len >= n && strncasecmp(line, *m, n) == 0 &&
            (len == n || !isalnum((unsigned char)line[n])))
            return true;
    }
    return false;
}

/* Do A and B hold the same letters and digits, ignoring case? */
static bool same_words(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i = 0, j = 0, matched = 0;
    for (;;) {
        while (i < alen && !isalnum((unsigned char)a[i]))
            i++;
        while (j < blen && !isalnum((unsigned char)b[j]))
            j++;
        if (i == alen || j == blen)
            return i == alen && j == blen && matched > 0;
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[j]))
            return false;
        i++;
        j++;
        matched++;
    }
}

size_t tw_strip_boilerplate(char *body, size_t len, const char *title)
{
    /* The title again as the first line. */
    const char *nl = memchr(body, '\n', len);
    size_t first = nl ? (size_t)(nl - body) : len;
    if (title && same_words(body, first, title, strlen(title))) {
        size_t skip = first;
        while (skip < len && isspace((unsigned char)body[skip]))
            skip++;
        memmove(body, body + skip, len - skip);
        len -= skip;
        body[len] = '\0';
    }

    /* Walk back over the trailing short lines, remembering the earliest marker. */
    size_t end = len, cut = len;
    while (end > 0) {
        size_t start = end;
        while (start > 0 && body[start - 1] != '\n')
            start--;
        size_t line_len = end - start;
        if (is_marker(body + start, line_len))
            cut = start;
        else if (line_len > TRAILER_LINE_MAX)
            break;
        end = start ? start - 1 : 0;
    }
    if (cut < len && cut * 2 >= len) {
        while (cut > 0 && isspace((unsigned char)body[cut - 1]))
            cut--;
        len = cut;
        body[len] = '\0';
    }
    return len;
}
