// Reads the methodology data file into typed rules.
#include "jobzone/methodology.h"

#include <cstdio>
#include <cstdlib>

#include "jobzone/json.h"

namespace jobzone {
namespace detail {
extern const char kMethodologyText[];
}

namespace {

// Every metric's name, once, in the order of the Metric enum.
constexpr const char* kMetricNames[kMetricCount] = {"task_resistance", "evidence", "barriers", "protective",
                                                    "ai_growth_correlation", "time_share_3plus", "score"};

// Reads the methodology without exceptions (the core is built without them): every accessor
// checks the type first, and the first problem is kept, named by its path in the file.
class Reader {
public:
    std::string error;

    const Json& at(const Json& j, const char* key, const std::string& path) {
        if (j.is_object()) {
            auto it = j.find(key);
            if (it != j.end()) return *it;
        }
        fail(path_key(path, key), "is missing");
        return null_;
    }
    const Json& list(const Json& j, const char* key, const std::string& path) {
        const Json& v = at(j, key, path);
        if (v.is_array()) return v;
        if (!v.is_null()) fail(path_key(path, key), "must be a list");
        return empty_;
    }
    double number(const Json& j, const char* key, const std::string& path) {
        const Json& v = at(j, key, path);
        if (v.is_number()) return v.get<double>();
        if (!v.is_null()) fail(path_key(path, key), "must be a number");
        return 0;
    }
    int integer(const Json& j, const char* key, const std::string& path) {
        const Json& v = at(j, key, path);
        if (v.is_number_integer()) return v.get<int>();
        if (!v.is_null()) fail(path_key(path, key), "must be an integer");
        return 0;
    }
    std::size_t count(const Json& j, const char* key, const std::string& path) {
        const Json& v = at(j, key, path);
        if (v.is_number_unsigned()) return v.get<std::size_t>();
        if (!v.is_null()) fail(path_key(path, key), "must be a whole number");
        return 0;
    }
    std::string text(const Json& j, const char* key, const std::string& path, bool required = true) {
        if (!required && (!j.is_object() || !j.contains(key))) return {};
        const Json& v = at(j, key, path);
        if (v.is_string()) return v.get<std::string>();
        if (!v.is_null()) fail(path_key(path, key), "must be text");
        return {};
    }
    void fail(const std::string& path, const std::string& message) {
        if (error.empty()) error = "methodology: " + path + " " + message;
    }

    RuleInfo rule_info(const Json& j, const std::string& path) {
        std::string status = text(j, "status", path);
        if (status != "published" && status != "assumed") fail(path_key(path, "status"), "must be published or assumed, not '" + status + "'");
        return RuleInfo{text(j, "id", path, false), status, text(j, "text", path, false)};
    }
    IntRange int_range(const Json& j, const std::string& path) { return IntRange{integer(j, "min", path), integer(j, "max", path)}; }
    std::vector<Dimension> dimensions(const Json& j, const char* key, const std::string& path) {
        std::vector<Dimension> out;
        const Json& items = list(j, key, path);
        for (std::size_t i = 0; i < items.size(); ++i) {
            std::string at_path = path_index(path_key(path, key), i);
            out.push_back({text(items[i], "key", at_path), text(items[i], "label", at_path)});
        }
        return out;
    }
    DimensionScale dimension_scale(const Json& j, const std::string& path) {
        return DimensionScale{text(j, "label", path), int_range(j, path), dimensions(j, "dimensions", path)};
    }
    Metric metric(const std::string& name, const std::string& path) {
        if (auto m = metric_named(name)) return *m;
        fail(path, "names an unknown metric '" + name + "'");
        return Metric::score;
    }
    // "when": {"zone": "GREEN", "time_share_3plus": {"min": 20}} -> zone + conditions
    std::vector<Condition> conditions(const Json& when, const std::string& path, std::optional<std::string>* zone) {
        std::vector<Condition> out;
        if (!when.is_object()) {
            fail(path, "must be an object");
            return out;
        }
        for (auto it = when.begin(); it != when.end(); ++it) {
            std::string at_path = path_key(path, it.key());
            if (it.key() == "zone" && zone) {
                if (it.value().is_string()) *zone = it.value().get<std::string>();
                else fail(at_path, "must be text");
                continue;
            }
            Condition c{metric(it.key(), at_path), std::nullopt, std::nullopt};
            if (it.value().contains("min")) c.min = number(it.value(), "min", at_path);
            if (it.value().contains("max")) c.max = number(it.value(), "max", at_path);
            out.push_back(c);
        }
        return out;
    }

private:
    const Json null_;
    const Json empty_ = Json::array();
};

}  // namespace

std::optional<Metric> metric_named(const std::string& name) {
    for (std::size_t i = 0; i < kMetricCount; ++i) {
        if (name == kMetricNames[i]) return static_cast<Metric>(i);
    }
    return std::nullopt;
}

const char* metric_name(Metric metric) { return kMetricNames[static_cast<std::size_t>(metric)]; }

std::optional<Methodology> parse_methodology(std::string_view text, std::string& error) {
    std::vector<FieldError> errors;
    std::optional<Json> doc = read_json(text, ReadLimits{1 << 20, 16}, errors);
    if (!doc) {
        error = "methodology: " + errors.front().to_string();
        return std::nullopt;
    }
    const Json& j = *doc;
    Reader r;
    const std::string root;
    if (r.text(j, "format", root) != "jobzone-methodology/1") r.fail("format", "must be jobzone-methodology/1");
    Methodology m;
    const Json& in = r.at(j, "inputs", root);
    const Json& task_score = r.at(in, "task_score", "inputs");
    m.task_score = r.int_range(task_score, "inputs.task_score");
    m.exposed_min = r.integer(task_score, "exposed_min", "inputs.task_score");
    const Json& time_pct = r.at(in, "time_pct", "inputs");
    m.time_pct_step = r.number(time_pct, "step", "inputs.time_pct");
    m.time_pct_min = r.number(time_pct, "min", "inputs.time_pct");
    m.time_pct_max = r.number(time_pct, "max", "inputs.time_pct");
    m.time_pct_total = r.number(time_pct, "total", "inputs.time_pct");
    m.impacts = r.dimensions(in, "impacts", "inputs");
    m.evidence = r.dimension_scale(r.at(in, "evidence", "inputs"), "inputs.evidence");
    m.barriers = r.dimension_scale(r.at(in, "barriers", "inputs"), "inputs.barriers");
    m.protective = r.dimension_scale(r.at(in, "protective", "inputs"), "inputs.protective");
    m.growth = r.int_range(r.at(in, "ai_growth_correlation", "inputs"), "inputs.ai_growth_correlation");

    const Json& f = r.at(j, "formula", root);
    m.formula = Formula{r.number(f, "task_resistance_base", "formula"), r.number(f, "evidence_step", "formula"),
                        r.number(f, "barrier_step", "formula"),        r.number(f, "growth_step", "formula"),
                        r.number(f, "raw_floor", "formula"),           r.number(f, "raw_span", "formula"),
                        r.rule_info(f, "formula")};
    m.formula.info.id = "formula";

    const Json& c = r.at(j, "clamp", root);
    m.clamp = r.rule_info(c, "clamp");
    m.clamp_min = r.number(c, "min", "clamp");
    m.clamp_max = r.number(c, "max", "clamp");
    m.zone_tolerance = r.number(j, "zone_tolerance", root);

    const Json& zones = r.list(j, "zones", root);
    for (std::size_t i = 0; i < zones.size(); ++i) {
        const Json& z = zones[i];
        std::string p = path_index("zones", i);
        m.zones.push_back(ZoneRule{r.rule_info(z, p), r.text(z, "zone", p), r.text(z, "name", p), r.text(z, "verdict", p),
                                   r.number(z, "min", p)});
        if (i > 0 && m.zones[i].min >= m.zones[i - 1].min) r.fail(p, "must come after a higher zone (highest first)");
    }
    if (m.zones.empty()) r.fail("zones", "must name at least one zone");

    const Json& labels = r.list(j, "labels", root);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        std::string p = path_index("labels", i);
        LabelRule rule{r.rule_info(labels[i], p), r.text(labels[i], "label", p), std::nullopt, {}};
        rule.when = r.conditions(r.at(labels[i], "when", p), path_key(p, "when"), &rule.zone);
        m.labels.push_back(std::move(rule));
    }
    const Json& screen = r.list(j, "quick_screen", root);
    for (std::size_t i = 0; i < screen.size(); ++i) {
        const Json& s = screen[i];
        std::string p = path_index("quick_screen", i);
        const Json& zone = r.at(s, "zone", p);
        if (!zone.is_null() && !zone.is_string()) r.fail(path_key(p, "zone"), "must be text or null");
        ScreenRule rule{r.rule_info(s, p), r.text(s, "likely", p),
                        zone.is_string() ? std::optional<std::string>(zone.get<std::string>()) : std::nullopt, {}};
        rule.when = r.conditions(r.at(s, "when", p), path_key(p, "when"), nullptr);
        m.quick_screen.push_back(std::move(rule));
    }

    const Json& comp = r.at(j, "composition", root);
    m.composition_info = r.rule_info(comp, "composition");
    m.composition_info.id = "composition";
    const Json& parts = r.list(comp, "parts", "composition");
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const Json& p = parts[i];
        std::string at_path = path_index("composition.parts", i);
        m.composition.push_back(CompositionPart{r.text(p, "key", at_path), r.metric(r.text(p, "metric", at_path), path_key(at_path, "metric")),
                                                r.text(p, "label", at_path), r.number(p, "weight", at_path),
                                                r.number(p, "scale_max", at_path)});
    }
    const Json& attr = r.at(j, "attribution", root);
    m.attribution_info = r.rule_info(attr, "attribution");
    m.attribution_info.id = "attribution";
    const Json& base = r.at(attr, "baseline", "attribution");
    const std::string bp = "attribution.baseline";
    m.attribution_baseline = AttributionBaseline{r.text(base, "key", bp), r.text(base, "label", bp),
                                                 r.integer(base, "task_score", bp), r.integer(base, "evidence", bp),
                                                 r.integer(base, "barriers", bp), r.integer(base, "ai_growth_correlation", bp)};
    m.attribution_factors = r.dimensions(attr, "factors", "attribution");
    if (m.attribution_factors.size() != 4) r.fail("attribution.factors", "must name the formula's four factors");

    const Json& ins = r.at(j, "insight", root);
    m.insight = InsightParams{r.number(ins, "share_step", "insight"), r.number(ins, "best_move_max", "insight"),
                              r.number(ins, "step_probability", "insight"), {}, {}, r.rule_info(ins, "insight")};
    const Json& confidence = r.at(ins, "confidence", "insight");
    const Json& levels = r.list(confidence, "levels", "insight.confidence");
    for (std::size_t i = 0; i < levels.size(); ++i) {
        m.insight.confidence_levels.push_back(r.text(levels[i], "key", path_index("insight.confidence.levels", i)));
    }
    m.insight.default_confidence = r.text(confidence, "default", "insight.confidence");
    const std::vector<std::string> known = {"sure", "roughly", "unsure"};
    if (m.insight.confidence_levels != known) r.fail("insight.confidence.levels", "must be sure, roughly, unsure");
    m.insight.info.id = "insight";
    const Json& band = r.list(ins, "band_percentiles", "insight");
    if (band.size() != 2) r.fail("insight.band_percentiles", "must be two percentiles, low and high");
    else {
        const auto whole = [&](std::size_t i) { return band[i].is_number_integer() ? band[i].get<int>() : -1; };
        m.insight.band_low = whole(0);
        m.insight.band_high = whole(1);
        if (!(0 < m.insight.band_low && m.insight.band_low < 50 && 50 < m.insight.band_high && m.insight.band_high < 100)) {
            r.fail("insight.band_percentiles", "must be a low percentile under 50 and a high one over 50");
        }
    }

    const Json& lim = r.at(j, "limits", root);
    const std::string lp = "limits";
    m.limits = Limits{r.count(lim, "max_input_bytes", lp), r.count(lim, "max_depth", lp),
                      r.count(lim, "max_tasks", lp),       r.count(lim, "max_name_chars", lp),
                      r.count(lim, "max_task_chars", lp),
                      r.count(lim, "max_text_chars", lp),  r.count(lim, "max_list_items", lp),
                      r.count(lim, "max_neighbours", lp),  r.count(lim, "max_url_chars", lp),
                      r.count(lim, "max_id_chars", lp)};
    if (!r.error.empty()) {
        error = r.error;
        return std::nullopt;
    }
    return m;
}

std::string_view methodology_text() { return detail::kMethodologyText; }

namespace {
Methodology embedded_methodology() {
    std::string error;
    std::optional<Methodology> m = parse_methodology(methodology_text(), error);
    if (!m) {
        // A defect of the build (the test suite reads the same file): nothing can be scored.
        std::fputs((error + "\n").c_str(), stderr);
        std::abort();
    }
    return std::move(*m);
}
}  // namespace

const Methodology& methodology() {
    static const Methodology instance = embedded_methodology();
    return instance;
}

}  // namespace jobzone
