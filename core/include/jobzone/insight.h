// Insight into one assessment: which input moves the score most (sensitivity), how sure the
// verdict is if each judgment were one step off (uncertainty), and the best change of task mix.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "jobzone/assessment.h"
#include "jobzone/exact.h"
#include "jobzone/json.h"

namespace jobzone {

// One input moved one step down and up (within its range), everything else as it is.
struct Sensitivity {
    std::string input;  // JSON path: "tasks[2].score", "evidence.wage_trends", "ai_growth_correlation"
    std::string label;  // "Score of Paper implementation & reproduction"
    double value = 0;
    std::optional<double> down_value, down_score;
    std::optional<double> up_value, up_score;
    double swing = 0;  // largest absolute change of the score either way
    std::optional<Rational> down_exact, up_exact;  // the scores exactly (printed from these)
};

// A share step moves the methodology's insight.share_step points of time to or from the other
// tasks, in proportion.

// Each judged input (task scores, evidence, barriers, growth) stays put or moves one step down or
// up (insight.step_probability each); a step that would leave the range stays put.
// Computed exactly: the factors are independent, so each factor's distribution is convolved
// and the score's distribution combined from them (no sampling).
struct Uncertainty {
    double p10 = 0, p50 = 0, p90 = 0;   // percentiles of the (clamped) score
    Rational p10_exact, p50_exact, p90_exact;  // exactly: each the smallest outcome v with P(score <= v) >= p, decided exactly
    std::vector<std::pair<std::string, double>> zones;  // zone -> probability, highest zone first
    int judged_inputs = 0;
    std::size_t outcomes = 0;  // distinct (task part, modifier part) pairs behind the figures
};

// Moving `points` of time from one task to another, the single change of task mix that
// raises the score most (in share_step steps up to insight.best_move_max).
struct BestMove {
    std::size_t from = 0, to = 0;
    double points = 0;
    double score = 0;
    double delta = 0;
    std::string zone, label;
    Rational score_exact;
};

struct Insight {
    double score = 0;
    std::vector<Sensitivity> sensitivity;  // sorted by swing, largest first
    Uncertainty uncertainty;
    std::optional<BestMove> best_move;
};

std::vector<Sensitivity> sensitivity(const Assessment& assessment);
Uncertainty uncertainty(const Assessment& assessment);
std::optional<BestMove> best_move(const Assessment& assessment);
Insight insight(const Assessment& assessment);

// The assessment with task `index`'s share moved by `delta` points, taken from or given to the
// other tasks in proportion to their shares (evenly if they have none). nullopt if impossible.
std::optional<Assessment> shift_share(const Assessment& assessment, std::size_t index, double delta);

// p-quantile of a finite distribution: the smallest value v with P(X <= v) >= p.
double quantile(std::vector<std::pair<double, double>> value_probability, double p);

Json to_json(const Insight& insight);

}  // namespace jobzone
