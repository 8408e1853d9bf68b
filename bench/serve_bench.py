"""Benchmark: `aegis serve` as a user drives it, through its HTTP API and event stream.

    .venv/bin/python bench/serve_bench.py [--builds 20] [--embedded] [--out PATH]

scripted  `aegis serve --model scripted:FILE` (one worker, no packaging): one build to warm up (`cold_build`:
          the worker may still be starting), then N builds submitted at once, each followed on its own event
          stream from the moment it was submitted. Per build: seconds from submit to
          the first streamed step (the build started: its `ask`) and to the final status (`end`). The first
          build's figures are the server's own latency (nothing queued before it); the others add the queue.
embedded  (--embedded) `aegis serve --model local`: the same sentence built twice in a row by one worker.
          The first build loads the model; the second finds it loaded. Per build: seconds in all, and seconds
          from round 1's `ask` to its `llm` step (model load, if any, plus reading the prompt and answering).

Writes bench/results/<date>-serve.json (or --out).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
AEGIS = str(Path(sys.executable).with_name("aegis"))
TASK = "a window with a button that counts clicks"
COUNTER = (ROOT / "bench" / "corpus" / "counter.py").read_text(encoding="utf-8")


class Server:
    def __init__(self, folder: Path, *args: str) -> None:
        self.log = folder / "serve.log"
        argv = [AEGIS, "serve", "--port", "0", "--runs-dir", str(folder / "runs"), "--no-package", *args]
        env = {**os.environ, "AEGIS_LOOP_SPEC": "false"}
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(argv, stdout=log, stderr=log, env=env)
        self.url = self._wait_for_url()

    def _wait_for_url(self) -> str:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if match := re.search(r"serving on (http://\S+)", self.log.read_text(errors="replace")):
                return match.group(1).rstrip("/")
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        raise SystemExit(f"aegis serve did not start:\n{self.log.read_text(errors='replace')}")

    def submit(self, task: str) -> str:
        body = json.dumps({"task": task}).encode()
        request = urllib.request.Request(
            self.url + "/api/builds", data=body, method="POST", headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return str(json.loads(response.read())["id"])

    def follow(self, build_id: str, started: float) -> dict[str, Any]:
        """Seconds since `started` to the first step and to the end, and the steps seen."""
        first, steps = None, []
        with urllib.request.urlopen(f"{self.url}/api/builds/{build_id}/events", timeout=3600) as stream:
            kind = ""
            for raw in stream:
                line = raw.decode().rstrip("\n")
                if line.startswith("event: "):
                    kind = line[7:]
                elif line.startswith("data: ") and kind == "step":
                    first = first if first is not None else time.monotonic() - started
                    steps.append(json.loads(line[6:]))
                elif line.startswith("data: ") and kind == "end":
                    status = json.loads(line[6:])["status"]
                    return {
                        "first_step_s": first,
                        "final_s": time.monotonic() - started,
                        "status": status,
                        "steps": steps,
                    }
        raise RuntimeError(f"the event stream of {build_id} ended without an end event")

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        self.proc.wait(60)


def scripted(builds: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        replies = Path(tmp) / "replies.json"
        replies.write_text(json.dumps([f"```python\n{COUNTER}```"] * (builds + 1)))
        server = Server(Path(tmp), "--model", f"scripted:{replies}")
        try:
            started = time.monotonic()
            cold = server.follow(server.submit(f"{TASK} #0"), started)  # the worker's first: it was still starting
            results: list[dict[str, Any]] = [{} for _ in range(builds)]
            threads = []
            for index in range(builds):
                started = time.monotonic()
                build_id = server.submit(f"{TASK} #{index + 1}")
                thread = threading.Thread(
                    target=lambda i=index, b=build_id, s=started: results.__setitem__(i, server.follow(b, s))
                )
                thread.start()
                threads.append(thread)
            for thread in threads:
                thread.join()
        finally:
            server.stop()
    firsts = [r["first_step_s"] for r in results]
    finals = [r["final_s"] for r in results]
    return {
        "builds": builds,
        "statuses": sorted({r["status"] for r in results}),
        "cold_build": {"first_step_s": round(cold["first_step_s"], 3), "final_s": round(cold["final_s"], 3)},
        "first_build": {"first_step_s": round(firsts[0], 3), "final_s": round(finals[0], 3)},
        "first_step_s": _spread(firsts),
        "final_s": _spread(finals),
        "per_build_s": round((max(finals) - finals[0]) / max(1, builds - 1), 3),
    }


def embedded() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(Path(tmp), "--model", "local", "--max-rounds", "2")
        try:
            runs = []
            for _ in range(2):
                started = time.monotonic()
                runs.append(_embedded_run(server.follow(server.submit(TASK), started)))
        finally:
            server.stop()
    first, second = runs
    return {"first": first, "second": second, "second_over_first": round(second["final_s"] / first["final_s"], 3)}


def _embedded_run(followed: dict[str, Any]) -> dict[str, Any]:
    steps = followed["steps"]
    ask = next(s["t"] for s in steps if s["event"] == "ask")
    answer = next(s for s in steps if s["event"] == "llm")
    return {
        "status": followed["status"],
        "final_s": round(followed["final_s"], 2),
        "round1_ask_to_answer_s": round(answer["t"] - ask, 2),
        "round1_answer_tokens": answer["completion_tokens"],
        "progress_steps": sum(s["event"] == "answer" for s in steps),
    }


def _spread(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "median": round(statistics.median(ordered), 3),
        "p90": round(ordered[int(0.9 * (len(ordered) - 1))], 3),
        "max": round(ordered[-1], 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--builds", type=int, default=20)
    parser.add_argument("--embedded", action="store_true", help="also time two builds on the embedded model")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / f"{date.today()}-serve.json")
    args = parser.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout
    report: dict[str, Any] = {"commit": commit.strip(), "cpus": os.cpu_count(), "python": platform.python_version()}
    report["scripted"] = scripted(args.builds)
    print(json.dumps(report["scripted"], indent=2))
    if args.embedded:
        report["embedded"] = embedded()
        print(json.dumps(report["embedded"], indent=2))
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
