"""The bench's data: what one unit of work is, what comes back, and the settings every worker shares."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from aegis.config import AegisConfig
from aegis.schema import CheckSource, Frozen, Task
from aegis.verdict.checks import SENTENCE_START

STOP_SECONDS = 60.0
"""How long interrupted workers or Ray tasks get to finalize their run folders before they are killed."""

Pipeline = Literal["aegis", "seed"]


class BenchItem(Frozen):
    """One build to do: a task of a dataset, for one run (runs differ only by their seed)."""

    dataset: str
    """The dataset's file stem, e.g. `easy`; also the difficulty shown in reports."""
    task: Task
    run: int = Field(ge=1)
    seed: int
    """The model's seed for this run's first round (the same for both pipelines)."""

    @property
    def key(self) -> str:
        """Unique within a bench: resume skips items whose key has a result."""
        return f"{self.dataset}/{self.task.id}/{self.run}"

    @property
    def folder(self) -> str:
        """The item's run folder, relative to the bench folder."""
        return f"items/{self.dataset}/{self.task.id}/run{self.run}"


class BenchSettings(Frozen):
    """Everything a worker needs besides the item; the same for every item of a bench."""

    config: AegisConfig
    pipeline: Pipeline = "aegis"
    out: str
    """The bench folder (absolute)."""
    serialize_local: bool = False
    """Take a lock file around every embedded-model call, so parallel workers never generate at once."""


class RowAcceptance(Frozen):
    """The acceptance checks' results on an item's final app, as a bench row keeps them."""

    source: CheckSource
    passed: bool
    passed_count: int
    total: int
    failed: list[str] = Field(default_factory=list)
    """One sentence per failed check, as the repair prompt gives them."""


class BenchRow(Frozen):
    """One finished item, as appended to results.jsonl. Paths are relative to the bench folder."""

    key: str
    dataset: str
    task_id: str
    task: str
    run: int
    seed: int
    pipeline: Pipeline
    model: str
    status: Literal["pass", "fail", "error", "blocked"]
    """The strict judge's word (the explorer) on the pipeline's final app."""
    gate: str
    """What the pipeline itself said (the seed's 3-second gate passes apps the explorer fails)."""
    rounds: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    cost: float | None = None
    """US dollars, when the provider's prices are known."""
    message: str = ""
    problems: list[str] = Field(default_factory=list)
    """The strict judge's failures on the final app (or the last attempt's, when there is no app)."""
    run_dir: str = ""
    app: str = ""
    chat: str = ""
    screenshot: str = ""
    executable: str = ""
    acceptance: RowAcceptance | None = None
    """Acceptance checks' results on the final app, when the task has checks."""
    checks_repaired: int = 0
    """Failed acceptance checks that went into a repair prompt (a next round followed)."""
    checks_fixed: int = 0
    """Of those, how many passed in the next round."""
    requirements_passed: int = 0
    requirements_checked: int = 0
    """Requirements some check tried on the judged program (passed or failed)."""
    requirements_unverified: int = 0
    """Requirements the task's wording names that no check tried."""

    @property
    def tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    @property
    def over_claim(self) -> bool:
        """The pipeline called the app working, and a checked requirement failed (a check failed on it, or
        never got to run because the program failed first)."""
        return self.gate == "pass" and self.requirements_passed < self.requirements_checked

    @property
    def explorer_passed(self) -> bool:
        """The explorer alone passes the final program: a pass, or a fail on acceptance checks only."""
        if self.status != "fail" or not self.problems:
            return self.status == "pass"
        return all(problem.startswith(SENTENCE_START) for problem in self.problems)
