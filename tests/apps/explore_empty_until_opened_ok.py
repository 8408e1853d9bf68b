import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QPixmap
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMainWindow, QScrollArea


class Viewer(QMainWindow):
    """An image viewer: nothing to show until the user opens a picture from the File menu."""

    def __init__(self):
        super().__init__()
        self.setWindowTitle("Viewer")
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area = QScrollArea()  # the picture goes in once there is one
        self.area.setWidgetResizable(True)
        self.setCentralWidget(self.area)
        opening = QAction("&Open...", self)
        opening.triggered.connect(self.open)
        self.menuBar().addMenu("&File").addAction(opening)
        self.resize(480, 360)

    def open(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open image", "", "Images (*.png *.jpg)")
        if path:
            self.picture.setPixmap(QPixmap(path))
            self.area.setWidget(self.picture)


app = QApplication(sys.argv)
viewer = Viewer()
viewer.show()
sys.exit(app.exec())
