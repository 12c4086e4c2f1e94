// The string facade shared by the CLI and the wasm module: errors come back as data.
#include <catch2/catch.hpp>

#include "jobzone/api.h"
#include "jobzone/json.h"
#include "support.h"

using namespace jobzone;

TEST_CASE("score_document wraps a result") {
    Json out = Json::parse(score_document(test::reference_text()));
    REQUIRE(out["ok"] == true);
    CHECK(out["result"]["display"]["score"] == "61.9");
    CHECK(out["result"]["label"] == "Green (Accelerated)");
}

TEST_CASE("score_document returns errors, never a score, for invalid input") {
    Json out = Json::parse(score_document("{\"format\":\"jobzone-assessment/1\"}"));
    CHECK(out["ok"] == false);
    CHECK_FALSE(out.contains("result"));
    CHECK(out["errors"].size() >= 5);
    CHECK(out["errors"][0]["path"] == "role");
}

TEST_CASE("validate_document normalises") {
    Json out = Json::parse(validate_document(test::reference_text()));
    REQUIRE(out["ok"] == true);
    CHECK(out["assessment"] == test::reference_json());
}

TEST_CASE("methodology_document is the embedded data file") {
    CHECK(Json::parse(methodology_document())["format"] == "jobzone-methodology/1");
    CHECK(methodology_document() == test::read_file("core/methodology.json"));
}
