"""Training as a generator: it yields a `Metrics` record every few steps and checks a stop flag
between steps, so a CLI can print progress bars and a GUI worker can emit signals from it.

The same Trainer runs under torchrun with DistributedDataParallel: every rank draws the same
global batch from the same random generator and trains on its slice, so the result matches a
single process on that global batch.
"""
from __future__ import annotations

import dataclasses
import math
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import torch
import torch.distributed as dist

from .budget import checkpoint_bytes
from .checkpoint import load_state_into, read_safetensors, save_model
from .config import ModelConfig
from .data import sample_batch
from .decoding import generate
from .distributed import exit_distributed, init_distributed, pick_device, run_distributed  # noqa: F401 (old home)
from .folders import TRAINER_STATE, CheckpointError, check_writable, clean_leftovers, save_failure_reason
from .masking import objective_batch, training_mask_id
from .messages import QT_TR_NOOP, Message, joined
from .metrics import Metrics, record_to_history
from .settings import TrainConfig, learning_rate_at
from .step import GradientStep, cpu_shards
from .tokenizer import TextTokenizer
from .trainer_state import restore_trainer, trainer_state_bytes
from .transformer import Transformer

FINISHED_STEPS = QT_TR_NOOP("Finished {0} steps.")  # the classifier's trainer says it too


class TrainingDiverged(Exception):
    pass


class Trainer:
    def __init__(
        self,
        model_config: ModelConfig,
        tokenizer: TextTokenizer,
        train_ids: np.ndarray,
        val_ids: np.ndarray,
        cfg: TrainConfig,
        out_dir: str | Path,
        resume: bool = False,
        run_info: dict | None = None,
        init_from: Path | None = None,
    ):
        self.cfg, self.tokenizer, self.model_config = cfg, tokenizer, model_config
        self.out_dir = Path(out_dir)
        self.run_info = run_info or {}
        self.train_ids, self.val_ids = train_ids, val_ids
        self.rank, self.world = (dist.get_rank(), dist.get_world_size()) if dist.is_initialized() else (0, 1)
        if cfg.batch_size % self.world:
            raise ValueError(f"batch size {cfg.batch_size} must be divisible by the {self.world} processes")
        self.device = pick_device(cfg.device)
        if self.world > 1 and self.device.type == "cuda":
            self.device = torch.device("cuda", self.rank % torch.cuda.device_count())
        self.mask_id = training_mask_id(model_config, tokenizer)  # None for a causal model
        torch.manual_seed(cfg.seed)
        self.model = Transformer(model_config).to(self.device)
        self.optimizer = self._make_optimizer()
        self.data_generator = torch.Generator().manual_seed(cfg.seed)
        self.step, self.tokens_seen, self.elapsed = 0, 0, 0.0
        self.history: list[dict] = []
        self.last_checkpoint_step: int | None = None
        self.stop_event = threading.Event()
        self.warnings: list[str] = []  # for the user: the run goes on, but something looks wrong
        if self.rank == 0:
            if resume:
                clean_leftovers(self.out_dir)  # a save killed between its two renames: put the checkpoint back
            # A folder that cannot be written is found now, not after the first hour of training.
            check_writable(self.out_dir, checkpoint_bytes(self.model, tokenizer))
        if init_from is not None:  # fine-tuning: start from another model's weights
            load_state_into(self.model, read_safetensors(Path(init_from) / "model.safetensors"), Path(init_from))
        if resume:
            restore_trainer(self)
        self.train_model = self.model
        if self.world > 1:
            from torch.nn.parallel import DistributedDataParallel

            self.train_model = DistributedDataParallel(
                self.model, device_ids=[self.device.index] if self.device.type == "cuda" else None
            )
        self.shards = cpu_shards(self.device, self.world, model_config.dropout, cfg.batch_size, torch.get_num_threads())
        self.gradient_step = GradientStep(self.model, self.train_model, self.shards, self._autocast)
        generator = torch.Generator().manual_seed(cfg.seed + 1)  # the same validation batches every time
        self.val_batches = (
            [sample_batch(val_ids, cfg.batch_size, model_config.context_length, generator) for _ in range(cfg.eval_batches)]
            if len(val_ids) > model_config.context_length
            else []
        )
        self.val_batches = [objective_batch(*b, self.mask_id, cfg.seed + 1, i) for i, b in enumerate(self.val_batches)]

    def _make_optimizer(self) -> torch.optim.Optimizer:
        decay = [p for p in self.model.parameters() if p.dim() >= 2]
        no_decay = [p for p in self.model.parameters() if p.dim() < 2]
        return torch.optim.AdamW(
            [{"params": decay, "weight_decay": self.cfg.weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
            lr=self.cfg.learning_rate, betas=(self.cfg.beta1, self.cfg.beta2),
            # One kernel for all parameters, not about seven per parameter (BENCHMARKS.md, "Trainer against nanoGPT")
            fused=self.device.type in ("cuda", "cpu"),
        )

    def request_stop(self) -> None:
        """Ask the run to stop at the next step boundary (it saves a checkpoint first)."""
        self.stop_event.set()

    # ---- checkpoints -------------------------------------------------------------------
    def save_checkpoint(self) -> Path | None:
        if self.rank != 0:
            return None
        training = {
            "run": self.run_info,
            "train_config": dataclasses.asdict(self.cfg),
            "step": self.step,
            "tokens_seen": self.tokens_seen,
            "elapsed_seconds": round(self.elapsed, 2),
            "device": str(self.device),
            "world_size": self.world,
            "metrics": self.history,
        }
        save_model(
            self.out_dir,
            self.model,
            self.tokenizer,
            training,
            extra_files={TRAINER_STATE: trainer_state_bytes(self)},
        )
        self.last_checkpoint_step = self.step
        return self.out_dir

    def snapshot_folder(self) -> Path:
        return Path(self.cfg.snapshot_dir) if self.cfg.snapshot_dir else self.out_dir.with_name(self.out_dir.name + "-snapshots")

    def save_snapshot(self) -> Path | None:
        """Weights only (no optimizer state): snapshots/step-000123, a loadable model folder."""
        if self.rank != 0:
            return None
        folder = self.snapshot_folder() / f"step-{self.step:06d}"
        save_model(folder, self.model, self.tokenizer, {"run": self.run_info, "step": self.step,
                                                        "tokens_seen": self.tokens_seen, "snapshot": True})
        return folder

    def _save_checkpoint_reporting(self) -> tuple[str | None, str]:
        """Save; a failed save (a full disk, a read-only folder) leaves the previous checkpoint as it
        was and says so: (None, message). self.save_error keeps the message for the record."""
        self.save_error = ""
        try:
            return str(self.save_checkpoint()), ""
        except (OSError, CheckpointError) as exc:
            kept = (Message(QT_TR_NOOP("The previous checkpoint (step {0}) is intact."), self.last_checkpoint_step)
                    if self.last_checkpoint_step is not None else Message(QT_TR_NOOP("No earlier checkpoint exists.")))
            reason = save_failure_reason(exc) if isinstance(exc, OSError) else exc.problem
            self.save_error = Message(QT_TR_NOOP("Could not save a checkpoint at step {0} in {1} ({2}). {3}"),
                                      self.step, str(self.out_dir), reason, kept)
            return None, self.save_error

    # ---- the loop ----------------------------------------------------------------------
    @torch.no_grad()
    def evaluate(self) -> float | None:
        if not self.val_batches:
            return None
        self.model.eval()
        losses = []
        for x, y in self.val_batches:
            with self._autocast():
                _, loss = self.model(x.to(self.device), y.to(self.device))
            losses.append(loss.item())
        self.model.train()
        return float(np.mean(losses))

    def _autocast(self):
        if self.device.type == "cuda":
            return torch.autocast("cuda", dtype=torch.bfloat16)
        return torch.autocast("cpu", enabled=False)

    def _stop_agreed(self) -> bool:
        stop = self.stop_event.is_set()
        if self.world > 1:  # every rank must stop at the same step
            flag = torch.tensor([1.0 if stop else 0.0], device=self.device)
            dist.all_reduce(flag, op=dist.ReduceOp.MAX)
            stop = flag.item() > 0
        return stop

    def _mean_across_ranks(self, value: float) -> float:
        if self.world == 1:
            return value
        t = torch.tensor([value], dtype=torch.float64, device=self.device)
        dist.all_reduce(t)
        return t.item() / self.world

    def sample(self) -> str | None:
        if self.mask_id is not None:
            return None  # a masked-LM model cannot continue text (model.masking.GENERATION_NEEDS_CAUSAL)
        self.model.eval()
        try:
            return generate(
                self.model, self.tokenizer, self.cfg.sample_prompt, self.cfg.sample_tokens, temperature=0.8, seed=self.step
            )
        finally:
            self.model.train()

    def run(self) -> Iterator[Metrics]:
        cfg, ctx = self.cfg, self.model_config.context_length
        local = cfg.batch_size // self.world
        self.model.train()
        loss_sum, loss_steps, window_tokens, window_time = 0.0, 0, 0, 0.0
        grad_norm = 0.0
        if cfg.snapshot_interval and self.step == 0:
            self._try_snapshot()
        while self.step < cfg.steps:
            if self._stop_agreed():
                path, problem = self._save_checkpoint_reporting()
                yield self._record(loss_sum, loss_steps, grad_norm, window_tokens, window_time, None, "stopped",
                                   checkpoint=path, message=problem or Message(QT_TR_NOOP(
                                       "Stopped at step {0}; checkpoint saved."), self.step), save_error=problem)
                return
            started = time.perf_counter()
            lr = learning_rate_at(self.step, cfg)
            for group in self.optimizer.param_groups:
                group["lr"] = lr
            x, y = sample_batch(self.train_ids, cfg.batch_size, ctx, self.data_generator)
            x, y = objective_batch(x, y, self.mask_id, cfg.seed, self.step)
            x, y = x[self.rank * local : (self.rank + 1) * local], y[self.rank * local : (self.rank + 1) * local]
            x, y = x.to(self.device, non_blocking=True), y.to(self.device, non_blocking=True)
            loss_value = self.gradient_step(x, y)  # forward and backward (model/step.py)
            if not math.isfinite(loss_value):
                yield self._diverged(loss_value, loss_sum, loss_steps, window_tokens, window_time)
                return
            grad_norm = self.gradient_step.update(self.optimizer, cfg.grad_clip)  # clip, step, clear
            self.step += 1
            self.tokens_seen += cfg.batch_size * ctx
            loss_sum += loss_value
            loss_steps += 1
            window_tokens += cfg.batch_size * ctx
            spent = time.perf_counter() - started
            window_time += spent
            self.elapsed += spent
            last = self.step == cfg.steps
            if self.step % cfg.log_interval and not last:
                continue
            val_loss = self.evaluate() if (self.step % cfg.eval_interval == 0 or last) else None
            sample = self.sample() if cfg.sample_interval and (self.step % cfg.sample_interval == 0 or last) else None
            record = self._record(loss_sum, loss_steps, grad_norm, window_tokens, window_time, val_loss,
                                  "done" if last else "log", sample=sample)
            self.history.append(record_to_history(record))
            if cfg.snapshot_interval and (self.step % cfg.snapshot_interval == 0 or last):
                self._try_snapshot()
            if self.step % cfg.checkpoint_interval == 0 or last:
                record.checkpoint, record.message = self._save_checkpoint_reporting()
                record.save_error = record.message if record.checkpoint is None else ""
            if last:
                record.message = joined(record.message, Message(FINISHED_STEPS, cfg.steps))
            loss_sum, loss_steps, window_tokens, window_time = 0.0, 0, 0, 0.0
            yield record

    def _try_snapshot(self) -> None:
        try:
            self.save_snapshot()
        except OSError:
            pass  # a snapshot is a nicety; the checkpoint save reports a full disk

    def _record(self, loss_sum, loss_steps, grad_norm, window_tokens, window_time, val_loss, event, **extra) -> Metrics:
        train_loss = self._mean_across_ranks(loss_sum / loss_steps) if loss_steps else float("nan")
        tps = window_tokens / window_time if window_time > 0 else 0.0
        eta = (self.cfg.steps - self.step) * (window_time / loss_steps) if loss_steps else 0.0
        return Metrics(
            step=self.step,
            total_steps=self.cfg.steps,
            tokens_seen=self.tokens_seen,
            train_loss=train_loss,
            val_loss=val_loss,
            learning_rate=learning_rate_at(max(0, self.step - 1), self.cfg),
            grad_norm=grad_norm,
            tokens_per_second=tps,
            elapsed=self.elapsed,
            eta=eta,
            event=event,
            **extra,
        )

    def _diverged(self, loss_value, loss_sum, loss_steps, window_tokens, window_time) -> Metrics:
        kept = (Message(QT_TR_NOOP("The last good checkpoint (step {0}) in {1} is kept."), self.last_checkpoint_step,
                        str(self.out_dir)) if self.last_checkpoint_step is not None
                else Message(QT_TR_NOOP("No checkpoint had been saved yet.")))
        message = Message(QT_TR_NOOP(
            "Training stopped at step {0}: the loss became {1} (not a finite number), so the weights can no longer "
            "improve. This usually means the learning rate ({2:g}) is too high; try a smaller one. {3}"),
            self.step + 1, str(loss_value), self.cfg.learning_rate, kept)
        return self._record(loss_sum, loss_steps, 0.0, window_tokens, window_time, None, "diverged", message=message)
