"""One widget per stage. Each has `set_model(info)`, `render(trace)` and runs alone:
`python -m app.panels.<name>` opens it on a sample trace."""
