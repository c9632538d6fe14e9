// bilateral._bilateral: the compiled half of the Python package `bilateral`.

#include "bilateral/model/kinds.hpp"
#include "binding.hpp"

namespace {

namespace py = pybind11;

template <class Enum, class Keep>
py::tuple namesOf(Keep keep) {
    py::list out;
    const auto names = bilateral::model::names<Enum>();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (keep(static_cast<Enum>(i))) out.append(py::str(names[i].data(), names[i].size()));
    return py::tuple(out);
}

}  // namespace

PYBIND11_MODULE(_bilateral, m) {
    m.doc() =
        "The compiled core of the bilateral package: bilateral::Database and its errors. Import "
        "`bilateral`, not this module.";
    using namespace bilateral::model;
    const auto all = [](auto) { return true; };
    m.attr("EVENT_KINDS") = namesOf<EventKind>(all);
    m.attr("MEETING_KINDS") = namesOf<EventKind>([](EventKind k) { return isMeetingKind(k); });
    m.attr("RELATION_KINDS") = namesOf<RelationKind>(all);
    m.attr("ACTOR_KINDS") = namesOf<ActorKind>(all);
    m.attr("ROLES") = namesOf<Role>(all);
    bilateral::python::registerErrors(m);
    bilateral::python::bindDatabase(m);
}
