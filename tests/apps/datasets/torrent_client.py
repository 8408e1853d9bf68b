"""A reference torrent client for the middle dataset's checks: opens .torrent files (a bencode reader of its
own), lists each torrent's name, size and files, works out its info hash, and announces it to the tracker
in the background to find peers (the peer-to-peer transfer itself is not part of this reference)."""

import hashlib
import sys
import threading
import urllib.parse
import urllib.request
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

PEER_ID = b"-AG0001-" + hashlib.sha1(b"aegis").digest()[:12]


def bdecode(data, at=0, spans=None):
    """One bencoded value from data[at:] -> (value, end). Records where the "info" dictionary lies in spans."""
    kind = data[at : at + 1]
    if kind == b"i":
        end = data.index(b"e", at)
        return int(data[at + 1 : end]), end + 1
    if kind in (b"l", b"d"):
        at, items = at + 1, []
        while data[at : at + 1] != b"e":
            start = at
            value, at = bdecode(data, at, spans)
            if kind == b"d" and len(items) % 2 == 1 and items[-1] == b"info" and spans is not None:
                spans["info"] = (start, at)
            items.append(value)
        if kind == b"l":
            return items, at + 1
        return dict(zip(items[::2], items[1::2], strict=True)), at + 1
    if kind.isdigit():
        colon = data.index(b":", at)
        length = int(data[at:colon])
        return data[colon + 1 : colon + 1 + length], colon + 1 + length
    raise ValueError(f"not bencode at byte {at}")


def text(value):
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def human(size):
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return ""


class Torrent:
    def __init__(self, path):
        raw, spans = Path(path).read_bytes(), {}
        meta, _ = bdecode(raw, 0, spans)
        info = meta[b"info"]
        self.name = text(info[b"name"])
        self.info_hash = hashlib.sha1(raw[slice(*spans["info"])]).hexdigest()
        self.tracker = text(meta.get(b"announce", b""))
        self.piece_length = info.get(b"piece length", 0)
        self.pieces = len(info.get(b"pieces", b"")) // 20
        if b"files" in info:
            self.files = [("/".join(text(p) for p in f[b"path"]), f[b"length"]) for f in info[b"files"]]
        else:
            self.files = [(self.name, info[b"length"])]
        self.size = sum(length for _, length in self.files)
        self.status = "Stopped"


class Announcer(QObject):
    """Asks the tracker for peers on a thread; the answer comes back on the GUI thread as a signal."""

    answered = Signal(object, str)

    def announce(self, torrent):
        threading.Thread(target=self.ask, args=(torrent,), daemon=True).start()

    def ask(self, torrent):
        query = urllib.parse.urlencode(
            {
                "info_hash": bytes.fromhex(torrent.info_hash),
                "peer_id": PEER_ID,
                "port": 6881,
                "uploaded": 0,
                "downloaded": 0,
                "left": torrent.size,
                "compact": 1,
                "event": "started",
            }
        )
        try:
            with urllib.request.urlopen(f"{torrent.tracker}?{query}", timeout=10) as reply:
                answer, _ = bdecode(reply.read())
            if b"failure reason" in answer:
                self.answered.emit(torrent, "Tracker refused: " + text(answer[b"failure reason"]))
            else:
                self.answered.emit(torrent, f"{len(answer.get(b'peers', b'')) // 6} peers found")
        except Exception as error:  # any network or tracker fault is the torrent's status, not a crash
            self.answered.emit(torrent, f"Tracker unreachable ({type(error).__name__})")


class Client(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Torrent Client")
        self.resize(820, 520)
        self.torrents = []
        self.announcer = Announcer()
        self.announcer.answered.connect(self.tracker_answered)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName("Torrents")
        self.table.setHorizontalHeaderLabels(["Name", "Size", "Progress", "Status"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self.show_details)
        self.files = QTableWidget(0, 2)
        self.files.setAccessibleName("Files")
        self.files.setHorizontalHeaderLabels(["File", "Size"])
        self.files.horizontalHeader().setStretchLastSection(True)
        self.info = {name: QLabel("-") for name in ("Info hash", "Tracker", "Pieces")}
        info_page = QWidget()
        form = QFormLayout(info_page)
        for name, label in self.info.items():
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(name, label)
        tabs = QTabWidget()
        tabs.addTab(self.files, "Files")
        tabs.addTab(info_page, "Info")
        buttons = QHBoxLayout()
        for label, handler in (
            ("Open Torrent", self.open),
            ("Start", self.start),
            ("Pause", self.pause),
            ("Remove", self.remove),
        ):
            button = QPushButton(label)
            button.clicked.connect(handler)
            buttons.addWidget(button)
        buttons.addStretch()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(tabs)
        layout = QVBoxLayout()
        layout.addLayout(buttons)
        layout.addWidget(splitter)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)

    def open(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open torrent", str(Path.home()), "Torrents (*.torrent)")
        if not path:
            return
        try:
            torrent = Torrent(path)
        except (OSError, ValueError, KeyError, IndexError, TypeError) as error:
            QMessageBox.warning(self, "Open torrent", f"{Path(path).name} is not a valid torrent file ({error}).")
            return
        self.torrents.append(torrent)
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate((torrent.name, human(torrent.size), "0%", torrent.status)):
            self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.selectRow(row)

    def current(self):
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def show_details(self):
        row = self.current()
        torrent = self.torrents[row] if row >= 0 else None
        self.files.setRowCount(0)
        for path, length in torrent.files if torrent else []:
            at = self.files.rowCount()
            self.files.insertRow(at)
            self.files.setItem(at, 0, QTableWidgetItem(path))
            self.files.setItem(at, 1, QTableWidgetItem(human(length)))
        self.info["Info hash"].setText(torrent.info_hash if torrent else "-")
        self.info["Tracker"].setText((torrent.tracker or "none") if torrent else "-")
        self.info["Pieces"].setText(f"{torrent.pieces} x {human(torrent.piece_length)}" if torrent else "-")

    def set_status(self, torrent, status):
        torrent.status = status
        if torrent in self.torrents:
            self.table.item(self.torrents.index(torrent), 3).setText(status)

    def start(self):
        row = self.current()
        if row < 0 or self.torrents[row].status == "Looking for peers...":
            return
        torrent = self.torrents[row]
        if torrent.tracker.startswith("http"):
            self.set_status(torrent, "Looking for peers...")
            self.announcer.announce(torrent)
        else:
            self.set_status(torrent, "No HTTP tracker")

    def pause(self):
        row = self.current()
        if row >= 0:
            self.set_status(self.torrents[row], "Paused")

    def tracker_answered(self, torrent, status):
        if torrent.status != "Paused":
            self.set_status(torrent, status)

    def remove(self):
        row = self.current()
        if row >= 0:
            self.torrents.pop(row)
            self.table.removeRow(row)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    client = Client()
    client.show()
    sys.exit(app.exec())
