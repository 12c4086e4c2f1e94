// Validation of assessment documents: every field checked, every problem reported by path.
#include "jobzone/assessment.h"

#include <cmath>
#include <initializer_list>
#include <tuple>

#include "jobzone/methodology.h"

namespace jobzone {
namespace {

std::string describe(const Json& v) {
    switch (v.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::boolean: return v.get<bool>() ? "true" : "false";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned: return v.dump();
        case Json::value_t::number_float: return format_number(v.get<double>());
        case Json::value_t::string: {
            const auto& s = v.get_ref<const std::string&>();
            if (s.size() <= 40) return v.dump(-1, ' ', true);
            return Json(s.substr(0, 37) + "...").dump(-1, ' ', true, Json::error_handler_t::replace);
        }
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "an array";
        default: return "an unsupported value";
    }
}

// Counts code points; nlohmann has already rejected invalid UTF-8.
std::size_t utf8_length(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

bool has_control_character(const std::string& s) {
    for (unsigned char c : s) {
        if (c < 0x20 || c == 0x7F) return true;
    }
    return false;
}

bool is_blank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

bool is_id(const std::string& s, std::size_t max_chars) {
    if (s.empty() || s.size() > max_chars || s[0] == '-') return false;
    for (char c : s) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    return true;
}

std::string range_text(const char* what, double lo, double hi) {
    return std::string("must be ") + what + " from " + format_number(lo) + " to " + format_number(hi);
}

// Collects errors while reading a document; every reader returns nullopt on a problem.
class Checker {
public:
    explicit Checker(std::vector<FieldError>& errors, const NumberTexts* texts = nullptr) : errors_(errors), texts_(texts) {}

    // The exact decimal a number was written as: from its text when the document was read from
    // text, else the decimal the double was written as. nullopt when it has more than `places`.
    std::optional<Rational> exact(const Json& v, const std::string& path, int places) const {
        if (v.is_number_integer()) return rational(v.is_number_unsigned() ? static_cast<i128>(v.get<std::uint64_t>()) : static_cast<i128>(v.get<std::int64_t>()));
        if (texts_) {
            for (const auto& [at, text] : *texts_) {
                if (at == path) return decimal_of_text(text, places);
            }
        }
        std::optional<Rational> d = decimal_of(v.get<double>());
        if (d && compare(round_rational(*d, places), *d) != 0) return std::nullopt;
        return d;
    }

    void error(const std::string& path, std::string message) { errors_.push_back({path, std::move(message)}); }

    // The member `key` of `obj`, or nullptr (with a "required" error when `required`).
    const Json* member(const Json& obj, const std::string& path, const char* key, bool required,
                       const std::string& expectation) {
        auto it = obj.find(key);
        if (it != obj.end()) return &*it;
        if (required) error(path_key(path, key), "is required; " + expectation);
        return nullptr;
    }

    // Messages are built only when something is wrong: valid input (every slider move) pays nothing.
    std::optional<int> integer(const Json& v, const std::string& path, int lo, int hi) {
        double d = v.is_number() ? v.get<double>() : NAN;
        if (!std::isfinite(d) || std::floor(d) != d || d < lo || d > hi) return bad(path, range_text("an integer", lo, hi), v);
        return static_cast<int>(d);
    }

    std::optional<double> number(const Json& v, const std::string& path, double lo, double hi) {
        double d = v.is_number() ? v.get<double>() : NAN;
        if (!std::isfinite(d) || d < lo || d > hi) return bad(path, range_text("a number", lo, hi), v);
        return d == 0 ? 0.0 : d;  // no -0
    }

    std::optional<std::string> text(const Json& v, const std::string& path, std::size_t max_chars, bool required_nonblank) {
        auto expect = [max_chars] { return "must be text of at most " + std::to_string(max_chars) + " characters"; };
        if (!v.is_string()) return bad(path, expect(), v);
        const auto& s = v.get_ref<const std::string&>();
        std::size_t n = utf8_length(s);
        if (n > max_chars) {
            error(path, expect() + ", got " + std::to_string(n));
            return std::nullopt;
        }
        if (has_control_character(s)) {
            error(path, "must not contain control characters (tabs, line breaks, NUL and the like)");
            return std::nullopt;
        }
        if (required_nonblank && is_blank(s)) {
            error(path, "must not be empty");
            return std::nullopt;
        }
        return s;
    }

    std::optional<std::vector<std::string>> text_list(const Json& v, const std::string& path, std::size_t max_items,
                                                      std::size_t max_chars) {
        if (!v.is_array() || v.size() > max_items) {
            error(path, "must be a list of at most " + std::to_string(max_items) + " texts, got " +
                            (v.is_array() ? std::to_string(v.size()) + " items" : describe(v)));
            return std::nullopt;
        }
        std::vector<std::string> out;
        bool ok = true;
        for (std::size_t i = 0; i < v.size(); ++i) {
            auto s = text(v[i], path_index(path, i), max_chars, true);
            if (s) out.push_back(*s);
            ok = ok && s.has_value();
        }
        if (!ok) return std::nullopt;
        return out;
    }

    bool object(const Json& v, const std::string& path) {
        if (v.is_object()) return true;
        error(path, "must be an object, got " + describe(v));
        return false;
    }

    // Unknown keys are rejected (a typo must not pass silently); "x-..." keys are extensions.
    void known_keys(const Json& obj, const std::string& path, std::initializer_list<const char*> keys) {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            const std::string& k = it.key();
            if (k.rfind("x-", 0) == 0) continue;
            bool known = false;
            for (const char* key : keys) known = known || k == key;
            if (known) continue;
            std::string allowed;
            for (const char* key : keys) allowed += (allowed.empty() ? "" : ", ") + std::string(key);
            error(path_key(path, k), "unknown field; allowed here: " + allowed + " (or an \"x-\" extension)");
        }
    }

    std::vector<FieldError>& errors() { return errors_; }

private:
    std::nullopt_t bad(const std::string& path, const std::string& expect, const Json& v) {
        error(path, expect + ", got " + describe(v));
        return std::nullopt;
    }

    std::vector<FieldError>& errors_;
    const NumberTexts* texts_ = nullptr;
};

std::string text_or_empty(Checker& check, const Json& obj, const std::string& path, const char* key, std::size_t max) {
    const Json* v = check.member(obj, path, key, false, "");
    if (!v) return {};
    return check.text(*v, path_key(path, key), max, false).value_or("");
}

Role read_role(Checker& check, const Json& v, const std::string& path, const Limits& lim) {
    Role role;
    if (!check.object(v, path)) return role;
    check.known_keys(v, path, {"title", "seniority", "category", "aliases", "typical_experience", "primary_function",
                               "not_this_role"});
    std::string expect_title = "must be text of at most " + std::to_string(lim.max_name_chars) + " characters";
    if (const Json* t = check.member(v, path, "title", true, expect_title)) {
        role.title = check.text(*t, path_key(path, "title"), lim.max_name_chars, true).value_or("");
    }
    role.seniority = text_or_empty(check, v, path, "seniority", lim.max_name_chars);
    role.category = text_or_empty(check, v, path, "category", lim.max_name_chars);
    role.typical_experience = text_or_empty(check, v, path, "typical_experience", lim.max_name_chars);
    role.primary_function = text_or_empty(check, v, path, "primary_function", lim.max_text_chars);
    if (const Json* a = check.member(v, path, "aliases", false, "")) {
        role.aliases = check.text_list(*a, path_key(path, "aliases"), lim.max_list_items, lim.max_name_chars).value_or(std::vector<std::string>{});
    }
    if (const Json* n = check.member(v, path, "not_this_role", false, "")) {
        role.not_this_role = check.text_list(*n, path_key(path, "not_this_role"), lim.max_list_items, lim.max_text_chars).value_or(std::vector<std::string>{});
    }
    return role;
}

std::string read_confidence(Checker& check, const Json& v, const std::string& path, const Methodology& m) {
    std::string allowed;
    for (const std::string& level : m.insight.confidence_levels) {
        if (v == level) return level;
        allowed += (allowed.empty() ? "" : ", ") + level;
    }
    check.error(path, "must be one of " + allowed + ", got " + describe(v));
    return {};
}

// "confidence": {"evidence": {key: level}, "barriers": {key: level}, "ai_growth_correlation": level}
void read_confidences(Checker& check, const Json& doc, Assessment& a, const Methodology& m) {
    a.evidence_confidence.assign(m.evidence.dimensions.size(), "");
    a.barriers_confidence.assign(m.barriers.dimensions.size(), "");
    const Json* c = check.member(doc, "", "confidence", false, "");
    if (!c || !check.object(*c, "confidence")) return;
    check.known_keys(*c, "confidence", {"evidence", "barriers", "ai_growth_correlation"});
    for (const auto& [key, scale, into] : {std::tuple<const char*, const DimensionScale*, std::vector<std::string>*>{"evidence", &m.evidence, &a.evidence_confidence},
                                           {"barriers", &m.barriers, &a.barriers_confidence}}) {
        const std::string path = path_key("confidence", key);
        const Json* v = check.member(*c, "confidence", key, false, "");
        if (!v || !check.object(*v, path)) continue;
        for (auto it = v->begin(); it != v->end(); ++it) {
            bool known = it.key().rfind("x-", 0) == 0;
            for (std::size_t i = 0; i < scale->dimensions.size(); ++i) {
                if (scale->dimensions[i].key != it.key()) continue;
                known = true;
                (*into)[i] = read_confidence(check, it.value(), path_key(path, it.key()), m);
            }
            if (!known) check.error(path_key(path, it.key()), "unknown field; allowed here: the keys of " + std::string(key));
        }
    }
    if (const Json* g = check.member(*c, "confidence", "ai_growth_correlation", false, "")) {
        a.growth_confidence = read_confidence(check, *g, "confidence.ai_growth_correlation", m);
    }
}

Json number_json(double d);

// One of `allowed`, or an error naming them.
std::optional<std::string> one_of(Checker& check, const Json& v, const std::string& path, std::initializer_list<const char*> allowed) {
    std::string list;
    for (const char* a : allowed) {
        if (v.is_string() && v == a) return std::string(a);
        list += (list.empty() ? "" : ", ") + std::string(a);
    }
    check.error(path, "must be one of " + list + ", got " + describe(v));
    return std::nullopt;
}

// Text made only of digits and the given punctuation at fixed places: "29-1141.00" for "dd-dddd.dd".
bool matches_code(const Json& v, const char* shape) {
    if (!v.is_string()) return false;
    const std::string& s = v.get_ref<const std::string&>();
    std::string_view f(shape);
    if (s.size() != f.size()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (f[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != f[i]) return false;
    }
    return true;
}

// A derived task's provenance: O*NET's Task ID and type, and the research labels it was scored from.
Json read_task_source(Checker& check, const Json& v, const std::string& path) {
    Json out = Json::object();
    if (!check.object(v, path)) return out;
    check.known_keys(v, path, {"task_id", "task_type", "human_exposure", "gpt4_exposure", "gpt4_automation"});
    if (const Json* id = check.member(v, path, "task_id", true, "must be O*NET's Task ID, an integer from 1 to 999999999")) {
        if (auto n = check.integer(*id, path_key(path, "task_id"), 1, 999999999)) out["task_id"] = *n;
    }
    if (const Json* t = check.member(v, path, "task_type", false, "")) {
        if (auto s = one_of(check, *t, path_key(path, "task_type"), {"Core", "Supplemental"})) out["task_type"] = *s;
    }
    for (const char* key : {"human_exposure", "gpt4_exposure"}) {
        if (const Json* e = check.member(v, path, key, false, "")) {
            if (auto s = one_of(check, *e, path_key(path, key), {"E0", "E1", "E2"})) out[key] = *s;
        }
    }
    if (const Json* t = check.member(v, path, "gpt4_automation", false, "")) {
        if (auto s = one_of(check, *t, path_key(path, "gpt4_automation"), {"T0", "T1", "T2", "T3", "T4"})) out["gpt4_automation"] = *s;
    }
    return out;
}

// Where a derived document came from: the rule version, the O*NET-SOC code, the sources and the
// SOC group's employment and wages (the group's figures, not the occupation's).
Json read_derivation(Checker& check, const Json& v, const Limits& lim) {
    const std::string path = "derivation";
    Json out = Json::object();
    if (!check.object(v, path)) return out;
    check.known_keys(v, path, {"rule_version", "onet_soc", "title", "sources", "job_zone", "soc_group"});
    const std::string expect_name = "must be text of at most " + std::to_string(lim.max_name_chars) + " characters";
    if (const Json* r = check.member(v, path, "rule_version", true, expect_name)) {
        if (auto s = check.text(*r, path_key(path, "rule_version"), lim.max_name_chars, true)) out["rule_version"] = *s;
    }
    if (const Json* c = check.member(v, path, "onet_soc", true, "must be an O*NET-SOC code like \"29-1141.00\"")) {
        if (matches_code(*c, "dd-dddd.dd")) out["onet_soc"] = *c;
        else check.error(path_key(path, "onet_soc"), "must be an O*NET-SOC code like \"29-1141.00\", got " + describe(*c));
    }
    if (const Json* t = check.member(v, path, "title", false, "")) {
        if (auto s = check.text(*t, path_key(path, "title"), lim.max_name_chars, true)) out["title"] = *s;
    }
    if (const Json* s = check.member(v, path, "sources", true, "must be a list of the data sources used")) {
        if (auto l = check.text_list(*s, path_key(path, "sources"), lim.max_list_items, lim.max_text_chars)) out["sources"] = *l;
    }
    if (const Json* z = check.member(v, path, "job_zone", false, "")) {
        if (auto n = check.integer(*z, path_key(path, "job_zone"), 1, 5)) out["job_zone"] = *n;
    }
    if (const Json* g = check.member(v, path, "soc_group", false, "")) {
        const std::string gp = path_key(path, "soc_group");
        if (check.object(*g, gp)) {
            Json group = Json::object();
            check.known_keys(*g, gp, {"code", "title", "year", "employment", "median_annual_wage", "mean_annual_wage"});
            if (const Json* c = check.member(*g, gp, "code", true, "must be a SOC code like \"29-1141\"")) {
                if (matches_code(*c, "dd-dddd")) group["code"] = *c;
                else check.error(path_key(gp, "code"), "must be a SOC code like \"29-1141\", got " + describe(*c));
            }
            if (const Json* t = check.member(*g, gp, "title", true, expect_name)) {
                if (auto s = check.text(*t, path_key(gp, "title"), lim.max_name_chars, true)) group["title"] = *s;
            }
            if (const Json* y = check.member(*g, gp, "year", true, "must be a year from 2000 to 2100")) {
                if (auto n = check.integer(*y, path_key(gp, "year"), 2000, 2100)) group["year"] = *n;
            }
            if (const Json* e = check.member(*g, gp, "employment", false, "")) {
                if (auto n = check.number(*e, path_key(gp, "employment"), 0, 1e9)) {
                    if (std::floor(*n) == *n) group["employment"] = static_cast<long long>(*n);
                    else check.error(path_key(gp, "employment"), "must be a whole number of jobs from 0 to 1000000000, got " + describe(*e));
                }
            }
            for (const char* key : {"median_annual_wage", "mean_annual_wage"}) {
                if (const Json* w = check.member(*g, gp, key, false, "")) {
                    if (auto n = check.number(*w, path_key(gp, key), 0, 1e7)) group[key] = number_json(*n);
                }
            }
            out["soc_group"] = std::move(group);
        }
    }
    return out;
}

std::vector<Task> read_tasks(Checker& check, const Json& v, const std::string& path, const Methodology& m) {
    std::vector<Task> tasks;
    const Limits& lim = m.limits;
    if (!v.is_array() || v.empty() || v.size() > lim.max_tasks) {
        check.error(path, "must be a list of 1 to " + std::to_string(lim.max_tasks) + " tasks, got " +
                              (v.is_array() ? std::to_string(v.size()) : describe(v)));
        return tasks;
    }
    std::string expect_share = range_text("a number", m.time_pct_min, m.time_pct_max) + " in steps of " + format_number(m.time_pct_step);
    std::string expect_score = range_text("an integer", m.task_score.min, m.task_score.max);
    std::string expect_impact = "must be one of";
    for (std::size_t k = 0; k < m.impacts.size(); ++k) expect_impact += (k ? ", " : " ") + m.impacts[k].key;
    std::size_t errors_before = check.errors().size();
    // Shares are whole hundredths (the methodology's step), checked on the number as written and
    // added as integers: a total of exactly 100 (or a share of exactly 20 or 50) is exactly that.
    const Rational step = exact_of(m.time_pct_step);
    long long total_units = 0;
    bool shares_ok = true;
    for (std::size_t i = 0; i < v.size(); ++i) {
        std::string tp = path_index(path, i);
        const Json& t = v[i];
        Task task;
        if (!check.object(t, tp)) {
            shares_ok = false;
            continue;
        }
        check.known_keys(t, tp, {"name", "time_pct", "score", "impact", "rationale", "confidence", "source"});
        if (const Json* n = check.member(t, tp, "name", true, "must be text of at most " + std::to_string(lim.max_task_chars) + " characters")) {
            task.name = check.text(*n, path_key(tp, "name"), lim.max_task_chars, true).value_or("");
        }
        std::optional<double> share;
        if (const Json* s = check.member(t, tp, "time_pct", true, expect_share)) {
            share = check.number(*s, path_key(tp, "time_pct"), m.time_pct_min, m.time_pct_max);
            if (share) {
                std::optional<Rational> exact = check.exact(*s, path_key(tp, "time_pct"), 12);
                const Rational units = exact ? div(*exact, step) : Rational{};
                if (!exact || units.den != 1) {
                    check.error(path_key(tp, "time_pct"), expect_share + " (hundredths of a percent at most), got " + describe(*s));
                    share.reset();
                } else {
                    total_units += static_cast<long long>(units.num);
                    share = to_double(*exact);
                }
            }
        }
        shares_ok = shares_ok && share.has_value();
        task.time_pct = share.value_or(0);
        if (const Json* s = check.member(t, tp, "score", true, expect_score)) {
            task.score = check.integer(*s, path_key(tp, "score"), m.task_score.min, m.task_score.max).value_or(m.task_score.min);
        }
        if (const Json* im = check.member(t, tp, "impact", true, expect_impact)) {
            bool found = false;
            if (im->is_string()) {
                for (const Dimension& impact : m.impacts) {
                    if (*im == impact.key) {
                        task.impact = impact.key;
                        found = true;
                    }
                }
            }
            if (!found) check.error(path_key(tp, "impact"), expect_impact + ", got " + describe(*im));
        }
        task.rationale = text_or_empty(check, t, tp, "rationale", lim.max_text_chars);
        if (const Json* c = check.member(t, tp, "confidence", false, "")) task.confidence = read_confidence(check, *c, path_key(tp, "confidence"), m);
        if (const Json* s = check.member(t, tp, "source", false, "")) task.source = read_task_source(check, *s, path_key(tp, "source"));
        tasks.push_back(std::move(task));
    }
    const Rational total = mul(rational(total_units), step);
    if (shares_ok && compare(total, exact_of(m.time_pct_total)) != 0) {
        check.error(path, "time shares add up to " + format_number(to_double(total)) + ", must add up to " +
                              format_number(m.time_pct_total));
    }
    if (check.errors().size() != errors_before) tasks.clear();
    return tasks;
}

// `judged`, when given, accepts null for a dimension nobody judged (read as 0, marked false).
std::vector<int> read_scale(Checker& check, const Json& doc, const char* key, const DimensionScale& scale,
                            std::vector<bool>* judged = nullptr) {
    std::vector<int> values;
    std::string expect = range_text("an integer", scale.range.min, scale.range.max) + (judged ? " (or null: not judged)" : "");
    const Json* v = check.member(doc, "", key, true,
                                 "must be an object of " + std::to_string(scale.dimensions.size()) + " integer scores");
    if (!v || !check.object(*v, key)) return values;
    for (auto it = v->begin(); it != v->end(); ++it) {
        if (it.key().rfind("x-", 0) == 0) continue;
        bool known = false;
        for (const Dimension& d : scale.dimensions) known = known || d.key == it.key();
        if (!known) {
            std::string allowed;
            for (const Dimension& d : scale.dimensions) allowed += (allowed.empty() ? "" : ", ") + d.key;
            check.error(path_key(key, it.key()), "unknown field; allowed here: " + allowed);
        }
    }
    for (const Dimension& d : scale.dimensions) {
        const Json* s = check.member(*v, key, d.key.c_str(), true, expect);
        if (judged) judged->push_back(!(s && s->is_null()));
        if (judged && s && s->is_null()) {
            values.push_back(0);
            continue;
        }
        if (judged && s) {  // the message says null is allowed too
            double x = s->is_number() ? s->get<double>() : NAN;
            if (!std::isfinite(x) || std::floor(x) != x || x < scale.range.min || x > scale.range.max) {
                check.error(path_key(key, d.key), expect + ", got " + describe(*s));
                values.push_back(0);
                continue;
            }
        }
        values.push_back(s ? check.integer(*s, path_key(key, d.key), scale.range.min, scale.range.max).value_or(0) : 0);
    }
    return values;
}

std::optional<Override> read_override(Checker& check, const Json& v, const Methodology& m) {
    const std::string path = "override";
    if (v.is_null()) return std::nullopt;
    if (!check.object(v, path)) return std::nullopt;
    check.known_keys(v, path, {"score", "zone", "label", "reason"});
    Override o;
    if (const Json* s = check.member(v, path, "score", false, "")) {
        // Printed from the decimal it was written as (24.15 is 24.15, and prints 24.2 by the rounding rule).
        o.score = check.number(*s, path_key(path, "score"), m.clamp_min, m.clamp_max);
    }
    if (const Json* z = check.member(v, path, "zone", false, "")) {
        std::string allowed;
        for (const ZoneRule& rule : m.zones) {
            if (*z == rule.zone) o.zone = rule.zone;
            allowed += (allowed.empty() ? "" : ", ") + rule.zone;
        }
        if (!o.zone) check.error(path_key(path, "zone"), "must be one of " + allowed + ", got " + describe(*z));
    }
    if (const Json* l = check.member(v, path, "label", false, "")) {
        o.label = check.text(*l, path_key(path, "label"), m.limits.max_name_chars, true);
    }
    if (const Json* r = check.member(v, path, "reason", true, "an override must say why")) {
        o.reason = check.text(*r, path_key(path, "reason"), m.limits.max_text_chars, true).value_or("");
    }
    if (!v.contains("score") && !v.contains("zone") && !v.contains("label")) {
        check.error(path, "must give at least one of score, zone or label (or be null)");
    }
    return o;
}

std::vector<Neighbour> read_neighbours(Checker& check, const Json& v, const Methodology& m) {
    const std::string path = "neighbours";
    std::vector<Neighbour> out;
    if (!v.is_array() || v.size() > m.limits.max_neighbours) {
        check.error(path, "must be a list of at most " + std::to_string(m.limits.max_neighbours) + " roles, got " +
                              (v.is_array() ? std::to_string(v.size()) : describe(v)));
        return out;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        std::string np = path_index(path, i);
        if (!check.object(v[i], np)) continue;
        check.known_keys(v[i], np, {"title", "score", "label"});
        Neighbour n;
        std::string expect_title = "must be text of at most " + std::to_string(m.limits.max_name_chars) + " characters";
        if (const Json* t = check.member(v[i], np, "title", true, expect_title)) {
            n.title = check.text(*t, path_key(np, "title"), m.limits.max_name_chars, true).value_or("");
        }
        if (const Json* s = check.member(v[i], np, "score", true, range_text("a number", m.clamp_min, m.clamp_max))) {
            n.score = check.number(*s, path_key(np, "score"), m.clamp_min, m.clamp_max).value_or(0);
        }
        n.label = text_or_empty(check, v[i], np, "label", m.limits.max_name_chars);
        out.push_back(n);
    }
    return out;
}

Json number_json(double d);

bool is_date(const std::string& s) {
    // YYYY-MM-DD, a real calendar day.
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (s[i] < '0' || s[i] > '9') return false;
    }
    int y = std::stoi(s.substr(0, 4)), mo = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return mo >= 1 && mo <= 12 && d >= 1 && d <= days[mo - 1] + (mo == 2 && leap ? 1 : 0);
}

// https only: no other scheme, no credentials, no spaces; a host is required.
bool is_https_url(const std::string& s) {
    const std::string scheme = "https://";
    if (s.compare(0, scheme.size(), scheme) != 0 || s.size() == scheme.size()) return false;
    for (unsigned char c : s) {
        if (c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`') return false;
    }
    std::string rest = s.substr(scheme.size());
    std::string host = rest.substr(0, rest.find_first_of("/?#"));
    return !host.empty() && host.find('@') == std::string::npos && host[0] != '.' && host[0] != ':';
}

// The reasons behind the numbers (all optional, kept verbatim once valid): rationale for every
// judged input, summary, seniority note, reinstatement check, assessor commentary, outlook,
// sources, the assessment date, the history of published scores and live tracking.
Json read_reasons(Checker& check, const Json& doc, const Methodology& m) {
    const Limits& lim = m.limits;
    Json out = Json::object();
    const std::string expect_text = "must be text of at most " + std::to_string(lim.max_text_chars) + " characters";
    auto prose = [&](const Json& obj, const std::string& path, const char* key, Json& into) {
        const Json* v = check.member(obj, path, key, false, "");
        if (!v) return;
        if (auto t = check.text(*v, path_key(path, key), lim.max_text_chars, false)) into[key] = *t;
    };
    auto prose_list = [&](const Json& obj, const std::string& path, const char* key, Json& into) {
        const Json* v = check.member(obj, path, key, false, "");
        if (!v) return;
        if (auto l = check.text_list(*v, path_key(path, key), lim.max_list_items, lim.max_text_chars)) into[key] = *l;
    };
    auto date = [&](const Json& obj, const std::string& path, const char* key, bool required, Json& into) {
        const Json* v = check.member(obj, path, key, required, "must be a date, YYYY-MM-DD");
        if (!v) return;
        if (v->is_string() && is_date(v->get<std::string>())) into[key] = *v;
        else check.error(path_key(path, key), "must be a date, YYYY-MM-DD, got " + describe(*v));
    };
    auto object_at = [&](const char* key) -> const Json* {
        const Json* v = check.member(doc, "", key, false, "");
        return v && check.object(*v, key) ? v : nullptr;
    };

    if (const Json* r = object_at("rationale")) {
        check.known_keys(*r, "rationale", {"evidence", "barriers", "protective", "ai_growth_correlation"});
        Json into = Json::object();
        for (const auto& [key, scale] : {std::pair<const char*, const DimensionScale*>{"evidence", &m.evidence},
                                         {"barriers", &m.barriers}, {"protective", &m.protective}}) {
            const std::string path = path_key("rationale", key);
            const Json* v = check.member(*r, "rationale", key, false, "");
            if (!v || !check.object(*v, path)) continue;
            Json texts = Json::object();
            for (auto it = v->begin(); it != v->end(); ++it) {
                bool known = it.key().rfind("x-", 0) == 0;
                for (const Dimension& d : scale->dimensions) known = known || d.key == it.key();
                if (!known) {
                    std::string allowed;
                    for (const Dimension& d : scale->dimensions) allowed += (allowed.empty() ? "" : ", ") + d.key;
                    check.error(path_key(path, it.key()), "unknown field; allowed here: " + allowed);
                } else if (auto t = check.text(it.value(), path_key(path, it.key()), lim.max_text_chars, false)) {
                    texts[it.key()] = *t;
                }
            }
            into[key] = std::move(texts);
        }
        prose(*r, "rationale", "ai_growth_correlation", into);
        out["rationale"] = std::move(into);
    }
    prose(doc, "", "summary", out);
    prose(doc, "", "seniority_note", out);
    if (const Json* r = object_at("reinstatement")) {
        check.known_keys(*r, "reinstatement", {"new_tasks", "text"});
        Json into = Json::object();
        if (const Json* b = check.member(*r, "reinstatement", "new_tasks", true, "must be true or false")) {
            if (b->is_boolean()) into["new_tasks"] = *b;
            else check.error("reinstatement.new_tasks", "must be true or false, got " + describe(*b));
        }
        prose(*r, "reinstatement", "text", into);
        out["reinstatement"] = std::move(into);
    }
    if (const Json* c = object_at("commentary")) {
        check.known_keys(*c, "commentary", {"score_vs_reality", "not_captured", "who_should_worry"});
        Json into = Json::object();
        prose(*c, "commentary", "score_vs_reality", into);
        prose_list(*c, "commentary", "not_captured", into);
        if (const Json* w = check.member(*c, "commentary", "who_should_worry", false, "")) {
            const std::string path = "commentary.who_should_worry";
            if (check.object(*w, path)) {
                check.known_keys(*w, path, {"stronger", "weaker", "biggest_factor"});
                Json who = Json::object();
                prose(*w, path, "stronger", who);
                prose(*w, path, "weaker", who);
                prose(*w, path, "biggest_factor", who);
                into["who_should_worry"] = std::move(who);
            }
        }
        out["commentary"] = std::move(into);
    }
    if (const Json* o = object_at("outlook")) {
        check.known_keys(*o, "outlook", {"years", "role_then", "strategy", "timeline"});
        Json into = Json::object();
        if (const Json* y = check.member(*o, "outlook", "years", false, "")) {
            if (auto n = check.integer(*y, "outlook.years", 1, 20)) into["years"] = *n;
        }
        prose(*o, "outlook", "role_then", into);
        prose_list(*o, "outlook", "strategy", into);
        prose(*o, "outlook", "timeline", into);
        out["outlook"] = std::move(into);
    }
    // A list of objects at the top level, each read by `read_item(item, path, into)`.
    auto object_list = [&](const char* key, const char* noun, std::initializer_list<const char*> keys, auto&& read_item) {
        const Json* v = check.member(doc, "", key, false, "");
        if (!v) return;
        if (!v->is_array() || v->size() > lim.max_list_items) {
            check.error(key, "must be a list of at most " + std::to_string(lim.max_list_items) + " " + noun + ", got " +
                                 (v->is_array() ? std::to_string(v->size()) + " items" : describe(*v)));
            return;
        }
        Json list = Json::array();
        for (std::size_t i = 0; i < v->size(); ++i) {
            const std::string ip = path_index(key, i);
            const Json& item = (*v)[i];
            if (!check.object(item, ip)) continue;
            check.known_keys(item, ip, keys);
            Json into = Json::object();
            read_item(item, ip, into);
            list.push_back(std::move(into));
        }
        out[key] = std::move(list);
    };
    object_list("sources", "sources", {"title", "url", "publisher", "date"}, [&](const Json& item, const std::string& sp, Json& src) {
        if (const Json* t = check.member(item, sp, "title", true, expect_text)) {
            if (auto text = check.text(*t, path_key(sp, "title"), lim.max_name_chars, true)) src["title"] = *text;
        }
        if (const Json* u = check.member(item, sp, "url", false, "")) {
            const std::string expect_url = "must be an https: address of at most " + std::to_string(lim.max_url_chars) + " characters";
            if (u->is_string() && utf8_length(u->get<std::string>()) <= lim.max_url_chars && is_https_url(u->get<std::string>())) src["url"] = *u;
            else check.error(path_key(sp, "url"), expect_url + ", got " + describe(*u));
        }
        if (const Json* pub = check.member(item, sp, "publisher", false, "")) {
            if (auto text = check.text(*pub, path_key(sp, "publisher"), lim.max_name_chars, false)) src["publisher"] = *text;
        }
        date(item, sp, "date", false, src);
    });
    date(doc, "", "assessed", false, out);
    object_list("history", "entries", {"date", "score", "label", "note"}, [&](const Json& item, const std::string& hp, Json& entry) {
        date(item, hp, "date", true, entry);
        if (const Json* sc = check.member(item, hp, "score", true, range_text("a number", m.clamp_min, m.clamp_max))) {
            if (auto n = check.number(*sc, path_key(hp, "score"), m.clamp_min, m.clamp_max)) entry["score"] = number_json(*n);
        }
        if (const Json* l = check.member(item, hp, "label", false, "")) {
            if (auto t = check.text(*l, path_key(hp, "label"), lim.max_name_chars, true)) entry["label"] = *t;
        }
        prose(item, hp, "note", entry);
    });
    if (const Json* t = check.member(doc, "", "live_tracked", false, "")) {
        if (t->is_boolean()) out["live_tracked"] = *t;
        else check.error("live_tracked", "must be true or false, got " + describe(*t));
    }
    return out;
}

Json number_json(double d) {
    if (std::floor(d) == d && std::fabs(d) < 1e15) return Json(static_cast<std::int64_t>(d));
    return Json(d);
}

Json scale_json(const DimensionScale& scale, const std::vector<int>& values) {
    Json out = Json::object();
    for (std::size_t i = 0; i < scale.dimensions.size() && i < values.size(); ++i) {
        out[scale.dimensions[i].key] = values[i];
    }
    return out;
}

}  // namespace

ParseResult assessment_from_json(const Json& doc, const NumberTexts* number_texts) {
    const Methodology& m = methodology();
    ParseResult result;
    Checker check(result.errors, number_texts);
    if (!doc.is_object()) {
        check.error(kRootPath, "must be a JSON object (an assessment), got " + describe(doc));
        return result;
    }
    check.known_keys(doc, "", {"$schema", "format", "id", "role", "tasks", "evidence", "barriers", "protective",
                               "ai_growth_correlation", "override", "neighbours", "rationale", "summary",
                               "seniority_note", "reinstatement", "commentary", "outlook", "sources", "assessed",
                               "history", "live_tracked", "confidence", "kind", "derivation"});
    Assessment a;
    std::string format_expect = std::string("must be \"") + kAssessmentFormat + "\"";
    if (const Json* f = check.member(doc, "", "format", true, format_expect)) {
        if (*f != kAssessmentFormat) check.error("format", format_expect + ", got " + describe(*f));
    }
    if (const Json* s = check.member(doc, "", "$schema", false, "")) {
        check.text(*s, "[\"$schema\"]", m.limits.max_name_chars, false);
    }
    if (const Json* id = check.member(doc, "", "id", false, "")) {
        if (id->is_string() && is_id(id->get<std::string>(), m.limits.max_id_chars)) {
            a.id = id->get<std::string>();
        } else {
            check.error("id", "must be 1 to " + std::to_string(m.limits.max_id_chars) + " lowercase letters, digits and dashes, got " + describe(*id));
        }
    }
    if (const Json* k = check.member(doc, "", "kind", false, "")) {
        if (auto s = one_of(check, *k, "kind", {kKinds[0], kKinds[1], kKinds[2]})) a.kind = *s;
    }
    if (const Json* d = check.member(doc, "", "derivation", false, "")) a.derivation = read_derivation(check, *d, m.limits);
    if (const Json* r = check.member(doc, "", "role", true, "must be an object with at least a title")) {
        a.role = read_role(check, *r, "role", m.limits);
    }
    if (const Json* t = check.member(doc, "", "tasks", true, "must be a list of tasks")) {
        a.tasks = read_tasks(check, *t, "tasks", m);
    }
    a.evidence = read_scale(check, doc, "evidence", m.evidence);
    a.barriers = read_scale(check, doc, "barriers", m.barriers);
    a.protective = read_scale(check, doc, "protective", m.protective, &a.protective_judged);
    if (const Json* g = check.member(doc, "", "ai_growth_correlation", true,
                                     range_text("an integer", m.growth.min, m.growth.max))) {
        a.ai_growth_correlation = check.integer(*g, "ai_growth_correlation", m.growth.min, m.growth.max).value_or(0);
    }
    if (const Json* o = check.member(doc, "", "override", false, "")) a.assessor_override = read_override(check, *o, m);
    if (const Json* n = check.member(doc, "", "neighbours", false, "")) a.neighbours = read_neighbours(check, *n, m);
    a.reasons = read_reasons(check, doc, m);
    read_confidences(check, doc, a, m);
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (it.key().rfind("x-", 0) == 0) a.extensions[it.key()] = it.value();
    }
    if (result.errors.empty()) result.assessment = std::move(a);
    return result;
}

ParseResult parse_assessment(std::string_view text) {
    const Limits& lim = methodology().limits;
    ParseResult result;
    NumberTexts texts;
    std::optional<Json> doc = read_json(text, ReadLimits{lim.max_input_bytes, lim.max_depth}, result.errors, &texts);
    if (!doc) return result;
    return assessment_from_json(*doc, &texts);
}

Json to_json(const Assessment& a) {
    const Methodology& m = methodology();
    Json doc = Json::object();
    doc["format"] = kAssessmentFormat;
    if (!a.id.empty()) doc["id"] = a.id;
    if (!a.kind.empty()) doc["kind"] = a.kind;
    if (!a.derivation.empty()) doc["derivation"] = a.derivation;
    Json role = Json::object();
    role["title"] = a.role.title;
    auto optional_text = [&role](const char* key, const std::string& value) {
        if (!value.empty()) role[key] = value;
    };
    optional_text("seniority", a.role.seniority);
    optional_text("category", a.role.category);
    if (!a.role.aliases.empty()) role["aliases"] = a.role.aliases;
    optional_text("typical_experience", a.role.typical_experience);
    optional_text("primary_function", a.role.primary_function);
    if (!a.role.not_this_role.empty()) role["not_this_role"] = a.role.not_this_role;
    doc["role"] = std::move(role);
    Json tasks = Json::array();
    for (const Task& t : a.tasks) {
        Json task = Json::object();
        task["name"] = t.name;
        task["time_pct"] = number_json(t.time_pct);
        task["score"] = t.score;
        task["impact"] = t.impact;
        if (!t.rationale.empty()) task["rationale"] = t.rationale;
        if (!t.confidence.empty()) task["confidence"] = t.confidence;
        if (!t.source.empty()) task["source"] = t.source;
        tasks.push_back(std::move(task));
    }
    doc["tasks"] = std::move(tasks);
    doc["evidence"] = scale_json(m.evidence, a.evidence);
    doc["barriers"] = scale_json(m.barriers, a.barriers);
    doc["protective"] = scale_json(m.protective, a.protective);
    for (std::size_t i = 0; i < a.protective_judged.size() && i < m.protective.dimensions.size(); ++i) {
        if (!a.protective_judged[i]) doc["protective"][m.protective.dimensions[i].key] = nullptr;
    }
    doc["ai_growth_correlation"] = a.ai_growth_correlation;
    if (a.assessor_override) {
        const Override& o = *a.assessor_override;
        Json ov = Json::object();
        if (o.score) ov["score"] = number_json(*o.score);
        if (o.zone) ov["zone"] = *o.zone;
        if (o.label) ov["label"] = *o.label;
        ov["reason"] = o.reason;
        doc["override"] = std::move(ov);
    } else {
        doc["override"] = nullptr;
    }
    if (!a.neighbours.empty()) {
        Json list = Json::array();
        for (const Neighbour& n : a.neighbours) {
            Json item = Json::object();
            item["title"] = n.title;
            item["score"] = number_json(n.score);
            if (!n.label.empty()) item["label"] = n.label;
            list.push_back(std::move(item));
        }
        doc["neighbours"] = std::move(list);
    }
    for (auto it = a.reasons.begin(); it != a.reasons.end(); ++it) doc[it.key()] = it.value();
    Json confidence = Json::object();
    for (const auto& [key, scale, levels] : {std::tuple<const char*, const DimensionScale*, const std::vector<std::string>*>{"evidence", &m.evidence, &a.evidence_confidence},
                                             {"barriers", &m.barriers, &a.barriers_confidence}}) {
        Json by_key = Json::object();
        for (std::size_t i = 0; i < levels->size() && i < scale->dimensions.size(); ++i) {
            if (!(*levels)[i].empty()) by_key[scale->dimensions[i].key] = (*levels)[i];
        }
        if (!by_key.empty()) confidence[key] = std::move(by_key);
    }
    if (!a.growth_confidence.empty()) confidence["ai_growth_correlation"] = a.growth_confidence;
    if (!confidence.empty()) doc["confidence"] = std::move(confidence);
    for (auto it = a.extensions.begin(); it != a.extensions.end(); ++it) doc[it.key()] = it.value();
    return doc;
}

}  // namespace jobzone
