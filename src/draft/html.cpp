// HTML read as text (text.hpp): what a browser shows, as lines.

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "text.hpp"

namespace bilateral::draft {
namespace {

/// The named entities articles use; others are kept as written.
constexpr std::array<std::pair<std::string_view, char32_t>, 48> kEntities{{
    {"amp", U'&'},         {"lt", U'<'},          {"gt", U'>'},          {"quot", U'"'},
    {"apos", U'\''},       {"nbsp", U' '},        {"rsquo", U'\u2019'},  {"lsquo", U'\u2018'},
    {"rdquo", U'\u201D'},  {"ldquo", U'\u201C'},  {"ndash", U'\u2013'},  {"mdash", U'\u2014'},
    {"hellip", U'\u2026'}, {"laquo", U'\u00AB'},  {"raquo", U'\u00BB'},  {"deg", U'\u00B0'},
    {"ordm", U'\u00BA'},   {"ordf", U'\u00AA'},   {"euro", U'\u20AC'},   {"copy", U'\u00A9'},
    {"middot", U'\u00B7'}, {"bull", U'\u2022'},   {"shy", U'\u00AD'},    {"agrave", U'\u00E0'},
    {"aacute", U'\u00E1'}, {"egrave", U'\u00E8'}, {"eacute", U'\u00E9'}, {"igrave", U'\u00EC'},
    {"iacute", U'\u00ED'}, {"ograve", U'\u00F2'}, {"oacute", U'\u00F3'}, {"ugrave", U'\u00F9'},
    {"uacute", U'\u00FA'}, {"Agrave", U'\u00C0'}, {"Egrave", U'\u00C8'}, {"Eacute", U'\u00C9'},
    {"Igrave", U'\u00CC'}, {"Ograve", U'\u00D2'}, {"Ugrave", U'\u00D9'}, {"ccedil", U'\u00E7'},
    {"uuml", U'\u00FC'},   {"ouml", U'\u00F6'},   {"auml", U'\u00E4'},   {"szlig", U'\u00DF'},
    {"ntilde", U'\u00F1'}, {"thinsp", U'\u2009'}, {"ensp", U'\u2002'},   {"emsp", U'\u2003'},
}};

constexpr std::array<std::string_view, 24> kBlockTags{
    "p",       "div",     "br",         "li",     "ul",     "ol",    "h1",         "h2",
    "h3",      "h4",      "h5",         "h6",     "tr",     "td",    "th",         "title",
    "section", "article", "blockquote", "header", "footer", "table", "figcaption", "hr"};
constexpr std::array<std::string_view, 4> kHiddenTags{"script", "style", "noscript", "template"};

std::string lowerAscii(std::u32string_view s) {
    std::string out;
    for (const char32_t c : s) {
        out.push_back(c < 0x80 ? static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c) : '?');
    }
    return out;
}

/// The entity at html[i] ('&'), decoded; `i` is moved past it. Unknown: '&' alone.
char32_t entityAt(std::u32string_view html, std::size_t& i) {
    const auto semi = html.find(U';', i);
    if (semi == std::u32string_view::npos || semi - i > 10) {
        ++i;
        return U'&';
    }
    const auto body = html.substr(i + 1, semi - i - 1);
    if (!body.empty() && body[0] == U'#') {
        const bool hex = body.size() > 1 && (body[1] == U'x' || body[1] == U'X');
        const std::string digits = lowerAscii(body.substr(hex ? 2 : 1));
        try {
            const unsigned long v = std::stoul(digits, nullptr, hex ? 16 : 10);
            if (v > 0 && v <= 0x10FFFF) {
                i = semi + 1;
                return static_cast<char32_t>(v);
            }
        } catch (...) {
        }
        ++i;
        return U'&';
    }
    const std::string name = toUtf8(body);
    for (const auto& [n, c] : kEntities) {
        if (n == name) {
            i = semi + 1;
            return c;
        }
    }
    ++i;
    return U'&';
}

/// The tag's name, lower case, without '/'.
std::string tagName(std::u32string_view tag) {
    std::size_t k = 0;
    while (k < tag.size() && (tag[k] == U'/' || isSpace(tag[k]))) ++k;
    std::size_t e = k;
    while (e < tag.size() && (isLetter(tag[e]) || isDigit(tag[e]))) ++e;
    return lowerAscii(tag.substr(k, e - k));
}

template <std::size_t N>
bool oneOf(const std::array<std::string_view, N>& list, std::string_view name) {
    for (const auto n : list) {
        if (n == name) return true;
    }
    return false;
}

/// Appends `c`, folding white space as a browser does: runs become one space, none at a line's
/// start, and line ends only from blocks.
void put(std::u32string& out, char32_t c) {
    if (isSpace(c) || c == U'\u00A0') {
        if (!out.empty() && out.back() != U' ' && out.back() != U'\n') out.push_back(U' ');
        return;
    }
    out.push_back(c);
}

void endLine(std::u32string& out) {
    while (!out.empty() && out.back() == U' ') out.pop_back();
    if (!out.empty() && out.back() != U'\n') out.push_back(U'\n');
}

}  // namespace

std::u32string htmlToText(std::u32string_view html) {
    std::u32string out;
    std::size_t i = 0;
    while (i < html.size()) {
        const char32_t c = html[i];
        if (c == U'&') {
            put(out, entityAt(html, i));
            continue;
        }
        if (c != U'<') {
            put(out, c);
            ++i;
            continue;
        }
        if (html.substr(i, 4) == U"<!--") {
            const auto end = html.find(U"-->", i + 4);
            i = end == std::u32string_view::npos ? html.size() : end + 3;
            continue;
        }
        const auto close = html.find(U'>', i);
        if (close == std::u32string_view::npos) break;
        const std::string name = tagName(html.substr(i + 1, close - i - 1));
        const bool closing = i + 1 < html.size() && html[i + 1] == U'/';
        i = close + 1;
        if (!closing && oneOf(kHiddenTags, name)) {
            const auto end = html.find(U"</", i);
            i = end == std::u32string_view::npos ? html.size() : end;
            continue;
        }
        if (oneOf(kBlockTags, name)) endLine(out);
    }
    endLine(out);
    return out;
}

}  // namespace bilateral::draft
