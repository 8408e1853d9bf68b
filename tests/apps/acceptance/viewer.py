import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

MODE = sys.argv[0].rsplit("/", 1)[-1]  # the file name: viewer_broken.py, viewer_nofilter.py


class W(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Viewer")
        self.resize(500, 400)
        self.label = QLabel("No image")
        self.label.setMinimumSize(300, 250)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        b = QPushButton("Open Image...")
        b.clicked.connect(self.open)
        lay = QVBoxLayout(self)
        lay.addWidget(self.label)
        lay.addWidget(b)

    def open(self):
        filt = "All files (*)" if "nofilter" in MODE else "Images (*.png *.jpg *.bmp)"
        path, _ = QFileDialog.getOpenFileName(self, "Choose", "", filt)
        if path and "broken" not in MODE:
            pm = QPixmap(path)
            self.label.setPixmap(
                pm.scaled(
                    self.label.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )


app = QApplication(sys.argv)
w = W()
w.show()
sys.exit(app.exec())
