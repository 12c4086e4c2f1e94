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

FiredRule fired(const RuleInfo& info) { return FiredRule{info.id, info.status, info.text}; }

// Shapley values of f(x) = x0*x1*x2*x3 moving every factor from `base` to `actual`: an exact
// additive split of f(actual) - f(base) (averaged over all 24 orders of the factors).
std::array<Rational, 4> shapley_exact(const std::array<Rational, 4>& base, const std::array<Rational, 4>& actual) {
    constexpr int n = 4;
    const Rational weight[n] = {rational(6, 24), rational(2, 24), rational(2, 24), rational(6, 24)};
    std::array<Rational, 4> phi{};
    for (int i = 0; i < n; ++i) {
        for (int subset = 0; subset < (1 << n); ++subset) {
            if (subset & (1 << i)) continue;
            Rational with = rational(1), without = rational(1);
            int size = 0;
            for (int k = 0; k < n; ++k) {
                bool in = (subset & (1 << k)) != 0;
                size += in;
                const Rational& factor = in ? actual[k] : base[k];
                without = mul(without, factor);
                with = mul(with, (k == i) ? actual[k] : factor);
            }
            phi[i] = add(phi[i], mul(weight[size], sub(with, without)));
        }
    }
    return phi;
}

// The values a rule condition or a composition part can name, by Metric, exactly (a share of
// exactly 50 is 50; a score of exactly 48 is 48).
struct ExactMetrics {
    std::array<Rational, kMetricCount> values{};
    Rational& operator[](Metric m) { return values[static_cast<std::size_t>(m)]; }
    const Rational& get(Metric m) const { return values[static_cast<std::size_t>(m)]; }
};

bool holds_exact(const std::vector<Condition>& when, const ExactMetrics& metrics) {
    for (const Condition& c : when) {
        const Rational& v = metrics.get(c.metric);
        if (c.min && compare(v, exact_of(*c.min)) < 0) return false;
        if (c.max && compare(v, exact_of(*c.max)) > 0) return false;
    }
    return true;
}

const LabelRule* label_exact(const std::string& zone, const ExactMetrics& metrics) {
    for (const LabelRule& rule : methodology().labels) {
        if (rule.zone && *rule.zone != zone) continue;
        if (holds_exact(rule.when, metrics)) return &rule;
    }
    return nullptr;
}

// `value` rounded to `decimals` parts of `unit`s that add up: each part cut down to a multiple,
// and the units still missing from the rounded total given to the largest remainders (the first
// of equal remainders first). Negative parts are cut towards minus infinity, so every remainder
// is at least 0 and fewer than one unit is given per part.
std::vector<Rational> parts_that_add_up(const std::vector<Rational>& parts, const Rational& total, int decimals) {
    i128 scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    const Rational unit = rational(1, scale);
    std::vector<Rational> out;
    std::vector<Rational> remainder;
    Rational sum = rational(0);
    for (const Rational& p : parts) {
        i128 scaled = p.num * scale;
        i128 q = scaled / p.den;
        if (scaled % p.den != 0 && scaled < 0) --q;
        Rational cut = rational(q, scale);
        out.push_back(cut);
        remainder.push_back(sub(p, cut));
        sum = add(sum, cut);
    }
    Rational missing = div(sub(round_rational(total, decimals), sum), unit);  // a whole number, 0 to parts.size()
    long long give = static_cast<long long>(missing.num / missing.den);
    std::vector<std::size_t> order(parts.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    for (std::size_t i = 1; i < order.size(); ++i) {  // stable: the first of equal remainders first
        for (std::size_t j = i; j > 0 && compare(remainder[order[j - 1]], remainder[order[j]]) < 0; --j) std::swap(order[j - 1], order[j]);
    }
    for (long long k = 0; k < give && k < static_cast<long long>(order.size()); ++k) out[order[static_cast<std::size_t>(k)]] = add(out[order[static_cast<std::size_t>(k)]], unit);
    return out;
}

}  // namespace

const ExactConstants& exact_constants() {
    static const ExactConstants k = [] {
        const Methodology& m = methodology();
        const Formula& f = m.formula;
        const auto exact = exact_of;
        ExactConstants c;
        c.task_resistance_base = exact(f.task_resistance_base);
        c.evidence_step = exact(f.evidence_step);
        c.barrier_step = exact(f.barrier_step);
        c.growth_step = exact(f.growth_step);
        c.raw_floor = exact(f.raw_floor);
        c.raw_span = exact(f.raw_span);
        c.clamp_min = exact(m.clamp_min);
        c.clamp_max = exact(m.clamp_max);
        for (const ZoneRule& z : m.zones) c.zone_min.push_back(exact(z.min));
        const Rational per_pct = div(rational(1), exact(m.time_pct_step));
        c.units_per_pct = static_cast<long long>(per_pct.num / per_pct.den);
        c.step_probability = exact(m.insight.step_probability);
        return c;
    }();
    return k;
}

Rational exact_time_score_sum(const Assessment& a) {
    Rational sum = rational(0);
    for (const Task& t : a.tasks) sum = add(sum, mul(exact_of(t.time_pct), rational(t.score)));
    return sum;
}

namespace {

// The formula's four factors as integer fractions (numerator, denominator), and its raw value
// as their product: one place for the formula, which exact_terms and exact_score_fast share.
struct Factors {
    i128 num[4], den[4];  // task resistance, evidence, barriers, growth
    i128 raw_num() const { return num[0] * num[1] * num[2] * num[3]; }
    i128 raw_den() const { return den[0] * den[1] * den[2] * den[3]; }
};

Factors factors(const Rational& time_score_sum, int evidence_total, int barrier_total, int growth) {
    const ExactConstants& k = exact_constants();
    const Rational& base = k.task_resistance_base;
    Factors f;
    // task resistance = base - time_score_sum / 100
    f.num[0] = base.num * 100 * time_score_sum.den - time_score_sum.num * base.den;
    f.den[0] = base.den * 100 * time_score_sum.den;
    // each modifier = 1 + step x total
    const Rational* steps[3] = {&k.evidence_step, &k.barrier_step, &k.growth_step};
    const int totals[3] = {evidence_total, barrier_total, growth};
    for (int i = 0; i < 3; ++i) {
        f.num[i + 1] = steps[i]->den + steps[i]->num * totals[i];
        f.den[i + 1] = steps[i]->den;
    }
    return f;
}

// (raw - floor) / span x 100.
Rational unclamped_of(const Rational& raw) {
    const ExactConstants& k = exact_constants();
    return mul(div(sub(raw, k.raw_floor), k.raw_span), rational(100));
}

Rational clamp_exact(const Rational& unclamped) {
    const ExactConstants& k = exact_constants();
    if (compare(unclamped, k.clamp_min) < 0) return k.clamp_min;
    if (compare(unclamped, k.clamp_max) > 0) return k.clamp_max;
    return unclamped;
}

}  // namespace

ExactTerms exact_terms(const Rational& time_score_sum, int evidence_total, int barrier_total, int growth) {
    const Factors f = factors(time_score_sum, evidence_total, barrier_total, growth);
    ExactTerms t;
    t.weighted_task_score = div(time_score_sum, rational(100));
    t.task_resistance = rational(f.num[0], f.den[0]);
    t.evidence = rational(f.num[1], f.den[1]);
    t.barriers = rational(f.num[2], f.den[2]);
    t.growth = rational(f.num[3], f.den[3]);
    t.raw = mul(mul(mul(t.task_resistance, t.evidence), t.barriers), t.growth);
    t.score_unclamped = unclamped_of(t.raw);
    t.score = clamp_exact(t.score_unclamped);
    return t;
}

Rational exact_score_fast(const Rational& time_score_sum, int evidence_total, int barrier_total, int growth) {
    // exact_terms(...).score, without reducing the factors on the way (the analyses score
    // thousands of variants): the raw value as one fraction, reduced once.
    const Factors f = factors(time_score_sum, evidence_total, barrier_total, growth);
    return clamp_exact(unclamped_of(Rational{f.raw_num(), f.raw_den()}));
}

const ZoneRule& zone_for(const Rational& score) {
    const Methodology& m = methodology();
    const ExactConstants& k = exact_constants();
    for (std::size_t i = 0; i < m.zones.size(); ++i) {
        if (compare(score, k.zone_min[i]) >= 0) return m.zones[i];
    }
    return m.zones.back();
}

std::string display_score(const Rational& score) {
    const ExactConstants& k = exact_constants();
    const ZoneRule& zone = zone_for(score);
    // One decimal, more where the rounded figure would read as another zone, or as an end of the
    // scale the score does not reach (99.993 is "99.99", never "100.0").
    for (int decimals = 1; decimals <= 6; ++decimals) {
        Rational shown = round_rational(score, decimals);
        if (&zone_for(shown) != &zone) continue;
        if (compare(shown, k.clamp_max) == 0 && compare(score, k.clamp_max) < 0) continue;
        if (compare(shown, k.clamp_min) == 0 && compare(score, k.clamp_min) > 0) continue;
        return format_rational(shown, decimals);
    }
    // Within a millionth of a line: cut (not round) towards the score's side of it.
    i128 scale = 1000000;
    Rational scaled = mul(score, rational(scale));
    i128 down = scaled.num / scaled.den;  // scores are never negative
    Rational shown = rational(down, scale);
    Rational cut = &zone_for(shown) == &zone && compare(shown, score) <= 0 && !(compare(score, k.clamp_min) > 0 && compare(shown, k.clamp_min) == 0)
                       ? shown : rational(down + 1, scale);
    return format_rational(cut, 6);
}

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
    return to_double(exact_terms(rational(100 * m.task_score.min), m.evidence.total_max(), m.barriers.total_max(), m.growth.max).score_unclamped);
}

double score_value(const Assessment& a) {
    return to_double(exact_terms(exact_time_score_sum(a), sum(a.evidence), sum(a.barriers), a.ai_growth_correlation).score);
}

std::string display_score(double score) { return display_score(rational_of_double(score)); }

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
    const ExactConstants& k = exact_constants();
    Result r;

    // Shares as the decimals they were written as (whole hundredths, validated so), added exactly:
    // exactly 20 or 50 is that. The time-score sum comes from the same pass.
    std::vector<Rational> split(m.impacts.size(), rational(0));
    Rational exposed = rational(0);
    Rational time_score_sum = rational(0);
    for (const Task& t : a.tasks) {
        const Rational share = exact_of(t.time_pct);
        for (std::size_t i = 0; i < m.impacts.size(); ++i) {
            if (m.impacts[i].key == t.impact) split[i] = add(split[i], share);
        }
        if (t.score >= m.exposed_min) exposed = add(exposed, share);
        time_score_sum = add(time_score_sum, mul(share, rational(t.score)));
    }
    for (std::size_t i = 0; i < m.impacts.size(); ++i) r.split.push_back(ImpactShare{m.impacts[i].key, m.impacts[i].label, to_double(split[i])});
    r.time_share_3plus_exact = exposed;
    r.time_share_3plus = to_double(exposed);
    r.totals = Totals{sum(a.evidence), sum(a.barriers), sum(a.protective), a.ai_growth_correlation};
    r.exact = exact_terms(time_score_sum, r.totals.evidence, r.totals.barriers, r.totals.growth);
    const ExactTerms& x = r.exact;
    r.weighted_task_score = to_double(x.weighted_task_score);
    r.task_resistance = to_double(x.task_resistance);
    r.modifiers = Modifiers{to_double(x.evidence), to_double(x.barriers), to_double(x.growth)};
    r.raw = to_double(x.raw);
    r.score_unclamped = to_double(x.score_unclamped);
    r.score = to_double(x.score);
    // Exactly: the top of the scale reached exactly is not a clamp.
    r.clamped = compare(x.score, x.score_unclamped) != 0;
    r.rules.push_back(fired(f.info));
    if (r.clamped) r.rules.push_back(fired(m.clamp));

    const ZoneRule& zone = zone_for(x.score);
    const std::size_t zone_index = static_cast<std::size_t>(&zone - &m.zones.front());
    r.zone = zone.zone;
    r.zone_name = zone.name;
    r.verdict = zone.verdict;
    r.threshold_margin = to_double(sub(x.score, k.zone_min[zone_index]));
    if (zone_index > 0) r.to_next_zone = to_double(sub(k.zone_min[zone_index - 1], x.score));
    r.rules.push_back(fired(zone.info));

    ExactMetrics exact;
    exact[Metric::task_resistance] = x.task_resistance;
    exact[Metric::evidence] = rational(r.totals.evidence);
    exact[Metric::barriers] = rational(r.totals.barriers);
    exact[Metric::protective] = rational(r.totals.protective);
    exact[Metric::ai_growth_correlation] = rational(r.totals.growth);
    exact[Metric::time_share_3plus] = exposed;
    exact[Metric::score] = x.score;
    if (const LabelRule* rule = label_exact(r.zone, exact)) {
        r.label = rule->label;
        r.rules.push_back(fired(rule->info));
    } else {
        r.label = zone.name;
    }

    QuickScreen& qs = r.quick_screen;
    qs.protective = r.totals.protective;
    qs.growth = r.totals.growth;
    for (bool judged : a.protective_judged) qs.judged = qs.judged && judged;
    for (const ScreenRule& rule : m.quick_screen) {
        if (!qs.judged) break;
        if (!holds_exact(rule.when, exact)) continue;
        qs.likely = rule.likely;
        qs.zone = rule.zone;
        qs.rule_id = rule.info.id;
        qs.status = rule.info.status;
        r.rules.push_back(fired(rule.info));
        break;
    }
    qs.text = qs.judged ? "Protective " + std::to_string(qs.protective) + " + Correlation " + std::to_string(qs.growth) + " = " + qs.likely
                        : "Protective principles not judged: no quick screen";

    for (const CompositionPart& part : m.composition) {
        r.composition.push_back(Points{part.key, part.label, part.weight * to_double(exact.get(part.metric)) / part.scale_max});
    }

    // Attribution from the neutral role: its score, then each factor's exact (Shapley) share of the
    // rest. The five parts add up to the unclamped score exactly.
    const AttributionBaseline& nb = m.attribution_baseline;
    const ExactTerms neutral = exact_terms(rational(100 * nb.task_score), nb.evidence * static_cast<int>(m.evidence.dimensions.size()),
                                           nb.barriers * static_cast<int>(m.barriers.dimensions.size()), nb.ai_growth_correlation);
    std::array<Rational, 4> base = {neutral.task_resistance, neutral.evidence, neutral.barriers, neutral.growth};
    std::array<Rational, 4> actual = {x.task_resistance, x.evidence, x.barriers, x.growth};
    std::array<Rational, 4> phi = shapley_exact(base, actual);
    const Rational to_points = div(rational(100), k.raw_span);
    r.attribution_exact.push_back(neutral.score_unclamped);
    r.attribution.push_back(Points{nb.key, nb.label, to_double(neutral.score_unclamped)});
    for (std::size_t i = 0; i < 4; ++i) {
        const Dimension& factor = m.attribution_factors[i];
        r.attribution_exact.push_back(mul(phi[i], to_points));
        r.attribution.push_back(Points{factor.key, factor.label, to_double(r.attribution_exact.back())});
    }
    r.rules.push_back(fired(m.composition_info));
    r.rules.push_back(fired(m.attribution_info));

    FinalVerdict& fin = r.final_verdict;
    fin.score = r.score;
    fin.score_exact = x.score;
    fin.zone = r.zone;
    fin.label = r.label;
    if (a.assessor_override) {
        const Override& o = *a.assessor_override;
        fin.overridden = true;
        fin.reason = o.reason;
        if (o.score) fin.score = *o.score;
        const Rational final_exact = o.score ? exact_of(*o.score) : x.score;
        fin.score_exact = final_exact;
        const ZoneRule& final_zone = zone_for(final_exact);
        fin.zone = o.zone.value_or(final_zone.zone);
        if (o.label) {
            fin.label = *o.label;
        } else {
            ExactMetrics final_metrics = exact;
            final_metrics[Metric::score] = final_exact;
            const LabelRule* rule = label_exact(fin.zone, final_metrics);
            fin.label = rule ? rule->label : fin.zone;
        }
        r.rules.push_back(FiredRule{"override", "assessor", o.reason});
    }
    return r;
}

Json to_json(const Result& r) {
    // Built by assignment, not from initializer lists: much smaller code in the wasm module.
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
    screen["judged"] = qs.judged;
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
    fin["display_score"] = display_score(r.final_verdict.score_exact);
    fin["zone"] = r.final_verdict.zone;
    fin["label"] = r.final_verdict.label;
    fin["overridden"] = r.final_verdict.overridden;
    fin["reason"] = r.final_verdict.reason;

    // Figures as the published page prints them: each from its exact value, rounded once, half
    // away from zero.
    const ExactTerms& x = r.exact;
    std::string tr2 = format_rational(x.task_resistance, 2);
    std::string em2 = format_rational(x.evidence, 2);
    std::string bm2 = format_rational(x.barriers, 2);
    std::string gm2 = format_rational(x.growth, 2);
    std::string raw4 = format_rational(x.raw, 4);
    const std::string shown = display_score(x.score);
    const int decimals = static_cast<int>(shown.size() - shown.find('.') - 1);
    Json& display = out["display"];
    display["weighted_task_score"] = format_rational(x.weighted_task_score, 2);
    display["task_resistance"] = tr2;
    Json& dm = display["modifiers"];
    dm["evidence"] = em2;
    dm["barriers"] = bm2;
    dm["growth"] = gm2;
    display["raw"] = raw4;
    display["score"] = shown;
    const std::size_t zone_index = static_cast<std::size_t>(&zone_for(x.score) - &methodology().zones.front());
    display["threshold_margin"] = format_rational(sub(x.score, exact_constants().zone_min[zone_index]), 1);
    display["to_next_zone"] = zone_index > 0 ? Json(format_rational(sub(exact_constants().zone_min[zone_index - 1], x.score), 1)) : Json(nullptr);
    // The unclamped score at the printed score's decimals (they differ only when clamped).
    const std::string unclamped = format_rational(x.score_unclamped, decimals);
    display["score_unclamped"] = unclamped;
    display["raw_calculation"] = "Raw: " + tr2 + " x " + em2 + " x " + bm2 + " x " + gm2 + " = " + raw4;
    display["score_calculation"] = "(" + raw4 + " - " + format_rational(exact_constants().raw_floor, 2) + ") / " +
                                   format_rational(exact_constants().raw_span, 2) + " x 100 = " + format_rational(x.score_unclamped, 1);
    // The attribution printed so its parts add up to the printed (unclamped) score: each part cut
    // to the score's decimals, the units still missing given to the largest remainders.
    Json& parts = display["attribution"] = Json::array();
    std::vector<Rational> printed = parts_that_add_up(r.attribution_exact, x.score_unclamped, decimals);
    for (std::size_t i = 0; i < printed.size(); ++i) {
        Json item = Json::object();
        item["key"] = r.attribution[i].key;
        item["points"] = format_rational(printed[i], decimals);
        parts.push_back(std::move(item));
    }
    display["attribution_total"] = unclamped;
    return out;
}

}  // namespace jobzone
