"""The dependency step of the build loop: refuse what is not allowed, install what is into a per-app env.

Nothing is ever installed into AEGIS's own environment or the host; a refused module becomes a Problem
for the repair prompt instead.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass

from aegis.config import DepsConfig
from aegis.deps.appenv import env_for
from aegis.deps.classify import classify, installable, refusal_message
from aegis.errors import AegisError
from aegis.schema import Problem

log = logging.getLogger("aegis")

OnEvent = Callable[..., None]


@dataclass(frozen=True)
class Prepared:
    python: str
    """The interpreter to run the app with: AEGIS's own, or the app's environment's."""
    problems: list[Problem]
    requirements: str = ""


def prepare(code: str, config: DepsConfig, on_event: OnEvent) -> Prepared:
    deps = classify(code, allow=config.allow_packages)
    refused = [dep for dep in deps if dep.refused]
    for dep in refused:
        on_event("dependency_refused", module=dep.module, dist=dep.dist, reason=dep.reason)
    if refused:
        return Prepared(sys.executable, [Problem(kind="missing_module", message=refusal_message(d)) for d in refused])
    wanted = installable(deps)
    if not wanted:
        return Prepared(sys.executable, [])
    log.info("installing into the app's own environment: %s", ", ".join(wanted))
    try:
        env = env_for(deps, base_python=sys.executable, find_links=config.find_links)
    except AegisError as exc:
        on_event("dependency_install", dists=wanted, ok=False, error=str(exc))
        return Prepared(sys.executable, [Problem(kind="missing_module", message=str(exc))])
    requirements = env.requirements_txt()
    on_event("dependency_install", dists=wanted, ok=True, requirements=requirements.splitlines())
    return Prepared(str(env.python), [], requirements)
