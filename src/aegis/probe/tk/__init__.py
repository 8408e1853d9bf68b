"""The probe's Tkinter side: hooks a Tk app's main loop, records its windows and explores them.

session.py   install(): hooks mainloop and friends, waits for a window, records, explores one `after` step at a time
explore.py   the interactive widgets of a Tk window (by Tcl path), one GuiAction per use
xshot.py     screenshots through `xwd` from the private Xvfb, made PNG

Standard library (tkinter) and aegis.probe only; runs inside the app's child process.
"""
