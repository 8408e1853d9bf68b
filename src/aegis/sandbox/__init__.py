"""The one way untrusted code runs: a child process with limits, a scrubbed environment and isolation.

runner.py      SubprocessRunner: own session, process group killed on timeout, rlimits, scrubbed env
isolation.py   make_runner: bubblewrap (no network, read-only system, hidden home, private /tmp and /dev/shm;
               as root the program runs as nobody), else unshare, else limits only
cgroups.py     per-run cgroups (root): the run's processes and memory, tmpfs pages included, capped together
diskwatch.py   the disk the run's writable folders hold, measured while it runs; past the cap it is stopped

May import the shared modules only.
"""
