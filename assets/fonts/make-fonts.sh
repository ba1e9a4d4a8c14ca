#!/usr/bin/env bash
# Rebuilds NotoSans-Regular.ttf and NotoSans-Bold.ttf: the font chiso bundles
# (include_bytes!, src/charts/font.rs) to rasterise charts to PNG. See README.md.
# Needs: apt-get (Debian's fonts-noto-core, downloaded, not installed) and
# fonttools from PyPI (`pip install fonttools==4.68.0`).
set -euo pipefail
# fonttools stamps head.modified from this: the same inputs give the same bytes.
export SOURCE_DATE_EPOCH=1609459200
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download fonts-noto-core
dpkg-deb -x fonts-noto-core_*.deb x
noto=x/usr/share/fonts/truetype/noto
# Latin, Vietnamese (precomposed and combining marks), digits, punctuation,
# and the symbols charts draw (– — … · × ₫ arrows ≤ ≥ ▲ ▼ where present).
U="U+0020-007E,U+00A0-00FF,U+0102-0103,U+0110-0111,U+0128-0129,U+0131,U+0152-0153"
U="$U,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303,U+0309,U+0323,U+02C6,U+02DC"
U="$U,U+1EA0-1EF9,U+2010-2014,U+2018-201A,U+201C-201E,U+2022,U+2026,U+2030,U+2032-2033"
U="$U,U+20AB,U+20AC,U+2190-2193,U+2212,U+2264-2265,U+2248,U+2260,U+25B2,U+25BC"
for w in Regular Bold; do
  pyftsubset "$noto/NotoSans-$w.ttf" --unicodes="$U" \
    --layout-features='kern,liga,mark,mkmk,ccmp,locl' --no-hinting --desubroutinize \
    --name-IDs='*' --output-file="sub-$w.ttf"
done
# Noto Sans has no arrows nor ≤ ≥ (the change chart draws "← giảm", "tăng →"):
# take them from Noto Sans Math (same 1000 units per em) and merge them in.
pyftsubset "$noto/NotoSansMath-Regular.ttf" --unicodes="U+2190-2193,U+2264-2265" \
  --no-hinting --layout-features='' --output-file=math.ttf
for w in Regular Bold; do
  python3 -c "import sys; from fontTools.merge import Merger; Merger().merge(sys.argv[1:3]).save(sys.argv[3])" \
    "sub-$w.ttf" math.ttf "$here/NotoSans-$w.ttf"
done
ls -l "$here"/NotoSans-*.ttf
