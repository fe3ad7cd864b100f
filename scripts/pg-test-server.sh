#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests: a new cluster in a temporary
# folder, on a free local port, with SCRAM passwords, started and stopped
# by `make test` (and usable by hand). Nothing is installed or changed
# outside that folder; the Debian package's own cluster is not touched.
#
#   scripts/pg-test-server.sh start DIR   create and start; prints the superuser URL
#   scripts/pg-test-server.sh stop DIR    stop and remove DIR
#
# Works as root (the server runs as the postgres account) and as a user.
set -euo pipefail

cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || {
	sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
	exit 2
}

bindir=""
for d in /usr/lib/postgresql/*/bin; do
	[ -x "$d/initdb" ] && bindir=$d
done
[ -n "$bindir" ] || {
	echo "pg-test-server: PostgreSQL is not installed (scripts/install-deps.sh --test installs it)" >&2
	exit 1
}

# as runs a server command as the account that owns the cluster.
as() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

case "$cmd" in
start)
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	[ "$(id -u)" = 0 ] && chown postgres "$dir"
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
	pw=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
	as bash -c "umask 077; printf '%s\n' '$pw' >'$dir/pw'"
	as "$bindir/initdb" -D "$dir/data" -U bp_super --pwfile="$dir/pw" -E UTF8 --locale=C \
		--auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 || {
		cat "$dir/initdb.log" >&2
		exit 1
	}
	# TLS as an office would run it: a certificate for 127.0.0.1, which
	# the tests trust as their CA (ca.crt) to connect with sslmode=verify-full.
	tls=""
	if command -v openssl >/dev/null; then
		as openssl req -new -x509 -days 7 -nodes -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
			-keyout "$dir/data/server.key" -out "$dir/data/server.crt" >/dev/null 2>&1 &&
			cp "$dir/data/server.crt" "$dir/ca.crt" && chmod 644 "$dir/ca.crt" &&
			tls="-c ssl=on"
	fi
	as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
		-o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 $tls" start >/dev/null || {
		cat "$dir/server.log" >&2
		exit 1
	}
	echo "postgres://bp_super:$pw@127.0.0.1:$port/postgres?sslmode=disable"
	;;
stop)
	[ -d "$dir/data" ] && as "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$dir"
	;;
*)
	echo "pg-test-server: unknown command $cmd (start or stop)" >&2
	exit 2
	;;
esac
