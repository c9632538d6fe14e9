// [trend] The cells an event adds to (trend_cells.hpp), summed in memory for the engines.

#include "bilateral/storage/trend_cells.hpp"

#include <algorithm>
#include <tuple>

#include "bilateral/error.hpp"
#include "bilateral/model/kinds.hpp"
#include "bilateral/rules/trend.hpp"

namespace bilateral::storage::trend {
namespace {

/// Cells held before a batch is written: bounds the memory of an import of any size.
constexpr std::size_t kBatch = 1 << 18;

}  // namespace

TrendFigures figuresOf(const EventFacts& e) {
    TrendFigures f;
    f.events = 1;
    f.meetings = e.meetingHead ? 1 : 0;
    if (e.goldstein) {
        f.goldsteinEvents = 1;
        f.goldsteinSum = *e.goldstein;
    }
    if (e.avgTone) {
        f.toneWeight = rules::toneWeight(e.mentions);
        f.toneSum = *e.avgTone * f.toneWeight;
    }
    return f;
}

bool CellSums::keyLess(const Key& x, const Key& y) noexcept {
    return std::tie(x.actor, x.a, x.b, x.day, x.dir, x.kind, x.root, x.quad) <
           std::tie(y.actor, y.a, y.b, y.day, y.dir, y.kind, y.root, y.quad);
}

std::uint16_t CellSums::name(std::string_view text) {
    if (text.empty()) return 0;
    if (const auto it = index_.find(text); it != index_.end()) return it->second;
    if (names_.size() >= 0xFFFF) throw StorageError("too many distinct countries and kinds");
    const auto i = static_cast<std::uint16_t>(names_.size());
    names_.emplace_back(text);
    index_.emplace(names_.back(), i);
    return i;
}

void CellSums::add(const EventFacts& e, std::span<const ParticipantFacts> people) {
    if (people.empty()) return;
    const auto figures = figuresOf(e);
    Key k;
    k.day = e.day;
    k.kind = name(e.kind);
    k.root = static_cast<std::uint8_t>(rules::cameoRootOf(e.cameo));
    k.quad = static_cast<std::uint8_t>(rules::quadClassOf(e.cameo, e.quadClass));
    people_.clear();
    countries_.clear();
    actors_.clear();
    for (const auto& p : people) {
        const auto role = model::parse<model::Role>(p.role);
        const auto end = role ? rules::cameoEnd(e.cameo, *role) : rules::CameoEnd::None;
        const auto country = name(p.country);
        people_.push_back(
            {p.actor, end == rules::CameoEnd::Source, end == rules::CameoEnd::Target, country});
        actors_.push_back(p.actor);
        if (country != 0) countries_.push_back(country);
    }
    // An actor in two roles of one event counts it once.
    std::sort(actors_.begin(), actors_.end());
    actors_.erase(std::unique(actors_.begin(), actors_.end()), actors_.end());
    for (const auto a : actors_) {
        k.actor = a;
        cells_.push_back({k, figures});
    }
    k.actor = 0;
    std::sort(countries_.begin(), countries_.end(), [this](std::uint16_t x, std::uint16_t y) {
        return names_[x] < names_[y];  // a pair is keyed in byte order of its codes
    });
    countries_.erase(std::unique(countries_.begin(), countries_.end()), countries_.end());
    const auto acted = [this](std::uint16_t from, std::uint16_t to) {
        bool s = false, t = false;
        for (const auto& p : people_) {
            s = s || (p.source && p.country == from);
            t = t || (p.target && p.country == to);
        }
        return s && t;
    };
    for (std::size_t i = 0; i < countries_.size(); ++i) {
        k.a = countries_[i];
        k.b = 0;
        k.dir = 0;
        cells_.push_back({k, figures});
        for (std::size_t j = i + 1; j < countries_.size(); ++j) {
            k.b = countries_[j];
            k.dir =
                static_cast<std::uint8_t>((acted(k.a, k.b) ? 1 : 0) | (acted(k.b, k.a) ? 2 : 0));
            cells_.push_back({k, figures});
        }
    }
    if (cells_.size() >= kBatch) flush();
}

void CellSums::flush() {
    // Stable: the figures of one cell are summed in the order their events came.
    std::stable_sort(cells_.begin(), cells_.end(),
                     [](const Cell& x, const Cell& y) { return keyLess(x.key, y.key); });
    rows_.clear();
    for (std::size_t i = 0; i < cells_.size();) {
        auto& row = rows_.emplace_back();
        const auto& k = cells_[i].key;
        row.figures = cells_[i].figures;
        std::size_t j = i + 1;
        for (; j < cells_.size() && cells_[j].key == k; ++j) row.figures.add(cells_[j].figures);
        row.actor = k.actor;
        row.a = names_[k.a];
        row.b = names_[k.b];
        row.dir = k.dir;
        row.day = k.day;
        row.kind = names_[k.kind];
        row.root = k.root;
        row.quad = k.quad;
        i = j;
    }
    if (!rows_.empty()) write_(rows_);
    rows_.clear();
    cells_.clear();
}

}  // namespace bilateral::storage::trend
