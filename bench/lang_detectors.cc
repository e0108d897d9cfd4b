// lang_detectors.cc - the two language detectors Debian packages, side by side,
// for bench/lang_eval.py: reads texts separated by NUL bytes on stdin and
// prints, for each, one line "CLD2<TAB>TEXTCAT" of ISO 639-1 codes ("-" for
// no answer).  Benchmark only: trawl links the one chosen (bench/RESULTS.md).
//
// Usage: lang_detectors [TEXTCAT_CONF [TEXTCAT_DIR]]
//   (default /usr/share/libexttextcat/fpdb.conf, models beside it)
#include <cstdio>   // before CLD2's header, which uses FILE without it

#include <cld2/public/compact_lang_det.h>
#include <libexttextcat/textcat.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <iterator>
#include <string>

// "zh-Hant" -> "zh", "un" (CLD2's unknown) -> "-".
static std::string two_letters(const std::string &code)
{
    std::string c = code.substr(0, code.find_first_of("-_"));
    if (c.empty() || c == "un" || c == "xx")
        return "-";
    return c;
}

static std::string cld2(const std::string &text)
{
    bool reliable = false;
    CLD2::Language lang = CLD2::DetectLanguage(text.data(), (int)text.size(), true, &reliable);
    return reliable ? two_letters(CLD2::LanguageCode(lang)) : "-";
}

// textcat answers "[de--utf8][nl--utf8]", "SHORT" or "UNKNOWN": the first
// guess, or none when it has several it cannot tell apart.
static std::string textcat(void *tc, const std::string &text)
{
    const char *out = textcat_Classify(tc, text.data(), text.size());
    if (!out || out[0] != '[')
        return "-";
    const char *end = strchr(out, ']');
    if (!end || end[1] == '[')
        return "-";
    return two_letters(std::string(out + 1, end));
}

int main(int argc, char **argv)
{
    const char *conf = argc > 1 ? argv[1] : "/usr/share/libexttextcat/fpdb.conf";
    const char *dir = argc > 2 ? argv[2] : "/usr/share/libexttextcat/";
    void *tc = special_textcat_Init(conf, dir);
    if (!tc) {
        fprintf(stderr, "lang_detectors: cannot load textcat models from %s (%s)\n", conf, dir);
        return 2;
    }
    std::string all((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    size_t at = 0;
    while (at < all.size()) {
        size_t end = all.find('\0', at);
        if (end == std::string::npos)
            end = all.size();
        std::string text = all.substr(at, end - at);
        std::cout << cld2(text) << '\t' << textcat(tc, text) << '\n';
        at = end + 1;
    }
    textcat_Done(tc);
    return 0;
}
