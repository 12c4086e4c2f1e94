// Hostile inputs for the Catch2 suite, built from tests/data/hostile.json: the one list every
// suite reads (the node suites build the same documents in tests/node/hostile.mjs).
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
    std::string error_path;  // the first error's path when refused
};

namespace detail {

inline std::string from_hex(const std::string& hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    return out;
}

// The member or element that `path` names (numbers index lists); "*" applies `fn` to every element.
template <typename Fn>
void at_path(Json& doc, const Json& path, std::size_t from, Fn&& fn) {
    if (from + 1 == path.size()) return fn(doc, path[from]);
    const Json& step = path[from];
    if (step == "*") {
        for (Json& item : doc) at_path(item, path, from + 1, fn);
    } else if (step.is_number()) {
        at_path(doc[step.get<std::size_t>()], path, from + 1, fn);
    } else {
        at_path(doc[step.get<std::string>()], path, from + 1, fn);
    }
}

inline Json& element(Json& doc, const Json& path) {
    Json* at = &doc;
    for (const Json& step : path) at = step.is_number() ? &(*at)[step.get<std::size_t>()] : &(*at)[step.get<std::string>()];
    return *at;
}

inline std::string build(const Json& c, const Json& reference) {
    const std::string ref_text = reference.dump();
    if (c.contains("text")) return c["text"].get<std::string>();
    if (c.contains("truncate")) return ref_text.substr(0, static_cast<std::size_t>(ref_text.size() * c["truncate"].get<double>()));
    if (c.contains("repeat")) {
        const Json& r = c["repeat"];
        std::size_t n = r["times"].get<std::size_t>();
        std::string out;
        for (std::size_t i = 0; i < n; ++i) out += r["open"].get<std::string>();
        for (std::size_t i = 0; i < n; ++i) out += r["close"].get<std::string>();
        return out;
    }
    if (c.contains("pad")) return "{\"x-pad\":\"" + std::string(c["pad"].get<std::size_t>(), 'a') + "\"}";
    if (c.contains("replace")) {
        const Json& r = c["replace"];
        std::string out = ref_text;
        std::string find = r["find"].get<std::string>();
        std::string with = r.contains("with_hex") ? from_hex(r["with_hex"].get<std::string>()) : r["with"].get<std::string>();
        std::size_t at = out.find(find);
        if (at == std::string::npos) throw std::runtime_error("hostile.json: '" + find + "' not in the reference");
        return out.replace(at, find.size(), with);
    }
    Json doc = reference;
    for (const Json& e : c.at("edit")) {
        const Json& path = e["path"];
        if (e.contains("fill")) {
            Json item = element(doc, e["fill"]["from"]);
            Json list = Json::array();
            for (std::size_t i = 0, n = e["fill"]["times"].get<std::size_t>(); i < n; ++i) list.push_back(item);
            element(doc, path) = std::move(list);
        } else {
            at_path(doc, path, 0, [&](Json& parent, const Json& key) {
                if (e.contains("delete")) parent.erase(key.get<std::string>());
                else if (key.is_number()) parent[key.get<std::size_t>()] = e["value"];
                else parent[key.get<std::string>()] = e["value"];
            });
        }
    }
    return doc.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace detail

inline std::vector<HostileCase> hostile_cases() {
    const Json reference = reference_json();
    const Json list = Json::parse(read_file("tests/data/hostile.json"));
    std::vector<HostileCase> out;
    for (const Json& c : list["documents"]) {
        out.push_back({c["name"].get<std::string>(), detail::build(c, reference), c["accepted"].get<bool>(),
                       c.value("path", std::string())});
    }
    return out;
}

}  // namespace jobzone::test
