// embind glue: the core's string facade exported to JavaScript. No exception crosses into JS:
// the facade returns errors as JSON data.
#include <emscripten/bind.h>
#include <cstdint>

#include <string>

#include "jobzone/api.h"

namespace {

std::string score(const std::string& assessment_json) { return jobzone::score_document(assessment_json); }
std::string validate(const std::string& assessment_json) { return jobzone::validate_document(assessment_json); }
std::string insight(const std::string& assessment_json) { return jobzone::insight_document(assessment_json); }
std::string methodology() { return jobzone::methodology_document(); }

// The same text as bytes, where they sit in the module's memory (HEAPU8, from this address, this
// many: the text lives as long as the module), for the page to decode with TextDecoder. embind
// returns a std::string by copying it a byte at a time in JavaScript, and the page's first call,
// before that code is optimised, paid 10-25 ms for these 23 KB.
const std::string& methodology_text_kept() {
    static const std::string text = jobzone::methodology_document();
    return text;
}
std::uint32_t methodology_address() { return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(methodology_text_kept().data())); }
std::uint32_t methodology_length() { return static_cast<std::uint32_t>(methodology_text_kept().size()); }

}  // namespace

EMSCRIPTEN_BINDINGS(jobzone) {
    emscripten::function("score", &score);
    emscripten::function("validate", &validate);
    emscripten::function("insight", &insight);
    emscripten::function("methodology", &methodology);
    emscripten::function("methodology_address", &methodology_address);
    emscripten::function("methodology_length", &methodology_length);
}
