// [trend] `_Database.trend` and `_Database.pairs`: tuples in the shapes of `bilateral trend
// --json` and `bilateral pairs --json` (docs/cli.md), made into records by python/bilateral.

#include <pybind11/stl.h>

#include <algorithm>
#include <cctype>

#include "bilateral/error.hpp"
#include "bilateral/query/trend.hpp"
#include "binding.hpp"

namespace bilateral::python {

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::pair<std::string, std::string> checkScope(const char* verb,
                                               const std::optional<std::string>& actor,
                                               const std::optional<std::string>& countryA,
                                               const std::optional<std::string>& countryB,
                                               const std::optional<std::string>& country) {
    const int scopes = (actor ? 1 : 0) + (countryA || countryB ? 1 : 0) + (country ? 1 : 0);
    if (scopes != 1) {
        throw InvalidArgumentError(std::string(verb) +
                                   ": give exactly one of actor, dyad or country");
    }
    if (!countryA && !countryB) return {};
    if (!countryA || !countryB || countryA->empty() || countryB->empty())
        throw InvalidArgumentError("dyad: expected two country codes");
    auto a = upper(*countryA), b = upper(*countryB);
    if (a == b) throw InvalidArgumentError("dyad: the two countries must differ");
    return {a, b};
}

namespace {

py::object dayObject(std::optional<model::DayNumber> d) {
    if (!d) return py::none();
    return py::str(model::Date::fromDayNumber(*d).toString());
}

py::object number(const std::optional<double>& v) {
    return v ? py::object(py::float_(*v)) : py::object(py::none());
}

/// events, meetings, goldstein_events, goldstein_sum, goldstein_mean, tone
py::tuple figures(const query::TrendFigures& f) {
    return py::make_tuple(f.events, f.meetings, f.goldsteinEvents, number(f.goldsteinSum),
                          number(f.goldsteinMean), number(f.tone));
}

py::tuple trend(PyDatabase& self, const std::optional<std::string>& actor,
                const std::optional<std::string>& countryA,
                const std::optional<std::string>& countryB,
                const std::optional<std::string>& country, bool directed, const std::string& by,
                const std::string& split, const std::optional<std::string>& since,
                const std::optional<std::string>& until) {
    const auto dyad = checkScope("trend", actor, countryA, countryB, country);
    const std::string &a = dyad.first, &b = dyad.second;
    if (directed && !countryA) throw InvalidArgumentError("directed: only with a dyad");
    query::TrendOptions o;
    const auto period = query::trendPeriodFromString(by);
    if (!period)
        throw InvalidArgumentError("by: expected day, week, month, quarter or year, got \"" + by +
                                   "\"");
    const auto s = query::trendSplitFromString(split);
    if (!s)
        throw InvalidArgumentError("split: expected none, quad_class, cameo_root or kind, got \"" +
                                   split + "\"");
    o.by = *period;
    o.split = *s;
    o.directed = directed;
    o.window.from = parseDate(since, "since");
    o.window.to = parseDate(until, "until");
    if (o.window.from && o.window.to && o.window.from->earliest() > o.window.to->latest())
        throw InvalidArgumentError("until is before since");
    const std::string code = country ? upper(*country) : std::string();
    auto [who, answer] = self.run([&](Database& db) {
        std::optional<query::ActorRef> ref;
        query::TrendAnswer t;
        if (actor) {
            const auto id = db.resolveActor(*actor);
            ref = db.actorRef(id);
            t = db.trend(id, o);
        } else if (!a.empty()) {
            t = db.dyadTrend(a, b, o);
        } else {
            t = db.countryTrend(code, o);
        }
        return std::make_pair(std::move(ref), std::move(t));
    });
    py::list rows;
    for (const auto& r : answer.rows) {
        rows.append(py::make_tuple(r.period, dayObject(r.start), dayObject(r.end),
                                   o.split == query::TrendSplit::None
                                       ? py::object(py::none())
                                       : py::object(py::str(r.group)),
                                   figures(r.figures)));
    }
    py::object scope;
    if (who)
        scope = py::make_tuple(
            "actor", py::make_tuple(who->id, who->name, std::string(model::toString(who->kind)),
                                    textOrNone(who->country)));
    else if (!a.empty())
        scope = py::make_tuple("dyad", py::make_tuple(a, b));
    else
        scope = py::make_tuple("country", code);
    return py::make_tuple(scope, dayObject(answer.from), dayObject(answer.to), rows);
}

py::tuple pairs(PyDatabase& self, const std::optional<std::string>& country,
                const std::optional<std::string>& since, const std::optional<std::string>& until,
                const std::string& rank, std::size_t limit) {
    query::PairsOptions o;
    if (country) o.country = upper(*country);
    o.window.from = parseDate(since, "since");
    o.window.to = parseDate(until, "until");
    if (o.window.from && o.window.to && o.window.from->earliest() > o.window.to->latest())
        throw InvalidArgumentError("until is before since");
    const auto order = query::pairsOrderFromString(rank);
    if (!order)
        throw InvalidArgumentError(
            "rank: expected events, meetings, cooperation or goldstein, got \"" + rank + "\"");
    o.order = *order;
    auto page = self.run([&](Database& db) { return db.pairs(o, limit); });
    py::list rows;
    for (const auto& r : page.items) {
        rows.append(py::make_tuple(r.a, r.b, figures(r.figures), r.cooperationEvents,
                                   r.classifiedEvents, number(r.cooperationShare)));
    }
    return py::make_tuple(page.total, rows);
}

}  // namespace

void bindTrend(py::class_<PyDatabase>& cls) {
    cls.def("trend", &trend, py::arg("actor"), py::arg("country_a"), py::arg("country_b"),
            py::arg("country"), py::arg("directed"), py::arg("by"), py::arg("split"),
            py::arg("since"), py::arg("until"))
        .def("pairs", &pairs, py::arg("country"), py::arg("since"), py::arg("until"),
             py::arg("rank"), py::arg("limit"));
}

}  // namespace bilateral::python
