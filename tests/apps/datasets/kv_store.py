"""A reference Redis-like store for the dataset's checks: strings, lists and hashes in memory, key expiry,
a command console with redis-cli style replies, and an admin table to browse, edit and delete keys."""

import fnmatch
import json
import shlex
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class StoreError(Exception):
    pass


class Store:
    """The data: key -> str, list or dict; key -> the monotonic time it expires at."""

    def __init__(self):
        self.data, self.expires = {}, {}

    def purge(self):
        now = time.monotonic()
        gone = [k for k, t in self.expires.items() if t <= now]
        for key in gone:
            self.data.pop(key, None)
            self.expires.pop(key, None)
        return gone

    def get(self, key, kind):
        self.purge()
        value = self.data.get(key)
        if value is not None and not isinstance(value, kind):
            raise StoreError("WRONGTYPE Operation against a key holding the wrong kind of value")
        return value

    def delete(self, key):
        self.expires.pop(key, None)
        return self.data.pop(key, None) is not None

    def run(self, words):
        name, args = words[0].upper(), words[1:]
        handler = getattr(self, "cmd_" + name.lower(), None)
        if handler is None:
            raise StoreError(f"ERR unknown command '{words[0]}'")
        try:
            return handler(*args)
        except TypeError:
            raise StoreError(f"ERR wrong number of arguments for '{name.lower()}' command") from None

    def cmd_set(self, key, value, *options):
        self.delete(key)
        self.data[key] = value
        if len(options) == 2 and options[0].upper() == "EX":
            self.expires[key] = time.monotonic() + float(options[1])
        return "OK"

    def cmd_get(self, key):
        return self.get(key, str)

    def cmd_incr(self, key):
        value = self.get(key, str) or "0"
        if not value.lstrip("-").isdigit():
            raise StoreError("ERR value is not an integer or out of range")
        self.data[key] = str(int(value) + 1)
        return int(self.data[key])

    def cmd_del(self, *keys):
        self.purge()
        return sum(self.delete(k) for k in keys)

    def cmd_exists(self, *keys):
        self.purge()
        return sum(k in self.data for k in keys)

    def cmd_keys(self, pattern="*"):
        self.purge()
        return sorted(k for k in self.data if fnmatch.fnmatchcase(k, pattern))

    def cmd_type(self, key):
        self.purge()
        return {str: "string", list: "list", dict: "hash"}.get(type(self.data.get(key)), "none")

    def cmd_expire(self, key, seconds):
        self.purge()
        if key not in self.data:
            return 0
        self.expires[key] = time.monotonic() + float(seconds)
        return 1

    def cmd_ttl(self, key):
        self.purge()
        if key not in self.data:
            return -2
        return round(self.expires[key] - time.monotonic()) if key in self.expires else -1

    def push(self, key, values, left):
        items = self.get(key, list)
        if items is None:
            items = self.data[key] = []
        for value in values:
            items.insert(0, value) if left else items.append(value)
        return len(items)

    def cmd_lpush(self, key, *values):
        return self.push(key, values, left=True)

    def cmd_rpush(self, key, *values):
        return self.push(key, values, left=False)

    def pop(self, key, index):
        items = self.get(key, list)
        if not items:
            return None
        value = items.pop(index)
        if not items:
            self.delete(key)
        return value

    def cmd_lpop(self, key):
        return self.pop(key, 0)

    def cmd_rpop(self, key):
        return self.pop(key, -1)

    def cmd_llen(self, key):
        return len(self.get(key, list) or [])

    def cmd_lrange(self, key, start, stop):
        items, stop = self.get(key, list) or [], int(stop)
        return items[int(start) : None if stop == -1 else stop + 1]

    def cmd_hset(self, key, *pairs):
        if not pairs or len(pairs) % 2:
            raise TypeError
        fields = self.get(key, dict)
        if fields is None:
            fields = self.data[key] = {}
        added = sum(f not in fields for f in pairs[::2])
        fields.update(zip(pairs[::2], pairs[1::2], strict=False))
        return added

    def cmd_hget(self, key, field):
        return (self.get(key, dict) or {}).get(field)

    def cmd_hlen(self, key):
        return len(self.get(key, dict) or {})

    def cmd_hgetall(self, key):
        return [x for pair in (self.get(key, dict) or {}).items() for x in pair]


def reply(value):
    """A reply as redis-cli prints it."""
    if value is None:
        return "(nil)"
    if isinstance(value, int):
        return f"(integer) {value}"
    if isinstance(value, list):
        return "\n".join(f'{i}) "{v}"' for i, v in enumerate(value, 1)) or "(empty array)"
    return value if value == "OK" else f'"{value}"'


class Admin(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("KV Store")
        self.store = Store()
        self.output = QPlainTextEdit(readOnly=True)
        self.output.setAccessibleName("Console")
        self.command = QLineEdit(placeholderText="Command")
        self.command.returnPressed.connect(self.execute)
        console = QGroupBox("Console")
        box = QVBoxLayout(console)
        box.addWidget(self.output)
        box.addWidget(self.command)
        self.keys = QTableWidget(0, 3)
        self.keys.setAccessibleName("Keys")
        self.keys.setHorizontalHeaderLabels(["Key", "Type", "TTL"])
        self.keys.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.keys.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.keys.itemSelectionChanged.connect(self.show_key)
        self.value = QPlainTextEdit()
        self.value.setAccessibleName("Value")
        save, delete = QPushButton("Save"), QPushButton("Delete")
        save.clicked.connect(self.save)
        delete.clicked.connect(self.delete)
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addWidget(delete)
        admin = QVBoxLayout()
        admin.addWidget(QLabel("Keys"))
        admin.addWidget(self.keys)
        admin.addWidget(QLabel("Value (lists and hashes as JSON)"))
        admin.addWidget(self.value)
        admin.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(console, 1)
        layout.addLayout(admin, 1)
        self.sweeper = QTimer(self, interval=250)
        self.sweeper.timeout.connect(lambda: self.store.purge() and self.refresh())
        self.sweeper.start()

    def execute(self):
        line = self.command.text().strip()
        self.command.clear()
        if not line:
            return
        try:
            answer = reply(self.store.run(shlex.split(line)))
        except (StoreError, ValueError) as exc:
            answer = f"(error) {exc}"
        self.output.appendPlainText(f"> {line}\n{answer}")
        self.refresh()

    def selected_key(self):
        rows = self.keys.selectionModel().selectedRows()
        return self.keys.item(rows[0].row(), 0).text() if rows else None

    def refresh(self):
        chosen = self.selected_key()
        keys = self.store.cmd_keys()
        self.keys.blockSignals(True)
        self.keys.setRowCount(len(keys))
        for row, key in enumerate(keys):
            ttl = self.store.cmd_ttl(key)
            for column, text in enumerate((key, self.store.cmd_type(key), "-" if ttl < 0 else f"{ttl} s")):
                self.keys.setItem(row, column, QTableWidgetItem(text))
            if key == chosen:
                self.keys.selectRow(row)
        self.keys.blockSignals(False)
        if chosen not in keys:
            self.value.clear()

    def show_key(self):
        key = self.selected_key()
        value = self.store.data.get(key) if key else None
        self.value.setPlainText(value if isinstance(value, str) else json.dumps(value) if value else "")

    def save(self):
        key = self.selected_key()
        if key not in self.store.data:
            return
        old, text = self.store.data[key], self.value.toPlainText()
        try:
            new = text if isinstance(old, str) else json.loads(text)
        except json.JSONDecodeError as exc:
            new = exc
        if not isinstance(new, type(old)):
            QMessageBox.warning(self, "Save", f"Not a valid {self.store.cmd_type(key)} (lists and hashes are JSON).")
            return
        if isinstance(new, list):
            new = [str(v) for v in new]
        elif isinstance(new, dict):
            new = {str(f): str(v) for f, v in new.items()}
        self.store.data[key] = new
        self.refresh()

    def delete(self):
        key = self.selected_key()
        if key is not None:
            self.store.delete(key)
            self.refresh()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Admin()
    window.show()
    sys.exit(app.exec())
