// Reads the methodology data file into typed rules.
#include "jobzone/methodology.h"

#include <stdexcept>

#include "jobzone/json.h"

namespace jobzone {
namespace detail {
extern const char kMethodologyText[];
}

namespace {

// Every metric's name, once, in the order of the Metric enum.
constexpr const char* kMetricNames[kMetricCount] = {"task_resistance", "evidence", "barriers", "protective",
                                                    "ai_growth_correlation", "time_share_3plus", "score"};

RuleInfo rule_info(const Json& j) {
    std::string status = j.at("status").get<std::string>();
    if (status != "published" && status != "assumed") {
        throw std::runtime_error("methodology: unknown status '" + status + "'");
    }
    return RuleInfo{j.value("id", std::string()), status, j.value("text", std::string())};
}

IntRange int_range(const Json& j) { return IntRange{j.at("min").get<int>(), j.at("max").get<int>()}; }

std::vector<Dimension> dimensions(const Json& list) {
    std::vector<Dimension> out;
    for (const Json& d : list) out.push_back({d.at("key").get<std::string>(), d.at("label").get<std::string>()});
    return out;
}

DimensionScale dimension_scale(const Json& j) {
    return DimensionScale{j.at("label").get<std::string>(), int_range(j), dimensions(j.at("dimensions"))};
}

std::optional<std::string> optional_zone(const Json& j) {
    if (j.is_null()) return std::nullopt;
    return j.get<std::string>();
}

// "when": {"zone": "GREEN", "time_share_3plus": {"min": 20}} -> zone + conditions
std::vector<Condition> conditions(const Json& when, std::optional<std::string>* zone) {
    std::vector<Condition> out;
    for (auto it = when.begin(); it != when.end(); ++it) {
        if (it.key() == "zone" && zone) {
            *zone = it.value().get<std::string>();
            continue;
        }
        Condition c{metric_named(it.key()), std::nullopt, std::nullopt};
        if (it.value().contains("min")) c.min = it.value().at("min").get<double>();
        if (it.value().contains("max")) c.max = it.value().at("max").get<double>();
        out.push_back(c);
    }
    return out;
}

}  // namespace

Metric metric_named(const std::string& name) {
    for (std::size_t i = 0; i < kMetricCount; ++i) {
        if (name == kMetricNames[i]) return static_cast<Metric>(i);
    }
    throw std::runtime_error("methodology: unknown metric '" + name + "'");
}

const char* metric_name(Metric metric) { return kMetricNames[static_cast<std::size_t>(metric)]; }

Methodology parse_methodology(std::string_view text) {
    std::vector<FieldError> errors;
    std::optional<Json> doc = read_json(text, ReadLimits{1 << 20, 16}, errors);
    if (!doc) throw std::runtime_error("methodology: " + errors.at(0).to_string());
    const Json& j = *doc;
    if (j.at("format") != "jobzone-methodology/1") throw std::runtime_error("methodology: unknown format");
    Methodology m;
    const Json& in = j.at("inputs");
    m.task_score = int_range(in.at("task_score"));
    m.exposed_min = in.at("task_score").at("exposed_min").get<int>();
    m.time_pct_step = in.at("time_pct").at("step").get<double>();
    m.time_pct_min = in.at("time_pct").at("min").get<double>();
    m.time_pct_max = in.at("time_pct").at("max").get<double>();
    m.time_pct_total = in.at("time_pct").at("total").get<double>();
    m.impacts = dimensions(in.at("impacts"));
    m.evidence = dimension_scale(in.at("evidence"));
    m.barriers = dimension_scale(in.at("barriers"));
    m.protective = dimension_scale(in.at("protective"));
    m.growth = int_range(in.at("ai_growth_correlation"));

    const Json& f = j.at("formula");
    m.formula = Formula{f.at("task_resistance_base").get<double>(), f.at("evidence_step").get<double>(),
                        f.at("barrier_step").get<double>(),        f.at("growth_step").get<double>(),
                        f.at("raw_floor").get<double>(),           f.at("raw_span").get<double>(),
                        rule_info(f)};
    m.formula.info.id = "formula";

    const Json& c = j.at("clamp");
    m.clamp = rule_info(c);
    m.clamp_min = c.at("min").get<double>();
    m.clamp_max = c.at("max").get<double>();
    m.zone_tolerance = j.at("zone_tolerance").get<double>();

    for (const Json& z : j.at("zones")) {
        m.zones.push_back(ZoneRule{rule_info(z), z.at("zone").get<std::string>(), z.at("name").get<std::string>(),
                                   z.at("verdict").get<std::string>(), z.at("min").get<double>()});
    }
    for (std::size_t i = 1; i < m.zones.size(); ++i) {
        if (m.zones[i].min >= m.zones[i - 1].min) throw std::runtime_error("methodology: zones must go from highest to lowest");
    }
    if (m.zones.empty()) throw std::runtime_error("methodology: no zones");

    for (const Json& l : j.at("labels")) {
        LabelRule rule{rule_info(l), l.at("label").get<std::string>(), std::nullopt, {}};
        rule.when = conditions(l.at("when"), &rule.zone);
        m.labels.push_back(std::move(rule));
    }
    for (const Json& s : j.at("quick_screen")) {
        ScreenRule rule{rule_info(s), s.at("likely").get<std::string>(), optional_zone(s.at("zone")), {}};
        rule.when = conditions(s.at("when"), nullptr);
        m.quick_screen.push_back(std::move(rule));
    }

    const Json& comp = j.at("composition");
    m.composition_info = rule_info(comp);
    m.composition_info.id = "composition";
    for (const Json& p : comp.at("parts")) {
        m.composition.push_back(CompositionPart{p.at("key").get<std::string>(), metric_named(p.at("metric").get<std::string>()),
                                                p.at("label").get<std::string>(), p.at("weight").get<double>(),
                                                p.at("scale_max").get<double>()});
    }
    const Json& attr = j.at("attribution");
    m.attribution_info = rule_info(attr);
    m.attribution_info.id = "attribution";
    const Json& base = attr.at("baseline");
    m.attribution_baseline = AttributionBaseline{base.at("key").get<std::string>(), base.at("label").get<std::string>(),
                                                 base.at("task_score").get<int>(), base.at("evidence").get<int>(),
                                                 base.at("barriers").get<int>(), base.at("ai_growth_correlation").get<int>()};
    m.attribution_factors = dimensions(attr.at("factors"));
    if (m.attribution_factors.size() != 4) throw std::runtime_error("methodology: attribution needs the formula's four factors");

    const Json& ins = j.at("insight");
    m.insight = InsightParams{ins.at("share_step").get<double>(), ins.at("best_move_max").get<double>(),
                              ins.at("step_probability").get<double>(), {}, {}, rule_info(ins)};
    for (const Json& level : ins.at("confidence").at("levels")) m.insight.confidence_levels.push_back(level.at("key").get<std::string>());
    m.insight.default_confidence = ins.at("confidence").at("default").get<std::string>();
    const std::vector<std::string> known = {"sure", "roughly", "unsure"};
    if (m.insight.confidence_levels != known) throw std::runtime_error("methodology: confidence levels must be sure, roughly, unsure");
    m.insight.info.id = "insight";

    const Json& lim = j.at("limits");
    m.limits = Limits{lim.at("max_input_bytes").get<std::size_t>(), lim.at("max_depth").get<std::size_t>(),
                      lim.at("max_tasks").get<std::size_t>(),       lim.at("max_name_chars").get<std::size_t>(),
                      lim.at("max_text_chars").get<std::size_t>(),  lim.at("max_list_items").get<std::size_t>(),
                      lim.at("max_neighbours").get<std::size_t>(), lim.at("max_url_chars").get<std::size_t>()};
    return m;
}

std::string_view methodology_text() { return detail::kMethodologyText; }

const Methodology& methodology() {
    static const Methodology instance = parse_methodology(methodology_text());
    return instance;
}

}  // namespace jobzone
