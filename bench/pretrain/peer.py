"""SimCLR training steps in PyTorch + torchvision, the peer of PretrainBench.java: the same
network (small residual backbone with a stride-2 3x3 stem, widths 32/64/128, one basic block per
stage; projector 128 -> 2048 -> ReLU -> 256), NT-Xent with tau 0.2 (each view forwarded on its own,
as solo-learn), LARS (eta 0.02, clip_lr, biases and norms excluded, momentum 0.9, wd 1e-5) and
the same two-view augmentation for 1-channel images (RandomResizedCrop 28 with scale 0.2-1,
colour jitter p 0.8 with 0.4/0.4/0.2/0.1 of which brightness and contrast act on gray images,
solarisation p 0.2 on the second view, horizontal flip, normalisation), run by a DataLoader with
THREADS workers on the Fashion-MNIST pretrain images; torch uses THREADS intra-op threads.
Args: FASHION_MNIST_DIR THREADS BATCH STEPS WARMUP. Prints one line: "torch <images/s>"."""
import gzip, os, sys, time
import numpy as np
import torch, torch.nn as nn, torch.nn.functional as F
from PIL import Image
from torchvision import transforms as T

path, threads, batch, steps, warmup = sys.argv[1], *map(int, sys.argv[2:6])
torch.set_num_threads(threads)
torch.manual_seed(0)

with gzip.open(os.path.join(path, "train-images-idx3-ubyte.gz"), "rb") as f:
    images = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 28, 28)
rng = np.random.default_rng(0)
images = images[np.sort(rng.permutation(len(images))[: int(len(images) * 0.9)])]  # a 90 % pretrain part
mean, std = images.mean() / 255, images.std() / 255

def view(solarize):
    # on a grayscale ("L") image ColorJitter changes brightness and contrast, as nlb's does on 1 channel
    ops = [T.RandomResizedCrop(28, scale=(0.2, 1.0), interpolation=T.InterpolationMode.BILINEAR),
           T.RandomApply([T.ColorJitter(0.4, 0.4, 0.2, 0.1)], p=0.8)]
    if solarize:
        ops.append(T.RandomSolarize(128, p=solarize))
    ops += [T.RandomHorizontalFlip(), T.ToTensor(), T.Normalize([mean], [std])]
    return T.Compose(ops)

class Pairs(torch.utils.data.Dataset):
    def __init__(self):
        self.v1, self.v2 = view(0.0), view(0.2)
    def __len__(self):
        return len(images)
    def __getitem__(self, i):
        img = Image.fromarray(images[i], mode="L")
        return self.v1(img), self.v2(img)

def conv(i, o, s, k=3):
    return nn.Conv2d(i, o, k, s, k // 2, bias=False)

class Basic(nn.Module):
    def __init__(self, i, o, s):
        super().__init__()
        self.main = nn.Sequential(conv(i, o, s), nn.BatchNorm2d(o), nn.ReLU(), conv(o, o, 1), nn.BatchNorm2d(o))
        self.short = nn.Identity() if i == o and s == 1 else nn.Sequential(conv(i, o, s, 1), nn.BatchNorm2d(o))
    def forward(self, x):
        return F.relu(self.main(x) + self.short(x))

widths = [32, 64, 128]
layers, c = [conv(1, widths[0], 2), nn.BatchNorm2d(widths[0]), nn.ReLU()], widths[0]
for k, w in enumerate(widths):
    layers.append(Basic(c, w, 2 if k > 0 else 1)); c = w
backbone = nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten())
projector = nn.Sequential(nn.Linear(c, 2048), nn.ReLU(), nn.Linear(2048, 256))
model = nn.Sequential(backbone, projector)

class LARS(torch.optim.Optimizer):
    """solo-learn's LARS (solo/utils/lars.py): eta 0.02, clip_lr, exclude_bias_n_norm."""
    def __init__(self, params, lr, momentum=0.9, weight_decay=1e-5, eta=0.02, eps=1e-8):
        super().__init__(params, dict(lr=lr, momentum=momentum, weight_decay=weight_decay, eta=eta, eps=eps))
    @torch.no_grad()
    def step(self):
        for g in self.param_groups:
            for p in g["params"]:
                if p.grad is None:
                    continue
                d = p.grad
                if p.ndim != 1:
                    pn, gn = torch.norm(p), torch.norm(d)
                    if pn != 0 and gn != 0:
                        trust = g["eta"] * pn / (gn + g["weight_decay"] * pn + g["eps"])
                        trust = torch.clamp(trust / g["lr"], max=1)
                        d = (d + g["weight_decay"] * p) * trust
                st = self.state[p]
                buf = st.get("momentum_buffer")
                if buf is None:
                    buf = st["momentum_buffer"] = torch.clone(d).detach()
                else:
                    buf.mul_(g["momentum"]).add_(d)
                p.add_(buf, alpha=-g["lr"])

def nt_xent(z1, z2, tau=0.2):
    z = F.normalize(torch.cat([z1, z2]), dim=1)
    logits = z @ z.t() / tau
    logits.fill_diagonal_(-1e9)
    n = z1.shape[0]
    target = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    return F.cross_entropy(logits, target)

opt = LARS(model.parameters(), lr=0.4 * batch / 256)
loader = torch.utils.data.DataLoader(Pairs(), batch_size=batch, shuffle=True, drop_last=True, num_workers=threads,
                                     persistent_workers=True, prefetch_factor=4)
ends = []
it = iter(loader)
for s in range(warmup + steps):
    x1, x2 = next(it)
    loss = nt_xent(model(x1), model(x2))
    opt.zero_grad(set_to_none=True)
    loss.backward()
    opt.step()
    ends.append(time.perf_counter())
assert torch.isfinite(loss)
print(f"torch {steps * batch / (ends[-1] - ends[warmup - 1]):.1f}")
