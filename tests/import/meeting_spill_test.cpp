// The meetings of a large import kept in bounded memory: past what the map holds, they are
// spilled to a sorted temporary file and still found, each with its first event row.

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <random>
#include <utility>
#include <vector>

#include "meeting_groups.hpp"
#include "meeting_spill.hpp"

using namespace bilateral;
using io::detail::MeetingGroups;
using io::detail::SpilledMeetings;

namespace {

rules::MeetingKey keyOf(std::uint64_t pair, std::uint32_t dayRoot) {
    rules::MeetingKey k;
    k.pair = pair;
    k.dayRoot = dayRoot;
    return k;
}

}  // namespace

TEST(MeetingSpill, EverySpilledMeetingIsFoundWithItsRowAndNoOtherIs) {
    std::mt19937_64 random(7);
    SpilledMeetings spilled;
    std::map<std::pair<std::uint64_t, std::uint32_t>, std::int64_t> held;
    std::int64_t row = 0;
    for (int batch = 0; batch < 5; ++batch) {  // five merges into one run
        std::vector<SpilledMeetings::Entry> entries;
        while (entries.size() < 3000) {
            const auto pair = random() % 5000;
            const auto dayRoot = static_cast<std::uint32_t>(random() % 200);
            if (held.emplace(std::pair(pair, dayRoot), ++row).second)
                entries.push_back({pair, dayRoot, row});
        }
        spilled.add(entries);
    }
    ASSERT_FALSE(spilled.empty());
    for (const auto& [k, r] : held) {
        const auto found = spilled.find(keyOf(k.first, k.second));
        ASSERT_TRUE(found.has_value()) << k.first << "/" << k.second;
        EXPECT_EQ(*found, r);
    }
    int misses = 0;
    for (std::uint64_t pair = 0; pair < 5000; ++pair) {
        for (std::uint32_t dayRoot = 200; dayRoot < 204; ++dayRoot) {
            if (spilled.find(keyOf(pair, dayRoot))) {
                ADD_FAILURE() << "found a meeting never added: " << pair << "/" << dayRoot;
            }
            ++misses;
        }
    }
    EXPECT_EQ(misses, 20000);
}

TEST(MeetingSpill, GroupsHoldingFewMeetingsGroupAsGroupsHoldingAll) {
    io::MeetingGrouping how;
    MeetingGroups few(how, nullptr, 16);
    MeetingGroups all(how);
    std::mt19937 random(11);
    std::int64_t row = 0;
    int regrouped = 0;
    for (int i = 0; i < 5000; ++i) {
        const auto a = static_cast<std::int64_t>(random() % 5 + 1);
        const auto b = static_cast<std::int64_t>(random() % 5 + 6);
        const auto day = static_cast<model::DayNumber>(20000 + random() % 20);
        const std::string code = random() % 2 ? "042" : "190";
        const auto k = all.key(a, b, day, code);
        const auto expected = all.find(k, day);
        const auto got = few.find(k, day);
        ASSERT_EQ(got, expected) << "row " << i;
        ++row;
        if (expected) {
            ++regrouped;
        } else {
            all.add(k, row);
            few.add(k, row);
        }
    }
    EXPECT_GT(regrouped, 1000);  // the keys repeat: most lookups after the first spill hit
}
