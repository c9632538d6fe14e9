#pragma once
// The hostile strings every reliability test feeds through ids, names and free text.

#include <string>
#include <vector>

namespace reliability {

inline std::vector<std::string> hostileStrings() {
    using namespace std::string_literals;
    return {
        "it's",
        "say \"hi\"",
        "semi;colon; DROP TABLE actor;--",
        "x'); DROP TABLE actor; --",
        "\" OR 1=1 --",
        "' OR '1'='1",
        "100% _like_ %s %n %x",
        "back\\slash\\",
        "nul\0in the middle"s,
        "\0leading nul"s,
        "trailing nul\0"s,
        "rtl \u202Ekcatta\u202C and \u200F mark \u061C",
        "zero\u200Bwidth \uFEFF bom",
        "tab\tnew\nline\rcr",
        "<tag attr='1'>&amp; &lt; ]]> <!-- -->",
        "{\"json\": [1, 2]} \\u0000",
        "emoji \U0001F600 and \u00E9\u0301",
        "NEAR(a b) AND \"fts\" OR x* ^y",
        "~0~1/a/b",
        "$(touch /tmp/pwned) `id`",
        "\x7f\x01\x1f control",
        "   ",
    };
}

}  // namespace reliability
