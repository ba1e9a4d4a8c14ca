#!/bin/sh
# Screenshots of the sample site for README and the editors' guide: the
# front page, an article and a dataset page, each on a phone (360×800 at
# DPR 2) and a desktop (1280×800), with headless Chromium, into
# docs/screenshots/. Builds the sample with a fixed "now" so
# the date line is the same on every run.
#   scripts/screenshots.sh            (uses target/debug/chiso, builds it if missing)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${CHISO_BIN:-$root/target/debug/chiso}
[ -x "$bin" ] || (cd "$root" && cargo build --quiet)
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
tmp=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$tmp"' EXIT
"$bin" build --root "$root" --output "$tmp/site" --now 2026-12-07T08:00:00+07:00 >/dev/null
port=${PORT:-8765}
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$tmp/site" >/dev/null 2>&1 &
server=$!
sleep 1
out=$root/docs/screenshots
mkdir -p "$out"
shot() { # name width height scale page
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$tmp/profile-$1" --force-device-scale-factor="$4" \
    --window-size="$2,$3" --virtual-time-budget=5000 --screenshot="$out/$1.png" "http://127.0.0.1:$port/$5" >/dev/null 2>&1
}
article=$(cd "$tmp/site" && ls -d cai-cach-hanh-chinh/phong-tho-gan*/ | head -1)
for page in "trang-chu:" "bai-viet:$article" "chi-so:chi-so/chi-so-cchc-lai-chau/"; do
  name=${page%%:*} path=${page#*:}
  shot "$name-dien-thoai" 360 800 2 "$path"
  shot "$name-may-tinh" 1280 800 1 "$path"
done
# Keep them small: 8-bit palette when pngquant is installed.
if command -v pngquant >/dev/null; then
  pngquant --force --skip-if-larger --ext .png 64 "$out"/*-dien-thoai.png "$out"/*-may-tinh.png || true
fi
ls -l "$out"
