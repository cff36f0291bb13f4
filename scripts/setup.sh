#!/usr/bin/env bash
# Installs what nlb needs on a fresh Debian machine, once: the Debian packages below (as root,
# with apt-get install -y) and the Maven dependencies (by building). Safe to run again.
# Set NLB_SKIP_APT=1 to skip the Debian part (e.g. when you are not root and did it by hand).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Debian packages nlb uses, with the file that shows each is installed.
DEBIAN_PACKAGES=(
  "dataset-fashion-mnist:/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"
  "fonts-dejavu-core:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
)

missing=()
for entry in "${DEBIAN_PACKAGES[@]}"; do
  pkg=${entry%%:*}
  marker=${entry#*:}
  [ -e "$marker" ] || missing+=("$pkg")
done

if [ ${#missing[@]} -gt 0 ] && [ "${NLB_SKIP_APT:-0}" != 1 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "nlb: installing Debian packages: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || {
      apt-get update -qq >/dev/null 2>&1
      apt-get install -y -qq "${missing[@]}" >/dev/null
    }
  else
    echo "nlb: missing Debian packages: ${missing[*]}" >&2
    echo "nlb: install them with: sudo apt-get install -y ${missing[*]}" >&2
  fi
fi
