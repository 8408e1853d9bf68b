"""Benchmark: judge the programs of earlier benches again, with one dataset's checks as they are today.

    .venv/bin/python bench/rejudge.py DATASET LABEL=BENCH_FOLDER... [--out PATH]

Benches run at different commits judged with the checks of their own day, and an old commit may not even read
today's dataset. This takes each bench's rows (results.jsonl), the program each row names (the working app, or
the closest attempt of a failed build), and runs it through today's judge (real probe, real sandbox) against the
dataset's checks for its task, so every bench is counted on the same requirements (`own_checks` keeps what the
bench itself counted, with the checks of its day). A row without a program
passes none of them. Unverified features (the dataset's `unverified`) are left out of the count, as the bench
leaves them out.

Prints one line per program and writes a JSON of the rows and each bench's requirement pass rate to --out
(default bench/results/<date>-rejudge.json).
"""

from __future__ import annotations

import argparse
import datetime
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from aegis.bench.datasets import load_dataset
from aegis.config import ProbeConfig, SandboxConfig
from aegis.sandbox.isolation import make_runner
from aegis.schema import Task
from aegis.verdict.headless import HeadlessProber
from aegis.verdict.requirements import checked_count, checks_for, passed_count, requirements_of

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    args = _parse_args()
    tasks = {task.id: task for task in load_dataset(args.dataset)}
    benches = [_bench(spec) for spec in args.benches]
    prober = HeadlessProber(make_runner(SandboxConfig()), ProbeConfig(), generated=True)  # as the bench judges
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="aegis-rejudge-") as scratch:
        for label, folder in benches:
            for number, result in enumerate(_results(folder)):
                task = tasks.get(result["task_id"])
                if task is None:
                    continue
                app = folder / result["app"] if result.get("app") else None
                row = judge(prober, task, app, Path(scratch) / f"{label}-{number}")
                own = f"{result.get('requirements_passed', 0)}/{result.get('requirements_checked', 0)}"
                rows.append({"bench": label, "task_id": task.id, "built": result["status"], "own_checks": own, **row})
                today = f"{row['passed']}/{row['checked']}"
                print(f"{label:>10}  {task.id:<20} built {result['status']:<5} own {own:<5} today {today}")
    summary = {label: _rate([r for r in rows if r["bench"] == label]) for label, _ in benches}
    for label, rate in summary.items():
        print(f"{label}: {rate['passed']}/{rate['checked']} requirements passed ({rate['rate']:.2f})")
    out = args.out or ROOT / "bench" / "results" / f"{datetime.date.today()}-rejudge.json"
    document = {
        "dataset": str(args.dataset),
        "commit": _commit(),
        "benches": {label: str(folder) for label, folder in benches},
        "summary": summary,
        "rows": rows,
    }
    out.write_text(json.dumps(document, indent=2) + "\n")
    print(f"wrote {out}")


def judge(prober: HeadlessProber, task: Task, app: Path | None, out: Path) -> dict[str, Any]:
    """The program's requirements under today's checks; a copy runs, alone in its folder, so nothing the first
    run left beside it (saved files, settings) changes this one."""
    checks = checks_for(task)
    verdict = None
    if app is not None and app.is_file() and not app.is_symlink():
        (out / "app").mkdir(parents=True)
        copy = shutil.copyfile(app, out / "app" / "app.py")
        verdict = prober.probe(copy, out / "probe", checks=checks)
    found = requirements_of(task, verdict, checks)
    return {
        "program": str(app) if verdict is not None else None,
        "status": verdict.status if verdict is not None else "no program",
        "passed": passed_count(found),
        "checked": checked_count(found),
        "failed": [r.name for r in found if r.status == "failed"],
    }


def _rate(rows: list[dict[str, Any]]) -> dict[str, Any]:
    passed, checked = sum(r["passed"] for r in rows), sum(r["checked"] for r in rows)
    return {
        "programs": len(rows),
        "passed": passed,
        "checked": checked,
        "rate": round(passed / checked, 3) if checked else 0.0,
    }


def _bench(spec: str) -> tuple[str, Path]:
    label, sep, folder = spec.partition("=")
    if not sep or not label:
        sys.exit(f"rejudge: {spec!r}: write LABEL=BENCH_FOLDER")
    path = Path(folder)
    if not (path / "results.jsonl").is_file():
        sys.exit(f"rejudge: {path} has no results.jsonl")
    return label, path


def _results(folder: Path) -> list[dict[str, Any]]:
    lines = (folder / "results.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip()


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", type=Path, help="the dataset whose checks judge every program")
    parser.add_argument("benches", nargs="+", help="LABEL=BENCH_FOLDER, one per bench")
    parser.add_argument("--out", type=Path, default=None, help="where the JSON goes")
    return parser.parse_args()


if __name__ == "__main__":
    main()
