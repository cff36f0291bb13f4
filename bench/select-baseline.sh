#!/usr/bin/env bash
# No-training selection baseline on real Fashion-MNIST (issue 4, deliverable 7): CCR of every
# label-free selector on the pretrain split, for raw pixel features and their PCA-50, at the
# paper's budget (rate 0.6, 10 classes). kmeans and random run with seeds 0-4.
# Usage: bench/select-baseline.sh [OUT_DIR]   (default /tmp/nlb-select-baseline); prints a table.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${1:-/tmp/nlb-select-baseline}
NLB="$ROOT/nlb"
mkdir -p "$OUT"
"$NLB" datasets split fashion-mnist --seed 0 --out "$OUT/split" --force
"$NLB" features --pixels --data fashion-mnist --subset "$OUT/split/pretrain.npy" --out "$OUT/pixels.npy"
"$NLB" features --pixels --data fashion-mnist --subset "$OUT/split/pretrain.npy" --pca 50 --out "$OUT/pca50.npy"
COMMON=(--rate 0.6 --classes 10 --labels fashion-mnist --subset "$OUT/split/pretrain.npy")
for feat in pixels pca50; do
  for s in contrastive contrastive-mean contrastive-neg; do
    "$NLB" select --features "$OUT/$feat.npy" --strategy $s "${COMMON[@]}" --out "$OUT/$feat-$s.json"
  done
  for seed in 0 1 2 3 4; do
    for s in kmeans random; do
      "$NLB" select --features "$OUT/$feat.npy" --strategy $s --seed $seed "${COMMON[@]}" --out "$OUT/$feat-$s-$seed.json"
    done
  done
done
python3 - "$OUT" <<'PY'
import json, statistics, sys
out = sys.argv[1]
print("| features | strategy | CCR | target | seconds |")
print("|---|---|---|---|---|")
for feat in ["pixels", "pca50"]:
    for s in ["contrastive", "contrastive-mean", "contrastive-neg"]:
        j = json.load(open(f"{out}/{feat}-{s}.json"))
        print(f"| {feat} | {s} | {j['ccr']:.3f} | {j['target']} {j['target_name']} | {j['seconds']:.1f} |")
    for s in ["kmeans", "random"]:
        runs = [json.load(open(f"{out}/{feat}-{s}-{i}.json")) for i in range(5)]
        c = [r["ccr"] for r in runs]
        print(f"| {feat} | {s} (5 seeds) | mean {statistics.mean(c):.3f}, min {min(c):.3f}, max {max(c):.3f} | "
              f"{', '.join(str(r['target']) for r in runs)} | {statistics.mean(r['seconds'] for r in runs):.1f} |")
PY
