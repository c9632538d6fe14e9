// [event-data] Who an event is about, in brief (answers.hpp, eventActors): source → target for
// coded events, the participants for the others, cut to a width.

#include <algorithm>
#include <string>
#include <vector>

#include "bilateral/model/utf8.hpp"
#include "bilateral/query/answers.hpp"
#include "bilateral/rules/trend.hpp"

namespace bilateral::query {
namespace {

/// `name` cut to at most `width` columns, ending in `…` when cut.
std::string fitted(std::string_view name, std::size_t width) {
    if (model::displayWidth(name) <= width) return std::string(name);
    std::string out;
    std::size_t used = 0;
    for (std::size_t i = 0; i < name.size();) {
        const auto start = i;
        const auto c = model::nextCodePoint(name, i);
        const auto w = static_cast<std::size_t>(std::max(0, model::codePointWidth(c)));
        if (used + w + 1 > width) break;  // room for the ellipsis
        used += w;
        out.append(name.substr(start, i - start));
    }
    return out + "…";
}

/// The names, each once, joined by ", " within `width` columns; `+N` for those left out.
std::string joined(const std::vector<std::string_view>& names, std::size_t width) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const auto rest = names.size() - i - 1;
        const auto more = rest == 0 ? std::string() : " +" + std::to_string(rest);
        std::string next = out.empty() ? std::string(names[i]) : out + ", " + std::string(names[i]);
        if (model::displayWidth(next) + more.size() <= width) {
            out = std::move(next);
            continue;
        }
        if (out.empty()) return fitted(names[i], width - std::min(width / 2, more.size())) + more;
        return out + " +" + std::to_string(names.size() - i);
    }
    return out;
}

void addOnce(std::vector<std::string_view>& names, std::string_view name) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
}

}  // namespace

std::string eventActors(const EventRef& e, std::size_t width) {
    std::vector<std::string_view> sources, targets, all;
    for (const auto& p : e.participants) {
        addOnce(all, p.actor.name);
        if (e.cameo.empty()) continue;
        switch (rules::cameoEnd(e.cameo, p.role)) {
            case rules::CameoEnd::Source:
                addOnce(sources, p.actor.name);
                break;
            case rules::CameoEnd::Target:
                addOnce(targets, p.actor.name);
                break;
            case rules::CameoEnd::None:
                break;
        }
    }
    if (sources.empty() && targets.empty()) return joined(all, width);
    // Both ends whole when they fit; else the longer end is cut (each to half the width when
    // both are longer than half).
    constexpr std::string_view kArrow = " → ";
    const auto room = width > 3 ? width - 3 : 1;
    const auto half = room / 2;
    auto left = joined(sources, room), right = joined(targets, room);
    const auto wl = model::displayWidth(left), wr = model::displayWidth(right);
    if (wl + wr > room) {
        if (wl > half && wr > half) {
            left = joined(sources, std::max<std::size_t>(half, 1));
            right = joined(targets, std::max<std::size_t>(room - half, 1));
        } else if (wl > half) {
            left = joined(sources, std::max<std::size_t>(room - wr, 1));
        } else {
            right = joined(targets, std::max<std::size_t>(room - wl, 1));
        }
    }
    if (sources.empty()) return "→ " + right;
    if (targets.empty()) return left + " →";
    return left + std::string(kArrow) + right;
}

}  // namespace bilateral::query
