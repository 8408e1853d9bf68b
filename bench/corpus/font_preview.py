"""Preview a sentence in any installed font, size and style."""

import sys

from PySide6.QtCore import Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QFontComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

PANGRAMS = [
    "The quick brown fox jumps over the lazy dog.",
    "Pack my box with five dozen liquor jugs.",
    "Sphinx of black quartz, judge my vow.",
]


class FontPreview(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Font Preview")
        self.resize(600, 360)
        self.pangram = 0

        self.family = QFontComboBox()
        self.family.currentFontChanged.connect(self.on_family)
        self.point_size = QSpinBox()
        self.point_size.setRange(6, 96)
        self.point_size.setValue(18)
        self.point_size.valueChanged.connect(self.on_size)
        self.bold = QPushButton("B")
        self.bold.setCheckable(True)
        self.bold.toggled.connect(self.on_bold)
        self.italic = QPushButton("I")
        self.italic.setCheckable(True)
        self.italic.toggled.connect(self.on_italic)
        cycle = QPushButton("Another sentence")
        cycle.clicked.connect(self.on_cycle)

        self.sample = QLineEdit(PANGRAMS[0])
        self.sample.returnPressed.connect(self.on_sample)
        self.preview = QTextEdit()
        self.preview.setReadOnly(True)

        tools = QHBoxLayout()
        for widget in (self.family, self.point_size, self.bold, self.italic, cycle):
            tools.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.sample)
        layout.addWidget(self.preview)
        self.refresh_preview()

    def refresh_preview(self):
        font = QFont(self.family.currentFont())
        font.setPointSize(self.point_size.value())
        font.setBold(self.bold.isChecked())
        font.setItalic(self.italic.isChecked())
        self.preview.setFont(font)
        self.preview.setPlainText(self.sample.text())

    @Slot(QFont)
    def on_family(self, font):
        self.refresh_preview()

    @Slot(int)
    def on_size(self, size):
        self.refresh_preview()

    @Slot(bool)
    def on_bold(self, on):
        self.refresh_preview()

    @Slot(bool)
    def on_italic(self, on):
        self.refresh_preview()

    @Slot()
    def on_cycle(self):
        self.pangram = (self.pangram + 1) % len(PANGRAMS)
        self.sample.setText(PANGRAMS[self.pangram])
        self.refresh_preview()

    @Slot()
    def on_sample(self):
        if not self.sample.text().strip():
            self.sample.setText(PANGRAMS[self.pangram])
        self.refresh_preview()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = FontPreview()
    window.show()
    sys.exit(app.exec())
