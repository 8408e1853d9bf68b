"""`aegis serve`: a local web app to build, watch and download apps, on top of the run folders.

store.py     the build queue: SQLite in the runs folder, shared by the server and its workers
worker.py    a worker process: takes queued builds one by one, keeps its model loaded between them
pool.py      the server's worker processes: started, replaced when they die, told to cancel, stopped
runs.py      what a run folder holds, read safely (no `..`, no links), its diff and zip
views.py     a build as the API answers it: the queue's record and its run folder merged
stream.py    a build's live events (server-sent events) from its events.jsonl
guard.py     who may ask: the Host on loopback, the token elsewhere, JSON for every change
settings.py  what the routes share: the queue, the config, the token; the build a URL names
builds.py    the API of builds: queue, list, read, follow (server-sent events), cancel, retry
files.py     the files of run folders (shown or downloaded, never run), zips, diffs, benches compared
pages.py     the two pages (Jinja templates in templates/)
app.py       the FastAPI app: the routers, the guard, one error shape

Needs the `serve` extra (FastAPI, uvicorn). May import the loop (to run a build), the bench (to compare two)
and the shared modules; only the CLI imports it.
"""
