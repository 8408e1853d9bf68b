"""The drag step: an item of a list, table or tree dropped onto another widget, as a user's drop arrives.

A real drag (QDrag.exec) blocks and needs the platform's drag and drop, which the offscreen platform lacks.
So the step presses the item (selecting it, as a drag starts), takes the source view's mime data for it
(model().mimeData, with the item's text added as text/plain) and sends what a drop sends to the widget under
the target's centre that accepts drops: QDragEnterEvent, QDragMoveEvent, QDropEvent, offering Qt.MoveAction.
Qt's own item views insert the item; an app's own dragEnterEvent/dropEvent run, and event.source() answers
the source view to them. After a drop accepted as a move, the item is removed from its source view if it is
still there, as QAbstractItemView.startDrag does when QDrag.exec returns Qt.MoveAction.

Limits: Qt's C++ code sees no drag source (QDropEvent::source() is null there), so a view in InternalMove
mode accepts nothing from the step, and moving an item within its own view is not simulated.

Runs inside the app's child process (imports PySide6; never imported by the AEGIS core).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from aegis.probe.qt import accept_find as find
from aegis.probe.qt.accept_steps import Outcome, Perform, State, Step, click_index, seen_list
from aegis.probe.qt.accept_text import text_matches
from aegis.probe.qt.explore import top_windows
from aegis.probe.qt.inspect_ui import is_qt_class

MOVE = Qt.DropAction.MoveAction
OWN_DRAG_CODE = ("startDrag", "mouseMoveEvent", "mousePressEvent")
"""An app's own view class defining one of these may start drags itself, even with dragEnabled off."""


def drag(state: State, step: Step) -> Perform | Outcome:
    wanted, to = step["drag"], step["to"]
    target = drop_target(to)
    if isinstance(target, Outcome):
        return target
    found = dragged_item(wanted, target)
    if isinstance(found, Outcome):
        return found
    source, index = found
    if source is target:
        return Outcome(False, f"{wanted!r} is already in {to!r} (moving an item within one list is not checked)")
    if not can_drag(source, index):
        return Outcome(False, f"the item {wanted!r} cannot be dragged (its list does not enable dragging)")
    state.last_done = f"{wanted!r} was dragged to {to!r}"
    return partial(drag_and_drop, source, index, target, step)


def drop_target(selector: str) -> QWidget | Outcome:
    """The widget `to` names; a list, table or tree inside it (a group box, a column widget) if it has one."""
    named = find.containers(top_windows())
    matched = find.best_matches(selector, named)
    if not matched:
        return Outcome(False, f"no widget {selector!r} to drop onto", find.names_list(named, 20))
    for widget in matched:
        views = find.item_views([w for w in [widget, *widget.findChildren(QWidget)] if w.isVisible()])
        if views:
            return views[0]
    return matched[0]


def dragged_item(wanted: str, target: QWidget) -> tuple[QAbstractItemView, QModelIndex] | Outcome:
    """The first item containing the text, in a view other than the target if any holds it."""
    views = find.item_views(find.visible_widgets(top_windows()))
    ordered = [v for v in views if v is not target] + [v for v in views if v is target]
    for view in ordered:
        for names, index in find.entries(view):
            if any(text_matches(wanted, name, exact=False) for name in names):
                return view, index
    cells = [name for view in views for names, _ in find.entries(view) for name in names]
    return Outcome(False, f"no list, table or tree has an item {wanted!r} to drag", seen_list(cells))


def can_drag(view: QAbstractItemView, index: QModelIndex) -> bool:
    if view.dragEnabled() and view.model().flags(index) & Qt.ItemFlag.ItemIsDragEnabled:
        return True
    return any(name in vars(cls) for cls in type(view).__mro__ if not is_qt_class(cls) for name in OWN_DRAG_CODE)


def drag_and_drop(source: QAbstractItemView, index: QModelIndex, target: QWidget, step: Step) -> Outcome | None:
    click_index(source, index)
    item = QPersistentModelIndex(index)
    text = str(source.model().data(index, Qt.ItemDataRole.DisplayRole) or "")
    before = holding(target, text)
    with answering_source(source):
        action = drop(target, drag_data(source, index, text))
    if action == MOVE and source.dragDropMode() != QAbstractItemView.DragDropMode.InternalMove:
        remove_moved(source, item, text)
    if action is None and holding(target, text) <= before:
        return Outcome(False, f"{step['to']!r} did not accept the dragged item {step['drag']!r}")
    return None


def drag_data(source: QAbstractItemView, index: QModelIndex, text: str) -> QMimeData:
    """What the source view's drag would carry: its model's mime data for the pressed item (its whole row
    when the row is selected), plus the item's text."""
    selection = source.selectionModel()
    chosen = selection.selectedIndexes() if selection is not None and selection.isSelected(index) else []
    indexes = [i for i in chosen if source.model().flags(i) & Qt.ItemFlag.ItemIsDragEnabled] or [index]
    data = source.model().mimeData(indexes) or QMimeData()
    if not data.hasText():
        data.setText(text)
    return data


def drop(target: QWidget, data: QMimeData) -> Qt.DropAction | None:
    """Enter, move and drop at the target's centre, on the widget there that accepts drops; the action of
    an accepted drop, else None."""
    start = target.viewport() if isinstance(target, QAbstractItemView) else target
    centre = start.rect().center()
    widget = drop_site(start.childAt(centre) or start)
    if widget is None:
        return None
    at = widget.mapFrom(start, centre) if widget is not start else centre
    press = (MOVE, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(at, *press)
    QApplication.sendEvent(widget, enter)
    move = QDragMoveEvent(at, *press)
    move.setDropAction(enter.dropAction())
    move.setAccepted(enter.isAccepted())
    if enter.isAccepted():
        QApplication.sendEvent(widget, move)
    if not move.isAccepted():
        QApplication.sendEvent(widget, QDragLeaveEvent())
        return None
    dropped = QDropEvent(QPointF(at), *press)
    dropped.setDropAction(move.dropAction())
    QApplication.sendEvent(widget, dropped)
    return dropped.dropAction() if dropped.isAccepted() else None


def drop_site(widget: QWidget | None) -> QWidget | None:
    """The widget or its nearest parent that accepts drops, within its window (as Qt finds a drop target)."""
    while widget is not None and not widget.acceptDrops() and not widget.isWindow():
        widget = widget.parentWidget()
    return widget if widget is not None and widget.acceptDrops() and widget.isEnabled() else None


@contextmanager
def answering_source(source: QWidget) -> Iterator[None]:
    """While the events are delivered, event.source() in the app's Python handlers is the source view."""
    original = QDropEvent.source
    QDropEvent.source = lambda _event: source  # type: ignore[method-assign]
    try:
        yield
    finally:
        QDropEvent.source = original  # type: ignore[method-assign]


def remove_moved(source: QAbstractItemView, item: QPersistentModelIndex, text: str) -> None:
    """The source side of a move, unless the app's drop handler already took the item out."""
    if item.isValid() and str(item.data() or "") == text:
        source.model().removeRow(item.row(), item.parent())


def holding(widget: QWidget, text: str) -> int:
    """How many cells of the widget (a list, table or tree) contain the text."""
    if not isinstance(widget, QAbstractItemView):
        return 0
    return sum(1 for row in find.item_rows(widget) for cell in row if text and text_matches(text, cell, exact=False))
