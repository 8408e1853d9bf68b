"""Pure data passed between AEGIS components. Frozen, validated, JSON-serialisable."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Unverified(Frozen):
    """A feature the task names that no check can try here, and why (no network, no audio device, ...)."""

    name: str = Field(min_length=1)
    why: str = Field(min_length=1)


class Task(Frozen):
    """One thing to build: a sentence, and optionally an id, acceptance checks and what they cannot check."""

    id: str
    task: str
    checks: list[dict[str, object]] = Field(default_factory=list)
    checks_from: Literal["dataset", "file"] = "dataset"
    """A dataset's checks, or those of `aegis build --checks FILE`."""
    unverified: list[Unverified] = Field(default_factory=list)
    """Features the sentence names that no check can try here (a dataset's `unverified`), each with why."""


Role = Literal["system", "user", "assistant"]


class Message(Frozen):
    role: Role
    content: str


class Usage(Frozen):
    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
        )


class Completion(Frozen):
    """One answer from a model backend."""

    text: str
    finish_reason: str = "stop"
    usage: Usage = Usage()
    seconds: float = 0.0
    model: str = ""

    @property
    def truncated(self) -> bool:
        return self.finish_reason == "length"


CapHit = Literal["memory", "processes", "disk"]


class ExecResult(Frozen):
    """What happened when the sandbox runner ran one command."""

    argv: list[str]
    returncode: int | None
    stdout: str
    stderr: str
    seconds: float
    timed_out: bool = False
    signal: int | None = None
    cap_hit: CapHit | None = None
    """The sandbox cap the run ran into: memory and processes of the whole run, or the disk its folders hold."""


ProblemKind = Literal[
    "syntax",
    "undefined_name",
    "unknown_member",
    "no_code",
    "exception",
    "early_exit",
    "crash",
    "no_window",
    "timeout",
    "missing_module",
    "missing_library",
    "package",
    "hang",
    "empty_window",
    "unreadable_text",
    "window_too_large",
    "qt_warning",
    "acceptance",
    "placeholder",
    "environment",
    "probe_error",
    "sandbox_cap",
    "tampering",
]


Severity = Literal["fail", "warn"]
"""A problem that fails the program, or one that is only shown."""


class Problem(Frozen):
    kind: ProblemKind
    message: str
    severity: Severity = "fail"
    traceback: str = ""
    action: str = ""

    @property
    def signature(self) -> str:
        """What stays the same when the same bug comes back in a new attempt."""
        return f"{self.kind}:{self.message}"


class Coverage(Frozen):
    """How much of what the windows offered (buttons, fields, menu entries, list rows, tabs, shortcuts; never
    Quit or Exit) the explorer tried, so a user sees what was not."""

    tried: int
    offered: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def share(self) -> float:
        return round(self.tried / self.offered, 3) if self.offered else 1.0


class WindowInfo(Frozen):
    title: str
    cls: str
    width: int
    height: int
    widgets: int


class StepResult(Frozen):
    """One step of an acceptance check, as it went."""

    step: str
    """The step in words, e.g. `click '='` or `expect text '5'`."""
    ok: bool
    message: str = ""
    """Why it failed, in a sentence the model can read."""
    seen: str = ""
    """What was there instead (the texts shown, the candidates a selector could have meant)."""


class CheckResult(Frozen):
    """One acceptance check on a fresh start of the app."""

    name: str
    passed: bool
    steps: list[StepResult] = Field(default_factory=list)
    screenshot: str = ""
    """The window when the check failed."""

    @property
    def failed_step(self) -> StepResult | None:
        return next((s for s in self.steps if not s.ok), None)


CheckSource = Literal["dataset", "generated", "file", "library"]
"""Where checks came from: a dataset, the model's spec, a --checks file, or the requirement library."""
"""Where acceptance checks came from: a dataset, a spec the model wrote, a file the user gave."""


class Acceptance(Frozen):
    """Whether the app does what the task asked: every acceptance check's result."""

    source: CheckSource
    checks: list[CheckResult] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _drop_derived(cls, data: Any) -> Any:
        """A dumped Acceptance carries its derived figures; they are recomputed, not read back."""
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if k not in ("total", "passed_count", "passed")}
        return data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total(self) -> int:
        return len(self.checks)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def passed_count(self) -> int:
        return sum(c.passed for c in self.checks)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def passed(self) -> bool:
        return self.passed_count == self.total


class Verdict(Frozen):
    """The judgement of one check of one program."""

    status: Literal["pass", "fail"]
    problems: list[Problem] = Field(default_factory=list)
    windows: list[WindowInfo] = Field(default_factory=list)
    screenshots: list[str] = Field(default_factory=list)
    actions: int = 0
    """How many GUI interactions the explorer ran."""
    dialogs: list[str] = Field(default_factory=list)
    """Modal dialogs that appeared (and were dismissed), with their text and the action that opened them."""
    timings: dict[str, float] = Field(default_factory=dict)
    isolation: str = "none"
    acceptance: Acceptance | None = None
    """The acceptance checks' results, when the app had checks to pass."""
    coverage: Coverage | None = None
    """What exploring tried of what the windows offered; None when the app was not explored."""

    @property
    def passed(self) -> bool:
        return self.status == "pass"

    @property
    def failures(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "fail"]

    @classmethod
    def failing(cls, *problems: Problem, **fields: object) -> Verdict:
        return cls.model_validate({"status": "fail", "problems": list(problems), **fields})

    def adding(self, problems: list[Problem], **fields: object) -> Verdict:
        """This verdict with more problems (and fields); any failure among them fails it."""
        merged = [*self.problems, *problems]
        status = "fail" if any(p.severity == "fail" for p in merged) else "pass"
        return self.model_copy(update={"problems": merged, "status": status, **fields})


class Attempt(Frozen):
    """One round of the build loop: the code the model wrote and what the checks said."""

    number: int
    kind: Literal["generate", "repair", "regenerate"]
    code: str
    verdict: Verdict
    usage: Usage = Usage()
    """Tokens of the whole round, every candidate's included."""
    seconds: float = 0.0
    candidate: int = 0
    """Which of the round's candidates this program is (from 1); 0 when the round sampled one program."""
    sampled: int = 1
    """Candidates the round checked before it kept this one (it stops at the first that passes)."""


class PackageResult(Frozen):
    """A packaged app, or why there is none. A package whose executable fails its check is not ok."""

    ok: bool
    executable: str = ""
    size_bytes: int = 0
    """Bytes the user downloads: the archive (the executable's folder or file, gzipped)."""
    seconds: float = 0.0
    message: str = ""
    """On success, the line that says the download's size and how to run it; else why it failed."""
    archive: str = ""
    """The `.tar.gz` of the executable, next to it; its sha256 is in `<archive>.sha256` too."""
    sha256: str = ""
    cached: bool = False
    """PyInstaller reused its analysis from an earlier build of this app (only the app's code changed)."""
    verified: str = ""
    """How the executable itself was checked, e.g. the headless check's window and actions."""


RunStatus = Literal["pass", "partial", "fail", "error", "interrupted", "blocked", "cancelled"]
"""partial: no attempt did everything, but the closest one passed some of the requirements;
interrupted: Ctrl-C or a stopped server; cancelled: someone cancelled it (`aegis serve`)."""


class Requirement(Frozen):
    """One behaviour the task asks for, and whether the app was seen doing it."""

    name: str
    source: CheckSource
    status: Literal["passed", "failed", "unverified"]
    checked_by: str = ""
    """The acceptance check that tried it; empty when nothing could."""
    seen: str = ""
    """What went wrong, or why the requirement is unverified."""


class RunResult(Frozen):
    """The outcome of one `aegis build`."""

    task: Task
    status: RunStatus
    run_dir: str
    attempts: list[Attempt] = Field(default_factory=list)
    app_path: str = ""
    package: PackageResult | None = None
    usage: Usage = Usage()
    seconds: float = 0.0
    message: str = ""
    kept: int = 0
    """The number of the attempt the result reports on: the one that passed, else the closest (0: none)."""
    requirements: list[Requirement] = Field(default_factory=list)
    """Of the kept attempt, else of the last one."""

    @property
    def kept_verdict(self) -> Verdict | None:
        """The kept attempt's verdict, else the last attempt's; None when no round ran."""
        chosen = [a for a in self.attempts if a.number == self.kept] or self.attempts[-1:]
        return chosen[0].verdict if chosen else None

    @property
    def rounds(self) -> int:
        return len(self.attempts)
