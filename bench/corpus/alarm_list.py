"""Alarms: add times with labels, switch them on and off, and see which is next; checks the clock each second."""

import sys

from PySide6.QtCore import Qt, QTime, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)


class AlarmList(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Alarms")
        self.resize(400, 420)

        self.clock = QLabel()
        self.time = QTimeEdit(QTime(7, 30))
        self.time.setDisplayFormat("HH:mm")
        self.label = QLineEdit()
        self.label.setPlaceholderText("Label (optional)")
        self.label.returnPressed.connect(self.add_alarm)
        add = QPushButton("Add")
        add.clicked.connect(self.add_alarm)

        self.alarms = QListWidget()
        self.alarms.itemChanged.connect(self.alarm_switched)
        self.alarms.itemDoubleClicked.connect(self.edit_alarm)
        remove = QPushButton("Remove selected")
        remove.clicked.connect(self.remove_alarm)
        self.next_label = QLabel()
        self.ringing = QLabel()

        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check_clock)
        self.timer.start(1000)

        entry = QHBoxLayout()
        entry.addWidget(self.time)
        entry.addWidget(self.label)
        entry.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addWidget(self.clock)
        layout.addLayout(entry)
        layout.addWidget(self.alarms)
        layout.addWidget(remove)
        layout.addWidget(self.next_label)
        layout.addWidget(self.ringing)
        self.check_clock()

    def add_alarm(self):
        when = self.time.time()
        text = self.label.text().strip() or "Alarm"
        item = QListWidgetItem(f"{when.toString('HH:mm')}  {text}")
        item.setData(Qt.UserRole, when.toString("HH:mm"))
        item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
        item.setCheckState(Qt.Checked)
        self.alarms.addItem(item)
        self.alarms.sortItems()
        self.label.clear()
        self.update_next()

    def alarm_switched(self, item):
        self.update_next()

    def edit_alarm(self, item):
        self.time.setTime(QTime.fromString(item.data(Qt.UserRole), "HH:mm"))
        self.label.setText(item.text().split("  ", 1)[1])
        self.alarms.takeItem(self.alarms.row(item))
        self.update_next()

    def remove_alarm(self):
        for item in self.alarms.selectedItems():
            self.alarms.takeItem(self.alarms.row(item))
        self.update_next()

    def enabled_times(self):
        items = (self.alarms.item(row) for row in range(self.alarms.count()))
        return sorted(item.data(Qt.UserRole) for item in items if item.checkState() == Qt.Checked)

    def update_next(self):
        now = QTime.currentTime().toString("HH:mm")
        times = self.enabled_times()
        later = [t for t in times if t > now]
        upcoming = later[0] if later else (times[0] + " tomorrow" if times else "none")
        self.next_label.setText(f"Next alarm: {upcoming}")

    def check_clock(self):
        now = QTime.currentTime()
        self.clock.setText(now.toString("HH:mm:ss"))
        current = now.toString("HH:mm")
        self.ringing.setText("⏰ Ringing!" if current in self.enabled_times() else "")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = AlarmList()
    window.show()
    sys.exit(app.exec())
