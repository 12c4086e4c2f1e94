// JSON types and a bounded, never-throwing reader with field-path errors.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace jobzone {

// Ordered, so documents keep the key order a person wrote (and results read like the page).
using Json = nlohmann::ordered_json;

// One problem with one field, named by its JSON path (`tasks[2].score`), or "(root)".
struct FieldError {
    std::string path;
    std::string message;
    std::string to_string() const { return path + ": " + message; }
};

struct ReadLimits {
    std::size_t max_bytes;
    std::size_t max_depth;
};

// Parses `text` as strict JSON. Rejects, with an error, input over max_bytes, nesting
// deeper than max_depth, duplicate keys and anything that is not JSON. Never throws.
// The text of each number written with a point or an exponent, by JSON path: decimals are checked
// on what was written ("50.000000001" is not 50), not on the double it reads as.
using NumberTexts = std::vector<std::pair<std::string, std::string>>;  // (path, text), in document order
std::optional<Json> read_json(std::string_view text, const ReadLimits& limits,
                              std::vector<FieldError>& errors, NumberTexts* number_texts = nullptr);

// Path helpers: `tasks` + 2 -> `tasks[2]`, `tasks[2]` + "score" -> `tasks[2].score`.
std::string path_index(const std::string& parent, std::size_t index);
std::string path_key(const std::string& parent, const std::string& key);
inline constexpr const char* kRootPath = "(root)";

// Shortest decimal that reads back as `value` (as JSON prints it); integral values without ".0".
std::string format_number(double value);
// `value` rounded to `decimals` places ("%.*f"), the way the published page prints figures.
std::string format_fixed(double value, int decimals);

}  // namespace jobzone
