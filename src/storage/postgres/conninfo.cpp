#include "storage/postgres/conninfo.hpp"

#include <algorithm>
#include <cctype>

namespace bilateral::storage::postgres {
namespace {

constexpr std::string_view kMask = "***";

bool startsWith(std::string_view s, std::string_view prefix) noexcept {
    return s.substr(0, prefix.size()) == prefix;
}

int hexValue(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percentDecoded(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            const int hi = hexValue(s[i + 1]), lo = hexValue(s[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

/// Where a part of the text holds a password: [begin, end).
struct Span {
    std::size_t begin, end;
};

/// The password spans of a URI: `user:PASSWORD@` and `password=VALUE` query parameters.
void uriSpans(std::string_view s, std::vector<Span>& out) {
    const auto scheme = s.find("://");
    const auto query = s.find('?', scheme + 3);
    const auto authorityEnd = query == std::string_view::npos ? s.size() : query;
    // The last '@' before the query ends the user part: a conservative reading (libpq stops at
    // the first '/', but an unencoded '/' in a password must not leak either).
    const auto at = s.substr(0, authorityEnd).rfind('@');
    if (at != std::string_view::npos && at > scheme + 3) {
        const auto colon = s.substr(scheme + 3, at - scheme - 3).find(':');
        if (colon != std::string_view::npos) out.push_back({scheme + 3 + colon + 1, at});
    }
    if (query == std::string_view::npos) return;
    std::size_t p = query + 1;
    while (p <= s.size()) {
        auto amp = s.find('&', p);
        if (amp == std::string_view::npos) amp = s.size();
        const auto param = s.substr(p, amp - p);
        if (startsWith(param, "password=")) out.push_back({p + 9, amp});
        p = amp + 1;
    }
}

/// The password spans of libpq's `key = value` form (values plain or single-quoted).
void keywordSpans(std::string_view s, std::vector<Span>& out) {
    std::size_t p = 0;
    const auto skipSpace = [&] {
        while (p < s.size() && std::isspace(static_cast<unsigned char>(s[p]))) ++p;
    };
    while (p < s.size()) {
        skipSpace();
        const auto keyBegin = p;
        while (p < s.size() && s[p] != '=' && !std::isspace(static_cast<unsigned char>(s[p]))) ++p;
        const auto key = s.substr(keyBegin, p - keyBegin);
        skipSpace();
        if (p < s.size() && s[p] == '=') ++p;
        skipSpace();
        const auto valueBegin = p;
        if (p < s.size() && s[p] == '\'') {
            for (++p; p < s.size() && s[p] != '\''; ++p) {
                if (s[p] == '\\' && p + 1 < s.size()) ++p;
            }
            if (p < s.size()) ++p;
        } else {
            while (p < s.size() && !std::isspace(static_cast<unsigned char>(s[p]))) {
                if (s[p] == '\\' && p + 1 < s.size()) ++p;
                ++p;
            }
        }
        if (key == "password") out.push_back({valueBegin, p});
        if (p == keyBegin) ++p;  // never stuck
    }
}

std::vector<Span> passwordSpans(std::string_view s) {
    std::vector<Span> spans;
    if (isServerUrl(s))
        uriSpans(s, spans);
    else
        keywordSpans(s, spans);
    return spans;
}

}  // namespace

bool isServerUrl(std::string_view text) noexcept {
    return startsWith(text, "postgresql://") || startsWith(text, "postgres://");
}

std::string redactUrl(std::string_view conninfo) {
    std::string out;
    std::size_t from = 0;
    for (const auto& span : passwordSpans(conninfo)) {
        out.append(conninfo.substr(from, span.begin - from));
        out.append(kMask);
        from = span.end;
    }
    out.append(conninfo.substr(from));
    return out;
}

std::vector<std::string> passwordsIn(std::string_view conninfo) {
    std::vector<std::string> out;
    for (const auto& span : passwordSpans(conninfo)) {
        std::string raw(conninfo.substr(span.begin, span.end - span.begin));
        if (raw.size() >= 2 && raw.front() == '\'' && raw.back() == '\'') {
            std::string unquoted;
            for (std::size_t i = 1; i + 1 < raw.size(); ++i) {
                if (raw[i] == '\\' && i + 2 < raw.size()) ++i;
                unquoted += raw[i];
            }
            out.push_back(unquoted);
        }
        out.push_back(percentDecoded(raw));
        out.push_back(std::move(raw));
    }
    std::erase_if(out, [](const std::string& s) { return s.empty(); });
    return out;
}

std::string scrub(std::string message, std::span<const std::string> secrets) {
    // Longest first, so that a secret containing another is masked whole.
    std::vector<std::string_view> sorted(secrets.begin(), secrets.end());
    std::sort(sorted.begin(), sorted.end(),
              [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
    for (const auto secret : sorted) {
        if (secret.empty()) continue;
        for (auto at = message.find(secret); at != std::string::npos;
             at = message.find(secret, at + kMask.size())) {
            message.replace(at, secret.size(), kMask);
        }
    }
    return message;
}

std::string quoteConninfoValue(std::string_view text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    return out + "'";
}

}  // namespace bilateral::storage::postgres
