"""Tick off daily habits on a calendar; marked days are shown bold, with a streak count."""

import sys

from PySide6.QtCore import QDate
from PySide6.QtGui import QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

HABITS = ["Read 20 pages", "Walk 30 minutes", "Drink water", "No phone after 22:00"]


class HabitTracker(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Habits")
        self.resize(420, 520)
        self.done = {habit: set() for habit in HABITS}

        self.habit = QComboBox()
        self.habit.addItems(HABITS)
        self.habit.currentTextChanged.connect(self.habit_changed)
        self.calendar = QCalendarWidget()
        self.calendar.setMaximumDate(QDate.currentDate())
        self.calendar.selectionChanged.connect(self.day_changed)
        self.check = QCheckBox("Done on this day")
        self.check.toggled.connect(self.mark)
        today = QPushButton("Go to today")
        today.clicked.connect(self.go_today)
        self.streak = QLabel()

        layout = QVBoxLayout(self)
        layout.addWidget(self.habit)
        layout.addWidget(self.calendar)
        layout.addWidget(self.check)
        layout.addWidget(today)
        layout.addWidget(self.streak)
        self.habit_changed(self.habit.currentText())

    def days(self):
        return self.done[self.habit.currentText()]

    def habit_changed(self, habit):
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Bold)
        for day in self.done[habit]:
            self.calendar.setDateTextFormat(day, bold)
        self.day_changed()

    def day_changed(self):
        self.check.blockSignals(True)
        self.check.setChecked(self.calendar.selectedDate() in self.days())
        self.check.blockSignals(False)
        self.show_streak()

    def mark(self, on):
        day = self.calendar.selectedDate()
        fmt = QTextCharFormat()
        if on:
            self.days().add(day)
            fmt.setFontWeight(QFont.Bold)
        else:
            self.days().discard(day)
        self.calendar.setDateTextFormat(day, fmt)
        self.show_streak()

    def go_today(self):
        self.calendar.setSelectedDate(QDate.currentDate())

    def show_streak(self):
        day, streak = QDate.currentDate(), 0
        while day in self.days():
            streak += 1
            day = day.addDays(-1)
        self.streak.setText(f"{len(self.days())} days logged, current streak {streak}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = HabitTracker()
    window.show()
    sys.exit(app.exec())
