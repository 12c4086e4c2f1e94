// Bounded JSON reading (SAX, so size, depth and duplicate keys are checked while parsing).
#include "jobzone/json.h"

#include <cmath>
#include <cstdio>
#include <unordered_set>
#include <utility>

namespace jobzone {
namespace {

bool is_identifier(const std::string& key) {
    if (key.empty()) return false;
    for (char c : key) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

// A message that may quote the input (nlohmann's "last read: '...'") made safe to print: control
// characters and bytes that do not form UTF-8 become \xHH, so no raw byte reaches a terminal.
std::string printable(const std::string& text) {
    std::string out;
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    char hex[5];
    for (std::size_t i = 0; i < n;) {
        unsigned char c = s[i];
        std::size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
        bool ok = len > 0 && i + len <= n;
        for (std::size_t k = 1; ok && k < len; ++k) ok = (s[i + k] & 0xC0) == 0x80;
        if (ok && len == 3) {
            unsigned char d = s[i + 1];
            ok = !(c == 0xE0 && d < 0xA0) && !(c == 0xED && d > 0x9F);  // overlong; surrogates
        }
        if (ok && len == 4) {
            unsigned char d = s[i + 1];
            ok = !(c == 0xF0 && d < 0x90) && !(c == 0xF4 && d > 0x8F);  // overlong; past U+10FFFF
        }
        if (ok && len == 1 && (c < 0x20 || c == 0x7F)) ok = false;
        if (!ok) {
            std::snprintf(hex, sizeof hex, "\\x%02X", c);
            out += hex;
            ++i;
            continue;
        }
        out.append(text, i, len);
        i += len;
    }
    return out;
}

// Builds the DOM like nlohmann's own parser, but stops at the first limit it meets.
class BoundedBuilder final : public nlohmann::json_sax<Json> {
public:
    BoundedBuilder(Json& root, std::size_t max_depth, NumberTexts* texts) : root_(root), max_depth_(max_depth), texts_(texts) {}

    bool null() override { return put(Json(nullptr)); }
    bool boolean(bool v) override { return put(Json(v)); }
    bool number_integer(number_integer_t v) override { return put(Json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return put(Json(v)); }
    bool number_float(number_float_t v, const string_t& text) override {
        if (texts_) texts_->emplace_back(current_path(), text);
        return put(Json(v));
    }
    bool string(string_t& v) override { return put(Json(std::move(v))); }
    bool binary(binary_t&) override { return fail(current_path(), "binary data is not allowed"); }

    bool start_object(std::size_t) override { return open(Json::object()); }
    bool start_array(std::size_t) override { return open(Json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& k) override {
        Frame& top = frames_.back();
        if (!top.keys.insert(k).second) return fail(path_key(top.path, k), "duplicate key");
        top.key = std::move(k);
        return true;
    }

    bool parse_error(std::size_t, const std::string&, const nlohmann::json::exception& ex) override {
        std::string what = ex.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
        auto bracket = what.find("] ");
        if (bracket != std::string::npos) what = what.substr(bracket + 2);
        return fail(kRootPath, "not valid JSON: " + printable(what));
    }

    std::optional<FieldError> error;

private:
    struct Frame {
        Json* value;
        std::string path;
        std::string key;                     // objects: the key being read
        std::unordered_set<std::string> keys;  // objects: keys seen
    };

    bool fail(std::string path, std::string message) {
        if (!error) error = FieldError{std::move(path), std::move(message)};
        return false;
    }

    std::string current_path() const {
        if (frames_.empty()) return kRootPath;
        const Frame& top = frames_.back();
        if (top.value->is_object()) return path_key(top.path, top.key);
        return path_index(top.path, top.value->size());
    }

    // Places a value where the parser is; returns where it went.
    Json* place(Json&& value) {
        if (frames_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        Frame& top = frames_.back();
        if (top.value->is_object()) {
            Json& slot = (*top.value)[top.key];
            slot = std::move(value);
            return &slot;
        }
        top.value->push_back(std::move(value));
        return &top.value->back();
    }

    bool put(Json&& value) {
        place(std::move(value));
        return true;
    }

    bool open(Json&& container) {
        std::string path = current_path();
        if (frames_.size() >= max_depth_) {
            return fail(path, "nested deeper than " + std::to_string(max_depth_) + " levels");
        }
        Json* where = place(std::move(container));
        frames_.push_back(Frame{where, frames_.empty() ? std::string() : std::move(path), {}, {}});
        return true;
    }

    bool close() {
        frames_.pop_back();
        return true;
    }

    Json& root_;
    std::size_t max_depth_;
    NumberTexts* texts_;
    std::vector<Frame> frames_;
};

}  // namespace

std::string path_index(const std::string& parent, std::size_t index) {
    return (parent.empty() || parent == kRootPath ? std::string() : parent) + "[" +
           std::to_string(index) + "]";
}

std::string path_key(const std::string& parent, const std::string& key) {
    std::string base = parent == kRootPath ? std::string() : parent;
    if (is_identifier(key)) return base.empty() ? key : base + "." + key;
    return base + "[" + Json(key).dump(-1, ' ', true) + "]";
}

std::optional<Json> read_json(std::string_view text, const ReadLimits& limits,
                              std::vector<FieldError>& errors, NumberTexts* number_texts) {
    if (text.size() > limits.max_bytes) {
        // The size is not repeated: a reader that stops at the limit (the CLI) never knows it.
        errors.push_back({kRootPath, "input is more than " + std::to_string(limits.max_bytes) +
                                         " bytes; at most " + std::to_string(limits.max_bytes) +
                                         " bytes are accepted"});
        return std::nullopt;
    }
    Json root;
    BoundedBuilder builder(root, limits.max_depth, number_texts);
    // Never throws: a syntax error reaches the builder as parse_error (the core has no exceptions).
    const bool ok = Json::sax_parse(text.begin(), text.end(), &builder);
    if (!ok || builder.error) {
        errors.push_back(builder.error.value_or(FieldError{kRootPath, "not valid JSON"}));
        return std::nullopt;
    }
    return root;
}

std::string format_number(double value) {
    if (!std::isfinite(value)) return value != value ? "NaN" : (value > 0 ? "Infinity" : "-Infinity");
    if (value == 0) return "0";
    if (std::floor(value) == value && std::fabs(value) < 1e15) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f", value);
        return buf;
    }
    return Json(value).dump();
}

std::string format_fixed(double value, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s = buf;
    if (s.size() > 1 && s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
    return s;
}

}  // namespace jobzone
