"""Test driver, run in a child process offscreen: `python inspect_ui_scenarios.py [NAME ...]`.

Builds the window of each named scenario (all when none are named), shows it, runs the three checks of
aegis.probe.inspect_ui on it and prints one JSON object: {name: {"contrast": [...], "empty": [...],
"oversize": [...]}}. Application-wide style sheet, palette and style are reset between scenarios.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from aegis.probe.qt.contrast import contrast_problems
from aegis.probe.qt.inspect_ui import empty_window_problems, oversize_problems


def form(parent: QWidget | None = None) -> QWidget:
    """A small form with the usual text-showing widgets."""
    window = parent or QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("Total:"))
    layout.addWidget(QPushButton("Add item"))
    layout.addWidget(QLineEdit("Apples"))
    layout.addWidget(QCheckBox("Include tax"))
    combo = QComboBox()
    combo.addItems(["Monthly", "Yearly"])
    layout.addWidget(combo)
    items = QListWidget()
    items.addItems(["Milk", "Bread"])
    layout.addWidget(items)
    notes = QTextEdit()
    notes.setPlainText("Buy before Friday")
    layout.addWidget(notes)
    group = QGroupBox("Options")
    QVBoxLayout(group).addWidget(QLabel("Inside the group"))
    layout.addWidget(group)
    return window


def default_palette(app: QApplication) -> QWidget:
    return form()


def label_stylesheet(app: QApplication) -> QWidget:
    window = form()
    window.findChild(QLabel).setStyleSheet("color: #eeeeee; background: white")
    return window


def parent_stylesheet(app: QApplication) -> QWidget:
    window = QWidget()
    window.setObjectName("root")
    window.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    window.setStyleSheet("QWidget#root { background: #ffffff; } QLabel { color: #f0f0f0; }")
    QVBoxLayout(window).addWidget(QLabel("Total:"))
    return window


def app_stylesheet(app: QApplication) -> QWidget:
    app.setStyleSheet("QPushButton { color: #dddddd; background: #ffffff; }")
    return form()


def dark_palette(app: QApplication) -> QWidget:
    palette = QPalette()
    for role, colour in [
        (QPalette.ColorRole.Window, "#353535"),
        (QPalette.ColorRole.WindowText, "#ffffff"),
        (QPalette.ColorRole.Base, "#191919"),
        (QPalette.ColorRole.Text, "#ffffff"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#ffffff"),
        (QPalette.ColorRole.Highlight, "#2a82da"),
        (QPalette.ColorRole.HighlightedText, "#000000"),
    ]:
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    return form()


def dark_stylesheet(app: QApplication) -> QWidget:
    """Dark window background from the main window's style sheet; the labels themselves paint no background."""
    window = QMainWindow()
    window.setStyleSheet(
        "QMainWindow { background: #2b2b2b; } QLabel, QCheckBox { color: #f0f0f0; }"
        " QLineEdit { background: #1e1e1e; color: #e0e0e0; }"
    )
    central = QWidget()
    layout = QVBoxLayout(central)
    for widget in (QLabel("Total:"), QCheckBox("Include tax"), QLineEdit("Apples")):
        layout.addWidget(widget)
    window.setCentralWidget(central)
    return window


def palette_unreadable(app: QApplication) -> QWidget:
    window = form()
    label = window.findChild(QLabel)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#e8e8e8"))
    label.setPalette(palette)
    return window


def disabled(app: QApplication) -> QWidget:
    window = form()
    for widget in window.findChildren(QWidget):
        widget.setEnabled(False)
    return window


def rich_text(app: QApplication) -> QWidget:
    """Rich text draws in its own colours, so the light palette colour says nothing about it."""
    window = QWidget()
    label = QLabel("<b style='color: black'>Total:</b>")
    label.setStyleSheet("color: #eeeeee")
    QVBoxLayout(window).addWidget(label)
    return window


def item_stylesheet(app: QApplication) -> QWidget:
    """`::item` rules colour list items without touching the palette: readable, and not judged by palette."""
    window = form()
    window.findChild(QListWidget).setStyleSheet("QListWidget::item { color: white; background: #333333; }")
    return window


def bare_main_window(app: QApplication) -> QWidget:
    window = QMainWindow()
    window.setWindowTitle("Inventory")
    window.menuBar().addMenu("File")
    window.statusBar().showMessage("Ready")
    window.resize(640, 480)
    return window


def empty_central(app: QApplication) -> QWidget:
    window = QMainWindow()
    central = QWidget()
    QVBoxLayout(central)
    window.setCentralWidget(central)
    window.resize(640, 480)
    return window


class Board(QWidget):
    """A game board that paints itself: black, with one small green square."""

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("black"))
        painter.fillRect(10, 10, 8, 8, QColor("green"))


class SnakeWindow(QMainWindow):
    """The easy bench's snake (2026-12-07): it paints from its timer's slot, never from paintEvent."""

    def draw(self) -> None:
        painter = QPainter(self)
        painter.fillRect(10, 10, 8, 8, QColor("green"))


def paints_outside(app: QApplication) -> QWidget:
    window = SnakeWindow()
    window.resize(400, 400)
    window.draw()
    return window


class TetrisBoard(QWidget):
    """The easy bench's tetris (2026-12-07): a board with a timer and the game's state, and no paintEvent."""

    def __init__(self) -> None:
        super().__init__()
        self.setFixedSize(400, 400)
        self.piece = [(0, 0), (1, 0)]


def unpainted_board(app: QApplication) -> QWidget:
    window = QMainWindow()
    window.setWindowTitle("Tetris")
    window.setCentralWidget(TetrisBoard())
    return window


class SnakeGame(QWidget):
    """The easy bench's snake (2026-12-08): the window is the board; it reads keys and never paints."""

    def __init__(self) -> None:
        super().__init__()
        self.setFixedSize(400, 400)
        self.direction = (1, 0)

    def keyPressEvent(self, event: object) -> None:
        self.direction = (0, -1)


def unpainted_window_board(app: QApplication) -> QWidget:
    return SnakeGame()


def painting_widget(app: QApplication) -> QWidget:
    window = Board()
    window.resize(400, 400)
    return window


def blank_editor(app: QApplication) -> QWidget:
    window = QMainWindow()
    window.setCentralWidget(QTextEdit())
    window.resize(640, 480)
    return window


def sized(width: int, height: int) -> Callable[[QApplication], QWidget]:
    def build(app: QApplication) -> QWidget:
        window = form()
        window.resize(width, height)
        return window

    return build


def maximized(app: QApplication) -> QWidget:
    window = form()
    window.setWindowState(Qt.WindowState.WindowMaximized)
    return window


SCENARIOS: dict[str, Callable[[QApplication], QWidget]] = {
    "default_palette": default_palette,
    "label_stylesheet": label_stylesheet,
    "parent_stylesheet": parent_stylesheet,
    "app_stylesheet": app_stylesheet,
    "dark_palette": dark_palette,
    "dark_stylesheet": dark_stylesheet,
    "palette_unreadable": palette_unreadable,
    "disabled": disabled,
    "rich_text": rich_text,
    "item_stylesheet": item_stylesheet,
    "bare_main_window": bare_main_window,
    "empty_central": empty_central,
    "painting_widget": painting_widget,
    "paints_outside": paints_outside,
    "unpainted_board": unpainted_board,
    "unpainted_window_board": unpainted_window_board,
    "blank_editor": blank_editor,
    "too_large": sized(2500, 1400),
    "fits": sized(800, 600),
    "maximized": maximized,
}


def run(app: QApplication, name: str, palette: QPalette) -> dict[str, list[dict[str, str]]]:
    app.setStyleSheet("")
    app.setStyle("Fusion")
    app.setPalette(palette)
    window = SCENARIOS[name](app)
    window.show()
    app.processEvents()
    found = {
        "contrast": contrast_problems(window),
        "empty": empty_window_problems(window),
        "oversize": oversize_problems(window),
    }
    window.close()
    window.deleteLater()
    app.processEvents()
    return found


def main() -> None:
    app = QApplication([])
    palette = QPalette(app.palette())
    names = sys.argv[1:] or list(SCENARIOS)
    print(json.dumps({name: run(app, name, palette) for name in names}))


if __name__ == "__main__":
    main()
