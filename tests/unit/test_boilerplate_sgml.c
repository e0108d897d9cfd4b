/* Unit tests: boilerplate trimming (trailers, the title again, a page's
 * repeated lines) and the SGML container scanner. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "formats/boilerplate.h"
#include "formats/repeated_lines.h"
#include "formats/sgml_scan.h"

/* Runs tw_strip_boilerplate on a copy of IN and compares with WANT. */
static void assert_stripped(const char *in, const char *title, const char *want)
{
    char buf[4096];
    strcpy(buf, in);
    size_t len = tw_strip_boilerplate(buf, strlen(buf), title);
    assert_int_equal(len, strlen(want));
    assert_memory_equal(buf, want, len);
}

static const char STORY[] =
    "The council voted on Monday to close the Mill River bridge after inspectors "
    "found corrosion in two of its steel girders, officials said.\n\n"
    "Repairs are expected to take at least eighteen months and to cost about four "
    "million dollars, according to the county engineer's office.";

static void comment_form_trailer_is_cut(void **state)
{
    (void)state;
    char in[2048];
    snprintf(in, sizeof in, "%s\n\nLeave a Reply\n\nYour email address will not be "
             "published. Required fields are marked *\n\nRelated Posts\n\n"
             "Ferry strike ends\n\nCouncil approves tram", STORY);
    assert_stripped(in, NULL, STORY);
}

static void share_block_is_cut(void **state)
{
    (void)state;
    char in[2048];
    snprintf(in, sizeof in, "%s\n\nShare this:\nClick to share on Twitter\n"
             "Click to share on Facebook", STORY);
    assert_stripped(in, NULL, STORY);
}

/* The trailers of sites in other languages: German, Spanish, French, Polish. */
static void trailers_in_other_languages_are_cut(void **state)
{
    (void)state;
    const char *tails[] = {
        "Mehr zum Thema:\nBahnstreik endet\nRathaus saniert",
        "\xc3\x9c" "ber den Autor\nDana Whitcomb schreibt \xc3\xbc" "ber Verkehr.",
        "Lea tambi\xc3\xa9n: Impiden ingreso a reportero",
        "Lire aussi : La gr\xc3\xa8ve des trains",
        "Czytaj tak\xc5\xbc" "e: Strajk kolejarzy",
        "Follow The Ledger on Twitter @ledger and on Facebook",
    };
    for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
        char in[2048];
        snprintf(in, sizeof in, "%s\n\n%s", STORY, tails[i]);
        assert_stripped(in, NULL, STORY);
    }
}

static void marker_words_inside_prose_stay(void **state)
{
    (void)state;
    /* "Comments" opens a long paragraph here: it is text, not a trailer. */
    char in[2048];
    snprintf(in, sizeof in, "%s\n\nComments from residents at the meeting were mostly "
             "about the detour, which adds twenty minutes to the school run for families "
             "on the east bank and sends lorries through the village centre, where the "
             "pavements are narrow and the parish council has asked for a speed limit.",
             STORY);
    assert_stripped(in, NULL, in);
}

static void marker_before_more_text_stays(void **state)
{
    (void)state;
    /* Only the end of the text is trimmed. */
    char in[4096];
    snprintf(in, sizeof in, "Related Posts\n\n%s\n\n%s", STORY, STORY);
    assert_stripped(in, NULL, in);
}

static void never_cuts_most_of_the_text(void **state)
{
    (void)state;
    const char *in = "Short note.\n\nLeave a Reply\n\nYour email address will not be "
                     "published. Required fields are marked *\n\nRelated Posts\n\nA\n\nB";
    assert_stripped(in, NULL, in);
}

/* A brief on a page whose trailer is longer than it: cut when two
 * different markers say it is the page's furniture and it holds few
 * sentences; one kind of marker ("Copyright" over a list), or many
 * sentences, may be the text's own, and keep the half rule. */
static void short_story_loses_long_trailer(void **state)
{
    (void)state;
    const char *brief = "Acme Corp said its board declared a quarterly dividend of ten cts.";
    char in[2048];
    snprintf(in, sizeof in, "%s\n\nShare on Facebook  Share on Twitter\n\nYou may also like\n"
             "Ferry strike ends after two weeks of talks\nCouncil approves the new tram line\n"
             "Harbour dredging to begin in the spring\n\nCopyright The Morning Post. "
             "All rights reserved.", brief);
    assert_stripped(in, NULL, brief);
    snprintf(in, sizeof in, "%s\n\nSign up for our newsletter\nGet the day's top stories "
             "delivered to your inbox every morning. Enter your email address below.\n\n"
             "Comments\n\nThere are no comments yet. Be the first to share what you think!",
             brief);
    assert_stripped(in, NULL, brief);
    snprintf(in, sizeof in, "%s\n\nCopyright notices\nAcme Corp\nBeta Ltd\nGamma plc\n"
             "Delta Holdings\nEpsilon Group\nZeta Partners", brief);
    assert_stripped(in, NULL, in);
    /* Two markers of one kind: a document's notices, then its text in
     * lines a script without spaces leaves unwrapped. */
    snprintf(in, sizeof in, "%s\n\nCopyright (C) 2010 Acme Corp\nCopyright (C) 2009 Beta Ltd\n"
             "Short line one\nShort line two\nShort line three", brief);
    assert_stripped(in, NULL, in);
    /* Two kinds of marker over a text of many sentences: a document's. */
    char doc[4096];
    snprintf(doc, sizeof doc, "%s\n\nCopyright (C) 2010 Acme Corp\nComments are welcome.\n", brief);
    for (int i = 0; i < 4; i++)
        strcat(doc, "The driver batches requests before the block layer sees them all.\n");
    assert_stripped(doc, NULL, doc);
}

/* Hard-wrapped prose (a plain-text file, a Reuters story) is the article's
 * to its end: a line of it that starts like a marker goes on with the
 * sentence of the line before, and a section titled like one is text. */
static void wrapped_prose_is_never_a_trailer(void **state)
{
    (void)state;
    const char *reuters = "Acme Corp said its board declared a quarterly dividend of ten cts per\n"
                          "share on its common payable May one to shareholders of record\n"
                          "April 10.";
    assert_stripped(reuters, NULL, reuters);
    char doc[4096] = "";
    for (int i = 0; i < 6; i++)
        strcat(doc, "The frobnicator driver exposes several knobs that control how\n"
                    "eagerly it batches requests before the block layer sees them.\n");
    strcat(doc, "\nComments\n--------\n\nLines that start with a hash sign in its\n"
                "configuration file are ignored by the parser.");
    assert_stripped(doc, NULL, doc);
    /* Wrapped text followed by a page's trailer: the trailer still goes. */
    char page[4096];
    snprintf(page, sizeof page, "%s\n\nLeave a Reply\n\nYour email address will not be "
             "published.\n\nRelated Posts", reuters);
    assert_stripped(page, NULL, reuters);
}

/* A label of an advertisement's slot, or a link to another story, inside
 * the story: what follows is the story's, even in short paragraphs, when a
 * sentence of prose says so.  At the end, or before a prompt, it goes. */
static void inline_markers_cut_only_a_trailer(void **state)
{
    (void)state;
    char in[4096], want[2048];
    snprintf(in, sizeof in, "%s\n\nAdvertisement\n\nThe bridge should reopen in the "
             "spring, the engineer said.\n\nRead also: Ferry strike ends\n\nTolls stay "
             "the same until the end of the year, the county said.", STORY);
    assert_stripped(in, NULL, in);
    /* Before an exclamation (a prompt) or an ellipsis (a teaser): a trailer. */
    snprintf(in, sizeof in, "%s\n\nAnzeige\n\nLaden Sie jetzt unsere App und verpassen Sie "
             "keine Meldung mehr!\n\nLesen Sie auch\n\nDie Br\xc3\xbc" "cke am Hafen wird im "
             "Sommer f\xc3\xbcr den Verkehr gesperrt, weil die Stadt ...", STORY);
    assert_stripped(in, NULL, STORY);
    /* A headline that ends on a full stop is no sentence of the story. */
    snprintf(in, sizeof in, "%s\n\nRead more\n\nFerry strike ends.", STORY);
    assert_stripped(in, NULL, STORY);
    /* A trailer's own marker cuts whatever sentences follow (comments). */
    snprintf(want, sizeof want, "%s\n\nAdvertisement\n\nThe bridge should reopen in the "
             "spring, the engineer said.", STORY);
    snprintf(in, sizeof in, "%s\n\nComments\n\nI drive over that bridge every day and "
             "never saw any rust on it.", want);
    assert_stripped(in, NULL, want);
}

/* Runs tw_drop_repeated_lines on a copy of IN and compares with WANT. */
static void assert_said_once(const char *in, const char *want)
{
    char buf[4096];
    strcpy(buf, in);
    size_t len = tw_drop_repeated_lines(buf, strlen(buf));
    assert_int_equal(len, strlen(want));
    assert_memory_equal(buf, want, len);
}

static void long_lines_said_once(void **state)
{
    (void)state;
    const char *fact = "The county engineer's office has inspected the Mill River bridge "
                       "every two years since it opened in 1962.";
    char in[2048], want[2048];
    /* The second copy goes with its newline; white space around it aside. */
    snprintf(in, sizeof in, "%s\n%s\n\n  %s \n%s", fact, STORY, fact, "The end.");
    snprintf(want, sizeof want, "%s\n%s\n\n%s", fact, STORY, "The end.");
    assert_said_once(in, want);
    /* At the very end, with no newline after it. */
    snprintf(in, sizeof in, "%s\n%s\n%s", fact, STORY, fact);
    snprintf(want, sizeof want, "%s\n%s\n", fact, STORY);
    assert_said_once(in, want);
    /* Short lines stay repeated; lines that differ stay. */
    snprintf(in, sizeof in, "Advertisement\n%s\nAdvertisement\n%s.\n%s", STORY, fact, fact);
    assert_said_once(in, in);
    assert_said_once("", "");
}

static void repeated_title_first_line_is_dropped(void **state)
{
    (void)state;
    char in[2048];
    snprintf(in, sizeof in, "Bridge Closed: Corrosion Found!\n\n%s", STORY);
    assert_stripped(in, "bridge closed - corrosion found", STORY);
    /* Twice, as a page's hidden heading and its visible one give it. */
    snprintf(in, sizeof in, "Bridge Closed: Corrosion Found!\n\nBridge closed - corrosion found\n\n%s",
             STORY);
    assert_stripped(in, "bridge closed - corrosion found", STORY);
    /* Three at most: a text of one line over and over keeps the rest. */
    assert_stripped("Tundra\nTundra\nTundra\nTundra\nTundra", "Tundra", "Tundra\nTundra");
    /* A first line that only starts like the title is text. */
    snprintf(in, sizeof in, "Bridge closed for good\n\n%s", STORY);
    assert_stripped(in, "Bridge closed", in);
}

/* In other scripts, a line is the title again when its letters are the
 * title's, not when it holds the same digits: a Chinese lead that, like its
 * headline, says "2021" and no other ASCII was lost. */
static void repeated_title_in_other_scripts(void **state)
{
    (void)state;
    const char *lead = "\xe5\x9f\x8e\xe5\xb8\x82\xe5\x9c\xa8" "2021" "\xe5\xb9\xb4"
                       "\xe5\xbc\x80\xe9\x80\x9a\xe3\x80\x82";    /* 城市在2021年开通。 */
    assert_stripped(lead, "\xe5\x9c\xb0\xe9\x93\x81" "2021", lead); /* 地铁2021 */
    /* A Russian title again, in capitals: dropped. */
    assert_stripped("\xd0\x9c\xd0\x9e\xd0\xa1\xd0\xa2 \xd0\x9e\xd0\xa2\xd0\x9a\xd0\xa0\xd0\xab\xd0\xa2\n\n"
                    "\xd0\x96\xd0\xb8\xd1\x82\xd0\xb5\xd0\xbb\xd0\xb8 \xd0\xb4\xd0\xbe\xd0\xb2\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xbd\xd1\x8b.",
                    "\xd0\x9c\xd0\xbe\xd1\x81\xd1\x82 \xd0\xbe\xd1\x82\xd0\xba\xd1\x80\xd1\x8b\xd1\x82",
                    "\xd0\x96\xd0\xb8\xd1\x82\xd0\xb5\xd0\xbb\xd0\xb8 \xd0\xb4\xd0\xbe\xd0\xb2\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xbd\xd1\x8b.");
}

static void sgml_find_and_attributes(void **state)
{
    (void)state;
    const char *doc = "<REUTERS TOPICS=\"YES\" NEWID='12' oldid=5>"
                      "<TITLE>A &amp; B</TITLE><BODY>x</BODY></REUTERS><REUTERS NEWID=\"13\">";
    const char *end = doc + strlen(doc);
    tw_element el;
    assert_true(tw_sgml_find(doc, end, "reuters", &el));
    assert_true(el.closed);
    char v[16];
    assert_true(tw_sgml_attr(&el, "newid", v, sizeof v));
    assert_string_equal(v, "12");
    assert_true(tw_sgml_attr(&el, "OLDID", v, sizeof v));
    assert_string_equal(v, "5");
    assert_false(tw_sgml_attr(&el, "TYPE", v, sizeof v));
    /* White space around the '=', and a name without a value before. */
    const char *spaced = "<REUTERS LEWISSPLIT TOPICS = \"NO\" NEWID =\n 7 >x</REUTERS>";
    tw_element sp;
    assert_true(tw_sgml_find(spaced, spaced + strlen(spaced), "REUTERS", &sp));
    assert_true(tw_sgml_attr(&sp, "NEWID", v, sizeof v));
    assert_string_equal(v, "7");
    assert_true(tw_sgml_attr(&sp, "TOPICS", v, sizeof v));
    assert_string_equal(v, "NO");
    assert_false(tw_sgml_attr(&sp, "LEWISSPLIT", v, sizeof v));
    tw_element title;
    assert_true(tw_sgml_find(el.inner, el.inner_end, "TITLE", &title));
    tw_buf b = { 0 };
    assert_int_equal(tw_sgml_text(&b, title.inner, title.inner_end), 0);
    assert_string_equal(b.data, "A & B");
    /* The second record has no end tag: it runs to the end. */
    assert_true(tw_sgml_find(el.end, end, "REUTERS", &el));
    assert_false(el.closed);
    assert_ptr_equal(el.inner_end, end);
    /* <TEXT> is not <TEXTS>, and </TEXT> is not a start tag. */
    const char *t = "<TEXTS>a</TEXTS></TEXT><TEXT TYPE=BRIEF>b</TEXT>";
    assert_true(tw_sgml_find(t, t + strlen(t), "TEXT", &el));
    assert_memory_equal(el.inner, "b", 1);
    tw_buf_free(&b);
}

static void sgml_text_paragraphs(void **state)
{
    (void)state;
    const char *s = "<P>One &lt;two&gt;</P><P>Three</P>a < b<BR>c&#233;";
    tw_buf b = { 0 };
    assert_int_equal(tw_sgml_text(&b, s, s + strlen(s)), 0);
    assert_string_equal(b.data, "\n\nOne <two>\n\n\n\nThree\n\na < b c\xc3\xa9");
    tw_buf_free(&b);
}

/* Every element of the names, in order; one without its end tag ends where
 * the next begins; what lies between them is not taken. */
static void sgml_texts_in_order(void **state)
{
    (void)state;
    static const char *const names[] = { "LP", "TEXT", NULL };
    const char *s = "<TEXT>one</TEXT><NOTE>no</NOTE><LP>two<TEXT>three</TEXT>four<TEXTS>x";
    tw_buf b = { 0 };
    assert_int_equal(tw_sgml_texts(&b, s, s + strlen(s), names), 0);
    assert_string_equal(b.data, "one\n\ntwo\n\nthree");
    tw_buf_clear(&b);
    assert_int_equal(tw_sgml_texts(&b, s, s + 8, names), 0);      /* cut in the first */
    assert_string_equal(b.data, "on");
    tw_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(comment_form_trailer_is_cut),
        cmocka_unit_test(share_block_is_cut),
        cmocka_unit_test(marker_words_inside_prose_stay),
        cmocka_unit_test(trailers_in_other_languages_are_cut),
        cmocka_unit_test(marker_before_more_text_stays),
        cmocka_unit_test(never_cuts_most_of_the_text),
        cmocka_unit_test(short_story_loses_long_trailer),
        cmocka_unit_test(wrapped_prose_is_never_a_trailer),
        cmocka_unit_test(inline_markers_cut_only_a_trailer),
        cmocka_unit_test(long_lines_said_once),
        cmocka_unit_test(repeated_title_first_line_is_dropped),
        cmocka_unit_test(repeated_title_in_other_scripts),
        cmocka_unit_test(sgml_find_and_attributes),
        cmocka_unit_test(sgml_text_paragraphs),
        cmocka_unit_test(sgml_texts_in_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
