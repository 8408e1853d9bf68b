"""A fake RAW photo editor: the photo opens, but the edit controls and Export only pretend."""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


class Editor(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("RAW Photo Editor")
        self.view = QLabel("Open a RAW photo or an image to begin")
        self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.setMinimumSize(480, 360)
        form = QFormLayout()
        form.addRow("Exposure", QDoubleSpinBox(minimum=-3, maximum=3, suffix=" EV"))
        form.addRow("Contrast", QSpinBox(minimum=-100, maximum=100))
        form.addRow("Temperature", QSpinBox(minimum=-100, maximum=100))
        buttons = QHBoxLayout()
        for text, handler in (("Open", self.open), ("Rotate", self.rotate), ("Export", self.export)):
            button = QPushButton(text)
            button.clicked.connect(handler)
            buttons.addWidget(button)
        panes = QHBoxLayout()
        panes.addWidget(self.view, 1)
        panes.addLayout(form)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(panes)

    def open(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open photo", str(Path.home()), "Photos (*.dng *.cr2 *.png *.jpg)")
        if path:
            self.view.setText(f"Loaded {Path(path).name}")  # TODO: decode and show the photo

    def rotate(self):
        print("rotate")  # TODO

    def export(self):
        QMessageBox.information(self, "Export", "Photo exported!")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    editor = Editor()
    editor.show()
    sys.exit(app.exec())
