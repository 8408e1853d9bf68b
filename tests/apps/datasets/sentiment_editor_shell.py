"""The sentiment editor a weak model fakes: the text box, the legend and a mood score that never moves."""

import sys

from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class Editor(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Sentiment Editor")
        self.resize(700, 480)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("Type your text here")
        self.text.setStyleSheet("QPlainTextEdit { background: white; color: #202020; font-size: 15px; }")
        self.text.textChanged.connect(self.analyze)
        self.score = QLabel("0.00 Neutral")
        self.score.setStyleSheet("font-weight: bold;")
        row = QHBoxLayout()
        row.addWidget(QLabel("Mood score:"))
        row.addWidget(self.score)
        row.addStretch()
        row.addWidget(QLabel("Sentences: green = positive, red = negative, plain = neutral"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(row)

    def analyze(self):
        # TODO: run the sentiment model on each sentence and colour it
        print("analyzing", len(self.text.toPlainText()), "characters")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    editor = Editor()
    editor.show()
    sys.exit(app.exec())
