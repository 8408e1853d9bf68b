import sys

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton, QVBoxLayout, QWidget


class Recorder(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Screen Recorder")
        layout = QVBoxLayout(self)
        shot = QPushButton("Take Screenshot")
        shot.clicked.connect(self.take_screenshot)
        layout.addWidget(shot)
        record = QPushButton("Start Recording")
        record.clicked.connect(self.start_recording)
        layout.addWidget(record)

    def take_screenshot(self):
        # Implement screenshot capturing logic here
        # For simplicity, we'll just display a message box
        file_path, _ = QFileDialog.getSaveFileName(self, "Save Screenshot", "", "PNG (*.png)")
        if file_path:
            QMessageBox.information(self, "Screenshot", f"Screenshot saved to {file_path}")

    def start_recording(self):
        QMessageBox.information(self, "Recording", "Recording started (simulated)")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Recorder()
    window.show()
    sys.exit(app.exec())
