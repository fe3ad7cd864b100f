#!/bin/sh
# Signs a Windows executable in place with osslsigncode (Authenticode), so
# that SmartScreen and hospital IT see who published it. `make
# package-windows` calls it for both programs, the installer and the
# uninstaller when WINDOWS_SIGN_PFX is set:
#
#   WINDOWS_SIGN_PFX=codesign.pfx WINDOWS_SIGN_PASS_FILE=pass.txt \
#   WINDOWS_SIGN_TIMESTAMP=http://timestamp.example.com make package-windows
#
# WINDOWS_SIGN_PFX        PKCS#12 file with the code-signing certificate and its key
# WINDOWS_SIGN_PASS_FILE  file holding its password (optional; kept out of the process list)
# WINDOWS_SIGN_TIMESTAMP  RFC 3161 time-stamp server (optional; keeps the signature valid
#                         after the certificate expires; needs network access)
set -eu
file=${1:?usage: sign.sh FILE.exe}
: "${WINDOWS_SIGN_PFX:?set WINDOWS_SIGN_PFX to the PKCS#12 (.pfx) code-signing certificate}"
[ -r "$WINDOWS_SIGN_PFX" ] || { echo "sign.sh: cannot read $WINDOWS_SIGN_PFX" >&2; exit 1; }
set -- -pkcs12 "$WINDOWS_SIGN_PFX" -h sha256 -n "BudgetPerf" -i "https://github.com/budgetperf/budgetperf"
if [ -n "${WINDOWS_SIGN_PASS_FILE:-}" ]; then
	set -- "$@" -readpass "$WINDOWS_SIGN_PASS_FILE"
fi
if [ -n "${WINDOWS_SIGN_TIMESTAMP:-}" ]; then
	set -- "$@" -ts "$WINDOWS_SIGN_TIMESTAMP"
fi
tmp="$file.signed"
rm -f "$tmp"
osslsigncode sign "$@" -in "$file" -out "$tmp"
mv "$tmp" "$file"
osslsigncode verify -in "$file" >/dev/null 2>&1 || echo "sign.sh: note: $file is signed, but its certificate is not trusted here (self-signed or unknown CA)" >&2
