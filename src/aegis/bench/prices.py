"""What a build cost, when the provider's prices are known (configured, or in the shipped table)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from aegis.config import LLMConfig
from aegis.schema import Usage

MILLION = 1_000_000


def cost_of(config: LLMConfig, usage: Usage) -> float | None:
    """US dollars for `usage`, or None when no price is known (the embedded model, unknown servers)."""
    prices = _configured(config) or _listed(config.model)
    if prices is None:
        return None
    prompt, answer = prices
    return round((usage.prompt_tokens * prompt + usage.completion_tokens * answer) / MILLION, 6)


def _configured(config: LLMConfig) -> tuple[float, float] | None:
    if config.price_input is None and config.price_output is None:
        return None
    return config.price_input or 0.0, config.price_output or 0.0


def _listed(model: str) -> tuple[float, float] | None:
    provider, _, name = model.partition(":")
    if provider not in ("openai", "gemini") or not name:
        return None
    for key in sorted(_table(), key=len, reverse=True):
        if name.startswith(key):
            prompt, answer = _table()[key]
            return prompt, answer
    return None


@cache
def _table() -> dict[str, list[float]]:
    text = resources.files("aegis").joinpath("data/prices.json").read_text(encoding="utf-8")
    return {key: value for key, value in json.loads(text).items() if not key.startswith("_")}
