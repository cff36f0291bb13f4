#!/usr/bin/env bash
# Two-view augmentation throughput (images/s, both views of an image counted once) on
# Fashion-MNIST (1x28x28, cpu preset) and a synthetic 3x32x32 set (reference preset): one thread
# calling the augmenter, then the prefetching ViewPairLoader with 1 worker and with all cores.
# Other load on the machine lowers the multi-thread figure: check `uptime` first.
# Usage: bench/augment/run.sh [REPEATS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
REPEATS=${1:-5}
build_nlb
java -Xmx4g -cp "$NLB_CP" "$ROOT/bench/augment/AugmentBench.java" /usr/share/datasets/fashion-mnist "$REPEATS"
