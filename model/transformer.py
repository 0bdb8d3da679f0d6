"""A small decoder-only transformer (GPT-style) with two paths through the same weights.

* `forward` is the fast path used for training: fused scaled_dot_product_attention.
* `run_explicit` computes attention by hand (scores, mask, softmax) and records every
  intermediate; `model.tracing` turns that record into a `Trace`, and decoding uses it with a
  KV cache. tests/test_transformer.py proves both paths give the same logits.

Shapes: B batch, T tokens, C d_model, H heads, D d_head, M d_mlp, V vocabulary.
"""
from __future__ import annotations

import math
from contextlib import contextmanager

import torch
import torch.nn as nn
import torch.nn.functional as F

from .config import ModelConfig

KVCache = list[tuple[torch.Tensor, torch.Tensor]]  # per layer: keys, values, each (B, H, T, D)


@contextmanager
def evaluating(module: nn.Module):
    """Eval mode (no dropout) for the block, the module's own mode restored after. Nothing is switched
    when it is already in eval mode, the explorer's case: eval() and train() each walk every submodule,
    about 1 ms of a 64-token trace."""
    if not module.training:
        yield module
        return
    module.eval()
    try:
        yield module
    finally:
        module.train()


def sinusoidal_table(positions: torch.Tensor, width: int) -> torch.Tensor:
    """Vaswani et al. (2017): even dims sin(p / 10000^(2i/C)), odd dims cos of the same angle. (T, C)"""
    inv = torch.exp(torch.arange(0, width, 2, dtype=torch.float32) * (-math.log(10000.0) / width))
    angles = positions.float()[:, None] * inv[None, :]  # (T, C/2)
    table = torch.empty(positions.numel(), width)
    table[:, 0::2] = torch.sin(angles)
    table[:, 1::2] = torch.cos(angles)
    return table


def rope_angles(positions: torch.Tensor, d_head: int, base: float) -> torch.Tensor:
    """Rotation angle for each position and dimension pair (i, i + D/2): p * base^(-2i/D). (T, D/2)"""
    inv = base ** (-torch.arange(0, d_head, 2, dtype=torch.float32) / d_head)
    return positions.float()[:, None] * inv[None, :]


def apply_rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    """Rotate each pair (x[..., i], x[..., i + D/2]) by its angle. x: (B, H, T, D); cos, sin: (T, D/2)."""
    half = x.shape[-1] // 2
    x1, x2 = x[..., :half], x[..., half:]
    return torch.cat((x1 * cos - x2 * sin, x1 * sin + x2 * cos), dim=-1)


class Attention(nn.Module):
    def __init__(self, config: ModelConfig):
        super().__init__()
        self.n_head, self.d_head = config.n_head, config.d_head
        self.qkv = nn.Linear(config.d_model, 3 * config.d_model)
        self.proj = nn.Linear(config.d_model, config.d_model)
        self.dropout = config.dropout
        self.resid_dropout = nn.Dropout(config.dropout)
        self.causal = config.causal  # False for a masked (BERT-style) model: every token sees every other

    def project(self, x: torch.Tensor, rope: tuple | None):
        b, t, c = x.shape
        q, k, v = self.qkv(x).split(c, dim=2)
        q, k, v = (z.view(b, t, self.n_head, self.d_head).transpose(1, 2) for z in (q, k, v))  # (B, H, T, D)
        if rope is not None:
            q, k = apply_rope(q, *rope), apply_rope(k, *rope)
        return q, k, v

    def merge_heads(self, y: torch.Tensor) -> torch.Tensor:
        b, h, t, d = y.shape
        return self.resid_dropout(self.proj(y.transpose(1, 2).reshape(b, t, h * d)))  # (B, T, C)

    def forward(self, x: torch.Tensor, rope: tuple | None = None) -> torch.Tensor:
        q, k, v = self.project(x, rope)
        y = F.scaled_dot_product_attention(
            q, k, v, is_causal=self.causal, dropout_p=self.dropout if self.training else 0.0
        )
        return self.merge_heads(y)

    def explicit(self, x: torch.Tensor, rope: tuple | None, past: tuple | None, heads_off=()):
        """Attention written out. Returns (output, record, (keys, values) including the past).

        heads_off: head indices whose output is zeroed before W_O (an ablation)."""
        q, k_new, v_new = self.project(x, rope)
        k = k_new if past is None else torch.cat((past[0], k_new), dim=2)
        v = v_new if past is None else torch.cat((past[1], v_new), dim=2)
        t_q, t_k = q.shape[2], k.shape[2]
        scores = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(self.d_head))  # (B, H, Tq, Tk)
        # Query i sits at absolute index (t_k - t_q + i) and may look at keys up to and including itself.
        if self.causal:  # a masked-LM model has no causal mask: no cell is hidden
            visible = torch.ones(t_q, t_k, dtype=torch.bool, device=x.device).tril(diagonal=t_k - t_q)
            scores = scores.masked_fill(~visible, float("-inf"))
        probs = torch.softmax(scores, dim=-1)
        heads = probs @ v  # (B, H, Tq, D): each head's weighted sum of values
        if heads_off:
            keep = torch.ones(self.n_head, 1, 1, dtype=heads.dtype, device=heads.device)
            keep[list(heads_off)] = 0
            heads = heads * keep
        out = self.merge_heads(heads)
        record = {"attn_scores": scores, "attn_probs": probs, "queries": q, "keys": k_new, "values": v_new,
                  "head_outputs": heads}
        return out, record, (k, v)


class MLP(nn.Module):
    def __init__(self, config: ModelConfig):
        super().__init__()
        self.fc = nn.Linear(config.d_model, config.d_mlp)
        self.proj = nn.Linear(config.d_mlp, config.d_model)
        self.approximate = config.gelu_approximation
        self.dropout = nn.Dropout(config.dropout)

    def hidden(self, x: torch.Tensor) -> torch.Tensor:
        return self.gelu(self.fc(x))  # (B, T, M)

    def gelu(self, pre: torch.Tensor) -> torch.Tensor:
        return F.gelu(pre, approximate=self.approximate)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.dropout(self.proj(self.hidden(x)))


class Block(nn.Module):
    """Pre-LayerNorm block: x + attn(ln1(x)), then + mlp(ln2(x))."""

    def __init__(self, config: ModelConfig):
        super().__init__()
        self.ln1 = nn.LayerNorm(config.d_model, eps=config.layer_norm_eps)
        self.attn = Attention(config)
        self.ln2 = nn.LayerNorm(config.d_model, eps=config.layer_norm_eps)
        self.mlp = MLP(config)

    def forward(self, x: torch.Tensor, rope: tuple | None = None) -> torch.Tensor:
        x = x + self.attn(self.ln1(x), rope)
        return x + self.mlp(self.ln2(x))

    def explicit(self, x: torch.Tensor, rope: tuple | None, past: tuple | None, heads_off=(), mlp_off=False):
        """The block written out, every intermediate recorded; heads_off and mlp_off ablate (model.ablation)."""
        ln1_out = self.ln1(x)
        attn_out, record, present = self.attn.explicit(ln1_out, rope, past, heads_off)
        mid = x + attn_out
        ln2_out = self.ln2(mid)
        pre = self.mlp.fc(ln2_out)
        hidden = self.mlp.gelu(pre)
        mlp_out = self.mlp.dropout(self.mlp.proj(hidden))
        if mlp_off:
            mlp_out = torch.zeros_like(mlp_out)
        post = mid + mlp_out
        record.update(ln1_out=ln1_out, attn_out=attn_out, resid_mid=mid, ln2_out=ln2_out, mlp_pre=pre,
                      mlp_hidden=hidden, mlp_out=mlp_out, resid_post=post)
        return post, record, present


class Transformer(nn.Module):
    def __init__(self, config: ModelConfig):
        super().__init__()
        self.config = config
        self.tok_emb = nn.Embedding(config.vocab_size, config.d_model)
        if config.positional == "learned":
            self.pos_emb = nn.Embedding(config.context_length, config.d_model)
        self.drop = nn.Dropout(config.dropout)
        self.blocks = nn.ModuleList(Block(config) for _ in range(config.n_layer))
        self.ln_f = nn.LayerNorm(config.d_model, eps=config.layer_norm_eps)
        self.apply(self._init_weights)
        for name, p in self.named_parameters():
            if name.endswith("proj.weight"):  # residual projections, scaled as in GPT-2
                nn.init.normal_(p, mean=0.0, std=0.02 / math.sqrt(2 * config.n_layer))

    @staticmethod
    def _init_weights(module: nn.Module) -> None:
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)
        if isinstance(module, nn.Linear) and module.bias is not None:
            nn.init.zeros_(module.bias)

    @property
    def device(self) -> torch.device:
        return self.tok_emb.weight.device

    def positional_vectors(self, positions: torch.Tensor) -> torch.Tensor:
        """What is added to the token vectors at these positions. (T, C); zeros for RoPE."""
        c = self.config
        if c.positional == "learned":
            return self.pos_emb(positions)
        if c.positional == "sinusoidal":
            return sinusoidal_table(positions.cpu(), c.d_model).to(self.device)
        return torch.zeros(positions.numel(), c.d_model, device=self.device)

    def rope(self, positions: torch.Tensor) -> tuple | None:
        if self.config.positional != "rope":
            return None
        angles = rope_angles(positions.cpu(), self.config.d_head, self.config.rope_base).to(self.device)
        return angles.cos(), angles.sin()

    def unembed(self, x: torch.Tensor) -> torch.Tensor:
        return F.linear(self.ln_f(x), self.tok_emb.weight)  # tied head: (B, T, V)

    def forward(self, idx: torch.Tensor, targets: torch.Tensor | None = None):
        """Fast path. idx: (B, T) token ids. Returns (logits (B, T, V), mean cross-entropy or None)."""
        t = idx.shape[1]
        if t > self.config.context_length:
            raise ValueError(f"sequence of {t} tokens exceeds the context length {self.config.context_length}")
        positions = torch.arange(t, device=idx.device)
        x = self.drop(self.tok_emb(idx) + self.positional_vectors(positions))
        rope = self.rope(positions)
        for block in self.blocks:
            x = block(x, rope)
        logits = self.unembed(x)
        loss = None
        if targets is not None:
            loss = F.cross_entropy(logits.reshape(-1, logits.size(-1)).float(), targets.reshape(-1))
        return logits, loss

    def run_explicit(self, idx: torch.Tensor, start: int = 0, past: KVCache | None = None, ablation=None):
        """Explicit path. idx: (B, T) new tokens at positions start..start+T-1, after `past`.
        `ablation` (a model.ablation.Ablation) switches heads or MLPs off.

        Returns a dict: token_embeddings, positional_vectors, block_input (B, T, C); layers, one
        record per block (see Block.explicit); present, the KV cache including these tokens; and
        residual (B, T, C), the last block's output before the final norm.
        """
        t = idx.shape[1]
        if start + t > self.config.context_length:
            raise ValueError(f"positions up to {start + t} exceed the context length {self.config.context_length}")
        positions = torch.arange(start, start + t, device=idx.device)
        tok = self.tok_emb(idx)
        pos = self.positional_vectors(positions).expand_as(tok)
        x = tok + pos
        rope = self.rope(positions)
        layers, present = [], []
        for i, block in enumerate(self.blocks):
            off = (ablation.heads_in(i), ablation.mlp_off(i)) if ablation else ()
            x, record, kv = block.explicit(x, rope, None if past is None else past[i], *off)
            layers.append(record)
            present.append(kv)
        return {
            "positions": positions,
            "token_embeddings": tok,
            "positional_vectors": pos,
            "block_input": tok + pos,
            "layers": layers,
            "present": present,
            "residual": x,
        }
