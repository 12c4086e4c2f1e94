# Shared by the scripts: paths and the environment Debian's Emscripten needs.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export NODE_PATH=/usr/share/nodejs     # emcc's optimizer needs Debian's acorn
NATIVE="$ROOT/build/native"
WASM="$ROOT/build/wasm"
DIST="$ROOT/dist"
say() { printf '\033[1m== %s\033[0m\n' "$*"; }

# The sanitized tree (clang, ASan, UBSan, libFuzzer coverage): the Catch2 suite and the fuzz
# target share one sanitized build of the core.
FUZZ="$ROOT/build/fuzz"
configure_fuzz_tree() {
  if [ ! -f "$FUZZ/build.ninja" ] || ! grep -q 'JOBZONE_TESTS:BOOL=ON' "$FUZZ/CMakeCache.txt"; then
    CC=clang CXX=clang++ cmake -S "$ROOT" -B "$FUZZ" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DJOBZONE_FUZZ=ON -DJOBZONE_TESTS=ON -DJOBZONE_WERROR=ON >/dev/null
  fi
}
