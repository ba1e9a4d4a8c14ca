#!/usr/bin/env bash
# Installs what the browser tests need (issue 10): Debian's Chromium and ChromeDriver, Java for
# the Nu HTML checker, and the checker itself (npm package vnu-jar) under tests/browser/node_modules
# (git-ignored). axe-core is vendored in tests/browser/axe.min.js, so it needs no install.
# Idempotent: a second run installs nothing. `.ci/run` calls it before `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
# pdftotext: the print test reads the text of the PDF that Chromium prints (tests/browser/portal.rs).
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
# A real 3840×2160 photo for the image budget test (tests/browser/images.rs).
[ -f /usr/share/backgrounds/mate/abstract/Elephants_3840x2160.jpg ] || need_apt+=(mate-backgrounds)
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "install-test-tools: apt-get install ${need_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${need_apt[@]}"
fi

vnu=tests/browser/node_modules/vnu-jar/build/dist/vnu.jar
if [ ! -f "$vnu" ]; then
    echo "install-test-tools: npm install vnu-jar"
    (cd tests/browser && npm install --no-audit --no-fund --no-save --prefix . vnu-jar@26.9.27 >/dev/null)
fi
test -f "$vnu" || { echo "install-test-tools: $vnu missing after npm install" >&2; exit 1; }
echo "install-test-tools: chromium, chromedriver, java, pdftotext, vnu.jar and the test photos are ready"
