"""Pre-checks: what can be found and fixed in a program's source before it ever runs.

static.py      precheck(code): compile + pyflakes, then the fixes and checks below, in order
import_fix.py  PyQt names to PySide6; PySide6 names used without import (or from the wrong module) fixed
               from the shipped name table (data/pyside6_names.json)
entry_fix.py   the main block's MainWindow() renamed to the program's one window class, when it has another name
layout_fix.py  a QMainWindow's ignored setLayout() moved onto a central widget; a QWidget subclass that calls
               QMainWindow's own methods made a QMainWindow
order_fix.py   a `self.x = ...` line of __init__ moved above the first use of self.x, when certain
repaint_fix.py  `self.update()` added to a painting widget's timer slot or key handler that never repaints
unset_fix.py   `self.x = <constant>` added to __init__ when only a later method sets it (to that constant)
call_fix.py    `self.setFocus(self.board)` (setFocus takes no widget) made `self.board.setFocus()`
members.py     methods and enum members a PySide6 class lacks (QLineEdit.append, Qt.KeyPressEvent), with
               did-you-mean; the unique fixes made (QLineEdit.append -> setText(text() + ...), methods Qt 6 renamed)
member_table.py  the shipped PySide6 member table (data/pyside6_members.json) and lookups through the bases
bindings.py    what each name and attribute of the program is bound to (`self.x = QLineEdit()`), if certain
class_members.py  `self.name` (a connected handler most often) that the program's own class never defines
placeholders.py  handlers that only pretend ("for simplicity, we'll just show a message box")
unwired.py     buttons with a text that nothing connects (only placed and styled), signals only emitted

Pure source-to-source work: runs nothing. May import the shared modules (schema, errors); nothing else of aegis.
"""
