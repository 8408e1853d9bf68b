"""The live event stream of one build, as server-sent events.

    event: status   {"status", "message", "rounds", ...}   whenever the build's summary changes (no thumbnail)
    event: step     one line of the run folder's events.jsonl (ask, answer, llm, verdict, package_start, ...)
    event: end      the build is done and every step was sent; the stream closes

Steps are read from the file as it grows (whole lines only), so a page that connects late still gets every
step from the first, and a restarted server streams a finished build just the same.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from aegis.serve.runs import EVENTS, open_inside
from aegis.serve.views import Entry

POLL_SECONDS = 0.25
KEEPALIVE_SECONDS = 15.0


async def build_events(lookup: Callable[[], Entry | None]) -> AsyncIterator[str]:
    """`lookup` reads the build afresh (from the store and its folder) at each poll."""
    offset, last, quiet = 0, None, 0.0
    while True:
        entry = await asyncio.to_thread(lookup)
        if entry is None:
            yield _message("end", {"status": "gone"})
            return
        summary = entry.summary(thumbnail=False)
        if summary != last:
            last = summary
            yield _message("status", summary)
            quiet = 0.0
        lines, offset = await asyncio.to_thread(_new_lines, entry.run_dir, offset)
        for line in lines:
            yield f"event: step\ndata: {line}\n\n"
            quiet = 0.0
        if entry.done and not lines:
            yield _message("end", {"status": entry.status})
            return
        await asyncio.sleep(POLL_SECONDS)
        quiet += POLL_SECONDS
        if quiet >= KEEPALIVE_SECONDS:
            quiet = 0.0
            yield ": keepalive\n\n"


def _new_lines(run_dir: Path | None, offset: int) -> tuple[list[str], int]:
    """Whole lines of events.jsonl past `offset`, each checked to be one JSON object, and the new offset."""
    handle = open_inside(run_dir, EVENTS) if run_dir else None
    if handle is None:
        return [], offset
    with handle:
        handle.seek(offset)
        data = handle.read()
    end = data.rfind(b"\n") + 1
    lines = []
    for raw in data[:end].splitlines():
        try:
            event = json.loads(raw)
        except ValueError:
            continue
        if isinstance(event, dict):
            lines.append(json.dumps(event))  # one line: SSE data must not hold a newline
    return lines, offset + end


def _message(kind: str, data: object) -> str:
    return f"event: {kind}\ndata: {json.dumps(data)}\n\n"
