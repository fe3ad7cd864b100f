#!/usr/bin/env bash
# Runs every fuzz target in the repository (func FuzzXxx(f *testing.F) in a *_test.go file),
# one after the other, for FUZZTIME each (default 60s). Usage: scripts/fuzz.sh [FUZZTIME]
# A failing input is saved by go test under the package's testdata/fuzz/ and fails this script.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v go >/dev/null 2>&1 && [ -d /usr/local/go/bin ]; then
	PATH="$PATH:/usr/local/go/bin"
fi
fuzztime=${1:-${FUZZTIME:-60s}}

targets=() # "dir name"
while IFS= read -r file; do
	dir=$(dirname "$file")
	while IFS= read -r name; do
		targets+=("$dir $name")
	done < <(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)[[:space:]]*(.*\*testing\.F).*/\1/p' "$file")
done < <(find . -name '*_test.go' -not -path './.git/*' -not -path '*/testdata/*' -not -path './bin/*' | sort)

if [ "${#targets[@]}" -eq 0 ]; then
	echo "fuzz: no fuzz targets found"
	exit 0
fi

echo "fuzz: ${#targets[@]} target(s), $fuzztime each"
failed=()
for t in "${targets[@]}"; do
	dir=${t% *} name=${t#* }
	echo "==> fuzz: $name in $dir"
	if ! go test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" "$dir"; then
		failed+=("$dir $name")
	fi
done
if [ "${#failed[@]}" -gt 0 ]; then
	echo "fuzz: FAILED: ${failed[*]}" >&2
	exit 1
fi
echo "fuzz: all ${#targets[@]} target(s) passed"
