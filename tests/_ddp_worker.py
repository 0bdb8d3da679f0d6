"""Run in each process of the DDP test (spawned by tests/test_distributed.py)."""
import json
import os
import traceback

import torch
import torch.distributed as dist
from safetensors.torch import save_file

from model.train import exit_distributed


def run(rank: int, world: int, init_file: str, out_dir: str, steps: int) -> None:
    from test_distributed import make_trainer

    torch.set_num_threads(1)
    dist.init_process_group("gloo", init_method=f"file://{init_file}", rank=rank, world_size=world)
    status = 1
    try:
        trainer = make_trainer(os.path.join(out_dir, "model"), steps)
        losses = [r.train_loss for r in trainer.run()]
        state = {k: v.contiguous() for k, v in trainer.model.state_dict().items()}
        save_file(state, os.path.join(out_dir, f"rank{rank}.safetensors"))
        with open(os.path.join(out_dir, f"rank{rank}.json"), "w") as f:
            json.dump({"losses": losses, "world": trainer.world}, f)
        status = 0
    except BaseException:
        traceback.print_exc()
    exit_distributed(status)  # as the CLI does: see its docstring for the abort it avoids
