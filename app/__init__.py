"""LM Anatomy's explorer window (PySide6 + pyqtgraph).

The GUI observes the engine in `model/`; it imports torch and the model lazily, off the GUI
thread (see app/engine.py), so `import app.main_window` stays light and the window shows at once.
"""

__version__ = "0.1.0"  # kept equal to pyproject.toml's version (tests/test_selftest.py checks)
