"""One training step on a CPU: the forward and backward pass split across threads by batch rows,
then the clipping and the optimizer's update on one core's worth of threads.

A tiny model's step is hundreds of small operations. Run with torch's usual intra-op threads, every
one of them is split between the cores and ends in a barrier where the cores wait for each other:
on 2 cores that makes the step only 1.25x faster than on one, and when another program (the
window, a browser) takes one core for a moment, every barrier waits for it. Here each thread takes
its own rows of the batch through the whole model with one core's worth of torch threads, and the
threads meet once per step, when their gradients are added (docs/BENCHMARKS.md, "Trainer against
nanoGPT"). Needs no compiler.

The result is the full batch's mean loss and its gradient, up to rounding: each shard's loss is
weighted by its share of the rows, and the shards' gradients are added in shard order, so a run
is repeatable and resumes exactly. Not split: other devices, DistributedDataParallel (its hooks
reduce gradients during the backward pass), and dropout (its random masks would come from one
generator shared by the threads, in whatever order they ran).
"""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import torch

# At most this many shards: measured on 2 cores (2 shards of one thread each); with more cores each
# shard gets threads // SHARDS_MAX torch threads, so that Python's own work (the GIL) stays small.
SHARDS_MAX = 2
IGNORED = -100  # F.cross_entropy's ignore_index: targets that do not count in the loss


def cpu_shards(device: torch.device, world: int, dropout: float, batch: int, threads: int) -> int:
    """How many threads to split a step across: 1 means the usual single pass."""
    if device.type != "cpu" or world > 1 or dropout > 0:
        return 1
    return max(1, min(SHARDS_MAX, threads, batch))


class GradientStep:
    """`step(x, y)` runs the forward and backward pass and returns the batch's mean loss; the
    gradients are left in each parameter's .grad. A loss that is not finite gets no backward pass
    in the single-shard path (under DDP every rank must reach the same collectives)."""

    def __init__(self, model: torch.nn.Module, train_model: torch.nn.Module, shards: int,
                 autocast: Callable[[], object]):
        self.model, self.train_model, self.shards, self.autocast = model, train_model, shards, autocast
        self.params = [p for p in model.parameters() if p.requires_grad]
        self.pool = ThreadPoolExecutor(shards - 1, thread_name_prefix="train-shard") if shards > 1 else None

    def __call__(self, x: torch.Tensor, y: torch.Tensor) -> float:
        if self.pool is None:
            with self.autocast():
                _, loss = self.train_model(x, y)
            loss_value = loss.item()
            if loss_value == loss_value and abs(loss_value) != float("inf"):
                loss.backward()
            return loss_value
        return self._sharded(x, y)

    def _sharded(self, x: torch.Tensor, y: torch.Tensor) -> float:
        threads = torch.get_num_threads()
        each = max(1, threads // self.shards)
        xs, ys = x.tensor_split(self.shards), y.tensor_split(self.shards)
        # The loss is the mean over the targets that count (a masked objective ignores most of them).
        counted = [int((shard != IGNORED).sum()) for shard in ys]
        weights = [n / max(1, sum(counted)) for n in counted]
        try:
            futures = [self.pool.submit(self._shard, xs[i], ys[i], weights[i], each) for i in range(1, self.shards)]
            loss, grads = self._shard(xs[0], ys[0], weights[0], each)
            for future in futures:  # in shard order: the same sums every run
                shard_loss, shard_grads = future.result()
                loss += shard_loss
                for i, part in enumerate(shard_grads):
                    if part is not None:
                        grads[i] = part if grads[i] is None else grads[i].add_(part)
        finally:
            torch.set_num_threads(threads)
        for p, g in zip(self.params, grads):
            p.grad = g
        return loss

    def _shard(self, x: torch.Tensor, y: torch.Tensor, weight: float, threads: int):
        """(weighted loss, gradients) for these rows; runs on the calling thread or a pool thread."""
        if weight == 0:  # no target counts in these rows
            return 0.0, [None] * len(self.params)
        torch.set_num_threads(threads)  # per thread for OpenMP and MKL: set where the work runs
        with self.autocast():
            _, loss = self.model(x, y)
        # A parameter the loss does not use keeps .grad None, as loss.backward() would leave it.
        grads = torch.autograd.grad(loss * weight, self.params, allow_unused=True)
        return loss.item() * weight, list(grads)

    def update(self, optimizer: torch.optim.Optimizer, clip: float) -> float:
        """Clip the gradients to norm `clip`, take the optimizer's step and clear the gradients; returns
        the norm before clipping. With a split step this too runs on one core's worth of threads: tiny
        operators split across cores wait at every barrier for a core another program holds."""
        threads = torch.get_num_threads()
        if self.pool is not None:
            torch.set_num_threads(max(1, threads // self.shards))
        try:
            norm = float(torch.nn.utils.clip_grad_norm_(self.params, clip))
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
        finally:
            torch.set_num_threads(threads)
        return norm

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False)
