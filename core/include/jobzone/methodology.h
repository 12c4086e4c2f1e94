// The JobZone methodology as data: constants, ranges, zones and label rules read from
// core/methodology.json (embedded at build time). Code reads these; it hard-codes none.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jobzone {

struct IntRange {
    int min = 0;
    int max = 0;
};

struct Dimension {
    std::string key;
    std::string label;
};

// A factor scored on several dimensions of the same integer range (evidence, barriers, protective).
struct DimensionScale {
    std::string label;
    IntRange range;
    std::vector<Dimension> dimensions;
    int total_min() const { return range.min * static_cast<int>(dimensions.size()); }
    int total_max() const { return range.max * static_cast<int>(dimensions.size()); }
};

struct RuleInfo {
    std::string id;
    std::string status;  // "published" or "assumed"
    std::string text;
};

// The figures a rule or a chart can name. Their names are written once, in methodology.cpp;
// an unknown name in the data is an error when the methodology is read, never a silent default.
enum class Metric { task_resistance, evidence, barriers, protective, ai_growth_correlation, time_share_3plus, score };
inline constexpr std::size_t kMetricCount = 7;
std::optional<Metric> metric_named(const std::string& name);  // nullopt for an unknown name
const char* metric_name(Metric metric);

// One bound on a metric.
struct Condition {
    Metric metric = Metric::score;
    std::optional<double> min;
    std::optional<double> max;
};

struct ZoneRule {
    RuleInfo info;
    std::string zone;     // GREEN / YELLOW / RED
    std::string name;     // Green
    std::string verdict;  // Protected
    double min = 0;       // lowest score in the zone
};

struct LabelRule {
    RuleInfo info;
    std::string label;
    std::optional<std::string> zone;
    std::vector<Condition> when;
};

struct ScreenRule {
    RuleInfo info;
    std::string likely;
    std::optional<std::string> zone;
    std::vector<Condition> when;
};

struct CompositionPart {
    std::string key;
    Metric metric = Metric::score;
    std::string label;
    double weight = 0;
    double scale_max = 1;
};

struct Formula {
    double task_resistance_base = 0;
    double evidence_step = 0;
    double barrier_step = 0;
    double growth_step = 0;
    double raw_floor = 0;
    double raw_span = 0;
    RuleInfo info;
};

// The neutral role the attribution is measured from.
struct AttributionBaseline {
    std::string key;
    std::string label;
    int task_score = 0;
    int evidence = 0;
    int barriers = 0;
    int ai_growth_correlation = 0;
};

// The analyses' parameters (insight.h).
struct InsightParams {
    double share_step = 0;        // points of time a share step moves
    double best_move_max = 0;     // the largest move of time the best-move search tries
    double step_probability = 0;  // chance of one step down (and of one step up) for each judged input
    std::vector<std::string> confidence_levels;  // "sure", "roughly", "unsure"
    std::string default_confidence;              // "roughly"
    RuleInfo info;
    int band_low = 10, band_high = 90;  // the percentiles of the range shown (insight.band_percentiles)
};

struct Limits {
    std::size_t max_input_bytes = 0;
    std::size_t max_depth = 0;
    std::size_t max_tasks = 0;
    std::size_t max_name_chars = 0;
    std::size_t max_task_chars = 0;   // a task's name: O*NET's statements run to 332 characters
    std::size_t max_text_chars = 0;
    std::size_t max_list_items = 0;
    std::size_t max_neighbours = 0;
    std::size_t max_url_chars = 0;
    std::size_t max_id_chars = 0;     // an assessment's id: lowercase letters, digits and dashes
};

struct Methodology {
    IntRange task_score;
    int exposed_min = 0;  // task scores from here up count towards time_share_3plus
    double time_pct_step = 0;  // shares are whole multiples of this (0.01)
    double time_pct_min = 0;
    double time_pct_max = 0;
    double time_pct_total = 0;
    std::vector<Dimension> impacts;
    DimensionScale evidence;
    DimensionScale barriers;
    DimensionScale protective;
    IntRange growth;
    Formula formula;
    RuleInfo clamp;
    double clamp_min = 0;
    double clamp_max = 0;
    double zone_tolerance = 0;
    std::vector<ZoneRule> zones;  // highest first; the last one takes every lower score
    std::vector<LabelRule> labels;  // first match wins
    std::vector<ScreenRule> quick_screen;  // first match wins
    std::vector<CompositionPart> composition;
    RuleInfo composition_info;
    RuleInfo attribution_info;
    AttributionBaseline attribution_baseline;
    std::vector<Dimension> attribution_factors;  // the formula's four factors, in its order
    InsightParams insight;
    Limits limits;
};

// The embedded methodology, parsed once. Malformed data (a build defect, caught by the test
// suite) stops the program with the reason on stderr: the core has no exceptions.
const Methodology& methodology();

// The embedded methodology file, verbatim.
std::string_view methodology_text();

// Parses a methodology document (used for the embedded one and by tests); on a problem, nullopt
// and `error` names the first one by its path in the file ("methodology: zones[1].min ...").
std::optional<Methodology> parse_methodology(std::string_view text, std::string& error);

}  // namespace jobzone
