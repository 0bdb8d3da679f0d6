"""The stages, in the order the data flows, and which of them need a traced prompt."""

STAGES = ["text", "tokens", "embeddings", "positions", "attention", "output", "overview"]
NEEDS_TRACE = {"text", "tokens", "embeddings", "positions", "attention", "output"}
