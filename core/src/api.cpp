// The string-in, string-out facade: parse, validate, score, and wrap errors as data.
#include "jobzone/api.h"

#include "jobzone/assessment.h"
#include "jobzone/insight.h"
#include "jobzone/methodology.h"
#include "jobzone/score.h"

namespace jobzone {
namespace {

std::string envelope(bool ok, const char* key, Json&& body) {
    Json out = Json::object();
    out["ok"] = ok;
    out[key] = std::move(body);
    // Text the user typed may hold anything; never let a dump fail on it.
    return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string errors_document(const std::vector<FieldError>& errors) {
    Json list = Json::array();
    for (const FieldError& e : errors) {
        Json item = Json::object();
        item["path"] = e.path;
        item["message"] = e.message;
        list.push_back(std::move(item));
    }
    return envelope(false, "errors", std::move(list));
}

}  // namespace

std::string score_document(std::string_view text) {
    ParseResult parsed = parse_assessment(text);
    if (!parsed.ok()) return errors_document(parsed.errors);
    return envelope(true, "result", to_json(score(*parsed.assessment)));
}

std::string validate_document(std::string_view text) {
    ParseResult parsed = parse_assessment(text);
    if (!parsed.ok()) return errors_document(parsed.errors);
    return envelope(true, "assessment", to_json(*parsed.assessment));
}

std::string insight_document(std::string_view text) {
    ParseResult parsed = parse_assessment(text);
    if (!parsed.ok()) return errors_document(parsed.errors);
    return envelope(true, "insight", to_json(insight(*parsed.assessment)));
}

std::string methodology_document() { return std::string(methodology_text()); }

}  // namespace jobzone
