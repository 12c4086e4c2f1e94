// libFuzzer target: any bytes through parse -> validate -> score -> JSON, with the invariants
// a user relies on checked on every input (a violation traps, so the fuzzer reports it).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "jobzone/api.h"
#include "jobzone/assessment.h"
#include "jobzone/insight.h"
#include "jobzone/score.h"

namespace {

void require(bool condition) {
    if (!condition) __builtin_trap();
}

void check_result(const jobzone::Assessment& a) {
    jobzone::Result r = jobzone::score(a);
    require(std::isfinite(r.score_unclamped));
    require(r.score >= 0 && r.score <= 100);
    require(r.score_unclamped >= -1e-9 && r.score_unclamped <= jobzone::formula_ceiling() + 1e-9);
    double total = 0;
    for (const auto& p : r.attribution) total += p.points;
    require(std::fabs(total - r.score_unclamped) < 1e-9);
    double split = 0;
    for (const auto& share : r.split) split += share.time_pct;
    require(std::fabs(split - 100) < 1e-6);
    require(!r.zone.empty() && !r.label.empty());
    // The printed score never reads as another zone.
    require(jobzone::zone_for(std::stod(jobzone::display_score(r.score))).zone == r.zone);
    // Every analysis runs, and its figures stay in range.
    jobzone::Insight in = jobzone::insight(a);
    require(in.score == r.score);
    for (const auto& s : in.sensitivity) {
        if (s.down_score) require(*s.down_score >= 0 && *s.down_score <= 100);
        if (s.up_score) require(*s.up_score >= 0 && *s.up_score <= 100);
    }
    const auto& u = in.uncertainty;
    require(u.p10 <= u.p50 && u.p50 <= u.p90 && u.p10 >= 0 && u.p90 <= 100);
    double p = 0;
    for (const auto& z : u.zones) p += z.second;
    require(std::fabs(p - 1) < 1e-9);
    if (in.best_move) require(in.best_move->score > r.score);
    require(jobzone::Json::parse(jobzone::to_json(in).dump()).is_object());
    // What is written back reads back the same.
    jobzone::ParseResult again = jobzone::parse_assessment(jobzone::to_json(a).dump());
    require(again.ok());
    require(jobzone::score(*again.assessment).score_unclamped == r.score_unclamped);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    jobzone::ParseResult parsed = jobzone::parse_assessment(text);
    require(parsed.ok() == parsed.assessment.has_value());
    require(parsed.ok() || !parsed.errors.empty());
    for (const auto& e : parsed.errors) require(!e.path.empty() && !e.message.empty());
    if (parsed.ok()) check_result(*parsed.assessment);

    std::string envelope = jobzone::score_document(text);
    jobzone::Json doc = jobzone::Json::parse(envelope);  // the facade always answers with JSON
    require(doc.at("ok").get<bool>() == parsed.ok());
    jobzone::validate_document(text);
    return 0;
}
