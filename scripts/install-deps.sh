#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages BudgetPerf needs to build (and, with --test,
# to run its tests), and checks the Go toolchain. Idempotent: only missing
# packages are installed, and nothing at all when everything is present.
#
#   scripts/install-deps.sh           build packages (cgo, OpenGL, X11, Wayland headers)
#   scripts/install-deps.sh --test    build packages + test tools (Xvfb, xdotool, ImageMagick, PDF tools)
#   scripts/install-deps.sh --package build packages + packaging tools (MinGW-w64, NSIS, 7-Zip,
#                                     osslsigncode, dpkg-deb, xz) for `make package-windows`/`package-linux`
#   scripts/install-deps.sh --package-linux   build packages + dpkg-deb and xz only (`make package-linux`)
#   scripts/install-deps.sh --check   only report what is missing (exit 1 if anything is)
#
# Works as root, or as a user with sudo. Exit status: 0 ready, 1 something missing or failed.
set -euo pipefail

BUILD_PKGS=(gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
	libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev wayland-protocols)
# xauth: xvfb only recommends it, but xvfb-run cannot start without it.
# postgresql: the server the tests' PostgreSQL half starts a throw-away cluster of.
TEST_PKGS=(xvfb xauth xdotool imagemagick poppler-utils qpdf postgresql)
# Packaging: the Windows cross-compiler and installer builder, 7z to list the
# installer, osslsigncode to sign it; dpkg-deb and xz for the Linux packages.
LINUX_PACKAGE_PKGS=(dpkg xz-utils)
PACKAGE_PKGS=(gcc-mingw-w64-x86-64 nsis p7zip-full osslsigncode "${LINUX_PACKAGE_PKGS[@]}")

want_test=0
want_package=0
check_only=0
for arg in "$@"; do
	case "$arg" in
	--test) want_test=1 ;;
	--package) want_package=1 ;;
	--package-linux) want_package=linux ;;
	--check) check_only=1 ;;
	-h | --help)
		sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*)
		echo "install-deps.sh: unknown argument: $arg (use --test, --package, --package-linux, --check or --help)" >&2
		exit 2
		;;
	esac
done

say() { echo "install-deps: $*"; }
die() {
	echo "install-deps: ERROR: $*" >&2
	exit 1
}

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# ---------------------------------------------------------------- Debian packages
pkgs=("${BUILD_PKGS[@]}")
if [ "$want_test" = 1 ]; then
	pkgs+=("${TEST_PKGS[@]}")
fi
if [ "$want_package" = 1 ]; then
	pkgs+=("${PACKAGE_PKGS[@]}")
elif [ "$want_package" = linux ]; then
	pkgs+=("${LINUX_PACKAGE_PKGS[@]}")
fi

installed() {
	# dpkg -s also succeeds for removed packages whose config files remain, so check the status line.
	dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed$'
}

if ! command -v dpkg >/dev/null 2>&1; then
	say "WARNING: dpkg not found: this is not a Debian-based system, so packages are not checked."
	say "         Install the equivalents of: ${pkgs[*]}"
else
	missing=()
	for p in "${pkgs[@]}"; do
		installed "$p" || missing+=("$p")
	done

	if [ "${#missing[@]}" -eq 0 ]; then
		say "all ${#pkgs[@]} required packages are installed"
	elif [ "$check_only" = 1 ]; then
		say "missing packages: ${missing[*]}"
		exit 1
	else
		if [ "$(id -u)" -eq 0 ]; then
			SUDO=()
		elif command -v sudo >/dev/null 2>&1; then
			SUDO=(sudo)
		else
			die "missing packages: ${missing[*]}
    Installing them needs root, and this is neither root nor has sudo. Ask an administrator to run:
      apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
		fi
		say "installing missing packages: ${missing[*]}"
		"${SUDO[@]}" apt-get update ||
			die "apt-get update failed (no network, or no permission?)"
		"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
			apt-get install -y --no-install-recommends "${missing[@]}" ||
			die "apt-get install failed for: ${missing[*]}"
		for p in "${missing[@]}"; do
			installed "$p" || die "package $p is still not installed after apt-get install"
		done
		say "installed: ${missing[*]}"
	fi
fi

# ---------------------------------------------------------------- Go toolchain
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
	PATH="$PATH:/usr/local/go/bin"
fi
# The go directive of go.mod, e.g. "1.26.0".
need=$(sed -n 's/^go[[:space:]]\{1,\}\([0-9][0-9.]*\).*/\1/p' "$repo_root/go.mod" 2>/dev/null | head -n1 || true)
if ! command -v go >/dev/null 2>&1; then
	die "Go is not installed (not on PATH, not in /usr/local/go/bin). BudgetPerf needs Go ${need:-(see go.mod)} or newer:
    download it from https://go.dev/dl/ and unpack it to /usr/local/go, or put its bin/ on PATH."
fi

# Compare two dotted versions: succeed when $1 >= $2.
version_ge() {
	local IFS=.
	local -a a=($1) b=($2)
	local i
	for i in 0 1 2; do
		local x=${a[i]:-0} y=${b[i]:-0}
		if ((10#$x > 10#$y)); then return 0; fi
		if ((10#$x < 10#$y)); then return 1; fi
	done
	return 0
}

# GOTOOLCHAIN=local: report the Go that is installed, not a toolchain it would switch to.
have=$(GOTOOLCHAIN=local go env GOVERSION 2>/dev/null || true)
have=${have#go}
have=${have%%[!0-9.]*} # drop suffixes such as "rc1" or " X:..."
if [ -z "$have" ]; then
	die "could not determine the Go version of $(command -v go)"
fi
if [ -n "$need" ] && ! version_ge "$have" "$need"; then
	toolchain=$(go env GOTOOLCHAIN 2>/dev/null || echo auto)
	if [ "$toolchain" = local ]; then
		die "Go $have is older than the go $need required by go.mod, and GOTOOLCHAIN=local forbids switching.
    Install Go $need or newer from https://go.dev/dl/ (e.g. into /usr/local/go)."
	fi
	say "WARNING: Go $have is older than the go $need required by go.mod; the go command will try to"
	say "         download toolchain go$need (GOTOOLCHAIN=$toolchain). Install Go $need+ from https://go.dev/dl/ to avoid that."
else
	say "Go $have at $(command -v go) (go.mod needs ${need:-?})"
fi
