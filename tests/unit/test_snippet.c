/* Unit tests: which passage a snippet shows, and where its highlights fall. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "snippet.h"

#define ELLIPSIS "\xe2\x80\xa6"

/* The matches of WORDS[i] (concept i) in TEXT, as the finder would give them:
 * every occurrence at a word start, in text order. */
static size_t find(const char *text, const char *const *words, unsigned n_words,
                   tw_match *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; text[i] && n < max; i++) {
        if (i > 0 && (text[i - 1] != ' ' && text[i - 1] != '\n' && text[i - 1] != '"'))
            continue;
        for (unsigned c = 0; c < n_words; c++) {
            size_t l = strlen(words[c]);
            if (strncmp(text + i, words[c], l) == 0) {
                out[n++] = (tw_match){ i, i + l, c };
                break;
            }
        }
    }
    return n;
}

typedef struct {
    tw_buf out;
    trawl_span *spans;
    size_t n_spans;
} snippet;

static void write_snippet(snippet *s, const char *text, const char *const *words,
                          const double *weight, unsigned n_words, size_t length)
{
    tw_match m[64];
    size_t n = find(text, words, n_words, m, 64);
    memset(s, 0, sizeof *s);
    assert_int_equal(tw_snippet_write(text, strlen(text), false, false, m, n, weight, n_words,
                                      length, &s->out, &s->spans, &s->n_spans),
                     0);
}

static void free_snippet(snippet *s)
{
    free(s->spans);
    tw_buf_free(&s->out);
}

/* The text highlighted by span I. */
static char *span_text(const snippet *s, size_t i)
{
    static char got[256];
    size_t len = s->spans[i].end - s->spans[i].start;
    memcpy(got, s->out.data + s->spans[i].start, len);
    got[len] = '\0';
    return got;
}

static const char article[] =
    "The harbour board met on Monday. Ferry crews said little about the talks. "
    "After nine days the strike ended when the crews accepted a pay offer from the "
    "operator, and the first ferry left the quay at dawn. Passengers had waited "
    "since the spring for a timetable that held.";

static void no_match_gives_the_start(void **state)
{
    (void)state;
    const char *const words[] = { "zebra" };
    const double weight[] = { 1 };
    snippet s;
    write_snippet(&s, article, words, weight, 1, 40);
    /* Whole words only, up to 40 bytes, and a mark for the rest. */
    assert_string_equal(s.out.data, "The harbour board met on Monday. Ferry" ELLIPSIS);
    assert_int_equal(s.n_spans, 0);
    assert_null(s.spans);
    free_snippet(&s);
}

static void passage_with_most_words_wins(void **state)
{
    (void)state;
    /* "Ferry" alone early on, "strike" and "ferry" together later. */
    const char *const words[] = { "ferry", "strike" };
    const double weight[] = { 1, 1 };
    snippet s;
    write_snippet(&s, article, words, weight, 2, 120);
    /* It begins with the sentence that holds both. */
    assert_string_equal(s.out.data,
                        ELLIPSIS "After nine days the strike ended when the crews accepted a pay "
                                 "offer from the operator, and the first ferry left the"
                        ELLIPSIS);
    assert_int_equal(s.n_spans, 2);
    assert_string_equal(span_text(&s, 0), "strike");
    assert_string_equal(span_text(&s, 1), "ferry");
    free_snippet(&s);
}

static void rare_word_outweighs_a_common_one(void **state)
{
    (void)state;
    const char text[] = "oil oil oil oil oil prices rose. Nothing else happened for a long "
                        "while in the markets that week at all. Then a tanker ran aground "
                        "near the coast.";
    const char *const words[] = { "oil", "tanker" };
    const double weight[] = { 0.5, 4.0 };
    snippet s;
    write_snippet(&s, text, words, weight, 2, 40);
    assert_non_null(strstr(s.out.data, "tanker"));
    assert_null(strstr(s.out.data, "oil"));
    assert_int_equal(s.n_spans, 1);
    assert_string_equal(span_text(&s, 0), "tanker");
    free_snippet(&s);
}

static void lines_join(void **state)
{
    (void)state;
    const char text[] = "Operation United Front\n\nended with 102 arrests; Operation\nUnited "
                        "went on.";
    const char *const words[] = { "Operation", "United", "Front" };
    const double weight[] = { 1, 1, 1 };
    snippet s;
    write_snippet(&s, text, words, weight, 3, sizeof text);
    /* The whole text, each line break one space, no ellipsis. */
    assert_string_equal(s.out.data,
                        "Operation United Front ended with 102 arrests; Operation United went on.");
    assert_int_equal(s.n_spans, 5);
    assert_string_equal(span_text(&s, 2), "Front");
    assert_string_equal(span_text(&s, 4), "United");
    free_snippet(&s);
}

static void whole_text_when_it_fits(void **state)
{
    (void)state;
    /* A title: the match at its end, the passage still from its start. */
    const char text[] = "Hikers rescued from Ridge Peak after night in freezing fog";
    const char *const words[] = { "fog" };
    const double weight[] = { 1 };
    snippet s;
    write_snippet(&s, text, words, weight, 1, sizeof text - 1);
    assert_string_equal(s.out.data, text);
    assert_int_equal(s.n_spans, 1);
    assert_int_equal(s.spans[0].start, sizeof text - 4);
    free_snippet(&s);
}

static void lead_in_without_a_sentence_start(void **state)
{
    (void)state;
    /* One long sentence: the passage starts a few words before the match. */
    const char text[] = "a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff "
                        "gg hh ii jj kk ll mm nn oo pp qq rr ss tt uu vv ww xx yy zz target "
                        "word here and then some more words to follow it along";
    const char *const words[] = { "target" };
    const double weight[] = { 1 };
    snippet s;
    write_snippet(&s, text, words, weight, 1, 60);
    assert_memory_equal(s.out.data, ELLIPSIS, 3);
    const char *hit = strstr(s.out.data, "target");
    assert_non_null(hit);
    /* Some words of lead-in, fewer than the room after. */
    size_t before = (size_t)(hit - s.out.data) - 3;
    assert_true(before > 0 && before <= 15);
    assert_int_equal(s.n_spans, 1);
    assert_int_equal(s.spans[0].start, (size_t)(hit - s.out.data));
    free_snippet(&s);
}

static void long_word_and_white_space(void **state)
{
    (void)state;
    const char *const words[] = { "zzz" };
    const double weight[] = { 1 };
    snippet s;
    /* No space to end at: the passage ends inside the word. */
    write_snippet(&s, "https://example.com/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa then text",
                  words, weight, 1, 40);
    assert_string_equal(s.out.data, "https://example.com/aaaaaaaaaaaaaaaaaaaa" ELLIPSIS);
    free_snippet(&s);
    /* A word that holds the last match, cut by the length, is whole. */
    const char *const windows[] = { "Windows" };
    write_snippet(&s, "Optionale Windows-Updates: dann weiter", windows, weight, 1, 20);
    assert_string_equal(s.out.data, "Optionale Windows-Updates:" ELLIPSIS);
    free_snippet(&s);
    /* White space runs become one space; trailing space is not text left out. */
    write_snippet(&s, "alpha \t beta\n\n\tgamma   ", words, weight, 1, 25);
    assert_string_equal(s.out.data, "alpha beta gamma");
    free_snippet(&s);
}

/* Words and the single spaces between them are copied in one stretch;
 * other white space, and a space before a match, one at a time: the same
 * passage either way. */
static void spaces_between_words_and_matches(void **state)
{
    (void)state;
    const char text[] = "Ferry crews  said little;\t\ncrews \nagreed, ferry crews end.";
    const char *const words[] = { "crews" };
    const double weight[] = { 1 };
    snippet s;
    write_snippet(&s, text, words, weight, 1, sizeof text);
    assert_string_equal(s.out.data, "Ferry crews said little; crews agreed, ferry crews end.");
    assert_int_equal(s.n_spans, 3);
    assert_int_equal(s.spans[0].start, 6);
    assert_int_equal(s.spans[1].start, 25);
    assert_int_equal(s.spans[2].start, 45);
    for (size_t i = 0; i < s.n_spans; i++)
        assert_string_equal(span_text(&s, i), "crews");
    free_snippet(&s);
}

static void scripts_without_spaces_cut_between_words(void **state)
{
    (void)state;
    snippet s;
    const double weight[] = { 1 };
    /* Thai: "government announces new measures to help farmers".  Cut at
     * 66 bytes, the passage would end before the tone mark of ใหม่ (new),
     * a syllable without it; it ends after the word before. */
    const char *const government[] = { "รัฐบาล" };
    write_snippet(&s, "รัฐบาลประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกร", government, weight, 1, 66);
    assert_string_equal(s.out.data, "รัฐบาลประกาศมาตรการ" ELLIPSIS);
    free_snippet(&s);
    /* Its lead-in starts with a word, not inside ช่วยเหลือ (help), three
     * letters before the match. */
    const char run[] = "ประกาศมาตรการใหม่เพื่อช่วยเหลือรัฐบาลประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกร";
    size_t at = strstr(run, "รัฐบาล") - run;
    tw_match m = { at, at + strlen("รัฐบาล"), 0 };
    memset(&s, 0, sizeof s);
    assert_int_equal(tw_snippet_write(run, strlen(run), false, false, &m, 1, weight, 1, 60,
                                      &s.out, &s.spans, &s.n_spans),
                     0);
    assert_memory_equal(s.out.data, ELLIPSIS "รัฐบาล", strlen(ELLIPSIS "รัฐบาล"));
    free_snippet(&s);
    /* An emoji of several (a family: four joined by zero-width joiners)
     * stays whole or goes whole. */
    const char *const typhoon[] = { "台風" };
    write_snippet(&s, "台風\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
                      "\xf0\x9f\x91\xa7家族連れの観光客", typhoon, weight, 1, 13);
    assert_string_equal(s.out.data, "台風" ELLIPSIS);
    free_snippet(&s);
}

static void no_rule_or_bullet_at_either_end(void **state)
{
    (void)state;
    const double weight[] = { 1 };
    snippet s;
    /* The rule under a plain-text title opened the snippets of every
     * documentation file that kept it; it is not text left out. */
    const char *const port[] = { "port" };
    write_snippet(&s, "==========\n\nThe switch has a third port for the host.\n\n----------",
                  port, weight, 1, 200);
    assert_string_equal(s.out.data, "The switch has a third port for the host.");
    assert_int_equal(s.n_spans, 1);
    assert_string_equal(span_text(&s, 0), "port");
    free_snippet(&s);
    /* Nor the dash after a dateline that the lead-in reaches, a list's
     * bullet, or a dash where the length ends it. */
    const char *const filed[] = { "filed" };
    write_snippet(&s, "FROM THE CITIES OF NEW YORK AND LOS ANGELES, March 3 - Fargo Co filed a shelf "
                      "registration for debt", filed, weight, 1, 53);
    assert_string_equal(s.out.data, ELLIPSIS "Fargo Co filed a shelf registration for debt");
    assert_string_equal(span_text(&s, 0), "filed");
    free_snippet(&s);
    write_snippet(&s, "Some advice on the list follows here for all of you.\n\n"
                      "- Do not go - nobody filed them all. - Ask questions",
                  filed, weight, 1, 38);
    assert_string_equal(s.out.data, ELLIPSIS "Do not go - nobody filed them all." ELLIPSIS);
    free_snippet(&s);
}

/* TEXT repeated to N bytes or a little more, in BUF. */
static const char *repeated(char *buf, size_t n, const char *text)
{
    buf[0] = '\0';
    while (strlen(buf) < n)
        strcat(buf, text);
    return buf;
}

static void length_in_columns_of_any_script(void **state)
{
    (void)state;
    char buf[1200];
    /* ASCII: a byte a column, whatever else. */
    assert_int_equal(tw_snippet_bytes(repeated(buf, 1000, "the ferry left "), 1000, 200), 200);
    assert_int_equal(tw_snippet_bytes("", 0, 200), 200);
    /* Cyrillic letters are two bytes each, a Chinese character three for two
     * columns, a Thai consonant with its tone mark six for one. */
    const char *ru = repeated(buf, 600, "\xd0\xb1\xd0\xb0\xd0\xbd\xd0\xba");  /* банк */
    assert_int_equal(tw_snippet_bytes(ru, strlen(ru), 200), 400);
    const char *zh = repeated(buf, 600, "\xe9\x93\xb6\xe8\xa1\x8c");  /* 银行 */
    assert_int_equal(tw_snippet_bytes(zh, strlen(zh), 200), 300);
    const char *th = repeated(buf, 600, "\xe0\xb8\x81\xe0\xb9\x88");  /* ก่ */
    assert_int_equal(tw_snippet_bytes(th, strlen(th), 200), 1200);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_match_gives_the_start),
        cmocka_unit_test(passage_with_most_words_wins),
        cmocka_unit_test(rare_word_outweighs_a_common_one),
        cmocka_unit_test(lines_join),
        cmocka_unit_test(whole_text_when_it_fits),
        cmocka_unit_test(lead_in_without_a_sentence_start),
        cmocka_unit_test(long_word_and_white_space),
        cmocka_unit_test(spaces_between_words_and_matches),
        cmocka_unit_test(scripts_without_spaces_cut_between_words),
        cmocka_unit_test(no_rule_or_bullet_at_either_end),
        cmocka_unit_test(length_in_columns_of_any_script),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
