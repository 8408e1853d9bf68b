"""What the explorer can do to a Tk window: find the interactive widgets and make one GuiAction for each use.

Works on Tcl window paths through the interpreter (`tk`, a root's `.tk`), so it sees widgets whatever
Python class made them. Groups and order are those of the Qt explorer (explore.py): fields, choices,
buttons, menus, then lists; a non-zero seed shuffles within each group. Standard library only; runs
inside the app's child process.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from tkinter import TclError
from typing import Any

from aegis.probe.common import QUIT_WORDS, GuiAction, in_group_order

TYPED_LINE = "42"
TYPED_TEXT = "Hello from AEGIS 123"
GROUPS = ("input", "choice", "button", "menu", "items")
MAX_CHOICES = 5
"""Most combo box values, tabs or scale positions tried per widget."""
MAX_ROWS = 2
"""Most list rows selected (and double-clicked) per list."""
KEYSYMS = {" ": "space"}


def collect(tk: Any, toplevels: list[str], seed: int) -> list[GuiAction]:
    found: list[GuiAction] = []
    for top in toplevels:
        for path in widgets_in(tk, top):
            if flag(tk, "winfo", "viewable", path) and enabled(tk, path):
                found.extend(widget_actions(tk, path))
        found.extend(menu_actions(tk, top))
    return in_group_order(found, GROUPS, seed)


def flag(tk: Any, *command: object) -> bool:
    return bool(tk.getboolean(tk.call(*command)))


def children(tk: Any, path: str) -> list[str]:
    return [str(child) for child in tk.splitlist(tk.call("winfo", "children", path))]


def class_of(tk: Any, path: str) -> str:
    return str(tk.call("winfo", "class", path))


def is_toplevel(tk: Any, path: str) -> bool:
    return str(tk.call("winfo", "toplevel", path)) == path and class_of(tk, path) != "Menu"


def toplevels(tk: Any) -> list[str]:
    """Every mapped toplevel window (menus left out), the root first."""
    found, pending = [], ["."]
    while pending:
        path = pending.pop(0)
        if is_toplevel(tk, path) and flag(tk, "winfo", "ismapped", path):
            found.append(path)
        pending.extend(children(tk, path))
    return found


def widgets_in(tk: Any, top: str) -> list[str]:
    """The widgets inside a toplevel, in creation order, not descending into other toplevels."""
    found = []
    for child in children(tk, top):
        if not is_toplevel(tk, child) and class_of(tk, child) != "Menu":
            found.append(child)
            found.extend(widgets_in(tk, child))
    return found


def option(tk: Any, path: str, name: str) -> str:
    try:
        return str(tk.call(path, "cget", name))
    except TclError:  # not every widget has every option
        return ""


def enabled(tk: Any, path: str) -> bool:
    if class_of(tk, path).startswith("T"):  # a ttk widget keeps its state in flags
        return not flag(tk, path, "instate", "disabled")
    return option(tk, path, "-state") != "disabled"


def editable(tk: Any, path: str) -> bool:
    if class_of(tk, path).startswith("T"):
        return not flag(tk, path, "instate", "readonly")
    return option(tk, path, "-state") != "readonly"


def name_of(tk: Any, path: str) -> str:
    text = (option(tk, path, "-text") or label_before(tk, path)).replace("\n", " ").strip()
    return f"{class_of(tk, path)} '{text[:40]}'" if text else class_of(tk, path)


def label_before(tk: Any, path: str) -> str:
    """The text of the nearest label made before the widget in the same container: usually its caption."""
    parent = str(tk.call("winfo", "parent", path))
    siblings = children(tk, parent)
    for sibling in reversed(siblings[: siblings.index(path)]):
        if class_of(tk, sibling) in ("Label", "TLabel") and option(tk, sibling, "-text").strip():
            return option(tk, sibling, "-text")
    return ""


def widget_actions(tk: Any, path: str) -> list[GuiAction]:
    make = ACTION_MAKERS.get(class_of(tk, path))
    return make(tk, path) if make else []


def button_actions(tk: Any, path: str) -> list[GuiAction]:
    verb = "clicked" if class_of(tk, path) in ("Button", "TButton") else "toggled"
    quits = bool(QUIT_WORDS.search(option(tk, path, "-text")))
    return [GuiAction(path, "button", f"{verb} {name_of(tk, path)}", lambda: tk.call(path, "invoke"), quits)]


def entry_actions(tk: Any, path: str) -> list[GuiAction]:
    if not editable(tk, path):
        return []

    def type_and_enter() -> None:
        tk.call(path, "delete", 0, "end")
        type_keys(tk, path, TYPED_LINE)
        press(tk, path, "Return")

    return [GuiAction(path, "input", f"typed '{TYPED_LINE}' + Enter into {name_of(tk, path)}", type_and_enter)]


def text_actions(tk: Any, path: str) -> list[GuiAction]:
    return [
        GuiAction(
            path, "input", f"typed '{TYPED_TEXT}' into {name_of(tk, path)}", lambda: type_keys(tk, path, TYPED_TEXT)
        )
    ]


def type_keys(tk: Any, path: str, text: str) -> None:
    tk.call("focus", "-force", path)
    for char in text:
        press(tk, path, KEYSYMS.get(char, char))


def press(tk: Any, path: str, keysym: str) -> None:
    tk.call("event", "generate", path, "<KeyPress>", "-keysym", keysym)
    if flag(tk, "winfo", "exists", path):  # Return may have closed a dialog
        tk.call("event", "generate", path, "<KeyRelease>", "-keysym", keysym)


def combobox_actions(tk: Any, path: str) -> list[GuiAction]:
    values = [str(v) for v in tk.splitlist(tk.call(path, "cget", "-values"))][:MAX_CHOICES]

    def choose(index: int) -> None:
        tk.call(path, "current", index)
        tk.call("event", "generate", path, "<<ComboboxSelected>>")

    return [
        GuiAction(f"{path}|{i}", "choice", f"chose '{value}' in {name_of(tk, path)}", partial(choose, i))
        for i, value in enumerate(values)
    ]


def spinbox_actions(tk: Any, path: str) -> list[GuiAction]:
    if class_of(tk, path) == "TSpinbox":
        steps = {
            "up": partial(tk.call, "event", "generate", path, "<<Increment>>"),
            "down": partial(tk.call, "event", "generate", path, "<<Decrement>>"),
        }
    else:
        steps = {
            "up": partial(tk.call, path, "invoke", "buttonup"),
            "down": partial(tk.call, path, "invoke", "buttondown"),
        }
    return [
        GuiAction(f"{path}|{way}", "choice", f"stepped {name_of(tk, path)} {way}", step) for way, step in steps.items()
    ]


def scale_actions(tk: Any, path: str) -> list[GuiAction]:
    low, high = float(option(tk, path, "-from") or 0), float(option(tk, path, "-to") or 0)
    targets = {"maximum": high, "minimum": low, "middle": (low + high) / 2}
    return [
        GuiAction(
            f"{path}|{where}",
            "choice",
            f"moved {name_of(tk, path)} to its {where}",
            partial(tk.call, path, "set", value),
        )
        for where, value in targets.items()
    ]


def notebook_actions(tk: Any, path: str) -> list[GuiAction]:
    tabs = [str(t) for t in tk.splitlist(tk.call(path, "tabs"))][:MAX_CHOICES]
    return [
        GuiAction(
            f"{path}|{tab}",
            "choice",
            f"opened tab '{tk.call(path, 'tab', tab, '-text')}'",
            partial(tk.call, path, "select", tab),
        )
        for tab in tabs
    ]


def listbox_actions(tk: Any, path: str) -> list[GuiAction]:
    actions = []
    for row in range(min(int(tk.call(path, "size")), MAX_ROWS)):
        text = str(tk.call(path, "get", row))[:30]
        actions.append(
            GuiAction(
                f"{path}|select{row}",
                "items",
                f"selected '{text}' in {name_of(tk, path)}",
                partial(select_row, tk, path, row),
            )
        )
        actions.append(
            GuiAction(
                f"{path}|double{row}",
                "items",
                f"double-clicked '{text}' in {name_of(tk, path)}",
                partial(double_click_row, tk, path, row),
            )
        )
    return actions


def select_row(tk: Any, path: str, row: int) -> None:
    tk.call(path, "see", row)
    tk.call(path, "selection", "clear", 0, "end")
    tk.call(path, "selection", "set", row)
    tk.call(path, "activate", row)
    tk.call("event", "generate", path, "<<ListboxSelect>>")


def double_click_row(tk: Any, path: str, row: int) -> None:
    select_row(tk, path, row)
    box = tk.splitlist(tk.call(path, "bbox", row)) or (2, 2, 0, 0)
    x, y = int(box[0]) + int(box[2]) // 2, int(box[1]) + int(box[3]) // 2
    for event in ("<ButtonPress-1>", "<ButtonRelease-1>") * 2:  # two quick clicks in one place: Tk's double click
        tk.call("event", "generate", path, event, "-x", x, "-y", y)


def menu_actions(tk: Any, top: str) -> list[GuiAction]:
    menu = option(tk, top, "-menu")
    return menu_entries(tk, menu, []) if menu else []


def menu_entries(tk: Any, menu: str, trail: list[str]) -> list[GuiAction]:
    last = str(tk.call(menu, "index", "end"))
    actions: list[GuiAction] = []
    for index in range(int(last) + 1 if last != "none" else 0):
        kind = str(tk.call(menu, "type", index))
        if kind in ("separator", "tearoff") or str(tk.call(menu, "entrycget", index, "-state")) == "disabled":
            continue
        label = str(tk.call(menu, "entrycget", index, "-label"))
        if kind == "cascade" and len(trail) < 4:
            actions += menu_entries(tk, str(tk.call(menu, "entrycget", index, "-menu")), [*trail, label])
        elif kind in ("command", "checkbutton", "radiobutton"):
            path = " > ".join([*trail, label])
            verb = "triggered" if kind == "command" else "toggled"
            actions.append(
                GuiAction(
                    f"{menu}|{index}|{label}",
                    "menu",
                    f"{verb} menu action '{path}'",
                    partial(tk.call, menu, "invoke", index),
                    bool(QUIT_WORDS.search(label)),
                )
            )
    return actions


ACTION_MAKERS: dict[str, Callable[[Any, str], list[GuiAction]]] = {
    **dict.fromkeys(
        ("Button", "TButton", "Checkbutton", "TCheckbutton", "Radiobutton", "TRadiobutton"), button_actions
    ),
    **dict.fromkeys(("Entry", "TEntry"), entry_actions),
    "Text": text_actions,
    "TCombobox": combobox_actions,
    **dict.fromkeys(("Spinbox", "TSpinbox"), spinbox_actions),
    **dict.fromkeys(("Scale", "TScale"), scale_actions),
    "TNotebook": notebook_actions,
    "Listbox": listbox_actions,
}
