// Dates as articles write them ("July 2–3", "dal 1° al 3 luglio", "on Thursday", "ieri (2
// luglio)", "next year"), as written; resolve_date.cpp resolves them.

#include <chrono>

#include "analysis.hpp"
#include "text.hpp"

namespace bilateral::draft {
namespace {

using Kind = DateMention::Kind;

struct Reader {
    Analysis& a;
    int end;

    [[nodiscard]] const Token* at(int i) const {
        return i < end ? &a.tokens[static_cast<std::size_t>(i)] : nullptr;
    }
    [[nodiscard]] bool is(int i, std::initializer_list<std::string_view> folds) const {
        return i < end && foldIs(a, i, folds);
    }
    /// A day of the month: 1-31, "1°" counts as one token more.
    [[nodiscard]] int day(int& i) const {
        const Token* t = at(i);
        if (!t || t->type != TokenType::Number || t->value < 1 || t->value > 31) return 0;
        if (t->fold.size() > 4) return 0;
        ++i;
        if (is(i, {"\u00b0", "\u00ba"})) ++i;
        return t->value;
    }
    [[nodiscard]] int year(int& i) const {
        const Token* t = at(i);
        if (!t || t->type != TokenType::Number || t->fold.size() != 4) return 0;
        if (t->value < 1900 || t->value > 2100) return 0;
        ++i;
        return t->value;
    }
    [[nodiscard]] int lex(int& i, Lex type) const {
        const auto m = a.tables.match(a.tokens, i, end, a.language, {type});
        if (!m) return 0;
        i += m->length;
        return m->entries.front().value;
    }
    [[nodiscard]] int month(int& i) const { return lex(i, Lex::Month); }
    /// A dash or a word joining the ends of a range.
    [[nodiscard]] bool joiner(int& i) const {
        if (!is(i, {"-", "to", "al", "all'", "and", "e", "&", "until", "till", "through"})) {
            return false;
        }
        ++i;
        return true;
    }
    /// ", 2025" or " 2025" after a day-month date.
    [[nodiscard]] int yearAfter(int& i) const {
        int k = i;
        if (is(k, {","})) ++k;
        const int y = year(k);
        if (y) i = k;
        return y;
    }
};

/// Day first: "2 July", "2–3 July", "dal 1° al 3 luglio", "from 5 to 7 March 2025",
/// "from 30 June to 2 July".
bool dayFirst(const Reader& r, int& i, DateMention& d) {
    int k = i;
    const bool from = r.is(k, {"from", "dal", "da", "between", "tra", "fra"});
    if (from) ++k;
    d.day = r.day(k);
    if (!d.day) return false;
    int k2 = k;
    if (r.joiner(k2)) {
        int k3 = k2;
        const int second = r.day(k3);
        if (second) {
            int k4 = k3;
            const int m2 = r.month(k4);
            if (m2) {  // "2–3 July" or "30 June to 2 July" (below)
                d.endDay = second;
                d.endMonth = m2;
                d.month = m2;
                k = k4;
                d.endYear = r.yearAfter(k);
                d.year = d.endYear;
                i = k;
                return true;
            }
        }
    }
    d.month = r.month(k);
    if (!d.month) return false;
    d.year = r.yearAfter(k);
    int k5 = k;
    if (r.joiner(k5)) {
        int k6 = k5;
        const int second = r.day(k6);
        const int m2 = second ? r.month(k6) : 0;
        if (m2) {
            d.endDay = second;
            d.endMonth = m2;
            d.endYear = r.yearAfter(k6);
            if (!d.year) d.year = d.endYear;
            k = k6;
        }
    }
    i = k;
    return true;
}

/// Month first: "July 2", "July 2–3, 2025", "from July 1 to 3", "December 12".
bool monthFirst(const Reader& r, int& i, DateMention& d) {
    int k = i;
    if (r.is(k, {"from", "between"})) ++k;
    d.month = r.month(k);
    if (!d.month) return false;
    d.day = r.day(k);
    if (!d.day) {
        d.month = 0;
        return false;
    }
    int k2 = k;
    if (r.joiner(k2)) {
        int k3 = k2;
        const int m2 = r.month(k3);
        const int second = r.day(k3);
        if (second) {
            d.endDay = second;
            d.endMonth = m2 ? m2 : d.month;
            k = k3;
        }
    }
    d.year = r.yearAfter(k);
    if (d.endDay) d.endYear = d.year;
    i = k;
    return true;
}

/// "March 2025", "nel maggio 2025", "in March", "a luglio".
bool monthOnly(const Reader& r, int& i, DateMention& d) {
    int k = i;
    const bool prep = r.is(k, {"in", "nel", "a", "ad", "during", "entro", "di", "early", "late"});
    if (prep) ++k;
    if (r.is(k, {"mese"}) && r.is(k + 1, {"di"})) k += 2;
    const int m = r.month(k);
    if (!m) return false;
    d.kind = Kind::Month;
    d.month = m;
    d.year = r.year(k);
    if (!d.year && !prep) return false;  // a bare "May" is not a date
    i = k;
    return true;
}

/// "in 2026", "nel 2026"; "since 2019", "dal 2019" (a since date); "2021–2025" (a period).
bool yearOnly(const Reader& r, int& i, DateMention& d) {
    int k = i;
    if (const int y = r.year(k); y && r.is(k, {"-"})) {
        int k2 = k + 1;
        if (const int y2 = r.year(k2); y2 > y) {
            d.kind = Kind::Year;
            d.year = y;
            d.endYear = y2;
            i = k2;
            return true;
        }
    }
    k = i;
    if (r.is(k, {"since", "dal", "from"})) {
        d.since = true;
    } else if (!r.is(k, {"in", "nel", "during", "entro", "by"})) {
        return false;
    }
    ++k;
    d.year = r.year(k);
    if (!d.year) return false;
    d.kind = Kind::Year;
    i = k;
    return true;
}

bool relative(const Reader& r, int& i, DateMention& d) {
    const auto m = r.a.tables.match(r.a.tokens, i, r.end, r.a.language,
                                    {Lex::RelDay, Lex::RelMonth, Lex::RelYear});
    if (!m) return false;
    const auto& e = m->entries.front();
    d.kind = e.type == Lex::RelDay     ? Kind::RelDay
             : e.type == Lex::RelMonth ? Kind::RelMonth
                                       : Kind::RelYear;
    d.offset = e.value;
    i += m->length;
    // "ieri (2 luglio)": the date in brackets says which day.
    if (r.is(i, {"("})) {
        int k = i + 1;
        DateMention inner;
        if ((dayFirst(r, k, inner) || monthFirst(r, k, inner)) && r.is(k, {")"})) {
            inner.kind = Kind::Day;
            d = inner;
            i = k + 1;
        }
    }
    return true;
}

/// A weekday, alone or before a date: "on Thursday", "giovedì 3 luglio", "Thursday, July 3".
bool weekday(const Reader& r, int& i, DateMention& d) {
    int k = i;
    const int w = r.lex(k, Lex::Weekday);
    if (!w) return false;
    int k2 = k;
    if (r.is(k2, {","})) ++k2;
    DateMention full;
    if (dayFirst(r, k2, full) || monthFirst(r, k2, full)) {
        d = full;
        i = k2;
        return true;
    }
    d.kind = Kind::Weekday;
    d.weekday = w;
    i = k;
    return true;
}

/// "December 12 last year", "il 5 maggio dell'anno prossimo".
void yearModifier(const Reader& r, int& i, DateMention& d) {
    const auto m = r.a.tables.match(r.a.tokens, i, r.end, r.a.language, {Lex::RelYear});
    if (!m || d.year) return;
    d.yearOffset = m->entries.front().value;
    i += m->length;
}

std::optional<DateMention> dateAt(const Reader& r, int& i) {
    DateMention d;
    int k = i;
    if (weekday(r, k, d) || relative(r, k, d) || dayFirst(r, k, d) || monthFirst(r, k, d) ||
        monthOnly(r, k, d) || yearOnly(r, k, d)) {
        if (d.kind == Kind::Day) yearModifier(r, k, d);
        d.range = {i, k};
        i = k;
        return d;
    }
    return std::nullopt;
}

/// "KUALA LUMPUR, Nov 15 —", "ROMA –": a first sentence opening with a place in capitals and a
/// dash. Returns the token after the dash, or -1.
int datelineEnd(const Analysis& a, const Sentence& s) {
    int k = s.first;
    while (k < s.last && a.tokens[static_cast<std::size_t>(k)].allCaps) ++k;
    if (k == s.first) return -1;
    for (int j = k; j < s.last && j < k + 6; ++j) {
        if (foldIs(a, j, {"-"})) return j + 1;
    }
    return -1;
}

void noteDateline(Analysis& a, const Sentence& s, int dashEnd) {
    const auto m =
        a.tables.match(a.tokens, s.first, dashEnd, a.language, {Lex::Place, Lex::Country});
    if (!m || !a.home.empty()) return;
    if (const auto* p = m->find(Lex::Place)) {
        a.home = a.tables.places[static_cast<std::size_t>(p->value)].country;
    } else {
        a.home = a.tables.countries[static_cast<std::size_t>(m->entries[0].value)].code;
    }
    a.homeWhy = "the dateline \"" + a.writtenUtf8({s.first, dashEnd - 1}) + "\"";
}

}  // namespace

void findDates(Analysis& a) {
    for (std::size_t s = 0; s < a.sentences.size(); ++s) {
        const auto& sen = a.sentences[s];
        const int dashEnd = s < 3 ? datelineEnd(a, sen) : -1;
        if (dashEnd > 0) noteDateline(a, sen, dashEnd);
        const Reader r{a, sen.last};
        for (int i = sen.first; i < sen.last;) {
            auto d = dateAt(r, i);
            if (!d) {
                ++i;
                continue;
            }
            d->sentence = static_cast<int>(s);
            d->dateline = dashEnd > 0 && d->range.last <= dashEnd;
            d->standalone = d->range.first == sen.first && d->range.last == sen.last &&
                            d->kind == Kind::Day && d->year;
            a.dates.push_back(*d);
        }
    }
}

}  // namespace bilateral::draft
