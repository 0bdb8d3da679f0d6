"""The Explore tab: the session (model, trace, decoding), the engine it runs on a worker, the stages."""
