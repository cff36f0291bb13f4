#!/usr/bin/env bash
# Regenerates the committed reference fixture of ReferenceFixtureTest with the reference selectors
# on Debian's PyTorch (OpenBLAS), then runs that test against it.
# Usage: bench/select/fixture.sh [OUT_DIR]   (default: the test resources)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
OUT=${1:-$ROOT/src/test/resources/org/nlb/poison/select/reference}
ensure_torch_on_openblas
"$PY" "$ROOT/bench/select/reference_fixture.py" "$OUT"
if [ $# -eq 0 ]; then
  (cd "$ROOT" && mvn -B -q -Dstyle.color=never test -Dtest=ReferenceFixtureTest)
  echo "ReferenceFixtureTest passes on the regenerated fixture"
fi
