"""The expectations of an acceptance check on a Qt app: each looks once and returns an Outcome.

The step runner retries a failed expectation for a while (a short timer may need to catch up); messages
are one plain sentence naming what is missing, `seen` what is there instead.

Runs inside the app's child process (imports PySide6; never imported by the AEGIS core).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QWidget
from shiboken6 import isValid

from aegis.probe.options import AEGIS_OUTPUTS
from aegis.probe.qt import accept_find as find
from aegis.probe.qt.accept_dialogs import is_error_box
from aegis.probe.qt.accept_files import (
    databases,
    file_texts,
    format_name,
    format_problem,
    holds,
    rows_holding,
    stored_in,
    written_files,
)
from aegis.probe.qt.accept_samples import IMAGE_SUFFIXES, sample_colours_shown
from aegis.probe.qt.accept_steps import (
    Outcome,
    Snapshot,
    State,
    Step,
    scope,
    seen_list,
    take_snapshot,
    widget_text,
)
from aegis.probe.qt.accept_text import shown_texts, text_matches
from aegis.probe.qt.explore import top_windows
from aegis.probe.qt.inspect_ui import shown_image, window_image

CHANGED_PIXELS = 8
"""More differing pixels than this and the window changed; fewer is noise (a caret, a focus frame)."""
PLURALS = {"button": "buttons", "field": "fields", "label": "labels", "list": "lists", "any": "widgets"}


def expect_text(state: State, step: Step) -> Outcome:
    expected, within = step["expect_text"], step.get("in")
    widgets = scope(within, top_windows())
    if isinstance(widgets, Outcome):
        return widgets
    typed = state.typed_into if step.get("elsewhere") else None
    if typed is not None:
        widgets = [w for w in widgets if w is not typed and not typed.isAncestorOf(w)]
    texts = shown_texts(widgets)
    if any(text_matches(expected, text, exact=bool(step.get("exact"))) for text in texts):
        return Outcome(True)
    where = (f" in {within!r}" if within else "") + (" outside the field typed into" if typed is not None else "")
    exactly = "exactly " if step.get("exact") else ""
    return Outcome(False, f"no text {exactly}{expected!r} is shown{where}", seen_list(texts) or "no text at all")


def expect_changed(state: State, step: Step) -> Outcome:
    target = step.get("expect_changed") or "window"
    before = state.before or take_snapshot(state.main)
    seconds = time.monotonic() - before.taken
    if find.normalise(target) == "window":
        moved = focus_areas(state.main, before, QApplication.focusWidget())
        if changed_pixels(masked(before.image, moved), masked(shown_image(state.main), moved)) > CHANGED_PIXELS:
            return Outcome(True)
        focus = " (the keyboard focus moved; that alone is no change)" if moved else ""
        return Outcome(False, f"the window did not change in {seconds:.1f} s{focus}")
    widgets = scope(target, top_windows())
    if isinstance(widgets, Outcome):
        return widgets
    now = {id(w): widget_text(w) for w in widgets}
    if any(before.texts.get(key) != text for key, text in now.items()):
        return Outcome(True)
    return Outcome(False, f"the text of {target!r} did not change in {seconds:.1f} s", seen_list(list(now.values())))


def expect_unchanged(state: State, step: Step) -> Outcome:
    """The window (or a widget's text) as the last action left it: what it started has stopped."""
    target = step.get("expect_unchanged") or "window"
    after = state.after or take_snapshot(state.main)
    seconds = time.monotonic() - after.taken
    since = state.last_done or "the check started"
    if find.normalise(target) == "window":
        moved = focus_areas(state.main, after, QApplication.focusWidget())
        if changed_pixels(masked(after.image, moved), masked(shown_image(state.main), moved)) <= CHANGED_PIXELS:
            return Outcome(True)
        return Outcome(False, f"the window still changed in the {seconds:.1f} s after {since}")
    widgets = scope(target, top_windows())
    if isinstance(widgets, Outcome):
        return widgets
    now = {id(w): widget_text(w) for w in widgets}
    if all(after.texts.get(key, text) == text for key, text in now.items()):
        return Outcome(True)
    message = f"the text of {target!r} still changed in the {seconds:.1f} s after {since}"
    return Outcome(False, message, seen_list(list(now.values())))


def focus_areas(main: QWidget, before: Snapshot, now: QWidget | None) -> list[QRect]:
    """The buttons the keyboard focus left and reached (an arrow key sent to a focused button moves it), their
    text unchanged: a focus frame is not the app's doing. A canvas or field that got the focus is where an app
    draws, and a button whose text changed did change, so those still count."""
    if before.focus is now:
        return []
    widgets = [
        w
        for w in (before.focus, now)
        if isinstance(w, QAbstractButton) and isValid(w) and w.isVisible() and main.isAncestorOf(w)
    ]
    unchanged = [w for w in widgets if before.texts.get(id(w)) == widget_text(w)]
    return [QRect(w.mapTo(main, QPoint(0, 0)), w.size()).adjusted(-3, -3, 3, 3) for w in unchanged]


def masked(image: QImage, areas: list[QRect]) -> QImage:
    if not areas:
        return image
    copy = image.convertToFormat(QImage.Format.Format_RGB32)
    painter = QPainter(copy)
    for area in areas:
        painter.fillRect(area, QColor(0, 0, 0))
    painter.end()
    return copy


def changed_pixels(before: QImage, after: QImage) -> int:
    """Differing pixels, counted up to just past CHANGED_PIXELS; a new size counts as changed."""
    if before.size() != after.size():
        return CHANGED_PIXELS + 1
    if before == after:
        return 0
    width, stride = before.width(), before.bytesPerLine() // 4
    old, new = memoryview(before.constBits()).cast("I"), memoryview(after.constBits()).cast("I")
    count = 0
    for row in range(before.height()):
        line = slice(row * stride, row * stride + width)
        if old[line].tobytes() != new[line].tobytes():
            count += sum(1 for a, b in zip(old[line], new[line], strict=True) if a != b)
            if count > CHANGED_PIXELS:
                break
    return count


def expect_file(state: State, step: Step) -> Outcome:
    saved = state.dialogs.saved
    if not saved:
        return Outcome(False, f"{state.last_done or 'the check ran'} but no save dialog was opened")
    path = written(Path(saved[-1]))
    if not path.is_file():
        return Outcome(False, f"the file was not written (the save dialog chose {path.name})")
    data, fmt = path.read_bytes(), step.get("format") or "txt"
    problem = format_problem(data, fmt) if step.get("format") else ""
    if problem:
        return Outcome(False, f"the file {path.name} is not a real {format_name(fmt)}: {problem}")
    wanted, lacks = step.get("expect_file") or "", step.get("lacks")
    if wanted and not holds(data, fmt, wanted):
        return Outcome(False, f"the file does not contain {wanted!r}", seen_list(file_texts(data, fmt)[-1:]))
    if lacks and holds(data, fmt, lacks):
        return Outcome(False, f"the file {path.name} holds {lacks!r} in plain text")
    return Outcome(True)


def written(chosen: Path) -> Path:
    """The file chosen in the save dialog; or, when the app added a suffix of its own, the file it wrote."""
    if chosen.exists():
        return chosen
    added = sorted(chosen.parent.glob(f"{chosen.name}.*"))
    return added[0] if added else chosen


def expect_image_shown(state: State, step: Step) -> Outcome:
    """The sample image an open dialog was given, or an image a provide_file step wrote (an app that scans a
    folder finds those without a dialog), is visible."""
    opened = state.dialogs.opened
    provided = [path for path in state.dialogs.provided if path.suffix.casefold() in IMAGE_SUFFIXES]
    if provided:
        return image_visible()
    if not opened:
        return Outcome(False, f"{state.last_done or 'the check ran'} but no open dialog was opened")
    if opened[-1] != str(state.dialogs.image_sample):
        return Outcome(False, "the open dialog's file filter does not mention images, so it was not given the image")
    return image_visible()


def image_visible() -> Outcome:
    colours = max(sample_colours_shown(window_image(window)) for window in top_windows())
    if colours >= 3:
        return Outcome(True)
    return Outcome(False, f"the opened image is not shown ({colours} of its 4 colours are visible in the window)")


def expect_items(state: State, step: Step) -> Outcome:
    wanted, within, count = step.get("expect_items") or "", step.get("in"), int(step.get("count") or 1)
    widgets = scope(within, top_windows())
    if isinstance(widgets, Outcome):
        return widgets
    views: list[Any] = find.item_views(widgets)
    views += [w for w in widgets if within and isinstance(w, QComboBox)]
    if not views:
        return Outcome(False, f"there is no list, table or tree{f' in {within!r}' if within else ''}")
    rows = [find.item_rows(view) for view in views]
    holding = [r for r in rows if not wanted or any(text_matches(wanted, c, exact=False) for x in r for c in x)]
    cells = [" ".join(c for c in row if c) for r in rows for row in r]
    if not holding:
        items = seen_list(cells[:8]) or "none"
        return Outcome(False, f"the list has no item containing {wanted!r} (items: {items})", seen_list(cells))
    most = max(len(r) for r in holding)
    if most >= count:
        return Outcome(True)
    return Outcome(False, f"the list has {most} row{'s' * (most != 1)}, expected at least {count}", seen_list(cells))


def expect_count(state: State, step: Step) -> Outcome:
    kind, wanted = step.get("of") or "any", int(step["expect_count"])
    found = find.count_widgets(top_windows(), kind)
    if found >= wanted:
        return Outcome(True)
    return Outcome(False, f"{found} {PLURALS[kind]} are shown, expected at least {wanted}")


def expect_no_dialog_error(state: State, step: Step) -> Outcome:
    errors = [box for box in state.dialogs.boxes if is_error_box(box)]
    if not errors:
        return Outcome(True)
    box = errors[0]
    return Outcome(
        False, f"an error or warning message appeared: {box['title']!r}: {box['text']!r}", seen_list([box["text"]])
    )


def app_folders(state: State) -> list[Path]:
    """Where an app keeps what it saves: its own folder and its home folder."""
    return [Path(sys.argv[0]).resolve().parent if sys.argv and sys.argv[0] else Path.cwd(), state.dialogs.home]


def expect_sqlite(state: State, step: Step) -> Outcome:
    wanted = step["expect_sqlite"]
    found = databases(app_folders(state), state.since)
    if not found:
        return Outcome(False, "the app wrote no SQLite database (in its folder or its home folder)")
    tables = []
    for path in found:
        holding, seen = rows_holding(path, wanted)
        if holding:
            return Outcome(True)
        tables.append(seen)
    names = ", ".join(path.name for path in found)
    return Outcome(False, f"no row of the SQLite database ({names}) holds {wanted!r}", seen_list(tables))


def expect_clipboard(state: State, step: Step) -> Outcome:
    wanted, held = step["expect_clipboard"], QApplication.clipboard().text()
    if held and text_matches(wanted, held, exact=False):
        return Outcome(True)
    return Outcome(False, f"the clipboard does not hold {wanted!r}", seen_list([held]) or "the clipboard is empty")


def expect_not_stored(state: State, step: Step) -> Outcome:
    wanted = step["expect_not_stored"]
    folders = app_folders(state)
    report = state.dialogs.report.path
    ours = [folders[0] / name for name in AEGIS_OUTPUTS] + [*([report.parent] if report else []), Path(sys.argv[0])]
    written = written_files(folders, state.since, ours)  # what the check gave the app is dated back: not counted
    if not written:
        return Outcome(False, "the app wrote no file (in its folder or its home folder), so nothing was stored")
    holding = [path.name for path in written if stored_in(path, wanted)]
    if not holding:
        return Outcome(True)
    return Outcome(False, f"{holding[0]} holds {wanted!r} in plain text", seen_list(holding))


EXPECTATIONS: dict[str, Callable[[State, Step], Outcome]] = {
    "expect_text": expect_text,
    "expect_changed": expect_changed,
    "expect_unchanged": expect_unchanged,
    "expect_file": expect_file,
    "expect_image_shown": expect_image_shown,
    "expect_items": expect_items,
    "expect_count": expect_count,
    "expect_no_dialog_error": expect_no_dialog_error,
    "expect_sqlite": expect_sqlite,
    "expect_clipboard": expect_clipboard,
    "expect_not_stored": expect_not_stored,
}
