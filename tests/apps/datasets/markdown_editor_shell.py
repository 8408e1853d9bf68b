"""The Markdown editor that passed before requirements were checked: a text box, a label that never changes, Save."""

import sys

from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton, QTextEdit, QVBoxLayout, QWidget


class Editor(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Markdown Editor")
        self.text = QTextEdit()
        self.preview = QLabel("Preview")
        save = QPushButton("Save")
        save.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        for widget in (self.text, self.preview, save):
            layout.addWidget(widget)

    def save(self):
        path, _ = QFileDialog.getSaveFileName(self, "Save", "", "Markdown (*.md)")
        if path:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(self.text.toPlainText())


if __name__ == "__main__":
    app = QApplication(sys.argv)
    editor = Editor()
    editor.show()
    sys.exit(app.exec())
