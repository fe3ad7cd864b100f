#!/usr/bin/env bash
# Re-creates assets/fonts/wqy-microhei.ttf: face 0 (WenQuanYi Micro Hei; face 1 is the Mono
# variant) of Debian's fonts-wqy-microhei .ttc, saved unchanged as a stand-alone TrueType file.
# Needs the Debian packages fonts-wqy-microhei and python3-fonttools. The result is committed;
# this script only documents and repeats how it was made.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ttc=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
out=assets/fonts/wqy-microhei.ttf
[ -r "$ttc" ] || { echo "extract-font: $ttc not found: apt-get install fonts-wqy-microhei" >&2; exit 1; }
/usr/bin/python3 -c 'import fontTools' 2>/dev/null ||
	{ echo "extract-font: fontTools not found: apt-get install python3-fonttools" >&2; exit 1; }

/usr/bin/python3 - "$ttc" "$out" <<'PY'
import sys
from fontTools.ttLib import TTCollection
ttc, out = sys.argv[1:]
# No recalculation: every table is copied byte for byte; only head.checkSumAdjustment
# (the whole-file checksum) is recomputed, as a stand-alone file requires. Deterministic.
face = TTCollection(ttc, recalcTimestamp=False, recalcBBoxes=False).fonts[0]
name = face["name"].getDebugName(4)
assert name == "WenQuanYi Micro Hei", name
face.save(out)
print(f"extract-font: wrote {out}: {name}, {face['name'].getDebugName(5)}")
PY
echo "extract-font: package version $(dpkg-query -W -f='${Version}' fonts-wqy-microhei 2>/dev/null || echo '?')" \
	"(record it in assets/fonts/LICENSE-wqy-microhei.txt if it changed)"
