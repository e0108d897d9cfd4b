/* boilerplate.c - trim scraped-page furniture from article text. */
#include "boilerplate.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>

#include "utf8.h"

/* Lines that open a page's trailer; matched at the start of a short line,
 * ignoring ASCII case.  In the languages of the news we meet: what sites put
 * after a story (sharing, comments, newsletters, related stories, support
 * and subscription prompts, notices). */
static const char *const MARKERS[] = {
    /* English */
    "leave a reply", "leave a comment", "your email address will not be published",
    "related posts", "related articles", "related stories", "related news",
    "related topics", "related content", "share this", "click to share", "share on",
    "subscribe to", "subscribe now", "sign up for", "you may also like", "you might also like",
    "recommended for you", "post navigation", "comments", "add a comment",
    "join the conversation", "more from", "more stories", "further reading", "follow us",
    "follow the", "about the author", "all rights reserved", "copyright", "\xc2\xa9",
    "this entry was posted", "filed under", "if you enjoyed", "receive our", "download the",
    "support our", "become a member", "was this article helpful", "tags:",
    /* German */
    "weitere informationen", "weitere artikel", "das k\xc3\xb6nnte sie auch interessieren",
    "diesen artikel teilen", "artikel teilen", "teilen:", "kommentar verfassen",
    "schreibe einen kommentar", "kommentare", "zum newsletter", "newsletter",
    "jetzt abonnieren", "folgen sie uns", "war der artikel n\xc3\xbctzlich",
    "gef\xc3\xa4llt mir", "unterst\xc3\xbctze", "\xc3\x9c" "ber den autor",
    "\xc3\xbc" "ber den autor", "vorschau auf", "weitere aktuelle",
    /* Spanish, Portuguese */
    "noticias relacionadas", "temas relacionados", "notas relacionadas", "compartir",
    "comparte", "s\xc3\xadguenos", "suscr\xc3\xad" "bete", "hazte miembro", "comentarios",
    "m\xc3\xa1s noticias", "compartilhe", "siga-nos", "coment\xc3\xa1rios",
    /* French, Italian */
    "sur le m\xc3\xaame sujet", "partager", "abonnez-vous", "suivez-nous", "commentaires",
    "condividi", "seguici", "commenti",
    /* Polish */
    "udost\xc4\x99pnij", "komentarze",
    NULL
};

/* Lines that a story may carry in its midst as well as after it: the label
 * of an advertisement's slot, a link to another story ("Read also: ...").
 * One of these opens a trailer only when no sentence of prose follows it:
 * a story may go on after an advertisement in paragraphs as short as a
 * trailer's lines. */
static const char *const INLINE_MARKERS[] = {
    "advertisement", "read more", "read also", "more on this", "anzeige", "werbung",
    "mehr zum thema", "lesen sie auch", "lesen sie mehr", "auch interessant", "schon gelesen",
    "publicit\xc3\xa9", "lire aussi", "\xc3\xa0 lire aussi", "voir aussi", "leggi anche",
    "lee tambi\xc3\xa9n", "lea tambi\xc3\xa9n", "lea m\xc3\xa1s", "leer m\xc3\xa1s",
    "te puede interesar", "tambi\xc3\xa9n te puede interesar", "puedes ver", "mira:",
    "leia tamb\xc3\xa9m", "veja tamb\xc3\xa9m", "czytaj tak\xc5\xbc" "e", "czytaj te\xc5\xbc",
    "zobacz tak\xc5\xbc" "e", "polecamy",
    NULL
};

/* Marker lines are short: a prose paragraph that starts with these words is not. */
#define MARKER_LINE_MAX 160
/* How long a line may be and still belong to a trailer (related headlines). */
#define TRAILER_LINE_MAX 300
/* A sentence of prose has at least this many words (a headline may end on
 * a full stop too, a short one). */
#define SENTENCE_WORDS 8

/* A trailer is cut even when it is longer than the story above it when
 * lines of it start with two different markers (share buttons and a
 * comment form, a newsletter prompt and "Comments") and it holds at most
 * a few sentences of prose (a form's "Save my name...", a site's line
 * about itself).  A short story keeps its page's furniture otherwise
 * (Reuters' briefs wrapped in a site's page: one in four), and its words
 * ("email", "comments", other stories' headlines) match searches for it;
 * a document whose long rest follows two "Copyright" lines keeps it. */
#define TRAILER_SENTENCES_MAX 3

typedef enum { NOT_MARKER, TRAILER_MARKER, INLINE_MARKER } marker_kind;

/* The marker of MARKERS that LINE starts with: its index, or -1. */
static int starts_with_one(const char *line, size_t len, const char *const *markers)
{
    for (const char *const *m = markers; *m; m++) {
        size_t n = strlen(*m);
        if (len >= n && strncasecmp(line, *m, n) == 0 &&
            (len == n || !isalnum((unsigned char)line[n])))
            return (int)(m - markers);
    }
    return -1;
}

/* The kind of marker LINE starts with; *WHICH, the marker it is (its
 * index, the inline ones after the others). */
static marker_kind marker(const char *line, size_t len, int *which)
{
    while (len && isspace((unsigned char)*line)) {
        line++;
        len--;
    }
    if (len > MARKER_LINE_MAX)
        return NOT_MARKER;
    if ((*which = starts_with_one(line, len, MARKERS)) >= 0)
        return TRAILER_MARKER;
    int inline_one = starts_with_one(line, len, INLINE_MARKERS);
    *which = (int)(sizeof MARKERS / sizeof MARKERS[0]) + inline_one;
    return inline_one >= 0 ? INLINE_MARKER : NOT_MARKER;
}

/* Whether LINE ends a sentence of SENTENCE_WORDS words or more: a full
 * stop or a question mark (Latin or ideographic), before closing quotes or
 * brackets.  Not an exclamation mark (a prompt: "Turn on alerts!") nor an
 * ellipsis (a teaser's summary, cut short). */
static bool is_sentence(const char *line, size_t len)
{
    size_t end = len;
    while (end && isspace((unsigned char)line[end - 1]))
        end--;
    end = tw_utf8_before_closers(line, end);
    bool stop = end && (line[end - 1] == '.' || line[end - 1] == '?');
    stop = stop || (end >= 3 && (!memcmp(line + end - 3, "\xe3\x80\x82", 3) ||
                                 !memcmp(line + end - 3, "\xef\xbc\x9f", 3)));
    if (!stop || (end >= 3 && !memcmp(line + end - 3, "...", 3)))
        return false;
    size_t words = tw_count_words(line, end);
    /* Scripts written without spaces: a long enough line. */
    return words >= SENTENCE_WORDS || (words <= 2 && end >= 45);
}

/* Whether CP is a letter, a mark or a digit, in any script. */
static bool word_char(uint32_t cp)
{
    if (cp < 0x80)
        return isalnum((int)cp);
    return (U_GET_GC_MASK((UChar32)cp) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0;
}

/* Where the next letter, mark or digit of S[0, LEN) is at or after *AT, into
 * *AT, with its case folded into *CP; false at the end. */
static bool next_word_char(const char *s, size_t len, size_t *at, uint32_t *cp)
{
    for (size_t n; *at < len; *at += n) {
        n = tw_utf8_char_at(s, len, *at, cp);
        if (word_char(*cp)) {
            *cp = (uint32_t)u_foldCase((UChar32)*cp, U_FOLD_CASE_DEFAULT);
            *at += n;
            return true;
        }
    }
    return false;
}

/* Do A and B hold the same letters and digits, ignoring case?  In every
 * script: compared byte by byte as ASCII, a Chinese or Russian title and
 * a first paragraph were "the same" when they held the same digits (a
 * title and a lead that both said "2021"), and the paragraph was lost. */
static bool same_words(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i = 0, j = 0, matched = 0;
    uint32_t ca, cb;
    for (;;) {
        bool more_a = next_word_char(a, alen, &i, &ca), more_b = next_word_char(b, blen, &j, &cb);
        if (!more_a || !more_b)
            return !more_a && !more_b && matched > 0;
        if (ca != cb)
            return false;
        matched++;
    }
}

/* Does the line that starts at BODY[START] go on with the sentence of the
 * line before it, as hard-wrapped prose does (a plain-text file, a
 * Reuters story, a document of the kernel's): that line ends on a word or
 * a comma and this one starts with a small letter?  A trailer's lines
 * (headlines, buttons, a comment form's labels) each stand alone. */
static bool continues_line_before(const char *body, size_t start)
{
    const char *p = body + start;
    while (*p == ' ' || *p == '\t')
        p++;
    if (!islower((unsigned char)*p) || start == 0)
        return false;
    size_t end = start - 1;     /* the newline that ends the line before */
    while (end > 0 && (body[end - 1] == ' ' || body[end - 1] == '\t' || body[end - 1] == '\r'))
        end--;
    if (end == 0 || body[end - 1] == '\n')
        return false;           /* a blank line: a paragraph of its own */
    unsigned char last = (unsigned char)body[end - 1];
    return isalnum(last) || last == ',' || last == ';';
}

/* The most first lines that repeat the title dropped. */
#define TITLE_REPEATS_MAX 3

size_t tw_strip_boilerplate(char *body, size_t len, const char *title)
{
    /* The title again as the first line, or as each of the first few (a
     * page's hidden heading and its visible one); not more, so that a text
     * of nothing but one line over and over keeps it. */
    size_t skip = 0;
    for (int n = 0; title && n < TITLE_REPEATS_MAX; n++) {
        const char *nl = memchr(body + skip, '\n', len - skip);
        size_t end = nl ? (size_t)(nl - body) : len;
        if (!same_words(body + skip, end - skip, title, strlen(title)))
            break;
        skip = end;
        while (skip < len && isspace((unsigned char)body[skip]))
            skip++;
    }
    if (skip) {
        memmove(body, body + skip, len - skip);
        len -= skip;
        body[len] = '\0';
    }

    /* Walk back over the trailing short lines, remembering the earliest
     * marker (an inline one only with no sentence after it); a long line or
     * wrapped prose is the article's, and so is all before it (a section
     * "Comments" of a wrapped text is not a trailer). */
    size_t end = len, cut = len;
    bool prose_below = false;   /* a sentence between this line and the cut */
    int last_kind = -1;         /* the marker at the cut */
    bool two_kinds = false;     /* two different markers from the cut to the end */
    int sentences = 0, trailer_sentences = 0;   /* seen; from the cut to the end */
    while (end > 0) {
        size_t start = end;
        while (start > 0 && body[start - 1] != '\n')
            start--;
        size_t line_len = end - start;
        if (continues_line_before(body, start))
            break;
        int which = -1;
        marker_kind kind = marker(body + start, line_len, &which);
        if (kind == TRAILER_MARKER || (kind == INLINE_MARKER && !prose_below)) {
            cut = start;
            prose_below = false;
            two_kinds |= last_kind >= 0 && which != last_kind;
            last_kind = which;
            trailer_sentences = sentences;
        } else if (line_len > TRAILER_LINE_MAX) {
            break;
        } else if (!kind && is_sentence(body + start, line_len)) {
            prose_below = true;
            sentences++;
        }
        end = start ? start - 1 : 0;
    }
    bool sure = two_kinds && trailer_sentences <= TRAILER_SENTENCES_MAX &&
                tw_count_words(body, cut) >= SENTENCE_WORDS;
    if (cut < len && (cut * 2 >= len || sure)) {
        while (cut > 0 && isspace((unsigned char)body[cut - 1]))
            cut--;
        len = cut;
        body[len] = '\0';
    }
    return len;
}
