// Scoring: everything a JobZone role page shows, computed from a valid assessment.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "jobzone/assessment.h"
#include "jobzone/exact.h"
#include "jobzone/json.h"
#include "jobzone/methodology.h"

namespace jobzone {

struct Points {
    std::string key;
    std::string label;
    double points = 0;
};

struct FiredRule {
    std::string id;
    std::string status;
    std::string text;
};

struct QuickScreen {
    int protective = 0;
    int growth = 0;
    std::string likely;                // "Likely Green (Accelerated)"
    std::optional<std::string> zone;   // GREEN / RED / none when inconclusive
    std::string text;                  // "Protective 4 + Correlation 2 = Likely Green (Accelerated)"
    std::string rule_id;
    std::string status;
    bool judged = true;                // false when a protective principle is not judged: no screen
};

struct Totals {
    int evidence = 0;
    int barriers = 0;
    int protective = 0;
    int growth = 0;
};

struct Modifiers {
    double evidence = 1;
    double barriers = 1;
    double growth = 1;
};

// Time shares summed by impact, one entry per impact of the methodology, in its order.
struct ImpactShare {
    std::string key;
    std::string label;
    double time_pct = 0;
};

// The method's numbers as exact rationals (the methodology writes them as short decimals).
struct ExactConstants {
    Rational task_resistance_base, evidence_step, barrier_step, growth_step, raw_floor, raw_span, clamp_min, clamp_max;
    std::vector<Rational> zone_min;  // in the methodology's zone order
    long long units_per_pct = 100;   // time shares are whole units of the methodology's step (1/0.01)
    Rational step_probability;       // the analyses' chance of one step down (and of one up)
};
const ExactConstants& exact_constants();

// The formula exactly: every term a rational, the score clamped exactly. Everything the method
// decides (zones, labels, printed figures) is decided on these values.
struct ExactTerms {
    Rational weighted_task_score, task_resistance, evidence, barriers, growth, raw, score_unclamped, score;
};
// What the result finally shows: the formula's values, or an assessor's override of them.
struct FinalVerdict {
    double score = 0;
    Rational score_exact;
    std::string zone;
    std::string label;
    bool overridden = false;
    std::string reason;
};

struct Result {
    ExactTerms exact;                      // the figures below, exactly (the doubles are the nearest)
    Rational time_share_3plus_exact;
    std::vector<Rational> attribution_exact;
    double weighted_task_score = 0;
    double task_resistance = 0;
    Totals totals;
    Modifiers modifiers;
    double raw = 0;
    double score_unclamped = 0;
    double score = 0;  // clamped to the methodology's 0..100
    bool clamped = false;
    std::string zone;
    std::string zone_name;
    std::string verdict;
    std::string label;
    QuickScreen quick_screen;
    std::vector<ImpactShare> split;
    double time_share_3plus = 0;
    double threshold_margin = 0;           // points above the zone's lower bound
    std::optional<double> to_next_zone;    // points short of the next zone up
    std::vector<Points> composition;       // published weights; does not add up to the score
    std::vector<Points> attribution;       // the neutral role's score, then the four factors: adds up to score_unclamped
    std::vector<FiredRule> rules;
    FinalVerdict final_verdict;
};

// The formula alone, step by step exactly as score() computes it, so every caller (the
// analyses in insight.h included) gets bit-identical figures for the same inputs.
struct FormulaTerms {
    double weighted_task_score = 0;
    double task_resistance = 0;
    Modifiers modifiers;
    double raw = 0;
    double score_unclamped = 0;
};
// time_score_sum = sum of time_pct x score over the tasks (100 x the weighted task score).
FormulaTerms formula_terms(double time_score_sum, int evidence_total, int barrier_total, int growth);
Modifiers modifiers_for(const Formula& f, int evidence_total, int barrier_total, int growth);
// The hot-loop form: constants and modifiers passed in, nothing looked up.
FormulaTerms formula_terms(const Formula& f, double time_score_sum, const Modifiers& modifiers);
double time_score_sum(const Assessment& assessment);
double clamp_score(double score_unclamped);
// The highest unclamped score the formula can give (every input at its best: about 109.7).
double formula_ceiling();

// time_score_sum: sum of time_pct x score (100 x the weighted task score), exactly.
ExactTerms exact_terms(const Rational& time_score_sum, int evidence_total, int barrier_total, int growth);
Rational exact_time_score_sum(const Assessment& assessment);
// exact_terms(...).score alone, quicker (the analyses score thousands of variants).
Rational exact_score_fast(const Rational& time_score_sum, int evidence_total, int barrier_total, int growth);
// The zone of an exact score (inclusive lower bounds, exactly: no tolerance needed).
const ZoneRule& zone_for(const Rational& score);
// The printed score (see display_score(double)), from the exact value, rounded half away from zero.
std::string display_score(const Rational& score);

// Scores a valid assessment (one that parse_assessment accepted).
Result score(const Assessment& assessment);
// The clamped score alone, as score() gives it, without the rest of the result.
double score_value(const Assessment& assessment);

// The score as the page prints it: one decimal, more near a zone threshold so that the printed
// figure never reads as another zone (47.96 is "47.96", not "48.0").
std::string display_score(double score);

// Zone rule for a score (inclusive lower bounds, compared within the methodology's tolerance).
const ZoneRule& zone_for(double score);

// The result as JSON, with a "display" block of figures formatted as the published page prints them.
Json to_json(const Result& result);

}  // namespace jobzone
