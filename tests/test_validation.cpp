// Validation: one case per class of error, each asserting the field path and the message.
#include <catch2/catch.hpp>

#include <string>

#include "jobzone/assessment.h"
#include "support.h"

using namespace jobzone;

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

bool has(const std::vector<FieldError>& errors, const std::string& path, const std::string& message) {
    for (const FieldError& e : errors) {
        if (e.path == path && e.message == message) return true;
    }
    return false;
}

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
    CHECK(has(e, "tasks[2].score", "must be an integer from 1 to 5, got 7"));
    CHECK(e.size() == 1);
}

TEST_CASE("fractional integer") {
    auto e = errors_after([](Json& d) { d["evidence"]["wage_trends"] = 1.5; });
    CHECK(has(e, "evidence.wage_trends", "must be an integer from -2 to 2, got 1.5"));
}

TEST_CASE("a whole number written as 2.0 is an integer") {
    Json d = test::reference_json();
    d["tasks"][0]["score"] = 2.0;
    CHECK(parse_assessment(d.dump()).ok());
}

TEST_CASE("time shares must add up to 100") {
    auto e = errors_after([](Json& d) { d["tasks"][0]["time_pct"] = 20; });
    CHECK(has(e, "tasks", "time shares add up to 95, must add up to 100"));
}

TEST_CASE("time share out of range") {
    auto e = errors_after([](Json& d) { d["tasks"][1]["time_pct"] = -5; });
    CHECK(has(e, "tasks[1].time_pct", "must be a number from 0 to 100, got -5"));
}

TEST_CASE("wrong types") {
    auto e = errors_after([](Json& d) {
        d["tasks"][0]["score"] = "2";
        d["ai_growth_correlation"] = nullptr;
        d["barriers"] = Json::array();
        d["role"]["title"] = 5;
    });
    INFO(all(e));
    CHECK(has(e, "tasks[0].score", "must be an integer from 1 to 5, got \"2\""));
    CHECK(has(e, "ai_growth_correlation", "must be an integer from -2 to 2, got null"));
    CHECK(has(e, "barriers", "must be an object, got an array"));
    CHECK(has(e, "role.title", "must be text of at most 200 characters, got 5"));
    CHECK(e.size() == 4);  // every error is reported, not only the first
}

TEST_CASE("missing fields") {
    auto e = errors_after([](Json& d) {
        d["tasks"][3].erase("impact");
        d["protective"].erase("embodied_physicality");
        d.erase("ai_growth_correlation");
    });
    INFO(all(e));
    CHECK(has(e, "tasks[3].impact", "is required; must be one of displacement, augmentation, not_involved"));
    CHECK(has(e, "protective.embodied_physicality", "is required; must be an integer from 0 to 3"));
    CHECK(has(e, "ai_growth_correlation", "is required; must be an integer from -2 to 2"));
}

TEST_CASE("unknown impact") {
    auto e = errors_after([](Json& d) { d["tasks"][0]["impact"] = "replaced"; });
    CHECK(has(e, "tasks[0].impact", "must be one of displacement, augmentation, not_involved, got \"replaced\""));
}

TEST_CASE("empty and oversize task lists") {
    auto empty = errors_after([](Json& d) { d["tasks"] = Json::array(); });
    CHECK(has(empty, "tasks", "must be a list of 1 to 50 tasks, got 0"));
    auto many = errors_after([](Json& d) {
        Json task = d["tasks"][0];
        d["tasks"] = Json::array();
        for (int i = 0; i < 51; ++i) d["tasks"].push_back(task);
    });
    CHECK(has(many, "tasks", "must be a list of 1 to 50 tasks, got 51"));
}

TEST_CASE("unknown fields are rejected, x- extensions kept") {
    auto e = errors_after([](Json& d) { d["evidance"] = 1; d["tasks"][0]["weight"] = 1; });
    INFO(all(e));
    REQUIRE(e.size() == 2);
    CHECK(e[0].path == "evidance");
    CHECK(e[0].message.rfind("unknown field; allowed here: $schema, format, id,", 0) == 0);
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
    CHECK(has(e, "format", "must be \"jobzone-assessment/1\", got \"jobzone-assessment/9\""));
    CHECK(has(e, "id", "must be 1 to 80 lowercase letters, digits and dashes, got \"Has Spaces\""));
    CHECK(has(e, "tasks[0].name", "must not be empty"));
    CHECK(has(e, "tasks[1].name", "must not contain control characters (tabs, line breaks, NUL and the like)"));
    CHECK(has(e, "role.title", "must be text of at most 200 characters, got 201"));
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
    CHECK(has(e, "override.zone", "must be one of GREEN, YELLOW, RED, got \"BLUE\""));
    CHECK(has(e, "override.reason", "is required; an override must say why"));
    auto none = errors_after([](Json& d) { d["override"] = {{"reason", "because"}}; });
    CHECK(has(none, "override", "must give at least one of score, zone or label (or be null)"));
    auto high = errors_after([](Json& d) { d["override"] = {{"score", 120}, {"reason", "because"}}; });
    CHECK(has(high, "override.score", "must be a number from 0 to 100, got 120"));
}

TEST_CASE("not JSON, wrong root, numbers JSON cannot hold") {
    auto e = errors_of("{\"format\": tru}");
    REQUIRE(e.size() == 1);
    CHECK(e[0].path == "(root)");
    CHECK(e[0].message.rfind("not valid JSON: parse error at line 1, column 15", 0) == 0);
    CHECK(has(errors_of("[1,2]"), "(root)", "must be a JSON object (an assessment), got an array"));
    CHECK(errors_of("")[0].message.rfind("not valid JSON", 0) == 0);
    CHECK(errors_of("{\"a\":NaN}")[0].message.rfind("not valid JSON", 0) == 0);
    auto huge = errors_after([](Json& d) { d["tasks"][0]["time_pct"] = 1e308; });
    CHECK(has(huge, "tasks[0].time_pct", "must be a number from 0 to 100, got 1e+308"));
}

TEST_CASE("oversize input, deep nesting, duplicate keys") {
    std::string big(1048577, ' ');
    CHECK(has(errors_of(big), "(root)", "input is more than 1048576 bytes; at most 1048576 bytes are accepted"));
    std::string deep(10000, '[');
    auto d = errors_of(deep);
    REQUIRE(d.size() == 1);
    CHECK(d[0].message == "nested deeper than 16 levels");
    auto dup = errors_of("{\"format\":\"jobzone-assessment/1\",\"tasks\":[{\"score\":1,\"score\":2}]}");
    CHECK(has(dup, "tasks[0].score", "duplicate key"));
}

TEST_CASE("invalid UTF-8 is rejected") {
    Json d = test::reference_json();
    std::string text = d.dump();
    auto at = text.find("AI Research Engineer");
    text[at] = '\xC3';
    auto e = errors_of(text);
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.rfind("not valid JSON", 0) == 0);
}
