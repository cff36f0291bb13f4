#!/usr/bin/env bash
# Which kernel settings change a training's digits on this CPU, and the fingerprint to compare
# with another CPU: trains MoCo v2+ (the default preset's method and backbone) for 8 steps on one
# thread from seed 0 under several settings of the kernel variables (README, "Kernel choice") and
# prints an MD5 of the trained weights for each. Two rows with one hash computed the same digits.
# Run it on two machines at one commit: equal "portable" hashes mean the portable mode gives
# the same digits on both CPUs.
# Usage: bench/kernels/fingerprint.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
build_nlb
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
unset DNNL_MAX_CPU_ISA ONEDNN_MAX_CPU_ISA ATEN_CPU_CAPABILITY MKL_CBWR MKL_ENABLE_INSTRUCTIONS NLB_KERNELS
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "commit $(git -C "$ROOT" rev-parse --short HEAD); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs);" \
  "AVX-512: $(grep -qw avx512f /proc/cpuinfo && echo yes || echo no); L2 $(getconf LEVEL2_CACHE_SIZE 2>/dev/null || echo ?) B"
PORTABLE=(DNNL_MAX_CPU_ISA=AVX2 ATEN_CPU_CAPABILITY=avx2 MKL_CBWR=AVX2)
fingerprint() {   # NAME JVM-OPTION ENV...
  local name=$1 jvm=$2; shift 2
  local out="$WORK/$name"
  env "$@" java -Xmx4g $jvm -Dai.djl.offline=true -cp "$NLB_CP" org.nlb.cli.Main pretrain --method mocov2 \
      --epochs 1 --max-steps 8 --threads 1 --data fashion-mnist --out "$out" >"$WORK/$name.log" 2>&1
  printf '%-28s %s\n' "$name" "$(cat "$out"/*.params | md5sum | cut -c1-12)"
}
fingerprint portable "" "${PORTABLE[@]}"
fingerprint portable-again "" "${PORTABLE[@]}"
fingerprint portable-jit-avx2 -XX:UseAVX=2 "${PORTABLE[@]}"
fingerprint native "" NLB_FINGERPRINT=native
fingerprint onednn-native "" ATEN_CPU_CAPABILITY=avx2 MKL_CBWR=AVX2
fingerprint aten-native "" DNNL_MAX_CPU_ISA=AVX2 MKL_CBWR=AVX2
fingerprint mkl-native "" DNNL_MAX_CPU_ISA=AVX2 ATEN_CPU_CAPABILITY=avx2
fingerprint aten-default "" DNNL_MAX_CPU_ISA=AVX2 ATEN_CPU_CAPABILITY=default MKL_CBWR=AVX2
fingerprint mkl-compatible "" DNNL_MAX_CPU_ISA=AVX2 ATEN_CPU_CAPABILITY=avx2 MKL_CBWR=COMPATIBLE
