"""Sum up and print the rows of bench/check_bench.py: the two checkers side by side, then one line a program."""

from __future__ import annotations

from statistics import median
from typing import Any

from rich.console import Console
from rich.table import Table

Row = dict[str, Any]
CHECKERS = ("seed", "aegis")


def summarise(rows: list[Row]) -> Row:
    """Detection rates on mutants, false failures on the working programs, and seconds, per checker."""
    originals = [r for r in rows if r["mutant"] is None]
    broken = [r for r in rows if r["mutant"] is not None]
    summary: Row = {"programs": len(originals), "mutants": len(broken)}
    for checker in CHECKERS:
        summary[checker] = _checker_summary(checker, originals, broken)
    detected = [r for r in broken if r["aegis"]["status"] == "fail"]
    summary["aegis"]["located"] = _rate([r for r in detected if r["aegis"].get("located")], detected)
    summary["aegis"]["statuses"] = _count(r["aegis"]["status"] for r in rows)
    summary["aegis"]["problem_kinds"] = _count(kind for r in rows for kind in r["aegis"]["problems"])
    summary["program_rows"] = program_rows(rows)
    return summary


def _checker_summary(checker: str, originals: list[Row], broken: list[Row]) -> Row:
    def detected(rows: list[Row]) -> Row:
        return _rate([r for r in rows if r[checker]["status"] == "fail"], rows)

    seconds = [r[checker]["seconds"] for r in originals + broken]
    return {
        "detection": detected(broken),
        "detection_by_trigger": {t: detected(_where(broken, "trigger", t)) for t in ("gui", "timer")},
        "detection_by_fault": {f: detected(_where(broken, "fault", f)) for f in _values(broken, "fault")},
        "false_failures": _rate([r for r in originals if r[checker]["status"] != "pass"], originals),
        "median_seconds": round(median(seconds), 2) if seconds else None,
    }


def program_rows(rows: list[Row]) -> list[Row]:
    """One summary line per corpus program, in corpus order."""
    result = []
    for program in dict.fromkeys(r["program"] for r in rows):
        mine = [r for r in rows if r["program"] == program]
        original = next((r for r in mine if r["mutant"] is None), None)
        broken = [r for r in mine if r["mutant"] is not None]
        line: Row = {"program": program, "mutants": len(broken)}
        for checker in CHECKERS:
            line[f"{checker}_original"] = original[checker]["status"] if original else None
            line[f"{checker}_detected"] = sum(r[checker]["status"] == "fail" for r in broken)
        line["aegis_median_seconds"] = round(median(r["aegis"]["seconds"] for r in mine), 2)
        line["aegis_missed"] = [r["mutant"]["handler"] for r in broken if r["aegis"]["status"] != "fail"]
        result.append(line)
    return result


def print_tables(console: Console, summary: Row, rows: list[Row]) -> None:
    console.print(_summary_table(summary))
    console.print(_program_table(summary["program_rows"]))


def _summary_table(summary: Row) -> Table:
    table = Table(title=f"check bench: {summary['programs']} programs, {summary['mutants']} mutants")
    table.add_column("")
    for checker in CHECKERS:
        table.add_column(checker, justify="right")
    seed, aegis = summary["seed"], summary["aegis"]
    table.add_row("detected (all mutants)", _show(seed["detection"]), _show(aegis["detection"]))
    for trigger in ("gui", "timer"):
        key = "detection_by_trigger"
        table.add_row(f"  {trigger} handlers", _show(seed[key][trigger]), _show(aegis[key][trigger]))
    for fault in aegis["detection_by_fault"]:
        key = "detection_by_fault"
        table.add_row(f"  {fault}", _show(seed[key][fault]), _show(aegis[key][fault]))
    table.add_row("false failures (working programs)", _show(seed["false_failures"]), _show(aegis["false_failures"]))
    table.add_row("median seconds to verdict", _seconds(seed["median_seconds"]), _seconds(aegis["median_seconds"]))
    table.add_row("detections pointing at the fault", "", _show(aegis["located"]))
    return table


def _program_table(lines: list[Row]) -> Table:
    table = Table(title="per program")
    for name in ("program", "mutants", "seed orig", "aegis orig", "seed det", "aegis det", "aegis med s"):
        table.add_column(name, justify="left" if name == "program" else "right")
    for line in lines:
        table.add_row(
            line["program"],
            str(line["mutants"]),
            str(line["seed_original"]),
            str(line["aegis_original"]),
            str(line["seed_detected"]),
            str(line["aegis_detected"]),
            f"{line['aegis_median_seconds']:.1f}",
        )
    return table


def _rate(hits: list[Row], rows: list[Row]) -> Row:
    return {"k": len(hits), "n": len(rows), "rate": round(len(hits) / len(rows), 3) if rows else None}


def _show(rate: Row) -> str:
    return f"{rate['k']}/{rate['n']} ({rate['rate']:.0%})" if rate["n"] else "-"


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _where(rows: list[Row], key: str, value: str) -> list[Row]:
    return [r for r in rows if r["mutant"][key] == value]


def _values(rows: list[Row], key: str) -> list[str]:
    return list(dict.fromkeys(r["mutant"][key] for r in rows))


def _count(values: Any) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[str(value)] = counts.get(str(value), 0) + 1
    return counts
