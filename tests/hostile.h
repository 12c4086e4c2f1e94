// Hostile inputs, shared by the Catch2 suite: each case is a name and a document that must be
// refused with a field-path error (or, where documented, accepted), never crash or hang.
#pragma once

#include <string>
#include <vector>

#include "jobzone/json.h"
#include "support.h"

namespace jobzone::test {

struct HostileCase {
    std::string name;
    std::string text;
    bool accepted;           // documented acceptance (e.g. HTML in a name is only text)
    std::string error_path;  // the first error's path when refused ("" = any)
};

inline std::vector<HostileCase> hostile_cases() {
    const Json ref = reference_json();
    std::vector<HostileCase> out;
    auto edited = [&](const std::string& name, auto&& edit, bool accepted, const std::string& path) {
        Json d = ref;
        edit(d);
        out.push_back({name, d.dump(-1, ' ', false, Json::error_handler_t::replace), accepted, path});
    };
    const std::string text = ref.dump();
    out.push_back({"not JSON", "this is not JSON", false, "(root)"});
    out.push_back({"empty", "", false, "(root)"});
    out.push_back({"truncated", text.substr(0, text.size() / 2), false, "(root)"});
    out.push_back({"NaN literal", "{\"format\": NaN}", false, "(root)"});
    out.push_back({"Infinity literal", "{\"format\": Infinity}", false, "(root)"});
    out.push_back({"nesting 10,000 deep", std::string(10000, '[') + std::string(10000, ']'), false, "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"});
    out.push_back({"10 MB document", "{\"x-pad\":\"" + std::string(10 << 20, 'a') + "\"}", false, "(root)"});
    std::string bad_utf8 = text;
    bad_utf8.replace(bad_utf8.find("Novel"), 1, "\xFF");
    out.push_back({"invalid UTF-8", bad_utf8, false, "(root)"});
    out.push_back({"duplicated key", "{\"format\":\"jobzone-assessment/1\",\"format\":\"jobzone-assessment/1\"}", false, "format"});
    edited("1e308 share", [](Json& d) { d["tasks"][0]["time_pct"] = 1e308; }, false, "tasks[0].time_pct");
    edited("1e400 share", [](Json& d) { d["tasks"][0]["time_pct"] = "1e400"; }, false, "tasks[0].time_pct");
    // -0 is zero: accepted (documented), and written back as 0.
    edited("-0 growth", [](Json& d) { d["ai_growth_correlation"] = -0.0; }, true, "");
    edited("negative share", [](Json& d) { d["tasks"][0]["time_pct"] = -25; }, false, "tasks[0].time_pct");
    edited("oversize evidence", [](Json& d) { d["evidence"]["wage_trends"] = 99999999999LL; }, false, "evidence.wage_trends");
    edited("fractional score", [](Json& d) { d["tasks"][0]["score"] = 2.5; }, false, "tasks[0].score");
    edited("missing tasks", [](Json& d) { d.erase("tasks"); }, false, "tasks");
    edited("unknown key", [](Json& d) { d["extra"] = true; }, false, "extra");
    edited("10,000 tasks", [](Json& d) {
        Json task = d["tasks"][0];
        d["tasks"] = Json::array();
        for (int i = 0; i < 10000; ++i) d["tasks"].push_back(task);
    }, false, "tasks");
    edited("control character", [](Json& d) { d["tasks"][0]["name"] = std::string("bell\x07"); }, false, "tasks[0].name");
    edited("NUL in a name", [](Json& d) { d["role"]["title"] = std::string("a\0b", 3); }, false, "role.title");
    // Wrong types at every field.
    for (const char* key : {"format", "id", "role", "tasks", "evidence", "barriers", "protective", "ai_growth_correlation", "override", "neighbours"}) {
        edited(std::string("wrong type at ") + key, [key](Json& d) { d[key] = std::string(key) == "id" ? Json(42) : Json("x"); }, false, key);
    }
    for (const char* key : {"name", "time_pct", "score", "impact", "rationale"}) {
        edited(std::string("wrong type at tasks[3].") + key, [key](Json& d) { d["tasks"][3][key] = Json::object(); }, false, std::string("tasks[3].") + key);
    }
    // HTML and script are text like any other: accepted, and never interpreted (documented).
    edited("HTML in every string", [](Json& d) {
        d["role"]["title"] = "<img src=x onerror=alert(1)>";
        d["role"]["aliases"] = Json::array({"\"><script>alert(1)</script>"});
        for (auto& t : d["tasks"]) t["name"] = "<b onmouseover=alert(1)>task</b>";
    }, true, "");
    return out;
}

}  // namespace jobzone::test
