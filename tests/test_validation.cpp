// Validation: one case per class of error, each asserting the field path and the message.
#include <catch2/catch.hpp>

#include <string>

#include "jobzone/assessment.h"
#include "support.h"

using namespace jobzone;
using Catch::Matchers::StartsWith;

namespace {

// The reference document with one edit applied.
template <typename Edit>
std::vector<FieldError> errors_after(Edit edit) {
    Json doc = test::reference_json();
    edit(doc);
    ParseResult parsed = parse_assessment(doc.dump());
    CHECK_FALSE(parsed.assessment.has_value());
    return parsed.errors;
}

std::vector<FieldError> errors_of(const std::string& text) {
    ParseResult parsed = parse_assessment(text);
    CHECK_FALSE(parsed.assessment.has_value());
    return parsed.errors;
}

// Matches a list of errors holding one with exactly this path and message.
class HasErrorMatcher : public Catch::MatcherBase<std::vector<FieldError>> {
public:
    HasErrorMatcher(std::string path, std::string message) : path_(std::move(path)), message_(std::move(message)) {}
    bool match(const std::vector<FieldError>& errors) const override {
        for (const FieldError& e : errors) {
            if (e.path == path_ && e.message == message_) return true;
        }
        return false;
    }
    std::string describe() const override { return "holds the error \"" + path_ + ": " + message_ + "\""; }

private:
    std::string path_, message_;
};

HasErrorMatcher HasError(std::string path, std::string message) { return {std::move(path), std::move(message)}; }

std::string all(const std::vector<FieldError>& errors) {
    std::string out;
    for (const FieldError& e : errors) out += e.to_string() + "\n";
    return out;
}

}  // namespace

TEST_CASE("the reference role is valid and round-trips unchanged") {
    ParseResult parsed = parse_assessment(test::reference_text());
    INFO(all(parsed.errors));
    REQUIRE(parsed.ok());
    CHECK(to_json(*parsed.assessment) == test::reference_json());
    CHECK(to_json(*parsed.assessment).dump() == test::reference_json().dump());
}

TEST_CASE("out-of-range integer names the field and the range") {
    auto e = errors_after([](Json& d) { d["tasks"][2]["score"] = 7; });
    CHECK_THAT(e, HasError("tasks[2].score", "must be an integer from 1 to 5, got 7"));
    CHECK(e.size() == 1);
}

TEST_CASE("fractional integer") {
    auto e = errors_after([](Json& d) { d["evidence"]["wage_trends"] = 1.5; });
    CHECK_THAT(e, HasError("evidence.wage_trends", "must be an integer from -2 to 2, got 1.5"));
}

TEST_CASE("a whole number written as 2.0 is an integer") {
    Json d = test::reference_json();
    d["tasks"][0]["score"] = 2.0;
    CHECK(parse_assessment(d.dump()).ok());
}

TEST_CASE("time shares are in hundredths of a percent") {
    auto e = errors_after([](Json& d) {
        d["tasks"] = Json::array({{{"name", "A"}, {"time_pct", 34.64}, {"score", 1}, {"impact", "augmentation"}},
                                  {{"name", "B"}, {"time_pct", 64.355}, {"score", 2}, {"impact", "augmentation"}},
                                  {{"name", "C"}, {"time_pct", 1.005}, {"score", 3}, {"impact", "augmentation"}}});
    });
    CHECK_THAT(e, HasError("tasks[1].time_pct",
                           "must be a number from 0 to 100 in steps of 0.01 (hundredths of a percent at most), got 64.355"));
    CHECK_THAT(e, HasError("tasks[2].time_pct",
                           "must be a number from 0 to 100 in steps of 0.01 (hundredths of a percent at most), got 1.005"));
    Json ok = test::reference_json();
    ok["tasks"][0]["time_pct"] = 24.99;
    ok["tasks"][1]["time_pct"] = 20.01;
    CHECK(parse_assessment(ok.dump()).ok());
}

TEST_CASE("time shares must add up to 100") {
    auto e = errors_after([](Json& d) { d["tasks"][0]["time_pct"] = 20; });
    CHECK_THAT(e, HasError("tasks", "time shares add up to 95, must add up to 100"));
}

TEST_CASE("time share out of range") {
    auto e = errors_after([](Json& d) { d["tasks"][1]["time_pct"] = -5; });
    CHECK_THAT(e, HasError("tasks[1].time_pct", "must be a number from 0 to 100, got -5"));
}

TEST_CASE("wrong types") {
    auto e = errors_after([](Json& d) {
        d["tasks"][0]["score"] = "2";
        d["ai_growth_correlation"] = nullptr;
        d["barriers"] = Json::array();
        d["role"]["title"] = 5;
    });
    INFO(all(e));
    CHECK_THAT(e, HasError("tasks[0].score", "must be an integer from 1 to 5, got \"2\""));
    CHECK_THAT(e, HasError("ai_growth_correlation", "must be an integer from -2 to 2, got null"));
    CHECK_THAT(e, HasError("barriers", "must be an object, got an array"));
    CHECK_THAT(e, HasError("role.title", "must be text of at most 200 characters, got 5"));
    CHECK(e.size() == 4);  // every error is reported, not only the first
}

TEST_CASE("missing fields") {
    auto e = errors_after([](Json& d) {
        d["tasks"][3].erase("impact");
        d["protective"].erase("embodied_physicality");
        d.erase("ai_growth_correlation");
    });
    INFO(all(e));
    CHECK_THAT(e, HasError("tasks[3].impact", "is required; must be one of displacement, augmentation, not_involved"));
    CHECK_THAT(e, HasError("protective.embodied_physicality", "is required; must be an integer from 0 to 3 (or null: not judged)"));
    CHECK_THAT(e, HasError("ai_growth_correlation", "is required; must be an integer from -2 to 2"));
}

TEST_CASE("unknown impact") {
    auto e = errors_after([](Json& d) { d["tasks"][0]["impact"] = "replaced"; });
    CHECK_THAT(e, HasError("tasks[0].impact", "must be one of displacement, augmentation, not_involved, got \"replaced\""));
}

TEST_CASE("empty and oversize task lists") {
    auto empty = errors_after([](Json& d) { d["tasks"] = Json::array(); });
    CHECK_THAT(empty, HasError("tasks", "must be a list of 1 to 50 tasks, got 0"));
    auto many = errors_after([](Json& d) {
        Json task = d["tasks"][0];
        d["tasks"] = Json::array();
        for (int i = 0; i < 51; ++i) d["tasks"].push_back(task);
    });
    CHECK_THAT(many, HasError("tasks", "must be a list of 1 to 50 tasks, got 51"));
}

TEST_CASE("unknown fields are rejected, x- extensions kept") {
    auto e = errors_after([](Json& d) { d["evidance"] = 1; d["tasks"][0]["weight"] = 1; });
    INFO(all(e));
    REQUIRE(e.size() == 2);
    CHECK(e[0].path == "evidance");
    CHECK_THAT(e[0].message, StartsWith("unknown field; allowed here: $schema, format, id,"));
    CHECK(e[1].path == "tasks[0].weight");

    Json d = test::reference_json();
    d["x-note"] = {{"any", "thing"}};
    ParseResult parsed = parse_assessment(d.dump());
    REQUIRE(parsed.ok());
    CHECK(to_json(*parsed.assessment)["x-note"]["any"] == "thing");
}

TEST_CASE("format, id and text checks") {
    auto e = errors_after([](Json& d) {
        d["format"] = "jobzone-assessment/9";
        d["id"] = "Has Spaces";
        d["tasks"][0]["name"] = "   ";
        d["tasks"][1]["name"] = std::string("tab\there");
        d["role"]["title"] = std::string(201, 'a');
    });
    INFO(all(e));
    CHECK_THAT(e, HasError("format", "must be \"jobzone-assessment/1\", got \"jobzone-assessment/9\""));
    CHECK_THAT(e, HasError("id", "must be 1 to 80 lowercase letters, digits and dashes, got \"Has Spaces\""));
    CHECK_THAT(e, HasError("tasks[0].name", "must not be empty"));
    CHECK_THAT(e, HasError("tasks[1].name", "must not contain control characters (tabs, line breaks, NUL and the like)"));
    CHECK_THAT(e, HasError("role.title", "must be text of at most 200 characters, got 201"));
}

TEST_CASE("text is counted in characters, not bytes") {
    Json d = test::reference_json();
    std::string rtl_emoji;
    for (int i = 0; i < 100; ++i) rtl_emoji += "\xD7\xA9\xF0\x9F\x98\x80";  // Hebrew shin + emoji, 200 characters
    d["role"]["title"] = rtl_emoji;
    CHECK(parse_assessment(d.dump()).ok());
}

TEST_CASE("override needs a reason and a valid target") {
    auto e = errors_after([](Json& d) { d["override"] = {{"zone", "BLUE"}}; });
    INFO(all(e));
    CHECK_THAT(e, HasError("override.zone", "must be one of GREEN, YELLOW, RED, got \"BLUE\""));
    CHECK_THAT(e, HasError("override.reason", "is required; an override must say why"));
    auto none = errors_after([](Json& d) { d["override"] = {{"reason", "because"}}; });
    CHECK_THAT(none, HasError("override", "must give at least one of score, zone or label (or be null)"));
    auto high = errors_after([](Json& d) { d["override"] = {{"score", 120}, {"reason", "because"}}; });
    CHECK_THAT(high, HasError("override.score", "must be a number from 0 to 100, got 120"));
}

TEST_CASE("not JSON, wrong root, numbers JSON cannot hold") {
    auto e = errors_of("{\"format\": tru}");
    REQUIRE(e.size() == 1);
    CHECK(e[0].path == "(root)");
    CHECK_THAT(e[0].message, StartsWith("not valid JSON: parse error at line 1, column 15"));
    CHECK_THAT(errors_of("[1,2]"), HasError("(root)", "must be a JSON object (an assessment), got an array"));
    CHECK_THAT(errors_of("")[0].message, StartsWith("not valid JSON"));
    CHECK_THAT(errors_of("{\"a\":NaN}")[0].message, StartsWith("not valid JSON"));
    auto huge = errors_after([](Json& d) { d["tasks"][0]["time_pct"] = 1e308; });
    CHECK_THAT(huge, HasError("tasks[0].time_pct", "must be a number from 0 to 100, got 1e+308"));
}

TEST_CASE("oversize input, deep nesting, duplicate keys") {
    std::string big(1048577, ' ');
    CHECK_THAT(errors_of(big), HasError("(root)", "input is more than 1048576 bytes; at most 1048576 bytes are accepted"));
    std::string deep(10000, '[');
    auto d = errors_of(deep);
    REQUIRE(d.size() == 1);
    CHECK(d[0].message == "nested deeper than 16 levels");
    auto dup = errors_of("{\"format\":\"jobzone-assessment/1\",\"tasks\":[{\"score\":1,\"score\":2}]}");
    CHECK_THAT(dup, HasError("tasks[0].score", "duplicate key"));
}

TEST_CASE("invalid UTF-8 is rejected") {
    Json d = test::reference_json();
    std::string text = d.dump();
    auto at = text.find("AI Research Engineer");
    text[at] = '\xC3';
    auto e = errors_of(text);
    REQUIRE(e.size() == 1);
    CHECK_THAT(e[0].message, StartsWith("not valid JSON"));
}

TEST_CASE("a derived document: kind, derivation, task provenance, protective not judged") {
    Json doc = test::reference_json();
    doc["kind"] = "derived";
    doc["derivation"] = Json::parse(R"({"rule_version": "onet-29.3-labels-1", "onet_soc": "29-1141.00", "title": "Registered Nurses",
        "sources": ["O*NET 29.3"], "job_zone": 3,
        "soc_group": {"code": "29-1141", "title": "Registered Nurses", "year": 2021, "employment": 3047530, "median_annual_wage": 77600}})");
    doc["tasks"][0]["source"] = Json::parse(R"({"task_id": 8823, "task_type": "Core", "human_exposure": "E0", "gpt4_exposure": "E2", "gpt4_automation": "T2"})");
    doc["tasks"][1]["source"] = Json::parse(R"({"task_id": 8824})");
    doc["tasks"][1]["name"] = std::string(400, 'x');
    doc["protective"]["embodied_physicality"] = nullptr;
    ParseResult parsed = parse_assessment(doc.dump());
    INFO(all(parsed.errors));
    REQUIRE(parsed.ok());
    const Assessment& a = *parsed.assessment;
    CHECK(a.kind == "derived");
    CHECK(a.derivation["onet_soc"] == "29-1141.00");
    CHECK(a.tasks[0].source["gpt4_automation"] == "T2");
    CHECK(a.protective_judged == std::vector<bool>{false, true, true});
    CHECK(a.protective[0] == 0);
    // It writes back as it was read: null stays null, provenance stays.
    const Json back = to_json(a);
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        INFO(it.key());
        CHECK(back[it.key()] == it.value());
    }
    CHECK(back.size() == doc.size());
}

TEST_CASE("a derived document's fields are checked by path") {
    CHECK_THAT(errors_after([](Json& d) { d["kind"] = "assessed"; }),
               HasError("kind", "must be one of published, derived, adjusted, got \"assessed\""));
    CHECK_THAT(errors_after([](Json& d) { d["tasks"][2]["name"] = std::string(401, 'x'); }),
               HasError("tasks[2].name", "must be text of at most 400 characters, got 401"));
    CHECK_THAT(errors_after([](Json& d) { d["tasks"][2]["source"] = Json::parse(R"({"task_id": 0})"); }),
               HasError("tasks[2].source.task_id", "must be an integer from 1 to 999999999, got 0"));
    CHECK_THAT(errors_after([](Json& d) { d["tasks"][2]["source"] = Json::parse(R"({"task_id": 5, "human_exposure": "E3"})"); }),
               HasError("tasks[2].source.human_exposure", "must be one of E0, E1, E2, got \"E3\""));
    CHECK_THAT(errors_after([](Json& d) { d["tasks"][2]["source"] = Json::parse(R"({"task_id": 5, "gpt4_automation": "T5"})"); }),
               HasError("tasks[2].source.gpt4_automation", "must be one of T0, T1, T2, T3, T4, got \"T5\""));
    CHECK_THAT(errors_after([](Json& d) { d["tasks"][2]["source"] = Json::parse(R"({"task_id": 5, "task_type": "core"})"); }),
               HasError("tasks[2].source.task_type", "must be one of Core, Supplemental, got \"core\""));
    CHECK_THAT(errors_after([](Json& d) { d["derivation"] = Json::parse(R"({"rule_version": "x", "onet_soc": "29-1141", "sources": []})"); }),
               HasError("derivation.onet_soc", "must be an O*NET-SOC code like \"29-1141.00\", got \"29-1141\""));
    CHECK_THAT(errors_after([](Json& d) { d["derivation"] = Json::parse(R"({"onet_soc": "29-1141.00", "sources": []})"); }),
               HasError("derivation.rule_version", "is required; must be text of at most 200 characters"));
    CHECK_THAT(errors_after([](Json& d) {
                   d["derivation"] = Json::parse(R"({"rule_version": "x", "onet_soc": "29-1141.00", "sources": [],
                       "soc_group": {"code": "29-1141", "title": "T", "year": 2021, "employment": 1.5}})");
               }),
               HasError("derivation.soc_group.employment", "must be a whole number of jobs from 0 to 1000000000, got 1.5"));
    CHECK_THAT(errors_after([](Json& d) { d["protective"]["embodied_physicality"] = "none"; }),
               HasError("protective.embodied_physicality", "must be an integer from 0 to 3 (or null: not judged), got \"none\""));
    // null is only for protective principles: nobody may leave a scored input out.
    CHECK_THAT(errors_after([](Json& d) { d["barriers"]["physical_presence"] = nullptr; }),
               HasError("barriers.physical_presence", "must be an integer from 0 to 2, got null"));
}
