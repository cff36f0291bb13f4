#!/usr/bin/env bash
# Throughput of full SimCLR training steps, augmentation included, in images/s (an image counted
# once for its two views): nlb (PretrainBench.java: DJL + PyTorch 2.7 native) against Python
# PyTorch + torchvision from Debian (peer.py) — the same network, loss, optimiser, augmentation,
# batch size and thread count, on the Fashion-MNIST pretrain images. Runs alternate ROUNDS times;
# the medians and their ratio are printed. Both get OMP_WAIT_POLICY=PASSIVE, as the nlb launcher
# sets it. Other load lowers both: the load average is printed first.
# Usage: bench/pretrain/run.sh [ROUNDS] [THREADS] [BATCH] [STEPS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
ROUNDS=${1:-3}
THREADS=${2:-$(nproc)}
BATCH=${3:-256}
STEPS=${4:-30}
WARMUP=5
DATA=/usr/share/datasets/fashion-mnist
ensure_python_modules numpy:python3-numpy torch:python3-torch torchvision:python3-torchvision PIL:python3-pil
build_nlb
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
echo "SimCLR training step, small backbone (stride-2 stem, 32/64/128), batch $BATCH, $THREADS threads,"
echo "$STEPS timed steps after $WARMUP; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
nlb=() torch=()
for r in $(seq "$ROUNDS"); do
  n=$(java -Xmx4g -Dai.djl.offline=true -cp "$NLB_CP" "$ROOT/bench/pretrain/PretrainBench.java" \
      "$DATA" "$THREADS" "$BATCH" "$STEPS" "$WARMUP" | awk '/^nlb /{print $2}')
  t=$("$PY" "$ROOT/bench/pretrain/peer.py" "$DATA" "$THREADS" "$BATCH" "$STEPS" "$WARMUP" | awk '/^torch /{print $2}')
  echo "  round $r: nlb $n images/s, torch $t images/s"
  nlb+=("$n") torch+=("$t")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
mn=$(median "${nlb[@]}") mt=$(median "${torch[@]}")
echo "median: nlb $mn images/s, torch $mt images/s, ratio nlb/torch $(awk -v a="$mn" -v b="$mt" 'BEGIN{printf "%.2f", a/b}')"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
