#pragma once
// Everything bilateral offers, for consumers who want one include. Start from
// bilateral::Database (database.hpp).

#include "bilateral/database.hpp"
#include "bilateral/error.hpp"
#include "bilateral/graph/algorithms.hpp"
#include "bilateral/graph/paths.hpp"
#include "bilateral/graph/projection.hpp"
#include "bilateral/io/cameo.hpp"
#include "bilateral/io/countries.hpp"
#include "bilateral/io/dataset.hpp"
#include "bilateral/io/events.hpp"
#include "bilateral/io/import.hpp"
#include "bilateral/io/writers.hpp"
#include "bilateral/model/date.hpp"
#include "bilateral/model/kinds.hpp"
#include "bilateral/model/types.hpp"
#include "bilateral/query/answers.hpp"
#include "bilateral/query/index.hpp"
#include "bilateral/query/queries.hpp"
#include "bilateral/store/store.hpp"
