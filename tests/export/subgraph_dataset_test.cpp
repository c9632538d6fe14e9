// The dataset of a projection's subgraph, and writeExport writing each format.

#include "export/export_support.hpp"

using namespace bilateral;
using namespace bilateral::fixtures;
using graph::Projection;

TEST(SubgraphDataset, HoldsTheProjectionsRecordsAndTheSourcesTheyCite) {
    auto s = tinyStore();
    const auto p = buildProjection(s, {.kinds = {model::EventKind::BilateralMeeting}});
    const auto d = io::subgraphDataset(s, p);
    ASSERT_EQ(d.events.size(), 1u);
    EXPECT_EQ(d.events[0].id, "event/meeting");
    EXPECT_FALSE(d.events[0].parent) << "the visit is not in the subgraph";
    EXPECT_EQ(d.events[0].participants.size(), 3u);
    EXPECT_EQ(d.actors.size(), p.actorCount());
    EXPECT_EQ(d.relations.size(), p.relationCount());
    ASSERT_EQ(d.sources.size(), 1u);
    EXPECT_EQ(d.sources[0].id, "source/s");

    // The document stands on its own: it parses with no store to resolve ids against.
    const auto text = io::writeDataset(d);
    const auto back = io::parseDataset(text, "subgraph.json");
    EXPECT_EQ(back.actors.size(), d.actors.size());
    EXPECT_EQ(back.events, d.events);
    EXPECT_EQ(back.relations.size(), d.relations.size());
}

TEST(SubgraphDataset, OfAnUnfilteredProjectionIsTheWholeStoreButUncitedSources) {
    auto s = tinyStore();
    const auto p = buildProjection(s);
    const auto d = io::subgraphDataset(s, p);
    auto whole = io::datasetFromStore(s);
    EXPECT_EQ(d.actors, whole.actors);
    EXPECT_EQ(d.events, whole.events);
    EXPECT_EQ(d.relations, whole.relations);
    EXPECT_EQ(whole.sources.size(), 2u);
    EXPECT_EQ(d.sources.size(), 1u);
}

TEST(WriteExport, WritesEachFormat) {
    auto s = tinyStore();
    const auto p = buildProjection(s);
    for (const auto f : {io::ExportFormat::GraphML, io::ExportFormat::Gexf, io::ExportFormat::Json,
                         io::ExportFormat::Cytoscape, io::ExportFormat::Dot}) {
        const auto text = render([&](std::ostream& o) { io::writeExport(o, f, s, p); });
        EXPECT_FALSE(text.empty()) << io::toString(f);
        EXPECT_EQ(text.back(), '\n') << io::toString(f);
    }
}
