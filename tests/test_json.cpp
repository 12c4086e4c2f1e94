// The bounded reader and number formatting.
#include <catch2/catch.hpp>

#include "jobzone/json.h"

using namespace jobzone;

TEST_CASE("paths name fields the way JSON path readers expect") {
    CHECK(path_key("", "tasks") == "tasks");
    CHECK(path_index("tasks", 2) == "tasks[2]");
    CHECK(path_key("tasks[2]", "score") == "tasks[2].score");
    CHECK(path_key("", "odd key") == "[\"odd key\"]");
    CHECK(path_index(kRootPath, 0) == "[0]");
}

TEST_CASE("reader limits") {
    std::vector<FieldError> errors;
    CHECK(read_json("{\"a\":[1,2,{\"b\":null}]}", {100, 3}, errors));
    CHECK(errors.empty());
    CHECK_FALSE(read_json("[[[[1]]]]", {100, 3}, errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "[0][0][0]");
    errors.clear();
    CHECK_FALSE(read_json("{\"a\":{\"b\":1,\"b\":2}}", {100, 8}, errors));
    CHECK(errors[0].path == "a.b");
    CHECK(errors[0].message == "duplicate key");
}

TEST_CASE("numbers are formatted like the published page") {
    CHECK(format_number(95) == "95");
    CHECK(format_number(2.5) == "2.5");
    CHECK(format_number(-0.0) == "0");
    CHECK(format_fixed(61.885901639344276, 1) == "61.9");
    CHECK(format_fixed(5.447552000000001, 4) == "5.4476");
    CHECK(format_fixed(1.1, 2) == "1.10");
    CHECK(format_fixed(-0.01, 1) == "0.0");
}
