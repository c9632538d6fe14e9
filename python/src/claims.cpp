// [claims] `_Database.disagreements` and the disagreements of a timeline's events: tuples in the
// shape of `bilateral disagreements --json` (docs/python.md).

#include "binding.hpp"

namespace bilateral::python {
namespace {

py::object optText(const std::optional<std::string>& s) {
    return s ? text(*s) : py::none();
}

py::list disagreements(PyDatabase& self) {
    const auto all = self.run([](Database& db) { return db.disagreements(); });
    return disagreementTuples(all);
}

}  // namespace

py::list disagreementTuples(const std::vector<query::Disagreement>& all) {
    py::list out;
    for (const auto& d : all) {
        py::list values;
        for (const auto& v : d.values) {
            values.append(py::make_tuple(v.source.empty() ? py::none() : text(v.source),
                                         text(v.value), v.preferred, v.own,
                                         evidenceList(v.evidence), optText(v.note)));
        }
        out.append(py::make_tuple(text(d.record), d.actor.empty() ? py::none() : text(d.actor),
                                  text(d.field), values));
    }
    return out;
}

void bindClaims(py::class_<PyDatabase>& cls) {
    cls.def("disagreements", &disagreements);
}

}  // namespace bilateral::python
