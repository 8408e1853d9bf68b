"""The hybrid image editor a weak model fakes: the same toolbar, canvas and layer list, but the buttons only
print and Export PNG only says "Exported!"; no shape, text or layer is ever made."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


class Canvas(QGraphicsView):
    def __init__(self):
        super().__init__()
        self.setScene(QGraphicsScene(0, 0, 640, 480))


class Editor(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Hybrid Image Editor")
        tools = QHBoxLayout()
        tools.addWidget(QPushButton("Brush", checkable=True))
        tools.addWidget(QLabel("Brush size:"))
        tools.addWidget(QSpinBox(value=8))
        for label in ("Add Rectangle", "Add Ellipse"):
            button = QPushButton(label)
            button.clicked.connect(lambda checked=False, name=label: print(name, "clicked"))
            tools.addWidget(button)
        tools.addWidget(QLineEdit(placeholderText="Text"))
        add_text = QPushButton("Add Text")
        add_text.clicked.connect(lambda: print("TODO: add a text layer"))
        tools.addWidget(add_text)
        export = QPushButton("Export PNG")
        export.clicked.connect(lambda: QMessageBox.information(self, "Export", "Exported!"))
        tools.addWidget(export)
        layers = QListWidget()
        layers.setAccessibleName("Layers")
        layers.addItem("Background")
        side = QVBoxLayout()
        side.addWidget(QLabel("Layers"))
        side.addWidget(layers)
        body = QHBoxLayout()
        body.addWidget(Canvas(), 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addLayout(body)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Editor()
    window.show()
    sys.exit(app.exec())
