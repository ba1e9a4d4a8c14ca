#!/usr/bin/env bash
# Cross-builds chiso.exe for Windows (x86_64-pc-windows-gnu) on Debian, and
# lints the Windows code paths with clippy, so that code behind cfg(windows) /
# cfg(not(unix)) is compiled before a release tag reaches the Windows runner.
#
#   scripts/check-windows.sh            # release build + clippy (lib, bins, tests)
#   scripts/check-windows.sh --no-clippy
#
# Needs the Rust target (rustup target add x86_64-pc-windows-gnu) and
# MinGW-w64's C compiler and linker for libwebp-sys and friends
# (apt-get install gcc-mingw-w64-x86-64); both are installed if missing.
# Not run by .ci/run: a cold build of the whole graph for a second target
# takes many minutes. The binary is not run here (no Windows, no wine).
# Output: $CARGO_TARGET_DIR (default target-win/)/x86_64-pc-windows-gnu/release/chiso.exe
set -euo pipefail
cd "$(dirname "$0")/.."

target=x86_64-pc-windows-gnu
clippy=1
[ "${1:-}" = "--no-clippy" ] && clippy=0

if ! rustup target list --installed | grep -qx "$target"; then
    rustup target add "$target"
fi
if ! command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
    echo "check-windows: apt-get install gcc-mingw-w64-x86-64"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q gcc-mingw-w64-x86-64
fi

# rustc's linker and the cc crate's compiler for this target default to
# x86_64-w64-mingw32-gcc: nothing to configure.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target-win}"

cargo build --release --locked --target "$target"
exe="$CARGO_TARGET_DIR/$target/release/chiso.exe"
ls -l "$exe"
file "$exe" 2>/dev/null || true
if [ "$clippy" = 1 ]; then
    # Not the benches: they are Linux measuring tools (wait4, rusage,
    # st_blocks, prctl), never built by `cargo test`.
    cargo clippy --locked --target "$target" --lib --bins --tests -- -D warnings
fi
echo "check-windows: ok ($exe)"
