// The methodology data file loads and says which rules are published and which assumed.
#include <catch2/catch.hpp>

#include "jobzone/json.h"
#include "jobzone/methodology.h"

using namespace jobzone;

TEST_CASE("methodology loads with the published constants") {
    const Methodology& m = methodology();
    CHECK(m.formula.task_resistance_base == 6.0);
    CHECK(m.formula.evidence_step == 0.04);
    CHECK(m.formula.barrier_step == 0.02);
    CHECK(m.formula.growth_step == 0.05);
    CHECK(m.formula.raw_floor == 0.54);
    CHECK(m.formula.raw_span == 7.93);
    CHECK(m.evidence.dimensions.size() == 5);
    CHECK(m.barriers.dimensions.size() == 5);
    CHECK(m.protective.dimensions.size() == 3);
    CHECK(m.evidence.total_min() == -10);
    CHECK(m.barriers.total_max() == 10);
    CHECK(m.protective.total_max() == 9);
    CHECK(m.limits.max_tasks == 50);
}

TEST_CASE("every rule is marked published or assumed, as the methodology data requires") {
    const Methodology& m = methodology();
    REQUIRE(m.zones.size() == 3);
    CHECK(m.zones[0].zone == "GREEN");
    CHECK(m.zones[0].min == 48);
    CHECK(m.zones[0].info.status == "published");
    CHECK(m.zones[1].info.status == "assumed");
    CHECK(m.zones[2].info.status == "assumed");
    CHECK(m.labels.front().label == "Green (Accelerated)");
    CHECK(m.labels.front().info.status == "published");
    for (std::size_t i = 1; i < m.labels.size(); ++i) CHECK(m.labels[i].info.status == "assumed");
    CHECK(m.clamp.status == "assumed");
    CHECK(m.formula.info.status == "published");
}

TEST_CASE("malformed methodology data is refused") {
    std::string text(methodology_text());
    std::string bad = text;
    bad.replace(bad.find("\"time_share_3plus\""), 18, "\"time_share_3plux\"");
    std::string error;
    CHECK_FALSE(parse_methodology(bad, error).has_value());
    CHECK(error.find("unknown metric 'time_share_3plux'") != std::string::npos);
    std::string status = text;
    // The formula's own status (the first "published" in the file is a scale's, which the UI reads).
    status.replace(status.find("\"status\": \"published\"", status.find("\"formula\": {")), 21, "\"status\": \"rumoured\"");
    error.clear();
    CHECK_FALSE(parse_methodology(status, error).has_value());
    CHECK(error == "methodology: formula.status must be published or assumed, not 'rumoured'");
    // A missing figure, a wrong type and broken JSON are named too; nothing throws or stops.
    std::string missing = text;
    missing.replace(missing.find("\"raw_span\""), 10, "\"raw_spam\"");
    error.clear();
    CHECK_FALSE(parse_methodology(missing, error).has_value());
    CHECK(error == "methodology: formula.raw_span is missing");
    std::string typed = text;
    typed.replace(typed.find("\"zones\": ["), 10, "\"zones\": 7,\"x\": [");
    error.clear();
    CHECK_FALSE(parse_methodology(typed, error).has_value());
    CHECK(error == "methodology: zones must be a list");
    error.clear();
    CHECK_FALSE(parse_methodology("{\"format\": ", error).has_value());
    CHECK(error.rfind("methodology: (root): not valid JSON", 0) == 0);
    error.clear();
    CHECK(parse_methodology(text, error).has_value());
    CHECK(error.empty());
}

TEST_CASE("every level of every scale has words, marked published or assumed; the barrier bands cover 0-10") {
    const Json doc = Json::parse(methodology_text());
    const Json& in = doc["inputs"];
    auto check_levels = [](const Json& levels, int lo, int hi, const std::string& where) {
        INFO(where);
        REQUIRE(levels.size() == static_cast<std::size_t>(hi - lo + 1));
        for (int v = lo; v <= hi; ++v) {
            const Json& level = levels[static_cast<std::size_t>(v - lo)];
            CHECK(level["value"] == v);
            CHECK_FALSE(level["text"].get<std::string>().empty());
            CHECK((level["status"] == "published" || level["status"] == "assumed"));
        }
    };
    check_levels(in["task_score"]["levels"], 1, 5, "task_score");
    check_levels(in["ai_growth_correlation"]["levels"], -2, 2, "ai_growth_correlation");
    for (const char* scale : {"evidence", "barriers", "protective"}) {
        for (const Json& d : in[scale]["dimensions"]) {
            check_levels(d["levels"], in[scale]["min"], in[scale]["max"], std::string(scale) + "." + d["key"].get<std::string>());
        }
    }
    // The words the tracker prints are the published ones.
    CHECK(in["protective"]["dimensions"][0]["levels"][0]["text"] == "No physical presence needed");
    CHECK(in["protective"]["dimensions"][0]["levels"][0]["status"] == "published");
    CHECK(in["protective"]["dimensions"][1]["levels"][1]["text"] == "Some human interaction");
    CHECK(in["protective"]["dimensions"][2]["levels"][3]["text"] == "High moral responsibility");
    CHECK(in["ai_growth_correlation"]["levels"][4]["text"] == "AI creates more jobs");
    int next = 0;
    for (const Json& band : in["barriers"]["bands"]) {
        CHECK(band["min"] == next);
        next = band["max"].get<int>() + 1;
        if (band["min"] <= 3 && band["max"] >= 3) CHECK(band["word"] == "Moderate");
    }
    CHECK(next == methodology().barriers.total_max() + 1);
}
