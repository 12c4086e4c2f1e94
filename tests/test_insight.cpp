// Insight: sensitivity, exact uncertainty and best move, each checked against direct
// re-scoring or brute-force enumeration.
#include <catch2/catch.hpp>

#include <map>

#include "jobzone/insight.h"
#include "jobzone/score.h"
#include "support.h"

using namespace jobzone;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

Assessment small(std::uint64_t seed) {
    Assessment a = test::synthetic(seed);
    test::Rng rng(seed * 7 + 1);
    // Shares in hundredths, the finest the format accepts (odd seeds), or whole numbers.
    int units = seed % 2 ? 10000 : 100;
    int first = rng.between(0, units);
    int second = rng.between(0, units - first);
    // (Each share the double nearest its decimal, as a document's would be: one division.)
    auto share = [units](int n) { return n * 100.0 / units; };
    a.tasks = {Task{"A", share(first), rng.between(1, 5), "augmentation", "", ""},
               Task{"B", share(second), rng.between(1, 5), "displacement", "", ""},
               Task{"C", share(units - first - second), rng.between(1, 5), "not_involved", "", ""}};
    return a;
}

// The outcomes of one judged input: (value, probability). Written independently of the core:
// sure stays; not sure is uniform over the scale; roughly steps once, a step off the range stays.
std::vector<std::pair<int, double>> steps(int value, int lo, int hi, const std::string& confidence = "") {
    if (confidence == "sure") return {{value, 1.0}};
    if (confidence == "unsure") {
        std::vector<std::pair<int, double>> all;
        for (int v = lo; v <= hi; ++v) all.push_back({v, 1.0 / (hi - lo + 1)});
        return all;
    }
    const double step = methodology().insight.step_probability;  // 1/4
    std::vector<std::pair<int, double>> out = {{value, 1 - 2 * step}};
    if (value > lo) out.push_back({value - 1, step}); else out[0].second += step;
    if (value < hi) out.push_back({value + 1, step}); else out[0].second += step;
    return out;
}

// Every combination of a factor's dimensions, collapsed to its total.
std::map<int, double> totals(const std::vector<int>& values, int lo, int hi, const std::vector<std::string>& confidence = {}) {
    std::map<int, double> dist = {{0, 1.0}};
    for (std::size_t i = 0; i < values.size(); ++i) {
        std::map<int, double> next;
        for (auto [total, p] : dist)
            for (auto [step, q] : steps(values[i], lo, hi, i < confidence.size() ? confidence[i] : "")) next[total + step] += p * q;
        dist = next;
    }
    return dist;
}

// Every combination of task scores, each scored by the same sum as score() uses.
std::vector<std::pair<double, double>> brute_force_outcomes(const Assessment& a) {
    const Methodology& m = methodology();
    std::vector<std::pair<double, double>> tasks = {{0.0, 1.0}};  // (time_score_sum, p) built task by task
    std::vector<std::vector<int>> score_lists = {{}};
    std::vector<double> probs = {1.0};
    for (const Task& t : a.tasks) {
        std::vector<std::vector<int>> next_lists;
        std::vector<double> next_probs;
        for (std::size_t k = 0; k < score_lists.size(); ++k)
            for (auto [s, q] : steps(t.score, m.task_score.min, m.task_score.max, t.confidence)) {
                auto list = score_lists[k];
                list.push_back(s);
                next_lists.push_back(list);
                next_probs.push_back(probs[k] * q);
            }
        score_lists = next_lists;
        probs = next_probs;
    }
    auto ev = totals(a.evidence, m.evidence.range.min, m.evidence.range.max, a.evidence_confidence);
    auto ba = totals(a.barriers, m.barriers.range.min, m.barriers.range.max, a.barriers_confidence);
    auto gr = totals({a.ai_growth_correlation}, m.growth.min, m.growth.max, {a.growth_confidence});
    std::vector<std::pair<double, double>> out;
    for (std::size_t k = 0; k < score_lists.size(); ++k) {
        Assessment b = a;
        for (std::size_t i = 0; i < b.tasks.size(); ++i) b.tasks[i].score = score_lists[k][i];
        double sum = time_score_sum(b);
        for (auto [e, pe] : ev)
            for (auto [bt, pb] : ba)
                for (auto [g, pg] : gr) {
                    double s = clamp_score(formula_terms(sum, e, bt, g).score_unclamped);
                    out.push_back({s, probs[k] * pe * pb * pg});
                }
    }
    return out;
}

}  // namespace

TEST_CASE("sensitivity equals direct re-scoring of each edited assessment") {
    const auto seed = static_cast<std::uint64_t>(GENERATE(range(0, 60)));
    {
        Assessment a = seed == 0 ? test::reference() : test::synthetic(seed);
        for (const Sensitivity& s : sensitivity(a)) {
            INFO("seed " << seed << " input " << s.input);
            for (int dir : {-1, +1}) {
                const auto& sc = dir < 0 ? s.down_score : s.up_score;
                if (!sc) continue;
                Assessment b = a;
                double step_value = *(dir < 0 ? s.down_value : s.up_value);
                if (s.input == "ai_growth_correlation") {
                    b.ai_growth_correlation = int(step_value);
                } else if (s.input.rfind("evidence.", 0) == 0 || s.input.rfind("barriers.", 0) == 0) {
                    bool ev = s.input[0] == 'e';
                    const DimensionScale& scale = ev ? methodology().evidence : methodology().barriers;
                    std::string key = s.input.substr(s.input.find('.') + 1);
                    for (std::size_t d = 0; d < scale.dimensions.size(); ++d)
                        if (scale.dimensions[d].key == key) (ev ? b.evidence : b.barriers)[d] = int(step_value);
                } else {
                    std::size_t i = std::stoul(s.input.substr(6));
                    if (s.input.find("score") != std::string::npos) b.tasks[i].score = int(step_value);
                    else b = *shift_share(a, i, dir * methodology().insight.share_step);
                }
                // A share step spreads time in proportion: the core works that out exactly, the
                // edited document here holds the shares as doubles (within an ulp of the same).
                bool share_step = s.input.find("time_pct") != std::string::npos;
                if (share_step) CHECK_THAT(score_value(b), WithinRel(*sc, 1e-12));
                else CHECK(score_value(b) == *sc);
                CHECK(score_value(b) == score(b).score);
            }
        }
    }
}

TEST_CASE("sensitivity of the reference role: steps, limits and order") {
    Assessment a = test::reference();
    auto list = sensitivity(a);
    REQUIRE(list.size() == 2 * a.tasks.size() + 11);
    for (std::size_t i = 1; i < list.size(); ++i) CHECK(list[i - 1].swing >= list[i].swing);
    for (const Sensitivity& s : list) {
        if (s.input == "ai_growth_correlation") {
            CHECK(s.value == 2);
            CHECK_FALSE(s.up_score.has_value());  // already at +2
            CHECK(*s.down_value == 1);
        }
        if (s.input == "tasks[1].time_pct") {
            CHECK(*s.up_value == 25);
            CHECK(*s.down_value == 15);
        }
    }
    CHECK(list.front().input == "tasks[0].score");
}

TEST_CASE("a share step moves 5 points to or from the others in proportion") {
    Assessment a = test::reference();
    Assessment up = *shift_share(a, 0, 5);
    CHECK(up.tasks[0].time_pct == 30);
    CHECK_THAT(up.tasks[1].time_pct, WithinAbs(20 - 5 * 20.0 / 75, 1e-12));
    double total = 0;
    for (const Task& t : up.tasks) total += t.time_pct;
    CHECK_THAT(total, WithinAbs(100, 1e-9));
    Assessment one = a;
    one.tasks = {Task{"Only", 100, 3, "augmentation", "", ""}};
    CHECK_FALSE(shift_share(one, 0, 5).has_value());
}

TEST_CASE("uncertainty: probabilities sum to 1 and percentiles match brute force") {
    const auto seed = static_cast<std::uint64_t>(GENERATE(range(0, 40)));
    {
        Assessment a = small(seed);
        Uncertainty u = uncertainty(a);
        auto outcomes = brute_force_outcomes(a);
        double total = 0;
        for (const auto& z : u.zones) total += z.second;
        INFO("seed " << seed);
        CHECK_THAT(total, WithinAbs(1.0, 1e-12));
        CHECK_THAT(u.p10, WithinAbs(quantile(outcomes, 0.10), 1e-9));
        CHECK_THAT(u.p50, WithinAbs(quantile(outcomes, 0.50), 1e-9));
        CHECK_THAT(u.p90, WithinAbs(quantile(outcomes, 0.90), 1e-9));
        std::map<std::string, double> zone_p;
        for (const auto& [s, p] : outcomes) zone_p[zone_for(s).zone] += p;
        for (const auto& [zone, p] : u.zones) CHECK_THAT(p, WithinAbs(zone_p[zone], 1e-12));
    }
}

// A small assessment whose every judged input has a random confidence (test data).
Assessment with_confidences(std::uint64_t seed) {
    Assessment a = small(seed);
    test::Rng rng(seed * 13 + 5);
    const char* levels[] = {"", "sure", "roughly", "unsure"};
    auto pick = [&] { return std::string(levels[rng.between(0, 3)]); };
    for (Task& t : a.tasks) t.confidence = pick();
    a.evidence_confidence.clear();
    a.barriers_confidence.clear();
    for (std::size_t i = 0; i < a.evidence.size(); ++i) a.evidence_confidence.push_back(pick());
    for (std::size_t i = 0; i < a.barriers.size(); ++i) a.barriers_confidence.push_back(pick());
    a.growth_confidence = pick();
    return a;
}

TEST_CASE("confidence-aware uncertainty matches brute force (sure, roughly, not sure per input)") {
    const auto seed = static_cast<std::uint64_t>(GENERATE(range(0, 60)));
    INFO("seed " << seed);
    Assessment a = with_confidences(seed);
    Uncertainty u = uncertainty(a);
    auto outcomes = brute_force_outcomes(a);
    CHECK_THAT(u.p10, WithinAbs(quantile(outcomes, 0.10), 1e-9));
    CHECK_THAT(u.p50, WithinAbs(quantile(outcomes, 0.50), 1e-9));
    CHECK_THAT(u.p90, WithinAbs(quantile(outcomes, 0.90), 1e-9));
    std::map<std::string, double> zone_p;
    for (const auto& [s, p] : outcomes) zone_p[zone_for(s).zone] += p;
    double total = 0;
    for (const auto& [zone, p] : u.zones) {
        CHECK_THAT(p, WithinAbs(zone_p[zone], 1e-12));
        total += p;
    }
    CHECK_THAT(total, WithinAbs(1.0, 1e-12));
}

TEST_CASE("everything sure gives no spread; everything not sure widens it") {
    Assessment a = test::reference();
    Uncertainty roughly = uncertainty(a);
    for (Task& t : a.tasks) t.confidence = "sure";
    a.evidence_confidence.assign(a.evidence.size(), "sure");
    a.barriers_confidence.assign(a.barriers.size(), "sure");
    a.growth_confidence = "sure";
    Uncertainty sure = uncertainty(a);
    CHECK(sure.p10 == sure.p90);
    CHECK_THAT(sure.p50, WithinAbs(score(a).score, 1e-9));
    a.evidence_confidence.assign(a.evidence.size(), "unsure");
    Uncertainty doubt = uncertainty(a);
    CHECK(doubt.p90 - doubt.p10 > roughly.p90 - roughly.p10);
}

TEST_CASE("uncertainty is exact for shares in hundredths") {
    Assessment a = test::reference();
    a.tasks = {Task{"A", 34.64, 2, "augmentation", "", ""}, Task{"B", 64.35, 3, "augmentation", "", ""},
               Task{"C", 1.01, 4, "augmentation", "", ""}};
    Uncertainty u = uncertainty(a);
    std::map<std::string, double> zone_p;
    for (const auto& [s, p] : brute_force_outcomes(a)) zone_p[zone_for(s).zone] += p;
    for (const auto& [zone, p] : u.zones) CHECK_THAT(p, WithinAbs(zone_p[zone], 1e-12));
}

TEST_CASE("uncertainty of the reference role") {
    Uncertainty u = uncertainty(test::reference());
    CHECK(u.judged_inputs == 18);
    CHECK(u.p10 < u.p50);
    CHECK(u.p50 < u.p90);
    CHECK(u.p50 < 61.8859);  // growth +2 and four evidence +2s can only fall
    REQUIRE(u.zones.size() == 3);
    CHECK(u.zones[0].first == "GREEN");
    CHECK(u.zones[0].second > 0.9);
    CHECK(u.zones[2].second == 0.0);
}

TEST_CASE("best move is the best of every possible move") {
    const auto seed = static_cast<std::uint64_t>(GENERATE(range(0, 80)));
    {
        Assessment a = seed == 0 ? test::reference() : small(seed);
        double base = score_value(a);
        double best_score = base;
        for (std::size_t from = 0; from < a.tasks.size(); ++from)
            for (std::size_t to = 0; to < a.tasks.size(); ++to)
                for (double n = methodology().insight.share_step; n <= methodology().insight.best_move_max; n += methodology().insight.share_step) {
                    if (from == to || a.tasks[from].time_pct < n) continue;
                    Assessment b = a;
                    // Shares are hundredths: moved as such (a double sum would drift off them).
                    b.tasks[from].time_pct = std::round((a.tasks[from].time_pct - n) * 100) / 100;
                    b.tasks[to].time_pct = std::round((a.tasks[to].time_pct + n) * 100) / 100;
                    best_score = std::max(best_score, score_value(b));
                }
        auto move = best_move(a);
        INFO("seed " << seed);
        if (best_score > base) {
            REQUIRE(move.has_value());
            CHECK(move->score == best_score);
            Assessment b = a;
            b.tasks[move->from].time_pct = std::round((a.tasks[move->from].time_pct - move->points) * 100) / 100;
            b.tasks[move->to].time_pct = std::round((a.tasks[move->to].time_pct + move->points) * 100) / 100;
            CHECK(score_value(b) == move->score);
            CHECK(score(b).zone == move->zone);
        } else {
            CHECK_FALSE(move.has_value());
        }
    }
    auto ref = best_move(test::reference());
    REQUIRE(ref.has_value());
    CHECK(ref->points == 20);
    CHECK(ref->to == 6);  // towards mentoring, the one task at 1
}

TEST_CASE("quantile is the smallest value whose cumulative probability reaches p") {
    std::vector<std::pair<double, double>> d = {{3, 0.25}, {1, 0.25}, {2, 0.5}};
    CHECK(quantile(d, 0.10) == 1);
    CHECK(quantile(d, 0.25) == 1);
    CHECK(quantile(d, 0.50) == 2);
    CHECK(quantile(d, 0.90) == 3);
}
