"""The probe's PySide6 side: hooks a Qt app's event loop, looks at its windows, explores or checks them.

session.py         install(): hooks exec(), waits for a window, records, inspects, explores step by step
startup_dialogs.py modal dialogs before the event loop (a master password, a file to open): answered at once
explore.py         the interactive widgets and menu actions of a window, one GuiAction per use
explore_keys.py    what has no visible button: keyboard shortcuts, custom context menus
accept_pass.py     exploring's second pass: each action that opened a dialog again, the dialog accepted
tray.py            apps that live in the system tray: the icon clicked, its menu explored
inspect_ui.py      a window as a user sees it: an empty window, a window larger than the screen, its picture
contrast.py        is the text readable: WCAG contrast of each shown text against what is behind it
accept.py          AcceptRun: one acceptance check's steps on the event loop, one per timer
accept_steps.py    the check's actions (click, type, key, select, set_clipboard, provide_file), their shared state
accept_keys.py     where a key step's key goes, and whether anything there could take it
accept_drag.py     the drag action: a user's drop simulated with Qt's drag and drop events
accept_expect.py   the check's expectations, each an Outcome
accept_files.py    what the app wrote: a saved file's format and text, SQLite rows (standard library only)
accept_find.py     what a step points at, found by what is written on it
accept_text.py     what a window shows, read as a user reads it
accept_dialogs.py  dialogs during a check, answered as a user would (sample files, Yes/OK)
accept_samples.py  the files a check gives the app: samples, and provide_file's PDF, workbook, tone or text

Imports PySide6, the standard library and aegis.probe only; runs inside the app's child process.
"""
