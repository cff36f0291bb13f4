#!/usr/bin/env python3
"""Writes the bench's feature matrix: N seeded Gaussian rows of dimension d, L2-normalised (in
float64, stored as float32), as one .npy that both selectors read. Generated in chunks, so N = 10⁶
needs no more memory than the file itself.
Usage: features.py N D SEED OUT.npy
"""
import os
import sys

import numpy as np

CHUNK = 65536


def main():
    n, d, seed, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    rng = np.random.default_rng(seed)
    x = np.lib.format.open_memmap(out + ".part", mode="w+", dtype=np.float32, shape=(n, d))
    for start in range(0, n, CHUNK):
        rows = rng.standard_normal((min(CHUNK, n - start), d))
        x[start:start + len(rows)] = rows / np.linalg.norm(rows, axis=1, keepdims=True)
    x.flush()
    del x
    os.replace(out + ".part", out)


if __name__ == "__main__":
    main()
