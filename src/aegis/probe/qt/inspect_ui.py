"""Looks at a shown window the way a user would: is anything there, does it fit the screen (the text's
readability is contrast.py's).

Runs inside the app's child process, called by the probe on each visible top-level QWidget, so it imports
only the standard library and PySide6. Each `*_problems` function returns a list of problem dicts
`{"kind": str, "severity": "fail" | "warn", "message": str}`; an empty list means nothing to report.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QMainWindow,
    QMenu,
    QMenuBar,
    QScrollArea,
    QSplitter,
    QSplitterHandle,
    QStackedWidget,
    QStatusBar,
    QToolBar,
    QWidget,
)

Problem = dict[str, str]
MAX_PIXELS = 250_000  # per sampled area; larger areas are sampled on a coarser grid
ONE_COLOUR_SHARE = 0.98
BARS = (QMenuBar, QStatusBar, QToolBar)
OPENING = re.compile(r"^\s*(open|load|import|new)\b", re.IGNORECASE)
CONTAINERS = (QWidget, QFrame, QMainWindow, QDialog, QScrollArea, QStackedWidget, QSplitter, QSplitterHandle)

KEY_HANDLERS = ("keyPressEvent", "keyReleaseEvent", "event", "eventFilter")
"""The methods through which a widget of the app's own can take a key."""


def problem(kind: str, message: str, severity: str = "fail") -> Problem:
    return {"kind": kind, "severity": severity, "message": message}


def visible_area(widget: QWidget, window: QWidget) -> QRect:
    return widget.visibleRegion().boundingRect().translated(widget.mapTo(window, QPoint(0, 0)))


def paints_itself(widget: QWidget) -> bool:
    """True when the app's own code paints the widget: some class of its own defines paintEvent."""
    return any("paintEvent" in vars(cls) for cls in type(widget).__mro__ if not is_qt_class(cls))


def paints_outside_paint_event(widget: QWidget) -> list[str]:
    """The app's own methods of a widget without a paintEvent of its own that make a QPainter (the small model's
    `def draw(self): painter = QPainter(self)`, called from a timer): such painting draws nothing."""
    if paints_itself(widget):
        return []
    own = [cls for cls in type(widget).__mro__ if not is_qt_class(cls)]
    code = [(name, getattr(value, "__code__", None)) for cls in own for name, value in vars(cls).items()]
    return [f"{name}()" for name, body in code if body is not None and "QPainter" in body.co_names]


def _either(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"


def is_qt_class(cls: type) -> bool:
    return cls.__module__.startswith(("PySide6", "shiboken6", "Shiboken")) or cls is object


def empty_window_problems(window: QWidget) -> list[Problem]:
    """A window that shows nothing: no content widgets, no painting of its own, and a one-colour picture."""
    widgets = [w for w in [window, *window.findChildren(QWidget)] if w.isVisible() and not in_bar(w, window)]
    if any(is_content(widget) for widget in widgets):
        return []
    share = top_colour_share(window)
    if share < ONE_COLOUR_SHARE:
        return []
    size = window.size()
    message = (
        f"{type(window).__name__} '{short(window.windowTitle())}' shows nothing: no visible widgets and a "
        f"{size.width()}x{size.height()} area that is {share:.0%} one colour"
    )
    if painters := paints_outside_paint_event(window):
        message += (
            f"; {_either(painters)} paints with QPainter outside paintEvent, where nothing is drawn: override "
            "paintEvent(self, event), paint there with QPainter(self), and call self.update() to repaint"
        )
    elif blank := unpainted_own_widgets(widgets, window):
        one = len(blank) == 1
        message += (
            f"; {_either(blank)} {'has' if one else 'have'} no paintEvent, so nothing draws {'it' if one else 'them'}: "
            "override paintEvent(self, event) and paint there with QPainter(self) (the board, the pieces), and "
            "call self.update() when the state changes"
        )
    elif isinstance(window, QMainWindow) and window.centralWidget() is None:
        message += (
            "; a QMainWindow shows only its central widget (setLayout() on it is ignored): put the layout on "
            "a QWidget and call setCentralWidget()"
        )
    elif opener := open_action(window):
        return [problem("empty_window", f"{message}, until something is opened ({opener!r})", "warn")]
    return [problem("empty_window", message)]


def unpainted_own_widgets(widgets: list[QWidget], window: QWidget) -> list[str]:
    """The program's own plain-widget classes inside the window (a game board), or the window itself when it
    reads keys like a board, that paint nothing themselves."""
    boards = [w for w in widgets if w is not window or reads_keys(w)]
    own = [w for w in boards if not is_qt_class(type(w)) and not paints_itself(w)]
    return list(
        dict.fromkeys(type(w).__name__ for w in own if isinstance(w, QWidget) and type(w).__mro__[1] is QWidget)
    )


def reads_keys(widget: QWidget) -> bool:
    """True when a class of the app's own in the widget's classes handles key events."""
    own = [cls for cls in type(widget).__mro__ if not is_qt_class(cls)]
    return any(name in vars(cls) for cls in own for name in KEY_HANDLERS)


def open_action(window: QWidget) -> str:
    """The menu or toolbar action that fills a window empty at start (an image viewer's Open); "" when none."""
    bars: list[QWidget] = [*window.findChildren(QMenuBar), *window.findChildren(QToolBar)]
    actions = [action for bar in bars for action in bar.actions()]
    entries = [action for menu in window.findChildren(QMenu) for action in menu.actions()]
    names = [action.text().replace("&", "") for action in actions + entries]
    return next((name for name in names if OPENING.search(name)), "")


def in_bar(widget: QWidget, window: QWidget) -> bool:
    current: QWidget | None = widget
    while current is not None and current is not window:
        if isinstance(current, BARS):
            return True
        current = current.parentWidget()
    return False


def qt_class(widget: QWidget) -> type:
    """The first Qt class among the widget's classes (QWidget for a board of the app's own)."""
    return next(cls for cls in type(widget).__mro__ if is_qt_class(cls))


def is_content(widget: QWidget) -> bool:
    """True for widgets that show something: anything but plain layout containers, or what paints itself."""
    return qt_class(widget) not in CONTAINERS or paints_itself(widget)


def top_colour_share(window: QWidget) -> float:
    """The share of the window's picture, menu, tool and status bars left out, taken by its most frequent colour."""
    image = window_image(window)
    painter = QPainter(image)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
    for bar in window.findChildren(QWidget):
        if isinstance(bar, BARS) and bar.isVisible():
            painter.fillRect(visible_area(bar, window), Qt.GlobalColor.transparent)
    painter.end()
    counts = pixel_counts(image, image.rect())
    total = sum(counts.values())
    return counts.most_common(1)[0][1] / total if total else 1.0


def oversize_problems(window: QWidget) -> list[Problem]:
    """A window whose frame is larger than the part of its screen that windows may use."""
    available = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if frame.width() <= available.width() and frame.height() <= available.height():
        return []
    message = (
        f"{type(window).__name__} '{short(window.windowTitle())}' is {frame.width()}x{frame.height()} with its "
        f"frame, larger than the {available.width()}x{available.height()} available on the screen"
    )
    return [problem("window_too_large", message)]


def window_image(window: QWidget) -> QImage:
    """The window as it paints itself now (grab() runs every paintEvent again)."""
    return window.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)


def shown_image(window: QWidget) -> QImage:
    """The window as its screen shows it: what it last painted. A board that changes its state but never asks
    for a repaint (no self.update()) looks alive in grab() and frozen to its user; this is what the user sees.
    Falls back to window_image where the screen has no picture of the window (not shown yet)."""
    screen = window.screen()
    shown = screen.grabWindow(window.winId()).toImage() if screen is not None and window.isVisible() else QImage()
    if shown.isNull() or shown.size() != window.size():
        return window_image(window)
    return shown.convertToFormat(QImage.Format.Format_ARGB32)


def pixel_counts(image: QImage, area: QRect) -> Counter[int]:
    """How often each ARGB value occurs in an area of a Format_ARGB32 image, fully transparent pixels left out."""
    crop = image.copy(area.intersected(image.rect()))
    counts: Counter[int] = Counter()
    if crop.isNull():
        return counts
    width, height, stride = crop.width(), crop.height(), crop.bytesPerLine() // 4
    step = max(1, math.ceil(math.sqrt(width * height / MAX_PIXELS)))
    pixels = memoryview(crop.constBits()).cast("I")
    for row in range(0, height, step):
        counts.update(pixels[row * stride : row * stride + width : step])
    for transparent in [argb for argb in counts if argb >> 24 == 0]:
        del counts[transparent]
    return counts


def short(text: str, limit: int = 40) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 3] + "..."
