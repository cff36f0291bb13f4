#!/usr/bin/env python3
"""Writes the reference fixture for ReferenceFixtureTest: small seeded feature matrices and the
answer of the reference contrastive selectors (PKU-ML/nlb main_poison.py: select_con, select_conp,
select_conn), computed by the reference code path itself on PyTorch (reference.py), in float32,
and every row's anchor score (NAME.STRATEGY.scores.npy), which the screens are checked against.
Every JSON records the torch version and the BLAS library that computed it.

Run it through bench/select/fixture.sh, which installs Debian's torch on OpenBLAS first.
Usage: reference_fixture.py [OUT_DIR]   (default: src/test/resources/org/nlb/poison/select/reference)
"""
import json
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

from reference import STRATEGIES, anchor_scores, blas_library, select

CASES = [  # name, N, d, M, seed, kind
    ("gauss-300x32-m15", 300, 32, 15, 1, "gauss"),
    ("gauss-1000x64-m60", 1000, 64, 60, 2, "gauss"),
    ("gauss-1000x256-m60", 1000, 256, 60, 4, "gauss"),  # the bench's shape: M = int(0.6 N / 10)
    ("clusters-600x16-m36", 600, 16, 36, 3, "clusters"),
    ("duplicates-400x16-m30", 400, 16, 30, 5, "duplicates"),  # exact ties: rows i and i + N/2 equal
    # N >= 8 * TopSums.SAMPLE = 4096: the row-block screen's rows go through TopSums' prefilter. Clusters
    # in random order: with "clusters" (row i in cluster i % 10) the prefilter's strided sample sees
    # only the even clusters and half the rows fall back to the whole row.
    ("shuffled-4500x16-m270", 4500, 16, 270, 6, "shuffled"),
]


def features(n, d, seed, kind):
    rng = np.random.default_rng(seed)
    if kind == "duplicates":
        half = features(n // 2, d, seed, "clusters")
        return np.concatenate([half, half])
    x = rng.standard_normal((n, d)).astype(np.float32)
    if kind in ("clusters", "shuffled"):
        centres = 3.0 * rng.standard_normal((10, d)).astype(np.float32)
        x = x + centres[np.arange(n) % 10 if kind == "clusters" else rng.integers(0, 10, n)]
    return x.astype(np.float32)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/org/nlb/poison/select/reference"
    os.makedirs(out, exist_ok=True)
    computed_with = f"torch {torch.__version__} ({blas_library()})"
    for name, n, d, m, seed, kind in CASES:
        x = features(n, d, seed, kind)
        np.save(os.path.join(out, name + ".npy"), x)
        train_features = F.normalize(torch.from_numpy(x), dim=1)
        for strategy, cli_name in STRATEGIES.items():
            anchor, score, indices, values = select(train_features, m, strategy)
            answer = {"features": name + ".npy", "strategy": cli_name, "budget": m, "anchor": anchor,
                      "anchor_score": score, "indices": indices, "values": values,
                      "computed_with": computed_with}
            with open(os.path.join(out, f"{name}.{cli_name}.json"), "w") as fh:
                json.dump(answer, fh)
                fh.write("\n")
            # every row's score (get_anchor_con / _conp / _conn before the argmax), float32
            scores = anchor_scores(train_features, m, strategy).numpy().astype(np.float32)
            np.save(os.path.join(out, f"{name}.{cli_name}.scores.npy"), scores)
    print("wrote", out, "with", computed_with)


if __name__ == "__main__":
    main()
