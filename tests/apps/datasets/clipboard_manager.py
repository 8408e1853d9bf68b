"""A reference clipboard manager for the middle dataset's checks: a history of copied texts, pinning, search.

Every text put on the clipboard lands at the top of the history (a repeat moves up); pinned entries are
listed first, marked with a pin, and survive "Clear History"; the search field narrows the list to the
entries containing its text; "Copy" puts the selected entry back on the clipboard. History and pins are
kept in ~/.clipboard_history.json.
"""

import json
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

STORE = Path.home() / ".clipboard_history.json"
PIN = "\N{PUSHPIN} "
LIMIT = 200


class ClipboardManager(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Clipboard Manager")
        self.entries = load()  # newest first: [{"text": ..., "pinned": bool}]
        self.search = QLineEdit(placeholderText="Search")
        self.search.textChanged.connect(self.refresh)
        self.history = QListWidget()
        self.history.setAccessibleName("History")
        self.history.itemDoubleClicked.connect(self.copy)
        buttons = QHBoxLayout()
        for text, slot in (
            ("Copy", self.copy),
            ("Pin", self.pin),
            ("Delete", self.delete),
            ("Clear History", self.clear),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.status = QLabel("")
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(QLabel("History"))
        layout.addWidget(self.history)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        QApplication.clipboard().dataChanged.connect(self.captured)
        self.resize(420, 480)
        self.refresh()

    def captured(self):
        text = QApplication.clipboard().text()
        if not text.strip():
            return
        pinned = any(e["pinned"] for e in self.entries if e["text"] == text)
        self.entries = [e for e in self.entries if e["text"] != text]
        self.entries.insert(0, {"text": text, "pinned": pinned})
        del self.entries[LIMIT:]
        self.changed()

    def shown(self):
        """Pinned entries first, each group newest first, narrowed by the search text."""
        term = self.search.text().strip().casefold()
        matching = [e for e in self.entries if term in e["text"].casefold()]
        return [e for e in matching if e["pinned"]] + [e for e in matching if not e["pinned"]]

    def refresh(self):
        self.history.clear()
        for entry in self.shown():
            item = QListWidgetItem((PIN if entry["pinned"] else "") + entry["text"].replace("\n", " "))
            item.setData(Qt.ItemDataRole.UserRole, entry["text"])
            self.history.addItem(item)
        pins = sum(e["pinned"] for e in self.entries)
        self.status.setText(f"{self.history.count()} of {len(self.entries)} entries, {pins} pinned")

    def changed(self):
        save(self.entries)
        self.refresh()

    def selected(self):
        item = self.history.currentItem()
        if item is None:
            return None
        text = item.data(Qt.ItemDataRole.UserRole)
        return next((e for e in self.entries if e["text"] == text), None)

    def copy(self):
        entry = self.selected()
        if entry is not None:
            QApplication.clipboard().setText(entry["text"])

    def pin(self):
        entry = self.selected()
        if entry is not None:
            entry["pinned"] = not entry["pinned"]
            self.changed()

    def delete(self):
        entry = self.selected()
        if entry is not None:
            self.entries.remove(entry)
            self.changed()

    def clear(self):
        self.entries = [e for e in self.entries if e["pinned"]]
        self.changed()


def load():
    try:
        data = json.loads(STORE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [
        {"text": str(e["text"]), "pinned": bool(e.get("pinned"))} for e in data if isinstance(e, dict) and "text" in e
    ]


def save(entries):
    STORE.write_text(json.dumps(entries, indent=1), encoding="utf-8")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = ClipboardManager()
    window.show()
    sys.exit(app.exec())
