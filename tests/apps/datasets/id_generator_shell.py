"""The ID generator a weak model fakes: the right controls, but Generate, Copy and Decode only print or say "done"."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


class Generator(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("ID Generator")
        self.kind = QComboBox()
        self.kind.addItems(["UUID v4", "UUID v1", "UUID v7", "Snowflake"])
        self.count = QSpinBox(minimum=1, maximum=10000, value=10)
        generate, copy, decode = QPushButton("Generate"), QPushButton("Copy"), QPushButton("Decode")
        generate.clicked.connect(self.generate)
        copy.clicked.connect(lambda: self.status.setText("Copied to clipboard!"))
        decode.clicked.connect(self.decode)
        top = QHBoxLayout()
        for widget in (QLabel("Type"), self.kind, QLabel("Count"), self.count, generate, copy):
            top.addWidget(widget)
        self.results = QListWidget()
        self.pasted = QLineEdit(placeholderText="Paste an ID")
        bottom = QHBoxLayout()
        for widget in (QLabel("ID to decode"), self.pasted, decode):
            bottom.addWidget(widget)
        self.status = QLabel("Ready")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.results)
        layout.addLayout(bottom)
        layout.addWidget(self.status)

    def generate(self):
        # TODO: implement UUID v1/v4/v7 and Snowflake generation
        print("Generating", self.count.value(), self.kind.currentText())
        self.status.setText("Generated!")

    def decode(self):
        print("Decoding", self.pasted.text())
        self.status.setText("Decoded successfully")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Generator()
    window.show()
    sys.exit(app.exec())
