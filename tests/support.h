// Test helpers: the project's own reference role, and synthetic (generated) assessments.
#pragma once

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "jobzone/assessment.h"
#include "jobzone/methodology.h"
#include "jobzone/score.h"

namespace jobzone::test {

inline std::string read_file(const std::string& relative) {
    std::ifstream in(std::string(JOBZONE_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline const char* kReferencePath = "web/data/roles/ai-research-engineer-mid-senior.json";

inline std::string reference_text() { return read_file(kReferencePath); }

inline Json reference_json() { return Json::parse(reference_text()); }

inline Assessment reference() {
    ParseResult parsed = parse_assessment(reference_text());
    if (!parsed.ok()) throw std::runtime_error("reference role does not parse: " + parsed.errors[0].to_string());
    return *parsed.assessment;
}

// Time by impact, all impacts together (100 for a valid assessment).
inline double split_total(const Result& r) {
    double total = 0;
    for (const ImpactShare& s : r.split) total += s.time_pct;
    return total;
}

inline double split_of(const Result& r, const std::string& key) {
    for (const ImpactShare& s : r.split) {
        if (s.key == key) return s.time_pct;
    }
    throw std::runtime_error("no impact " + key);
}

// splitmix64: the same sequence on every platform (std distributions are not portable).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int between(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }

private:
    std::uint64_t state_;
};

// A synthetic assessment (test data, not a published role): random tasks with whole-number
// shares adding to 100, and random in-range inputs.
inline Assessment synthetic(std::uint64_t seed) {
    const Methodology& m = methodology();
    Rng rng(seed);
    Assessment a;
    a.role.title = "Synthetic role " + std::to_string(seed);
    int count = rng.between(1, 12);
    int left = 100;
    for (int i = 0; i < count; ++i) {
        int share = i + 1 == count ? left : rng.between(0, left);
        left -= share;
        Task t;
        t.name = "Task " + std::to_string(i + 1);
        t.time_pct = share;
        t.score = rng.between(m.task_score.min, m.task_score.max);
        t.impact = m.impacts[static_cast<std::size_t>(rng.between(0, static_cast<int>(m.impacts.size()) - 1))].key;
        a.tasks.push_back(t);
    }
    for (std::size_t i = 0; i < m.evidence.dimensions.size(); ++i) a.evidence.push_back(rng.between(m.evidence.range.min, m.evidence.range.max));
    for (std::size_t i = 0; i < m.barriers.dimensions.size(); ++i) a.barriers.push_back(rng.between(m.barriers.range.min, m.barriers.range.max));
    for (std::size_t i = 0; i < m.protective.dimensions.size(); ++i) a.protective.push_back(rng.between(m.protective.range.min, m.protective.range.max));
    a.ai_growth_correlation = rng.between(m.growth.min, m.growth.max);
    return a;
}

}  // namespace jobzone::test
