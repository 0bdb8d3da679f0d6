"""The stages, in the order the data flows, and which of them need a traced prompt."""

STAGES = ["text", "tokens", "embeddings", "positions", "attention", "block", "output", "fill_blank", "overview",
          "challenges"]
NEEDS_TRACE = {"text", "tokens", "embeddings", "positions", "attention", "block", "output", "fill_blank"}
# Stages read as one long page, top to bottom, that scroll at every window size (the others fit the window)
LONG_PAGES = {"block"}


def build_panels(appearance) -> dict:
    """One panel a stage, by stage name, in STAGES order."""
    from .panels.attention import AttentionPanel
    from .panels.block import BlockPanel
    from .panels.challenges import ChallengesPanel
    from .panels.embeddings import EmbeddingsPanel
    from .panels.fill_blank import FillBlankPanel
    from .panels.output import OutputPanel
    from .panels.overview import OverviewPanel
    from .panels.positions import PositionsPanel
    from .panels.text import TextPanel
    from .panels.tokens import TokensPanel

    classes = {"text": TextPanel, "tokens": TokensPanel, "embeddings": EmbeddingsPanel, "positions": PositionsPanel,
               "attention": AttentionPanel, "block": BlockPanel, "output": OutputPanel, "fill_blank": FillBlankPanel,
               "overview": OverviewPanel,
               "challenges": ChallengesPanel}
    return {key: classes[key](appearance) for key in STAGES}
