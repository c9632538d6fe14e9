// bilateral._bilateral: the compiled half of the Python package `bilateral`.

#include "binding.hpp"

PYBIND11_MODULE(_bilateral, m) {
    m.doc() =
        "The compiled core of the bilateral package: bilateral::Database and its errors. Import "
        "`bilateral`, not this module.";
    bilateral::python::registerErrors(m);
    bilateral::python::bindDatabase(m);
}
