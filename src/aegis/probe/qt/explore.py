"""What the explorer can do to a Qt window: find the interactive widgets and make one GuiAction for each use.

Runs inside the app's child process (imports PySide6; never imported by the AEGIS core). Actions are
collected in tree order and grouped in a user's natural order: lists first (before typing into a search
field can empty them), then fields, options, buttons and menus; shuffled within each group by the seed.
The session collects afresh after every action, so rows, pages and buttons an action reveals come next.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
    QWizard,
)

from aegis.probe.common import QUIT_WORDS, GuiAction, in_group_order
from aegis.probe.qt.explore_keys import ContextMenus, shortcut_actions

TYPED_LINE = "42"
TYPED_TEXT = "Hello from AEGIS 123"
GROUPS = ("items", "input", "choice", "button", "menu", "back")
DIALOG_ENDING_WORDS = re.compile(r"^\W*(cancel|close|finish)\b", re.I)
"""In a dialog, a button that closes it: when the dialog is the app's window, it ends the app (pressed last)."""
SEARCH_WORDS = re.compile(r"\b(search|filter|find)", re.I)
"""What a search or filter box says (placeholder, accessible name, object name): typing there hides rows and
controls until the box is cleared."""
MAX_CHOICES = 5
"""Most combo box entries, tabs or list rows walked per widget."""


def collect(
    windows: list[QWidget],
    seed: int,
    context_menus: ContextMenus | None = None,
    skipped: Callable[[QWidget, Exception], None] | None = None,
) -> list[GuiAction]:
    """Every action the windows offer. A widget whose actions cannot be read (an app model that raises when
    the probe asks it for rows) is left out and passed to `skipped`; the others are still tried."""
    found: list[GuiAction] = []
    for window in windows:
        for widget in [window, *window.findChildren(QWidget)]:
            if not (widget.isVisible() and widget.isEnabled()):
                continue
            try:
                found.extend(widget_actions(widget))
                if context_menus and widget.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu:
                    found.extend(context_menus.actions(widget, name_of(widget)))
            except Exception as error:  # boundary: the probe asked the app's own code (a model) and it raised
                if skipped is None:
                    raise
                skipped(widget, error)
        found.extend(menu_actions(window))
        found.extend(shortcut_actions(window))
    return in_group_order(found, GROUPS, seed)


def widget_actions(widget: QWidget) -> list[GuiAction]:
    for kind, make in ACTION_MAKERS:
        if isinstance(widget, kind):
            return make(widget)
    return []


def name_of(widget: QWidget) -> str:
    """Class and label; for inputs, never their content (it changes as they are used)."""
    text = ""
    content_shown = isinstance(widget, (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit, QComboBox))
    getters = (
        ("placeholderText", "accessibleName", "objectName")
        if content_shown
        else ("text", "placeholderText", "title", "windowTitle", "accessibleName", "objectName")
    )
    for getter in getters:
        value = getattr(widget, getter, None)
        if callable(value):
            text = str(value()).replace("&", "").strip()
            if text:
                break
    return f"{type(widget).__name__} '{text[:40]}'" if text else type(widget).__name__


def key_of(widget: QWidget, suffix: str = "") -> str:
    """Stable while the widget lives (its text may change as the app runs)."""
    return f"{type(widget).__name__}|{id(widget)}|{suffix}"


def button_actions(button: QAbstractButton) -> list[GuiAction]:
    if isinstance(button, QToolButton) and button.defaultAction() is not None:
        return []  # the QAction itself is triggered as a menu/toolbar action
    verb = "toggled" if button.isCheckable() else "clicked"
    text = button.text().replace("&", "")
    ends = bool(QUIT_WORDS.search(text)) or (
        isinstance(button.window(), QDialog) and bool(DIALOG_ENDING_WORDS.search(text))
    )
    wizard = button.window()
    back = isinstance(wizard, QWizard) and button is wizard.button(QWizard.WizardButton.BackButton)
    group = "back" if back else "button"  # a wizard's Back waits, so the pages ahead are seen first
    return [GuiAction(key_of(button), group, f"{verb} {name_of(button)}", button.click, ends)]


def line_edit_actions(edit: QLineEdit) -> list[GuiAction]:
    if edit.isReadOnly():
        return []

    def type_and_enter() -> None:
        edit.setFocus()
        edit.clear()
        QTest.keyClicks(edit, TYPED_LINE)
        QTest.keyClick(edit, Qt.Key.Key_Return)

    def search_and_clear() -> None:
        type_and_enter()
        QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(edit, Qt.Key.Key_Backspace)

    if SEARCH_WORDS.search(name_of(edit)):  # a user searches, looks, and clears the box to see everything again
        description = f"typed '{TYPED_LINE}' + Enter into {name_of(edit)}, then cleared it"
        return [GuiAction(key_of(edit), "input", description, search_and_clear)]
    return [GuiAction(key_of(edit), "input", f"typed '{TYPED_LINE}' + Enter into {name_of(edit)}", type_and_enter)]


def text_edit_actions(edit: QTextEdit | QPlainTextEdit) -> list[GuiAction]:
    if edit.isReadOnly():
        return []

    def type_text() -> None:
        edit.setFocus()
        QTest.keyClicks(edit.viewport(), TYPED_TEXT)

    return [GuiAction(key_of(edit), "input", f"typed '{TYPED_TEXT}' into {name_of(edit)}", type_text)]


def spin_actions(spin: QAbstractSpinBox) -> list[GuiAction]:
    if spin.isReadOnly():
        return []
    return [
        GuiAction(key_of(spin, "up"), "choice", f"stepped {name_of(spin)} up", spin.stepUp),
        GuiAction(key_of(spin, "down"), "choice", f"stepped {name_of(spin)} down", spin.stepDown),
    ]


def slider_actions(slider: QAbstractSlider) -> list[GuiAction]:
    targets = {
        "maximum": slider.maximum(),
        "minimum": slider.minimum(),
        "middle": (slider.minimum() + slider.maximum()) // 2,
    }
    return [
        GuiAction(
            key_of(slider, where),
            "choice",
            f"moved {name_of(slider)} to its {where}",
            partial(slider.setValue, value),
        )
        for where, value in targets.items()
    ]


def combo_actions(combo: QComboBox) -> list[GuiAction]:
    return [
        GuiAction(
            key_of(combo, str(i)),
            "choice",
            f"chose '{combo.itemText(i)}' in {name_of(combo)}",
            partial(choose, combo, i),
        )
        for i in range(min(combo.count(), MAX_CHOICES))
    ]


def choose(combo: QComboBox, index: int) -> None:
    """What picking an entry from the popup does: change the current entry, then say it was activated."""
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    combo.textActivated.emit(combo.itemText(index))


def tab_actions(tabs: QTabBar) -> list[GuiAction]:
    return [
        GuiAction(
            key_of(tabs, str(i)),
            "choice",
            f"opened tab '{tabs.tabText(i).replace('&', '')}'",
            partial(click_tab, tabs, i),
        )
        for i in range(min(tabs.count(), MAX_CHOICES))
        if tabs.isTabEnabled(i) and tabs.isTabVisible(i)
    ]


def click_tab(tabs: QTabBar, index: int) -> None:
    """A click on the tab, as a user makes it: tabBarClicked, then currentChanged when it is another tab."""
    area = tabs.tabRect(index)
    if area.isEmpty():  # scrolled out of the bar
        tabs.setCurrentIndex(index)
        return
    QTest.mouseClick(tabs, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, area.center())


def item_view_actions(view: QAbstractItemView) -> list[GuiAction]:
    model = view.model()
    if isinstance(view, QHeaderView) or model is None:
        return []  # a header shares its table's model, but its sections are not the table's rows
    root = view.rootIndex()  # a Python model's rowCount() and index() may require every argument
    actions = []
    for row in range(min(model.rowCount(root), 2)):
        index = model.index(row, 0, root)
        text = str(model.data(index, Qt.ItemDataRole.DisplayRole) or "")[:30]
        actions.append(
            GuiAction(
                key_of(view, f"select{row}"),
                "items",
                f"selected '{text}' in {name_of(view)}",
                partial(_click_index, view, index, double=False),
            )
        )
        actions.append(
            GuiAction(
                key_of(view, f"double{row}"),
                "items",
                f"double-clicked '{text}' in {name_of(view)}",
                partial(_click_index, view, index, double=True),
            )
        )
        if model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable:
            actions.append(
                GuiAction(
                    key_of(view, f"check{row}"),
                    "items",
                    f"ticked the box of '{text}' in {name_of(view)}",
                    partial(_toggle_check, model, index),
                )
            )
    return actions


def _toggle_check(model: object, index: object) -> None:
    """What a click on an item's check box does: the view asks the model to flip the CheckStateRole."""
    role = Qt.ItemDataRole.CheckStateRole
    state = model.data(index, role)  # type: ignore[attr-defined]
    checked = state in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
    model.setData(index, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked, role)  # type: ignore[attr-defined]


def _click_index(view: QAbstractItemView, index: object, *, double: bool) -> None:
    rect = view.visualRect(index)  # type: ignore[arg-type]
    view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)  # type: ignore[arg-type]
    point = rect.center() if rect.isValid() else QPoint(5, 5)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    if double:
        QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def menu_actions(window: QWidget) -> list[GuiAction]:
    actions = []
    for action in window.findChildren(QAction):
        text = action.text().replace("&", "").strip()
        if not text or action.isSeparator() or action.menu() is not None or not action.isEnabled():
            continue
        if not action.isVisible() or not reachable(action):
            continue
        path = menu_path(action)
        verb = "toggled" if action.isCheckable() else "triggered"
        actions.append(
            GuiAction(
                f"QAction|{path}|{id(action)}",
                "menu",
                f"{verb} menu action '{path}'",
                action.trigger,
                bool(QUIT_WORDS.search(text)),
            )
        )
    return actions


def reachable(action: QAction) -> bool:
    """In a menu bar menu, a toolbar or a visible widget: a user could get at it."""
    return any(
        isinstance(owner, QWidget) and (owner.isVisible() or isinstance(owner, QMenu))
        for owner in action.associatedObjects()
    )


def menu_path(action: QAction) -> str:
    parts = [action.text().replace("&", "").strip()]
    owner = next((o for o in action.associatedObjects() if isinstance(o, QMenu)), None)
    seen = 0
    while owner is not None and seen < 5:
        title = owner.title().replace("&", "").strip()
        if title:
            parts.insert(0, title)
        parent_action = owner.menuAction()
        owner = next((o for o in parent_action.associatedObjects() if isinstance(o, QMenu) and o is not owner), None)
        seen += 1
    return " > ".join(parts)


def top_windows() -> list[QWidget]:
    """Visible windows, without popups (menus, combo box lists): those come and go between steps."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w.isWindow() and w.windowType() != Qt.WindowType.Popup and not isinstance(w, QMenu)
    ]


ACTION_MAKERS: list[tuple[type, Callable[..., list[GuiAction]]]] = [
    (QAbstractButton, button_actions),
    (QLineEdit, line_edit_actions),
    (QTextEdit, text_edit_actions),
    (QPlainTextEdit, text_edit_actions),
    (QAbstractSpinBox, spin_actions),
    (QAbstractSlider, slider_actions),
    (QComboBox, combo_actions),
    (QTabBar, tab_actions),
    (QAbstractItemView, item_view_actions),
]
