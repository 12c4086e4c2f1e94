// The JobZone formula and everything derived from it, driven by the methodology data.
#include "jobzone/score.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

#include "jobzone/methodology.h"

namespace jobzone {
namespace {

int sum(const std::vector<int>& values) {
    int total = 0;
    for (int v : values) total += v;
    return total;
}

// Values a rule condition or a composition part can name, by Metric.
struct Metrics {
    std::array<double, kMetricCount> values{};
    double& operator[](Metric m) { return values[static_cast<std::size_t>(m)]; }
    double get(Metric m) const { return values[static_cast<std::size_t>(m)]; }
};

bool holds(const std::vector<Condition>& when, const Metrics& metrics) {
    for (const Condition& c : when) {
        double v = metrics.get(c.metric);
        if (c.min && v < *c.min) return false;
        if (c.max && v > *c.max) return false;
    }
    return true;
}

const LabelRule* label_for(const std::string& zone, const Metrics& metrics) {
    for (const LabelRule& rule : methodology().labels) {
        if (rule.zone && *rule.zone != zone) continue;
        if (holds(rule.when, metrics)) return &rule;
    }
    return nullptr;
}

FiredRule fired(const RuleInfo& info) { return FiredRule{info.id, info.status, info.text}; }

// Shapley values of f(x) = x0*x1*x2*x3 moving every factor from `base` to `actual`:
// an exact additive split of f(actual) - f(base) (averaged over all 24 orders of the factors).
std::array<double, 4> shapley_product(const std::array<double, 4>& base, const std::array<double, 4>& actual) {
    constexpr int n = 4;
    constexpr double weight[n] = {6.0 / 24, 2.0 / 24, 2.0 / 24, 6.0 / 24};  // |S|!(n-|S|-1)!/n!
    std::array<double, 4> phi{};
    for (int i = 0; i < n; ++i) {
        for (int subset = 0; subset < (1 << n); ++subset) {
            if (subset & (1 << i)) continue;
            double with = 1, without = 1;
            int size = 0;
            for (int k = 0; k < n; ++k) {
                bool in = (subset & (1 << k)) != 0;
                size += in;
                double factor = in ? actual[k] : base[k];
                without *= factor;
                with *= (k == i) ? actual[k] : factor;
            }
            phi[i] += weight[size] * (with - without);
        }
    }
    return phi;
}

}  // namespace

double time_score_sum(const Assessment& a) {
    double sum = 0;
    for (const Task& t : a.tasks) sum += t.time_pct * t.score;
    return sum;
}

Modifiers modifiers_for(const Formula& f, int evidence_total, int barrier_total, int growth) {
    return Modifiers{1 + evidence_total * f.evidence_step, 1 + barrier_total * f.barrier_step, 1 + growth * f.growth_step};
}

FormulaTerms formula_terms(const Formula& f, double time_score_sum, const Modifiers& modifiers) {
    FormulaTerms t;
    t.weighted_task_score = time_score_sum / 100;
    t.task_resistance = f.task_resistance_base - t.weighted_task_score;
    t.modifiers = modifiers;
    t.raw = t.task_resistance * t.modifiers.evidence * t.modifiers.barriers * t.modifiers.growth;
    t.score_unclamped = (t.raw - f.raw_floor) / f.raw_span * 100;
    return t;
}

FormulaTerms formula_terms(double time_score_sum, int evidence_total, int barrier_total, int growth) {
    const Formula& f = methodology().formula;
    return formula_terms(f, time_score_sum, modifiers_for(f, evidence_total, barrier_total, growth));
}

double clamp_score(double score_unclamped) {
    const Methodology& m = methodology();
    return std::clamp(score_unclamped, m.clamp_min, m.clamp_max);
}

double formula_ceiling() {
    const Methodology& m = methodology();
    return formula_terms(100.0 * m.task_score.min, m.evidence.total_max(), m.barriers.total_max(), m.growth.max).score_unclamped;
}

double score_value(const Assessment& a) {
    return clamp_score(formula_terms(time_score_sum(a), sum(a.evidence), sum(a.barriers), a.ai_growth_correlation).score_unclamped);
}

std::string display_score(double score) {
    const ZoneRule& zone = zone_for(score);
    for (int decimals = 1; decimals <= 6; ++decimals) {
        std::string text = format_fixed(score, decimals);
        if (&zone_for(std::strtod(text.c_str(), nullptr)) == &zone) return text;
    }
    // Within a millionth of a threshold: cut (not round) towards the zone's side of it.
    double scale = 1e6;
    bool rounded_up = std::strtod(format_fixed(score, 6).c_str(), nullptr) > score;
    return format_fixed(rounded_up ? std::floor(score * scale) / scale : std::ceil(score * scale) / scale, 6);
}

const ZoneRule& zone_for(double score) {
    const Methodology& m = methodology();
    for (const ZoneRule& z : m.zones) {
        if (score >= z.min - m.zone_tolerance) return z;
    }
    return m.zones.back();
}

Result score(const Assessment& a) {
    const Methodology& m = methodology();
    const Formula& f = m.formula;
    Result r;

    for (const Dimension& impact : m.impacts) r.split.push_back(ImpactShare{impact.key, impact.label, 0});
    for (const Task& t : a.tasks) {
        for (ImpactShare& share : r.split) {
            if (share.key == t.impact) share.time_pct += t.time_pct;
        }
        if (t.score >= m.exposed_min) r.time_share_3plus += t.time_pct;
    }
    r.totals = Totals{sum(a.evidence), sum(a.barriers), sum(a.protective), a.ai_growth_correlation};
    FormulaTerms terms = formula_terms(time_score_sum(a), r.totals.evidence, r.totals.barriers, r.totals.growth);
    r.weighted_task_score = terms.weighted_task_score;
    r.task_resistance = terms.task_resistance;
    r.modifiers = terms.modifiers;
    r.raw = terms.raw;
    r.score_unclamped = terms.score_unclamped;
    r.score = clamp_score(r.score_unclamped);
    // Rounding noise at an end of the scale (100.00000000000004 for the exact top) is not a clamp.
    r.clamped = std::fabs(r.score - r.score_unclamped) > m.zone_tolerance;
    r.rules.push_back(fired(f.info));
    if (r.clamped) r.rules.push_back(fired(m.clamp));

    const ZoneRule& zone = zone_for(r.score);
    r.zone = zone.zone;
    r.zone_name = zone.name;
    r.verdict = zone.verdict;
    r.threshold_margin = r.score - zone.min;
    if (&zone != &m.zones.front()) r.to_next_zone = (&zone - 1)->min - r.score;
    r.rules.push_back(fired(zone.info));

    Metrics metrics;
    metrics[Metric::task_resistance] = r.task_resistance;
    metrics[Metric::evidence] = r.totals.evidence;
    metrics[Metric::barriers] = r.totals.barriers;
    metrics[Metric::protective] = r.totals.protective;
    metrics[Metric::ai_growth_correlation] = r.totals.growth;
    metrics[Metric::time_share_3plus] = r.time_share_3plus;
    metrics[Metric::score] = r.score;
    if (const LabelRule* rule = label_for(r.zone, metrics)) {
        r.label = rule->label;
        r.rules.push_back(fired(rule->info));
    } else {
        r.label = zone.name;
    }

    QuickScreen& qs = r.quick_screen;
    qs.protective = r.totals.protective;
    qs.growth = r.totals.growth;
    for (const ScreenRule& rule : m.quick_screen) {
        if (!holds(rule.when, metrics)) continue;
        qs.likely = rule.likely;
        qs.zone = rule.zone;
        qs.rule_id = rule.info.id;
        qs.status = rule.info.status;
        r.rules.push_back(fired(rule.info));
        break;
    }
    qs.text = "Protective " + std::to_string(qs.protective) + " + Correlation " + std::to_string(qs.growth) + " = " +
              qs.likely;

    for (const CompositionPart& part : m.composition) {
        r.composition.push_back(Points{part.key, part.label, part.weight * metrics.get(part.metric) / part.scale_max});
    }

    // Attribution from the neutral role: its score, then each factor's exact (Shapley) share of the rest.
    const AttributionBaseline& nb = m.attribution_baseline;
    Modifiers neutral = modifiers_for(f, nb.evidence * static_cast<int>(m.evidence.dimensions.size()),
                                      nb.barriers * static_cast<int>(m.barriers.dimensions.size()), nb.ai_growth_correlation);
    std::array<double, 4> base = {f.task_resistance_base - nb.task_score, neutral.evidence, neutral.barriers, neutral.growth};
    std::array<double, 4> actual = {r.task_resistance, r.modifiers.evidence, r.modifiers.barriers, r.modifiers.growth};
    std::array<double, 4> phi = shapley_product(base, actual);
    r.attribution.push_back(Points{nb.key, nb.label, (base[0] * base[1] * base[2] * base[3] - f.raw_floor) / f.raw_span * 100});
    for (std::size_t i = 0; i < 4; ++i) {
        const Dimension& factor = m.attribution_factors[i];
        r.attribution.push_back(Points{factor.key, factor.label, phi[i] / f.raw_span * 100});
    }
    r.rules.push_back(fired(m.composition_info));
    r.rules.push_back(fired(m.attribution_info));

    FinalVerdict& fin = r.final_verdict;
    fin.score = r.score;
    fin.zone = r.zone;
    fin.label = r.label;
    if (a.assessor_override) {
        const Override& o = *a.assessor_override;
        fin.overridden = true;
        fin.reason = o.reason;
        if (o.score) fin.score = *o.score;
        const ZoneRule& final_zone = zone_for(fin.score);
        fin.zone = o.zone.value_or(final_zone.zone);
        if (o.label) {
            fin.label = *o.label;
        } else {
            Metrics final_metrics = metrics;
            final_metrics[Metric::score] = fin.score;
            const LabelRule* rule = label_for(fin.zone, final_metrics);
            fin.label = rule ? rule->label : fin.zone;
        }
        r.rules.push_back(FiredRule{"override", "assessor", o.reason});
    }
    return r;
}

Json to_json(const Result& r) {
    // Built by assignment, not from initializer lists: much smaller code in the wasm module.
    const Formula& f = methodology().formula;
    auto points_json = [](const std::vector<Points>& list) {
        Json out = Json::array();
        for (const Points& p : list) {
            Json item = Json::object();
            item["key"] = p.key;
            item["label"] = p.label;
            item["points"] = p.points;
            out.push_back(std::move(item));
        }
        return out;
    };
    auto optional_json = [](const auto& value) { return value ? Json(*value) : Json(nullptr); };

    Json out = Json::object();
    out["weighted_task_score"] = r.weighted_task_score;
    out["task_resistance"] = r.task_resistance;
    Json& totals = out["totals"];
    totals["evidence"] = r.totals.evidence;
    totals["barriers"] = r.totals.barriers;
    totals["protective"] = r.totals.protective;
    totals["growth"] = r.totals.growth;
    Json& modifiers = out["modifiers"];
    modifiers["evidence"] = r.modifiers.evidence;
    modifiers["barriers"] = r.modifiers.barriers;
    modifiers["growth"] = r.modifiers.growth;
    out["raw"] = r.raw;
    out["score_unclamped"] = r.score_unclamped;
    out["score"] = r.score;
    out["clamped"] = r.clamped;
    out["zone"] = r.zone;
    out["zone_name"] = r.zone_name;
    out["verdict"] = r.verdict;
    out["label"] = r.label;
    const QuickScreen& qs = r.quick_screen;
    Json& screen = out["quick_screen"];
    screen["protective"] = qs.protective;
    screen["growth"] = qs.growth;
    screen["likely"] = qs.likely;
    screen["zone"] = optional_json(qs.zone);
    screen["text"] = qs.text;
    screen["rule"] = qs.rule_id;
    screen["status"] = qs.status;
    Json& split = out["split"] = Json::object();
    for (const ImpactShare& share : r.split) split[share.key] = share.time_pct;
    out["time_share_3plus"] = r.time_share_3plus;
    out["threshold_margin"] = r.threshold_margin;
    out["to_next_zone"] = optional_json(r.to_next_zone);
    out["composition"] = points_json(r.composition);
    out["attribution"] = points_json(r.attribution);
    Json& rules = out["rules"] = Json::array();
    for (const FiredRule& rule : r.rules) {
        Json item = Json::object();
        item["id"] = rule.id;
        item["status"] = rule.status;  // the rule's text is in the methodology, by id
        rules.push_back(std::move(item));
    }
    Json& fin = out["final"];
    fin["score"] = r.final_verdict.score;
    fin["display_score"] = display_score(r.final_verdict.score);
    fin["zone"] = r.final_verdict.zone;
    fin["label"] = r.final_verdict.label;
    fin["overridden"] = r.final_verdict.overridden;
    fin["reason"] = r.final_verdict.reason;

    // Figures as the published page prints them.
    std::string tr2 = format_fixed(r.task_resistance, 2);
    std::string em2 = format_fixed(r.modifiers.evidence, 2);
    std::string bm2 = format_fixed(r.modifiers.barriers, 2);
    std::string gm2 = format_fixed(r.modifiers.growth, 2);
    std::string raw4 = format_fixed(r.raw, 4);
    Json& display = out["display"];
    display["weighted_task_score"] = format_fixed(r.weighted_task_score, 2);
    display["task_resistance"] = tr2;
    Json& dm = display["modifiers"];
    dm["evidence"] = em2;
    dm["barriers"] = bm2;
    dm["growth"] = gm2;
    display["raw"] = raw4;
    display["score"] = display_score(r.score);
    display["threshold_margin"] = format_fixed(r.threshold_margin, 1);
    display["raw_calculation"] = "Raw: " + tr2 + " x " + em2 + " x " + bm2 + " x " + gm2 + " = " + raw4;
    display["score_calculation"] = "(" + raw4 + " - " + format_fixed(f.raw_floor, 2) + ") / " +
                                   format_fixed(f.raw_span, 2) + " x 100 = " + format_fixed(r.score_unclamped, 1);
    return out;
}

}  // namespace jobzone
