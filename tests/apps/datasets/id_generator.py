"""A reference Snowflake and UUID generator: IDs in bulk (UUID v1, v4, v7, Twitter Snowflake), a decoder that
reads the timestamp inside a pasted ID, and copying the results to the clipboard."""

import os
import secrets
import sys
import threading
import time
import uuid
from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

KINDS = ("UUID v4", "UUID v1", "UUID v7", "Snowflake")
TWITTER_EPOCH_MS = 1288834974657
GREGORIAN_OFFSET = 0x01B21DD213814000
"""100-nanosecond intervals between 1582-10-15 (the UUID epoch) and 1970-01-01."""


class Snowflake:
    """Twitter-style 64-bit IDs: 41 bits of ms since the Twitter epoch, 5+5 bits of machine, 12 of sequence."""

    def __init__(self, datacenter=1, worker=1):
        self.machine = (datacenter << 5) | worker
        self.last_ms, self.sequence = -1, 0
        self.lock = threading.Lock()

    def next_id(self):
        with self.lock:
            now = int(time.time() * 1000)
            if now == self.last_ms:
                self.sequence = (self.sequence + 1) & 0xFFF
                if self.sequence == 0:
                    while now <= self.last_ms:
                        now = int(time.time() * 1000)
            else:
                self.sequence = 0
            self.last_ms = now
            return ((now - TWITTER_EPOCH_MS) << 22) | (self.machine << 12) | self.sequence


def uuid7():
    """48 bits of Unix milliseconds, version 7, 74 random bits with the RFC 9562 variant."""
    value = (int(time.time() * 1000) << 80) | (0x7 << 76) | (secrets.randbits(12) << 64)
    value |= (0b10 << 62) | secrets.randbits(62)
    return uuid.UUID(int=value)


def when(milliseconds):
    moment = datetime.fromtimestamp(milliseconds / 1000, tz=UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S.") + f"{moment.microsecond // 1000:03d} UTC"


def decode(text):
    """The kind of ID and the time inside it, in words; raises ValueError for something that is not an ID."""
    text = text.strip()
    if text.isdigit():
        value = int(text)
        if value >= 1 << 63:
            raise ValueError("too large for a Snowflake ID")
        machine, sequence = (value >> 12) & 0x3FF, value & 0xFFF
        stamp = when((value >> 22) + TWITTER_EPOCH_MS)
        return f"Snowflake · {stamp} · datacenter {machine >> 5}, worker {machine & 31}, sequence {sequence}"
    parsed = uuid.UUID(text)
    if parsed.version == 1:
        return f"UUID version 1 · {when((parsed.time - GREGORIAN_OFFSET) // 10000)}"
    if parsed.version == 7:
        return f"UUID version 7 · {when(parsed.int >> 80)}"
    return f"UUID version {parsed.version} · random, no timestamp inside"


class Generator(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("ID Generator")
        self.snowflake = Snowflake()
        self.kind = QComboBox()
        self.kind.addItems(KINDS)
        self.count = QSpinBox(minimum=1, maximum=10000, value=10)
        generate, copy = QPushButton("Generate"), QPushButton("Copy")
        generate.clicked.connect(self.generate)
        copy.clicked.connect(self.copy)
        top = QHBoxLayout()
        for widget in (QLabel("Type"), self.kind, QLabel("Count"), self.count, generate, copy):
            top.addWidget(widget)
        self.results = QListWidget()
        self.pasted = QLineEdit(placeholderText="Paste an ID")
        self.pasted.returnPressed.connect(self.decode)
        decode_button = QPushButton("Decode")
        decode_button.clicked.connect(self.decode)
        bottom = QHBoxLayout()
        for widget in (QLabel("ID to decode"), self.pasted, decode_button):
            bottom.addWidget(widget)
        self.decoded = QLabel("Paste a UUID or Snowflake ID and press Decode.")
        self.decoded.setWordWrap(True)
        self.status = QLabel("")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.results)
        layout.addLayout(bottom)
        layout.addWidget(self.decoded)
        layout.addWidget(self.status)
        self.resize(640, 420)

    def make_one(self, kind):
        if kind == "UUID v1":
            return str(uuid.uuid1(node=int.from_bytes(os.urandom(6), "big") | (1 << 40)))
        if kind == "UUID v7":
            return str(uuid7())
        if kind == "Snowflake":
            return str(self.snowflake.next_id())
        return str(uuid.uuid4())

    def generate(self):
        kind = self.kind.currentText()
        ids = [self.make_one(kind) for _ in range(self.count.value())]
        self.results.clear()
        self.results.addItems(ids)
        self.status.setText(f"Generated {len(ids)} {kind} IDs")

    def copy(self):
        chosen = [item.text() for item in self.results.selectedItems()]
        ids = chosen or [self.results.item(row).text() for row in range(self.results.count())]
        if ids:
            QApplication.clipboard().setText("\n".join(ids))
            self.status.setText(f"Copied {len(ids)} ID(s) to the clipboard")

    def decode(self):
        try:
            self.decoded.setText(decode(self.pasted.text()))
        except ValueError as exc:
            self.decoded.setText(f"Not a UUID or Snowflake ID ({exc})")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Generator()
    window.show()
    sys.exit(app.exec())
