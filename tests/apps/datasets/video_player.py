"""A reference video player for the middle dataset's checks: open any popular video format into a playlist,
play, pause, stop, seek and set the volume (through QtMultimedia's FFmpeg backend when PySide6-Addons is
installed; without it the player still opens and lists files and says that playback is unavailable)."""

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

try:  # QtMultimedia ships in PySide6-Addons
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
    from PySide6.QtMultimediaWidgets import QVideoWidget
except ImportError:
    QMediaPlayer = None

FORMATS = "mp4 m4v mkv webm avi mov wmv flv mpg mpeg ts m2ts 3gp ogv ogg"
VIDEO_FILTER = "Videos (" + " ".join(f"*.{suffix}" for suffix in FORMATS.split()) + ");;All files (*)"


def clock(milliseconds):
    seconds = max(0, milliseconds) // 1000
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class Player(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Video Player")
        self.resize(900, 520)
        self.paths = []
        self.now_playing = QLabel("No video open")
        self.time = QLabel("00:00 / 00:00")
        self.seek = QSlider(Qt.Orientation.Horizontal)
        self.seek.setAccessibleName("Position")
        self.volume = QSlider(Qt.Orientation.Horizontal, maximum=100, value=80)
        self.volume.setAccessibleName("Volume")
        self.volume.setMaximumWidth(120)
        self.playlist = QListWidget()
        self.playlist.setAccessibleName("Playlist")
        self.playlist.currentRowChanged.connect(self.load)
        if QMediaPlayer is not None:
            self.player, self.audio, self.video = QMediaPlayer(self), QAudioOutput(self), QVideoWidget()
            self.player.setAudioOutput(self.audio)
            self.player.setVideoOutput(self.video)
            self.player.positionChanged.connect(self.moved)
            self.player.durationChanged.connect(lambda length: self.seek.setMaximum(length))
            self.player.errorOccurred.connect(lambda _error, text: self.statusBar().showMessage(text))
            self.seek.sliderMoved.connect(self.player.setPosition)
            self.volume.valueChanged.connect(lambda value: self.audio.setVolume(value / 100))
            self.audio.setVolume(0.8)
        else:
            self.player = None
            self.video = QLabel("Playback needs QtMultimedia (pip install PySide6-Addons)")
            self.video.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.video.setMinimumSize(480, 270)
        self.video.setStyleSheet("background: black; color: white")
        controls = QHBoxLayout()
        for text, handler in (("Open", self.open), ("Play", self.play), ("Pause", self.pause), ("Stop", self.stop)):
            button = QPushButton(text)
            button.clicked.connect(handler)
            controls.addWidget(button)
        controls.addWidget(self.seek, 1)
        controls.addWidget(self.time)
        controls.addWidget(QLabel("Volume"))
        controls.addWidget(self.volume)
        splitter = QSplitter()
        splitter.addWidget(self.video)
        splitter.addWidget(self.playlist)
        splitter.setStretchFactor(0, 3)
        layout = QVBoxLayout()
        layout.addWidget(self.now_playing)
        layout.addWidget(splitter, 1)
        layout.addLayout(controls)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.menuBar().addMenu("&File").addAction("&Open...", self.open)

    def open(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open video", str(Path.home()), VIDEO_FILTER)
        if not path:
            return
        self.paths.append(path)
        self.playlist.addItem(Path(path).name)
        self.playlist.setCurrentRow(len(self.paths) - 1)  # loads it through currentRowChanged
        self.play()

    def load(self, row):
        if not 0 <= row < len(self.paths):
            return
        name = Path(self.paths[row]).name
        self.now_playing.setText(f"Now playing: {name}")
        self.setWindowTitle(f"{name} - Video Player")
        self.time.setText("00:00 / 00:00")
        self.statusBar().clearMessage()
        if self.player is not None:
            self.player.setSource(QUrl.fromLocalFile(self.paths[row]))

    def play(self):
        if self.player is not None and self.paths:
            self.player.play()
        elif self.paths:
            self.statusBar().showMessage("Cannot play: QtMultimedia is not installed")

    def pause(self):
        if self.player is not None:
            self.player.pause()

    def stop(self):
        if self.player is not None:
            self.player.stop()

    def moved(self, position):
        if not self.seek.isSliderDown():
            self.seek.setValue(position)
        self.time.setText(f"{clock(position)} / {clock(self.player.duration())}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Player()
    window.show()
    sys.exit(app.exec())
