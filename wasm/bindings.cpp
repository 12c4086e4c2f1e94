// embind glue: the core's string facade exported to JavaScript. No exception crosses into JS:
// the facade returns errors as JSON data.
#include <emscripten/bind.h>

#include <string>

#include "jobzone/api.h"

namespace {

std::string score(const std::string& assessment_json) { return jobzone::score_document(assessment_json); }
std::string validate(const std::string& assessment_json) { return jobzone::validate_document(assessment_json); }
std::string insight(const std::string& assessment_json) { return jobzone::insight_document(assessment_json); }
std::string methodology() { return jobzone::methodology_document(); }

}  // namespace

EMSCRIPTEN_BINDINGS(jobzone) {
    emscripten::function("score", &score);
    emscripten::function("validate", &validate);
    emscripten::function("insight", &insight);
    emscripten::function("methodology", &methodology);
}
