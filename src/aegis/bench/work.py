"""One bench item, start to finish, in whatever process runs it (a local worker or a Ray task).

    run_item(item, settings) -> BenchRow

The model is loaded once per process and reused by every item that process runs. The pipeline builds
the app into the item's run folder; then the strict judge (the explorer) decides, for both pipelines,
whether the final app works, so the seed's lenient gate does not flatter it.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from aegis.bench.models import BenchItem, BenchRow, BenchSettings, RowAcceptance
from aegis.bench.prices import cost_of
from aegis.config import AegisConfig, LLMConfig
from aegis.errors import AegisError, ConfigError, LLMAuthError
from aegis.generate.session import build_one
from aegis.llm import make_llm
from aegis.package.buildenv import locked
from aegis.paths import attempt_app, final_app, replace_file
from aegis.protocols import LLM
from aegis.run.recorder import RunRecorder
from aegis.sandbox.isolation import make_runner
from aegis.schema import Completion, Message, RunResult, Task, Verdict
from aegis.verdict.checks import failure_sentence
from aegis.verdict.headless import HeadlessProber
from aegis.verdict.requirements import checked_count, checks_for, passed_count, requirements_of

log = logging.getLogger("aegis")
FATAL = (LLMAuthError, ConfigError)
"""Errors that would fail every item the same way: they stop the bench instead of becoming results."""

_models: dict[str, LLM] = {}


def run_item(item: BenchItem, settings: BenchSettings) -> BenchRow:
    """Build one item into its own folder and judge the result; raise only for FATAL errors (and Ctrl-C): any
    other error, ours included, is this item's `error` row."""
    config = settings.config.model_copy(update={"llm": settings.config.llm.model_copy(update={"seed": item.seed})})
    folder = _fresh_folder(Path(settings.out) / item.folder)
    llm = _model(config.llm, Path(settings.out) if settings.serialize_local else None)
    try:
        result = _build(item, settings, config, llm, folder)
        verdict = _judge(result, settings, config) if result.status == "pass" else result.kept_verdict
        return _row(item, settings, config, result, verdict)
    except FATAL:
        raise
    except AegisError as exc:
        return _error_row(item, settings, config, str(exc))
    except Exception as exc:  # a bug of ours ends this item as an error, not a bench of hundreds
        log.exception("bench item %s: internal error", item.key)
        return _error_row(item, settings, config, f"internal error (a bug in AEGIS): {type(exc).__name__}: {exc}")


def close_models() -> None:
    """Unload this process's models (a worker calls this before it exits)."""
    while _models:
        _models.popitem()[1].close()


def _build(item: BenchItem, settings: BenchSettings, config: AegisConfig, llm: LLM, folder: Path) -> RunResult:
    if settings.pipeline == "aegis":
        return build_one(item.task, config, llm, runs_dir=folder)
    from aegis.bench.baselines.seed import AliveProber, SeedBuilder

    recorder = RunRecorder.open(folder, item.task, model=llm.name, config=config)
    return SeedBuilder(llm, AliveProber(make_runner(config.sandbox)), config).build(item.task, recorder)


def _judge(result: RunResult, settings: BenchSettings, config: AegisConfig) -> Verdict | None:
    """The explorer's verdict on the final app: the AEGIS loop already has it; the seed's gate does not."""
    if settings.pipeline == "aegis":
        return result.kept_verdict
    out = Path(result.run_dir) / "judge"
    out.mkdir(exist_ok=True)
    checks = checks_for(result.task)
    verdict = HeadlessProber(make_runner(config.sandbox), config.probe, generated=True).probe(
        Path(result.app_path), out, checks=checks
    )
    replace_file(out / "verdict.json", verdict.model_dump_json(indent=2))  # the judged program ran in `out`
    return verdict


def _row(
    item: BenchItem, settings: BenchSettings, config: AegisConfig, result: RunResult, verdict: Verdict | None
) -> BenchRow:
    out = Path(settings.out)
    judged = result.status if verdict is None or result.status != "pass" else verdict.status
    run_dir = Path(result.run_dir)
    app = final_app(run_dir)
    return BenchRow(
        **_identity(item, settings, config),
        status="fail" if judged == "partial" else judged if judged in ("pass", "fail", "blocked") else "error",
        gate=result.status,
        rounds=result.rounds,
        prompt_tokens=result.usage.prompt_tokens,
        completion_tokens=result.usage.completion_tokens,
        seconds=round(result.seconds, 1),
        cost=cost_of(config.llm, result.usage),
        message=result.message if judged == result.status else f"the explorer failed the seed's app: {_first(verdict)}",
        problems=[p.message for p in verdict.failures] if verdict else [],
        run_dir=_rel(run_dir, out),
        app=_rel(app, out) if app.exists() else _last_program(result, out),
        chat=_rel(run_dir / "chat.md", out),
        screenshot=_screenshot(verdict, run_dir, out),
        executable=_rel(Path(result.package.archive), out) if result.package and result.package.ok else "",
        acceptance=_acceptance(verdict),
        **_repairs(result),
        **_requirements(result.task, verdict),
    )


def _requirements(task: Task, verdict: Verdict | None) -> dict[str, Any]:
    found = requirements_of(task, verdict, checks_for(task))
    return {
        "requirements_passed": passed_count(found),
        "requirements_checked": checked_count(found),
        "requirements_unverified": sum(r.status == "unverified" for r in found),
    }


def _repairs(result: RunResult) -> dict[str, Any]:
    """Per check: failed in round n (so it went into the repair prompt), passed in round n + 1?"""
    tried = fixed = 0
    for before, after in zip(result.attempts, result.attempts[1:], strict=False):
        failed = (
            {c.name for c in before.verdict.acceptance.checks if not c.passed} if before.verdict.acceptance else set()
        )
        passed = {c.name for c in after.verdict.acceptance.checks if c.passed} if after.verdict.acceptance else set()
        tried += len(failed)
        fixed += len(failed & passed)
    return {"checks_repaired": tried, "checks_fixed": fixed}


def _acceptance(verdict: Verdict | None) -> RowAcceptance | None:
    if verdict is None or verdict.acceptance is None:
        return None
    acceptance = verdict.acceptance
    return RowAcceptance(
        source=acceptance.source,
        passed=acceptance.passed,
        passed_count=acceptance.passed_count,
        total=acceptance.total,
        failed=[failure_sentence(c) for c in acceptance.checks if not c.passed],
    )


def _error_row(item: BenchItem, settings: BenchSettings, config: AegisConfig, message: str) -> BenchRow:
    return BenchRow(**_identity(item, settings, config), status="error", gate="error", message=message)


def _identity(item: BenchItem, settings: BenchSettings, config: AegisConfig) -> dict[str, Any]:
    return {
        "key": item.key,
        "dataset": item.dataset,
        "task_id": item.task.id,
        "task": item.task.task,
        "run": item.run,
        "seed": item.seed,
        "pipeline": settings.pipeline,
        "model": config.llm.model,
    }


def _first(verdict: Verdict | None) -> str:
    return verdict.failures[0].message if verdict and verdict.failures else "no reason given"


def _screenshot(verdict: Verdict | None, run_dir: Path, out: Path) -> str:
    """The verdict's first screenshot when it lies inside the run folder (the checked program named it), else ''."""
    if verdict is None or not verdict.screenshots:
        return ""
    shot = (run_dir / verdict.screenshots[0]).resolve()
    return _rel(shot, out) if shot.is_relative_to(run_dir.resolve()) else ""


def _last_program(result: RunResult, out: Path) -> str:
    if not result.attempts:
        return ""
    path = attempt_app(Path(result.run_dir), result.attempts[-1].number)
    return _rel(path, out) if path.exists() else ""


def _rel(path: Path, out: Path) -> str:
    try:
        return str(path.resolve().relative_to(out.resolve()))
    except ValueError:
        return str(path)


def _fresh_folder(folder: Path) -> Path:
    """The item's folder, empty: what an interrupted earlier try left is kept beside it, never reused."""
    if folder.exists() and any(folder.iterdir()):
        n = 1
        while (stale := folder.with_name(f"{folder.name}.interrupted-{n}")).exists():
            n += 1
        shutil.move(folder, stale)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _model(config: LLMConfig, lock_dir: Path | None) -> LLM:
    key = config.model_dump_json(exclude={"seed"})
    if key not in _models:
        llm = make_llm(config)
        _models[key] = _Serialized(llm, lock_dir / ".model.lock") if lock_dir else llm
    return _models[key]


class _Serialized:
    """An embedded model shared by parallel workers: one generation at a time across processes."""

    def __init__(self, llm: LLM, lock: Path) -> None:
        self.name = llm.name
        self._llm = llm
        self._lock = lock

    def complete(self, messages: Sequence[Message], *, max_tokens: int, seed: int) -> Completion:
        with locked(self._lock):
            return self._llm.complete(messages, max_tokens=max_tokens, seed=seed)

    def complete_many(self, messages: Sequence[Message], *, n: int, max_tokens: int, seed: int) -> list[Completion]:
        with locked(self._lock):
            return self._llm.complete_many(messages, n=n, max_tokens=max_tokens, seed=seed)

    def sample(self, messages: Sequence[Message], *, max_tokens: int, seed: int) -> Completion:
        with locked(self._lock):
            return self._llm.sample(messages, max_tokens=max_tokens, seed=seed)

    def close(self) -> None:
        self._llm.close()
