// draftArticle: the steps of analysis.hpp in order, then the document.

#include <algorithm>
#include <filesystem>

#include "analysis.hpp"
#include "assemble.hpp"
#include "text.hpp"

namespace bilateral::draft {

std::string_view toString(Language language) noexcept {
    return language == Language::Italian ? "it" : "en";
}

std::optional<Language> parseLanguage(std::string_view text) noexcept {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "en" || lower == "english") return Language::English;
    if (lower == "it" || lower == "italian" || lower == "italiano") return Language::Italian;
    return std::nullopt;
}

bool looksLikeHtml(std::string_view bytes) noexcept {
    const auto head = bytes.substr(0, 2048);
    std::string lower(head);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* tag : {"<!doctype html", "<html", "<body", "<p>", "<p ", "<div", "<br"}) {
        if (lower.find(tag) != std::string::npos) return true;
    }
    return false;
}

std::u32string articleText(std::string_view bytes, bool html) {
    auto text = decodeUtf8(bytes);
    return html ? htmlToText(text) : text;
}

namespace {

Language detectLanguage(const Analysis& a) {
    int en = 0, it = 0;
    for (const auto& t : a.tokens) {
        if (t.is("the") || t.is("of") || t.is("and") || t.is("is") || t.is("was") || t.is("with") ||
            t.is("to")) {
            ++en;
        }
        if (t.is("il") || t.is("della") || t.is("che") || t.is("del") || t.is("e") || t.is("di") ||
            t.is("per") || t.is("con") || t.is("è")) {
            ++it;
        }
    }
    return it > en ? Language::Italian : Language::English;
}

/// A line that is only a date ("7 March 2025" under a press release) dates the article.
void publishedFromDateLine(Analysis& a) {
    for (auto it = a.dates.rbegin(); it != a.dates.rend(); ++it) {
        if (!it->standalone) continue;
        const auto r = resolveDate(*it, std::nullopt, false);
        if (!r.start) continue;
        a.published = r.start;
        a.publishedWhy = "the date line \"" + a.writtenUtf8(it->range) + "\"";
        return;
    }
}

std::string firstLine(const std::u32string& text) {
    const auto start = text.find_first_not_of(U" \t\r\n");
    if (start == std::u32string::npos) return "Untitled article";
    auto end = text.find(U'\n', start);
    if (end == std::u32string::npos) end = text.size();
    auto line = text.substr(start, std::min<std::size_t>(end - start, 200));
    while (!line.empty() && isSpace(line.back())) line.pop_back();
    return toUtf8(line);
}

model::Source sourceFor(const Analysis& a, const DraftOptions& o) {
    model::Source s;
    const std::string stem = std::filesystem::path(o.fileName).stem().string();
    s.id = !o.sourceId.empty() ? o.sourceId
                               : "source/" + (stem.empty() ? std::string("article") : slug(stem));
    s.title = !o.title.empty() ? o.title : firstLine(a.text);
    s.kind = "article";
    s.published = a.published;
    if (!o.fileName.empty() && !o.html)
        s.file = std::filesystem::path(o.fileName).filename().string();
    return s;
}

}  // namespace

Draft draftArticle(std::string_view bytes, const DraftOptions& options, GraphNames* names) {
    const Tables& tables = Tables::get();
    Analysis a(tables);
    a.text = decodeUtf8(bytes, options.fileName.empty() ? "article" : options.fileName);
    if (options.html) a.text = htmlToText(a.text);
    a.tokens = tokenize(a.text);
    a.sentences = sentences(a.tokens, tables.abbreviations);
    a.language = options.language.value_or(detectLanguage(a));
    a.published = options.published;
    scanSentences(a);
    findOffices(a);
    findDates(a);
    if (!a.published) publishedFromDateLine(a);
    if (a.home.empty() && a.language == Language::Italian) {
        a.home = "ITA";
        a.homeWhy = "the article is written in Italian";
    }
    findPersons(a);
    findOrgs(a);
    buildEvents(a);
    assignParts(a);
    settleEvents(a);
    finishCountries(a);

    Draft d;
    d.language = a.language;
    d.source = sourceFor(a, options);
    if (names) d.sourceInGraph = names->hasSource(d.source.id);
    if (!options.published && a.published) {
        d.notes.push_back("published " + a.published->toString() + ", taken from " +
                          a.publishedWhy);
    }
    d.notes.insert(d.notes.end(), a.notes.begin(), a.notes.end());
    assemble(a, d, names);
    return d;
}

}  // namespace bilateral::draft
