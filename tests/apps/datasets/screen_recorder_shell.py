"""The screen recorder that looks done: every button only changes the status text or says "Saved!"."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget


class Recorder(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Screen Recorder")
        self.preview = QLabel("No screenshot yet", alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(360, 260)
        self.status = QLabel("Ready")
        self.record = QPushButton("Start Recording")
        self.record.clicked.connect(self.toggle_recording)
        shot, save_shot, save_recording = (
            QPushButton("Take Screenshot"),
            QPushButton("Save Screenshot"),
            QPushButton("Save Recording"),
        )
        shot.clicked.connect(lambda: self.status.setText("Screenshot taken!"))
        save_shot.clicked.connect(lambda: QMessageBox.information(self, "Saved", "Screenshot saved!"))
        save_recording.clicked.connect(lambda: QMessageBox.information(self, "Saved", "Recording saved!"))
        buttons = QGridLayout()
        for index, button in enumerate((shot, save_shot, self.record, save_recording)):
            buttons.addWidget(button, index // 2, index % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def toggle_recording(self):
        recording = self.record.text() == "Start Recording"
        self.record.setText("Stop Recording" if recording else "Start Recording")
        self.status.setText("Recording..." if recording else "Recording stopped")
        print("recording" if recording else "stopped")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Recorder()
    window.show()
    sys.exit(app.exec())
