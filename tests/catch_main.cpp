// Catch2's main, compiled once for the em++ build (Debian's prebuilt one is x86-64 only).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
