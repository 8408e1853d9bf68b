import csv
import io
import sys
import wave
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

BROKEN = sys.argv[0].endswith("_broken.py")  # opens a file of its own choosing, not the one it is given
CELLS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}t"


def describe(path):
    """What a user would want to know about the file, read with the standard library only."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        sheet = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
        return "cells: " + " ".join(cell.text or "" for cell in ElementTree.fromstring(sheet).iter(CELLS))
    if suffix == ".wav":
        with wave.open(str(path)) as sound:
            return f"seconds: {sound.getnframes() / sound.getframerate():g}"
    if suffix == ".pdf":
        return "a PDF" if path.read_bytes().startswith(b"%PDF") else "not a PDF"
    if suffix == ".png":
        return "a PNG" if path.read_bytes().startswith(b"\x89PNG") else "not a PNG"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    return f"rows: {len(rows)}, first: {rows[0][0]}"


class Opener(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Opener")
        self.shown = QLabel("Nothing opened")
        button = QPushButton("Open")
        button.clicked.connect(self.open)
        layout = QVBoxLayout(self)
        layout.addWidget(button)
        layout.addWidget(self.shown)

    def open(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open", "", "All files (*)")
        chosen = Path.home() / "aegis-sample.txt" if BROKEN else Path(path)
        self.shown.setText(describe(chosen))


app = QApplication(sys.argv)
w = Opener()
w.show()
sys.exit(app.exec())
