// [trend] Trends and pairs from the figures an engine keeps by day (storage::Engine::
// forEachTrendCell, forEachPairCell): periods and QuadClass by rules/trend.hpp, empty periods
// filled with zeros. The cost is the kept cells of the days asked for, never the events.

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <tuple>
#include <utility>

#include "answer_parts.hpp"
#include "bilateral/error.hpp"
#include "bilateral/query/from_storage.hpp"
#include "bilateral/rules/trend.hpp"

namespace bilateral::query {
namespace {

rules::Period ruleOf(TrendPeriod p) noexcept {
    switch (p) {
        case TrendPeriod::Day:
            return rules::Period::Day;
        case TrendPeriod::Week:
            return rules::Period::Week;
        case TrendPeriod::Month:
            return rules::Period::Month;
        case TrendPeriod::Quarter:
            return rules::Period::Quarter;
        case TrendPeriod::Year:
            return rules::Period::Year;
    }
    return rules::Period::Month;
}

constexpr model::DayNumber kFirstDay = std::numeric_limits<model::DayNumber>::min();
constexpr model::DayNumber kLastDay = model::kUndatedDay - 1;

/// The days of a window: its from's first day and its to's last (open ends: every dated day).
std::pair<model::DayNumber, model::DayNumber> windowDays(const Window& w) {
    const auto lo = w.from ? w.from->earliest() : kFirstDay;
    const auto hi = w.to ? w.to->latest() : kLastDay;
    if (lo > hi) throw InvalidArgumentError("the window ends before it starts (--from after --to)");
    return {lo, hi};
}

TrendFigures publicFigures(const storage::TrendFigures& f) {
    TrendFigures out;
    out.events = f.events;
    out.meetings = f.meetings;
    out.goldsteinEvents = f.goldsteinEvents;
    if (f.goldsteinEvents > 0) {
        out.goldsteinSum = f.goldsteinSum;
        out.goldsteinMean = f.goldsteinSum / static_cast<double>(f.goldsteinEvents);
    }
    if (f.toneWeight > 0) out.tone = f.toneSum / f.toneWeight;
    return out;
}

/// A group of a split: its order and its name.
struct Group {
    int order = 0;
    std::string name;
    friend bool operator<(const Group& x, const Group& y) {
        return std::tie(x.order, x.name) < std::tie(y.order, y.name);
    }
};

Group groupOf(const storage::TrendCell& c, TrendSplit split) {
    switch (split) {
        case TrendSplit::None:
            return {};
        case TrendSplit::QuadClass:
            // The four classes in their order, events without one last.
            return {c.quad == 0 ? rules::kQuadClasses + 1 : c.quad,
                    std::string(rules::quadClassName(c.quad))};
        case TrendSplit::CameoRoot: {
            if (c.root == 0) return {100, "none"};
            const char digits[3] = {static_cast<char>('0' + c.root / 10),
                                    static_cast<char>('0' + c.root % 10), 0};
            return {c.root, digits};
        }
        case TrendSplit::Kind:
            return {0, c.kind};
    }
    return {};
}

}  // namespace

TrendAnswer trend(storage::Engine& engine, const storage::TrendSubject& subject,
                  const TrendOptions& options) {
    const auto [lo, hi] = windowDays(options.window);
    std::vector<std::pair<Group, storage::TrendCell>> cells;
    // [identity] An actor's figures are its same_as group's: each record's cells (an event two
    // records of one group take part in counts for each of them).
    std::vector<storage::RowId> actors;
    if (subject.actor) {
        actors = options.merge ? detail::identity(engine).groups.members(*subject.actor)
                               : std::vector<storage::RowId>{*subject.actor};
    }
    auto one = subject;
    for (std::size_t i = 0; i == 0 || i < actors.size(); ++i) {
        if (!actors.empty()) one.actor = actors[i];
        engine.forEachTrendCell(one, lo, hi, [&](const storage::TrendCell& c) {
            cells.emplace_back(groupOf(c, options.split), c);
        });
    }
    if (actors.size() > 1) {  // each record's cells in day order: all of them in day order
        std::stable_sort(cells.begin(), cells.end(),
                         [](const auto& x, const auto& y) { return x.second.day < y.second.day; });
    }
    TrendAnswer answer;
    if (cells.empty() && (!options.window.from || !options.window.to)) return answer;
    const auto from = options.window.from ? lo : cells.front().second.day;
    const auto to = options.window.to ? hi : cells.back().second.day;
    answer.from = from;
    answer.to = to;
    std::map<Group, std::size_t> groups;
    if (options.split == TrendSplit::QuadClass) {
        for (int q = 1; q <= rules::kQuadClasses; ++q) {
            storage::TrendCell c;
            c.quad = q;
            groups.emplace(groupOf(c, options.split), 0);
        }
    }
    if (options.split == TrendSplit::None) groups.emplace(Group{}, 0);
    for (const auto& c : cells) groups.emplace(c.first, 0);
    std::size_t g = 0;
    for (auto& entry : groups) entry.second = g++;

    const auto period = ruleOf(options.by);
    std::vector<model::DayNumber> starts;
    for (auto p = rules::periodStart(from, period); p <= to; p = rules::nextPeriod(p, period)) {
        starts.push_back(p);
    }
    std::vector<storage::TrendFigures> sums(starts.size() * groups.size());
    std::size_t at = 0;  // cells come in day order
    for (const auto& [group, c] : cells) {
        while (at + 1 < starts.size() && starts[at + 1] <= c.day) ++at;
        sums[at * groups.size() + groups.at(group)].add(c.figures);
    }
    answer.rows.reserve(sums.size());
    for (std::size_t p = 0; p < starts.size(); ++p) {
        const auto label = rules::periodLabel(starts[p], period);
        const auto end = rules::nextPeriod(starts[p], period) - 1;
        for (const auto& [group, index] : groups) {
            answer.rows.push_back({label, starts[p], end, group.name,
                                   publicFigures(sums[p * groups.size() + index])});
        }
    }
    return answer;
}

Page<PairRow> pairs(storage::Engine& engine, const PairsOptions& options, std::size_t limit) {
    const auto [lo, hi] = windowDays(options.window);
    struct Sum {
        storage::TrendFigures figures;
        std::int64_t cooperation = 0, classified = 0;
    };
    std::map<std::pair<std::string, std::string>, Sum> byPair;
    engine.forEachPairCell(options.country, lo, hi, [&](const storage::PairCell& c) {
        auto key = std::make_pair(c.a, c.b);
        if (!options.country.empty() && key.second == options.country)
            std::swap(key.first, key.second);
        auto& s = byPair[key];
        s.figures.add(c.figures);
        if (c.quad != 0) s.classified += c.figures.events;
        if (rules::cooperation(c.quad)) s.cooperation += c.figures.events;
    });
    Page<PairRow> page;
    page.items.reserve(byPair.size());
    for (const auto& [key, s] : byPair) {
        PairRow r{key.first, key.second, publicFigures(s.figures), s.cooperation, s.classified, {}};
        if (s.classified > 0)
            r.cooperationShare =
                static_cast<double>(s.cooperation) / static_cast<double>(s.classified);
        page.items.push_back(std::move(r));
    }
    // Higher first; a pair without the measure after every pair with it; ties by events, then
    // by the pair's codes.
    const auto measure = [&options](const PairRow& r) -> std::optional<double> {
        switch (options.order) {
            case PairsOrder::Events:
                return static_cast<double>(r.figures.events);
            case PairsOrder::Meetings:
                return static_cast<double>(r.figures.meetings);
            case PairsOrder::Cooperation:
                return r.cooperationShare;
            case PairsOrder::Goldstein:
                return r.figures.goldsteinMean;
        }
        return std::nullopt;
    };
    std::sort(page.items.begin(), page.items.end(), [&](const PairRow& x, const PairRow& y) {
        const auto mx = measure(x), my = measure(y);
        if (mx.has_value() != my.has_value()) return mx.has_value();
        if (mx && *mx != *my) return *mx > *my;
        if (x.figures.events != y.figures.events) return x.figures.events > y.figures.events;
        return std::tie(x.a, x.b) < std::tie(y.a, y.b);
    });
    page.total = page.items.size();
    if (limit > 0 && page.items.size() > limit) page.items.resize(limit);
    return page;
}

namespace {

// Each enum's names, in declaration order: toString and the *FromString functions read them.
constexpr std::array<std::string_view, 5> kPeriodNames{"day", "week", "month", "quarter", "year"};
constexpr std::array<std::string_view, 4> kSplitNames{"none", "quad_class", "cameo_root", "kind"};
constexpr std::array<std::string_view, 4> kOrderNames{"events", "meetings", "cooperation",
                                                      "goldstein"};

template <class Enum, std::size_t N>
std::string_view nameOf(Enum value, const std::array<std::string_view, N>& names) noexcept {
    const auto i = static_cast<std::size_t>(value);
    return i < N ? names[i] : std::string_view{};
}

template <class Enum, std::size_t N>
std::optional<Enum> named(std::string_view text,
                          const std::array<std::string_view, N>& names) noexcept {
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == text) return static_cast<Enum>(i);
    }
    return std::nullopt;
}

}  // namespace

std::string_view toString(TrendPeriod p) noexcept {
    return nameOf(p, kPeriodNames);
}

std::string_view toString(TrendSplit s) noexcept {
    return nameOf(s, kSplitNames);
}

std::string_view toString(PairsOrder o) noexcept {
    return nameOf(o, kOrderNames);
}

std::optional<TrendPeriod> trendPeriodFromString(std::string_view text) noexcept {
    return named<TrendPeriod>(text, kPeriodNames);
}

std::optional<TrendSplit> trendSplitFromString(std::string_view text) noexcept {
    return named<TrendSplit>(text, kSplitNames);
}

std::optional<PairsOrder> pairsOrderFromString(std::string_view text) noexcept {
    return named<PairsOrder>(text, kOrderNames);
}

}  // namespace bilateral::query
