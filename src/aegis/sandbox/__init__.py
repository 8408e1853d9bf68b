"""The one way untrusted code runs: a child process with limits, a scrubbed environment and isolation.

runner.py      SubprocessRunner: own session, process group killed on timeout, rlimits, scrubbed env
isolation.py   make_runner: bubblewrap (no network, read-only system, hidden home), else unshare, else
               limits only; a process cap per run

May import the shared modules only.
"""
