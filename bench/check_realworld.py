"""Benchmark: `aegis check` on PySide6 programs people wrote (bench/realworld), and on their reachable mutants.

    .venv/bin/python bench/check_realworld.py [--only ID,ID] [--mutants 5] [--out PATH]

The corpus is materialised first (bench/realworld/README.md). For each program of the manifest:
- skipped, with the reason, when it needs a package or Qt add-on this environment lacks;
- checked as written with `aegis check ENTRY --json` (a package entry through a two-line launcher at the
  program's root). A working program must pass: anything else is a false failure. A program the manifest marks
  `broken` (it fails on today's PySide6 or Python, the reason says how) must fail;
- run once more under bench/realworld/reach.py, in the same sandbox as the check, which lists the signal
  connections made at start-up and whether a user can reach each sender (a shown, enabled widget; an action
  in a shown menu chain; a shown tray icon), on a signal a user fires (USER_SIGNALS);
- mutated by bench/mutate.py, one fault per handler, over every Python file of the program; a mutant counts
  only when one of its handler's `connect` calls is reachable that way. Up to --mutants of them (spread over
  the files) are checked, and must fail.

Seconds are wall-clock seconds of the `aegis check` subprocess, CLI start included, measured beside the
floor: a fresh Python that imports PySide6.QtWidgets, shows one window and quits, run right before each
program's check, so both see the same machine. Coverage is the verdict's share of offered actions tried.

A full run writes bench/results/<date>-check-realworld.json, rewritten after every program; --only writes to
--out (a temporary file when not given).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from importlib.util import find_spec
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_bench import Settings, aegis_check  # noqa: E402
from mutate import Mutant, mutants  # noqa: E402

from aegis.config import SandboxConfig  # noqa: E402
from aegis.sandbox.isolation import make_runner  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / "realworld"
REACH = CORPUS / "reach.py"
MARK = "AEGIS-REACH "
LAUNCHER = "aegis_realworld_main.py"
USER_SIGNALS = frozenset(
    {
        "clicked",
        "pressed",
        "released",
        "triggered",
        "toggled",
        "activated",
        "returnPressed",
        "editingFinished",
        "textChanged",
        "textEdited",
        "stateChanged",
        "checkStateChanged",
        "currentIndexChanged",
        "currentTextChanged",
        "currentRowChanged",
        "currentItemChanged",
        "itemSelectionChanged",
        "textActivated",
        "itemClicked",
        "itemDoubleClicked",
        "doubleClicked",
        "valueChanged",
        "sliderMoved",
        "sliderReleased",
        "customContextMenuRequested",
        "currentChanged",
        "tabBarClicked",
        "buttonClicked",
        "idClicked",
        "dateChanged",
        "timeChanged",
    }
)
"""Signals that fire because a user did something in one step (a click, typing, a choice)."""
FLOOR = (
    "import sys\nfrom PySide6.QtCore import QTimer\nfrom PySide6.QtWidgets import QApplication, QLabel\n"
    "app = QApplication(sys.argv)\nlabel = QLabel('floor')\nlabel.show()\nQTimer.singleShot(0, app.quit)\n"
    "app.exec()\n"
)
Row = dict[str, Any]


def main() -> None:
    args = _parse_args()
    programs = CORPUS / "programs"
    entries = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    if args.only:
        wanted = set(args.only.split(","))
        entries = [e for e in entries if e["id"] in wanted]
    missing = [e["id"] for e in entries if not (programs / e["id"]).is_dir()]
    if missing:
        sys.exit(f"not materialised: {', '.join(missing)} (see bench/realworld/README.md)")
    partial = bool(args.only)
    out = args.out or (
        Path(tempfile.gettempdir()) / f"aegis-check-realworld-{time.strftime('%Y%m%d-%H%M%S')}.json"
        if partial
        else ROOT / "bench" / "results" / f"{date.today():%Y-%m-%d}-check-realworld.json"
    )
    workdir = Path(tempfile.mkdtemp(prefix="aegis-realworld-"))
    workdir.chmod(0o755)  # the sandbox runs programs as nobody: they must be able to reach their copies
    settings = Settings(0.0, args.aegis, args.aegis_timeout, (), workdir)
    rows: list[Row] = []
    try:
        for index, entry in enumerate(entries, start=1):
            row = judge_program(entry, programs / entry["id"], workdir / entry["id"], settings, args.mutants)
            rows.append(row)
            write(out, rows, partial)
            print(f"[{index}/{len(entries)}] {progress(row)}", file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        sys.exit(f"interrupted; the programs done so far are in {out}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(summarise(rows), indent=2))
    print(f"wrote {out}")


def judge_program(entry: Row, source: Path, work: Path, settings: Settings, most: int) -> Row:
    row: Row = {
        "program": entry["id"],
        "kinds": entry.get("kinds", []),
        "expected": "fail" if "broken" in entry else "pass",
    }
    skip = unavailable(entry)
    if skip:
        return {**row, "skipped": skip}
    original = copy_program(source, work / "original")
    target = entry_file(original, entry)
    row["floor_seconds"] = floor_seconds()
    row["aegis"] = aegis_check(target, work / "out-original", settings)
    del row["aegis"]["tracebacks"]
    if "broken" in entry:
        return {**row, "broken": entry["broken"]}
    connections = reachable_connections(original, entry, work / "home")
    row["connections"] = len(connections) if connections is not None else "reach.py reported nothing"
    chosen, reachable = choose_mutants(original, entry, connections or [], most)
    row["mutants_reachable"] = reachable
    row["mutants"] = [check_mutant(source, work, entry, file, mutant, settings) for file, mutant in chosen]
    return row


def unavailable(entry: Row) -> str:
    """Why the program cannot run in this environment, or ''."""
    needs = [dep for dep in entry.get("extra_deps", []) if find_spec(dep) is None]
    needs += [f"PySide6.{addon}" for addon in entry.get("qt_addons", []) if find_spec(f"PySide6.{addon}") is None]
    return f"needs {', '.join(needs)}, not installed here" if needs else ""


def copy_program(source: Path, dest: Path) -> Path:
    shutil.copytree(source, dest)
    for folder in [dest, *(p for p in dest.rglob("*") if p.is_dir())]:
        folder.chmod(0o777)  # the program may write beside itself (data.json, notes.txt), as nobody
    dest.parent.chmod(0o755)
    return dest


def entry_file(program: Path, entry: Row) -> Path:
    """The file `aegis check` is given: the entry, or for a package entry a launcher at the program's root."""
    if "module" not in entry:
        return program / entry["entry"]
    launcher = program / LAUNCHER
    launcher.write_text(f"import runpy\n\nrunpy.run_module({entry['module']!r}, run_name='__main__')\n", "utf-8")
    return launcher


def floor_seconds() -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.monotonic()
    subprocess.run([sys.executable, "-c", FLOOR], env=env, capture_output=True, timeout=60, check=False)
    return round(time.monotonic() - start, 3)


def reachable_connections(program: Path, entry: Row, home: Path) -> list[Row] | None:
    """The start-up connections a user can fire (reach.py), run in AEGIS's sandbox; None when it said nothing."""
    home.mkdir(parents=True, exist_ok=True)
    home.chmod(0o777)
    argv = [sys.executable, str(REACH), *(["-m", entry["module"]] if "module" in entry else [entry["entry"]])]
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    result = make_runner(SandboxConfig()).run(argv, cwd=program, timeout=40, env=env)
    line = next((text for text in result.stdout.splitlines() if text.startswith(MARK)), None)
    if line is None:
        return None
    rows = json.loads(line[len(MARK) :])["connections"]
    return [r for r in rows if r["reach"] == "user" and r["signal"] in USER_SIGNALS]


def choose_mutants(
    program: Path, entry: Row, connections: list[Row], most: int
) -> tuple[list[tuple[str, Mutant]], int]:
    """Up to `most` reachable GUI mutants, spread evenly over all of them; and how many there were."""
    files = [entry["entry"], *(f for f in entry.get("files", []) if f.endswith(".py"))]
    reachable = []
    for file in dict.fromkeys(files):
        try:
            found = mutants((program / file).read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        lines = [c["line"] for c in connections if c["file"] == file]
        reachable += [(file, m) for m in found if m.trigger == "gui" and _reached(m, lines)]
    if len(reachable) <= most:
        return reachable, len(reachable)
    step = len(reachable) / most
    return [reachable[int(i * step)] for i in range(most)], len(reachable)


def _reached(mutant: Mutant, lines: list[int]) -> bool:
    return any(first <= line <= last for first, last in mutant.sites for line in lines)


def check_mutant(source: Path, work: Path, entry: Row, file: str, mutant: Mutant, settings: Settings) -> Row:
    copy = copy_program(source, work / "mutants" / f"{Path(file).stem}__{mutant.slug}")
    (copy / file).write_text(mutant.source, encoding="utf-8")
    result = aegis_check(entry_file(copy, entry), work / "out-mutants" / copy.name, settings)
    where = f'{Path(file).name}", line {mutant.line}'
    result["located"] = any(where in text for text in result.pop("tracebacks"))
    return {"file": file, "name": mutant.name, "fault": mutant.fault, "line": mutant.line, "aegis": result}


def summarise(rows: list[Row]) -> Row:
    ran = [r for r in rows if "aegis" in r]
    working = [r for r in ran if r["expected"] == "pass"]
    broken = [r for r in ran if r["expected"] == "fail"]
    cases = [m for r in working for m in r.get("mutants", [])]
    seconds = [r["aegis"]["seconds"] for r in ran] + [m["aegis"]["seconds"] for m in cases]
    working_seconds = [r["aegis"]["seconds"] for r in working]
    floors = [r["floor_seconds"] for r in ran]
    shares = [r["aegis"]["coverage"]["share"] for r in working if r["aegis"].get("coverage")]
    detected = [m for m in cases if m["aegis"]["status"] == "fail"]
    return {
        "programs": len(rows),
        "skipped": {r["program"]: r["skipped"] for r in rows if "skipped" in r},
        "working_checked": len(working),
        "false_failures": [
            {"program": r["program"], "status": r["aegis"]["status"], "problems": r["aegis"]["messages"]}
            for r in working
            if r["aegis"]["status"] != "pass"
        ],
        "broken_checked": len(broken),
        "broken_detected": sum(r["aegis"]["status"] == "fail" for r in broken),
        "mutants_reachable": sum(r.get("mutants_reachable", 0) for r in working),
        "mutants_checked": len(cases),
        "mutants_detected": len(detected),
        "detection": round(len(detected) / len(cases), 3) if cases else None,
        "located": sum(m["aegis"]["located"] for m in detected),
        "missed": [
            f"{r['program']}:{m['file']}:{m['name']}"
            for r in working
            for m in r.get("mutants", [])
            if m["aegis"]["status"] != "fail"
        ],
        "median_seconds_working": _median(working_seconds),
        "median_seconds_all": _median(seconds),
        "median_floor_seconds": _median(floors),
        "median_over_floor": round(_median(working_seconds) / _median(floors), 2)
        if floors and working_seconds
        else None,
        "median_coverage": _median(shares),
    }


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 3) if values else 0.0


def progress(row: Row) -> str:
    if "skipped" in row:
        return f"{row['program']}: skipped ({row['skipped']})"
    aegis = row["aegis"]
    mutants_line = ""
    if row.get("mutants") is not None:
        caught = sum(m["aegis"]["status"] == "fail" for m in row["mutants"])
        mutants_line = f"; mutants {caught}/{len(row['mutants'])} of {row['mutants_reachable']} reachable"
    return (
        f"{row['program']}: {aegis['status']} (expected {row['expected']}; {aegis['seconds']:.1f} s, floor "
        f"{row['floor_seconds']:.1f} s; {','.join(aegis['problems']) or '-'}){mutants_line}"
    )


def write(out: Path, rows: list[Row], partial: bool) -> None:
    payload = {
        "benchmark": "check-realworld",
        "date": f"{date.today():%Y-%m-%d}",
        "partial": partial,
        "commit": _git("rev-parse", "HEAD"),
        "dirty": bool(_git("status", "--porcelain", "--untracked-files=no")),
        "summary": summarise(rows),
        "programs": rows,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=None, help="comma-separated program ids")
    parser.add_argument("--mutants", type=int, default=5, help="most reachable mutants checked per program")
    parser.add_argument("--out", type=Path, default=None, help="where the results JSON goes")
    parser.add_argument("--aegis", default=str(ROOT / ".venv" / "bin" / "aegis"), help="the aegis command")
    parser.add_argument("--aegis-timeout", type=float, default=120.0, help="seconds before one check is cut")
    return parser.parse_args()


if __name__ == "__main__":
    main()
