"""A reference music player: scans a folder (and its subfolders) for audio files, reads artist and title from
"Artist - Title" names (and RIFF INFO tags in WAV files), sorts the library by artist, album, genre or title,
plays with next/previous, shuffle and repeat, and keeps playlists that can be saved as M3U."""

import os
import random
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

try:
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
except ImportError:  # a PySide6 build without QtMultimedia: everything but the sound itself still works
    QMediaPlayer = None

AUDIO = {".wav", ".mp3", ".flac", ".ogg", ".m4a", ".aac", ".opus"}
COLUMNS = ("Title", "Artist", "Album", "Genre")
INFO_TAGS = {b"INAM": "Title", b"IART": "Artist", b"IPRD": "Album", b"IGNR": "Genre"}


def wav_tags(path):
    """Tags from a WAV file's LIST/INFO chunk, if it has one."""
    found = {}
    try:
        data = path.read_bytes()[:1_000_000]
    except OSError:
        return found
    at = data.find(b"LIST")
    if at < 0 or data[at + 8 : at + 12] != b"INFO":
        return found
    end = at + 8 + struct.unpack("<I", data[at + 4 : at + 8])[0]
    pos = at + 12
    while pos + 8 <= min(end, len(data)):
        key, size = data[pos : pos + 4], struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        if key in INFO_TAGS:
            found[INFO_TAGS[key]] = data[pos + 8 : pos + 8 + size].split(b"\0")[0].decode("latin-1").strip()
        pos += 8 + size + (size & 1)
    return found


def track_for(path, root):
    stem = path.stem
    artist, title = stem.split(" - ", 1) if " - " in stem else ("Unknown Artist", stem)
    album = path.parent.name if path.parent != root else "Unknown Album"
    track = {"Title": title.strip(), "Artist": artist.strip(), "Album": album, "Genre": "Unknown", "path": path}
    if path.suffix.lower() == ".wav":
        track.update({k: v for k, v in wav_tags(path).items() if v})
    return track


class Player(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Music Player")
        self.tracks, self.playing = [], None
        self.playlists = {"My playlist": []}
        scan = QPushButton("Scan folder")
        scan.clicked.connect(self.scan)
        self.sort = QComboBox()
        self.sort.addItems(["Artist", "Album", "Genre", "Title"])
        self.sort.currentTextChanged.connect(self.show_library)
        top = QHBoxLayout()
        for widget in (scan, QLabel("Sort by"), self.sort):
            top.addWidget(widget)
        top.addStretch()
        self.library = QTableWidget(0, len(COLUMNS))
        self.library.setHorizontalHeaderLabels(COLUMNS)
        self.library.setAccessibleName("Library")
        self.library.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.library.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.library.doubleClicked.connect(lambda index: self.play(index.row()))
        controls = QHBoxLayout()
        for text, slot in (
            ("Previous", lambda: self.step(-1)),
            ("Play", lambda: self.play()),
            ("Stop", self.stop),
            ("Next", lambda: self.step(1)),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            controls.addWidget(button)
        self.shuffle, self.repeat = QPushButton("Shuffle"), QPushButton("Repeat")
        for button in (self.shuffle, self.repeat):
            button.setCheckable(True)
            controls.addWidget(button)
        self.now = QLabel("Now playing: nothing")
        side = QVBoxLayout()
        self.lists = QComboBox()
        self.lists.addItems(self.playlists)
        self.lists.currentTextChanged.connect(self.show_playlist)
        self.playlist = QListWidget()
        self.playlist.setAccessibleName("Playlist")
        self.name = QLineEdit(placeholderText="Playlist name")
        side.addWidget(QLabel("Playlists"))
        side.addWidget(self.lists)
        side.addWidget(self.name)
        side.addWidget(self.playlist)
        for text, slot in (
            ("New playlist", self.new_playlist),
            ("Add to playlist", self.add_to_playlist),
            ("Save playlist", self.save_playlist),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            side.addWidget(button)
        body = QHBoxLayout()
        body.addWidget(self.library, 3)
        body.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body)
        layout.addLayout(controls)
        layout.addWidget(self.now)
        self.player = None
        if QMediaPlayer is not None:
            self.player, self.output = QMediaPlayer(self), QAudioOutput(self)
            self.player.setAudioOutput(self.output)
            self.player.mediaStatusChanged.connect(
                lambda status: self.step(1) if status == QMediaPlayer.MediaStatus.EndOfMedia else None
            )

    def scan(self):
        folder = QFileDialog.getExistingDirectory(self, "Choose a music folder")
        if not folder:
            return
        root, known = Path(folder), {t["path"] for t in self.tracks}
        for base, _, names in os.walk(root):
            for name in sorted(names):
                path = Path(base) / name
                if path.suffix.lower() in AUDIO and path not in known:
                    self.tracks.append(track_for(path, root))
        self.show_library()
        self.now.setText(f"{len(self.tracks)} tracks in the library. Now playing: nothing")

    def show_library(self):
        key = self.sort.currentText()
        self.tracks.sort(key=lambda t: tuple(t[k].casefold() for k in (key, "Artist", "Album", "Title")))
        self.library.setRowCount(len(self.tracks))
        for row, track in enumerate(self.tracks):
            for column, name in enumerate(COLUMNS):
                self.library.setItem(row, column, QTableWidgetItem(track[name]))

    def play(self, row=None):
        if not self.tracks:
            self.now.setText("Scan a folder first.")
            return
        if not isinstance(row, int):
            row = max(self.library.currentRow(), 0)
        track = self.playing = self.tracks[row]
        self.library.selectRow(row)
        self.now.setText(f"Now playing: {track['Artist']} - {track['Title']}")
        if self.player is not None:
            self.player.setSource(QUrl.fromLocalFile(str(track["path"])))
            self.player.play()

    def stop(self):
        if self.player is not None:
            self.player.stop()
        self.playing = None
        self.now.setText("Stopped")

    def step(self, direction):
        if self.playing is None or not self.tracks:
            self.play()
            return
        here = self.tracks.index(self.playing)
        if self.shuffle.isChecked() and len(self.tracks) > 1:
            self.play(random.choice([i for i in range(len(self.tracks)) if i != here]))
            return
        following = here + direction
        if 0 <= following < len(self.tracks):
            self.play(following)
        elif self.repeat.isChecked():
            self.play(following % len(self.tracks))
        else:
            self.stop()

    def new_playlist(self):
        name = self.name.text().strip()
        if name and name not in self.playlists:
            self.playlists[name] = []
            self.lists.addItem(name)
        if name:
            self.lists.setCurrentText(name)
            self.name.clear()

    def add_to_playlist(self):
        rows = sorted({index.row() for index in self.library.selectedIndexes()})
        for row in rows:
            self.playlists[self.lists.currentText()].append(self.tracks[row])
        self.show_playlist()

    def show_playlist(self):
        self.playlist.clear()
        for track in self.playlists.get(self.lists.currentText(), []):
            self.playlist.addItem(f"{track['Artist']} - {track['Title']}")

    def save_playlist(self):
        name = self.lists.currentText()
        path, _ = QFileDialog.getSaveFileName(self, "Save playlist", f"{name}.m3u", "Playlists (*.m3u)")
        if not path:
            return
        lines = ["#EXTM3U"]
        for track in self.playlists[name]:
            lines += [f"#EXTINF:-1,{track['Artist']} - {track['Title']}", str(track["path"])]
        Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Player()
    window.resize(900, 500)
    window.show()
    sys.exit(app.exec())
