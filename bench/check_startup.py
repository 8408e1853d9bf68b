"""Benchmark: what one `aegis check` costs, the CLI's start included, against the floor of any PySide6 check.

    .venv/bin/python bench/check_startup.py [--n 5] [--programs counter,calculator,dice_roller]
                                            [--tree NAME=SRC ...] [--as-is] [--out PATH]

In one run, N rounds, each measuring in turn (so the machine's load falls on all alike):

    floor    python, import PySide6.QtWidgets, one window shown offscreen, quit
    import   python -c "import aegis.cli": what every command pays before it starts
    check    `aegis check PROGRAM --json` on each program of bench/corpus, its verdict kept

Each is a fresh interpreter, timed by wall clock from here. Reported per measure: median and min seconds and
the median's ratio to the floor's; per tree, the mean of its programs' check medians (seconds per verdict) and
its ratio to this checkout's. A check's verdict (status, problem kinds, actions) should be the same in every
round and every tree: the JSON says where it is.

--tree NAME=SRC adds another source tree of aegis (a folder holding the `aegis` package), measured in the same
rounds as this checkout's src: e.g. the commit before a change, `git archive HEAD~1 src | tar -x -C /tmp/old`.
The checked program's own process imports the probe from the installed aegis either way.

Bytecode: by default each interpreter keeps its bytecode in a private cache (PYTHONPYCACHEPREFIX), filled by
one untimed round, as in an installation whose .pyc files exist. --as-is measures the environment as it is
(with PYTHONDONTWRITEBYTECODE=1 and no .pyc in the environment every import is compiled from source). The
checked program's process never gets the cache: the sandbox gives it a clean environment.

Writes bench/results/<date>-check-startup.json (or --out).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / "corpus"
PROGRAMS = "counter,calculator,dice_roller"
FLOOR = """\
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""
IMPORT_CLI = "import aegis.cli"
RUN_CLI = "import sys; from aegis.cli import main; sys.argv[0] = 'aegis'; main()"
TIMEOUT = 120.0


@dataclass(frozen=True)
class Measure:
    """One thing timed each round: a command line, in one source tree of aegis (None: no aegis at all)."""

    name: str
    tree: str | None
    argv: tuple[str, ...]
    program: str | None = None


def measures(trees: dict[str, Path], programs: list[str]) -> list[Measure]:
    python = sys.executable
    found = [Measure("floor", None, (python, "-c", FLOOR))]
    for tree in trees:
        found.append(Measure("import", tree, (python, "-c", IMPORT_CLI)))
        for program in programs:
            argv = (python, "-c", RUN_CLI, "check", str(CORPUS / f"{program}.py"), "--json")
            found.append(Measure("check", tree, argv, program))
    return found


def environment(tree: Path | None, scratch: Path, as_is: bool) -> dict[str, str]:
    """The measured process's environment: offscreen Qt, its own TMPDIR, `tree` first on the path."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(scratch)}
    env = {k: v for k, v in env.items() if not k.startswith("AEGIS_")}
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    if not as_is:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(scratch / "bytecode")
    return env


def run_once(measure: Measure, env: dict[str, str], cwd: Path) -> tuple[float, dict[str, Any] | None]:
    """Wall seconds of one run, and the verdict a check printed."""
    start = time.perf_counter()
    done = subprocess.run(measure.argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    seconds = time.perf_counter() - start
    if measure.name != "check":
        if done.returncode != 0:
            sys.exit(f"{measure.name} failed: {done.stderr[-2000:]}")
        return seconds, None
    try:
        raw = json.loads(done.stdout)
    except json.JSONDecodeError:
        sys.exit(f"no verdict from {' '.join(measure.argv[3:])}: {done.stderr[-2000:]}")
    verdict = {key: raw[key] for key in ("status", "actions", "isolation")}
    return seconds, {**verdict, "problems": sorted(problem["kind"] for problem in raw["problems"])}


def run_rounds(found: list[Measure], trees: dict[str, Path], n: int, scratch: Path, as_is: bool) -> dict[Measure, Any]:
    """N interleaved rounds after one untimed round (it fills the bytecode cache); seconds and verdicts per measure."""
    results: dict[Measure, Any] = {m: {"seconds": [], "verdicts": []} for m in found}
    for round_number in range(n + 1):
        for measure in found:
            env = environment(trees[measure.tree] if measure.tree else None, scratch, as_is)
            seconds, verdict = run_once(measure, env, scratch)
            if round_number:
                results[measure]["seconds"].append(round(seconds, 3))
                results[measure]["verdicts"].append(verdict)
        print(f"round {round_number}/{n} done{' (untimed)' if not round_number else ''}", file=sys.stderr, flush=True)
    return results


def summarise(results: dict[Measure, Any]) -> list[dict[str, Any]]:
    floor = next(statistics.median(r["seconds"]) for m, r in results.items() if m.name == "floor")
    rows = []
    for measure, result in results.items():
        median = statistics.median(result["seconds"])
        verdicts = [v for v in result["verdicts"] if v is not None]
        rows.append(
            {
                "measure": measure.name,
                "tree": measure.tree,
                "program": measure.program,
                "median": round(median, 3),
                "min": min(result["seconds"]),
                "vs_floor": round(median / floor, 2),
                "seconds": result["seconds"],
                **({"verdict": verdicts[0], "same_verdict_every_round": _all_same(verdicts)} if verdicts else {}),
            }
        )
    return rows


def per_tree(rows: list[dict[str, Any]], trees: dict[str, Path]) -> dict[str, Any]:
    """Per tree: its import's median, each program's check median, their mean (seconds per verdict), and that
    mean's ratio to this checkout's."""
    summary: dict[str, Any] = {}
    for tree in trees:
        checks = {row["program"]: row["median"] for row in rows if row["tree"] == tree and row["measure"] == "check"}
        imports = next(row["median"] for row in rows if row["tree"] == tree and row["measure"] == "import")
        summary[tree] = {"import": imports, "checks": checks, "per_verdict": round(statistics.mean(checks.values()), 3)}
    for figures in summary.values():
        figures["vs_this"] = round(figures["per_verdict"] / summary["this"]["per_verdict"], 3)
    return summary


def same_verdicts_across_trees(rows: list[dict[str, Any]]) -> bool:
    by_program: dict[str, list[Any]] = {}
    for row in rows:
        if row["measure"] == "check":
            by_program.setdefault(row["program"], []).append(row["verdict"])
    return all(_all_same(verdicts) for verdicts in by_program.values())


def _all_same(items: list[Any]) -> bool:
    return all(item == items[0] for item in items)


def print_table(rows: list[dict[str, Any]], summary: dict[str, Any]) -> None:
    print(f"{'measure':8} {'tree':8} {'program':12} {'median s':>9} {'min s':>7} {'x floor':>8}  verdict")
    for row in rows:
        verdict = row.get("verdict")
        shown = f"{verdict['status']} {verdict['actions']} actions {','.join(verdict['problems'])}" if verdict else ""
        print(
            f"{row['measure']:8} {row['tree'] or '-':8} {row['program'] or '-':12} "
            f"{row['median']:9.3f} {row['min']:7.3f} {row['vs_floor']:8.2f}  {shown}"
        )
    for tree, figures in summary.items():
        print(
            f"{tree}: {figures['per_verdict']:.3f} s per verdict (mean of the programs' medians; "
            f"x{figures['vs_this']} this), import {figures['import']:.3f} s"
        )


def main() -> None:
    args = _parse_args()
    trees = {"this": ROOT / "src", **dict(_tree(spec) for spec in args.tree)}
    programs = args.programs.split(",")
    unknown = [p for p in programs if not (CORPUS / f"{p}.py").is_file()]
    if unknown:
        sys.exit(f"not in {CORPUS}: {', '.join(unknown)}")
    with tempfile.TemporaryDirectory(prefix="aegis-check-startup-") as folder:
        results = run_rounds(measures(trees, programs), trees, args.n, Path(folder), args.as_is)
    rows = summarise(results)
    summary = per_tree(rows, trees)
    print_table(rows, summary)
    out = args.out or ROOT / "bench" / "results" / f"{date.today():%Y-%m-%d}-check-startup.json"
    result = {
        "date": f"{date.today()}",
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "bytecode": "as the environment is" if args.as_is else "cached (private PYTHONPYCACHEPREFIX, warmed)",
        "rounds": args.n,
        "trees": {name: str(path) for name, path in trees.items()},
        "per_tree": summary,
        "same_verdicts_across_trees": same_verdicts_across_trees(rows),
        "rows": rows,
    }
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")


def _tree(spec: str) -> tuple[str, Path]:
    name, _, path = spec.partition("=")
    if not path or not (Path(path) / "aegis" / "__init__.py").is_file():
        sys.exit(f"--tree {spec}: want NAME=FOLDER, a folder holding the aegis package")
    return name, Path(path).resolve()


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=5, help="timed rounds (default 5)")
    parser.add_argument("--programs", default=PROGRAMS, help=f"bench/corpus programs, comma-separated ({PROGRAMS})")
    parser.add_argument("--tree", action="append", default=[], help="NAME=SRC: another aegis source tree to measure")
    parser.add_argument("--as-is", action="store_true", help="no private bytecode cache: the environment as it is")
    parser.add_argument("--out", type=Path, default=None, help="JSON output (default: bench/results/<date>-...)")
    return parser.parse_args()


if __name__ == "__main__":
    main()
