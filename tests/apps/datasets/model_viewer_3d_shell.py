"""A 3D viewer that only looks like one: Open names the file and reads nothing, the viewport stays empty."""

import sys
from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class Viewer(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("3D Model Viewer")
        view = QFrame()
        view.setMinimumSize(420, 340)
        view.setStyleSheet("background: #20242c")
        self.info = QLabel("Open an OBJ or glTF model")
        controls = QHBoxLayout()
        for text in ("Open", "Rotate Left", "Rotate Right", "Tilt"):
            button = QPushButton(text)
            button.clicked.connect(self.open if text == "Open" else lambda _=False, t=text: print(t))
            controls.addWidget(button)
        lighting = QCheckBox("Lighting")
        lighting.setChecked(True)
        controls.addWidget(lighting)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(view, 1)
        layout.addWidget(self.info)

    def open(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open model", "", "3D models (*.obj *.gltf)")
        if path:
            self.info.setText(f"Loaded {Path(path).name}")  # rendering comes later


if __name__ == "__main__":
    app = QApplication(sys.argv)
    viewer = Viewer()
    viewer.show()
    sys.exit(app.exec())
