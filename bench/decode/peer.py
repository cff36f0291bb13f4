"""The Fashion-MNIST package's own reader (utils/mnist_reader.py), timed; prints the median ms."""
import gzip, os, statistics, sys, time
import numpy as np

def load_mnist(path, kind):
    with gzip.open(os.path.join(path, f"{kind}-labels-idx1-ubyte.gz"), "rb") as f:
        labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8)
    with gzip.open(os.path.join(path, f"{kind}-images-idx3-ubyte.gz"), "rb") as f:
        images = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(len(labels), 784)
    return images, labels

path, repeats = sys.argv[1], int(sys.argv[2])
times = []
for r in range(3 + repeats):
    t0 = time.perf_counter()
    tr = load_mnist(path, "train")
    te = load_mnist(path, "t10k")
    dt = (time.perf_counter() - t0) * 1000
    if r >= 3:
        times.append(dt)
assert tr[0].shape == (60000, 784) and te[0].shape == (10000, 784)
print(f"{statistics.median(times):.1f}")
