#!/usr/bin/env python3
"""The reference contrastive selectors (PKU-ML/nlb main_poison.py: select_con, select_conp,
select_conn) run as the reference runs them, on Debian's PyTorch (CPU): F.normalize, the full
S = F @ F.T, torch.topk(S, 2M, dim=1), the score, argmax, then torch.topk of F @ F[anchor].
The reference returns only the poison indices; this also reports the anchor and its score.

As a program (bench/select/run.sh): selects from one features .npy and writes the answer as JSON.
Usage: reference.py FEATURES.npy OUT.json [--strategy con|conp|conn] [--rate 0.6 --classes 10]
       [--threads T]
Budget M = int(rate * N / classes), as main_poison.py computes num_poisons.
"""
import argparse
import json
import os
import time

import numpy as np
import torch
import torch.nn.functional as F

STRATEGIES = {"con": "contrastive", "conp": "contrastive-mean", "conn": "contrastive-neg"}


def anchor_scores(train_features, num_poisons, strategy):
    """Every row's score, as get_anchor_con / _conp / _conn compute it (S is materialised)."""
    similarity = train_features @ train_features.T
    if strategy == "conp":
        return torch.topk(similarity, num_poisons, dim=1)[0].mean(dim=1)
    first = torch.ones((num_poisons)) if strategy == "con" else torch.zeros((num_poisons))
    w = torch.cat((first, -torch.ones((num_poisons))), dim=0)
    top_sim = torch.topk(similarity, 2 * num_poisons, dim=1)[0]
    return torch.matmul(top_sim, w)


def select(train_features, num_poisons, strategy):
    """(anchor, anchor score, poison indices, their similarities to the anchor) on normalised rows."""
    score = anchor_scores(train_features, num_poisons, strategy)
    anchor = int(torch.argmax(score))
    values, indices = torch.topk(train_features @ train_features[anchor], k=num_poisons, dim=0)  # get_near_index
    return anchor, float(score[anchor]), indices.tolist(), values.tolist()


def blas_library():
    """The BLAS shared library this process has loaded (after a product), for the record."""
    torch.ones(64, 64) @ torch.ones(64, 64)
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
    return os.path.realpath(sorted(paths)[0]) if paths else "unknown"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("features")
    p.add_argument("out")
    p.add_argument("--strategy", choices=sorted(STRATEGIES), default="con")
    p.add_argument("--rate", type=float, default=0.6)
    p.add_argument("--classes", type=int, default=10)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    x = torch.from_numpy(np.load(a.features))
    train_features = F.normalize(x, dim=1)
    num_poisons = int(a.rate * len(train_features) / a.classes)
    start = time.perf_counter()  # the selection alone, as nlb's poison.json "seconds"
    anchor, score, indices, values = select(train_features, num_poisons, a.strategy)
    seconds = time.perf_counter() - start
    answer = {"strategy": STRATEGIES[a.strategy], "n": len(train_features), "budget": num_poisons,
              "anchor": anchor, "anchor_score": score, "indices": indices, "values": values,
              "seconds": round(seconds, 3), "threads": torch.get_num_threads(),
              "computed_with": f"torch {torch.__version__}", "blas": blas_library()}
    with open(a.out, "w") as fh:
        json.dump(answer, fh)
        fh.write("\n")


if __name__ == "__main__":
    main()
