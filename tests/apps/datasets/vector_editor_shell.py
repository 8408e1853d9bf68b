"""A vector editor that only looks like one: tool and layer buttons that print, exports that say "Exported!"."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class Editor(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Vector Editor")
        canvas = QFrame()
        canvas.setMinimumSize(480, 360)
        canvas.setStyleSheet("background: white")
        self.layers = QListWidget()
        self.layers.setAccessibleName("Layers")
        self.layers.addItem("Layer 1")
        tools = QHBoxLayout()
        for kind in ("Rectangle", "Ellipse", "Line"):
            button = QPushButton(kind)
            button.clicked.connect(lambda _=False, k=kind: print("selected tool", k))
            tools.addWidget(button)
        for text in ("Export SVG", "Export PNG"):
            button = QPushButton(text)
            button.clicked.connect(self.export)
            tools.addWidget(button)
        side = QVBoxLayout()
        side.addWidget(QLabel("Layers"))
        side.addWidget(self.layers)
        for text in ("Add Layer", "Delete Layer"):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, t=text: print(t))
            side.addWidget(button)
        body = QHBoxLayout()
        body.addWidget(canvas, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addLayout(body)

    def export(self):
        # TODO: implement export
        QMessageBox.information(self, "Export", "Exported!")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    editor = Editor()
    editor.show()
    sys.exit(app.exec())
