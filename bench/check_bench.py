"""Benchmark: the seed's check (still alive after 3 s) against `aegis check`, on the corpus and its mutants.

    .venv/bin/python bench/check_bench.py [--limit N] [--only NAME] [--jobs 1] [--out PATH]

Every program in bench/corpus is checked as written (it works, so a verdict other than "pass" is a false
failure) and once per mutant from bench/mutate.py (a fault in one GUI handler, so "fail" is a detection).
The seed check starts the program offscreen in its own session and passes it if it is alive after 3 s.
The AEGIS check runs `aegis check PATH --json` in a scratch folder (TMPDIR points there too) and records
the verdict as it comes: status, problem kinds, timings.total, the number of actions, and for a mutant
whether a problem's traceback points at the injected line ("located"). Seconds to verdict are the
wall-clock seconds of each check's subprocess.

A full run writes bench/results/<date>-check.json, rewritten after every case so an interrupted run keeps
what it did. A run with --limit or --only writes only to --out (a temporary file when not given), so partial
numbers never land in bench/results.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_report import print_tables, summarise  # noqa: E402
from mutate import Mutant, mutants  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / "corpus"
Row = dict[str, Any]


@dataclass(frozen=True)
class Settings:
    seed_wait: float
    aegis: str
    aegis_timeout: float
    aegis_args: tuple[str, ...]
    workdir: Path


@dataclass(frozen=True)
class Case:
    """One program to judge: a corpus program as written, or one of its mutants."""

    program: str
    path: Path
    mutant: Mutant | None = None


def main() -> None:
    args = _parse_args()
    signal.signal(signal.SIGTERM, _interrupt)
    programs = select_programs(args.only, args.limit)
    partial = args.limit is not None or args.only is not None
    out = args.out or (_temp_out() if partial else ROOT / "bench" / "results" / f"{date.today():%Y-%m-%d}-check.json")
    try:
        with tempfile.TemporaryDirectory(prefix="aegis-check-bench-") as temp:
            workdir = Path(args.workdir or temp)
            settings = Settings(args.seed_wait, args.aegis, args.aegis_timeout, tuple(args.aegis_arg), workdir)
            cases = build_cases(programs, workdir / "programs")
            rows = run_all(cases, settings, args.jobs, out, partial)
    except KeyboardInterrupt:
        sys.exit(f"interrupted; the cases done so far are in {out}")
    print_tables(Console(width=None if sys.stdout.isatty() else 120), summarise(rows), rows)
    print(f"wrote {out}")


def select_programs(only: str | None, limit: int | None) -> list[Path]:
    programs = sorted(CORPUS.glob("*.py"))
    if only:
        names = set(only.split(","))
        unknown = names - {p.stem for p in programs}
        if unknown:
            sys.exit(f"not in {CORPUS}: {', '.join(sorted(unknown))}")
        programs = [p for p in programs if p.stem in names]
    return programs[:limit]


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM ends the run like Ctrl-C: the running check's processes are killed and results written."""
    raise KeyboardInterrupt


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="only the first N corpus programs")
    parser.add_argument("--only", default=None, help="comma-separated program names (file stems)")
    parser.add_argument("--jobs", type=int, default=1, help="cases checked at once (default 1)")
    parser.add_argument("--out", type=Path, default=None, help="where the results JSON goes")
    parser.add_argument("--seed-wait", type=float, default=3.0, help="seconds the seed check waits")
    parser.add_argument("--aegis", default=str(ROOT / ".venv" / "bin" / "aegis"), help="the aegis command")
    parser.add_argument("--aegis-timeout", type=float, default=300.0, help="seconds before one aegis check is cut")
    parser.add_argument(
        "--aegis-arg", action="append", default=[], help="an extra argument for `aegis check` (repeatable)"
    )
    parser.add_argument("--workdir", default=None, help="keep mutants and check outputs here instead of a temp dir")
    return parser.parse_args()


def _temp_out() -> Path:
    return Path(tempfile.gettempdir()) / f"aegis-check-bench-{time.strftime('%Y%m%d-%H%M%S')}.json"


def build_cases(programs: list[Path], folder: Path) -> list[Case]:
    """Each program as written, then each of its mutants written to `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    cases = []
    for program in programs:
        cases.append(Case(program.stem, program))
        for mutant in mutants(program.read_text(encoding="utf-8")):
            path = folder / f"{program.stem}__{mutant.slug}.py"
            path.write_text(mutant.source, encoding="utf-8")
            cases.append(Case(program.stem, path, mutant))
    return cases


def run_all(cases: list[Case], settings: Settings, jobs: int, out: Path, partial: bool) -> list[Row]:
    """Check every case, `jobs` at a time; rewrite `out` after each one so nothing done is lost."""
    rows: list[Row] = []
    pool = ThreadPoolExecutor(max_workers=jobs) if jobs > 1 else None
    results = (
        pool.map(lambda case: check_case(case, settings), cases)
        if pool
        else (check_case(case, settings) for case in cases)
    )
    try:
        for index, row in enumerate(results, start=1):
            rows.append(row)
            write(out, rows, partial, len(cases))
            print(_progress_line(index, len(cases), row), file=sys.stderr, flush=True)
    finally:
        if pool:
            pool.shutdown(wait=False, cancel_futures=True)
        write(out, rows, partial, len(cases))
    return rows


def _progress_line(index: int, total: int, row: Row) -> str:
    seed, aegis = row["seed"], row["aegis"]
    kinds = ",".join(aegis["problems"]) or "-"
    return (
        f"[{index}/{total}] {row['case']}: seed {seed['status']} ({seed['seconds']:.1f} s), "
        f"aegis {aegis['status']} ({aegis['seconds']:.1f} s; {kinds})"
    )


def check_case(case: Case, settings: Settings) -> Row:
    """Both checks of one case, one after the other."""
    mutant = case.mutant
    name = f"{case.program}:{mutant.name}" if mutant else case.program
    out_dir = settings.workdir / "aegis-out" / case.path.stem
    row: Row = {
        "case": name,
        "program": case.program,
        "mutant": None,
        "seed": seed_check(case.path, settings.seed_wait),
        "aegis": aegis_check(case.path, out_dir, settings),
    }
    if mutant:
        row["mutant"] = {
            "name": mutant.name,
            "handler": mutant.handler,
            "fault": mutant.fault,
            "trigger": mutant.trigger,
            "signals": list(mutant.signals),
            "line": mutant.line,
        }
        row["aegis"]["located"] = located(row["aegis"]["tracebacks"], mutant)
    del row["aegis"]["tracebacks"]
    return row


def seed_check(path: Path, wait: float) -> Row:
    """The seed's judge: run the program offscreen; it passes if it is still running after `wait` s."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryFile() as stderr:
        start = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, str(path)],
            cwd=path.parent,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,
        )
        try:
            returncode: int | None = proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            returncode = None
        finally:
            seconds = time.monotonic() - start
            _kill_group(proc)
        stderr.seek(0)
        text = stderr.read().decode("utf-8", "replace")
    return {
        "status": "pass" if returncode is None else "fail",
        "seconds": round(seconds, 2),
        "returncode": returncode,
        "traceback_in_stderr": "Traceback (most recent call last)" in text,
    }


def aegis_check(path: Path, out_dir: Path, settings: Settings) -> Row:
    """`aegis check PATH --json`, recorded as it comes; "error" when no verdict could be read."""
    argv = [settings.aegis, "check", str(path), "--json", *settings.aegis_args]
    out_dir.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    proc = subprocess.Popen(
        argv,
        cwd=out_dir,
        env={**os.environ, "TMPDIR": str(out_dir)},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    timed_out = False
    try:
        stdout, stderr = proc.communicate(timeout=settings.aegis_timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        _kill_group(proc)
        stdout, stderr = proc.communicate()
    finally:
        seconds = time.monotonic() - start
        _kill_group(proc)
    return _aegis_row(parse_verdict(stdout), proc.returncode, seconds, timed_out, stderr)


def parse_verdict(stdout: str) -> dict[str, Any] | None:
    """The Verdict JSON object in `stdout`, tolerating lines printed before it."""
    for start in [0, *(i + 1 for i, char in enumerate(stdout) if char == "\n")]:
        if stdout.startswith("{", start):
            try:
                value = json.loads(stdout[start:])
            except json.JSONDecodeError:
                continue
            return value if isinstance(value, dict) else None
    return None


def _aegis_row(verdict: dict[str, Any] | None, code: int | None, seconds: float, timed_out: bool, err: str) -> Row:
    problems = verdict.get("problems", []) if verdict else []
    status = verdict.get("status") if verdict else None
    if timed_out:
        status = "timeout"
    elif status not in ("pass", "fail"):
        status = "error"
    actions = verdict.get("actions") if verdict else None
    return {
        "status": status,
        "exit_code": code,
        "seconds": round(seconds, 2),
        "total": (verdict.get("timings") or {}).get("total") if verdict else None,
        "problems": [p.get("kind", "?") for p in problems],
        "severities": [p.get("severity", "fail") for p in problems],
        "messages": [str(p.get("message", ""))[:200] for p in problems[:5]],
        "problem_actions": [str(p.get("action", "")) for p in problems[:5]],
        "actions": len(actions) if isinstance(actions, list) else actions,
        "tracebacks": [f"{p.get('message', '')}\n{p.get('traceback', '')}" for p in problems],
        "coverage": verdict.get("coverage") if verdict else None,
        "note": "" if verdict else err[-400:],
    }


def located(tracebacks: list[str], mutant: Mutant) -> bool:
    """Whether a reported problem points at the injected line, in the mutated handler."""
    where = f"line {mutant.line}, in {mutant.handler.split('.')[-1]}"
    return any(where in text for text in tracebacks)


def _kill_group(proc: subprocess.Popen[Any]) -> None:
    """Kill the process group the check started (the program and anything it spawned)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def write(out: Path, rows: list[Row], partial: bool, planned: int) -> None:
    """The results file: what was run, on which commit, the summary and every case."""
    payload = {
        "benchmark": "check",
        "date": f"{date.today():%Y-%m-%d}",
        "partial": partial,
        "complete": len(rows) == planned,
        "cases_planned": planned,
        "commit": _git("rev-parse", "HEAD"),
        "dirty": bool(_git("status", "--porcelain")),
        "summary": summarise(rows),
        "cases": rows,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout.strip()


if __name__ == "__main__":
    main()
