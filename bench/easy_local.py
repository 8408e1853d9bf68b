"""Benchmark: the embedded model on the easy dataset, fixed seed, no packaging.

    .venv/bin/python bench/easy_local.py [--limit N] [--max-rounds 4]

Writes bench/results/<date>-easy-local.json (per task: status, rounds, tokens, seconds; totals),
rewritten after every task so a run cut short still leaves its first tasks.
"""

from __future__ import annotations

import argparse
import json
import shutil
from datetime import date
from pathlib import Path

from rich.console import Console

from aegis.bench import run_bench
from aegis.bench.datasets import load_dataset
from aegis.config import load_config

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--max-rounds", type=int, default=4)
    parser.add_argument("--model", default="local")
    args = parser.parse_args()
    tasks = load_dataset(ROOT / "datasets" / "easy.json")[: args.limit]
    config = load_config(
        flags={
            "llm": {"model": args.model, "seed": 1},
            "loop": {"max_rounds": args.max_rounds},
            "package": {"enabled": False},
            "runs": {"dir": ROOT / "runs" / "bench", "retention_days": 0},
        },
        env={},
    )
    target = ROOT / "bench" / "results" / f"{date.today():%Y-%m-%d}-easy-{args.model.split(':')[0]}.json"
    results = run_bench(tasks, config, name="easy", console=Console(), on_result=lambda path: _copy(path, target))
    _copy(results, target)
    totals = json.loads(target.read_text())["totals"]
    print(json.dumps(totals, indent=2))
    print(f"wrote {target}")


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


if __name__ == "__main__":
    main()
