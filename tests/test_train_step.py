"""The training step split across CPU threads (model/step.py): the same loss and gradients as one
pass over the whole batch, repeatable runs, and an exact resume."""
import contextlib

import numpy as np
import pytest
import torch
from _engine import TEXT, tiny_config, tokenizer

from model.step import IGNORED, GradientStep, cpu_shards
from model.train import TrainConfig, Trainer
from model.transformer import Transformer


@pytest.fixture
def two_threads():
    before = torch.get_num_threads()
    torch.set_num_threads(2)
    yield
    torch.set_num_threads(before)


def make_trainer(out, steps=30, resume=False, dropout=0.0):
    tok = tokenizer("char")
    ids = np.asarray(tok.encode(TEXT * 40), dtype=np.uint16)
    cfg = TrainConfig(steps=steps, batch_size=7, learning_rate=3e-3, warmup_steps=3, log_interval=5, eval_interval=10,
                      eval_batches=2, checkpoint_interval=10, device="cpu", seed=11)
    return Trainer(tiny_config(tok.vocab_size, dropout=dropout), tok, ids, ids[:400], cfg, out, resume=resume)


def test_who_splits():
    cpu, cuda = torch.device("cpu"), torch.device("cuda")
    assert cpu_shards(cpu, world=1, dropout=0.0, batch=12, threads=2) == 2
    assert cpu_shards(cpu, world=1, dropout=0.0, batch=12, threads=16) == 2  # SHARDS_MAX
    assert cpu_shards(cpu, world=1, dropout=0.0, batch=12, threads=1) == 1
    assert cpu_shards(cpu, world=1, dropout=0.0, batch=1, threads=2) == 1
    assert cpu_shards(cpu, world=1, dropout=0.1, batch=12, threads=2) == 1  # one generator for the masks
    assert cpu_shards(cpu, world=2, dropout=0.0, batch=12, threads=2) == 1  # DDP reduces during backward
    assert cpu_shards(cuda, world=1, dropout=0.0, batch=12, threads=2) == 1


@pytest.mark.parametrize("ignored_rows", [0, 2])
def test_split_step_gives_the_whole_batch_loss_and_gradients(two_threads, ignored_rows):
    torch.manual_seed(0)
    config = tiny_config(60)
    model = Transformer(config)
    x = torch.randint(0, 60, (7, config.context_length))
    y = torch.randint(0, 60, (7, config.context_length))
    y[:ignored_rows, 3:] = IGNORED  # a masked objective's targets that do not count: all in the first shard
    _, loss = model(x, y)
    loss.backward()
    expected = {n: p.grad.clone() for n, p in model.named_parameters()}
    model.zero_grad(set_to_none=True)

    step = GradientStep(model, model, 2, contextlib.nullcontext)
    got = step(x, y)
    assert got == pytest.approx(loss.item(), rel=1e-6)
    for name, p in model.named_parameters():
        torch.testing.assert_close(p.grad, expected[name], rtol=1e-4, atol=1e-6, msg=name)
    assert torch.get_num_threads() == 2  # put back after the shards ran on one thread each
    step.close()


def test_split_runs_repeat_and_resume_exactly(two_threads, tmp_path):
    straight_trainer = make_trainer(tmp_path / "straight")
    assert straight_trainer.shards == 2
    straight = [(r.step, r.train_loss, r.val_loss) for r in straight_trainer.run()]
    again = [(r.step, r.train_loss, r.val_loss) for r in make_trainer(tmp_path / "again").run()]
    assert again == straight
    assert torch.get_num_threads() == 2  # the shards and the update ran on one thread each, then put back

    first = make_trainer(tmp_path / "resumed")
    seen = []
    for r in first.run():
        if r.event == "stopped":
            break
        seen.append((r.step, r.train_loss, r.val_loss))
        if r.step == 10:
            first.request_stop()
    second = make_trainer(tmp_path / "resumed", resume=True)
    assert second.step == 10 and second.shards == 2
    assert seen + [(r.step, r.train_loss, r.val_loss) for r in second.run()] == straight
    for name, value in second.model.state_dict().items():
        assert torch.equal(value, straight_trainer.model.state_dict()[name]), name


def test_split_and_single_pass_train_the_same_model(two_threads, tmp_path, monkeypatch):
    split = make_trainer(tmp_path / "split", steps=20)
    split_losses = [r.train_loss for r in split.run()]
    monkeypatch.setattr("model.step.SHARDS_MAX", 1)
    single = make_trainer(tmp_path / "single", steps=20)
    assert single.shards == 1
    single_losses = [r.train_loss for r in single.run()]
    np.testing.assert_allclose(split_losses, single_losses, rtol=0, atol=1e-4)
    assert split_losses[-1] < split_losses[0] - 0.5  # it trained


def test_dropout_runs_keep_the_single_pass(two_threads, tmp_path):
    assert make_trainer(tmp_path / "dropout", dropout=0.1).shards == 1
