"""The few seams of AEGIS. Concrete classes just match these; tests inject their own."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from aegis.schema import Completion, ExecResult, Message, PackageResult, Verdict

if TYPE_CHECKING:
    from aegis.acceptance import CheckSet


class LLM(Protocol):
    """A chat model. Raises aegis.errors.LLMError when it fails for good."""

    name: str

    def complete(self, messages: Sequence[Message], *, max_tokens: int, seed: int) -> Completion: ...

    def complete_many(self, messages: Sequence[Message], *, n: int, max_tokens: int, seed: int) -> list[Completion]:
        """Up to `n` different answers to the same messages (at least one)."""
        ...

    def sample(self, messages: Sequence[Message], *, max_tokens: int, seed: int) -> Completion:
        """One more answer to the same messages, sampled at `llm.sample_temperature` so that it differs from
        `complete`'s; as `complete_many`'s answers after the first are."""
        ...

    def close(self) -> None: ...


class Runner(Protocol):
    """Runs untrusted code; any child failure comes back as an ExecResult, never an exception.

    A sandbox lets the child write only to cwd, to env["HOME"] and to the `writable` folders; `keep_fds` are
    descriptors the child inherits (the probe's report)."""

    isolation: str

    def run(
        self,
        argv: Sequence[str],
        *,
        cwd: Path,
        timeout: float,
        env: Mapping[str, str] | None = None,
        writable: Sequence[Path] = (),
        keep_fds: Sequence[int] = (),
    ) -> ExecResult: ...


class Prober(Protocol):
    """Judges one program file; writes screenshots and logs under out_dir."""

    def probe(self, app: Path, out_dir: Path, *, python: str | None = None, checks: CheckSet | None = None) -> Verdict:
        """`python`: the interpreter to run the app with (its own environment), when not the default;
        `checks`: acceptance checks to run after the exploration (each on a fresh start)."""
        ...


class Packager(Protocol):
    """Turns a passing app into an executable under out_dir and proves that it starts."""

    def package(self, app: Path, out_dir: Path, *, name: str, packages: Sequence[str] = ()) -> PackageResult:
        """`packages`: the app's extra allowed distributions, bundled with it."""
        ...
