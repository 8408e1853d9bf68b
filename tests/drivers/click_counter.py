"""Test driver, run in a child process: `python click_counter.py APP.py`.

Runs APP as __main__ offscreen; once its event loop starts, clicks each visible button in turn and
prints JSON saying whether some visible text showed a number that went up by exactly one.
"""

from __future__ import annotations

import json
import os
import re
import runpy
import sys

from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

NUMBER = re.compile(r"-?\d+")


def texts(window: QWidget) -> dict[int, str]:
    found = {}
    for widget in [window, *window.findChildren(QWidget)]:
        for getter in ("text", "toPlainText", "intValue"):
            if widget.isVisible() and hasattr(widget, getter):
                try:
                    found[id(widget)] = str(getattr(widget, getter)())
                except TypeError:
                    continue
                break
    return found


def went_up_by_one(before: str, after: str) -> bool:
    old, new = NUMBER.findall(before), NUMBER.findall(after)
    return len(old) == len(new) and any(int(b) - int(a) == 1 for a, b in zip(old, new, strict=True))


def probe() -> None:
    report = {"buttons": [], "counted": False}
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for window in windows:
        for button in window.findChildren(QAbstractButton):
            if not button.isVisible() or not button.isEnabled():
                continue
            before = texts(window)
            button.click()
            QApplication.processEvents()
            after = texts(window)
            changed = {k: (before[k], after[k]) for k in before if k in after and before[k] != after[k]}
            report["buttons"].append({"text": button.text(), "changed": list(changed.values())})
            if any(went_up_by_one(a, b) for a, b in changed.values()):
                report["counted"] = True
    print("RESULT " + json.dumps(report), flush=True)
    os._exit(0)


def main() -> None:
    original = QApplication.exec

    def exec_and_probe(*args: object) -> int:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(200, probe)
        return original()

    QApplication.exec = staticmethod(exec_and_probe)  # type: ignore[method-assign]
    sys.argv = [sys.argv[1]]
    runpy.run_path(sys.argv[0], run_name="__main__")


if __name__ == "__main__":
    main()
