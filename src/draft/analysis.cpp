#include "analysis.hpp"

#include <algorithm>

#include "text.hpp"

namespace bilateral::draft {

Range cover(Range a, Range b) noexcept {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return {std::min(a.first, b.first), std::max(a.last, b.last)};
}

std::u32string Analysis::written(Range r) const {
    if (r.empty()) return {};
    const auto from = static_cast<std::size_t>(tokens[static_cast<std::size_t>(r.first)].start);
    const auto to = static_cast<std::size_t>(tokens[static_cast<std::size_t>(r.last - 1)].end);
    return text.substr(from, to - from);
}

std::string Analysis::writtenUtf8(Range r) const {
    return toUtf8(written(r));
}

int Analysis::sentenceIndex(int token) const {
    const auto it = std::upper_bound(sentences.begin(), sentences.end(), token,
                                     [](int t, const Sentence& s) { return t < s.last; });
    return it == sentences.end() ? static_cast<int>(sentences.size()) - 1
                                 : static_cast<int>(it - sentences.begin());
}

const Sentence& Analysis::sentenceOf(int token) const {
    return sentences[static_cast<std::size_t>(sentenceIndex(token))];
}

int Analysis::personAt(int t) const {
    for (std::size_t i = 0; i < persons.size(); ++i) {
        if (persons[i].range.contains(t)) return static_cast<int>(i);
    }
    return -1;
}

bool foldIs(const Analysis& a, int token, std::initializer_list<std::string_view> folds) {
    if (token < 0 || token >= static_cast<int>(a.tokens.size())) return false;
    const auto& f = a.tokens[static_cast<std::size_t>(token)].fold;
    return std::find(folds.begin(), folds.end(), f) != folds.end();
}

std::string Post::name(const Tables& tables) const {
    std::string out = office;
    // "Minister of Enterprises and Made in Italy" names its country already.
    const auto* c = tables.country(country);
    if (c && office.find(c->name) == std::string::npos) out += " of " + c->name;
    if (const auto* to = tables.country(toCountry)) out += " to " + to->name;
    return out;
}

}  // namespace bilateral::draft
