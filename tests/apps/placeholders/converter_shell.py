import sys
import time

from PySide6.QtWidgets import QApplication, QMessageBox, QProgressBar, QPushButton, QVBoxLayout, QWidget


class Converter(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Video Converter")
        layout = QVBoxLayout(self)
        self.progress = QProgressBar()
        layout.addWidget(self.progress)
        button = QPushButton("Convert")
        button.clicked.connect(self.convert)
        layout.addWidget(button)
        load = QPushButton("Load OBJ")
        load.clicked.connect(self.load_model)
        layout.addWidget(load)

    def convert(self):
        # Simulate conversion process
        for i in range(101):
            self.progress.setValue(i)
            time.sleep(0.001)
        QMessageBox.information(self, "Done", "Video converted")

    def load_model(self):
        pass

    def export(self):
        raise NotImplementedError


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Converter()
    window.show()
    sys.exit(app.exec())
