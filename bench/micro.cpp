// Google Benchmark micro-benchmarks of the event importers' per-row primitives (built when
// Debian's libbenchmark-dev is installed): `build/bench/bilateral-micro`.

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "bilateral/import/cameo.hpp"
#include "bilateral/model/utf8.hpp"
#include "field_values.hpp"
#include "json_text.hpp"
#include "tsv_line.hpp"

namespace {

using namespace bilateral::io;

const std::string kRow =
    "20000001\t2018-05-17\tHassan Zaez\tGovernment,Executive,Elite\tSaudi Arabia\tMeet at a "
    "'third' location\t044\t2.5\tNATO\tRegional,International Military\t\t28000001\t12\tXinhua "
    "News Agency\tRiyadh\t\tRiyadh\tSaudi Arabia\t24.7320\t46.6919";

void ValidUtf8(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(bilateral::model::validUtf8(kRow));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kRow.size()));
}
BENCHMARK(ValidUtf8);

void SplitTabs(benchmark::State& state) {
    std::vector<std::string_view> f;
    for (auto _ : state) benchmark::DoNotOptimize(detail::splitTabs(kRow, f));
}
BENCHMARK(SplitTabs);

void ParseIsoDay(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(detail::parseIsoDay("2018-05-17"));
}
BENCHMARK(ParseIsoDay);

void ParseDecimal(benchmark::State& state) {
    double d = 0;
    for (auto _ : state) benchmark::DoNotOptimize(detail::parseDecimal("46.6919", d));
}
BENCHMARK(ParseDecimal);

void CameoFind(benchmark::State& state) {
    const auto& t = CameoTable::standard();
    for (auto _ : state) benchmark::DoNotOptimize(t.find("044"));
}
BENCHMARK(CameoFind);

void AttributeJson(benchmark::State& state) {
    detail::JsonObject j;
    for (auto _ : state) {
        j.clear();
        j.text("city", "Riyadh");
        j.text("country", "Saudi Arabia");
        j.number("latitude", "24.7320");
        j.number("longitude", "46.6919");
        j.text("province", "Riyadh");
        j.text("publisher", "Xinhua News Agency");
        j.integer("sentence_number", 12);
        j.integer("story_id", 28000001);
        benchmark::DoNotOptimize(j.finish());
    }
}
BENCHMARK(AttributeJson);

}  // namespace

BENCHMARK_MAIN();
