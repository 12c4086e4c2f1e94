// Properties over many synthetic (generated, not published) assessments.
#include <catch2/catch.hpp>

#include "jobzone/score.h"
#include "support.h"

using namespace jobzone;
using Catch::Matchers::WithinAbs;

namespace {
constexpr int kCorpus = 2000;

// Every synthetic assessment of the corpus, one generated value (and one run of the case) each.
Assessment any_synthetic() {
    auto seed = GENERATE(range(0, kCorpus));
    INFO("seed " << seed);
    return test::synthetic(static_cast<std::uint64_t>(seed));
}
}  // namespace

TEST_CASE("raising a task score never raises the score") {
    Assessment a = any_synthetic();
    const double before = score(a).score_unclamped;
    for (Task& t : a.tasks) {
        if (t.score == methodology().task_score.max) continue;
        ++t.score;
        CHECK(score(a).score_unclamped <= before);
        --t.score;
    }
}

TEST_CASE("raising evidence, barriers or growth never lowers the score") {
    const Methodology& m = methodology();
    Assessment a = any_synthetic();
    const double before = score(a).score_unclamped;
    auto raise_each = [&](std::vector<int>& scale, int top) {
        for (int& v : scale) {
            if (v == top) continue;
            ++v;
            CHECK(score(a).score_unclamped >= before);
            --v;
        }
    };
    raise_each(a.evidence, m.evidence.range.max);
    raise_each(a.barriers, m.barriers.range.max);
    if (a.ai_growth_correlation < m.growth.max) {
        ++a.ai_growth_correlation;
        CHECK(score(a).score_unclamped >= before);
    }
}

TEST_CASE("attribution sums to the unclamped score, and time by impact to 100") {
    Result r = score(any_synthetic());
    double total = 0;
    for (const Points& p : r.attribution) total += p.points;
    CHECK_THAT(total, WithinAbs(r.score_unclamped, 1e-9));
    CHECK_THAT(test::split_total(r), WithinAbs(100.0, 1e-9));
    CHECK(r.score >= 0);
    CHECK(r.score <= 100);
    CHECK(r.score_unclamped >= 0);
    CHECK(r.score_unclamped <= formula_ceiling());
    CHECK(r.clamped == (r.score_unclamped > 100 + methodology().zone_tolerance));
    CHECK(r.zone == zone_for(r.score).zone);
    CHECK(zone_for(std::stod(display_score(r.score))).zone == r.zone);
    CHECK_FALSE(r.label.empty());
}

TEST_CASE("every synthetic assessment survives a JSON round trip") {
    auto seed = GENERATE(range(0, 200));
    INFO("seed " << seed);
    Assessment a = test::synthetic(static_cast<std::uint64_t>(seed));
    ParseResult back = parse_assessment(to_json(a).dump());
    REQUIRE(back.ok());
    CHECK(to_json(*back.assessment) == to_json(a));
    CHECK(score(*back.assessment).score_unclamped == score(a).score_unclamped);
}
