"""What a Qt window shows, read the way a user reads it, and whether an expected text is among it.

    shown_texts(widgets)                  labels, fields, LCDs, items, web pages, status and titles; never button
                                          captions; rich text (HTML, markdown) as its plain text
    text_matches(expected, text, exact)   numbers compare as numbers, other text ignores case and spacing

Runs inside the app's child process (imports PySide6; never imported by the AEGIS core).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QLabel,
    QLCDNumber,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QStatusBar,
    QTextEdit,
    QWidget,
)

from aegis.probe.qt.accept_find import item_rows, normalise

WEB_TEXT = "aegis_plain_text"
"""The dynamic property where a web view's plain text lands (QWebEnginePage.toPlainText answers later)."""
NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|\.\d+")


def shown_texts(widgets: Sequence[QWidget]) -> list[str]:
    """Texts the widgets show, display widgets first (labels, read-only fields, LCDs), then the rest."""
    ranked: list[tuple[int, str]] = []
    for widget in widgets:
        for rank, text in _texts_of(widget):
            if text.strip():
                ranked.append((rank, text.strip()))
    return [text for _, text in sorted(ranked, key=lambda pair: pair[0])]


def _texts_of(widget: QWidget) -> list[tuple[int, str]]:
    if any(cls.__name__ == "QWebEngineView" for cls in type(widget).__mro__):
        return _web_text(widget)
    for kind, read in TEXT_READERS:
        if isinstance(widget, kind):
            return read(widget)
    return []


def _label_text(label: QLabel) -> list[tuple[int, str]]:
    text = label.text()
    if QtGuiNamespace.mightBeRichText(text):
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return [(0, text)]


def _web_text(view: Any) -> list[tuple[int, str]]:
    """The page's text as last read; asks for it afresh (an expectation retries, so the answer is seen)."""
    view.page().toPlainText(lambda text: view.setProperty(WEB_TEXT, text))
    return [(0, str(view.property(WEB_TEXT) or ""))]


def _field_text(field: Any) -> list[tuple[int, str]]:
    text = field.text() if isinstance(field, (QLineEdit, QAbstractSpinBox)) else field.toPlainText()
    return [(0 if field.isReadOnly() else 1, text)]


def _lcd_text(lcd: QLCDNumber) -> list[tuple[int, str]]:
    value = lcd.value()
    return [(0, str(int(value)) if value.is_integer() else str(value))]


def _window_texts(window: QWidget) -> list[tuple[int, str]]:
    return [(3, window.windowTitle())] if window.isWindow() else []


def _scene_texts(view: QGraphicsView) -> list[tuple[int, str]]:
    scene = view.scene()
    items = scene.items() if scene is not None else []
    shown: list[Any] = [item for item in items if _is_text_item(item)]
    return [(0, i.toPlainText() if isinstance(i, QGraphicsTextItem) else i.text()) for i in shown]


def _is_text_item(item: Any) -> bool:  # Any: a QGraphicsItem that is one of the text items
    return isinstance(item, (QGraphicsTextItem, QGraphicsSimpleTextItem)) and item.isVisible()


def _view_texts(view: QAbstractItemView) -> list[tuple[int, str]]:
    return [(2, cell) for row in item_rows(view) for cell in row]


TEXT_READERS: list[tuple[type, Callable[[Any], list[tuple[int, str]]]]] = [
    (QLabel, _label_text),
    (QLineEdit, _field_text),
    (QTextEdit, _field_text),
    (QPlainTextEdit, _field_text),
    (QAbstractSpinBox, _field_text),
    (QLCDNumber, _lcd_text),
    (QProgressBar, lambda bar: [(1, bar.text())]),
    (QComboBox, lambda combo: [(1, combo.currentText())]),
    (QGraphicsView, _scene_texts),
    (QAbstractItemView, _view_texts),
    (QStatusBar, lambda bar: [(2, bar.currentMessage())]),
    (QWidget, _window_texts),
]


def text_matches(expected: str, text: str, *, exact: bool) -> bool:
    """Numbers compare as numbers ("5" is in "Result: 5.0", not in "15"); other text ignores case and spacing."""
    number = _as_number(expected.strip())
    if number is not None and not exact:
        return any(_same(number, found) for found in numbers_in(text))
    if number is not None and _as_number(text.strip()) is not None:
        return _same(number, _as_number(text.strip()) or 0.0)
    want, have = normalise(expected), normalise(text)
    return want == have if exact else want in have


def numbers_in(text: str) -> list[float]:
    """The numbers written in a text; a minus counts as a sign unless it follows a digit (10-5 is 10 and 5)."""
    found = []
    for match in NUMBER.finditer(text):
        value = float(match.group().replace(",", ""))
        start = match.start()
        signed = start > 0 and text[start - 1] in "-−" and (start == 1 or not text[start - 2].isalnum())
        found.append(-value if signed else value)
    return found


def _as_number(text: str) -> float | None:
    cleaned = text.replace("−", "-")
    if not re.fullmatch(r"[-+]?(" + NUMBER.pattern + ")", cleaned):
        return None
    return float(cleaned.replace(",", ""))


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
