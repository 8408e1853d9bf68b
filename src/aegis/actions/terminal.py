"""``run_command``: start an allowed program in the workspace through the sandbox runner.

The program is named by its bare name (``python``), never a path or a shell string; ``python`` and
``python3`` mean the interpreter AEGIS runs under, the one the app is checked with. The command runs in
the workspace root with the runner's limits, the policy's timeout, and its output cut to the policy's size.
"""

from __future__ import annotations

import shutil
import sys
from functools import partial
from typing import TYPE_CHECKING, Any

from aegis.actions.models import ActionError, RunCommandParams
from aegis.actions.policy import Policy
from aegis.protocols import Runner

if TYPE_CHECKING:
    from aegis.actions.registry import Registry

PYTHON_NAMES = frozenset({"python", "python3"})


def register(registry: Registry, policy: Policy, runner: Runner) -> None:
    programs = ", ".join(sorted(policy.allowed_programs))
    registry.register(
        "run_command",
        RunCommandParams,
        partial(run_command, policy, runner),
        f"Run a program in the workspace folder and get its output. Allowed programs: {programs}.",
    )


def run_command(policy: Policy, runner: Runner, params: RunCommandParams) -> dict[str, Any]:
    argv = [executable(policy, params.argv[0]), *params.argv[1:]]
    if any("\x00" in arg for arg in argv):
        raise ActionError("an argument contains a NUL byte")
    timeout = min(params.timeout_s, policy.timeout_s)
    result = runner.run(argv, cwd=policy.root, timeout=timeout, env=dict(policy.env))
    data = {
        "argv": params.argv,
        "returncode": result.returncode,
        "stdout": tail(result.stdout, policy.max_output_bytes),
        "stderr": tail(result.stderr, policy.max_output_bytes),
        "timed_out": result.timed_out,
        "seconds": round(result.seconds, 3),
    }
    if result.timed_out:
        raise ActionError(f"the command ran past {timeout:g} s and was killed", data=data)
    if result.returncode != 0:
        raise ActionError(f"the command exited with code {result.returncode}", data=data)
    return data


def executable(policy: Policy, program: str) -> str:
    allowed = ", ".join(sorted(policy.allowed_programs))
    if program not in policy.allowed_programs:
        hint = " (give the bare program name, not a path)" if "/" in program else ""
        hint = hint or (" (argv is a list: one item per argument)" if " " in program.strip() else "")
        raise ActionError(f"program {program!r} is not allowed{hint}; allowed programs: {allowed}")
    if program in PYTHON_NAMES:
        return sys.executable
    found = shutil.which(program)
    if found is None:
        raise ActionError(f"program {program!r} is allowed but not installed here")
    return found


def tail(text: str, limit: int) -> str:
    """The last ``limit`` bytes of ``text`` (where errors are), with a note of what was cut."""
    data = text.encode()
    if len(data) <= limit:
        return text
    kept = data[len(data) - limit :].decode(errors="ignore")
    return f"[first {len(data) - limit} bytes cut]\n{kept}"
