// Hostile input through the scorer: every case is refused with a path-named error (or accepted
// as documented), and the limits hold. The same list runs through wasm in node.
#include <catch2/catch.hpp>

#include <filesystem>

#include "hostile.h"
#include "jobzone/api.h"
#include "jobzone/insight.h"
#include "jobzone/score.h"

using namespace jobzone;

TEST_CASE("hostile documents are refused by path, or accepted as documented") {
    static const std::vector<test::HostileCase> cases = test::hostile_cases();
    REQUIRE(cases.size() >= 40);
    const test::HostileCase& c = cases[GENERATE(range(std::size_t{0}, cases.size()))];
    INFO(c.name);
    ParseResult parsed = parse_assessment(c.text);
    CHECK(parsed.ok() == c.accepted);
    if (c.accepted) {
        CHECK(score(*parsed.assessment).score >= 0);
        return;
    }
    REQUIRE_FALSE(parsed.errors.empty());
    for (const FieldError& e : parsed.errors) CHECK_FALSE(e.message.empty());
    CHECK(parsed.errors[0].path == c.error_path);
    CHECK(Json::parse(score_document(c.text))["ok"] == false);
    CHECK(Json::parse(insight_document(c.text))["ok"] == false);
}

TEST_CASE("every fuzz seed and kept crasher runs cleanly") {
    namespace fs = std::filesystem;
    int files = 0;
    for (const char* dir : {"tests/fuzz/corpus", "tests/fuzz/regressions"}) {
        fs::path p = fs::path(JOBZONE_SOURCE_DIR) / dir;
        if (!fs::exists(p)) continue;
        for (const auto& entry : fs::directory_iterator(p)) {
            if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
            std::string text = test::read_file(std::string(dir) + "/" + entry.path().filename().string());
            INFO(entry.path());
            ParseResult parsed = parse_assessment(text);
            if (parsed.ok()) {
                Insight in = insight(*parsed.assessment);
                CHECK(in.score == score(*parsed.assessment).score);
            } else {
                CHECK_FALSE(parsed.errors.empty());
            }
            ++files;
        }
    }
    CHECK(files >= 10);
}
