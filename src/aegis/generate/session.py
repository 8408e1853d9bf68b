"""Wire the parts together for one build: config in, RunResult out. The CLI and the bench both use this."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from aegis.config import AegisConfig
from aegis.generate import prompts
from aegis.generate.ask import Asker, TextAsker
from aegis.generate.loop import BuildRun, Parts, Rules
from aegis.generate.spec import SpecWriter
from aegis.generate.tools_mode import ToolsAsker
from aegis.generate.trial import PrecheckedTrial
from aegis.llm import is_local, make_tool_llm
from aegis.package.packager import PyInstallerPackager
from aegis.protocols import LLM, Runner
from aegis.run.recorder import RunRecorder
from aegis.run.retention import prune_runs
from aegis.sandbox.isolation import make_runner
from aegis.schema import RunResult, Task
from aegis.verdict.headless import HeadlessProber

if TYPE_CHECKING:
    from aegis.llm.openai_tools import OpenAIToolLLM

log = logging.getLogger("aegis")
WORKSPACE = "workspace"
"""The tools mode's working folder inside the run folder."""


def prune(config: AegisConfig) -> list[Path]:
    removed = prune_runs(config.runs.dir, days=config.runs.retention_days)
    if removed:
        log.info("removed %d run folder(s) older than %g days", len(removed), config.runs.retention_days)
    return removed


def build_one(
    task: Task,
    config: AegisConfig,
    llm: LLM,
    *,
    runs_dir: Path | None = None,
    on_open: Callable[[RunRecorder], None] | None = None,
) -> RunResult:
    """Build one task into a fresh run folder under `runs_dir` (default: the configured runs dir).

    What can fail on bad settings (the sandbox, a tools-mode model) is made before the run folder.
    `on_open`: told the recorder as soon as the run folder exists (`aegis serve` links its build to it)."""
    runner = make_runner(config.sandbox)
    tool_llm = make_tool_llm(config.llm) if config.loop.mode == "tools" else None
    try:
        recorder = RunRecorder.open(runs_dir or config.runs.dir, task, model=llm.name, config=config)
        if on_open is not None:
            on_open(recorder)
        parts = Parts(
            asker=_asker(task, llm, tool_llm, runner, recorder, config),
            trial=PrecheckedTrial(HeadlessProber(runner, config.probe, generated=True), config.deps, recorder.event),
            packager=_packager(runner, config),
            spec_writer=SpecWriter.of(llm, config) if config.loop.spec and tool_llm is None else None,
            deps_allowed=config.deps.allow_packages,
        )
        rules = Rules.of(config.loop, candidates=config.llm.candidates)
        return BuildRun(task, recorder, parts, rules, seed=config.llm.seed).run()
    finally:
        if tool_llm is not None:
            tool_llm.close()


def _packager(runner: Runner, config: AegisConfig) -> PyInstallerPackager | None:
    return PyInstallerPackager(runner, config.package, probe=config.probe) if config.package.enabled else None


def _asker(
    task: Task, llm: LLM, tool_llm: OpenAIToolLLM | None, runner: Runner, recorder: RunRecorder, config: AegisConfig
) -> Asker:
    if tool_llm is not None:
        return ToolsAsker(tool_llm, runner, recorder.dir / WORKSPACE, task.task, recorder.append_chat)
    return TextAsker(
        llm,
        task.task,
        recorder.chat,
        max_tokens=config.llm.max_tokens,
        max_continuations=config.loop.max_continuations,
        together=config.llm.candidates_together,
        fresh_candidates=config.loop.repair_mix == "fresh",
        recipe=prompts.recipe_for(task.task) if config.loop.recipes else (),
        prompt_budget=_prompt_budget(config),
    )


def _prompt_budget(config: AegisConfig) -> int | None:
    """The embedded model's context less the answer's room; hosted models' windows are far larger than a repair."""
    if not is_local(config.llm.model):
        return None
    return max(1, config.llm.n_ctx - config.llm.max_tokens)
