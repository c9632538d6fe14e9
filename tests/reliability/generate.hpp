#pragma once
// Deterministic generated inputs, large enough that an import takes a while: an ICEWS event file
// and a dataset JSON document. Generated at test time; never committed.

#include <cstdint>
#include <string>

namespace reliability {

/// An ICEWS file of `rows` events among a few hundred actors of twenty countries; Event IDs
/// start at `firstId`.
inline std::string icewsFile(int rows, std::int64_t firstId = 50'000'000) {
    static const char* const kCountries[] = {
        "Italy",  "Malaysia", "France",    "Germany", "Japan",     "China", "India",
        "Brazil", "Egypt",    "Indonesia", "Spain",   "Thailand",  "Kenya", "Mexico",
        "Canada", "Poland",   "Vietnam",   "Nigeria", "Argentina", "Turkey"};
    static const char* const kCodes[] = {"010", "020", "036", "040", "042", "043", "046",
                                         "051", "057", "061", "071", "090", "112", "173"};
    std::string out =
        "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\t"
        "CAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\t"
        "Sentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n";
    std::uint32_t x = 2463534242u;
    auto next = [&x] {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        return x;
    };
    for (int i = 0; i < rows; ++i) {
        const auto s = next() % 400, t = (s + 1 + next() % 399) % 400;
        const char* sc = kCountries[s % 20];
        const char* tc = kCountries[t % 20];
        const int day = 1 + static_cast<int>(i % 28), month = 1 + static_cast<int>((i / 28) % 12);
        char date[16];
        std::snprintf(date, sizeof date, "2019-%02d-%02d", month, day);
        out += std::to_string(firstId + i);
        out += '\t';
        out += date;
        out += "\tOfficial " + std::to_string(s) + " of " + sc + "\tGovernment\t" + sc;
        out += "\tText of event " + std::to_string(i) + '\t';
        out += kCodes[next() % 14];
        out += "\t1.5\tOfficial " + std::to_string(t) + " of " + tc + "\tGovernment\t" + tc;
        out += '\t' + std::to_string(100000 + i) + "\t1\tWire\tCity\t\tProvince\t" + sc +
               "\t1.25\t-3.5\n";
    }
    return out;
}

/// A dataset document: `n` people, `n` talks between two of them with evidence, `n` relations.
inline std::string datasetFile(int n, const std::string& prefix = "gen") {
    std::string out = R"({"format": "bilateral-dataset", "version": 1,
"sources": [{"id": "source/)" +
                      prefix + R"(", "title": "Generated", "published": "2024"}],
"actors": [)";
    for (int i = 0; i < n; ++i) {
        if (i) out += ",\n";
        const auto id = std::to_string(i);
        out += R"({"id": "person/)" + prefix + "-" + id +
               R"(", "kind": "person", "name": "Person )" + id + R"(", "aliases": ["P)" + id +
               R"(", "Dr P )" + id + R"("], "country": "ITA", "attributes": {"rank": )" + id +
               R"(}, "evidence": [{"source": "source/)" + prefix + R"(", "quote": "Person )" + id +
               R"("}]})";
    }
    out += "],\n\"events\": [";
    for (int i = 0; i < n; ++i) {
        if (i) out += ",\n";
        const auto id = std::to_string(i);
        const auto other = std::to_string((i * 7 + 1) % n);
        char date[16];
        std::snprintf(date, sizeof date, "2024-%02d-%02d", 1 + i % 12, 1 + i % 28);
        out += R"({"id": "event/)" + prefix + "-" + id + R"(", "kind": "talks", "title": "Talks )" +
               id + R"(", "start": ")" + date + R"(", "participants": [{"actor": "person/)" +
               prefix + "-" + id + R"(", "role": "host"}, {"actor": "person/)" + prefix + "-" +
               other + R"(", "role": "guest"}], "evidence": [{"source": "source/)" + prefix +
               R"(", "quote": "talks )" + id + R"(", "confidence": 0.75}]})";
    }
    out += "],\n\"relations\": [";
    for (int i = 0; i < n; ++i) {
        if (i) out += ",\n";
        const auto id = std::to_string(i);
        out += R"({"id": "rel/)" + prefix + "-" + id +
               R"(", "kind": "partner_of", "from": "person/)" + prefix + "-" + id +
               R"(", "to": "person/)" + prefix + "-" + std::to_string((i + 1) % n) +
               R"(", "valid": {"from": "2020"}})";
    }
    out += "]}\n";
    return out;
}

}  // namespace reliability
