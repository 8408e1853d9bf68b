"""Is the text readable: the WCAG contrast of each text a window shows against what is behind it.

    contrast_problems(window) -> problem dicts (inspect_ui's shape), at most MAX_PROBLEMS
    contrast_ratio(a, b)      -> 1.0 (same colour) to 21.0 (black on white)

Colours are judged on what is on screen: the text colour is the palette colour the style draws that text
with (style sheets reach the palette when a widget is polished), and the background is the most frequent
pixel of the widget's area in the rendered window, so parent backgrounds and style sheets count. A text
colour that does not appear in that area at all (custom painting, `::item` style sheet rules) is not judged,
nor is text that is never drawn (a tool button showing only its icon).

Runs inside the app's child process (imports PySide6; never imported by the AEGIS core).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFontInfo, QImage, QPalette
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from aegis.probe.qt.inspect_ui import Problem, paints_itself, pixel_counts, problem, short, visible_area, window_image

RGB = tuple[int, int, int]

MIN_CONTRAST = 3.0
FAIL_BELOW = 2.0
"""Below 3:1 is reported; below this it fails the app. White on the popular #4CAF50 green is 2.7:1:
hard to read for some, but a user can read it, so it warns rather than costing a repair round."""
FAIL_BELOW_LARGE = 1.3
"""For large text (LARGE_PX, or LARGE_BOLD_PX when bold), the line below which it fails. Big, heavy glyphs
stay legible at lower contrast (APCA's size and weight tables say the same): a calculator's 27 pt bold amber
'M' on light grey (1.4:1) is read at a glance, white on #eeeeee (1.2:1) is not."""
LARGE_PX = 32
LARGE_BOLD_PX = 24
INVISIBLE_ALPHA = 26
"""A colour this transparent (10 %) or more is not drawn for a reader: text in it is hidden on purpose, and a
background in it is whatever lies behind the window."""
MAX_PROBLEMS = 5
LIST_ITEMS = 5
SAME_COLOUR = 8  # largest per-channel difference for two pixels to count as one colour


@dataclass(frozen=True)
class ShownText:
    """Text the user sees: who shows it, the colour it is drawn in, and where it is in the window."""

    name: str
    text: str
    colour: QColor
    area: QRect
    large: bool = False


def contrast_ratio(a: QColor | tuple[int, int, int], b: QColor | tuple[int, int, int]) -> float:
    """WCAG 2.x contrast ratio of two colours, from 1.0 (same) to 21.0 (black and white)."""
    lighter, darker = sorted((relative_luminance(rgb(a)), relative_luminance(rgb(b))), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def relative_luminance(colour: RGB) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def rgb(colour: QColor | tuple[int, int, int]) -> RGB:
    if isinstance(colour, QColor):
        return colour.red(), colour.green(), colour.blue()
    return colour


def contrast_problems(window: QWidget, minimum: float = MIN_CONTRAST) -> list[Problem]:
    """Text drawn with less than `minimum` contrast (WCAG: 3:1 for large text) against its background.

    At most MAX_PROBLEMS, one per widget class, text and colour pair.
    """
    image = window_image(window)
    problems: list[Problem] = []
    seen: set[tuple[str, str, str, str]] = set()
    for shown in shown_texts(window):
        found = unreadable(shown, image, minimum)
        if found is None or found[0] in seen:
            continue
        seen.add(found[0])
        problems.append(found[1])
        if len(problems) == MAX_PROBLEMS:
            break
    return problems


def unreadable(shown: ShownText, image: QImage, minimum: float) -> tuple[tuple[str, str, str, str], Problem] | None:
    if shown.colour.alpha() < INVISIBLE_ALPHA:
        return None  # text drawn in a transparent colour is hidden on purpose (a progress bar of labels)
    counts = pixel_counts(image, scaled(shown.area, image.devicePixelRatio()))
    if not counts or not drawn_in(shown.colour, counts):
        return None
    background = QColor.fromRgba(counts.most_common(1)[0][0])
    if background.alpha() < INVISIBLE_ALPHA:
        return None  # a translucent window: what is behind the text is the user's desktop, unknown here
    text = over(shown.colour, background)
    ratio = contrast_ratio(text, background)
    if ratio >= minimum:
        return None
    key = (shown.name, shown.text, text.name(), background.name())
    message = (
        f"{shown.name} '{short(shown.text)}' text {text.name()} on background {background.name()}: "
        f"contrast {math.floor(ratio * 10) / 10:.1f}:1 (needs {minimum:g}:1)"
    )
    fail_below = FAIL_BELOW_LARGE if shown.large else FAIL_BELOW
    return key, problem("unreadable_text", message, "fail" if ratio < fail_below else "warn")


def shown_texts(window: QWidget) -> Iterator[ShownText]:
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or not widget.isEnabled() or paints_itself(widget):
            continue
        if isinstance(widget, QListWidget):
            yield from list_item_texts(widget, window)
            continue
        found = text_and_role(widget)
        if found is None or not found[0].strip():
            continue
        text, role = found
        area = text_area(widget, window)
        if not area.isEmpty():
            yield ShownText(type(widget).__name__, text, widget.palette().color(role), area, is_large(widget))


def is_large(widget: QWidget) -> bool:
    """Text big enough (or big and bold enough) to read at a lower contrast; see FAIL_BELOW_LARGE."""
    pixels = QFontInfo(widget.font()).pixelSize()
    return pixels >= LARGE_PX or (pixels >= LARGE_BOLD_PX and widget.font().bold())


def icon_only(button: QAbstractButton) -> bool:
    """A tool button that shows its icon and never draws its text (a toolbar action, a colour swatch)."""
    shows_text = (
        Qt.ToolButtonStyle.ToolButtonTextOnly,
        Qt.ToolButtonStyle.ToolButtonTextBesideIcon,
        Qt.ToolButtonStyle.ToolButtonTextUnderIcon,
    )
    return isinstance(button, QToolButton) and not button.icon().isNull() and button.toolButtonStyle() not in shows_text


def text_and_role(widget: QWidget) -> tuple[str, QPalette.ColorRole] | None:
    """The plain text a widget shows and the palette role the style draws it with; None when not judged."""
    if isinstance(widget, QLabel):
        return (widget.text(), widget.foregroundRole()) if is_plain_text_label(widget) else None
    if isinstance(widget, QAbstractButton):
        return None if icon_only(widget) else (widget.text(), widget.foregroundRole())
    if isinstance(widget, QLineEdit):
        return widget.text(), QPalette.ColorRole.Text
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return widget.toPlainText(), QPalette.ColorRole.Text
    if isinstance(widget, QComboBox) and not widget.isEditable():
        return widget.currentText(), QPalette.ColorRole.ButtonText
    if isinstance(widget, QGroupBox):
        return widget.title(), widget.foregroundRole()
    return None


def is_plain_text_label(label: QLabel) -> bool:
    if not label.pixmap().isNull() or label.movie() is not None:
        return False
    text_format = label.textFormat()
    if text_format == Qt.TextFormat.AutoText:
        return not QtGuiNamespace.mightBeRichText(label.text())
    return text_format == Qt.TextFormat.PlainText


def text_area(widget: QWidget, window: QWidget) -> QRect:
    """Where the widget's text sits in window coordinates: the visible part of its viewport or title strip."""
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return visible_area(widget.viewport(), window)
    area = visible_area(widget, window)
    if isinstance(widget, QGroupBox):
        area.setHeight(min(area.height(), widget.fontMetrics().height() + 2))
    return area


def list_item_texts(view: QListWidget, window: QWidget) -> Iterator[ShownText]:
    viewport = view.viewport()
    offset = viewport.mapTo(window, QPoint(0, 0))
    for row in range(min(view.count(), LIST_ITEMS)):
        item = view.item(row)
        area = view.visualItemRect(item).intersected(viewport.visibleRegion().boundingRect())
        if item.isHidden() or not item.text().strip() or area.isEmpty():
            continue
        role = QPalette.ColorRole.HighlightedText if item.isSelected() else QPalette.ColorRole.Text
        brush = item.foreground()
        colour = brush.color() if brush.style() != Qt.BrushStyle.NoBrush else view.palette().color(role)
        yield ShownText(f"{type(view).__name__} item", item.text(), colour, area.translated(offset))


def drawn_in(colour: QColor, counts: Counter[int]) -> bool:
    """True when some pixel has (nearly) this colour, so the palette colour is really what was painted."""
    wanted = rgb(colour)
    for argb in counts:
        found = ((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF)
        if max(abs(a - b) for a, b in zip(found, wanted, strict=True)) <= SAME_COLOUR:
            return True
    return False


def over(colour: QColor, background: QColor) -> QColor:
    """A colour with alpha as it looks painted over an opaque background."""
    alpha = colour.alphaF()
    mixed = (round(a * alpha + b * (1 - alpha)) for a, b in zip(rgb(colour), rgb(background), strict=True))
    return QColor(*mixed)


def scaled(area: QRect, ratio: float) -> QRect:
    if ratio == 1:
        return area
    left, top = math.floor(area.left() * ratio), math.floor(area.top() * ratio)
    return QRect(left, top, math.ceil(area.width() * ratio), math.ceil(area.height() * ratio))
