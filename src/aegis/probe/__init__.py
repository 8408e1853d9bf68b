"""The probe: code that runs inside the checked program's own process, next to the app under test.

launch.py         the launcher script (python launch.py TOOLKIT REPORT SHOTS APP TIMEOUT SETTLE OPTIONS_JSON)
frozen.py         starts the probe inside a packaged executable (AEGIS_PROBE, from a PyInstaller runtime hook)
child.py          what every start shares: report, hooks, watchdog, the toolkit's session, the app as __main__
runtime.py        Report, the exception hooks, the hang Watchdog and run_app
records.py        the report's records, typed (Hang, Windows, ActionTaken...); parse_line reads them back
options.py        ProbeOptions (exploration settings and defaults), ProbeArgs (argv / AEGIS_PROBE), SESSIONS
signing.py        the report's lines signed with a per-run key the program is never given; verified by AEGIS
common.py         what every toolkit's session shares: timer steps, GuiAction, their order, how a session ends
qt/               the PySide6 session: exploration, UI inspection, acceptance checks
tk/               the Tkinter session: exploration, xwd screenshots
pygame/           the pygame session: synthetic input inside the app's own loop

Imports the standard library and the toolkit under test, and nothing of aegis outside aegis.probe. AEGIS
itself imports only records.py, options.py and signing.py (standard library, nothing done at import); the launcher
scripts put aegis on sys.path when they start, so nothing imports them.
"""
