"""A fake torrent client: the tables and buttons, but Open only pretends to add the torrent."""

import sys
from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)


class Client(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Torrent Client")
        self.resize(820, 520)
        table = QTableWidget(0, 4)
        table.setHorizontalHeaderLabels(["Name", "Size", "Progress", "Status"])
        files = QTableWidget(0, 2)
        files.setHorizontalHeaderLabels(["File", "Size"])
        tabs = QTabWidget()
        tabs.addTab(files, "Files")
        buttons = QHBoxLayout()
        for label, handler in (("Open Torrent", self.open), ("Start", self.start), ("Pause", self.start)):
            button = QPushButton(label)
            button.clicked.connect(handler)
            buttons.addWidget(button)
        layout = QVBoxLayout()
        layout.addLayout(buttons)
        layout.addWidget(table)
        layout.addWidget(tabs)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)

    def open(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open torrent", "", "Torrents (*.torrent)")
        if path:
            self.statusBar().showMessage(f"Added {Path(path).name}")  # TODO: parse the torrent

    def start(self):
        self.statusBar().showMessage("Downloading...")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    client = Client()
    client.show()
    sys.exit(app.exec())
