#!/usr/bin/env bash
# Contrastive selection (issue 4, deliverable 3): the reference algorithm on PyTorch
# (bench/select/reference.py, the PKU-ML/nlb main_poison.py select_con code path, which holds the
# full N x N similarity matrix) against `nlb select --strategy contrastive --rate 0.6 --classes 10`
# (the built jar), on the same features: N seeded Gaussian rows, L2-normalised, d = 512, written
# once as float32 .npy. Budget M = int(0.6 N / 10). Both use THREADS cores (default all): the
# reference through torch.set_num_threads and OMP/OPENBLAS_NUM_THREADS, nlb through
# -XX:ActiveProcessorCount (its PyTorch engine and its workers follow it). Each side runs once under
# /usr/bin/time -v (wall time and peak RSS, startup included); the answers are compared
# (bench/select/compare.py). Prints a markdown table; its last column is the selection alone as
# each side times it (after reading and normalising; nlb's includes loading the PyTorch engine).
#
# The reference is skipped where S (4 N^2 bytes) and its topk cannot fit in the available memory.
# nlb runs exactly up to EXACT_MAX_N rows (default 200000) and beyond that with
# --anchor-sample ANCHOR_SAMPLE (default 10000: approximate anchor, exact poison set of it).
# JVM heap: -Xmx = 3 x (N x d x 4 bytes) + 192 MB — the raw and the normalised feature copies
# plus room; the similarity blocks live in native memory, outside the heap — plus, for exact runs,
# 0.27 N^2 + 3200 N bytes for the symmetric screen's per-row stores (SymmetricScreen.peakBytes at
# this budget, k2 = 0.12 N, with the quarter of headroom ContrastiveSelector.storesFit asks for):
# 1.16 GB in all at N = 45 000, 3.8 GB at 100 000. With less, nlb falls back to the row-block
# screen (same answer, about 1.5x the CPU time).
#
# Usage: bench/select/run.sh [N...]   (default: 10000 45000 100000; add 1000000 for the sampled
#        row: about 2 GB of features, 6.3 GB of heap)
# Env: BENCH_DIR (default /tmp/nlb-select-bench; features are cached there), SEED (0),
#      THREADS (all cores), EXACT_MAX_N, ANCHOR_SAMPLE.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 45000 100000)
D=512
RATE=0.6
CLASSES=10
SEED=${SEED:-0}
THREADS=${THREADS:-$(nproc)}
EXACT_MAX_N=${EXACT_MAX_N:-200000}
ANCHOR_SAMPLE=${ANCHOR_SAMPLE:-10000}
OUT=${BENCH_DIR:-/tmp/nlb-select-bench}
HERE="$ROOT/bench/select"
mkdir -p "$OUT"

ensure_torch_on_openblas
ensure_debian_packages "time:/usr/bin/time"
build_nlb
export OMP_NUM_THREADS=$THREADS OPENBLAS_NUM_THREADS=$THREADS

# Runs a command under /usr/bin/time -v; prints "WALL_SECONDS PEAK_GB" (peak RSS in 10^9 bytes).
measure() {
  local log=$1
  shift
  if ! /usr/bin/time -v -o "$log.time" "$@" >"$log" 2>&1; then
    echo "bench: failed: $*  (see $log)" >&2
    return 1
  fi
  awk '/Elapsed \(wall clock\)/ { n = split($NF, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
       /Maximum resident set size/ { kb = $NF }
       END { printf "%.1f %.2f\n", s, kb * 1024 / 1e9 }' "$log.time"
}

# The selection's own seconds (after reading and normalising; no start-up) from an answer's JSON.
seconds_in() { "$PY" -c 'import json, sys; print("%.1f" % json.load(open(sys.argv[1]))["seconds"])' "$1"; }

mem_available_bytes() { awk '/MemAvailable/ { printf "%.0f\n", $2 * 1024 }' /proc/meminfo; }

echo "threads: $THREADS; reference: $("$PY" -c 'import torch; print("torch", torch.__version__)') on" \
  "$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3); nlb: $(java -version 2>&1 | head -1)"
rows=()
for N in "${SIZES[@]}"; do
  M=$(( N * 6 / 100 ))   # int(0.6 * N / 10)
  FEATURES="$OUT/gauss-n$N-d$D-seed$SEED.npy"
  [ -f "$FEATURES" ] || "$PY" "$HERE/features.py" "$N" "$D" "$SEED" "$FEATURES"

  # The reference: S (4 N^2 bytes) + topk values and int64 indices (12 N 2M) + two copies of F.
  s_bytes=$(( 4 * N * N ))
  need=$(( s_bytes + 24 * N * M + 8 * N * D ))
  avail=$(mem_available_bytes)
  if (( need < avail * 9 / 10 )); then
    echo "N=$N: reference (needs ~$(awk -v b=$need 'BEGIN { printf "%.1f", b / 1e9 }') GB)..." >&2
    got=$(measure "$OUT/reference-$N.log" \
      "$PY" "$HERE/reference.py" "$FEATURES" "$OUT/reference-$N.json" --strategy con \
      --rate $RATE --classes $CLASSES --threads "$THREADS")
    read -r ref_s ref_gb <<<"$got"
    ref_cell="$ref_s s / $ref_gb GB"
  else
    ref_s=""
    ref_cell="not run: needs $(awk -v b=$s_bytes 'BEGIN { printf "%.1f", b / 1e9 }') GB for S"
    echo "N=$N: reference: needs $(awk -v b=$s_bytes 'BEGIN { printf "%.1f", b / 1e9 }') GB for S" \
      "($(awk -v b=$need 'BEGIN { printf "%.1f", b / 1e9 }') GB with topk), not run;" \
      "$(awk -v b=$avail 'BEGIN { printf "%.1f", b / 1e9 }') GB available" >&2
  fi

  heap_mb=$(( 3 * N * D * 4 / 1000000 + 192 ))
  mode=()
  label=""
  if (( N > EXACT_MAX_N )); then
    mode=(--anchor-sample "$ANCHOR_SAMPLE")
    label=" (--anchor-sample $ANCHOR_SAMPLE)"
  else
    heap_mb=$(( heap_mb + (27 * N * N / 100 + 3200 * N) / 1000000 ))
  fi
  echo "N=$N: nlb$label, -Xmx${heap_mb}m..." >&2
  got=$(measure "$OUT/nlb-$N.log" \
    java -Xmx${heap_mb}m -XX:ActiveProcessorCount="$THREADS" -Dai.djl.offline=true -jar "$ROOT/target/nlb.jar" \
    select --features "$FEATURES" --strategy contrastive --rate $RATE --classes $CLASSES ${mode[@]+"${mode[@]}"} \
    --out "$OUT/nlb-$N.json")
  read -r nlb_s nlb_gb <<<"$got"

  nlb_compute=$(seconds_in "$OUT/nlb-$N.json")
  if [ -n "$ref_s" ]; then
    ratio=$(awk -v r="$ref_s" -v o="$nlb_s" 'BEGIN { printf "%.2fx", r / o }')
    agreement=$("$PY" "$HERE/compare.py" "$OUT/reference-$N.json" "$OUT/nlb-$N.json" "$FEATURES")
    compute="$(seconds_in "$OUT/reference-$N.json") / $nlb_compute"
  else
    ratio="-"
    agreement="- (no reference)"
    compute="- / $nlb_compute"
  fi
  rows+=("| $N | $M | $ref_cell | $nlb_s s / $nlb_gb GB$label | $ratio | $agreement | $compute |")
  echo "N=$N done: ${rows[-1]}" >&2
done

echo
echo "contrastive selection, d = $D, rate $RATE, $CLASSES classes, $THREADS threads; wall time and peak RSS"
echo "(10^9 bytes) of one run each, process start to exit; nlb heap -Xmx = 3 N d 4 B + 192 MB" \
  "(+ 0.27 N^2 + 3200 N B for exact runs)"
echo
echo "| N | M | reference (PyTorch) wall / peak RSS | nlb wall / peak RSS | speed ratio (reference / nlb) | agreement | selection alone s (reference / nlb) |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
