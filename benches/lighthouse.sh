#!/bin/sh
# Lighthouse (mobile) on the sample site: the home page, an article and a
# dataset page, each RUNS times (median score per category), served gzipped
# like a production web server would. A benchmark, not a test.
#
#   npm install --prefix /work/lh lighthouse@12     (once, outside the repo)
#   benches/lighthouse.sh                           (LH=/work/lh/node_modules/.bin/lighthouse)
#
# Environment: LH (lighthouse binary), CHROME_PATH (default: chromium),
# RUNS (default 3), CHISO_BIN (default target/debug/chiso), PORT (8766),
# KEEP=1 keeps the JSON reports (their folder is printed).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
lh=${LH:-/work/lh/node_modules/.bin/lighthouse}
[ -x "$lh" ] || { echo "lighthouse not found at $lh: npm install --prefix /work/lh lighthouse@12" >&2; exit 2; }
export CHROME_PATH=${CHROME_PATH:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}
bin=${CHISO_BIN:-$root/target/debug/chiso}
[ -x "$bin" ] || (cd "$root" && cargo build --quiet)
runs=${RUNS:-3}
port=${PORT:-8766}
tmp=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; [ "${KEEP:-}" = 1 ] || rm -rf "$tmp"' EXIT
"$bin" build --root "$root" --output "$tmp/site" --now 2026-12-07T08:00:00+07:00 >/dev/null 2>&1

# A static server that gzips text (HTML, CSS, JS, SVG, JSON, XML) and lets
# photos and charts be cached, as nginx with gzip on would.
cat >"$tmp/serve.py" <<'EOF'
import gzip, http.server, io, os, sys
TEXT = ("text/", "image/svg+xml", "application/json", "application/javascript", "application/xml")
class H(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass
    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            return super().send_head()  # redirects and 404s as usual
        ctype = self.guess_type(path)
        with open(path, "rb") as f:
            body = f.read()
        gz = ctype.startswith(TEXT) and "gzip" in self.headers.get("Accept-Encoding", "")
        if gz:
            body = gzip.compress(body, 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        if gz:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        if not ctype.startswith("text/html"):
            self.send_header("Cache-Control", "public, max-age=31536000")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), lambda *a: H(*a, directory=sys.argv[2])).serve_forever()
EOF
python3 "$tmp/serve.py" "$port" "$tmp/site" &
server=$!
sleep 1

article=$(cd "$tmp/site" && ls -d cai-cach-hanh-chinh/phong-tho-gan*/ | head -1)
echo "page | performance | accessibility | best practices | SEO | LCP | TBT | CLS | weight"
for page in "" "$article" "chi-so/chi-so-cchc-lai-chau/"; do
  i=0
  while [ "$i" -lt "$runs" ]; do
    i=$((i + 1))
    "$lh" "http://127.0.0.1:$port/$page" --quiet --form-factor=mobile --output=json \
      --output-path="$tmp/lh-$(echo "${page:-home}" | tr / _)-$i.json" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-extensions --no-first-run" \
      >/dev/null 2>&1 || echo "lighthouse run $i on /$page failed" >&2
  done
  python3 - "$tmp" "$(echo "${page:-home}" | tr / _)" "/$page" <<'EOF'
import glob, json, statistics, sys
tmp, key, page = sys.argv[1:4]
reps = [json.load(open(f)) for f in sorted(glob.glob(f"{tmp}/lh-{key}-*.json"))]
if not reps:
    print(f"{page} | no report"); sys.exit()
med = lambda xs: statistics.median(xs)
cat = lambda c: round(100 * med([r["categories"][c]["score"] or 0 for r in reps]))
num = lambda a: med([r["audits"][a]["numericValue"] for r in reps])
print(f"{page} | {cat('performance')} | {cat('accessibility')} | {cat('best-practices')} | {cat('seo')} | "
      f"{num('largest-contentful-paint') / 1000:.1f} s | {num('total-blocking-time'):.0f} ms | "
      f"{num('cumulative-layout-shift'):.3f} | {num('total-byte-weight') / 1024:.0f} KiB")
EOF
done
[ "${KEEP:-}" = 1 ] && echo "reports: $tmp" || true
