/* Unit tests: which links lead a reader to a site's channels (its profiles
 * on social networks, a button that shares the page, an address to write
 * to), as the article finder reads a call to follow under a story. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "formats/link_kind.h"

/* A profile: the network's host (any subdomain) and one part of a path, or
 * the two-part profiles of YouTube and LinkedIn. */
static void profiles_are_channels(void **state)
{
    (void)state;
    assert_true(tw_link_to_channel("https://t.me/harbourtimes"));
    assert_true(tw_link_to_channel("https://www.instagram.com/harbourtimes/"));
    assert_true(tw_link_to_channel("https://instagram.com/harbourtimes/?hl=es"));
    assert_true(tw_link_to_channel("http://de-de.facebook.com/HarbourTimes"));
    assert_true(tw_link_to_channel("https://x.com/@harbour"));
    assert_true(tw_link_to_channel("https://www.youtube.com/c/HarbourTimes"));
    assert_true(tw_link_to_channel("https://www.youtube.com/channel/UC123/"));
    assert_true(tw_link_to_channel("https://de.linkedin.com/company/harbour-times"));
    assert_true(tw_link_to_channel("  https://twitter.com/harbour#top"));
}

/* A post, a video, a search or the network's home page is what a story
 * cites or points at, not the site's channel. */
static void posts_are_not(void **state)
{
    (void)state;
    assert_false(tw_link_to_channel("https://twitter.com/harbour/status/1455512589295816707"));
    assert_false(tw_link_to_channel("https://www.instagram.com/p/CXl2abc/"));
    assert_false(tw_link_to_channel("https://www.youtube.com/watch?v=abc"));
    assert_false(tw_link_to_channel("https://www.facebook.com/harbour/posts/123"));
    assert_false(tw_link_to_channel("https://www.tiktok.com/@harbour/video/7"));
    assert_false(tw_link_to_channel("https://www.facebook.com/"));
    assert_false(tw_link_to_channel("https://www.youtube.com/c/HarbourTimes/videos/old"));
}

/* Other sites are not networks, whatever their names hold: a host ending
 * in a network's name without a dot before it, a site's own page. */
static void other_sites_are_not(void **state)
{
    (void)state;
    assert_false(tw_link_to_channel("https://www.harbourtimes.example/port/dredging"));
    assert_false(tw_link_to_channel("https://notfacebook.com/harbour"));
    assert_false(tw_link_to_channel("/about-us"));
    assert_false(tw_link_to_channel("https://example.com/shareholders"));
    assert_false(tw_link_to_channel(""));
}

/* Buttons that share the page, on any site or a network's own, and the
 * schemes that write a letter or a message. */
static void share_buttons_and_letters_are(void **state)
{
    (void)state;
    assert_true(tw_link_to_channel("https://www.facebook.com/sharer.php?u=https://example.com/a"));
    assert_true(tw_link_to_channel("https://www.facebook.com/sharer/sharer.php?u=https://ex.com/a"));
    assert_true(tw_link_to_channel("https://plus.google.com/share?url=https://example.com/a"));
    assert_true(tw_link_to_channel("https://twitter.com/intent/tweet?text=a&url=https://ex.com"));
    assert_true(tw_link_to_channel("https://api.whatsapp.com/send?text=https://ex.com/a"));
    assert_true(tw_link_to_channel("https://www.linkedin.com/shareArticle?mini=true&url=x"));
    assert_true(tw_link_to_channel("whatsapp://send?text=Harbour"));
    assert_true(tw_link_to_channel("mailto:news@harbourtimes.example"));
    assert_true(tw_link_to_channel("MAILTO:news@harbourtimes.example"));
}

/* The address in an archive's copy is read, not the archive's; the page a
 * button shares, named in its query, is not taken for the button's host. */
static void the_address_that_counts(void **state)
{
    (void)state;
    assert_true(tw_link_to_channel("https://web.archive.org/web/2021/https://t.me/harbour"));
    assert_false(tw_link_to_channel(
        "https://web.archive.org/web/2021/https://harbour.example/?ref=https://t.me/x"));
    assert_false(tw_link_to_channel("https://harbour.example/go?to=https://t.me/harbour"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(profiles_are_channels),
        cmocka_unit_test(posts_are_not),
        cmocka_unit_test(other_sites_are_not),
        cmocka_unit_test(share_buttons_and_letters_are),
        cmocka_unit_test(the_address_that_counts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
