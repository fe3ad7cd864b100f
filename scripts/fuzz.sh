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

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# run_one DIR NAME: 0 pass, 1 real failure, 3 only Go's -fuzztime deadline race.
# That race (golang/go#51484, #75804) fails a target with a bare "context deadline exceeded"
# at the end of the time budget, without any failing input; a real finding always prints
# "Failing input written to testdata/fuzz/…".
run_one() {
	local rc=0
	go test -run '^$' -fuzz "^${2}\$" -fuzztime "$fuzztime" "$1" 2>&1 | tee "$log" || rc=${PIPESTATUS[0]}
	[ "$rc" -eq 0 ] && return 0
	if grep -q 'context deadline exceeded' "$log" && ! grep -q -E 'Failing input written to|panic:|_test\.go:[0-9]+:' "$log"; then
		return 3
	fi
	return 1
}

echo "fuzz: ${#targets[@]} target(s), $fuzztime each"
failed=()
flaky=()
for t in "${targets[@]}"; do
	dir=${t% *} name=${t#* }
	for attempt in 1 2 3; do
		if [ "$attempt" -eq 1 ]; then echo "==> fuzz: $name in $dir"; else echo "==> fuzz: $name in $dir, attempt $attempt"; fi
		rc=0
		run_one "$dir" "$name" || rc=$?
		[ "$rc" -ne 3 ] && break
		echo "fuzz: $name: only Go's fuzztime deadline race (no failing input); running it again"
	done
	case "$rc" in
	0) ;;
	3) flaky+=("$dir $name") ;;
	*) failed+=("$dir $name") ;;
	esac
done
if [ "${#flaky[@]}" -gt 0 ]; then
	echo "fuzz: WARNING: hit Go's fuzztime deadline race 3 times, no failing input found: ${flaky[*]}" >&2
fi
if [ "${#failed[@]}" -gt 0 ]; then
	echo "fuzz: FAILED: ${failed[*]} (failing inputs are under each package's testdata/fuzz/)" >&2
	exit 1
fi
echo "fuzz: all ${#targets[@]} target(s) passed"
