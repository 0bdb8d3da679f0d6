"""Switching parts of the model off: heads and MLPs zeroed in the explicit forward pass.

An ablated head's output (its weighted sum of values, before W_O) is replaced by zeros, so it adds
nothing to the residual stream; W_O's bias stays, as it belongs to no head. An ablated MLP adds nothing
at all (its output, bias included, is zero). The fast training path never reads an Ablation: training
and export always see the whole model.
"""
from __future__ import annotations

from dataclasses import dataclass

from .messages import QT_TR_NOOP, Message


@dataclass(frozen=True)
class Ablation:
    heads: frozenset[tuple[int, int]] = frozenset()  # (layer, head) pairs switched off
    mlps: frozenset[int] = frozenset()  # layers whose MLP is switched off

    def __bool__(self) -> bool:
        return bool(self.heads or self.mlps)

    def heads_in(self, layer: int) -> list[int]:
        return sorted(h for lay, h in self.heads if lay == layer)

    def mlp_off(self, layer: int) -> bool:
        return layer in self.mlps

    def toggled_head(self, layer: int, head: int) -> Ablation:
        return Ablation(self.heads ^ {(layer, head)}, self.mlps)

    def toggled_mlp(self, layer: int) -> Ablation:
        return Ablation(self.heads, self.mlps ^ {layer})

    def check(self, n_layer: int, n_head: int) -> None:
        """Refuse parts the model does not have (a stale ablation after another model was opened)."""
        for layer, head in self.heads:
            if not (0 <= layer < n_layer and 0 <= head < n_head):
                raise ValueError(Message(QT_TR_NOOP("no head {0} in layer {1}: the model has {2} layers of {3} heads"),
                                         head + 1, layer + 1, n_layer, n_head))
        for layer in self.mlps:
            if not 0 <= layer < n_layer:
                raise ValueError(Message(QT_TR_NOOP("no MLP in layer {0}: the model has {1} layers"), layer + 1, n_layer))


NO_ABLATION = Ablation()
