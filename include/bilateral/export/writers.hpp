#pragma once
// Graph exports of a projection: GraphML, GEXF (1.2draft or 1.3), Graphviz DOT and Cytoscape.js
// JSON; and the dataset JSON of a projection's subgraph. Formats, attributes and escaping:
// docs/graph.md.
//
// Every writer names vertices n0, n1, ... and edges e0, e1, ... in projection order (as Boost's
// write_graphml does) and carries the data's own ids in an attribute called `bilateral_id`
// (igraph reserves `id`).
//
// Escaping. Text is written as UTF-8. XML writers (GraphML, GEXF) escape & < > " ' as entities,
// write tab, line feed and carriage return, leading, trailing and repeated spaces, and the
// bidirectional formatting marks (U+200E, U+200F, U+202A..U+202E, U+2066..U+2069) as numeric
// character references, and REPLACE every character XML 1.0 cannot carry at all (U+0000..U+001F
// other than tab, line feed and carriage return; U+FFFE, U+FFFF) and every byte that is not part
// of valid UTF-8 with U+FFFD REPLACEMENT CHARACTER. DOT escapes " and \ with a backslash,
// writes line feed as \n and replaces the other control characters and invalid UTF-8 the same
// way. JSON (nlohmann) escapes everything JSON needs; NUL and other controls survive as \u0000..
// and invalid UTF-8 becomes U+FFFD.

#include <iosfwd>
#include <string>
#include <string_view>

#include "bilateral/import/dataset.hpp"

namespace bilateral::store {
class Store;
}
namespace bilateral::graph {
class Projection;
}

namespace bilateral::io {

enum class ExportFormat { GraphML, Gexf, Json, Cytoscape, Dot };

std::string_view toString(ExportFormat f) noexcept;
/// `graphml`, `gexf`, `json`, `cytoscape`, `dot`; throws InvalidArgumentError otherwise.
ExportFormat parseExportFormat(std::string_view name);
/// The usual file extension: `.graphml`, `.gexf`, `.json`, `.cyjs`, `.dot`.
std::string_view extensionOf(ExportFormat f) noexcept;

/// GEXF versions: 1.2draft (the default: NetworkX's read_gexf reads it, Gephi too) and 1.3.
enum class GexfVersion { V1_2Draft, V1_3 };
/// `1.2draft` (also `1.2`), `1.3`; throws InvalidArgumentError otherwise.
GexfVersion parseGexfVersion(std::string_view name);
std::string_view toString(GexfVersion v) noexcept;

/// What every graph export says about itself.
struct ExportOptions {
    /// Graph-level description; empty = one generated from the projection's filter and counts.
    std::string description;
    /// Indentation of JSON output (Cytoscape); -1 = compact.
    int indent = 2;
    /// The GEXF version writeGexf writes.
    GexfVersion gexfVersion = GexfVersion::V1_2Draft;
};

/// GraphML: every key declared with attr.type; directed edges; node keys bilateral_id, kind,
/// type, label, country, start, end, status, location, parent, cameo, evidence_count; edge keys
/// bilateral_id, kind, type, role, label, start, end, evidence_count; graph keys description,
/// window_from, window_to, event_kinds. Empty values are omitted (readers give the key's absence).
void writeGraphML(std::ostream& out, const graph::Projection& projection,
                  const ExportOptions& options = {});

/// GEXF 1.2draft (default) or 1.3 (ExportOptions::gexfVersion), mode="dynamic"
/// timeformat="date": events and relations carry spells (their day range, partial dates widened)
/// for Gephi's timeline; actors are timeless. 1.3 adds the edges' `kind` (their type).
void writeGexf(std::ostream& out, const graph::Projection& projection,
               const ExportOptions& options = {});

/// Graphviz DOT: a digraph, actors as ellipses, events as boxes, attributes as in GraphML.
void writeDot(std::ostream& out, const graph::Projection& projection,
              const ExportOptions& options = {});

/// Cytoscape.js JSON: `{"data": {...}, "elements": {"nodes": [{"data": {...}}], "edges": [...]}}`,
/// loadable by cytoscape.js (`cy.add(json.elements)`) and Cytoscape desktop (File → Import →
/// Network from File, .cyjs).
void writeCytoscape(std::ostream& out, const graph::Projection& projection,
                    const ExportOptions& options = {});

/// Writes `format`; for ExportFormat::Json, the dataset of subgraphDataset(store, projection).
void writeExport(std::ostream& out, ExportFormat format, store::Store& store,
                 const graph::Projection& projection, const ExportOptions& options = {});

/// The dataset of a projection's subgraph: its actors, its events with the participants it
/// keeps, its relations, and the sources their evidence cites — a document that imports on its
/// own. A parent event left out of the projection is dropped from its children's `parent`.
Dataset subgraphDataset(store::Store& store, const graph::Projection& projection);

/// The generated graph description: what the projection holds and which filter made it.
std::string describeProjection(const graph::Projection& projection);

/// XML text (element content or attribute value), escaped as described above.
std::string xmlEscape(std::string_view text);
/// A DOT double-quoted string's content, escaped as described above (without the quotes).
std::string dotEscape(std::string_view text);
/// Valid UTF-8: every byte that is not part of a valid sequence (overlong forms and surrogates
/// included) replaced by U+FFFD.
std::string sanitizeUtf8(std::string_view text);

}  // namespace bilateral::io
