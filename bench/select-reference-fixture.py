#!/usr/bin/env python3
"""Writes the reference fixture for ReferenceFixtureTest: small seeded feature matrices and the
answer of the reference contrastive selectors (PKU-ML/nlb main_poison.py: select_con, select_conp,
select_conn), computed as the reference computes them, in float32.

With PyTorch installed it runs the reference code path itself (F.normalize, F @ F.T, torch.topk,
argmax, topk of F @ F[anchor]); without it, the same steps in numpy float32 (a stable sort stands in
for torch.topk, so exact ties go to the lower index). The JSON records which one was used.

Usage: bench/select-reference-fixture.py [OUT_DIR]
(default: src/test/resources/org/nlb/poison/select/reference)
"""
import json
import os
import sys

import numpy as np

try:
    import torch
except ImportError:
    torch = None

CASES = [  # name, N, d, M, seed, clustered
    ("gauss-300x32-m15", 300, 32, 15, 1, False),
    ("gauss-1000x64-m60", 1000, 64, 60, 2, False),
    ("clusters-600x16-m36", 600, 16, 36, 3, True),
]
WEIGHTS = {"contrastive": (1.0, -1.0), "contrastive-mean": None, "contrastive-neg": (0.0, -1.0)}


def features(n, d, seed, clustered):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, d)).astype(np.float32)
    if clustered:
        centres = 3.0 * rng.standard_normal((10, d)).astype(np.float32)
        x = x + centres[np.arange(n) % 10]
    return x.astype(np.float32)


def reference_torch(x, m, strategy):
    f = torch.nn.functional.normalize(torch.from_numpy(x), dim=1)
    similarity = f @ f.T
    if strategy == "contrastive-mean":
        score = torch.topk(similarity, m, dim=1)[0].mean(dim=1)
    else:
        a, b = WEIGHTS[strategy]
        w = torch.cat((a * torch.ones(m), b * torch.ones(m)), dim=0)
        score = torch.matmul(torch.topk(similarity, 2 * m, dim=1)[0], w)
    anchor = int(torch.argmax(score))
    values, indices = torch.topk(f @ f[anchor], k=m, dim=0)
    return anchor, float(score[anchor]), indices.tolist(), values.tolist()


def reference_numpy(x, m, strategy):
    norms = np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12).astype(np.float32)
    f = (x / norms).astype(np.float32)
    similarity = f @ f.T
    top = -np.sort(-similarity, axis=1)
    if strategy == "contrastive-mean":
        score = top[:, :m].mean(axis=1, dtype=np.float32)
    else:
        a, b = WEIGHTS[strategy]
        w = np.concatenate([a * np.ones(m), b * np.ones(m)]).astype(np.float32)
        score = top[:, :2 * m] @ w
    anchor = int(np.argmax(score))
    row = f @ f[anchor]
    indices = np.argsort(-row, kind="stable")[:m]
    return anchor, float(score[anchor]), indices.tolist(), row[indices].tolist()


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/org/nlb/poison/select/reference"
    os.makedirs(out, exist_ok=True)
    run = reference_torch if torch is not None else reference_numpy
    for name, n, d, m, seed, clustered in CASES:
        x = features(n, d, seed, clustered)
        np.save(os.path.join(out, name + ".npy"), x)
        for strategy in WEIGHTS:
            anchor, score, indices, values = run(x, m, strategy)
            answer = {"features": name + ".npy", "strategy": strategy, "budget": m, "anchor": anchor,
                      "anchor_score": score, "indices": indices, "values": values,
                      "computed_with": "torch " + torch.__version__ if torch is not None else "numpy " + np.__version__}
            with open(os.path.join(out, f"{name}.{strategy}.json"), "w") as fh:
                json.dump(answer, fh)
                fh.write("\n")
    print("wrote", out, "with", "torch" if torch is not None else "numpy")


if __name__ == "__main__":
    main()
