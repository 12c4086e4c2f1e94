// Native timing of the core on one assessment file: score and insight, median of many runs.
// Built by the native build as jobzone_bench; run by scripts/bench (prints, asserts nothing).
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "jobzone/api.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: jobzone_bench FILE [RUNS]\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    const int runs = argc > 2 ? std::atoi(argv[2]) : 200;
    auto median_ms = [&](auto&& fn) {
        std::vector<double> times;
        for (int i = 0; i < runs; ++i) {
            auto t0 = std::chrono::steady_clock::now();
            fn();
            times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        }
        std::sort(times.begin(), times.end());
        return times[times.size() / 2];
    };
    std::size_t sink = 0;
    double score = median_ms([&] { sink += jobzone::score_document(text).size(); });
    double insight = median_ms([&] { sink += jobzone::insight_document(text).size(); });
    std::cout << "{\"score_ms\":" << score << ",\"insight_ms\":" << insight << ",\"sink\":" << sink << "}\n";
}
