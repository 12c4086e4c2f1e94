# Shared by the scripts: paths and the environment Debian's Emscripten needs.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export NODE_PATH=/usr/share/nodejs     # emcc's optimizer needs Debian's acorn
NATIVE="$ROOT/build/native"
WASM="$ROOT/build/wasm"
DIST="$ROOT/dist"
say() { printf '\033[1m== %s\033[0m\n' "$*"; }
