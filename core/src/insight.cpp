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

// The outcomes of one judged input at `value` in [lo, hi], lowest change first, each with an
// integer weight over one denominator: "sure" stays; "roughly" moves one step down or up (the
// methodology's step probability each; a step off the scale stays put); "unsure" takes any level
// of the scale with equal probability.
struct ExactOutcomes {
    std::vector<std::pair<int, std::uint32_t>> weights;  // (change, weight), no zero weights
    std::uint32_t denominator = 1;
};

ExactOutcomes exact_outcomes(int value, int lo, int hi, const std::string& confidence) {
    const std::string& level = confidence.empty() ? methodology().insight.default_confidence : confidence;
    ExactOutcomes out;
    if (level == "sure") {
        out.weights = {{0, 1}};
    } else if (level == "unsure") {
        out.denominator = static_cast<std::uint32_t>(hi - lo + 1);
        for (int v = lo; v <= hi; ++v) out.weights.push_back({v - value, 1});
    } else {
        const Rational& step = exact_constants().step_probability;
        const auto num = static_cast<std::uint32_t>(step.num), den = static_cast<std::uint32_t>(step.den);
        out.denominator = den;
        const std::uint32_t down = value > lo ? num : 0, up = value < hi ? num : 0;
        if (down) out.weights.push_back({-1, down});
        out.weights.push_back({0, den - down - up});
        if (up) out.weights.push_back({+1, up});
    }
    return out;
}

// The same outcomes as (change, probability), for the floating-point distribution.
std::vector<std::pair<int, double>> judged_outcomes(int value, int lo, int hi, const std::string& confidence) {
    const ExactOutcomes exact = exact_outcomes(value, lo, hi, confidence);
    std::vector<std::pair<int, double>> out;
    for (const auto& [change, weight] : exact.weights) out.push_back({change, static_cast<double>(weight) / exact.denominator});
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

// Points of time (a share, a step) in whole units of the methodology's share step.
long long units_of(double points) { return std::llround(points * static_cast<double>(exact_constants().units_per_pct)); }
// A sum of units x score as the time-score sum (percent x score), exactly.
Rational time_score_sum_of(const Rational& units) { return div(units, rational(exact_constants().units_per_pct)); }

// What the score depends on, without the text: cheap to copy and edit thousands of times.
// Shares are kept in whole units of the share step (hundredths of a percent), exactly.
struct Inputs {
    std::vector<long long> units;
    std::vector<int> scores;
    int evidence = 0, barriers = 0, growth = 0;

    explicit Inputs(const Assessment& a) : growth(a.ai_growth_correlation) {
        for (const Task& t : a.tasks) {
            units.push_back(units_of(t.time_pct));  // validated: whole units
            scores.push_back(t.score);
        }
        for (int v : a.evidence) evidence += v;
        for (int v : a.barriers) barriers += v;
    }
    // Sum of units x score: an integer.
    long long unit_sum() const {
        long long sum = 0;
        for (std::size_t i = 0; i < units.size(); ++i) sum += units[i] * scores[i];
        return sum;
    }
    Rational exact_score(const Rational& time_score_sum) const { return exact_score_fast(time_score_sum, evidence, barriers, growth); }
    Rational exact_score() const { return exact_score(time_score_sum_of(rational(unit_sum()))); }
    double score() const { return to_double(exact_score()); }
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

// Task `index`'s share moved by `delta_units` (clamped to the share range), the others giving or
// taking in proportion to their shares (evenly if they have none): the new time-score sum exactly
// (a rational: the proportional parts are), and the moved share; nullopt if impossible.
std::optional<std::pair<Rational, long long>> shifted_sum(const Inputs& x, std::size_t index, long long delta_units) {
    const Methodology& m = methodology();
    const long long lo = units_of(m.time_pct_min), hi = units_of(m.time_pct_max), total = units_of(m.time_pct_total);
    if (index >= x.units.size() || x.units.size() < 2 || delta_units == 0) return std::nullopt;
    const long long current = x.units[index];
    const long long target = std::clamp(current + delta_units, lo, hi);
    const long long moved = target - current;
    const long long others = total - current;
    if (moved == 0 || (moved > 0 && others <= 0)) return std::nullopt;
    long long rest = 0;  // sum over the others of units x score
    long long rest_scores = 0;
    for (std::size_t j = 0; j < x.units.size(); ++j) {
        if (j == index) continue;
        rest += x.units[j] * x.scores[j];
        rest_scores += x.scores[j];
    }
    // Each other share becomes u x (others - moved) / others; with none, each takes -moved / n.
    Rational moved_rest = others > 0 ? rational(static_cast<i128>(rest) * (others - moved), others)
                                     : rational(static_cast<i128>(-moved) * rest_scores, static_cast<i128>(x.units.size() - 1));
    Rational sum_units = add(rational(static_cast<i128>(target) * x.scores[index]), moved_rest);
    return std::make_pair(time_score_sum_of(sum_units), target);
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
    const Rational now = base.exact_score();
    std::vector<Sensitivity> out;
    std::vector<Rational> swings;
    // Scores `edit` (which returns the moved value and the exact score) for one step down and up.
    auto record = [&](std::string input, std::string label, double value, bool can_down, bool can_up, auto&& edit) {
        Sensitivity s{std::move(input), std::move(label), value, std::nullopt, std::nullopt, std::nullopt, std::nullopt, 0, std::nullopt, std::nullopt};
        Rational swing = rational(0);
        for (int step : {-1, +1}) {
            if (!(step < 0 ? can_down : can_up)) continue;
            auto [moved_to, sc] = edit(step);
            (step < 0 ? s.down_value : s.up_value) = moved_to;
            (step < 0 ? s.down_score : s.up_score) = to_double(sc);
            (step < 0 ? s.down_exact : s.up_exact) = sc;
            Rational change = sub(sc, now);
            if (change.num < 0) change.num = -change.num;
            if (compare(swing, change) < 0) swing = change;
        }
        s.swing = to_double(swing);
        out.push_back(std::move(s));
        swings.push_back(swing);
    };
    const IntRange ts = m.task_score;
    for (std::size_t i = 0; i < a.tasks.size(); ++i) {
        int v = a.tasks[i].score;
        record(path_key(path_index("tasks", i), "score"), task_label(a, i, "Score"), v, v > ts.min, v < ts.max, [&, i](int step) {
            Inputs x = base;
            x.scores[i] += step;
            return std::make_pair(static_cast<double>(x.scores[i]), x.exact_score());
        });
    }
    const long long share_step = units_of(m.insight.share_step);
    for (std::size_t i = 0; i < a.tasks.size(); ++i) {
        auto down = shifted_sum(base, i, -share_step);
        auto up = shifted_sum(base, i, +share_step);
        record(path_key(path_index("tasks", i), "time_pct"), task_label(a, i, "Time share"), a.tasks[i].time_pct,
               down.has_value(), up.has_value(), [&](int step) {
                   const auto& moved = step < 0 ? *down : *up;
                   return std::make_pair(to_double(rational(moved.second, exact_constants().units_per_pct)), base.exact_score(moved.first));
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
                   [&, v](int step) {
                       Inputs x = base;
                       x.*ref.total += step;
                       return std::make_pair(static_cast<double>(v + step), x.exact_score());
                   });
        }
    }
    int g = a.ai_growth_correlation;
    record("ai_growth_correlation", "AI growth correlation", g, g > m.growth.min, g < m.growth.max, [&](int step) {
        Inputs x = base;
        x.growth += step;
        return std::make_pair(static_cast<double>(x.growth), x.exact_score());
    });
    // Largest swing first, compared exactly (equal swings keep their order).
    std::vector<std::size_t> order(out.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    // (An insertion sort: stable, a few dozen entries, and far less code than std::stable_sort.)
    for (std::size_t i = 1; i < order.size(); ++i) {
        for (std::size_t j = i; j > 0 && compare(swings[order[j - 1]], swings[order[j]]) < 0; --j) std::swap(order[j - 1], order[j]);
    }
    std::vector<Sensitivity> sorted;
    for (std::size_t i : order) sorted.push_back(std::move(out[i]));
    return sorted;
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

namespace {

// An exact distribution over integers: weights over a denominator.
struct ExactDist {
    int offset = 0;
    std::vector<BigUint> w{BigUint(1)};
    BigUint denominator{1};
};

void convolve_exact(ExactDist& d, const ExactOutcomes& o, int unit = 1) {
    const int lowest = o.weights.front().first, highest = o.weights.back().first;
    ExactDist out;
    out.offset = d.offset + lowest * unit;
    out.w.assign(d.w.size() + static_cast<std::size_t>((highest - lowest) * unit), BigUint());
    for (std::size_t k = 0; k < d.w.size(); ++k) {
        if (d.w[k].is_zero()) continue;
        for (const auto& [change, weight] : o.weights) {
            if (weight == 0) continue;
            BigUint term = d.w[k];
            out.w[k + static_cast<std::size_t>((change - lowest) * unit)] += term.mul_small(weight);
        }
    }
    out.denominator = d.denominator;
    out.denominator.mul_small(o.denominator);
    d = std::move(out);
}

ExactDist exact_scale(const std::vector<int>& values, int lo, int hi, const std::vector<std::string>& confidence) {
    ExactDist d;
    for (int v : values) d.offset += v;
    for (std::size_t i = 0; i < values.size(); ++i) {
        convolve_exact(d, exact_outcomes(values[i], lo, hi, i < confidence.size() ? confidence[i] : std::string()));
    }
    return d;
}

}  // namespace

Uncertainty uncertainty(const Assessment& a) {
    const Methodology& m = methodology();
    const ExactConstants& K = exact_constants();
    Uncertainty u;

    // Task part: the sum of units x score (units: hundredths of a percent), moved by units x step
    // per task. Exact: the validator accepts only shares in whole units.
    const Inputs in(a);
    IntDist tasks;
    std::vector<std::pair<int, const Task*>> unit_tasks;
    for (std::size_t i = 0; i < a.tasks.size(); ++i) {
        const Task& t = a.tasks[i];
        const int unit = static_cast<int>(in.units[i]);
        if (unit == 0) continue;  // a task with no time cannot move the score
        convolve(tasks, judged_outcomes(t.score, m.task_score.min, m.task_score.max, t.confidence), unit);
        unit_tasks.push_back({unit, &t});
    }
    const long long base_units = in.unit_sum();
    struct Point {
        long long units;  // sum of units x score for this outcome
        std::size_t index;  // into the distribution's vector
        double probability;
    };
    std::vector<Point> w;  // ascending units, so descending score
    for (std::size_t k = 0; k < tasks.p.size(); ++k) {
        if (tasks.p[k] > 0) w.push_back({base_units + static_cast<long long>(k) + tasks.offset, k, tasks.p[k]});
    }

    // Modifier part: evidence, barrier and growth totals, independent of the tasks.
    IntDist ev = scale_distribution(a.evidence, m.evidence.range.min, m.evidence.range.max, a.evidence_confidence);
    IntDist ba = scale_distribution(a.barriers, m.barriers.range.min, m.barriers.range.max, a.barriers_confidence);
    IntDist gr = scale_distribution({a.ai_growth_correlation}, m.growth.min, m.growth.max, {a.growth_confidence});
    struct Mods {
        Rational product;  // evidence x barriers x growth modifier, exactly
        double probability;
        std::size_t e, b, g;
        i128 factor = 0;  // the product's numerator over the common denominator
    };
    std::vector<Mods> mods;
    for (std::size_t e = 0; e < ev.p.size(); ++e)
        for (std::size_t b = 0; b < ba.p.size(); ++b)
            for (std::size_t g = 0; g < gr.p.size(); ++g) {
                double p = ev.p[e] * ba.p[b] * gr.p[g];
                if (p > 0) {
                    ExactTerms t = exact_terms(rational(0), static_cast<int>(e) + ev.offset, static_cast<int>(b) + ba.offset, static_cast<int>(g) + gr.offset);
                    mods.push_back({mul(mul(t.evidence, t.barriers), t.growth), p, e, b, g});
                }
            }
    u.judged_inputs = static_cast<int>(a.tasks.size() + a.evidence.size() + a.barriers.size() + 1);
    u.outcomes = w.size() * mods.size();

    // Every outcome's raw value as an integer key over one denominator, so outcomes are ordered
    // (and equal ones are equal) exactly: with U = 100 x units per percent,
    //   raw = (base - units / U) x product
    //   key = (base.num x U - units x base.den) x product.num x (lcm / product.den) x ends
    // where `ends` makes the clamp's ends whole keys too. For the methodology's short decimals
    // every key is an integer far below 2^53 (the largest, at the clamp's top, is about 8.5e10),
    // so doubles hold them exactly and the hot loops stay in floating point.
    auto gcd128 = [](i128 x, i128 y) { while (y) { i128 t = x % y; x = y; y = t; } return x < 0 ? -x : x; };
    i128 lcm = 1;
    for (const Mods& md : mods) lcm = lcm / gcd128(lcm, md.product.den) * md.product.den;
    const Rational& base = K.task_resistance_base;
    auto raw_at = [&](const Rational& score) { return add(K.raw_floor, mul(div(score, rational(100)), K.raw_span)); };
    const i128 per_time = 100 * static_cast<i128>(K.units_per_pct);  // U
    const Rational unscaled = rational(per_time * base.den * lcm);
    const Rational low0 = mul(raw_at(K.clamp_min), unscaled), high0 = mul(raw_at(K.clamp_max), unscaled);
    const i128 ends = low0.den / gcd128(low0.den, high0.den) * high0.den;
    for (Mods& md : mods) md.factor = md.product.num * (lcm / md.product.den) * ends;
    const Rational scale = mul(unscaled, rational(ends));  // key / scale = raw
    const double key_low = to_double(mul(low0, rational(ends))), key_high = to_double(mul(high0, rational(ends)));
    const i128 base_scaled = base.num * per_time;
    std::vector<double> tr(w.size());
    for (std::size_t k = 0; k < w.size(); ++k) tr[k] = static_cast<double>(base_scaled - static_cast<i128>(w[k].units) * base.den);
    std::vector<double> factor(mods.size());
    for (std::size_t i = 0; i < mods.size(); ++i) factor[i] = static_cast<double>(mods[i].factor);
    auto key_at = [&](std::size_t k, std::size_t i) { return std::clamp(tr[k] * factor[i], key_low, key_high); };
    auto score_of = [&](double key) {
        return mul(div(sub(div(rational(static_cast<i128>(key)), scale), K.raw_floor), K.raw_span), rational(100));
    };

    std::vector<double> prefix(w.size() + 1, 0.0);
    for (std::size_t k = 0; k < w.size(); ++k) prefix[k + 1] = prefix[k] + w[k].probability;
    // Within one modifier combination the key falls as units rise: the first index whose key is <= x.
    auto first_at_most = [&](std::size_t i, double x) {
        std::size_t lo = 0, hi = w.size();
        while (lo < hi) {
            std::size_t mid = (lo + hi) / 2;
            if (key_at(mid, i) <= x) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    };
    auto cdf = [&](double x) {  // P(key <= x), in floating point
        double total = 0;
        for (std::size_t i = 0; i < mods.size(); ++i) total += mods[i].probability * (prefix[w.size()] - prefix[first_at_most(i, x)]);
        return total;
    };

    // The exact distribution, made only when a cumulative probability lands within 1e-9 of p:
    // floating-point sums are correct far closer than that, so elsewhere their side of p is right.
    struct Exact {
        std::vector<BigUint> suffix;  // over w: the weight of outcomes k.. (so P(key <= x) within a combination)
        std::vector<BigUint> weight;  // per modifier combination
        BigUint denominator;
    };
    std::optional<Exact> exact;
    auto make_exact = [&]() {
        ExactDist t;
        for (const auto& [unit, task] : unit_tasks) convolve_exact(t, exact_outcomes(task->score, m.task_score.min, m.task_score.max, task->confidence), unit);
        ExactDist e = exact_scale(a.evidence, m.evidence.range.min, m.evidence.range.max, a.evidence_confidence);
        ExactDist b = exact_scale(a.barriers, m.barriers.range.min, m.barriers.range.max, a.barriers_confidence);
        ExactDist g = exact_scale({a.ai_growth_correlation}, m.growth.min, m.growth.max, {a.growth_confidence});
        Exact x;
        x.suffix.assign(w.size() + 1, BigUint());
        for (std::size_t k = w.size(); k-- > 0;) {
            x.suffix[k] = x.suffix[k + 1];
            x.suffix[k] += t.w[w[k].index];
        }
        for (const Mods& md : mods) x.weight.push_back(e.w[md.e] * b.w[md.b] * g.w[md.g]);
        x.denominator = t.denominator * e.denominator * b.denominator * g.denominator;
        exact = std::move(x);
    };
    // Whether P(key <= x) >= p, decided exactly.
    auto at_least = [&](double x, const Rational& p) {
        const double difference = cdf(x) - to_double(p);
        if (difference > 1e-9) return true;
        if (difference < -1e-9) return false;
        if (!exact) make_exact();
        BigUint below;  // P(key <= x) x denominator
        for (std::size_t i = 0; i < mods.size(); ++i) below += exact->weight[i] * exact->suffix[first_at_most(i, x)];
        BigUint lhs = below;
        lhs.mul_small(static_cast<std::uint32_t>(p.den));
        BigUint rhs = exact->denominator;
        rhs.mul_small(static_cast<std::uint32_t>(p.num));
        return compare(lhs, rhs) >= 0;
    };
    // The smallest outcome key above x (or +infinity if there is none).
    auto next_outcome = [&](double x) {
        double next = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < mods.size(); ++i) {
            std::size_t k = first_at_most(i, x);  // outcomes at indices < k are above x
            if (k > 0) next = std::min(next, key_at(k - 1, i));
        }
        return next;
    };
    // The smallest outcome with P(key <= it) >= p: bisect the whole keys between the clamp's ends
    // to a narrow interval, then walk the outcomes above its lower end.
    auto percentile = [&](const Rational& p) {
        double lo = key_low - 1, hi = key_high;  // P(key <= lo) = 0 < p <= 1 = P(key <= hi)
        while (hi - lo > 1) {
            double mid = std::floor(lo + (hi - lo) / 2);
            if (at_least(mid, p)) hi = mid;
            else lo = mid;
        }
        for (;;) {
            double v = next_outcome(lo);
            if (!(v <= hi) || at_least(v, p)) return std::min(v, hi);
            lo = v;
        }
    };
    const Rational q10 = score_of(percentile(rational(m.insight.band_low, 100)));
    const Rational q50 = score_of(percentile(rational(1, 2)));
    const Rational q90 = score_of(percentile(rational(m.insight.band_high, 100)));
    u.p10_exact = q10;
    u.p50_exact = q50;
    u.p90_exact = q90;
    u.p10 = to_double(q10);
    u.p50 = to_double(q50);
    u.p90 = to_double(q90);

    // Zone odds: P(score < the next zone's lower bound), exactly on keys.
    double below = 0;  // probability of every lower zone, walking up from the bottom
    std::vector<std::pair<std::string, double>> zones;
    for (std::size_t i = m.zones.size(); i-- > 0;) {
        const ZoneRule& z = m.zones[i];
        double upto = 1.0;
        if (i > 0) {
            // The largest whole key below the line (outcomes are whole keys).
            Rational line = mul(raw_at(K.zone_min[i - 1]), scale);
            i128 under = line.num / line.den;
            if (line.num % line.den == 0) under -= 1;
            upto = cdf(static_cast<double>(under));
        }
        zones.insert(zones.begin(), {z.zone, std::max(0.0, upto - below)});
        below = upto;
    }
    u.zones = std::move(zones);
    return u;
}

std::optional<BestMove> best_move(const Assessment& a) {
    const Methodology& m = methodology();
    const ExactConstants& K = exact_constants();
    Inputs x(a);
    const long long step = units_of(m.insight.share_step), most = units_of(m.insight.best_move_max);
    // The score falls as the units-x-score sum rises (the modifiers are fixed here), so moves are
    // compared on that integer sum, clamped where the score is: the first of equal moves is kept.
    const long long now_sum = x.unit_sum();
    const Rational now = x.exact_score();
    std::optional<BestMove> best;
    std::optional<Rational> best_score;
    long long best_sum = now_sum;
    long long best_units = 0;  // the moved time, in units
    for (std::size_t from = 0; from < x.units.size(); ++from) {
        for (std::size_t to = 0; to < x.units.size(); ++to) {
            if (from == to || x.scores[to] >= x.scores[from]) continue;  // only moves toward lower scores help
            for (long long n = step; n <= most && n <= x.units[from]; n += step) {
                const long long sum = now_sum - n * (x.scores[from] - x.scores[to]);
                if (sum >= best_sum) continue;  // not better than the best so far (or than now)
                Rational sc = x.exact_score(time_score_sum_of(rational(sum)));
                if (compare(sc, best_score.value_or(now)) <= 0) continue;  // clamped: no higher
                best_sum = sum;
                best_score = sc;
                best_units = n;
                best = BestMove{from, to, to_double(rational(n, K.units_per_pct)), to_double(sc), to_double(sub(sc, now)), {}, {}, sc};
            }
        }
    }
    if (best) {
        Assessment b = a;
        b.tasks[best->from].time_pct = to_double(rational(x.units[best->from] - best_units, K.units_per_pct));
        b.tasks[best->to].time_pct = to_double(rational(x.units[best->to] + best_units, K.units_per_pct));
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
        auto step = [](const std::optional<double>& value, const std::optional<double>& score, const std::optional<Rational>& exact) {
            if (!score) return Json(nullptr);
            Json j = Json::object();
            j["value"] = *value;
            j["score"] = *score;
            j["display"] = exact ? display_score(*exact) : display_score(*score);
            return j;
        };
        item["down"] = step(s.down_value, s.down_score, s.down_exact);
        item["up"] = step(s.up_value, s.up_score, s.up_exact);
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
    shown["p10"] = display_score(u.p10_exact);
    shown["p50"] = display_score(u.p50_exact);
    shown["p90"] = display_score(u.p90_exact);
    if (in.best_move) {
        const BestMove& b = *in.best_move;
        Json& move = out["best_move"];
        move["from"] = b.from;
        move["to"] = b.to;
        move["points"] = b.points;
        move["score"] = b.score;
        move["display_score"] = display_score(b.score_exact);
        move["delta"] = b.delta;
        move["zone"] = b.zone;
        move["label"] = b.label;
    } else {
        out["best_move"] = nullptr;
    }
    return out;
}

}  // namespace jobzone
