// Properties over many synthetic (generated, not published) assessments.
#include <catch2/catch.hpp>

#include "jobzone/score.h"
#include "support.h"

using namespace jobzone;
using Catch::Matchers::WithinAbs;

namespace {
constexpr int kCorpus = 2000;
}

TEST_CASE("raising a task score never raises the score") {
    for (int seed = 0; seed < kCorpus; ++seed) {
        Assessment a = test::synthetic(seed);
        double before = score(a).score_unclamped;
        for (Task& t : a.tasks) {
            if (t.score == 5) continue;
            ++t.score;
            double after = score(a).score_unclamped;
            INFO("seed " << seed);
            CHECK(after <= before);
            --t.score;
        }
    }
}

TEST_CASE("raising evidence, barriers or growth never lowers the score") {
    for (int seed = 0; seed < kCorpus; ++seed) {
        Assessment a = test::synthetic(seed);
        double before = score(a).score_unclamped;
        INFO("seed " << seed);
        for (std::vector<int>* scale : {&a.evidence, &a.barriers}) {
            int top = scale == &a.evidence ? 2 : 2;
            for (int& v : *scale) {
                if (v == top) continue;
                ++v;
                CHECK(score(a).score_unclamped >= before);
                --v;
            }
        }
        if (a.ai_growth_correlation < 2) {
            ++a.ai_growth_correlation;
            CHECK(score(a).score_unclamped >= before);
        }
    }
}

TEST_CASE("attribution sums to the unclamped score; time by impact sums to 100") {
    for (int seed = 0; seed < kCorpus; ++seed) {
        Result r = score(test::synthetic(seed));
        double total = 0;
        for (const Points& p : r.attribution) total += p.points;
        INFO("seed " << seed);
        CHECK_THAT(total, WithinAbs(r.score_unclamped, 1e-9));
        CHECK_THAT(r.split.displacement + r.split.augmentation + r.split.not_involved, WithinAbs(100.0, 1e-9));
        CHECK(r.score >= 0);
        CHECK(r.score <= 100);
        CHECK(r.score_unclamped >= 0);
        CHECK(r.score_unclamped <= 109.71);
        CHECK(r.clamped == (r.score_unclamped > 100));
        CHECK(r.zone == zone_for(r.score).zone);
        CHECK_FALSE(r.label.empty());
    }
}

TEST_CASE("every synthetic assessment survives a JSON round trip") {
    for (int seed = 0; seed < 200; ++seed) {
        Assessment a = test::synthetic(seed);
        ParseResult back = parse_assessment(to_json(a).dump());
        INFO("seed " << seed);
        REQUIRE(back.ok());
        CHECK(to_json(*back.assessment) == to_json(a));
        CHECK(score(*back.assessment).score_unclamped == score(a).score_unclamped);
    }
}
