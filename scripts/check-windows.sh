#!/usr/bin/env bash
# Cross-builds chiso.exe for Windows (x86_64-pc-windows-gnu) on Debian, and
# lints the Windows code paths with clippy, so that code behind cfg(windows) /
# cfg(not(unix)) is compiled before a release tag reaches the Windows runner.
#
#   scripts/check-windows.sh            # release build + clippy (lib, bins, tests)
#   scripts/check-windows.sh --no-clippy
#   scripts/check-windows.sh --run      # also runs chiso.exe under Wine (see below)
#
# Needs the Rust target (rustup target add x86_64-pc-windows-gnu) and
# MinGW-w64's C compiler and linker for libwebp-sys and friends
# (apt-get install gcc-mingw-w64-x86-64); both are installed if missing.
# Not run by .ci/run: a cold build of the whole graph for a second target
# takes many minutes.
#
# --run (needs Debian's wine64, ~700 MB): runs chiso.exe under Wine: --version,
# `new site`, `check` and `build` of a new site, then a build of the sample
# site (content/, themes/ of HEAD) compared byte for byte with a Linux build of
# the same tree and the same --now. Wine 8 (Debian 12) lacks
# bcryptprimitives.dll, which Rust's std (>= 1.78) imports for ProcessPrng;
# every Windows 10/11 has it. The script builds a ten-line stand-in with MinGW
# (ProcessPrng over advapi32's RtlGenRandom) beside the .exe for Wine only.
# Output: $CARGO_TARGET_DIR (default target-win/)/x86_64-pc-windows-gnu/release/chiso.exe
set -euo pipefail
cd "$(dirname "$0")/.."

target=x86_64-pc-windows-gnu
clippy=1
run=0
for a in "$@"; do
    case "$a" in
        --no-clippy) clippy=0 ;;
        --run) run=1 ;;
        *) echo "check-windows: unknown option $a" >&2; exit 2 ;;
    esac
done

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
if [ "$run" = 1 ]; then
    wine=/usr/lib/wine/wine64
    [ -x "$wine" ] || { echo "check-windows: --run needs wine64 (apt-get install wine64)" >&2; exit 1; }
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    cp "$exe" "$work/chiso.exe"
    cat > "$work/bcp.c" <<'C'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID, ULONG);
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!SystemFunction036(data, n)) return FALSE;
        data += n; len -= n;
    }
    return TRUE;
}
C
    printf 'LIBRARY bcryptprimitives\nEXPORTS\nProcessPrng\n' > "$work/bcp.def"
    x86_64-w64-mingw32-gcc -shared -o "$work/bcryptprimitives.dll" "$work/bcp.c" "$work/bcp.def" -ladvapi32
    export WINEDEBUG=-all WINEPREFIX="$work/prefix"
    now=2026-12-07T12:00:00+07:00
    (cd "$work" && "$wine" chiso.exe --version)
    (cd "$work" && "$wine" chiso.exe new site moi --lang vi && cd moi \
        && "$wine" ../chiso.exe check --lang vi && "$wine" ../chiso.exe build --lang vi)
    mkdir "$work/win" "$work/linux"
    git archive HEAD content themes | tar -x -C "$work/win"
    git archive HEAD content themes | tar -x -C "$work/linux"
    (cd "$work/win" && "$wine" ../chiso.exe build --now "$now")
    cargo build --release --locked # the host's chiso, in the same target dir
    linux_chiso="$(pwd)/$CARGO_TARGET_DIR/release/chiso"
    case "$CARGO_TARGET_DIR" in /*) linux_chiso="$CARGO_TARGET_DIR/release/chiso" ;; esac
    (cd "$work/linux" && "$linux_chiso" build --now "$now")
    diff -r "$work/win/output" "$work/linux/output"
    echo "check-windows: the sample built by chiso.exe under Wine is byte-identical to Linux's"
fi
echo "check-windows: ok ($exe)"
