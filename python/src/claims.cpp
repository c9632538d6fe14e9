// [claims] `_Database.disagreements` and the disagreements of a timeline's events: tuples in the
// shape of `bilateral disagreements --json` (docs/python.md).

#include "binding.hpp"

namespace bilateral::python {
namespace {

py::object str(std::string_view s) {
    PyObject* o =
        PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "surrogateescape");
    if (!o) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(o);
}

py::object optStr(const std::optional<std::string>& s) {
    return s ? str(*s) : py::none();
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
            values.append(py::make_tuple(v.source.empty() ? py::none() : str(v.source),
                                         str(v.value), v.preferred, v.own, evidenceList(v.evidence),
                                         optStr(v.note)));
        }
        out.append(py::make_tuple(str(d.record), d.actor.empty() ? py::none() : str(d.actor),
                                  str(d.field), values));
    }
    return out;
}

void bindClaims(py::class_<PyDatabase>& cls) {
    cls.def("disagreements", &disagreements);
}

}  // namespace bilateral::python
