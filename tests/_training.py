"""Helpers the training tests share."""
from __future__ import annotations

from model.settings import TrainingSettings

# What the app's flat settings held by default before #13 (its run.json files still load).
OLD_APP_DEFAULTS = dict(name="run", tokenizer="char", vocab_size=512, preset="tiny", learning_rate=3e-3, steps=1000,
                        warmup_steps=50, log_interval=5, eval_interval=50, checkpoint_interval=100,
                        sample_interval=50, sample_prompt="ROMEO:", snapshots=10)


def flat_settings(**values) -> TrainingSettings:
    """Settings written the old, flat way (one key per field), read as the app reads run.json."""
    return TrainingSettings.from_dict({**OLD_APP_DEFAULTS, **values})
