// `_Database`: every query of bilateral::Database, as tuples in the `--json` shapes (docs/cli.md)
// that python/bilateral/_records.py's records are built from.

#include <pybind11/functional.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <utility>

#include "bilateral/error.hpp"
#include "bilateral/import/import.hpp"
#include "binding.hpp"

namespace bilateral::python {

py::object text(std::string_view s) {
    PyObject* o =
        PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "surrogateescape");
    if (!o) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(o);
}

namespace {

template <class E>
py::object name(E value) {
    using io::toString;
    using model::toString;
    return text(toString(value));
}

py::object optText(const std::string& s) {
    return s.empty() ? py::none() : text(s);
}

py::tuple actorTuple(const query::ActorRef& a) {
    return py::make_tuple(text(a.id), text(a.name), name(a.kind), optText(a.country));
}

/// [attested] What a fact rests on: its basis name, None when it has no evidence.
py::object basisObject(const model::Support& s) {
    return s.basis ? py::object(name(*s.basis)) : py::object(py::none());
}
/// Its confidence, None when not assessed.
py::object confidenceObject(const model::Support& s) {
    return s.confidence ? py::object(py::float_(*s.confidence)) : py::object(py::none());
}

/// [places] An event's place (name, country), or None.
py::object placeObject(const query::EventRef& e) {
    if (e.location.empty() && e.placeCountry.empty()) return py::none();
    return py::make_tuple(optText(e.location), optText(e.placeCountry));
}

py::tuple eventTuple(const query::EventRef& e, bool participants) {
    py::list ps;
    if (participants) {
        for (const auto& p : e.participants)
            ps.append(py::make_tuple(text(p.actor.id), text(p.actor.name), name(p.role),
                                     basisObject(p.support), confidenceObject(p.support)));
    }
    // [places] its place (name, country) or None, the rule that put it in a dyad's or country's
    // timeline or None, its links (id, kind, direction, event, title)
    py::object place = placeObject(e);
    py::object rule = py::none();
    if (e.inScope) rule = py::str(std::string(query::toString(*e.inScope)));
    py::list links;
    for (const auto& l : e.links) {
        links.append(py::make_tuple(text(l.id), name(l.kind), py::str(l.outgoing ? "to" : "from"),
                                    text(l.event), text(l.title)));
    }
    // [event-data] what the data coded of it: goldstein, quad_class, tone, mentions (or None)
    const auto real = [](const std::optional<double>& v) {
        return v ? py::object(py::float_(*v)) : py::object(py::none());
    };
    py::object quad = e.quadClass == 0 ? py::object(py::none()) : py::object(py::int_(e.quadClass));
    py::object mentions = e.mentions ? py::object(py::int_(*e.mentions)) : py::object(py::none());
    return py::make_tuple(
        text(e.id), name(e.kind), text(e.title), name(e.status), dateObject(e.start),
        dateObject(e.end), e.datedByParent, optText(e.parent), e.evidence, ps, optText(e.cameo),
        basisObject(e.support), confidenceObject(e.support), place, rule, links, real(e.goldstein),
        quad, real(e.tone), mentions, disagreementTuples(e.disagreements));
}

py::list kindNames(const std::vector<model::EventKind>& kinds) {
    py::list out;
    for (const auto k : kinds) out.append(name(k));
    return out;
}

py::object certaintyObject(bool asked, model::Certainty c) {
    return asked ? name(c) : py::none();
}

/// A Python exception raised by the progress callback, carried through the library's frames.
struct CallbackFailed : std::exception {
    [[nodiscard]] const char* what() const noexcept override { return "progress callback failed"; }
};

py::list importFiles(PyDatabase& self, const std::vector<std::string>& files,
                     const std::string& format, const py::object& progress) {
    io::ImportOptions options;
    options.format = io::parseFormat(format);
    std::vector<std::filesystem::path> paths(files.begin(), files.end());
    // The library calls progress with the GIL released; the callback takes it back, lets Ctrl-C
    // through (KeyboardInterrupt rolls the import back) and calls the user's function.
    std::unique_ptr<py::error_already_set> failure;
    options.progress = [&](const std::string& file, std::uint64_t done, std::uint64_t total) {
        py::gil_scoped_acquire gil;
        try {
            if (PyErr_CheckSignals() != 0) throw py::error_already_set();
            if (!progress.is_none()) progress(text(file), done, total);
        } catch (py::error_already_set& e) {
            failure = std::make_unique<py::error_already_set>(std::move(e));
            throw CallbackFailed{};
        }
    };
    std::vector<io::ImportSummary> summaries;
    try {
        summaries = self.run([&](Database& db) { return db.importFiles(paths, options); });
    } catch (const CallbackFailed&) {
        // Rethrown with the GIL held: pybind11 restores the Python exception.
        if (failure) throw py::error_already_set(std::move(*failure));
        throw;
    }
    py::list out;
    for (const auto& s : summaries) {
        out.append(py::make_tuple(text(s.file), name(s.format), s.rows, s.sources, s.actors,
                                  s.events, s.participations, s.relations, s.skipped));
    }
    return out;
}

py::tuple whoMet(PyDatabase& self, const std::string& actor,
                 const std::optional<std::string>& since, const std::optional<std::string>& until,
                 const std::vector<std::string>& kinds, bool phoneCalls, std::size_t limit,
                 bool anySide, bool countRows) {
    query::WhoMetOptions o;
    o.anySide = anySide;
    o.countRows = countRows;
    o.window.from = parseDate(since, "since");
    o.window.to = parseDate(until, "until");
    o.kinds = parseKinds(kinds, "kinds");
    o.includePhoneCalls = phoneCalls;
    o.kinds = query::countingKinds(o);  // the kinds that counted, as the command shows them
    auto [who, met] = self.run([&](Database& db) {
        const auto id = db.resolveActor(actor);
        auto ref = db.actorRef(id);
        return std::make_pair(std::move(ref), db.whoMet(id, o, limit));
    });
    py::list rows;
    for (const auto& c : met.items) {
        py::list events, bases, confidences;
        for (const auto& e : c.events) events.append(text(e.id));
        for (const auto& s : c.support) {
            bases.append(basisObject(s));
            confidences.append(confidenceObject(s));
        }
        rows.append(py::make_tuple(text(c.actor.id), text(c.actor.name), name(c.actor.kind),
                                   optText(c.actor.country), c.meetings, dateObject(c.first),
                                   dateObject(c.last), basisObject(c.overall),
                                   confidenceObject(c.overall), events, bases, confidences,
                                   optText(c.side.value_or("")), c.rows));
    }
    return py::make_tuple(actorTuple(who), dateObject(o.window.from), dateObject(o.window.to),
                          kindNames(o.kinds), met.total, rows);
}

py::tuple timeline(PyDatabase& self, const std::optional<std::string>& actor,
                   const std::optional<std::string>& countryA,
                   const std::optional<std::string>& countryB,
                   const std::optional<std::string>& country,
                   const std::optional<std::string>& since, const std::optional<std::string>& until,
                   const std::vector<std::string>& kinds, std::size_t limit,
                   const std::string& rule) {
    const auto dyad = checkScope("timeline", actor, countryA, countryB, country);
    const std::string &a = dyad.first, &b = dyad.second;
    query::TimelineOptions o;
    if (rule != "any" && rule != "participants")
        throw InvalidArgumentError("rule: expected \"participants\" or \"any\", got \"" + rule +
                                   "\"");
    if (rule == "participants" && actor)
        throw InvalidArgumentError("rule: only with a dyad or a country");
    o.participantsOnly = rule == "participants";
    o.window.from = parseDate(since, "since");
    o.window.to = parseDate(until, "until");
    o.kinds = parseKinds(kinds, "kinds");
    const std::string code = country ? upper(*country) : std::string();
    auto [who, events] = self.run([&](Database& db) {
        std::optional<query::ActorRef> ref;
        query::Page<query::EventRef> page;
        if (actor) {
            const auto id = db.resolveActor(*actor);
            ref = db.actorRef(id);
            page = db.timeline(id, o, limit);
        } else if (!a.empty()) {
            page = db.dyadTimeline(a, b, o, limit);
        } else {
            page = db.countryTimeline(code, o, limit);
        }
        return std::make_pair(std::move(ref), std::move(page));
    });
    py::list rows;
    for (const auto& e : events.items) rows.append(eventTuple(e, true));
    py::object scope;
    if (who)
        scope = py::make_tuple("actor", actorTuple(*who));
    else if (!a.empty())
        scope = py::make_tuple("dyad", py::make_tuple(a, b));
    else
        scope = py::make_tuple("country", code);
    return py::make_tuple(scope, dateObject(o.window.from), dateObject(o.window.to),
                          kindNames(o.kinds), events.total, rows);
}

std::optional<model::RelationKind> parseRelationKind(const std::optional<std::string>& text) {
    if (!text || text->empty()) return std::nullopt;
    if (auto k = model::parse<model::RelationKind>(*text)) return k;
    std::string known;
    for (const auto n : model::names<model::RelationKind>()) {
        known += known.empty() ? "" : ", ";
        known += n;
    }
    throw InvalidArgumentError("kind: unknown relation kind \"" + *text + "\" (expected one of " +
                               known + ")");
}

py::tuple relations(PyDatabase& self, const std::string& actor,
                    const std::optional<std::string>& asOf,
                    const std::optional<std::string>& kind) {
    const auto day = parseDate(asOf, "as_of");
    const auto k = parseRelationKind(kind);
    struct Answer {
        query::ActorRef who;
        std::vector<query::RelationAsOf> relations;
    };
    auto answer = self.run([&](Database& db) {
        Answer r;
        const auto id = db.resolveActor(actor);
        r.who = db.actorRef(id);
        r.relations = db.relations(id, day, k);
        return r;
    });
    py::list rows;
    for (std::size_t i = 0; i < answer.relations.size(); ++i) {
        const auto& x = answer.relations[i];
        rows.append(py::make_tuple(
            text(x.relation.id), name(x.relation.kind), text(x.relation.from), text(x.fromName),
            text(x.relation.to), text(x.toName), dateObject(x.relation.valid.start),
            dateObject(x.relation.valid.end), certaintyObject(day.has_value(), x.holds),
            evidenceList(x.relation.evidence)));
    }
    return py::make_tuple(actorTuple(answer.who), dateObject(day),
                          k ? name(*k) : py::object(py::none()), rows);
}

py::tuple holders(PyDatabase& self, const std::string& post, const std::optional<std::string>& on) {
    const auto day = parseDate(on, "on");
    auto [what, list] = self.run([&](Database& db) {
        const auto id = db.resolveActor(post);
        auto ref = db.actorRef(id);
        return std::make_pair(std::move(ref), db.holders(id, day));
    });
    py::list rows;
    for (const auto& h : list) {
        rows.append(py::make_tuple(text(h.person.id), text(h.person.name), name(h.person.kind),
                                   h.person.country ? text(*h.person.country) : py::none(),
                                   text(h.tenure.id), dateObject(h.tenure.valid.start),
                                   dateObject(h.tenure.valid.end),
                                   certaintyObject(day.has_value(), h.holds)));
    }
    return py::make_tuple(actorTuple(what), dateObject(day), rows);
}

py::list search(PyDatabase& self, const std::string& query, std::size_t limit) {
    const auto hits = self.run([&](Database& db) { return db.search(query, limit); });
    py::list rows;
    for (const auto& h : hits) {
        rows.append(py::make_tuple(text(h.id), text(h.name), name(h.kind), optText(h.country),
                                   text(h.matched), h.score));
    }
    return rows;
}

py::tuple path(PyDatabase& self, const std::string& from, const std::string& to,
               const std::string& through, int maxHops, std::size_t maxVisited) {
    query::PathOptions o;
    o.through = parseThrough(through);
    if (maxHops < 1) throw InvalidArgumentError("max_hops: must be at least 1");
    if (maxVisited < 2) throw InvalidArgumentError("max_visited: must be at least 2");
    o.maxHops = maxHops;
    o.maxVisited = maxVisited;
    struct Answer {
        query::ActorRef from, to;
        query::PathAnswer path;
    };
    auto answer = self.run([&](Database& db) {
        Answer r;
        const auto a = db.resolveActor(from);
        const auto b = db.resolveActor(to);
        r.from = db.actorRef(a);
        r.to = db.actorRef(b);
        r.path = db.path(a, b, o);
        return r;
    });
    const auto& p = answer.path;
    if (p.outcome == query::PathAnswer::Outcome::StoppedByBound) {
        throw NotFoundError("no path between " + answer.from.name + " (" + answer.from.id +
                            ") and " + answer.to.name + " (" + answer.to.id +
                            ") within the search's bounds (max_hops " + std::to_string(maxHops) +
                            ", max_visited " + std::to_string(maxVisited) + "; " +
                            std::to_string(p.visited) +
                            " actors visited); raise them to look "
                            "further");
    }
    const bool found = p.outcome == query::PathAnswer::Outcome::Found;
    py::list actors, steps;
    for (const auto& x : p.actors) actors.append(actorTuple(x));
    for (const auto& s : p.steps) {
        py::object event = py::none(), relation = py::none();
        if (s.event) {
            const auto& e = *s.event;
            event = py::make_tuple(text(e.id), name(e.kind), text(e.title), name(e.status),
                                   dateObject(e.start), dateObject(e.end), e.datedByParent,
                                   optText(e.parent), e.evidence, basisObject(e.support),
                                   confidenceObject(e.support), placeObject(e));
        }
        if (s.relationKind) relation = py::make_tuple(text(s.relation), name(*s.relationKind));
        steps.append(py::make_tuple(text(s.from), text(s.to), event, relation));
    }
    return py::make_tuple(actorTuple(answer.from), actorTuple(answer.to), through, found,
                          found ? py::object(py::int_(p.steps.size())) : py::none(), actors, steps,
                          p.visited);
}

py::tuple ego(PyDatabase& self, const std::string& center, int hops, const std::string& through,
              std::size_t limit) {
    const auto t = parseThrough(through);
    if (hops < 1) throw InvalidArgumentError("hops: must be at least 1");
    auto [who, page] = self.run([&](Database& db) {
        const auto id = db.resolveActor(center);
        auto ref = db.actorRef(id);
        return std::make_pair(std::move(ref), db.ego(id, hops, t, limit));
    });
    py::list rows;
    for (const auto& m : page.items) {
        rows.append(py::make_tuple(text(m.actor.id), text(m.actor.name), name(m.actor.kind),
                                   optText(m.actor.country), m.hops));
    }
    return py::make_tuple(actorTuple(who), page.total, rows);
}

py::dict byKind(const std::vector<std::pair<std::string, std::int64_t>>& counts) {
    py::dict d;
    for (const auto& [k, n] : counts) d[text(k)] = n;
    return d;
}

py::tuple stats(PyDatabase& self) {
    const auto c = self.run([](Database& db) { return db.stats(); });
    return py::make_tuple(c.sources, c.actors, c.events, c.participations, c.relations, c.evidence,
                          byKind(c.actorsByKind), byKind(c.eventsByKind), byKind(c.relationsByKind),
                          c.eventLinks);
}

std::string resolve(PyDatabase& self, const std::string& actor) {
    return self.run([&](Database& db) { return db.resolveActor(actor); });
}

}  // namespace

py::list evidenceList(const std::vector<model::Evidence>& evidence) {
    py::list out;
    for (const auto& e : evidence) {
        out.append(py::make_tuple(
            text(e.source),
            e.span ? py::object(py::make_tuple(e.span->start, e.span->end)) : py::none(),
            e.quote ? text(*e.quote) : py::none(), name(e.basis),
            e.confidence ? py::object(py::float_(*e.confidence)) : py::none(),
            e.note ? text(*e.note) : py::none()));
    }
    return out;
}

// --- PyDatabase -------------------------------------------------------------------------------

PyDatabase::PyDatabase(const std::string& path, bool readOnly, bool create) {
    DatabaseOptions o;
    o.readOnly = readOnly;
    o.create = create;
    py::gil_scoped_release nogil;
    db_.emplace(Database::open(path, o));
}

PyDatabase::PyDatabase(Database db) : db_(std::move(db)) {}

void PyDatabase::close() {
    if (owner_.load() == std::this_thread::get_id()) throw DatabaseBusy{};
    py::gil_scoped_release nogil;
    std::lock_guard lock(mutex_);
    db_.reset();
}

bool PyDatabase::closed() {
    if (owner_.load() == std::this_thread::get_id()) return false;  // inside one of its calls
    py::gil_scoped_release nogil;
    std::lock_guard lock(mutex_);
    return !db_.has_value();
}

std::string PyDatabase::path() {
    return run([](Database& db) { return db.location(); });
}

bool PyDatabase::readOnly() {
    return run([](Database& db) { return db.readOnly(); });
}

// --- arguments --------------------------------------------------------------------------------

std::optional<model::Date> parseDate(const std::optional<std::string>& text, const char* name) {
    if (!text || text->empty()) return std::nullopt;
    std::string why;
    if (auto d = model::Date::tryParse(*text, &why)) return d;
    throw InvalidArgumentError(std::string(name) + ": " + why);
}

std::vector<model::EventKind> parseKinds(const std::vector<std::string>& names, const char* name) {
    std::vector<model::EventKind> out;
    for (const auto& n : names) {
        if (n.empty()) continue;
        const auto k = model::parse<model::EventKind>(n);
        if (!k) {
            std::string known;
            for (const auto x : model::names<model::EventKind>()) {
                known += known.empty() ? "" : ", ";
                known += x;
            }
            throw InvalidArgumentError(std::string(name) + ": unknown event kind \"" + n +
                                       "\" (expected one of " + known + ")");
        }
        if (std::find(out.begin(), out.end(), *k) == out.end()) out.push_back(*k);
    }
    return out;
}

query::Through parseThrough(const std::string& s) {
    if (s == "events") return query::Through::Events;
    if (s == "relations") return query::Through::Relations;
    if (s == "both") return query::Through::EventsAndRelations;
    throw InvalidArgumentError("through: expected events, relations or both, got \"" + s + "\"");
}

py::object dateObject(const std::optional<model::Date>& d) {
    if (!d) return py::none();
    return py::str(d->toString());
}

py::object textOrNone(const std::string& s) {
    return optText(s);
}

// --- the class --------------------------------------------------------------------------------
void bindDatabase(py::module_& m) {
    py::class_<PyDatabase> cls(m, "_Database",
                               "The compiled database handle; use bilateral.open() instead.");
    cls.def(py::init<const std::string&, bool, bool>(), py::arg("path"), py::arg("readonly"),
            py::arg("create"))
        .def_static(
            "memory", [] { return std::make_unique<PyDatabase>(Database::memory()); },
            "A database in memory.")
        .def("close", &PyDatabase::close)
        .def_property_readonly("closed", &PyDatabase::closed)
        .def_property_readonly("filename", &PyDatabase::path)
        .def_property_readonly("readonly", &PyDatabase::readOnly)
        .def("import_files", &importFiles, py::arg("files"), py::arg("format"), py::arg("progress"))
        .def("resolve", &resolve, py::arg("actor"))
        .def("who_met", &whoMet, py::arg("actor"), py::arg("since"), py::arg("until"),
             py::arg("kinds"), py::arg("phone_calls"), py::arg("limit"), py::arg("any_side"),
             py::arg("rows"))
        .def("timeline", &timeline, py::arg("actor"), py::arg("country_a"), py::arg("country_b"),
             py::arg("country"), py::arg("since"), py::arg("until"), py::arg("kinds"),
             py::arg("limit"), py::arg("rule"))
        .def("relations", &relations, py::arg("actor"), py::arg("as_of"), py::arg("kind"))
        .def("holders", &holders, py::arg("post"), py::arg("on"))
        .def("search", &search, py::arg("text"), py::arg("limit"))
        .def("path", &path, py::arg("a"), py::arg("b"), py::arg("through"), py::arg("max_hops"),
             py::arg("max_visited"))
        .def("ego", &ego, py::arg("actor"), py::arg("hops"), py::arg("through"), py::arg("limit"))
        .def("stats", &stats);
    bindGraph(cls);
    bindTrend(cls);
    bindClaims(cls);
}

}  // namespace bilateral::python
