"""The video converter that looks done: Open names the file, Convert fills the progress bar and says
"Conversion complete!", and nothing is ever written."""

import sys
from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class Converter(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Video Converter")
        self.info = QLabel("No video opened")
        self.format = QComboBox()
        self.format.addItems(["MP4", "AVI", "MKV", "GIF"])
        self.progress = QProgressBar()
        open_button, convert = QPushButton("Open"), QPushButton("Convert")
        open_button.clicked.connect(self.open)
        convert.clicked.connect(self.convert)
        row = QHBoxLayout()
        row.addWidget(open_button)
        row.addWidget(self.info, 1)
        form = QFormLayout()
        form.addRow("Output format", self.format)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addWidget(convert)
        layout.addWidget(self.progress)

    def open(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open Video", "", "Videos (*.mp4 *.avi *.mkv *.y4m)")
        if path:
            self.info.setText(Path(path).name)

    def convert(self):
        self.progress.setValue(100)
        QMessageBox.information(self, "Done", f"Conversion to {self.format.currentText()} complete!")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Converter()
    window.show()
    sys.exit(app.exec())
