"""Run in each process of the DDP test (spawned by tests/test_distributed.py)."""
import json
import os

import torch
import torch.distributed as dist
from safetensors.torch import save_file

from model.train import run_distributed


def run(rank: int, world: int, init_file: str, out_dir: str, steps: int) -> None:
    torch.set_num_threads(1)
    dist.init_process_group("gloo", init_method=f"file://{init_file}", rank=rank, world_size=world)
    run_distributed(lambda: train_and_save(rank, out_dir, steps))  # ends the process, as the CLI does


def train_and_save(rank: int, out_dir: str, steps: int) -> int:
    from test_distributed import make_trainer

    trainer = make_trainer(os.path.join(out_dir, "model"), steps)
    losses = [r.train_loss for r in trainer.run()]
    state = {k: v.contiguous() for k, v in trainer.model.state_dict().items()}
    save_file(state, os.path.join(out_dir, f"rank{rank}.safetensors"))
    with open(os.path.join(out_dir, f"rank{rank}.json"), "w") as f:
        json.dump({"losses": losses, "world": trainer.world}, f)
    return 0
