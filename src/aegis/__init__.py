"""AEGIS: turn one sentence into a working, tested, packaged PySide6 desktop app."""

__version__ = "0.1.0"
