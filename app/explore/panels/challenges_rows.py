"""The Compute tab's tables as rows of text: the open model's parts and costs, and the comparison with
published models (model.compute does the arithmetic)."""
from __future__ import annotations

from app.i18n import tr, translated
from model import compute


def say_short(n, unit: str = "") -> str:
    return translated(compute.short(n, unit))


def say_duration(seconds) -> str:
    return translated(compute.duration(seconds))


def comparison_rows(info, config, speed, watts: float) -> tuple[list[list[str]], list[str]]:
    """The open model, then the published ones, in one table's columns; and each row's tooltip (its source)."""
    n, d = compute.count_parameters(config)["total"], compute.trained_total(info.training, "tokens_seen")
    flops = compute.training_flops(n, d) if d else None
    seconds = compute.seconds_for(flops, speed) if flops and speed else None
    kwh = compute.energy_kwh(seconds, watts) if seconds else None
    rows = [[info.name, say_short(n), say_short(d) if d else tr("not recorded"), compute.flops_text(flops),
             "—", say_duration(seconds), compute.energy_text(kwh), tr("its folder")]]
    tips = [info.path]
    for model in compute.PUBLISHED:
        r = compute.published_row(model, speed, watts)
        rows.append([r["name"], say_short(r["params"]),
                     say_short(r["tokens"]) if r["tokens"] else tr("not published"),
                     compute.flops_text(r["flops"]), compute.flops_text(r["published_flops"]),
                     say_duration(r["seconds"]), compute.energy_text(r["kwh"]), translated(model.cite)])
        tips.append(translated(model.source) + (tr(" Our count of this shape: {0:,} parameters.").format(r["our_count"])
                                    if r["our_count"] else ""))
    return rows, tips


def model_rows(info, c, speed) -> list[list[str]]:
    """What the open model is made of and cost: (quantity, value, how it is worked out)."""
    p, f = compute.count_parameters(c), compute.forward_flops(c)
    n, d = p["total"], compute.trained_total(info.training, "tokens_seen")
    # a model trained on from another one's weights (--init-from) counts that model's training too
    start = compute.starting_run(info.training)
    source = (tr("training.json, with the run it started from") if start and start.get("tokens_seen")
              else tr("training.json"))
    rows = [
        [tr("token embedding (tied: also the output head)"), f"{p['token_embedding']:,}",
         tr("{0} tokens × d_model {1}").format(f"{c.vocab_size:,}", c.d_model)],
        [tr("positions"), f"{p['position_embedding']:,}",
         f"{c.context_length} × {c.d_model}" if p["position_embedding"]
         else tr("{0}: no parameters").format(c.positional)],
        [tr("attention, {0} blocks").format(c.n_layer), f"{p['attention']:,}",
         tr("W_Q, W_K, W_V, W_O with biases, and the layer norm before it")],
        [tr("MLP, {0} blocks").format(c.n_layer), f"{p['mlp']:,}", f"{c.d_model} → {c.d_mlp} → {c.d_model}, "
         + tr("biases and the layer norm before it")],
        [tr("final layer norm"), f"{p['final_norm']:,}", f"2 × {c.d_model}"],
        [tr("parameters N"), f"{n:,}", tr("the sum; the tied head is counted once")],
        [tr("forward FLOPs per token"), f"{f['total']:,}",
         f"2 × {p['non_embedding']:,} + 2 × {c.n_layer} × {c.context_length} × {c.d_model} (Kaplan et al. 2020)"],
    ]
    if d:
        rows += [[tr("tokens trained on D"), f"{int(d):,}", source],
                 [tr("training FLOPs 6·N·D"), compute.flops_text(compute.training_flops(n, d)),
                  f"6 × {n:,} × {int(d):,}"]]
    seconds = compute.trained_total(info.training, "elapsed_seconds")
    if seconds and d:
        rows.append([tr("time it took"), say_duration(float(seconds)),
                     tr("{0:,.0f} tokens/s").format(float(d) / float(seconds)) + ", " + source])
    if speed is not None:
        rows.append([tr("speed, measured here") if speed.here else tr("speed of its training run"),
                     compute.rate_text(speed.flops_per_second),
                     tr("6 × {0} × {1} tokens/s").format(f"{speed.n_params:,}", f"{speed.tokens_per_second:,.0f}")])
    return rows
