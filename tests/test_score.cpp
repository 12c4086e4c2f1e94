// Scoring against the golden figures (README.md, "The method, as data"), the boundaries, and each label rule.
#include <catch2/catch.hpp>

#include "jobzone/score.h"
#include "support.h"

using namespace jobzone;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

bool fired(const Result& r, const std::string& id) {
    for (const FiredRule& rule : r.rules) {
        if (rule.id == id) return true;
    }
    return false;
}

Assessment uniform(int task_score, int evidence, int barrier, int growth) {
    Assessment a = test::synthetic(1);
    a.tasks = {Task{"Only task", 100, task_score, "augmentation", "", ""}};
    for (int& v : a.evidence) v = evidence;
    for (int& v : a.barriers) v = barrier;
    for (int& v : a.protective) v = 0;
    a.ai_growth_correlation = growth;
    return a;
}

// A two-task assessment whose weighted task score is exactly `weighted` (neutral modifiers).
Assessment with_weighted(double low_share, int low_score, int high_score) {
    Assessment a = uniform(1, 0, 0, 0);
    a.tasks = {Task{"A", low_share, low_score, "augmentation", "", ""},
               Task{"B", 100 - low_share, high_score, "augmentation", "", ""}};
    return a;
}

}  // namespace

TEST_CASE("reference role reproduces every golden figure") {
    Result r = score(test::reference());
    CHECK_THAT(r.weighted_task_score, WithinAbs(2.35, 1e-12));
    CHECK_THAT(r.task_resistance, WithinAbs(3.65, 1e-12));
    CHECK(r.totals.evidence == 7);
    CHECK_THAT(r.modifiers.evidence, WithinAbs(1.28, 1e-12));
    CHECK(r.totals.barriers == 3);
    CHECK_THAT(r.modifiers.barriers, WithinAbs(1.06, 1e-12));
    CHECK(r.totals.protective == 4);
    CHECK(r.totals.growth == 2);
    CHECK_THAT(r.modifiers.growth, WithinAbs(1.10, 1e-12));
    CHECK_THAT(r.raw, WithinRel(5.447552, 1e-12));
    CHECK_THAT(r.score_unclamped, WithinRel(61.885901639344, 1e-12));
    CHECK(r.score == r.score_unclamped);
    CHECK_FALSE(r.clamped);
    CHECK(r.zone == "GREEN");
    CHECK(r.verdict == "Protected");
    CHECK(r.label == "Green (Accelerated)");
    CHECK_THAT(r.threshold_margin, WithinAbs(13.8859016393, 1e-9));
    CHECK_FALSE(r.to_next_zone.has_value());
    CHECK(test::split_of(r, "displacement") == 0);
    CHECK(test::split_of(r, "augmentation") == 80);
    CHECK(test::split_of(r, "not_involved") == 20);
    CHECK(r.time_share_3plus == 40);
    CHECK(r.quick_screen.text == "Protective 4 + Correlation 2 = Likely Green (Accelerated)");
    CHECK(r.quick_screen.status == "published");
    CHECK(fired(r, "label-green-accelerated"));
    CHECK(fired(r, "zone-green"));
    CHECK_FALSE(fired(r, "clamp-0-100"));
    CHECK_FALSE(r.final_verdict.overridden);
    CHECK(r.final_verdict.label == "Green (Accelerated)");
}

TEST_CASE("reference role prints figures as the published page does") {
    Json display = to_json(score(test::reference()))["display"];
    CHECK(display["weighted_task_score"] == "2.35");
    CHECK(display["task_resistance"] == "3.65");
    CHECK(display["modifiers"]["evidence"] == "1.28");
    CHECK(display["modifiers"]["barriers"] == "1.06");
    CHECK(display["modifiers"]["growth"] == "1.10");
    CHECK(display["raw"] == "5.4476");
    CHECK(display["score"] == "61.9");
    CHECK(display["threshold_margin"] == "13.9");
    CHECK(display["raw_calculation"] == "Raw: 3.65 x 1.28 x 1.06 x 1.10 = 5.4476");
    CHECK(display["score_calculation"] == "(5.4476 - 0.54) / 7.93 x 100 = 61.9");
}

TEST_CASE("composition reproduces the published waterfall, which does not add up") {
    Result r = score(test::reference());
    REQUIRE(r.composition.size() == 5);
    const double expected[] = {36.5, 14.0, 4.5, 40.0 / 9.0, 5.0};
    double total = 0;
    for (int i = 0; i < 5; ++i) {
        CHECK_THAT(r.composition[i].points, WithinAbs(expected[i], 1e-9));
        total += r.composition[i].points;
    }
    CHECK(format_fixed(r.composition[3].points, 1) == "4.4");
    CHECK(format_fixed(total, 1) == "64.4");
}

TEST_CASE("attribution: the neutral role, then each factor, adding up to the score exactly") {
    Result r = score(test::reference());
    REQUIRE(r.attribution.size() == 5);
    // Independent figures (a Shapley split over all 24 orders, worked in Python): the neutral
    // role scores (3 - 0.54) / 7.93 x 100; the reference role's factors add the rest.
    const std::vector<std::pair<std::string, double>> expected = {
        {"neutral", 31.02143757881463}, {"task_resistance", 10.14224043715847}, {"evidence", 12.734674232870958},
        {"barriers", 3.0339596469104726}, {"growth", 4.95358974358975}};
    double total = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(r.attribution[i].key == expected[i].first);
        CHECK_THAT(r.attribution[i].points, WithinAbs(expected[i].second, 1e-9));
        total += r.attribution[i].points;
    }
    CHECK(r.attribution[0].label == "Neutral role");
    CHECK_THAT(total, WithinAbs(r.score_unclamped, 1e-9));
}

TEST_CASE("a neutral role gets no points for any factor: no market signal reads as 0, not +9.7") {
    Result r = score(uniform(3, 0, 0, 0));
    CHECK_THAT(r.attribution[0].points, WithinAbs(r.score_unclamped, 1e-12));
    for (std::size_t i = 1; i < r.attribution.size(); ++i) CHECK(r.attribution[i].points == 0.0);
}

TEST_CASE("the floor scores exactly 0") {
    Result r = score(uniform(5, -2, 0, -2));
    CHECK(r.raw == 0.54);
    CHECK(r.score_unclamped == 0.0);
    CHECK(r.score == 0.0);
    CHECK_FALSE(r.clamped);
    CHECK(r.zone == "RED");
    double total = 0;
    for (const Points& p : r.attribution) total += p.points;
    CHECK_THAT(total, WithinAbs(0.0, 1e-12));
    CHECK(r.attribution[2].points < 0);  // evidence -10 takes points off the neutral role
}

TEST_CASE("a score of exactly 100 is not reported as clamped") {
    Result r = score(uniform(1, 2, 1, 2));  // 5 x 1.40 x 1.10 x 1.10 = 8.47 = 0.54 + 7.93
    CHECK(r.score == 100.0);
    CHECK_THAT(r.score_unclamped, WithinAbs(100.0, 1e-9));
    CHECK_FALSE(r.clamped);
    CHECK_FALSE(fired(r, "clamp-0-100"));
    CHECK(to_json(r)["display"]["score"] == "100.0");
}

TEST_CASE("the printed score never reads as another zone") {
    // 34.32% at 1 and 65.68% at 2 give 47.96: one decimal would print 48.0 beside Yellow.
    Assessment a = with_weighted(34.32, 1, 2);
    Result r = score(a);
    CHECK(r.zone == "YELLOW");
    CHECK(display_score(r.score) == "47.96");
    CHECK(to_json(r)["display"]["score"] == "47.96");
    CHECK(display_score(47.94) == "47.9");
    CHECK(display_score(48.04) == "48.0");
    CHECK(display_score(47.996) == "47.996");
    CHECK(display_score(24.96) == "24.96");
    CHECK(display_score(61.88590163934) == "61.9");
    CHECK(display_score(48 - 4e-7) == "47.999999");
}

TEST_CASE("the ceiling is 109.7 unclamped, 100 shown, and says it clamped") {
    Result r = score(uniform(1, 2, 2, 2));
    CHECK(r.score_unclamped == formula_ceiling());
    CHECK_THAT(r.raw, WithinAbs(9.24, 1e-12));
    CHECK_THAT(r.score_unclamped, WithinAbs((9.24 - 0.54) / 7.93 * 100, 1e-9));
    CHECK(format_fixed(r.score_unclamped, 1) == "109.7");
    CHECK(r.score == 100.0);
    CHECK(r.clamped);
    CHECK(fired(r, "clamp-0-100"));
    CHECK(r.zone == "GREEN");
    double total = 0;
    for (const Points& p : r.attribution) total += p.points;
    CHECK_THAT(total, WithinAbs(r.score_unclamped, 1e-9));
}

TEST_CASE("zone edges are inclusive lower bounds") {
    CHECK(zone_for(100).zone == "GREEN");
    CHECK(zone_for(48.0).zone == "GREEN");
    CHECK(zone_for(48.0 - 1e-12).zone == "GREEN");  // rounding noise never moves a zone
    CHECK(zone_for(47.95).zone == "YELLOW");
    CHECK(zone_for(25.0).zone == "YELLOW");
    CHECK(zone_for(24.95).zone == "RED");
    CHECK(zone_for(0).zone == "RED");
    CHECK(zone_for(48.0).info.status == "published");
    CHECK(zone_for(30.0).info.status == "assumed");
}

TEST_CASE("scores that are exactly 48 and 25 land in the upper zone") {
    // 6 - (34.64 + 2 x 65.36)/100 = 4.3464 -> (4.3464 - 0.54) / 7.93 x 100 = 48 exactly
    Result green = score(with_weighted(34.64, 1, 2));
    CHECK_THAT(green.score, WithinAbs(48.0, 1e-9));
    CHECK(green.zone == "GREEN");
    CHECK_THAT(green.threshold_margin, WithinAbs(0.0, 1e-9));
    // 6 - (3 x 52.25 + 4 x 47.75)/100 = 2.5225 -> 25 exactly
    Result yellow = score(with_weighted(52.25, 3, 4));
    CHECK_THAT(yellow.score, WithinAbs(25.0, 1e-9));
    CHECK(yellow.zone == "YELLOW");
    CHECK_THAT(*yellow.to_next_zone, WithinAbs(23.0, 1e-9));
}

TEST_CASE("each sub-label rule fires where the methodology says") {
    struct Case {
        Assessment a;
        const char* zone;
        const char* label;
        const char* rule;
    };
    // Green: all tasks at 2 gives task resistance 4; neutral modifiers -> 43.6... so push with evidence.
    Assessment accelerated = uniform(2, 1, 1, 2);
    Assessment transforming = with_weighted(70, 2, 3);  // 30% at 3+
    for (int& v : transforming.evidence) v = 1;
    transforming.ai_growth_correlation = 1;
    Assessment plain_green = uniform(2, 1, 1, 1);
    Assessment urgent = with_weighted(40, 2, 3);  // 60% at 3+, neutral modifiers
    Assessment moderate = uniform(2, 0, 0, 0);
    Assessment imminent = uniform(4, -1, 0, -1);
    Assessment red = with_weighted(20, 2, 5);  // 80% at 3+
    for (int& v : red.evidence) v = -2;
    Assessment red_low_share = uniform(2, -2, 0, -2);
    const Case cases[] = {
        {accelerated, "GREEN", "Green (Accelerated)", "label-green-accelerated"},
        {transforming, "GREEN", "Green (Transforming)", "label-green-transforming"},
        {plain_green, "GREEN", "Green", "label-green"},
        {urgent, "YELLOW", "Yellow (Urgent)", "label-yellow-urgent"},
        {moderate, "YELLOW", "Yellow (Moderate)", "label-yellow-moderate"},
        {imminent, "RED", "Red (Imminent)", "label-red-imminent"},
        {red_low_share, "RED", "Red", "label-red"},
    };
    CHECK(score(red).label == "Red (Imminent)");
    const std::size_t count = std::size(cases);
    const Case& c = cases[GENERATE_COPY(range(std::size_t{0}, count))];
    Result r = score(c.a);
    INFO("expected " << c.label << ", score " << r.score);
    CHECK(r.zone == c.zone);
    CHECK(r.label == c.label);
    CHECK(fired(r, c.rule));
}

TEST_CASE("quick screen rules") {
    Assessment a = test::reference();
    CHECK(score(a).quick_screen.likely == "Likely Green (Accelerated)");
    a.protective = {0, 1, 1};
    a.ai_growth_correlation = -1;
    Result red = score(a);
    CHECK(red.quick_screen.likely == "Likely Red");
    CHECK(*red.quick_screen.zone == "RED");
    CHECK(red.quick_screen.text == "Protective 2 + Correlation -1 = Likely Red");
    a.protective = {2, 2, 1};
    a.ai_growth_correlation = 0;
    CHECK(score(a).quick_screen.likely == "Likely Green");
    CHECK(score(a).quick_screen.status == "assumed");
    a.protective = {1, 1, 1};
    Result inconclusive = score(a);
    CHECK(inconclusive.quick_screen.likely == "Inconclusive");
    CHECK_FALSE(inconclusive.quick_screen.zone.has_value());
}

TEST_CASE("a protective principle nobody judged: no quick screen, and the score does not move") {
    Assessment a = test::reference();
    const double before = score(a).score;
    a.protective = {0, 1, 3};
    a.protective_judged = {false, true, true};
    Result r = score(a);
    CHECK(r.score == before);
    CHECK_FALSE(r.quick_screen.judged);
    CHECK(r.quick_screen.likely.empty());
    CHECK_FALSE(r.quick_screen.zone.has_value());
    CHECK(r.quick_screen.text == "Protective principles not judged: no quick screen");
}

TEST_CASE("an override keeps the formula's figures and adds the final ones") {
    Assessment a = test::reference();
    a.assessor_override = Override{40.0, std::nullopt, std::nullopt, "Hiring froze this quarter"};
    Result r = score(a);
    CHECK_THAT(r.score, WithinRel(61.885901639344, 1e-12));
    CHECK(r.zone == "GREEN");
    CHECK(r.final_verdict.overridden);
    CHECK(r.final_verdict.score == 40.0);
    CHECK(r.final_verdict.zone == "YELLOW");
    CHECK(r.final_verdict.label == "Yellow (Moderate)");
    CHECK(r.final_verdict.reason == "Hiring froze this quarter");
    CHECK(fired(r, "override"));

    a.assessor_override = Override{std::nullopt, std::string("RED"), std::string("Red (Imminent)"), "Assessor's call"};
    Result z = score(a);
    CHECK(z.final_verdict.score == z.score);
    CHECK(z.final_verdict.zone == "RED");
    CHECK(z.final_verdict.label == "Red (Imminent)");
}
