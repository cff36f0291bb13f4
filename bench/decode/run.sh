#!/usr/bin/env bash
# Decoding Fashion-MNIST (gzip IDX, 60 000 train + 10 000 test images): nlb's reader against the
# reader the data set ships (numpy + gzip, utils/mnist_reader.py), same files, one run each after
# warm-up. Prints medians and the ratio. Usage: bench/decode/run.sh [REPEATS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
REPEATS=${1:-10}
DATA=/usr/share/datasets/fashion-mnist
ensure_python_modules numpy:python3-numpy
build_nlb

peer=$("$PY" "$ROOT/bench/decode/peer.py" "$DATA" "$REPEATS")
ours=$(java -Xmx4g -cp "$NLB_CP" "$ROOT/bench/decode/DecodeBench.java" "$DATA" "$REPEATS")
echo "decode Fashion-MNIST train+test (70 000 images), median of $REPEATS after warm-up"
printf '  %-34s %8.1f ms\n' "numpy + gzip (mnist_reader.py)" "$peer" "nlb (IdxFormat)" "$ours"
awk -v p="$peer" -v o="$ours" 'BEGIN { printf "  speed ratio (numpy time / nlb time): %.2fx\n", p / o }'
