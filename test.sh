#!/usr/bin/env bash
# Runs nlb's test suite: installs what it needs (scripts/setup.sh), then Maven's tests.
# Extra arguments go to Maven, e.g. ./test.sh -Dtest=NpyTest
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
"$ROOT/scripts/setup.sh"
cd "$ROOT"
exec mvn -B --no-transfer-progress test "$@"
