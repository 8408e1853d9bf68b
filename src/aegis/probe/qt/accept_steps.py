"""The actions of an acceptance check on a Qt app, and the state the check's steps share.

An action returns the call that performs it (run by the step runner, which owns exceptions and timing)
or an Outcome saying why it cannot be done. Outcomes carry one plain sentence for the model and what was
seen instead. Expectations are in accept_expect.

Runs inside the app's child process (imports PySide6; never imported by the AEGIS core).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QImage, QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QComboBox, QTabBar, QWidget

from aegis.probe.qt import accept_find as find
from aegis.probe.qt.accept_dialogs import DialogAnswers
from aegis.probe.qt.accept_keys import key_target, nothing_takes_keys
from aegis.probe.qt.accept_text import shown_texts
from aegis.probe.qt.explore import choose, top_windows
from aegis.probe.qt.inspect_ui import shown_image

SEEN_CHARS = 300
Step = dict[str, Any]
Perform = Callable[[], object]


@dataclass
class Outcome:
    ok: bool
    message: str = ""
    seen: str = ""


@dataclass
class Snapshot:
    """The main window's picture and every visible widget's text, to tell later whether they changed."""

    image: QImage
    texts: dict[int, str]
    focus: QWidget | None = None
    """The widget with the keyboard focus: its focus frame moving is not a change the app made."""
    taken: float = field(default_factory=time.monotonic)


@dataclass
class State:
    dialogs: DialogAnswers
    main: QWidget
    since: float = 0.0
    """When the check began (seconds since the epoch): files written earlier are not the app's doing."""
    before: Snapshot | None = None
    after: Snapshot | None = None
    """The window as the last action left it, once it settled (for expect_unchanged)."""
    last_done: str = ""
    """The last action in words, e.g. "'Save' was clicked"."""
    typed_into: QWidget | None = None
    """The field the last `type` step typed into."""


def take_snapshot(main: QWidget) -> Snapshot:
    widgets = find.visible_widgets(top_windows())
    return Snapshot(shown_image(main), {id(w): widget_text(w) for w in widgets}, QApplication.focusWidget())


def widget_text(widget: QWidget) -> str:
    if isinstance(widget, QAbstractButton):
        return widget.text()
    return " | ".join(shown_texts([widget]))


def seen_list(texts: Sequence[str]) -> str:
    shown = ", ".join(repr(" ".join(text.split())[:60]) for text in dict.fromkeys(texts))
    return shown if len(shown) <= SEEN_CHARS else shown[: SEEN_CHARS - 3] + "..."


def scope(selector: str | None, windows: list[QWidget]) -> list[QWidget] | Outcome:
    """The visible widgets an `in` names, with what they hold; all visible widgets when there is no `in`."""
    widgets = find.visible_widgets(windows)
    if not selector:
        return widgets
    named = find.containers(windows)
    matched = find.best_matches(selector, named)
    if not matched:
        return Outcome(False, f"no widget {selector!r}", find.names_list(named, 20))
    return [w for w in widgets if any(m is w or m.isAncestorOf(w) for m in matched)]


def click(state: State, step: Step) -> Perform | Outcome:
    selector = step["click"]
    named = find.clickables(top_windows())
    if find.is_menu_path(selector):
        found: list[Any] = find.menu_matches(selector, [thing for _, thing in named])
    else:
        found = find.best_matches(selector, named)
    enabled = [thing for thing in found if thing.isEnabled()]
    if not found:
        candidates = find.names_list(named, 20)
        return Outcome(False, f"no button or action {selector!r} (buttons: {candidates})", candidates)
    if not enabled:
        return Outcome(False, f"{selector!r} is disabled")
    state.last_done = f"{selector!r} was clicked"
    return partial(press, enabled[0], double=bool(step.get("double")))


def press(target: QAbstractButton | QAction, *, double: bool) -> None:
    if isinstance(target, QAction):
        for _ in range(2 if double else 1):
            target.trigger()
    elif double:
        QTest.mouseDClick(target, Qt.MouseButton.LeftButton)
    else:
        target.click()


def type_text(state: State, step: Step) -> Perform | Outcome:
    target = field_for(step.get("into"))
    if isinstance(target, Outcome):
        return target
    state.last_done = f"{step['type']!r} was typed"
    state.typed_into = target
    return partial(type_into, target, step["type"], clear=step.get("clear", True), enter=bool(step.get("enter")))


def type_into(target: Any, text: str, *, clear: bool, enter: bool) -> None:
    target.setFocus()
    if clear:
        target.clear()
    for run in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]", text):
        if run.isascii():
            QTest.keyClicks(target, run)
        else:  # QTest knows no key for it (and aborts the app): a key event that carries the character
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, run))
    if enter:
        QTest.keyClick(target, Qt.Key.Key_Return)


def field_for(into: str | None) -> QWidget | Outcome:
    named = find.fields(top_windows())
    if into:
        found = find.best_matches(into, named)
        editable = [f for f in found if find.is_editable(f)]
        if not found:
            return Outcome(False, f"no field {into!r}", find.names_list(named))
        return editable[0] if editable else Outcome(False, f"the field {into!r} is read-only or disabled")
    focus = QApplication.focusWidget()
    if focus is not None and find.is_editable(focus):
        return focus
    editable = [f for _, f in named if find.is_editable(f)]
    return editable[0] if editable else Outcome(False, "there is no field to type into")


def key(state: State, step: Step) -> Perform | Outcome:
    text = step["key"].strip()
    into = scope(step["into"], top_windows()) if step.get("into") else None
    if isinstance(into, Outcome):
        return into
    target = key_target(state.main, into[0] if into else None)
    deaf = nothing_takes_keys(target)
    if deaf:
        reads = "reads" if " in " not in deaf else "read"
        return Outcome(False, f"nothing takes the key {text!r}: {deaf} {reads} no keys (override keyPressEvent)")
    state.last_done = f"{text!r} was pressed"
    if len(text) == 1:
        return partial(QTest.keyClick, target, text)
    combination = QKeySequence(re.sub(r"\benter\b", "Return", text, flags=re.IGNORECASE))
    keys = combination[0] if not combination.isEmpty() else None  # type: ignore[index]
    if keys is None or keys.key() == Qt.Key.Key_unknown:
        return Outcome(False, f"{text!r} is not a key Qt knows (try 'Enter', 'Left', 'Space', 'Ctrl+S')")
    return partial(QTest.keyClick, target, keys.key(), keys.keyboardModifiers())


def select(state: State, step: Step) -> Perform | Outcome:
    wanted = step["select"]
    widgets = scope(step.get("in"), top_windows())
    if isinstance(widgets, Outcome):
        return widgets
    for picker in find.choices(widgets):
        found = find.best_matches(wanted, find.entries(picker))
        if found:
            state.last_done = f"{wanted!r} was selected"
            return partial(pick, picker, found[0])
    options = [b.text() for b in widgets if isinstance(b, QAbstractButton) and b.isCheckable()]
    buttons = find.best_matches(wanted, [([b.text()], b) for b in widgets if isinstance(b, QAbstractButton)])
    if buttons and buttons[0].isCheckable():
        state.last_done = f"{wanted!r} was selected"
        return buttons[0].click
    entries = [text for picker in find.choices(widgets) for names, _ in find.entries(picker) for text in names]
    return Outcome(False, f"no list, table, combo box or tab has an entry {wanted!r}", seen_list(entries + options))


def pick(picker: QWidget, entry: Any) -> None:
    if isinstance(picker, QComboBox):
        choose(picker, entry)
    elif isinstance(picker, QTabBar):
        picker.setCurrentIndex(entry)
    elif isinstance(picker, QAbstractItemView):
        click_index(picker, entry)


def click_index(view: QAbstractItemView, index: QModelIndex) -> None:
    view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
    rect = view.visualRect(index)
    point = rect.center() if rect.isValid() else QPoint(5, 5)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    if not view.selectionModel() or not view.selectionModel().isSelected(index):
        view.setCurrentIndex(index)


def set_clipboard(state: State, step: Step) -> Perform | Outcome:
    clipboard = QApplication.clipboard()
    state.last_done = f"{step['set_clipboard']!r} was put on the clipboard"
    return partial(clipboard.setText, step["set_clipboard"])


def provide_file(state: State, step: Step) -> Perform | Outcome:
    state.last_done = f"the file {step['provide_file']!r} was put in the home folder"
    return partial(state.dialogs.provide, step["provide_file"], step.get("content") or "")


ACTIONS: dict[str, Callable[[State, Step], Perform | Outcome]] = {
    "click": click,
    "type": type_text,
    "key": key,
    "select": select,
    "set_clipboard": set_clipboard,
    "provide_file": provide_file,
}
"""The actions but `drag` (accept_drag). A Perform may return an Outcome: the action was done, and failed."""
