"""Pieces both halves of the window share: appearance, plots, exports, the worker thread, pages."""
