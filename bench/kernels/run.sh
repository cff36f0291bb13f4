#!/usr/bin/env bash
# What pinning PyTorch's kernel choice costs: images/s of full SimCLR training steps
# (bench/pretrain/PretrainBench.java, the default preset's backbone) under three settings of the
# environment variables that choose CPU kernels, alternating ROUNDS times, medians and ratios:
#   native    none set: ATen, oneDNN and MKL each take the widest instruction set the CPU has
#   onednn    DNNL_MAX_CPU_ISA=AVX2 only (what avoids oneDNN's AVX-512 NaN, README "Kernel choice")
#   portable  DNNL_MAX_CPU_ISA=AVX2 ATEN_CPU_CAPABILITY=avx2 MKL_CBWR=AVX2 (nlb's default)
# On a CPU without AVX-512 the three should tie. Other load lowers all three alike; the load
# average is printed.
# Usage: bench/kernels/run.sh [ROUNDS] [THREADS] [BATCH] [STEPS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
ROUNDS=${1:-3}
THREADS=${2:-1}
BATCH=${3:-256}
STEPS=${4:-20}
WARMUP=3
DATA=/usr/share/datasets/fashion-mnist
build_nlb
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
unset DNNL_MAX_CPU_ISA ONEDNN_MAX_CPU_ISA ATEN_CPU_CAPABILITY MKL_CBWR MKL_ENABLE_INSTRUCTIONS NLB_KERNELS
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); AVX-512: $(grep -qw avx512f /proc/cpuinfo && echo yes || echo no)"
echo "SimCLR step, small backbone (32/64/128), batch $BATCH, $THREADS thread(s), $STEPS timed steps after $WARMUP;"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
bench() {
  env "$@" java -Xmx4g -Dai.djl.offline=true -cp "$NLB_CP" "$ROOT/bench/pretrain/PretrainBench.java" \
      "$DATA" "$THREADS" "$BATCH" "$STEPS" "$WARMUP" | awk '/^nlb /{print $2}'
}
native=() onednn=() portable=()
for r in $(seq "$ROUNDS"); do
  n=$(bench NLB_BENCH=native)
  o=$(bench DNNL_MAX_CPU_ISA=AVX2)
  p=$(bench DNNL_MAX_CPU_ISA=AVX2 ATEN_CPU_CAPABILITY=avx2 MKL_CBWR=AVX2)
  echo "  round $r: native $n, onednn $o, portable $p images/s"
  native+=("$n") onednn+=("$o") portable+=("$p")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
mn=$(median "${native[@]}") mo=$(median "${onednn[@]}") mp=$(median "${portable[@]}")
echo "median images/s: native $mn, onednn $mo, portable $mp"
echo "ratio to native: onednn $(awk -v a="$mo" -v b="$mn" 'BEGIN{printf "%.3f", a/b}'), portable $(awk -v a="$mp" -v b="$mn" 'BEGIN{printf "%.3f", a/b}')"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
