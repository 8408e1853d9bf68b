"""The music player a weak model fakes: library table, sort box, playlist panel and transport buttons are all
there, but scanning only asks for a folder and prints it, and the buttons only print or set a status text."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)


class Player(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Music Player")
        scan = QPushButton("Scan folder")
        scan.clicked.connect(lambda: print("scanning", QFileDialog.getExistingDirectory(self, "Music folder")))
        sort = QComboBox()
        sort.addItems(["Artist", "Album", "Genre", "Title"])
        sort.currentTextChanged.connect(lambda key: print("sort by", key))
        top = QHBoxLayout()
        for widget in (scan, QLabel("Sort by"), sort):
            top.addWidget(widget)
        library = QTableWidget(0, 4)
        library.setHorizontalHeaderLabels(["Title", "Artist", "Album", "Genre"])
        side = QVBoxLayout()
        side.addWidget(QLabel("Playlists"))
        side.addWidget(QComboBox())
        side.addWidget(QLineEdit(placeholderText="Playlist name"))
        side.addWidget(QListWidget())
        controls = QHBoxLayout()
        self.now = QLabel("Now playing: nothing")
        for text in (
            "New playlist",
            "Add to playlist",
            "Save playlist",
            "Previous",
            "Play",
            "Stop",
            "Next",
            "Shuffle",
            "Repeat",
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, t=text: self.now.setText(f"{t}: done"))
            (side if "playlist" in text else controls).addWidget(button)
        body = QHBoxLayout()
        body.addWidget(library, 3)
        body.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body)
        layout.addLayout(controls)
        layout.addWidget(self.now)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Player()
    window.resize(900, 500)
    window.show()
    sys.exit(app.exec())
