"""Verdicts: run a program under the probe in the sandbox and turn what the probe saw into a Verdict.

headless.py    HeadlessProber: the probe's run (offscreen Qt, Xvfb for Tk, SDL dummy for pygame), then
               the acceptance checks, each on a fresh start
judge.py       the probe's records + the child's ExecResult -> Verdict (failures, warnings, windows, timings)
checks.py      acceptance checks: run them, and their records -> Acceptance, problems and one-line failures
requirements.py  what the task asks for: checked (passed, failed) or unverified, from checks, placeholders and
               the phrase library (data/requirements.json)
diagnose.py    trimmed tracebacks with the action that caused them; missing system libraries named with
               their Debian package
toolkit.py     which toolkit a program uses, its probe file and environment, a private Xvfb
workspace.py   the scratch copy a program runs in, the signed report channel, and what comes back (PNGs only)

May import the probe's records, options and signing (aegis.probe), acceptance, sandbox and the shared modules; never
generate, bench or cli.
"""
