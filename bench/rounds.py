"""Benchmark analysis: what each kind of round achieves, from a bench folder's run events.

    .venv/bin/python bench/rounds.py BENCH_DIR [BENCH_DIR ...] [--out PATH]

For every build of each bench folder (its events.jsonl), the rounds in order: their kind (generate, repair,
regenerate), what the round before failed on (the first failure's kind: exception, acceptance, placeholder,
...), whether the round passed, and, when rounds sampled several candidates, which candidate passed. Prints
and writes per bench: rounds and passes by kind, by the failure being repaired, and how often a candidate
after the first rescued a round (what sampling N adds over N = 1 within the same rounds).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any


def rounds_of(run_dir: Path) -> list[dict[str, Any]]:
    """One entry a round: kind, passed, the kept candidate, the candidates checked, the first failure's kind."""
    events = [json.loads(line) for line in (run_dir / "events.jsonl").read_text().splitlines() if line.strip()]
    rounds: list[dict[str, Any]] = []
    for event in events:
        if event.get("event") != "verdict":
            continue
        verdict_file = run_dir / "attempts" / str(event["attempt"]) / "verdict.json"
        verdict = json.loads(verdict_file.read_text()) if verdict_file.is_file() else {}
        failures = [p for p in verdict.get("problems", []) if p.get("severity", "fail") == "fail"]
        rounds.append(
            {
                "kind": event.get("kind", "?"),
                "passed": event.get("status") == "pass",
                "candidate": event.get("candidate", 0),
                "sampled": event.get("sampled", 1),
                "failure": failures[0]["kind"] if failures else "",
            }
        )
    return rounds


def analyse(bench: Path) -> dict[str, Any]:
    by_kind: Counter[str] = Counter()
    passed_by_kind: Counter[str] = Counter()
    by_repaired: Counter[str] = Counter()
    passed_by_repaired: Counter[str] = Counter()
    rescued = rounds_total = builds = 0
    for events in sorted(bench.glob("items/**/events.jsonl")):
        if any(".interrupted" in part for part in events.parts):
            continue  # a build cut short and done again on --resume
        builds += 1
        previous = ""
        for round_ in rounds_of(events.parent):
            rounds_total += 1
            by_kind[round_["kind"]] += 1
            passed_by_kind[round_["kind"]] += round_["passed"]
            if round_["kind"] != "generate":
                by_repaired[previous] += 1
                passed_by_repaired[previous] += round_["passed"]
            rescued += round_["passed"] and round_["candidate"] > 1
            previous = round_["failure"]
    return {
        "bench": bench.name,
        "builds": builds,
        "rounds": rounds_total,
        "by_kind": {k: {"rounds": n, "passed": passed_by_kind[k]} for k, n in by_kind.most_common()},
        "after_failure": {
            k or "?": {"rounds": n, "passed": passed_by_repaired[k]} for k, n in by_repaired.most_common()
        },
        "passed_by_a_later_candidate": rescued,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benches", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    result = [analyse(bench) for bench in args.benches]
    print(json.dumps(result, indent=2))
    if args.out:
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
