#!/usr/bin/env python3
"""One-off generator of the .npy fixtures NpyTest compares against (byte for byte).

Run once by hand with numpy installed (`python3 make_fixtures.py` in this directory) and commit
the outputs; the tests themselves never need Python. The values and the expected sums printed
here are hard-coded in src/test/java/org/nlb/data/npy/NpyFixturesTest.java, so change both
together. Written with numpy 2.4.6; .npy headers have been stable since numpy 1.23.
"""
import numpy as np

FIXTURES = {
    # name: array (written with np.save, i.e. the oldest header version that fits: 1.0)
    "float32_2d": np.array([[0.0, -0.0, 1.5, -2.25],
                            [np.inf, -np.inf, np.nan, 3.4028235e38],
                            [1e-45, -1e-45, 0.1, 1e-7]], dtype="<f4"),
    "float64_1d": np.array([np.pi, -1e300, 5e-324, 0.1, -0.0], dtype="<f8"),
    "uint8_3d": np.arange(24, dtype=np.uint8).reshape(2, 3, 4) * 11,
    "int32_1d": np.array([0, 1, -1, 2**31 - 1, -2**31, 123456789], dtype="<i4"),
    "int64_2d": np.array([[0, -1, 2**63 - 1], [-2**63, 60000, 42]], dtype="<i8"),
    "int64_0d": np.array(-7, dtype="<i8"),
    "float32_empty": np.zeros((0, 5), dtype="<f4"),
    # Many small dimensions: numpy's growth padding pushes this header into a third 64-byte block.
    "float32_16d": np.arange(4, dtype="<f4").reshape((1,) * 14 + (2, 2)),
}


def main():
    for name, a in FIXTURES.items():
        np.save(name + ".npy", a)
    v = np.arange(6, dtype="<f4").reshape(2, 3) / 4
    for version in [(2, 0), (3, 0)]:
        with open("float32_v%d.npy" % version[0], "wb") as f:
            np.lib.format.write_array(f, v, version=version)
    for name in sorted(FIXTURES):
        with open(name + ".npy", "rb") as f:
            data = f.read()
        print(name, FIXTURES[name].shape, "header bytes:", data.index(b"\n") + 1)


if __name__ == "__main__":
    main()
