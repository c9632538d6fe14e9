#pragma once
// Everything bilateral offers, for consumers who want one include. Start from
// bilateral::Database (database.hpp).

#include "bilateral/database.hpp"
#include "bilateral/error.hpp"
#include "bilateral/export/writers.hpp"
#include "bilateral/graph/algorithms.hpp"
#include "bilateral/graph/paths.hpp"
#include "bilateral/graph/projection.hpp"
#include "bilateral/import/cameo.hpp"
#include "bilateral/import/countries.hpp"
#include "bilateral/import/dataset.hpp"
#include "bilateral/import/events.hpp"
#include "bilateral/import/import.hpp"
#include "bilateral/model/date.hpp"
#include "bilateral/model/kinds.hpp"
#include "bilateral/model/types.hpp"
#include "bilateral/query/answers.hpp"
#include "bilateral/query/index.hpp"
#include "bilateral/query/queries.hpp"
