#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL server for the tests' server
# half: starts one (scripts/pg-test-server.sh), gives its URL to the
# command in BUDGETPERF_TEST_PG, and stops and removes it when the command
# ends, however it ends. When BUDGETPERF_TEST_PG is already set (a server
# of your own, or "skip" to leave the server half out) the command runs as
# it is.
#
#   scripts/with-test-server.sh go test ./...
set -euo pipefail

if [ -n "${BUDGETPERF_TEST_PG:-}" ]; then
	exec "$@"
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dir=$(mktemp -d "${TMPDIR:-/tmp}/budgetperf-pg.XXXXXX")
trap '"$here/pg-test-server.sh" stop "$dir"' EXIT
BUDGETPERF_TEST_PG=$("$here/pg-test-server.sh" start "$dir")
export BUDGETPERF_TEST_PG
# The server's certificate, for the tests that connect with TLS.
[ -f "$dir/ca.crt" ] && export BUDGETPERF_TEST_PG_CA="$dir/ca.crt"

echo "with-test-server: PostgreSQL test server on ${BUDGETPERF_TEST_PG%%@*}@${BUDGETPERF_TEST_PG#*@}" | sed 's/:[0-9a-f]\{24\}@/:xxxxx@/'
"$@"
