// jobzone command-line scorer: `jobzone score FILE...|-` and `jobzone validate FILE...|-`.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "jobzone/api.h"
#include "jobzone/assessment.h"
#include "jobzone/insight.h"
#include "jobzone/methodology.h"
#include "jobzone/score.h"

namespace {

constexpr const char* kUsage =
    "usage: jobzone score FILE... | -      print each assessment's result as JSON\n"
    "       jobzone validate FILE... | -   check assessments, errors on stderr\n"
    "       jobzone insight FILE... | -    print sensitivity, uncertainty and best move as JSON\n"
    "       jobzone envelope [--insight] FILE... | -\n"
    "                                      print what the wasm module's score() (or insight())\n"
    "                                      returns, a line each\n"
    "       jobzone methodology            print the embedded methodology data\n"
    "exit: 0 all valid, 1 an input is invalid, 2 usage error\n";

/**
 * Reads a file or stdin, but never more than one byte past the methodology's input limit: the
 * core refuses anything over the limit anyway, so a huge file costs no more memory than that.
 */
bool read_input(const std::string& name, std::string& out) {
    const std::size_t cap = jobzone::methodology().limits.max_input_bytes + 1;
    std::ifstream file;
    std::istream* in = &std::cin;
    if (name != "-") {
        file.open(name, std::ios::binary);
        if (!file) return false;
        in = &file;
    }
    out.clear();
    char chunk[65536];
    while (out.size() < cap && in->read(chunk, static_cast<std::streamsize>(std::min(sizeof chunk, cap - out.size())))) {
        out.append(chunk, static_cast<std::size_t>(in->gcount()));
    }
    if (out.size() < cap) out.append(chunk, static_cast<std::size_t>(in->gcount()));
    return !in->bad();
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "-h" || args[0] == "--help") {
        std::cerr << kUsage;
        return args.empty() ? 2 : 0;
    }
    const std::string command = args[0];
    std::vector<std::string> files(args.begin() + 1, args.end());
    if (command == "methodology" && files.empty()) {
        std::cout << jobzone::methodology_text();
        return 0;
    }
    if (command == "envelope" && !files.empty()) {
        bool with_insight = files[0] == "--insight";
        if (with_insight) files.erase(files.begin());
        if (files.empty()) {  // `envelope --insight` and nothing to read: a usage error
            std::cerr << kUsage;
            return 2;
        }
        int status = 0;
        for (const std::string& file : files) {
            std::string text;
            if (!read_input(file, text)) {
                std::cerr << file << ": (root): cannot read the file\n";
                status = 1;
                continue;
            }
            std::string out = with_insight ? jobzone::insight_document(text) : jobzone::score_document(text);
            if (out.rfind("{\"ok\":true", 0) != 0) status = 1;
            std::cout << out << "\n";
        }
        return status;
    }
    if ((command != "score" && command != "validate" && command != "insight") || files.empty()) {
        std::cerr << kUsage;
        return 2;
    }
    try {
        int status = 0;
        jobzone::Json results = jobzone::Json::array();
        for (const std::string& file : files) {
            std::string text;
            if (!read_input(file, text)) {
                std::cerr << file << ": (root): cannot read the file\n";
                status = 1;
                results.push_back(nullptr);
                continue;
            }
            jobzone::ParseResult parsed = jobzone::parse_assessment(text);
            for (const jobzone::FieldError& e : parsed.errors) std::cerr << file << ": " << e.to_string() << "\n";
            if (!parsed.ok()) {
                status = 1;
                results.push_back(nullptr);
                continue;
            }
            if (command == "score") results.push_back(jobzone::to_json(jobzone::score(*parsed.assessment)));
            else if (command == "insight") results.push_back(jobzone::to_json(jobzone::insight(*parsed.assessment)));
            else std::cerr << file << ": valid\n";
        }
        if (command != "validate") {
            const jobzone::Json& out = results.size() == 1 ? results[0] : results;
            if (!out.is_null()) std::cout << out.dump(2, ' ', false, jobzone::Json::error_handler_t::replace) << "\n";
        }
        return status;
    } catch (const std::exception& ex) {
        std::cerr << "jobzone: internal error: " << ex.what() << "\n";
        return 1;
    }
}
