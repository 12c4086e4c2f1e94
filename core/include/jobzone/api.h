// String in, string out: the one entry point shared by the command line and the wasm module,
// so both give byte-identical JSON. Never throws.
#pragma once

#include <string>
#include <string_view>

namespace jobzone {

// {"ok":true,"result":{...}} or {"ok":false,"errors":[{"path":...,"message":...}, ...]}
std::string score_document(std::string_view assessment_json);

// {"ok":true,"assessment":{...normalised...}} or {"ok":false,"errors":[...]}
std::string validate_document(std::string_view assessment_json);

// {"ok":true,"insight":{sensitivity, uncertainty, best_move}} or {"ok":false,"errors":[...]}
std::string insight_document(std::string_view assessment_json);

// The embedded methodology file.
std::string methodology_document();

}  // namespace jobzone
