#!/usr/bin/env bash
# Smoke test of the standalone bundle (`make bundle-test`): runs the BUNDLED program, never
# Python, from an empty folder with an empty home, so nothing from the checkout or from the
# developer's own config can stand in for what the bundle should carry.
#   packaging/bundle_test.sh [dist/recovery-guide/recovery-guide]
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
program="$(realpath -m "${1:-$root/dist/recovery-guide/recovery-guide}")"
bundle="$(dirname "$program")"

fail() { echo "bundle-test: FAIL: $*" >&2; exit 1; }
pass() { echo "bundle-test: ok: $*"; }

[[ -x "$program" ]] || fail "no bundled program at $program (run 'make bundle')"
[[ "$(head -c 4 "$program" | od -An -tx1 | tr -d ' \n')" == "7f454c46" ]] || fail "$program is not an ELF executable"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home"
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache" \
    XDG_DATA_HOME="$work/home/.local/share" XDG_RUNTIME_DIR="$work"
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV
cd "$work"

# (a) the window, rendered to a PNG with no screen
shot="$work/clonazepam.png"
QT_QPA_PLATFORM=offscreen timeout 120 "$program" --screenshot "$shot" --article clonazepam \
    || fail "--screenshot exited with status $?"
[[ -s "$shot" ]] || fail "--screenshot wrote no file"
[[ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" == "89504e470d0a1a0a" ]] || fail "$shot is not a PNG"
pass "--screenshot --article clonazepam wrote a PNG ($(wc -c <"$shot") bytes)"

# (b) the bundled content passes its own check
timeout 120 "$program" check --strict || fail "check --strict exited with status $?"
pass "check --strict"

# (c) the version comes from the bundled package metadata, not "unknown"
version="$(timeout 60 "$program" --version)" || fail "--version exited with status $?"
expected="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/pyproject.toml" 2>/dev/null || true)"
if [[ -n "$expected" ]]; then
    [[ "$version" == "guide $expected" ]] || fail "--version said '$version', expected 'guide $expected'"
else
    [[ "$version" =~ ^guide\ [0-9] ]] || fail "--version said '$version'"
fi
pass "--version: $version"

# The guide never opens a network connection: the bundle carries no QtNetwork.
if [[ -n "$(find "$bundle" -name 'libQt6Network*' -print -quit)" ]]; then
    fail "the bundle contains QtNetwork"
fi
pass "no QtNetwork in the bundle ($(du -sh "$bundle" | cut -f1))"
