#!/usr/bin/env python3
"""Compares the reference's answer (reference.py JSON) with nlb's poison.json on the same
features: the same anchor and the same index set, and the same order except between similarities
to the anchor that differ by less than float32 rounding (TOLERANCE; DESIGN §2). Prints one word
(agree / disagree) and the reason.
Usage: compare.py REFERENCE.json POISON.json FEATURES.npy
"""
import json
import sys

import numpy as np

TOLERANCE = 1e-6


def main():
    ref = json.load(open(sys.argv[1]))
    ours = json.load(open(sys.argv[2]))
    if ref["budget"] != ours["budget"]:
        print(f"disagree: budget {ref['budget']} vs {ours['budget']}")
        return
    if ref["anchor"] != ours["anchor"]:
        print(f"disagree: anchor {ref['anchor']} (reference) vs {ours['anchor']} (nlb), "
              f"scores {ref['anchor_score']:.7f} vs {ours['anchor_score']:.7f}")
        return
    x = np.load(sys.argv[3], mmap_mode="r")
    anchor = np.asarray(x[ref["anchor"]], dtype=np.float64)
    a, b = ref["indices"], ours["indices"]
    # Similarities in float64 of the rows as stored: close enough to judge a float32 near-tie.
    sim = {i: float(np.asarray(x[i], dtype=np.float64) @ anchor) for i in set(a) | set(b)}
    swapped = [k for k in range(len(a)) if a[k] != b[k]]
    worst = max((abs(sim[a[k]] - sim[b[k]]) for k in swapped), default=0.0)
    same_set = set(a) == set(b)
    if worst > TOLERANCE:
        print(f"disagree: {len(swapped)} positions differ, similarity gap up to {worst:.2e}"
              + ("" if same_set else f"; index sets differ by {len(set(a) ^ set(b)) // 2}"))
    elif not same_set:
        print(f"agree (anchor; index sets differ only by a tie at the boundary, within {worst:.1e})")
    elif swapped:
        print(f"agree ({len(swapped)} positions swapped between similarities within {worst:.1e})")
    else:
        print("agree (same anchor, same indices in the same order)")


if __name__ == "__main__":
    main()
