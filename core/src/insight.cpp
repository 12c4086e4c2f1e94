// Sensitivity, exact uncertainty and best move, all computed with the formula of score.cpp.
#include "jobzone/insight.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "jobzone/methodology.h"
#include "jobzone/score.h"

namespace jobzone {
namespace {

// A distribution over integers, as offset + probabilities.
struct IntDist {
    int offset = 0;
    std::vector<double> p{1.0};
};

// The outcomes of one judged input at `value` in [lo, hi], as (change, probability), lowest
// change first, with no zero-probability entries: "sure" stays; "roughly" moves one step down or up
// (the methodology's step probability each; a step off the scale stays put); "unsure" takes any
// level of the scale with equal probability.
std::vector<std::pair<int, double>> judged_outcomes(int value, int lo, int hi, const std::string& confidence) {
    const std::string& level = confidence.empty() ? methodology().insight.default_confidence : confidence;
    if (level == "sure") return {{0, 1.0}};
    if (level == "unsure") {
        std::vector<std::pair<int, double>> out;
        const double each = 1.0 / (hi - lo + 1);
        for (int v = lo; v <= hi; ++v) out.push_back({v - value, each});
        return out;
    }
    const double step = methodology().insight.step_probability;
    double down = value > lo ? step : 0.0;
    double up = value < hi ? step : 0.0;
    std::vector<std::pair<int, double>> out;
    if (down > 0) out.push_back({-1, down});
    out.push_back({0, 1.0 - down - up});
    if (up > 0) out.push_back({+1, up});
    return out;
}

// Convolves `d` with one judged input's outcomes, each change counted `unit` times.
void convolve(IntDist& d, const std::vector<std::pair<int, double>>& outcomes, int unit = 1) {
    const int lowest = outcomes.front().first, highest = outcomes.back().first;
    IntDist out;
    out.offset = d.offset + lowest * unit;
    out.p.assign(d.p.size() + static_cast<std::size_t>((highest - lowest) * unit), 0.0);
    for (std::size_t k = 0; k < d.p.size(); ++k) {
        if (d.p[k] == 0) continue;
        for (const auto& [change, probability] : outcomes) {
            out.p[k + static_cast<std::size_t>((change - lowest) * unit)] += d.p[k] * probability;
        }
    }
    d = std::move(out);
}

// The distribution of a factor's total, each dimension with its own confidence.
IntDist scale_distribution(const std::vector<int>& values, int lo, int hi, const std::vector<std::string>& confidence) {
    IntDist d;
    for (int v : values) d.offset += v;
    for (std::size_t i = 0; i < values.size(); ++i) {
        convolve(d, judged_outcomes(values[i], lo, hi, i < confidence.size() ? confidence[i] : std::string()));
    }
    return d;
}

// What the score depends on, without the text: cheap to copy and edit thousands of times.
struct Inputs {
    std::vector<double> shares;
    std::vector<int> scores;
    int evidence = 0, barriers = 0, growth = 0;

    explicit Inputs(const Assessment& a) : growth(a.ai_growth_correlation) {
        for (const Task& t : a.tasks) {
            shares.push_back(t.time_pct);
            scores.push_back(t.score);
        }
        for (int v : a.evidence) evidence += v;
        for (int v : a.barriers) barriers += v;
    }
    // The same sum, in the same order, as time_score_sum(): bit-identical scores.
    double score() const {
        double sum = 0;
        for (std::size_t i = 0; i < shares.size(); ++i) sum += shares[i] * scores[i];
        return clamp_score(formula_terms(sum, evidence, barriers, growth).score_unclamped);
    }
};

std::optional<std::vector<double>> shift_shares(const std::vector<double>& shares, std::size_t index, double delta) {
    const Methodology& m = methodology();
    if (index >= shares.size() || shares.size() < 2 || delta == 0) return std::nullopt;
    double current = shares[index];
    double target = std::clamp(current + delta, m.time_pct_min, m.time_pct_max);
    double moved = target - current;
    double others = m.time_pct_total - current;
    if (moved == 0 || (moved > 0 && others <= 0)) return std::nullopt;
    std::vector<double> out = shares;
    out[index] = target;
    double n_others = static_cast<double>(shares.size() - 1);
    for (std::size_t j = 0; j < shares.size(); ++j) {
        if (j == index) continue;
        double part = others > 0 ? moved * shares[j] / others : moved / n_others;
        out[j] = std::max(0.0, shares[j] - part);
    }
    return out;
}

std::string task_label(const Assessment& a, std::size_t i, const char* what) {
    return std::string(what) + " of " + a.tasks[i].name;
}

}  // namespace

std::optional<Assessment> shift_share(const Assessment& a, std::size_t index, double delta) {
    std::vector<double> shares;
    for (const Task& t : a.tasks) shares.push_back(t.time_pct);
    auto shifted = shift_shares(shares, index, delta);
    if (!shifted) return std::nullopt;
    Assessment b = a;
    for (std::size_t j = 0; j < b.tasks.size(); ++j) b.tasks[j].time_pct = (*shifted)[j];
    return b;
}

std::vector<Sensitivity> sensitivity(const Assessment& a) {
    const Methodology& m = methodology();
    const Inputs base(a);
    const double now = base.score();
    std::vector<Sensitivity> out;
    // Scores `edit` applied to a copy of the inputs for one step down and one step up.
    auto record = [&](std::string input, std::string label, double value, bool can_down, bool can_up, auto&& edit) {
        Sensitivity s{std::move(input), std::move(label), value, std::nullopt, std::nullopt, std::nullopt, std::nullopt, 0};
        for (int step : {-1, +1}) {
            if (!(step < 0 ? can_down : can_up)) continue;
            Inputs x = base;
            double moved_to = edit(x, step);
            double sc = x.score();
            (step < 0 ? s.down_value : s.up_value) = moved_to;
            (step < 0 ? s.down_score : s.up_score) = sc;
            s.swing = std::max(s.swing, std::fabs(sc - now));
        }
        out.push_back(std::move(s));
    };
    const IntRange ts = m.task_score;
    for (std::size_t i = 0; i < a.tasks.size(); ++i) {
        int v = a.tasks[i].score;
        record(path_key(path_index("tasks", i), "score"), task_label(a, i, "Score"), v, v > ts.min, v < ts.max,
               [i](Inputs& x, int step) { return static_cast<double>(x.scores[i] += step); });
    }
    for (std::size_t i = 0; i < a.tasks.size(); ++i) {
        auto down = shift_shares(base.shares, i, -m.insight.share_step);
        auto up = shift_shares(base.shares, i, +m.insight.share_step);
        record(path_key(path_index("tasks", i), "time_pct"), task_label(a, i, "Time share"), a.tasks[i].time_pct,
               down.has_value(), up.has_value(), [&, i](Inputs& x, int step) {
                   x.shares = step < 0 ? *down : *up;
                   return x.shares[i];
               });
    }
    struct ScaleRef {
        const char* key;
        const DimensionScale* scale;
        const std::vector<int>* values;
        int Inputs::*total;
    };
    const ScaleRef scales[] = {{"evidence", &m.evidence, &a.evidence, &Inputs::evidence},
                               {"barriers", &m.barriers, &a.barriers, &Inputs::barriers}};
    for (const ScaleRef& ref : scales) {
        const IntRange r = ref.scale->range;
        for (std::size_t d = 0; d < ref.scale->dimensions.size(); ++d) {
            int v = (*ref.values)[d];
            record(path_key(ref.key, ref.scale->dimensions[d].key), ref.scale->dimensions[d].label, v, v > r.min, v < r.max,
                   [&ref, v](Inputs& x, int step) {
                       x.*ref.total += step;
                       return static_cast<double>(v + step);
                   });
        }
    }
    int g = a.ai_growth_correlation;
    record("ai_growth_correlation", "AI growth correlation", g, g > m.growth.min, g < m.growth.max,
           [](Inputs& x, int step) { return static_cast<double>(x.growth += step); });
    std::stable_sort(out.begin(), out.end(), [](const Sensitivity& x, const Sensitivity& y) { return x.swing > y.swing; });
    return out;
}

double quantile(std::vector<std::pair<double, double>> vp, double p) {
    std::sort(vp.begin(), vp.end());
    double cumulative = 0;
    for (const auto& [value, probability] : vp) {
        cumulative += probability;
        if (cumulative >= p) return value;
    }
    return vp.empty() ? 0 : vp.back().first;
}

Uncertainty uncertainty(const Assessment& a) {
    const Methodology& m = methodology();
    Uncertainty u;

    // Task part: sum of time_pct x score, moved by share x step per task, counted in units of the
    // share step (hundredths). Exact: the validator accepts only shares in whole units.
    const double units_per_pct = std::round(1 / m.time_pct_step);  // 100
    IntDist tasks;
    for (const Task& t : a.tasks) {
        int unit = static_cast<int>(std::llround(t.time_pct * units_per_pct));
        if (unit == 0) continue;  // a task with no time cannot move the score
        convolve(tasks, judged_outcomes(t.score, m.task_score.min, m.task_score.max, t.confidence), unit);
    }
    double base_sum = time_score_sum(a);
    struct Point {
        double time_score_sum, probability;
    };
    std::vector<Point> w;  // ascending time_score_sum, so descending score
    for (std::size_t k = 0; k < tasks.p.size(); ++k) {
        if (tasks.p[k] > 0) w.push_back({base_sum + (static_cast<int>(k) + tasks.offset) / units_per_pct, tasks.p[k]});
    }

    // Modifier part: evidence, barrier and growth totals, independent of the tasks.
    IntDist ev = scale_distribution(a.evidence, m.evidence.range.min, m.evidence.range.max, a.evidence_confidence);
    IntDist ba = scale_distribution(a.barriers, m.barriers.range.min, m.barriers.range.max, a.barriers_confidence);
    IntDist gr = scale_distribution({a.ai_growth_correlation}, m.growth.min, m.growth.max, {a.growth_confidence});
    struct Mods {
        Modifiers modifiers;
        double probability;
    };
    std::vector<Mods> mods;
    for (std::size_t e = 0; e < ev.p.size(); ++e)
        for (std::size_t b = 0; b < ba.p.size(); ++b)
            for (std::size_t g = 0; g < gr.p.size(); ++g) {
                double p = ev.p[e] * ba.p[b] * gr.p[g];
                if (p > 0) {
                    mods.push_back({modifiers_for(m.formula, static_cast<int>(e) + ev.offset, static_cast<int>(b) + ba.offset,
                                                  static_cast<int>(g) + gr.offset),
                                    p});
                }
            }
    u.judged_inputs = static_cast<int>(a.tasks.size() + a.evidence.size() + a.barriers.size() + 1);
    u.outcomes = w.size() * mods.size();

    const double lowest = m.clamp_min, highest = m.clamp_max;
    auto score_at = [&](std::size_t k, const Mods& md) {
        return std::clamp(formula_terms(m.formula, w[k].time_score_sum, md.modifiers).score_unclamped, lowest, highest);
    };
    // Prefix sums of the task part's probabilities.
    std::vector<double> prefix(w.size() + 1, 0.0);
    for (std::size_t k = 0; k < w.size(); ++k) prefix[k + 1] = prefix[k] + w[k].probability;
    // Within one modifier combination the score falls as time_score_sum rises: the first index
    // whose score is <= x, by binary search.
    auto first_at_most = [&](const Mods& md, double x) {
        std::size_t lo = 0, hi = w.size();
        while (lo < hi) {
            std::size_t mid = (lo + hi) / 2;
            if (score_at(mid, md) <= x) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    };
    auto cdf = [&](double x) {  // P(score <= x)
        double total = 0;
        for (const Mods& md : mods) total += md.probability * (prefix[w.size()] - prefix[first_at_most(md, x)]);
        return total;
    };
    // The smallest outcome above x (or x itself if there is none).
    auto next_outcome = [&](double x) {
        double next = std::numeric_limits<double>::infinity();
        for (const Mods& md : mods) {
            std::size_t k = first_at_most(md, x);  // outcomes at indices < k are above x
            if (k > 0) next = std::min(next, score_at(k - 1, md));
        }
        return next;
    };
    // The p-quantile (smallest outcome v with P(score <= v) >= p): bisect the CDF down to a narrow
    // interval, then walk the outcomes above its lower end until the CDF reaches p.
    auto percentile = [&](double p) {
        double lo = lowest - 1, hi = highest + 1;  // cdf(lo) = 0 < p <= 1 = cdf(hi)
        for (int i = 0; i < 40; ++i) {
            double mid = lo + (hi - lo) / 2;
            if (cdf(mid) >= p) hi = mid;
            else lo = mid;
        }
        for (;;) {
            double v = next_outcome(lo);
            if (!(v <= hi) || cdf(v) >= p) return std::min(v, hi);
            lo = v;
        }
    };
    u.p10 = percentile(0.10);
    u.p50 = percentile(0.50);
    u.p90 = percentile(0.90);

    double below = 0;  // probability of every lower zone, walking up from the bottom
    std::vector<std::pair<std::string, double>> zones;
    for (std::size_t i = m.zones.size(); i-- > 0;) {
        const ZoneRule& z = m.zones[i];
        double upto = i == 0 ? 1.0 : cdf(std::nextafter(m.zones[i - 1].min - m.zone_tolerance, -1e9));
        zones.insert(zones.begin(), {z.zone, std::max(0.0, upto - below)});
        below = upto;
    }
    u.zones = std::move(zones);
    return u;
}

std::optional<BestMove> best_move(const Assessment& a) {
    Inputs x(a);
    const double now = x.score();
    const double step = methodology().insight.share_step, most = methodology().insight.best_move_max;
    std::optional<BestMove> best;
    for (std::size_t from = 0; from < x.shares.size(); ++from) {
        for (std::size_t to = 0; to < x.shares.size(); ++to) {
            if (from == to || x.scores[to] >= x.scores[from]) continue;  // only moves toward lower scores help
            for (double n = step; n <= most && n <= x.shares[from]; n += step) {
                const double f = x.shares[from], t = x.shares[to];
                x.shares[from] = f - n;
                x.shares[to] = t + n;
                double s = x.score();
                x.shares[from] = f;
                x.shares[to] = t;
                if (s > now && (!best || s > best->score)) best = BestMove{from, to, n, s, s - now, {}, {}};
            }
        }
    }
    if (best) {
        Assessment b = a;
        b.tasks[best->from].time_pct -= best->points;
        b.tasks[best->to].time_pct += best->points;
        Result r = score(b);
        best->zone = r.zone;
        best->label = r.label;
    }
    return best;
}

Insight insight(const Assessment& a) {
    return Insight{Inputs(a).score(), sensitivity(a), uncertainty(a), best_move(a)};
}

Json to_json(const Insight& in) {
    Json out = Json::object();
    out["score"] = in.score;
    Json& list = out["sensitivity"] = Json::array();
    for (const Sensitivity& s : in.sensitivity) {
        Json item = Json::object();
        item["input"] = s.input;
        item["label"] = s.label;
        item["value"] = s.value;
        auto step = [](const std::optional<double>& value, const std::optional<double>& score) {
            if (!score) return Json(nullptr);
            Json j = Json::object();
            j["value"] = *value;
            j["score"] = *score;
            j["display"] = display_score(*score);
            return j;
        };
        item["down"] = step(s.down_value, s.down_score);
        item["up"] = step(s.up_value, s.up_score);
        item["swing"] = s.swing;
        list.push_back(std::move(item));
    }
    const Uncertainty& u = in.uncertainty;
    Json& unc = out["uncertainty"];
    unc["method"] = "exact";
    unc["p10"] = u.p10;
    unc["p50"] = u.p50;
    unc["p90"] = u.p90;
    Json& zones = unc["zones"] = Json::object();
    for (const auto& [zone, probability] : u.zones) zones[zone] = probability;
    unc["judged_inputs"] = u.judged_inputs;
    unc["outcomes"] = u.outcomes;
    Json& shown = unc["display"];
    shown["p10"] = display_score(u.p10);
    shown["p50"] = display_score(u.p50);
    shown["p90"] = display_score(u.p90);
    if (in.best_move) {
        const BestMove& b = *in.best_move;
        Json& move = out["best_move"];
        move["from"] = b.from;
        move["to"] = b.to;
        move["points"] = b.points;
        move["score"] = b.score;
        move["display_score"] = display_score(b.score);
        move["delta"] = b.delta;
        move["zone"] = b.zone;
        move["label"] = b.label;
    } else {
        out["best_move"] = nullptr;
    }
    return out;
}

}  // namespace jobzone
