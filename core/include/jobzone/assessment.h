// One JobZone assessment (format "jobzone-assessment/1"): the model, strict validation with
// field-path errors, and the JSON form it is read from and written back to.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jobzone/exact.h"
#include "jobzone/json.h"

namespace jobzone {

inline constexpr const char* kAssessmentFormat = "jobzone-assessment/1";

struct Task {
    std::string name;
    double time_pct = 0;
    int score = 1;
    std::string impact;  // a key of the methodology's impacts
    std::string rationale;  // optional
    std::string confidence;  // optional: "sure", "roughly" or "unsure" ("" = the methodology's default)
    // Where a derived task came from (optional): {task_id, task_type, human_exposure, gpt4_exposure,
    // gpt4_automation}, kept as validated. An edited task keeps it.
    Json source = Json::object();
};

struct Role {
    std::string title;
    std::string seniority;
    std::string category;
    std::vector<std::string> aliases;
    std::string typical_experience;
    std::string primary_function;
    std::vector<std::string> not_this_role;
};

// Roles a published page places this one among (score only, as published).
struct Neighbour {
    std::string title;
    double score = 0;
    std::string label;  // optional
};

// An assessor may replace the formula's score, zone or label, with a reason.
struct Override {
    std::optional<double> score;
    std::optional<std::string> zone;
    std::optional<std::string> label;
    std::string reason;
};

// What a document says it is. Only a site's build decides that a role is published; a document's
// own claim is kept but trusted by nobody (README: "Kinds").
inline constexpr const char* kKinds[] = {"published", "derived", "adjusted"};

struct Assessment {
    std::string id;  // optional
    std::string kind;  // optional: one of kKinds ("" = not said)
    // A derived document's provenance (optional): {rule_version, onet_soc, title, sources,
    // job_zone, soc_group}, kept as validated.
    Json derivation = Json::object();
    Role role;
    std::vector<Task> tasks;
    std::vector<int> evidence;    // in methodology().evidence.dimensions order
    std::vector<int> barriers;    // in methodology().barriers.dimensions order
    std::vector<int> protective;  // in methodology().protective.dimensions order (0 where not judged)
    std::vector<bool> protective_judged;  // false where the document gives null: nobody judged it
    int ai_growth_correlation = 0;
    std::optional<Override> assessor_override;
    std::vector<Neighbour> neighbours;
    // The reasons (README: "The reasons"): rationale, summary, seniority_note, reinstatement,
    // commentary, outlook, sources, assessed, history, live_tracked. Optional; kept as validated.
    Json reasons = Json::object();
    // How sure the assessor is of each judged input ("" = the default), in dimension order.
    std::vector<std::string> evidence_confidence;
    std::vector<std::string> barriers_confidence;
    std::string growth_confidence;
    Json extensions = Json::object();  // "x-..." keys, kept verbatim
};

struct ParseResult {
    std::optional<Assessment> assessment;  // set only when errors is empty
    std::vector<FieldError> errors;
    bool ok() const { return errors.empty(); }
};

// Reads and validates a document. Every problem found is reported, each by its path.
ParseResult parse_assessment(std::string_view text);
// `number_texts`: the texts of the document's decimal numbers (read_json gives them), so decimals
// are checked as written; without them, as the doubles read.
ParseResult assessment_from_json(const Json& document, const NumberTexts* number_texts = nullptr);

// The document form; parse_assessment(to_json(a).dump()) gives `a` back.
Json to_json(const Assessment& assessment);


}  // namespace jobzone
