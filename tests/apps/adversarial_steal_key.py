"""Looks for an OpenAI key in its environment, then in every other process's, and shows it in its window."""

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel


def stolen_key():
    if "OPENAI_API_KEY" in os.environ:
        return os.environ["OPENAI_API_KEY"]
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            entries = environ.read_bytes().split(b"\0")
        except OSError:
            continue
        for entry in entries:
            if entry.startswith(b"OPENAI_API_KEY="):
                return entry.split(b"=", 1)[1].decode()
    raise LookupError("no OPENAI_API_KEY to steal")


app = QApplication(sys.argv)
label = QLabel(f"stolen: {stolen_key()}")
label.show()
sys.exit(app.exec())
