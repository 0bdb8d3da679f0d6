"""A causal model's accuracy and loss at a masked model's evaluation blanks: the same windows and the same
seeded choice of positions as `lm-anatomy-eval` on the masked model, the causal model reading the true
text to the left of each only (the masked model card's comparison).

    OMP_NUM_THREADS=1 python benchmarks/causal_at_blanks.py resources/models/shakespeare-bpe-masked \
        resources/models/shakespeare-bpe resources/corpora/shakespeare/{julius_caesar,twelfth_night,lovers_complaint}.txt
"""
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from model.checkpoint import load_model
from model.masking import IGNORE, mask_tokens, step_generator

masked, causal = load_model(sys.argv[1]), load_model(sys.argv[2])
mask_id, ctx = masked.tokenizer.mask_id, masked.config.context_length
n = correct = 0
nll = 0.0
with torch.no_grad():
    for f in sys.argv[3:]:
        ids = masked.tokenizer.encode(Path(f).read_text(encoding="utf-8"))
        for w, start in enumerate(range(0, len(ids) - 1, ctx)):
            window = torch.tensor([ids[start: start + ctx]])
            _, targets = mask_tokens(window, mask_id, mask_id + 1, step_generator(0, w))
            chosen = (targets[0] != IGNORE).nonzero().flatten()
            chosen = chosen[chosen > 0]  # the first token of a window has nothing to its left
            logits = causal.model(window)[0][0][chosen - 1].float()
            answer = window[0][chosen]
            nll += torch.nn.functional.cross_entropy(logits, answer, reduction="sum").item()
            correct += int((logits.argmax(-1) == answer).sum())
            n += len(chosen)
print(f"causal model at the same blanks (left side only): {n:,} positions, loss {nll / n:.4f}, accuracy {correct / n:.2%}")
