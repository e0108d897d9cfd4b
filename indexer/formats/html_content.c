/* html_content.c - which part of a page is its article (see html_content.h). */
#include "html_content.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "byline_shown.h"
#include "html_tree.h"
#include "link_kind.h"
#include "repeated_lines.h"
#include "utf8.h"

/* What is known of one element of the page. */
typedef struct info {
    xmlNodePtr node;
    unsigned tag;           /* its kind (tw_html_tag) */
    int base;               /* its score as a block, for its tag (tag_score) */
    bool hidden;            /* hidden from readers (hidden, aria-hidden, display:none) */
    bool form;              /* a <form> with a field to write in (entry_field) */
    int parent;             /* index of the parent element, or -1 */
    bool weighed;           /* own_text and own_punct are known: */
    unsigned own_text;      /* weigh's of its own text nodes, and their punctuation, */
    unsigned own_punct;     /* read by the first try that keeps it, for all the others */
    unsigned text;          /* of all the text below it that is not left out */
    unsigned links;         /* of that, inside links */
    unsigned anchors;       /* links below it (and it, if one) */
    bool to_channel;        /* a link to the site's channels (tw_link_to_channel) */
    unsigned channels;      /* of the links below it, those to_channel */
    unsigned punct;         /* commas and sentence ends below it */
    unsigned block_text;    /* text and punctuation below its block children: */
    unsigned block_punct;   /* the rest is its own running text */
    bool has_block;         /* a block element is among its children */
    unsigned all_text;      /* its text when nothing is left out for its names */
    int hint;               /* its names: positive for content, negative for boilerplate */
    bool unlikely;          /* its names, tag or role say boilerplate, and nothing content */
    bool soft;              /* ...but only by a soft word (SOFT_BOILERPLATE), or as a <header> */
    bool comments;          /* named as a comment section */
    bool body_name;         /* named as an article's body ("article-body", "entry-content") */
    bool caption;           /* a <figcaption>, or inside one; not a gallery's */
    bool captioned;         /* a <figure> with a <figcaption> of its own */
    bool gallery;           /* a gallery's <figcaption> (gallery_caption) */
    bool picture;           /* an <img> is below it, three levels down at most */
    bool recipe;            /* a recipe's ingredients or steps (recipe_part) */
    bool in_recipe;         /* inside such a part, or one */
    bool recipe_around;     /* holds such a part */
    bool beside;            /* a nav, aside, footer or sidebar, or inside one */
    bool holds_h1;          /* an <h1>, or one is below it */
    bool holds_prose;       /* a paragraph of prose (mark_prose), or one is below it */
    bool out;               /* left out, with all below it */
    bool candidate;         /* holds paragraphs: has a score */
    signed char notes_after;    /* notes_after's answer in this try: 1 yes, -1 no, 0 not asked */
    double score;
} info;

typedef struct model {
    info *v;
    size_t n, cap;
    unsigned page_text;     /* all_text of the root */
    unsigned flags;
    unsigned top_text;      /* text of the block chosen as the article */
    int headline;           /* the heading that says the page's title, or -1 */
    struct said *said;      /* name_says' answers for the page's names (said_of) */
} model;

/* The rules, dropped one by one when they leave too little text; but
 * STRIP_COMMENTS, once a try has found an article, stays. */
enum { STRIP_UNLIKELY = 1, WEIGHT_HINTS = 2, CLEAN = 4, STRIP_COMMENTS = 8 };

/* Less text than this (in weigh's units) is taken for a miss, and the page is
 * read again with fewer rules. */
#define ENOUGH_TEXT 250

/* A paragraph counts from this weight on. */
#define PARAGRAPH_MIN 25

static info *of(const model *m, const xmlNode *n)
{
    uintptr_t k = (uintptr_t)n->_private;
    return k && k <= m->n ? &m->v[k - 1] : NULL;
}

/* Whether element A is above element E. */
static bool is_ancestor(const model *m, int a, int e)
{
    for (int up = m->v[e].parent; up >= 0; up = m->v[up].parent)
        if (up == a)
            return true;
    return false;
}

/* ------------------------------------------------------------ text weight */

/* Scripts written without spaces between words (Chinese, Japanese, Thai)
 * say in one character what others say in three or four. */
static bool wide_script(uint32_t cp)
{
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x0E00 && cp <= 0x0E7F);
}

/* Commas and sentence ends of every script we meet in news. */
static bool sentence_punct(uint32_t cp)
{
    switch (cp) {
    case ',': case '.': case ';': case '!': case '?':
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF1B: case 0xFF01: case 0xFF1F:
    case 0x060C: case 0x061B: case 0x061F: case 0x0964:
        return true;
    }
    return false;
}

/* Adds the weight of TEXT (its letters and digits, wide-script characters
 * three times) and its punctuation. */
static void weigh(const char *text, unsigned *weight, unsigned *punct)
{
    size_t len = strlen(text);
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80) {
            if (isalnum(c))
                (*weight)++;
            else if (sentence_punct(c))
                (*punct)++;
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = tw_utf8_decode(text + i, len - i, &cp);
        if (!n) {
            i++;
            continue;
        }
        if (sentence_punct(cp))
            (*punct)++;
        else if (wide_script(cp))
            *weight += 3;
        else if (cp >= 0xC0)
            (*weight)++;
        i += n;
    }
}

/* ------------------------------------------------------------------ names */

/* The value of N's attribute NAME (lower case), as the parser stored it, or
 * NULL: read in place, as looking at every element's names must be cheap. */
static const char *attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (!strcmp((const char *)a->name, name)) {
            const xmlNode *v = a->children;
            return v && v->type == XML_TEXT_NODE && !v->next && v->content
                   ? (const char *)v->content : "";
        }
    return NULL;
}

enum { ANY, EDGE, TOKEN };      /* a word anywhere in a name, at a token's edge, a whole token */

typedef struct word {
    const char *w;
    unsigned char how;
    unsigned char len;      /* of w */
} word;

/* An entry of a word list, its length counted by the compiler. */
#define W(text, how) { text, how, sizeof text - 1 }

/* Names of comment sections: boilerplate that can outweigh the article. */
static const word COMMENTS[] = {
    W("comment", ANY), W("disqus", ANY), W("community", ANY), W("replies", ANY),
    W("remark", ANY), { NULL, 0, 0 }
};

/* Names of boilerplate blocks, as sites write them in class and id. */
static const word BOILERPLATE[] = {
    W("comment", ANY), W("disqus", ANY), W("community", ANY), W("replies", ANY),
    W("remark", ANY), W("share", ANY), W("sharing", ANY),
    W("social", ANY), W("related", ANY), W("recommend", ANY), W("newsletter", ANY),
    W("subscri", ANY), W("signup", ANY), W("cookie", ANY), W("consent", ANY),
    W("gdpr", ANY), W("banner", ANY), W("breadcrumb", ANY), W("sidebar", ANY),
    W("footer", ANY), W("masthead", ANY), W("menu", EDGE),
    W("nav", EDGE), W("popup", ANY), W("modal", ANY), W("promo", ANY),
    W("sponsor", ANY), W("advert", ANY), W("ad", TOKEN), W("ads", TOKEN),
    W("trending", ANY), W("popular", ANY), W("mostread", ANY),
    W("outbrain", ANY), W("taboola", ANY), W("pagination", ANY),
    W("pager", ANY), W("toolbar", ANY), W("tags", TOKEN), W("byline", ANY),
    W("author", ANY), W("dateline", ANY), W("caption", ANY), W("legend", ANY), W("credit", EDGE),
    W("meta", TOKEN), W("print", TOKEN), W("rss", TOKEN), W("login", ANY),
    W("hidden", TOKEN), W("copyright", ANY), W("skip", TOKEN),
    W("tooltip", ANY), W("overlay", ANY), W("donat", ANY), W("shop", EDGE),
    W("disclaimer", ANY), W("disclosure", ANY), W("affiliate", ANY),
    W("metadata", ANY), W("rating", ANY), W("cta", TOKEN),
    { NULL, 0, 0 }
};

/* Names of blocks that are boilerplate on most sites but hold prose of the
 * article on some: a "teaser-text" is a story's lead in TYPO3's news, a
 * "paywall-container" its locked part, an "article-header" its standfirst. */
static const word SOFT_BOILERPLATE[] = {
    W("teaser", ANY), W("paywall", ANY), W("header", EDGE), { NULL, 0, 0 }
};

/* Names of the blocks that hold an article. */
static const word CONTENT[] = {
    W("article", ANY), W("body", EDGE), W("content", ANY), W("entry", ANY),
    W("main", EDGE), W("post", EDGE), W("story", ANY), W("text", EDGE),
    W("prose", ANY), W("blog", EDGE), W("hentry", TOKEN), W("column", EDGE),
    { NULL, 0, 0 }
};

/* Whether T[0, N) is one of WORDS (NULL-ended). */
static bool one_of(const char *t, size_t n, const char *const *words)
{
    for (const char *const *w = words; *w; w++)
        if (strlen(*w) == n && !memcmp(t, *w, n))
            return true;
    return false;
}

/* First tokens that make a name a switch or a label, not a block's name:
 * "no-sidebar", "has-comments" sit on the page's wrapper, and WordPress
 * gives a post "category-social-issues", "tag-newsletter", "type-post". */
static bool label_token(const char *t, size_t n)
{
    static const char *const labels[] = { "no", "has", "with", "show", "hide", "is",
                                          "category", "cat", "tag", "topic", "type",
                                          "format", "status", NULL };
    return one_of(t, n, labels);
}

/* Second tokens that make a name starting "text" a style, not a block's
 * name: CSS frameworks set how any text looks with "text-center",
 * "text--align-left", "text-sm", "text-muted", "text-white", on a block of
 * related links as well as on the story's. */
static bool text_style_token(const char *t, size_t n)
{
    static const char *const styles[] = {
        "align", "left", "right", "center", "centre", "justify", "start", "end",
        "xxs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl", "small", "large", "base",
        "bold", "italic", "uppercase", "lowercase", "capitalize", "nowrap", "truncate",
        "ellipsis", "overflow", "muted", "white", "black", "gray", "grey", "red", "green",
        "blue", "dark", "light", "primary", "secondary", "theme", "color", "colour", NULL
    };
    return one_of(t, n, styles);
}

/* Whether W[0, K) is in T[0, N): tokens are short, so a plain loop beats
 * memmem's set-up. */
static bool contains(const char *t, size_t n, const char *w, size_t k)
{
    for (size_t i = 0; i + k <= n; i++)
        if (t[i] == w[0] && !memcmp(t + i, w, k))
            return true;
    return false;
}

/* The small ASCII letters T[0, N) holds, as bits ('a' the lowest): a word
 * whose first or last letter the token lacks is in it nowhere, and is not
 * looked for.  Every element's names are tried against some eighty words,
 * most at every place of a token: that cost a sixth of a page's time. */
static uint32_t letters_of(const char *t, size_t n)
{
    uint32_t set = 0;
    for (size_t i = 0; i < n; i++)
        if (t[i] >= 'a' && t[i] <= 'z')
            set |= 1u << (t[i] - 'a');
    return set;
}

/* Whether C may be in a token of LETTERS (letters_of): a byte other than
 * a small letter is not ruled out. */
static bool may_hold(uint32_t letters, char c)
{
    return c < 'a' || c > 'z' || ((letters >> (c - 'a')) & 1);
}

/* Whether the token T[0, N) (lower case), which holds the letters LETTERS
 * (letters_of), matches one of WORDS. */
static bool token_matches(const char *t, size_t n, uint32_t letters, const word *words)
{
    for (const word *w = words; w->w; w++) {
        size_t k = w->len;
        if (k > n || !may_hold(letters, w->w[0]) || !may_hold(letters, w->w[k - 1]))
            continue;
        if (w->how == TOKEN ? k == n && !memcmp(t, w->w, k)
            : w->how == EDGE ? !memcmp(t, w->w, k) || !memcmp(t + n - k, w->w, k)
            : contains(t, n, w->w, k))
            return true;
    }
    return false;
}

/* Whether the tokens A[0, AN) and B[0, BN), joined, are one of WORDS: a
 * name of two words is written apart as often as together ("news-letter",
 * "sign-up", "most-read", "side-bar", "pop-up"). */
static bool pair_is(const char *a, size_t an, const char *b, size_t bn, const word *words)
{
    for (const word *w = words; w->w; w++)
        if (w->len == an + bn && !memcmp(w->w, a, an) && !memcmp(w->w + an, b, bn))
            return true;
    return false;
}

/* What a name (a class, or an id) says, as bits; SAYS_BODY is said_of's
 * (body_named). */
enum { SAYS_CONTENT = 1, SAYS_BOILERPLATE = 2, SAYS_SOFT = 4, SAYS_COMMENTS = 8, SAYS_STYLE = 16,
       SAYS_BODY = 32 };

/* What one name says: content, boilerplate (SAYS_SOFT when only by a soft
 * word, SAYS_COMMENTS with it when a comment section), or nothing (0).  A
 * boilerplate word wins over a content word in the same name: "related-posts",
 * "comment-body", "article-footer", "sidebar-content" are all boilerplate. */
static unsigned name_says(const char *name, size_t len)
{
    char low[128];
    if (len >= sizeof low)
        len = sizeof low - 1;
    for (size_t i = 0; i < len; i++)
        low[i] = (char)tolower((unsigned char)name[i]);
    low[len] = '\0';
    bool pos = false, hard = false, soft = false, comments = false, first = true;
    size_t prev = 0, prev_len = 0;      /* the token before, for pair_is */
    for (size_t i = 0; i < len;) {
        while (i < len && !isalnum((unsigned char)low[i]))
            i++;
        size_t j = i;
        while (j < len && isalnum((unsigned char)low[j]))
            j++;
        if (j > i) {
            if (first && label_token(low + i, j - i))
                return 0;
            if (prev_len == 4 && prev == 0 && !memcmp(low, "text", 4) &&
                text_style_token(low + i, j - i))
                return SAYS_CONTENT | SAYS_STYLE;
            first = false;
            uint32_t letters = letters_of(low + i, j - i);
            /* "commentary" is an opinion piece, not the comments under one. */
            if (!(j - i >= 9 && !memcmp(low + i, "commentar", 9)))
                comments |= token_matches(low + i, j - i, letters, COMMENTS);
            hard |= token_matches(low + i, j - i, letters, BOILERPLATE) ||
                    (prev_len && pair_is(low + prev, prev_len, low + i, j - i, BOILERPLATE));
            soft |= token_matches(low + i, j - i, letters, SOFT_BOILERPLATE);
            pos |= token_matches(low + i, j - i, letters, CONTENT);
            prev = i;
            prev_len = j - i;
        }
        i = j;
    }
    if (comments)
        return SAYS_BOILERPLATE | SAYS_COMMENTS;
    if (hard)
        return SAYS_BOILERPLATE;
    if (soft)
        return SAYS_BOILERPLATE | SAYS_SOFT;
    return pos ? SAYS_CONTENT : 0;
}

/* Whether NAME (LEN bytes) is one that content management systems give the
 * block of an article's text, once lower-cased and stripped of separators:
 * "article-body", "articleBody", "entry-content", "post_text", "story-body"... */
static bool body_named(const char *name, size_t len)
{
    static const char *const firsts[] = { "article", "post", "entry", "story", "news",
                                          "blog", NULL };
    static const char *const seconds[] = { "body", "content", "text", "copy", "entry",
                                           "inner", NULL };
    char low[128];
    size_t k = 0;
    for (size_t i = 0; i < len && k + 1 < sizeof low; i++)
        if (isalnum((unsigned char)name[i]))
            low[k++] = (char)tolower((unsigned char)name[i]);
    low[k] = '\0';
    for (const char *const *f = firsts; *f; f++) {
        const char *at = strstr(low, *f);
        if (!at)
            continue;
        at += strlen(*f);
        for (const char *const *s = seconds; *s; s++)
            if (!strncmp(at, *s, strlen(*s)))
                return true;
    }
    return strstr(low, "bodytext") || strstr(low, "textcontent") || strstr(low, "contentbody");
}

/* A name name_says has answered for, kept for the page's other elements
 * of that name: a page gives the same few class names to hundreds of
 * elements, and reading one costs some thousands of instructions. */
#define SAID_NAME 48            /* longer names are read each time */
#define SAID_SLOTS 512
typedef struct said {
    unsigned char len;          /* of name; 0: an empty slot */
    unsigned char says;         /* said_of's answer */
    char name[SAID_NAME];
} said;

/* What the name NAME[0, LEN) says: name_says' bits, and SAYS_BODY when it
 * is body_named; from M's memo when it holds the name (or M has none:
 * memory ran out), else read and kept there. */
static unsigned said_of(model *m, const char *name, size_t len)
{
    if (!m->said || !len || len > SAID_NAME)
        return name_says(name, len) | (body_named(name, len) ? SAYS_BODY : 0);
    uint32_t h = 2166136261u;   /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)name[i]) * 16777619u;
    said *slot = &m->said[h % SAID_SLOTS];
    if (slot->len != len || memcmp(slot->name, name, len)) {
        slot->len = (unsigned char)len;
        slot->says = (unsigned char)(name_says(name, len) |
                                     (body_named(name, len) ? SAYS_BODY : 0));
        memcpy(slot->name, name, len);
    }
    return slot->says;
}

/* Whether one of the element's class names or its id names an article's
 * body (body_named), or its itemprop says articleBody. */
static bool names_body(model *m, xmlNodePtr n)
{
    size_t len;
    for (const char *at = attr(n, "class"), *name; (name = tw_html_class_next(&at, &len));)
        if ((said_of(m, name, len) & (SAYS_BODY | SAYS_BOILERPLATE)) == SAYS_BODY)
            return true;
    const char *attrs[] = { "id", "itemprop" };
    for (size_t i = 0; i < 2; i++) {
        const char *v = attr(n, attrs[i]);
        if (v && (said_of(m, v, strlen(v)) & (SAYS_BODY | SAYS_BOILERPLATE)) == SAYS_BODY)
            return true;
    }
    return false;
}

/* What the element's class names, id, role and itemprop say, as readability
 * weighs them: 25 for content, -25 for boilerplate, from class and id each
 * (and a custom element's name). */
static int hint_of(model *m, xmlNodePtr n, unsigned tag, info *e)
{
    int weight = 0;
    bool neg = false, pos = false, hard = false;
    bool p = false, q = false, style = false;
    size_t len;
    for (const char *at = attr(n, "class"), *name; (name = tw_html_class_next(&at, &len));) {
        unsigned says = said_of(m, name, len);
        p |= (says & SAYS_CONTENT) && !(says & SAYS_STYLE);
        style |= (says & SAYS_STYLE) != 0;
        q |= (says & SAYS_BOILERPLATE) != 0;
        hard |= (says & SAYS_BOILERPLATE) && !(says & SAYS_SOFT);
        e->comments |= (says & SAYS_COMMENTS) != 0;
    }
    /* A style ("text-center") names content only on a block no other class
     * names as boilerplate: beside "relatedlinks" it says how the links
     * look, not what they are. */
    p |= style && !q;
    weight += (p ? 25 : 0) - (q ? 25 : 0);
    pos |= p;
    neg |= q;
    /* The id, and a custom element's name, which is chosen as a class's is
     * (<amp-ad>, <social-share>, <article-body>). */
    const char *tag_name = (const char *)n->name;
    const char *names[] = { attr(n, "id"), strchr(tag_name, '-') ? tag_name : NULL };
    for (size_t i = 0; i < 2; i++) {
        if (!names[i])
            continue;
        unsigned says = said_of(m, names[i], strlen(names[i]));
        weight += (says & SAYS_CONTENT) ? 25 : (says & SAYS_BOILERPLATE) ? -25 : 0;
        pos |= (says & SAYS_CONTENT) != 0;
        neg |= (says & SAYS_BOILERPLATE) != 0;
        hard |= (says & SAYS_BOILERPLATE) && !(says & SAYS_SOFT);
        e->comments |= (says & SAYS_COMMENTS) != 0;
    }
    const char *prop = attr(n, "itemprop");
    if (prop && (strcasestr(prop, "articlebody") || !strcasecmp(prop, "text"))) {
        weight += 50;
        pos = true;
    }
    const char *role = attr(n, "role");
    if (role) {
        static const char *const boiler[] = { "navigation", "banner", "complementary",
                                              "contentinfo", "search", "dialog", "menu",
                                              "menubar", "alert", "alertdialog", NULL };
        for (const char *const *r = boiler; *r; r++)
            if (!strcasecmp(role, *r))
                weight -= 25, neg = hard = true;
        if (!strcasecmp(role, "main") || !strcasecmp(role, "article"))
            weight += 25, pos = true;
    }
    /* Navigation, sidebars and footers are boilerplate whatever their names
     * say ("widget_text"); a header is, unless named as content. */
    if (tag & TW_TAG_ASIDE) {
        e->unlikely = true;
        e->soft = false;
        return weight - 25;
    }
    if (!strcmp((const char *)n->name, "header"))
        neg = true;
    e->soft = neg && !hard;
    e->unlikely = neg && !pos && !e->soft;
    return weight;
}

/* Hidden from readers: the hidden attribute, aria-hidden, display:none; and
 * what an AMP page shows only once a reader acts: a lightbox (a gallery's
 * enlarged pictures with their rating forms) and a form's answers to being
 * sent ("Vielen Dank!", "Du hast das Bild bereits bewertet."). */
static bool hidden(xmlNodePtr n)
{
    if (!strcmp((const char *)n->name, "amp-lightbox"))
        return true;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        const char *name = (const char *)a->name;
        if (!strcmp(name, "hidden") || (name[0] == 's' && (!strcmp(name, "submit-success") ||
                                                          !strcmp(name, "submit-error") ||
                                                          !strcmp(name, "submitting"))))
            return true;
    }
    const char *aria = attr(n, "aria-hidden");
    if (aria && !strcasecmp(aria, "true"))
        return true;
    const char *style = attr(n, "style");
    if (!style)
        return false;
    char compact[64];
    size_t k = 0;
    for (const char *c = style; *c && k + 1 < sizeof compact; c++)
        if (!isspace((unsigned char)*c))
            compact[k++] = (char)tolower((unsigned char)*c);
    compact[k] = '\0';
    return strstr(compact, "display:none") || strstr(compact, "visibility:hidden");
}

/* The score a block starts with for its tag, as readability gives it: more
 * for the blocks that hold text, less for lists and headings. */
static int tag_score(const xmlNode *n)
{
    static const struct { const char *tag; int score; } bases[] = {
        { "div", 5 }, { "article", 5 }, { "section", 3 }, { "pre", 3 }, { "td", 3 },
        { "blockquote", 3 }, { "address", -3 }, { "ol", -3 }, { "ul", -3 }, { "dl", -3 },
        { "dd", -3 }, { "dt", -3 }, { "li", -3 }, { "form", -3 }, { "h1", -5 },
        { "h2", -5 }, { "h3", -5 }, { "h4", -5 }, { "h5", -5 }, { "h6", -5 }, { "th", -5 },
    };
    for (size_t i = 0; i < sizeof bases / sizeof bases[0]; i++)
        if (!strcmp((const char *)n->name, bases[i].tag))
            return bases[i].score;
    return 0;
}

/* Whether N is a field for a reader to write in: an e-mail address, a
 * password, a search, or a comment. */
static bool entry_field(xmlNodePtr n)
{
    if (strcmp((const char *)n->name, "input"))
        return false;
    const char *type = attr(n, "type"), *name = attr(n, "name");
    return (type && (!strcasecmp(type, "email") || !strcasecmp(type, "password") ||
                     !strcasecmp(type, "search"))) ||
           (name && (strcasestr(name, "mail") || strcasestr(name, "search") ||
                     strcasestr(name, "comment") || !strcmp(name, "s") || !strcmp(name, "q")));
}

/* Whether the name S (a class or an id; NULL for none) holds the word W (in
 * lower case), whatever its case: strcasestr's set-up costs more than this
 * on every element of a page. */
static bool names_word(const char *s, const char *w)
{
    if (!s)
        return false;
    size_t k = strlen(w);
    for (; *s; s++)
        if (tolower((unsigned char)*s) == w[0] && !strncasecmp(s, w, k))
            return true;
    return false;
}

/* Whether N holds a recipe's ingredients or its steps: schema.org's
 * microdata says so (itemprop "recipeIngredient", the older "ingredients",
 * "recipeInstructions"), or a class or id names ingredients, as recipe
 * plugins and sites of every language do ("wprm-recipe-ingredients",
 * "recipe-ingredients", "ingredient-list").  A recipe is read for these: they
 * are tables and lists of short lines, often of links to a shop, which
 * score as no prose. */
static bool recipe_part(xmlNodePtr n, const char *cls, const char *id)
{
    const char *prop = attr(n, "itemprop");
    if (prop && (!strcasecmp(prop, "recipeIngredient") || !strcasecmp(prop, "ingredients") ||
                 !strcasecmp(prop, "recipeInstructions")))
        return true;
    return names_word(cls, "ingredient") || names_word(id, "ingredient");
}

/* The first character of the text node N that is not white space; NULL
 * when N is no text node or holds white space only. */
static const xmlChar *visible_start(const xmlNode *n)
{
    if (!n || n->type != XML_TEXT_NODE || !n->content)
        return NULL;
    const xmlChar *c = n->content;
    while (*c && isspace(*c))
        c++;
    return *c ? c : NULL;
}

/* Whether N is a text node with more than white space. */
static bool visible_text(const xmlNode *n)
{
    return visible_start(n) != NULL;
}

/* Whether the element N sits in a line of text, after words: an <img> so
 * set is a glyph (a smiley in a forum post, an emoji), not a picture with
 * a caption beside it.  (A portrait before its text, "<img>Kathrin Berger
 * is a lawyer", is a picture.) */
static bool in_running_text(const xmlNode *n)
{
    return visible_text(n->prev);
}

/* ------------------------------------------------------------------ model */

/* Pictures with captions a gallery shows at least, one after the other. */
#define GALLERY_MIN 3

/* Elements looked at on each side of a figure for the gallery's others:
 * a gallery puts an ad or two between its pictures, not more. */
#define GALLERY_REACH 8

/* Captioned figures met from FIG on (FIG not counted) in one direction
 * (FORWARD or back), up to GALLERY_MIN, before a paragraph or a heading;
 * what else stands between them (an ad, a button) does not count. */
static unsigned figures_beside(const model *m, const xmlNode *fig, bool forward)
{
    unsigned figures = 0, seen = 0;
    for (const xmlNode *c = forward ? fig->next : fig->prev;
         c && figures < GALLERY_MIN && seen < GALLERY_REACH; c = forward ? c->next : c->prev) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        seen++;
        if (tw_html_tag(c) & (TW_TAG_PARA | TW_TAG_HEADING))
            break;
        const info *e = of(m, c);
        figures += e && e->captioned;
    }
    return figures;
}

/* Whether the <figcaption> N is one of a gallery's: its <figure> stands
 * with other captioned figures, GALLERY_MIN in all, and no paragraph or
 * heading between them (a slideshow, a listicle of pictures): the captions
 * are the story.  The pictures of a story stand among its paragraphs.
 * Asked once M knows which figures have a caption (info.captioned): a
 * figure's own children were looked through for one at each caption of
 * the figures beside it, and a page of many captions in one figure beside
 * figures of many children took a minute. */
static bool gallery_caption(const model *m, const xmlNode *n)
{
    const xmlNode *fig = n->parent;
    if (!tw_html_is(n, "figcaption") || !fig || !tw_html_is(fig, "figure"))
        return false;
    return 1 + figures_beside(m, fig, false) + figures_beside(m, fig, true) >= GALLERY_MIN;
}

/* Gives every element an info, in document order, and reads its names. */
static int build(model *m, xmlNodePtr root)
{
    for (xmlNodePtr n = root; n; n = tw_html_next(n, root, false)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (m->n == m->cap) {
            size_t cap = m->cap ? m->cap * 2 : 256;
            info *v = realloc(m->v, cap * sizeof *v);
            if (!v)
                return -1;
            m->v = v;
            m->cap = cap;
        }
        info *e = &m->v[m->n];
        memset(e, 0, sizeof *e);
        e->node = n;
        n->_private = (void *)(uintptr_t)(++m->n);
        info *up = n != root && n->parent ? of(m, n->parent) : NULL;
        e->parent = up ? (int)(up - m->v) : -1;
        e->tag = tw_html_tag(n);
        e->base = tag_score(n);
        e->hidden = hidden(n);
        if (!strcmp((const char *)n->name, "textarea") || entry_field(n))
            for (info *f = up; f; f = f->parent >= 0 ? &m->v[f->parent] : NULL)
                if (!strcmp((const char *)f->node->name, "form")) {
                    f->form = true;
                    break;
                }
        e->hint = hint_of(m, n, e->tag, e);
        if (e->tag & TW_TAG_LINK) {
            const char *href = attr(n, "href");
            e->to_channel = href && tw_link_to_channel(href);
        }
        e->body_name = names_body(m, n);
        if (up && tw_html_is(n, "figcaption") && tw_html_is(up->node, "figure"))
            up->captioned = true;
        if (!strcmp((const char *)n->name, "img") && !in_running_text(n)) {
            info *a = up;
            for (int level = 0; level < 3 && a; level++)
                a->picture = true, a = a->parent >= 0 ? &m->v[a->parent] : NULL;
        }
        const char *cls = attr(n, "class"), *id = attr(n, "id");
        e->beside = (up && up->beside) || (e->tag & TW_TAG_ASIDE) ||
                    (!(e->tag & TW_TAG_ROOT) &&
                     (names_word(cls, "sidebar") || names_word(id, "sidebar")));
        /* Beside the story (a sidebar, a menu, a footer), ingredients are
         * another recipe's teaser ("in season: kaki"); a <body> named
         * "content-sidebar" only says how the page is laid out. */
        e->recipe = !e->beside && recipe_part(n, cls, id);
        e->in_recipe = e->recipe || (up && up->in_recipe);
        if (up && (e->tag & TW_TAG_BLOCK))
            up->has_block = true;
    }
    /* Parents come before their children: each is a caption when its
     * parent is, or a <figcaption> not a gallery's. */
    for (size_t i = 0; i < m->n; i++) {
        info *e = &m->v[i];
        e->gallery = gallery_caption(m, e->node);
        if (e->gallery) {
            /* the story, however it is named ("slide-caption") */
            e->unlikely = e->soft = false;
            e->hint = e->hint < 0 ? 0 : e->hint;
        }
        e->caption = !e->gallery && ((e->parent >= 0 && m->v[e->parent].caption) ||
                                     !strcmp((const char *)e->node->name, "figcaption"));
    }
    /* Children come after their parents: backwards, each tells its parent. */
    for (size_t i = m->n; i-- > 0;) {
        info *e = &m->v[i];
        e->holds_h1 |= !strcmp((const char *)e->node->name, "h1");
        if (e->holds_h1 && e->parent >= 0)
            m->v[e->parent].holds_h1 = true;
    }
    /* A recipe's part, and the blocks around it, are never stripped for
     * their other names: those are the site's layout ("print-links",
     * "col-md-6 print-full").  Children come after their parents. */
    for (size_t i = m->n; i-- > 0;) {
        info *e = &m->v[i];
        if (!e->recipe && !e->recipe_around)
            continue;
        e->unlikely = false;
        if (e->parent >= 0)
            m->v[e->parent].recipe_around = true;
    }
    return 0;
}

/* Under STRIP_UNLIKELY, whether E goes for its names: not when it holds much
 * of the page's text (a site that names its story's block "banner-content"
 * or puts it in a "sidebar-left" column), unless it is named as comments,
 * which can run far longer than the article.  Under STRIP_COMMENTS, a
 * comment section goes when the page's headline is known and not in it: the
 * tries with fewer rules look for an article the names hid, and thirty
 * readers' comments would outweigh a short post found beside its headline.
 * (A site may file its stories under "community"; a live ticker with no
 * headline, or a forum thread, may be all comments.) */
static bool stripped(const model *m, const info *e)
{
    if (!e->unlikely || (e->tag & TW_TAG_ROOT))
        return false;
    if (m->flags & STRIP_UNLIKELY)
        return e->comments || e->all_text * 10 < m->page_text * 4;
    return (m->flags & STRIP_COMMENTS) && e->comments && m->headline >= 0 &&
           !is_ancestor(m, (int)(e - m->v), m->headline);
}

/* A form with a field to write in is what a reader fills in (a comment box,
 * a newsletter sign-up, a search), never the story, unless it wraps the page
 * (ASP.NET puts the whole page in one): it holds the headline, or most of
 * the text.  A shop's or a recipe's form, with quantities to choose, may
 * hold the text. */
static bool form_to_fill(const model *m, const info *e)
{
    return e->form && e->all_text * 10 < m->page_text * 8 &&
           !(m->headline >= 0 && is_ancestor(m, (int)(e - m->v), m->headline));
}

/* Decides what is left out under FLAGS, and sums each element's text. */
static void measure(model *m)
{
    for (size_t i = 0; i < m->n; i++) {
        info *e = &m->v[i];
        e->out = (e->parent >= 0 && m->v[e->parent].out) || (e->tag & TW_TAG_NEVER) ||
                 e->hidden || form_to_fill(m, e) || stripped(m, e);
        e->text = e->links = e->anchors = e->channels = e->punct = 0;
        e->block_text = e->block_punct = 0;
        e->candidate = false;
        e->score = 0;
    }
    /* Children come after their parents: backwards, each adds to its parent. */
    for (size_t i = m->n; i-- > 0;) {
        info *e = &m->v[i];
        if (e->out)
            continue;
        if (!e->weighed) {
            for (xmlNodePtr c = e->node->children; c; c = c->next)
                if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
                    weigh((const char *)c->content, &e->own_text, &e->own_punct);
            e->weighed = true;
        }
        e->text += e->own_text;
        e->punct += e->own_punct;
        if (e->tag & TW_TAG_LINK) {
            e->links = e->text;
            e->anchors++;
            e->channels += e->to_channel;
        }
        if (e->parent >= 0) {
            info *p = &m->v[e->parent];
            p->text += e->text;
            p->links += e->links;
            p->anchors += e->anchors;
            p->channels += e->channels;
            p->punct += e->punct;
            if (e->tag & TW_TAG_BLOCK) {
                p->block_text += e->text;
                p->block_punct += e->punct;
            }
        }
    }
}

static double link_density(const info *e)
{
    return e->text ? (double)e->links / (double)e->text : 0;
}

/* The score a block starts with, for its tag and its names. */
static double base_score(const model *m, const info *e)
{
    return e->base + ((m->flags & WEIGHT_HINTS) ? e->hint : 0);
}

/* Whether E is a paragraph of its own: a <p>, a cell, a quote, or a block
 * with no block inside it ("div used as p"). */
static bool paragraph(const info *e)
{
    return (e->tag & TW_TAG_PARA) || ((e->tag & TW_TAG_BOX) && !e->has_block);
}

/* Marks the elements that hold a paragraph of prose, 80 letters or more
 * with few links, under the current rules: a box with an <h1> and one is a
 * page's head with its lead ("Welcome!" over "I am ..., and I advise"),
 * not a picture's caption or a teaser's tile, which have no <h1>, nor a
 * headline with only its byline and date beside a picture. */
static void mark_prose(model *m)
{
    for (size_t i = 0; i < m->n; i++)
        m->v[i].holds_prose = false;
    for (size_t i = m->n; i-- > 0;) {
        info *e = &m->v[i];
        if (e->out)
            continue;
        e->holds_prose |= paragraph(e) && e->text > 80 && link_density(e) < 0.25;
        if (e->holds_prose && e->parent >= 0)
            m->v[e->parent].holds_prose = true;
    }
}

/* Adds the points of a paragraph of LEN weight and PUNCT punctuation to the
 * block FROM, half as many to the one above it, and a sixth to the next. */
static void credit(model *m, int from, unsigned len, unsigned punct)
{
    double s = 1 + punct + (len / 100 > 3 ? 3 : len / 100);
    int up = from;
    for (int level = 0; level < 3 && up >= 0; level++, up = m->v[up].parent) {
        info *a = &m->v[up];
        if (!a->candidate) {
            a->candidate = true;
            a->score = base_score(m, a);
        }
        a->score += s / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
    }
}

/* Each paragraph scores the block it is in; then a block's score shrinks with
 * the share of its text in links.  Running text beside blocks (lines split
 * by <br> in a block that also holds a picture or a quote) is a paragraph
 * inside its block, as if wrapped in a <p>. */
static void score(model *m)
{
    for (size_t i = 0; i < m->n; i++) {
        info *e = &m->v[i];
        if (e->out || e->caption)
            continue;       /* a caption tells of a picture, not the story */
        if (paragraph(e)) {
            if (e->text >= PARAGRAPH_MIN)
                credit(m, e->parent, e->text, e->punct);
        } else if (e->has_block && e->text - e->block_text >= PARAGRAPH_MIN &&
                   (e->tag & TW_TAG_BLOCK)) {
            credit(m, (int)i, e->text - e->block_text, e->punct - e->block_punct);
        }
    }
    for (size_t i = 0; i < m->n; i++)
        if (m->v[i].candidate)
            m->v[i].score *= 1 - link_density(&m->v[i]);
}

/* How far above the headline its article's block may be: the heading's
 * parent and two more. */
#define HEADLINE_REACH 3

/* Whether block E is near the headline: below one of its few ancestors, or
 * one of them. */
static bool near_headline(const model *m, int e)
{
    int up = m->headline;
    for (int level = 0; level <= HEADLINE_REACH && up >= 0; level++, up = m->v[up].parent)
        if (up == e || is_ancestor(m, up, e))
            return true;
    return false;
}

/* Whether block E holds the page's headline: a whole story, not a part of
 * one. */
static bool holds_headline(const model *m, int e)
{
    return m->headline >= 0 && is_ancestor(m, e, m->headline);
}

/* The <article> that holds the page's headline, or -1: on a page that goes
 * on to the next stories as one scrolls, each is an <article> with its own
 * headline, and the page's story is the one with the page's. */
static int headline_story(const model *m)
{
    for (int up = m->headline >= 0 ? m->v[m->headline].parent : -1; up >= 0;
         up = m->v[up].parent)
        if (!strcmp((const char *)m->v[up].node->name, "article"))
            return up;
    return -1;
}

/* Whether block TOP holds an <article> with an <h1> of its own beside
 * STORY, the headline's: the next story of a page that goes on as one
 * scrolls. */
static bool holds_next_story(const model *m, int top, int story)
{
    for (int i = top + 1; i < (int)m->n && is_ancestor(m, top, i); i++) {
        xmlNodePtr a = m->v[i].node;
        if (i == story || is_ancestor(m, i, story) || is_ancestor(m, story, i) ||
            strcmp((const char *)a->name, "article"))
            continue;
        for (xmlNodePtr d = a; d; d = tw_html_next(d, a, false))
            if (d->type == XML_ELEMENT_NODE && tw_html_is(d, "h1"))
                return true;
    }
    return false;
}

/* Whether block E is STORY or in it; any block when STORY is -1. */
static bool in_story(const model *m, int story, int e)
{
    return story < 0 || e == story || is_ancestor(m, story, e);
}

/* How much more a block near the page's headline is worth in the choice of
 * the article. */
#define HEADLINE_BONUS 2.0

static double worth(const model *m, int i)
{
    return m->v[i].score * (m->headline >= 0 && near_headline(m, i) ? HEADLINE_BONUS : 1);
}

/* The block that holds the article: the best scored, or the block above it
 * when it holds several near-best ones (a story split into sections), or
 * above an only child. */
static int top_block(const model *m, int body)
{
    /* The best block; where the page's own headline is, there is likely its
     * article (a page that goes on to the next stories holds several). */
    int top = -1;
    for (size_t i = 0; i < m->n; i++)
        if (m->v[i].candidate && !m->v[i].out && (top < 0 || worth(m, (int)i) > worth(m, top)))
            top = (int)i;
    if (top < 0)
        return body;
    /* When the best block is by the headline, the article it grows into
     * stays by the headline too: the blocks that widen it below (a named
     * body, blocks near its score, a block above with more text) are
     * sought within the headline's reach, not in a blog's widgets or the
     * next stories of a page that goes on as one scrolls. */
    bool by_headline = m->headline >= 0 && near_headline(m, top);
    /* When the headline's <article> has another beside it with an <h1>
     * of its own, the next story of a page that goes on as one scrolls,
     * the article grows within the headline's: a best block above both
     * (each story's paragraphs score for the block that holds them all)
     * is narrowed to it, and one in it is not widened past it. */
    int story = headline_story(m);
    if (story >= 0 && !holds_next_story(m, m->v[story].parent, story))
        story = -1;
    if (story >= 0 && is_ancestor(m, top, story))
        top = story;
    else if (!in_story(m, story, top))
        story = -1;
    /* A block its site names as an article's body ("entry-content") is the
     * article when it holds a fair part of the best block's text: a name
     * chosen for exactly this says more than any count of commas. */
    int named = -1;
    for (size_t i = 0; i < m->n; i++) {
        const info *e = &m->v[i];
        if (e->body_name && !e->out && e->text >= PARAGRAPH_MIN * 4 &&
            e->text * 2 >= m->v[top].text && link_density(e) < 0.3 &&
            (!by_headline || near_headline(m, (int)i)) && in_story(m, story, (int)i) &&
            (named < 0 || e->text > m->v[named].text))
            named = (int)i;
    }
    if (named >= 0 && named != top && !is_ancestor(m, top, named))
        return named;
    /* Several blocks near the best (a story in sections, a question and its
     * answers): the article is the block that holds them all. */
    int near[5], n_near = 0;
    for (size_t i = 0; i < m->n && n_near < 5; i++)
        if ((int)i != top && m->v[i].candidate && !m->v[i].out &&
            !is_ancestor(m, (int)i, top) && !is_ancestor(m, top, (int)i) &&
            worth(m, (int)i) >= 0.75 * worth(m, top) && in_story(m, story, (int)i) &&
            (!by_headline || near_headline(m, (int)i)))
            near[n_near++] = (int)i;
    if (n_near >= 2) {
        for (int up = m->v[top].parent; up >= 0 && up != body; up = m->v[up].parent) {
            int holds = 0;
            for (int k = 0; k < n_near; k++)
                holds += is_ancestor(m, up, near[k]);
            if (holds == n_near) {
                top = up;
                break;
            }
        }
    }
    /* A block that scores well and holds much more text than the best, with
     * few links, is the article the best is a part of (a list of names, or a
     * table, with many commas, inside a story); not when the best holds the
     * page's headline, and so is a whole story: the more text is then beside
     * it (a column of teasers, each a paragraph with few links); nor above
     * the headline's <article> among the next stories'. */
    bool whole = holds_headline(m, top);
    for (int up = m->v[top].parent; !whole && up >= 0 && up != body; up = m->v[up].parent) {
        const info *a = &m->v[up];
        if ((by_headline && !near_headline(m, up)) || !in_story(m, story, up))
            break;
        if (a->candidate && a->score >= 0.5 * m->v[top].score &&
            a->text >= 1.5 * m->v[top].text && link_density(a) < 0.2) {
            top = up;
            break;
        }
    }
    while (m->v[top].parent >= 0 && m->v[top].parent != body) {
        const info *p = &m->v[m->v[top].parent];
        size_t children = 0;
        for (xmlNodePtr c = p->node->children; c; c = c->next)
            children += c->type == XML_ELEMENT_NODE && of(m, c) && !of(m, c)->out;
        if (children != 1)
            break;
        top = m->v[top].parent;
    }
    return top;
}

/* Whether the text of E ends a sentence. */
static bool ends_sentence(const info *e)
{
    xmlChar *t = xmlNodeGetContent(e->node);
    bool ends = false;
    if (t) {
        size_t n = strlen((const char *)t);
        while (n && isspace(t[n - 1]))
            n--;
        ends = n && (t[n - 1] == '.' || t[n - 1] == '!' || t[n - 1] == '?' ||
                     (n >= 3 && (!memcmp(t + n - 3, "\xE3\x80\x82", 3) ||
                                 !memcmp(t + n - 3, "\xEF\xBC\x81", 3) ||
                                 !memcmp(t + n - 3, "\xEF\xBC\x9F", 3))));
        xmlFree(t);
    }
    return ends;
}

/* Which of the siblings of TOP (TOP among them) go into the article: those
 * that score near it, or carry the same class, and paragraphs of prose.
 * Marks them in KEEP. */
/* Whether block S, beside the article's block, is prose that belongs to the
 * story: a paragraph of some length with few links, or a short one that ends
 * a sentence and has none.  STRICT (further from the block): with sentences,
 * and not named as boilerplate. */
static bool prose(const info *s, bool strict)
{
    double ld = link_density(s);
    if (strict && (s->hint < 0 || s->unlikely || s->punct < 2))
        return false;
    return (s->text > 80 && ld < 0.25) ||
           (s->text > 0 && s->text <= 80 && ld == 0 && ends_sentence(s));
}

/* Whether element E is an <article>, or holds one: elements come in
 * document order, so what is below E follows it. */
static bool holds_article(const model *m, int e)
{
    for (int i = e; i < (int)m->n && (i == e || is_ancestor(m, e, i)); i++)
        if (!strcmp((const char *)m->v[i].node->name, "article"))
            return true;
    return false;
}

static void gather(const model *m, int top, bool *keep)
{
    const info *t = &m->v[top];
    if (t->parent < 0 || !strcmp((const char *)t->node->name, "body")) {
        keep[top] = true;
        return;
    }
    double threshold = t->score * 0.2 > 10 ? t->score * 0.2 : 10;
    const char *top_class = attr(t->node, "class");
    /* The siblings of the block, then those of the block above it (a story
     * split by a page builder into rows, a lead above the body's block). */
    int path = top;
    for (int level = 0; level < 3 && m->v[path].parent >= 0; level++) {
        const info *p = &m->v[m->v[path].parent];
        /* Whether the block widened from holds the headline, and so is a
         * whole story: asked at each level, as the best block may be the
         * text below the story's <article>, whose siblings on a page that
         * goes on as one scrolls are the next stories' <article>s. */
        bool whole = holds_headline(m, path);
        if (level > 0 && !strcmp((const char *)p->node->name, "body"))
            break;
        for (xmlNodePtr c = p->node->children; c; c = c->next) {
            const info *s = c->type == XML_ELEMENT_NODE ? of(m, c) : NULL;
            if (!s || s->out)
                continue;
            int k = (int)(s - m->v);
            bool take = k == path;
            if (!take && s->candidate) {
                double bonus = 0;
                const char *cls = attr(c, "class");
                if (cls && top_class && *cls && !strcmp(cls, top_class))
                    bonus = t->score * 0.2;
                /* Not a block of <article>s beside a whole story: other
                 * stories, however well they score (a story split into
                 * <article>s has its headline outside them). */
                take = s->score + bonus >= threshold && !(whole && holds_article(m, k));
            }
            if (!take && (level == 0 ? !strcmp((const char *)c->name, "p") : paragraph(s)))
                take = prose(s, level > 0);
            if (k == path)
                keep[k] = level == 0;   /* the block above is not taken whole */
            else
                keep[k] = take;
        }
        path = m->v[path].parent;
    }
}

/* Whether an ancestor of E is marked in KEEP. */
static bool kept_above(const model *m, int e, const bool *keep)
{
    for (int up = m->v[e].parent; up >= 0; up = m->v[up].parent)
        if (keep[up])
            return true;
    return false;
}

/* Whether E is a heading as long as a paragraph of prose, with few links:
 * a standfirst set as a subheadline's <h2>, a paragraph some sites set in
 * a heading's large type; no section's title is so long. */
static bool prose_heading(const info *e)
{
    return (e->tag & TW_TAG_HEADING) && e->text > 80 && prose(e, false);
}

/* Whether N's class, id or itemprop names a story's lead, as content
 * management systems of many languages name it ("teaser-text", "art-lead",
 * "standfirst", "chapo", "perex", "article-intro", "subheadline",
 * schema.org's itemprop "description"). */
static bool names_lead(xmlNodePtr n)
{
    static const char *const words[] = { "lead", "teaser", "intro", "standfirst", "summary",
                                         "abstract", "excerpt", "deck", "chapo", "perex",
                                         "subtitle", "subhead", "description", NULL };
    const char *names[] = { attr(n, "class"), attr(n, "id"), attr(n, "itemprop") };
    for (size_t i = 0; i < 3; i++)
        for (const char *const *w = words; *w; w++)
            if (names_word(names[i], *w))
                return true;
    return false;
}

/* Whether E is a lead too short for prose (prose) but named as a lead,
 * itself or by the block around it: a line of 30 letters or more with a
 * comma or a sentence's end and no link ("Was seit Wochen kolportiert
 * wurde, ist nun bestätigt"), not a date ("25. Januar 2022 (DJV)") nor a
 * label's line ("Letzte Änderungen: ..."). */
static bool named_lead_line(const info *e)
{
    if (!paragraph(e) || e->text < 30 || e->links || e->punct < 1 ||
        !(names_lead(e->node) || (e->node->parent && names_lead(e->node->parent))))
        return false;
    xmlChar *t = xmlNodeGetContent(e->node);
    const char *c = t ? (const char *)t + strspn((const char *)t, " \t\r\n") : "";
    bool line = t && !isdigit((unsigned char)*c) && !strchr(c, ':');
    xmlFree(t);
    return line;
}

/* Whether E, between the headline and the body, is a part of the story's
 * lead: a paragraph of prose, or, before any heading after the headline, a
 * heading that is prose (prose_heading; the headings after it are
 * teasers' or sections') or a shorter line named as a lead
 * (named_lead_line); named as boilerplate only by a soft word (a lead in
 * the article's "header", a "teaser-text"). */
static bool lead_part(const info *e, bool first_heading)
{
    return ((paragraph(e) && prose(e, false)) || (first_heading && prose_heading(e)) ||
            (first_heading && named_lead_line(e))) &&
           (e->hint >= 0 || e->soft);
}

/* Whether E goes for what it is or what it is named, whatever its text:
 * what measure left out, a caption, and, under CLEAN, a block named as
 * boilerplate.  Inside the article, and around a part of the lead gathered
 * alone (whose ancestors are not written). */
static bool named_out(const model *m, const info *e)
{
    if (e->out)
        return true;
    /* A caption tells of a picture: readers of the article (web-eval's,
     * trafilatura's) do not count it as the story's text, even when it is a
     * sentence of who and where; but a gallery's captions are its story. */
    if (!strcmp((const char *)e->node->name, "figcaption"))
        return !e->gallery;
    /* A recipe's ingredients and steps, and the blocks that hold them,
     * stay whatever their names and links (gather_recipe). */
    if (!(m->flags & CLEAN) || e->in_recipe || e->recipe_around)
        return false;
    /* Named as boilerplate, unless it holds most of the article (page
     * builders call every block a widget or a module), or is prose named so
     * by a soft word (a lead called "teaser-text"). */
    return e->hint < 0 && (e->comments || e->text * 2 < m->top_text) &&
           !(e->soft && link_density(e) < 0.1 && e->punct >= 2 && e->text >= 60);
}

/* Whether a block between E and its ancestor ABOVE (not ABOVE itself) goes
 * for what it is or is named (named_out): a <figcaption>, a block a hard
 * word names as boilerplate.  A part of the lead is gathered alone, and its
 * ancestors, which would have taken it along, are not written.  Not for
 * their links (a lead sits among buttons and ratings in many headers), nor
 * for a soft name: the lead's place is the article's "header". */
static bool named_out_between(const model *m, int e, int above)
{
    for (int up = m->v[e].parent; up >= 0 && up != above; up = m->v[up].parent)
        if (!m->v[up].soft && named_out(m, &m->v[up]))
            return true;
    return false;
}

/* The story's lead (standfirst, "chapo", "perex", "teaser-text") sits
 * between the headline and the body's block, often outside the block that
 * holds both: the paragraphs of prose there are the article's, when
 * headline and body share a block below the page's; when they share only
 * the page (the headline in its <header>, the body in its <main>), those
 * in the headline's own box, after it. */
static void gather_lead(const model *m, int top, int body, bool *keep)
{
    int h = m->headline;
    if (h < 0 || h >= top || is_ancestor(m, h, top))
        return;
    int common = m->v[h].parent;
    while (common >= 0 && !is_ancestor(m, common, top))
        common = m->v[common].parent;
    /* Headline and body share only the page (the headline and its lead in
     * the page's <header>, the body in its <main>): the lead is sought in
     * the headline's own box, beside it. */
    bool apart = common < 0 || common == body || (m->v[common].tag & TW_TAG_ROOT);
    if (apart) {
        common = m->v[h].parent;
        if (common < 0 || common == body || (m->v[common].tag & TW_TAG_ROOT))
            return;
    }
    bool first_heading = true;
    for (int i = h + 1; i < top; i++) {
        const info *e = &m->v[i];
        if (e->out || is_ancestor(m, h, i))
            continue;
        if (apart && !is_ancestor(m, common, i))
            break;
        if (!is_ancestor(m, i, top) && lead_part(e, first_heading) && !kept_above(m, i, keep) &&
            !named_out_between(m, i, common))
            keep[i] = true;
        if ((e->tag & TW_TAG_HEADING) && e->text)
            first_heading = false;
    }
}

/* A recipe's ingredients and steps (recipe_part) are its article wherever
 * the page sets them: beside the block of its introduction or its steps,
 * in a column of their own.  Marks in KEEP the outermost of them that hold
 * text and are not kept already. */
static void gather_recipe(const model *m, bool *keep)
{
    for (size_t i = 0; i < m->n; i++) {
        const info *e = &m->v[i];
        if (e->recipe && !e->out && e->text && !kept_above(m, (int)i, keep) &&
            !(e->parent >= 0 && m->v[e->parent].in_recipe))
            keep[i] = true;
    }
}

/* ----------------------------------------------------------------- output */

static bool leave_out(xmlNodePtr n, void *ctx);

static bool is_heading(const xmlNode *n)
{
    return tw_html_tag(n) & TW_TAG_HEADING;
}

/* Whether N is below a <b> or <strong> that is below ABOVE. */
static bool bold_below(const xmlNode *n, const xmlNode *above)
{
    for (; n && n != above; n = n->parent)
        if (tw_html_is(n, "strong") || tw_html_is(n, "b"))
            return true;
    return false;
}

/* Whether N is below an <em> or <i> that is below ABOVE. */
static bool italic_below(const xmlNode *n, const xmlNode *above)
{
    for (; n && n != above; n = n->parent)
        if (tw_html_is(n, "em") || tw_html_is(n, "i"))
            return true;
    return false;
}

/* Whether E is a line of its own: a <p>, or a <div> with no block inside
 * (a line some editors and page builders set in a <div>, "<div
 * class="follow"><em>Follow us on ...").  Not a cell or a definition's
 * <dd>, which are set in italics as a table's or a wiki's style. */
static bool line_of_its_own(const info *e)
{
    return tw_html_is(e->node, "p") || (tw_html_is(e->node, "div") && !e->has_block);
}

/* Whether N, a line of its own (line_of_its_own), of less than MAX text,
 * is set wholly in the type STYLED says (all its words are below such an
 * element). */
static bool styled_line(const model *m, xmlNodePtr n, unsigned max,
                        bool (*styled)(const xmlNode *, const xmlNode *))
{
    const info *e = of(m, n);
    if (!e || !line_of_its_own(e) || e->text >= max)
        return false;
    bool text = false;
    for (xmlNodePtr c = n->children; c; c = tw_html_next(c, n, false)) {
        if (!visible_text(c))
            continue;
        if (!styled(c, n))
            return false;
        text = true;
    }
    return text;
}

/* Whether N is a line set wholly in bold, which readers take for a
 * heading: editors who have no heading at hand mark one so
 * ("<p><strong>More on this:</strong></p>" over a list of links). */
static bool bold_line(const model *m, xmlNodePtr n)
{
    return styled_line(m, n, 80, bold_below);
}

/* Whether the text of N starts with an asterisk: a footnote to a word the
 * story marked so ("*The survey asks 6,000 people..."), which explains the
 * story rather than the page. */
static bool footnote(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = tw_html_next(c, n, false)) {
        const xmlChar *t = visible_start(c);
        if (t)
            return *t == '*';
    }
    return false;
}

/* Whether N is the writer's signature ("By Lee Parker"), which names the
 * article's author from its text (tw_text_byline) and so stays in it. */
static bool signature(xmlNodePtr n)
{
    xmlChar *text = xmlNodeGetContent(n);
    tw_buf name = { 0 };
    bool by = text && tw_text_byline((const char *)text, &name);
    tw_buf_free(&name);
    xmlFree(text);
    return by;
}

/* The most text (in weigh's units) of an editor's note under a story. */
#define NOTE_MAX 400

/* Whether N is a line of its own (line_of_its_own) that sends the reader
 * to the site's channels: most of its links, one at least, go to its
 * profiles on social networks, share the page or write to it
 * (tw_link_to_channel): "Join our Telegram channel <a>here</a>", "Follow
 * us on <a>Twitter</a> and <a>Instagram</a>", "Write to <a>news@...</a>". */
static bool channel_prompt(const model *m, xmlNodePtr n)
{
    const info *e = of(m, n);
    return e && line_of_its_own(e) && e->text && e->text < NOTE_MAX && e->channels &&
           e->channels * 2 > e->anchors;
}

/* Whether N is an editor's note under the story: a line set in italics
 * (a source, "Quelle: dpa", a picture's credit, the author's bio, a
 * disclaimer) or one that sends the reader to the site's channels
 * (channel_prompt). */
static bool note_line(const model *m, xmlNodePtr n)
{
    return styled_line(m, n, NOTE_MAX, italic_below) || channel_prompt(m, n);
}

/* Whether nothing kept follows N among its siblings: white space, and
 * elements without text, notes (note_line) or left out.  The answer is N's
 * and that of each sibling passed on the way, remembered for the try
 * (info.notes_after): asked anew by each of a run of lines in italics about
 * all those after it, a page of 30,000 of them took 20 s. */
static bool notes_after(const model *m, xmlNodePtr n)
{
    bool clear = true;
    xmlNodePtr s = n->next;
    for (; s; s = s->next) {
        if (visible_text(s)) {
            clear = false;
            break;
        }
        info *e = s->type == XML_ELEMENT_NODE ? of(m, s) : NULL;
        if (e && e->text && !note_line(m, s) && !leave_out(s, (void *)m)) {
            clear = false;
            break;
        }
        if (e && e->notes_after) {
            clear = e->notes_after > 0;
            break;
        }
    }
    for (xmlNodePtr p = n; p != s; p = p->next) {
        info *e = p->type == XML_ELEMENT_NODE ? of(m, p) : NULL;
        if (e)
            e->notes_after = clear ? 1 : -1;
    }
    return clear;
}

/* Whether N is a note under the story (note_line).  Editors in many
 * languages set such lines apart after the last paragraph; a line in
 * italics among the story's paragraphs (a quotation, a title), or one
 * that links a profile the story speaks of, is followed by more of them.
 * Nothing kept follows it but other such lines, up to two levels up. */
static bool trailing_note(const model *m, xmlNodePtr n)
{
    if (!note_line(m, n) || footnote(n) || signature(n))
        return false;
    for (int level = 0; level < 3 && n; level++, n = n->parent)
        if (!notes_after(m, n))
            return false;
    return true;
}

/* What orphan_heading asks about: a heading; a line in bold (bold_line),
 * whose section a heading ends only when that heading goes too (the line
 * may head a part made of headed sections); or the heading after such a
 * line, asked about without asking in turn about the lines in bold after
 * it (they count as kept): a page of headings and bold lines one after the
 * other would otherwise call back and forth down its whole length. */
typedef enum { HEADING, BOLD_LINE, HEADING_AFTER_BOLD } heading_kind;

/* A heading whose section was left out ("Related stories" over a list of
 * links, "More on this" at the end): nothing that is kept follows it before
 * the next heading; for a line in bold, before a heading that is kept. */
static bool orphan_heading(const model *m, xmlNodePtr h, heading_kind kind)
{
    /* The siblings after it; when it ends its block (a heading wrapped in a
     * header of its own), those after the block, two levels up at most. */
    for (int level = 0; level < 3 && h; level++, h = h->parent) {
        for (xmlNodePtr s = h->next; s; s = s->next) {
            if (visible_text(s))
                return false;
            if (s->type != XML_ELEMENT_NODE)
                continue;
            if (is_heading(s)) {
                const info *h_info = of(m, s);
                return kind != BOLD_LINE || !h_info || named_out(m, h_info) ||
                       orphan_heading(m, s, HEADING_AFTER_BOLD);
            }
            if (kind == HEADING_AFTER_BOLD && bold_line(m, s))
                return false;
            const info *e = of(m, s);
            if (e && e->text && !leave_out(s, (void *)m))
                return false;
            if (e && e->text)
                return true;        /* a section that was left out */
        }
    }
    return true;
}

/* The most text (in weigh's units) of a picture's caption set beside it. */
#define CAPTION_MAX 300

/* The most text (in weigh's units) of a notice to readers without scripts. */
#define NOTICE_MAX 150

/* Whether a text node below N holds the copyright sign. */
static bool holds_copyright_sign(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = tw_html_next(c, n, false))
        if (c->type == XML_TEXT_NODE && c->content &&
            strstr((const char *)c->content, "\xC2\xA9"))
            return true;
    return false;
}

/* Whether E is a short paragraph that credits a picture or the page (the
 * copyright sign in it: "Marco Odermatt, ski star. (c) AFP / Marco
 * Bertorello", "(c) 2022, Site. This article is the property of..."),
 * wherever the page sets it: a line under a picture in a <p> of its own
 * as well as a caption box.  A story's paragraph of that length hardly ever
 * holds the sign; one of more than a caption's length may quote it. */
static bool credit_line(const info *e)
{
    return paragraph(e) && e->text && e->text < CAPTION_MAX && holds_copyright_sign(e->node);
}

/* The most text (in weigh's units) of a line that gives a date. */
#define DATELINE_MAX 60

/* Whether a <time> below N gives a moment: its datetime attribute starts
 * with a digit, as a date or a time of day does; not a duration ("PT15M",
 * a recipe's time), nor an empty or missing one. */
static bool holds_moment(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = tw_html_next(c, n, false)) {
        if (c->type != XML_ELEMENT_NODE || !tw_html_is(c, "time"))
            continue;
        const char *when = attr(c, "datetime");
        if (when && isdigit((unsigned char)when[0]))
            return true;
    }
    return false;
}

/* Whether E is a short paragraph that gives when the story (or a part of
 * the page) was published or updated, in a <time>: "Aktualisiert: <time>
 * 11.04.2020</time>", "Posted on <time>April 22, 2022</time>".  The date is
 * read into the article's field; as text it is no part of the story. */
static bool dateline(const info *e)
{
    return paragraph(e) && e->text && e->text < DATELINE_MAX && holds_moment(e->node);
}

/* Whether N is a table's cell. */
static bool is_cell(const xmlNode *n)
{
    return !strcmp((const char *)n->name, "td") || !strcmp((const char *)n->name, "th");
}

/* Rows a page laid out as a table has at most: a masthead, the row of the
 * menu's and the story's columns, a footer.  The tables of figures whose
 * cells are full of links (a wiki's) have more. */
#define LAYOUT_ROWS 4

/* Whether the cell E is a column of a page laid out as a table: in a table
 * of few rows, beside a cell of its row that holds more text (the story's,
 * where a row of figures has none so much longer than a cell of links). */
static bool layout_column(const model *m, const info *e)
{
    xmlNodePtr row = e->node->parent;
    if (!row || !tw_html_is(row, "tr") || !row->parent)
        return false;
    int rows = 0;
    for (xmlNodePtr r = row->parent->children; r; r = r->next)
        rows += tw_html_is(r, "tr");
    if (rows > LAYOUT_ROWS)
        return false;
    for (xmlNodePtr c = row->children; c; c = c->next) {
        const info *s = c != e->node && c->type == XML_ELEMENT_NODE ? of(m, c) : NULL;
        if (s && !s->out && s->text > e->text)
            return true;
    }
    return false;
}

/* Inside the article, what is plainly not the story: under CLEAN, blocks
 * named as boilerplate, lists, cells and blocks that are mostly links
 * (related stories, "read more", a menu), and the headings over them;
 * always what measure left out. */
static bool leave_out(xmlNodePtr n, void *ctx)
{
    const model *m = ctx;
    const info *e = of(m, n);
    if (!e)
        return false;
    if (named_out(m, e))
        return true;
    if (!(m->flags & CLEAN) || e->in_recipe || e->recipe_around)
        return false;
    /* A <noscript> of a line is a notice to readers without scripts
     * ("Please enable JavaScript to watch the video"); a page that keeps
     * its story there (Blogger) keeps all of it. */
    if (!strcmp((const char *)n->name, "noscript"))
        return e->text < NOTICE_MAX;
    /* A picture and a line or two beside it, in a <div> of their own and
     * a small part of the article: the picture's caption, whatever it is
     * named ("legend", "imagedescription", "image-subtitle"), or a tile
     * of a teaser or a prompt ("Follow us", a donation's box).  Readers of
     * the article (web-eval's) count neither as the story.  A box that
     * holds the headline is the story's head, its lead beside a picture;
     * so is one with an <h1> over a paragraph of prose on a page whose
     * <h1> is not its title ("Welcome!" over "I am ..., and I advise"). */
    if (e->picture && e->text && e->text < CAPTION_MAX && e->text * 4 < m->top_text &&
        !strcmp((const char *)n->name, "div") && !holds_headline(m, (int)(e - m->v)) &&
        !(e->holds_h1 && e->holds_prose))
        return true;
    if (credit_line(e) || dateline(e))
        return true;
    /* Before the test of links below: a note's line in a <div> ("Follow
     * us on <a>Telegram</a>, <a>Instagram</a>") is a list's block too. */
    if (trailing_note(m, n))
        return true;
    double ld = link_density(e);
    if (e->tag & TW_TAG_LIST)
        return e->text && ld > 0.5;
    /* A cell of links beside the story's: the menu of a page laid out as
     * a table.  A cell of a table of figures links a name or two. */
    if (is_cell(n))
        return e->anchors >= 3 && ld > 0.5 && layout_column(m, e);
    if ((e->tag & TW_TAG_HEADING) && !prose_heading(e) && orphan_heading(m, n, HEADING))
        return true;
    if (bold_line(m, n) && orphan_heading(m, n, BOLD_LINE))
        return true;
    /* A line that is mostly a link: a teaser, "Read more: ...".  Not a
     * sentence of the story whose link runs to its end after words of its
     * own ("He took over from Ada Marsh, <a>who had led it since 2014.</a>"). */
    if (e->tag & TW_TAG_LINE)
        return e->text && e->text < 300 && ld > 0.6 &&
               !(e->text - e->links >= 20 && ends_sentence(e));
    return false;
}

/* Writes the article under the current rules; sets *weight to its text. */
static int extract(model *m, tw_buf *out, unsigned *weight)
{
    measure(m);
    mark_prose(m);
    score(m);
    int body = -1;
    for (size_t i = 0; i < m->n && body < 0; i++)
        if (!strcmp((const char *)m->v[i].node->name, "body"))
            body = (int)i;
    if (body < 0)
        body = 0;
    int top = top_block(m, body);
    m->top_text = m->v[top].text;       /* named_out weighs by it while gathering */
    for (size_t i = 0; i < m->n; i++)
        m->v[i].notes_after = 0;        /* leave_out's answers change with the rules */
    bool *keep = calloc(m->n, sizeof *keep);
    if (!keep)
        return -1;
    gather(m, top, keep);
    gather_lead(m, top, body, keep);
    gather_recipe(m, keep);
    *weight = 0;
    int rc = 0;
    for (size_t i = 0; i < m->n && rc == 0; i++) {
        if (!keep[i])
            continue;
        if (leave_out(m->v[i].node, m) && (int)i != top)
            continue;
        size_t before = out->len;
        rc = tw_buf_puts(out, "\n\n");
        if (rc == 0)
            rc = tw_html_text(m->v[i].node, out, leave_out, m);
        unsigned w = 0, punct = 0;
        if (rc == 0)
            weigh(out->data + before, &w, &punct);
        *weight += w;
    }
    free(keep);
    return rc;
}

/* TEXT lower-cased (ASCII), with only its letters and digits, into a new
 * string. */
static char *squeezed(const char *text)
{
    size_t n = strlen(text);
    char *s = malloc(n + 1);
    if (!s)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 0x80 || isalnum(c))
            s[k++] = (char)tolower(c);
    }
    s[k] = '\0';
    return s;
}

/* The first <h1>, <h2> or <h3> whose text is the headline, or holds it, or
 * is held in it (a title with the site's name added), or -1. */
static int find_headline(const model *m, const char *headline)
{
    char *want = headline ? squeezed(headline) : NULL;
    int found = -1;
    size_t wlen = want ? strlen(want) : 0;
    for (size_t i = 0; wlen >= 12 && i < m->n && found < 0; i++) {
        xmlNodePtr n = m->v[i].node;
        const char *tag = (const char *)n->name;
        if (strcmp(tag, "h1") && strcmp(tag, "h2") && strcmp(tag, "h3"))
            continue;
        xmlChar *t = xmlNodeGetContent(n);
        char *have = t ? squeezed((const char *)t) : NULL;
        size_t hlen = have ? strlen(have) : 0;
        if (hlen >= 12 && (strstr(want, have) || strstr(have, want)) &&
            (hlen * 2 >= wlen || strstr(have, want)))
            found = (int)i;
        free(have);
        xmlFree(t);
    }
    free(want);
    return found;
}

int tw_html_article_text(xmlNodePtr root, const char *headline, tw_buf *out)
{
    model m = { .said = calloc(SAID_SLOTS, sizeof(said)) };    /* NULL: read each time */
    int rc = build(&m, root);
    if (rc == 0 && m.n) {
        /* How much text each block holds when none is left out for its names. */
        m.flags = 0;
        measure(&m);
        for (size_t i = 0; i < m.n; i++)
            m.v[i].all_text = m.v[i].text;
        m.page_text = m.v[0].text;
    }
    m.headline = rc == 0 ? find_headline(&m, headline) : -1;
    /* The rules, all first; then one fewer at a time while the text is short.
     * A short article found by all the rules is likelier right than a longer
     * text that fewer rules let through: that must give much more, and not
     * from the comments, once a paragraph is found outside them. */
    static const unsigned tries[] = { STRIP_UNLIKELY | WEIGHT_HINTS | CLEAN,
                                      WEIGHT_HINTS | CLEAN, CLEAN, 0 };
    tw_buf best = { 0 }, attempt = { 0 };
    unsigned best_weight = 0;
    for (size_t t = 0; rc == 0 && t < sizeof tries / sizeof tries[0]; t++) {
        m.flags = tries[t] | (best_weight >= PARAGRAPH_MIN ? STRIP_COMMENTS : 0);
        tw_buf_clear(&attempt);
        unsigned w = 0;
        rc = extract(&m, &attempt, &w);
        if (rc == 0 && (t == 0 || w > 2 * best_weight)) {
            tw_buf swap = best;
            best = attempt;
            attempt = swap;
            best_weight = w;
        }
        if (best_weight >= ENOUGH_TEXT)
            break;
    }
    if (rc == 0 && best.len)
        rc = tw_buf_append(out, best.data, tw_drop_repeated_lines(best.data, best.len));
    for (size_t i = 0; i < m.n; i++)
        m.v[i].node->_private = NULL;
    free(m.v);
    free(m.said);
    tw_buf_free(&best);
    tw_buf_free(&attempt);
    return rc;
}

/* ------------------------------------------------------- embedded article */

/* TEXT with runs of white space as one space, and none at either end, for
 * comparing texts. */
static char *folded(const char *text)
{
    tw_buf b = { 0 };
    while (isspace((unsigned char)*text))
        text++;
    if (tw_html_put_collapsed(&b, text) < 0) {
        tw_buf_free(&b);
        return NULL;
    }
    if (b.len && b.data[b.len - 1] == ' ')
        b.data[--b.len] = '\0';
    return tw_buf_steal(&b);
}

/* How many of SAMPLES pieces of A, taken evenly across it, are in B. */
#define SAMPLES 8
#define PIECE 32
static int pieces_in(const char *a, const char *b)
{
    size_t len = strlen(a), blen = strlen(b);
    if (len < PIECE)
        return 0;
    int found = 0;
    for (int k = 0; k < SAMPLES; k++) {
        size_t at = (len - PIECE) * (size_t)k / (SAMPLES - 1);
        while (at > 0 && ((unsigned char)a[at] & 0xC0) == 0x80)
            at--;           /* not inside a character */
        found += memmem(b, blen, a + at, PIECE) != NULL;
    }
    return found;
}

/* Whether FOUND, of weight FOUND_WEIGHT, is a teaser of EMBEDDED, of
 * WEIGHT: the embedded text is at least twice as long, and holds FOUND but
 * for a piece or two (the headline above it, a subheading).  A paywalled
 * page shows the first paragraphs and embeds the whole story for search
 * engines. */
static bool teaser_of(const char *found, unsigned found_weight, const char *embedded,
                      unsigned weight)
{
    return found_weight >= PARAGRAPH_MIN && weight >= 2 * found_weight &&
           pieces_in(found, embedded) >= SAMPLES - 2;
}

bool tw_html_prefer_embedded(const char *found, const char *embedded, const char *page_text)
{
    unsigned weight = 0, punct = 0, found_weight = 0;
    weigh(embedded, &weight, &punct);
    if (weight < 2 * ENOUGH_TEXT)
        return false;       /* a summary, not the article */
    punct = 0;
    weigh(found, &found_weight, &punct);
    char *e = folded(embedded), *f = folded(found), *p = folded(page_text);
    bool prefer = false;
    /* Only when what the page shows gave little: where both are there, the
     * shown text is the better (web-eval's segments are what readers see, and
     * articleBody often differs from it, or is a shortened copy).  A page
     * built by scripts shows next to nothing but a line asking for them
     * ("Please enable JavaScript to view this site"), or a cookie notice:
     * an articleBody eight times as long is the article. */
    if (e && f && p)
        prefer = (found_weight < ENOUGH_TEXT && pieces_in(e, f) < SAMPLES / 2 &&
                  (found_weight < PARAGRAPH_MIN || pieces_in(e, p) >= 2 ||
                   found_weight * 8 < weight)) ||
                 teaser_of(f, found_weight, e, weight);
    free(e);
    free(f);
    free(p);
    return prefer;
}

/* Whether NAME[0, LEN) holds a word of COMMENTS, in any case: a name
 * without one names no comment section (name_says), and is let go without
 * reading it whole.  The walks by the headline ask this of every element
 * above each line they look at. */
static bool holds_comments_word(const char *name, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        char c = (char)tolower((unsigned char)name[i]);
        for (const word *w = COMMENTS; w->w; w++)
            if (c == w->w[0] && w->len <= len - i && !strncasecmp(name + i, w->w, w->len))
                return true;
    }
    return false;
}

/* Whether the name NAME[0, LEN) says a comment section (name_says). */
static bool says_comments(const char *name, size_t len)
{
    return holds_comments_word(name, len) && (name_says(name, len) & SAYS_COMMENTS);
}

/* Whether one of N's class names, or its id, names a comment section. */
static bool names_comments(const xmlNode *n)
{
    size_t len;
    for (const char *at = attr(n, "class"), *name; (name = tw_html_class_next(&at, &len));)
        if (says_comments(name, len))
            return true;
    const char *id = attr(n, "id");
    return id && says_comments(id, strlen(id));
}

bool tw_html_in_comments(const xmlNode *n)
{
    for (; n && n->type == XML_ELEMENT_NODE && !tw_html_is(n, "body") &&
           !tw_html_is(n, "html"); n = n->parent)
        if (names_comments(n))
            return true;
    return false;
}
