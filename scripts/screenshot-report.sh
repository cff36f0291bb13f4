#!/usr/bin/env bash
# Takes a full-page screenshot of an nlb report (or any HTML file) with headless Chromium, to look
# at the report without a desktop. Installs Debian's chromium with apt-get when it is missing and
# we are root. Usage: scripts/screenshot-report.sh REPORT.html OUT.png [WIDTHxHEIGHT]
# The height is the page height captured (default 1280x6000); taller reports are cut off there.
set -euo pipefail
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: $0 REPORT.html OUT.png [WIDTHxHEIGHT]" >&2
  exit 2
fi
REPORT=$1
OUT=$2
SIZE=${3:-1280x6000}
if [ ! -f "$REPORT" ]; then
  echo "error: $REPORT: does not exist" >&2
  exit 2
fi
CHROMIUM=/usr/bin/chromium
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "screenshot: installing Debian's chromium (once)..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq chromium >/dev/null 2>&1 || {
      apt-get update -qq >/dev/null 2>&1
      apt-get install -y -qq chromium >/dev/null
    }
  else
    echo "error: chromium is not installed; install it with: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi
ABS=$(readlink -f "$REPORT")
OUT_ABS=$(readlink -f "$(dirname "$OUT")")/$(basename "$OUT")
# A throw-away profile: Chromium writes one per run and must not touch the user's.
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT
"$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$PROFILE" \
  --screenshot="$OUT_ABS" --window-size="${SIZE/x/,}" "file://$ABS" >/dev/null 2>&1
if [ ! -s "$OUT_ABS" ]; then
  echo "error: chromium wrote no screenshot to $OUT" >&2
  exit 1
fi
echo "wrote $OUT ($SIZE)"
