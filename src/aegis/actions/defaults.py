"""The registry a model gets in tools mode: the file actions, `run_command` and `finish`."""

from __future__ import annotations

from aegis.actions import files, terminal
from aegis.actions.models import FinishParams
from aegis.actions.policy import Policy
from aegis.actions.registry import FINISH, Registry
from aegis.protocols import Runner


def default_registry(policy: Policy, runner: Runner) -> Registry:
    """File actions, ``run_command`` through ``runner``, and ``finish``, all confined by ``policy``."""
    registry = Registry()
    files.register(registry, policy)
    terminal.register(registry, policy, runner)
    registry.register(FINISH, FinishParams, _finish, "Say the program is complete; call it once, last.")
    return registry


def _finish(params: FinishParams) -> dict[str, str]:
    return {"summary": params.summary}
