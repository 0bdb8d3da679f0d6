"""Hand-written accessible names and descriptions, for what cannot be derived: what a plot shows.

Keyed by `access.owner_key` ("Class.attribute" of the object that keeps the widget) or by the widget's
own class. A description of None is the widget's tool tip (set with its text). An empty name is derived (a label, a plot's title or axes); "{section}" is replaced by where
the widget is (its group box, step or stage). Tab tool tips are keyed by the tab's text.
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # the empty context, where lupdate files tr(): see app/i18n.py


@lru_cache(maxsize=1)
def texts() -> dict[str, tuple[str, str | None]]:
    heatmap = tr("A heatmap: each cell's colour is its value, read on the colour bar beside it")
    return {
        # the explorer's frame
        "PromptBar.prompt": (tr("Prompt"), tr("The text the model reads; every stage shows what the model does "
                                              "with it, updated as you type")),
        "StageView.nav": (tr("Stages"), tr("The model's stages in the order the data flows; choose one to show it "
                                           "(Ctrl+1 to Ctrl+9)")),
        "LessonPane": (tr("Lesson"), tr("What is on screen, explained, with something to try and a question")),
        "TimelineBar.slider": ("", tr("The training step whose snapshot the explorer shows")),
        "MainWindow.tour": (tr("Guided tour"), tr("Dims the window except the part the tour's step talks about")),
        # stages
        "TextPanel.view": (tr("The prompt by token"), tr("The prompt's text with each token's characters on "
                                                         "one background colour")),
        "TextPanel.chars": (tr("Characters and bytes"), tr("One row per character of the prompt with its "
                                                           "UTF-8 bytes")),
        "TokensPanel.chip_view": (tr("Tokens of the prompt"), tr(
            "The arrow keys move between the tokens; Enter or Space opens the token's embedding.")),
        "BpeMerges.merge_slider": (tr("Merge step"), tr("Steps through the byte-pair merges that build the chosen "
                                                        "word, from its raw bytes to its tokens")),
        "EmbeddingsPanel.plot": (tr("Map of all token embeddings"), tr(
            "Every token's embedding vector flattened to two dimensions; tokens the model uses alike lie close "
            "together. Click a point to choose its token, or highlight a token of your text with the arrow keys "
            "and press Enter; + and - zoom, 0 shows the whole map")),
        "EmbeddingsPanel.strip_plot": (tr("The chosen token's embedding vector"), tr(
            "One cell per dimension of the chosen token's vector: blue negative, gold positive")),
        "EmbeddingsPanel.neighbours": (tr("Nearest neighbours"), tr(
            "The tokens whose embedding vectors point most nearly the same way as the chosen token's")),
        "TokenHeatmap.plot": ("", heatmap),
        "PositionsPanel.strip_plot": (tr("Position vector of the chosen token"), tr(
            "One cell per dimension of the vector added for the chosen token's position")),
        "PositionsPanel.token_combo": ("", tr("The token whose position vector the strip shows")),
        "AttentionPanel.mode": (tr("What the cells show"), tr("Attention weights after softmax, or the scores "
                                                              "before it (query · key / √d_head)")),
        "AttentionMosaic": (tr("Attention grid: every layer and head"), tr(
            "One small heatmap per head, layers in rows and heads in columns; each shows the attention weights, "
            "rows the tokens looking, columns the tokens looked at. Arrow keys move the cursor; Enter or Space "
            "looks at that head, or in the switching mode switches it off or on")),
        "AttentionMosaic.plot": (tr("Attention grid picture"), tr("The picture of the attention grid")),
        "DropLegend": (tr("Colour scale of the drop"), tr(
            "How far the top token's probability falls, in percentage points, with a head switched off")),
        "AttentionLines": (tr("Attention as lines"), tr(
            "Each token on the left joined to the tokens on the right it attends to; thicker lines carry more "
            "weight")),
        "LogitLensTable": ("", tr("What each layer would guess for the next token if the model stopped there")),
        "AblationComparison.lens_before": (tr("Logit lens of the whole model"), ""),
        "AblationComparison.lens_after": (tr("Logit lens with parts switched off"), ""),
        "AblationComparison.plot": (tr("Next token before and after"), tr(
            "The most likely next tokens for the whole model beside the same tokens with the chosen parts "
            "switched off")),
        "VectorRows": (tr("{section}: vectors"), tr(
            "Vectors drawn as rows of cells, one cell per dimension, coloured by value")),
        "CellGrid": (tr("{section}: table of cells"), tr("A matrix drawn as coloured cells, one row per token")),
        "InfoLine": ("", tr("A line about the token followed through the block; its name is the whole line")),
        "TokenRow": (tr("Token followed through the block"), ""),
        "GeluPlot": (tr("GELU curve with the neurons"), tr(
            "The GELU function with a dot for each of the token's MLP neurons: its input and its output")),
        "NeuronList": (tr("The most active neurons"), tr("The neurons with the largest outputs for this token")),
        "LayerChart": (tr("The vector through the layers"), tr(
            "How the token's residual-stream vector changes from layer to layer")),
        "OutputPanel.plot": (tr("Next-token candidates"), tr(
            "The most likely next tokens as bars: filled after temperature, top-k and top-p, dashed the "
            "model's own probability, hatched when cut. Up and Down choose a bar; Enter forces that token")),
        "OutputPanel.history": (tr("Decoding history"), tr(
            "Each generated token with its probability under the model, its rank and how it was chosen")),
        "SamplingControls.speed": (tr("Play speed"), tr("Tokens a second while Play runs")),
        "FillBlankPanel.which": (tr("Blank shown"), tr("Which hidden token the bars show the guesses for")),
        "FillBlankPanel.charts": (tr("Guesses for the blank"), tr(
            "The masked model's guesses, read from both sides, and the causal model's, read from the left only")),
        "Diagram": (tr("Model architecture"), tr(
            "This model's parts drawn from its configuration, with parameter counts. Click a part, or choose it "
            "with the arrow keys and press Enter, to open its stage")),
        "InterpretView.buttons": (tr("Open the head found"), tr("Opens the Attention stage on the head this "
                                                                "step found")),
        "BiasView.plot": (tr("Probe results"), tr("For each filled-in prompt, the probability of each target "
                                                  "word as the next token")),
        "BiasView.table": (tr("Probe table"), tr("The probabilities behind the chart, one row per prompt")),
        "ComputeView.model_table": ("", tr("This model's parameters, training tokens and compute")),
        "ComputeView.published": ("", tr("Published models; click a row to put it on the sliders")),
        # training tabs
        "DistributionView.plot": (tr("{section}: next-token probabilities"), tr(
            "The model's next-token probabilities for the prompt")),
        "WorksheetDialog.view": (tr("Worksheet preview"), tr("The chosen worksheet as it will be printed")),
        "SamplesView": (tr("Samples"), tr("What the model writes from the sample prompt every few steps")),
    }


@lru_cache(maxsize=1)
def tab_tips() -> dict[str, str]:
    """Tool tips for tabs (a tab's description), by the tab's text."""
    return {
        tr("Samples"): tr("What the model writes every few steps"),
        tr("Checkpoints"): tr("The saved checkpoints of this run, to open in the explorer"),
        tr("Past runs"): tr("Earlier runs: show, resume or delete them"),
        tr("Classify sentences (sentiment)"): tr("Teach a trained model to label sentences"),
        tr("Continue training on your own text"): tr("Train a model further so that it writes like your text"),
        tr("Heatmap"): tr("The selected head's attention weights as a heatmap"),
        tr("Lines"): tr("The selected head's attention weights as lines between tokens"),
        tr("Before / after"): tr("The next token and the logit lens with and without the switched-off parts"),
        tr("Compute"): tr("How much computation training a model takes"),
        tr("Bias"): tr("Probe the model for differences between words in one slot"),
        tr("Interpretability"): tr("A worked example: what is this head doing?"),
    }


def hand_text(widget, key: str) -> tuple[str, str] | None:
    """The hand-written (name, description) for `widget`, kept under `key` (see access.owner_key)."""
    return texts().get(key) or texts().get(type(widget).__name__)
