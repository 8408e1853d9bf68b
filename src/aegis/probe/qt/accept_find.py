"""What an acceptance check looks for in a Qt window, found the way a user would: by what is written on it.

    normalise(text)                  casefold, no `&`, no trailing "..." or ":", look-alike symbols mapped
    best_matches(selector, named)    equal names first, then a unique prefix, then a unique word inside
    clickables / fields / containers the named things a step can point at
    item_rows(view), count_widgets   list, table and tree entries; widgets of a kind

Runs inside the app's child process (imports PySide6; never imported by the AEGIS core).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QStackedWidget,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QTreeView,
    QWidget,
)

from aegis.probe.qt.explore import menu_path, reachable
from aegis.probe.qt.inspect_ui import is_qt_class

T = TypeVar("T")
Named = tuple[list[str], T]
LOOK_ALIKES = str.maketrans(
    {"＋": "+", "×": "*", "✕": "*", "✖": "*", "∗": "*", "÷": "/", "−": "-", "–": "-", "＝": "="}
)
FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
KINDS: dict[str, tuple[type, ...]] = {
    "button": (QAbstractButton,),
    "field": FIELDS,
    "label": (QLabel,),
    "list": (QAbstractItemView,),
}
MAX_ROWS = 500
MAX_COLUMNS = 50


def normalise(text: str) -> str:
    plain = " ".join(text.replace("&", "").casefold().translate(LOOK_ALIKES).split())
    for tail in ("...", "…", ":"):
        if plain.endswith(tail) and len(plain) > len(tail):
            plain = plain[: -len(tail)].rstrip()
    return "*" if plain == "x" else plain


def best_matches(selector: str, named: Iterable[Named[T]]) -> list[T]:
    """All things with a name equal to the selector; else the one whose name starts with it; else the one
    with it as a word inside. Empty when nothing, or more than one thing, fits the looser tests."""
    want, pairs = normalise(selector), [([normalise(n) for n in names if n], thing) for names, thing in named]
    equal = [thing for names, thing in pairs if want in names]
    if equal:
        return equal
    for fits in (str.startswith, _has_word):
        found = _unique([thing for names, thing in pairs if any(fits(name, want) for name in names)])
        if len(found) == 1:
            return found
    return []


def _has_word(text: str, word: str) -> bool:
    for found in re.finditer(re.escape(word), text):
        before = text[found.start() - 1] if found.start() else " "
        after = text[found.end()] if found.end() < len(text) else " "
        if not (word[0].isalnum() and before.isalnum()) and not (word[-1].isalnum() and after.isalnum()):
            return True
    return False


def _unique(things: list[T]) -> list[T]:
    return list({id(thing): thing for thing in things}.values())


def names_list(named: Sequence[Named[Any]], limit: int = 12) -> str:
    """The first readable name of each thing, Qt's own object names ("qt_...") left out."""
    firsts = [next((n for n in names if n and not n.startswith("qt_")), "") for names, _ in named]
    shown = [repr(name.replace("&", "")) for name in dict.fromkeys(firsts) if name]
    more = f", and {len(shown) - limit} more" if len(shown) > limit else ""
    return ", ".join(shown[:limit]) + more if shown else "none"


def visible_widgets(windows: Sequence[QWidget]) -> list[QWidget]:
    """Visible widgets, without the line edits inside spin and combo boxes (those speak for them)."""
    return [
        w
        for window in windows
        for w in [window, *window.findChildren(QWidget)]
        if w.isVisible() and not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))
    ]


def clickables(windows: Sequence[QWidget]) -> list[Named[QAbstractButton | QAction]]:
    """Visible buttons and reachable actions (menus, toolbars), each with the names a check may use."""
    found: list[Named[QAbstractButton | QAction]] = []
    for widget in visible_widgets(windows):
        if isinstance(widget, QAbstractButton) and not _stands_for_action(widget):
            found.append(([widget.text(), widget.accessibleName(), widget.toolTip(), widget.objectName()], widget))
    for window in windows:
        for action in window.findChildren(QAction):
            if action.text() and not action.isSeparator() and action.menu() is None and _usable(action):
                found.append(([menu_path(action), action.text(), action.toolTip(), action.objectName()], action))
    return found


def _stands_for_action(button: QAbstractButton) -> bool:
    return isinstance(button, QToolButton) and button.defaultAction() is not None


def _usable(action: QAction) -> bool:
    return action.isVisible() and reachable(action)


def menu_matches(selector: str, actions: Iterable[QAction | QAbstractButton]) -> list[QAction]:
    """Actions whose menu path ends with the selector's parts ("File > Save", "Edit > Find > Next")."""
    parts = [normalise(p) for p in re.split(r"[>→›]", selector) if p.strip()]
    found = []
    for action in actions:
        if isinstance(action, QAction):
            path = [normalise(p) for p in menu_path(action).split(" > ")]
            if len(parts) > 1 and path[-len(parts) :] == parts:
                found.append(action)
    return found


def is_menu_path(selector: str) -> bool:
    return len([p for p in re.split(r"[>→›]", selector) if p.strip()]) > 1


def fields(windows: Sequence[QWidget]) -> list[Named[QWidget]]:
    buddies = buddy_texts(windows)
    return [(widget_names(w, buddies), w) for w in visible_widgets(windows) if isinstance(w, FIELDS)]


def is_editable(widget: QWidget) -> bool:
    return isinstance(widget, FIELDS) and widget.isEnabled() and not widget.isReadOnly()


def containers(windows: Sequence[QWidget]) -> list[Named[QWidget]]:
    """Every visible widget by the names an `in` may use (a group box by its title)."""
    buddies = buddy_texts(windows)
    return [(widget_names(w, buddies), w) for w in visible_widgets(windows)]


def buddy_texts(windows: Sequence[QWidget]) -> dict[int, list[str]]:
    """Label texts by the id of the widget each label is the buddy of."""
    found: dict[int, list[str]] = {}
    for window in windows:
        for label in window.findChildren(QLabel):
            if label.buddy() is not None:
                found.setdefault(id(label.buddy()), []).append(label.text())
    return found


def widget_names(widget: QWidget, buddies: dict[int, list[str]]) -> list[str]:
    names = [widget.accessibleName(), widget.objectName(), widget.toolTip()]
    placeholder = getattr(widget, "placeholderText", None)
    if callable(placeholder):
        names.append(placeholder())
    if isinstance(widget, QGroupBox):
        names.append(widget.title())
    found = _layout_slot(widget)
    label = _label_before(widget, *found) if found else None
    names += [*buddies.get(id(widget), []), *([label.text()] if label is not None else []), _tab_title(widget)]
    own = [cls.__name__ for cls in type(widget).__mro__[:1] if not is_qt_class(cls)]
    return names + own


def _tab_title(widget: QWidget) -> str:
    """A tab page is named by its tab."""
    stack = widget.parentWidget()
    tabs = stack.parentWidget() if isinstance(stack, QStackedWidget) else None
    return tabs.tabText(tabs.indexOf(widget)) if isinstance(tabs, QTabWidget) else ""


def _layout_slot(widget: QWidget) -> tuple[QLayout, int] | None:
    parent = widget.parentWidget()
    layouts: list[Any] = [parent.layout()] if parent is not None else []
    while layouts:
        layout = layouts.pop()
        for index in range(layout.count() if layout is not None else 0):
            item = layout.itemAt(index)
            if item.widget() is widget:
                return layout, index
            layouts.append(item.layout())
    return None


def _label_before(widget: QWidget, layout: QLayout, index: int) -> QLabel | None:
    """The label left of the widget in a form or grid row (else above it in a grid column, a column's
    heading), or just before it in a box layout."""
    before: Any = None
    if isinstance(layout, QFormLayout):
        before = layout.labelForField(widget)
    elif isinstance(layout, QGridLayout):
        position: Any = layout.getItemPosition(index)
        row, column = position[0], position[1]
        cells = [layout.itemAtPosition(r, c) for r, c in ((row, column - 1), (row - 1, column)) if r >= 0 and c >= 0]
        labels = [cell.widget() for cell in cells if cell is not None and isinstance(cell.widget(), QLabel)]
        before = labels[0] if labels else None
    elif isinstance(layout, QBoxLayout) and index > 0:
        item = layout.itemAt(index - 1)
        before = item.widget() if item is not None else None
    return before if isinstance(before, QLabel) else None


def item_views(widgets: Sequence[QWidget]) -> list[QAbstractItemView]:
    return [w for w in widgets if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) and w.model()]


def item_rows(view: QAbstractItemView | QComboBox) -> list[list[str]]:
    """Each row's cell texts: every column, tree children one level down, at most MAX_ROWS rows."""
    if isinstance(view, QComboBox):
        return [[view.itemText(i)] for i in range(view.count())]
    rows = [row for row in row_indexes(view.model()) if not row_hidden(view, row[0])]
    return [[_cell(view.model(), index) for index in row] for row in rows]


def row_hidden(view: QAbstractItemView, index: QModelIndex) -> bool:
    """A row the view hides (a search that hides what does not match): not shown, so not there for a user."""
    if isinstance(view, QTreeView):
        return view.isRowHidden(index.row(), index.parent())
    if isinstance(view, (QListView, QTableView)):
        return view.isRowHidden(index.row())
    return False


def row_indexes(model: QAbstractItemModel, parent: QModelIndex | None = None, depth: int = 0) -> list[list[Any]]:
    parent = parent or QModelIndex()
    rows = []
    columns = _columns(model, parent)
    for row in range(min(model.rowCount(parent), MAX_ROWS) if columns else 0):
        rows.append([model.index(row, column, parent) for column in range(columns)])
        if depth == 0 and model.rowCount(rows[-1][0]) > 0:
            rows.extend(row_indexes(model, rows[-1][0], depth + 1))
    return rows[:MAX_ROWS]


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    """columnCount() is private in list models; a valid index says as much."""
    count = 0
    while count < MAX_COLUMNS and model.index(0, count, parent).isValid():
        count += 1
    return count


def _cell(model: QAbstractItemModel, index: QModelIndex) -> str:
    value = model.data(index, Qt.ItemDataRole.DisplayRole)  # a Python model's data() may require the role
    return "" if value is None else str(value)


def count_widgets(windows: Sequence[QWidget], kind: str) -> int:
    widgets = visible_widgets(windows)
    if kind != "any":
        return sum(1 for w in widgets if isinstance(w, KINDS[kind]))
    every = tuple(cls for classes in KINDS.values() for cls in classes)
    cells = sum(len(row) for view in item_views(widgets) for row in item_rows(view))
    return sum(1 for w in widgets if isinstance(w, every)) + cells


def choices(widgets: Sequence[QWidget]) -> list[QWidget]:
    """What `select` can pick from: combo boxes, tab bars and item views."""
    pickers: list[QWidget] = [w for w in widgets if isinstance(w, (QComboBox, QTabBar)) and w.isEnabled()]
    return pickers + list(item_views(widgets))


def entries(widget: Any) -> list[Named[Any]]:
    """The entries of a combo box, tab bar or item view, each named by its text."""
    if isinstance(widget, QComboBox):
        return [([widget.itemText(i)], i) for i in range(widget.count())]
    if isinstance(widget, QTabBar):
        return [([widget.tabText(i)], i) for i in range(widget.count()) if widget.isTabEnabled(i)]
    model = widget.model()
    return [([_cell(model, index)], index) for row in row_indexes(model) for index in row]
