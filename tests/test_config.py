"""Configuration layers: CLI flags > AEGIS_* env vars > aegis.toml > defaults, and one clear error per bad value."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from aegis.config import AegisConfig, load_config
from aegis.errors import ConfigError

TOML = """\
[llm]
model = "ollama:qwen2.5-coder"
temperature = 0.5

[loop]
max_rounds = 6

[runs]
dir = "toml-runs"
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """load_config reads ./aegis.toml by default: run each test in an empty folder."""
    monkeypatch.chdir(tmp_path)


def write_toml(text: str, name: str = "aegis.toml") -> Path:
    path = Path(name)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("flags", "env", "expected"),
    [
        ({}, {"AEGIS_LLM_MODEL": "openai:gpt-4o-mini"}, (1, 4)),
        ({"llm": {"model": "local:/models/other.gguf"}}, {}, (2, 2)),
        ({}, {"AEGIS_LOOP_MAX_ROUNDS": "4"}, (2, 4)),
        ({"llm": {"candidates": 1}}, {}, (1, 2)),
        ({"llm": {"model": "my-model", "base_url": "http://127.0.0.1:9/v1"}}, {}, (1, 4)),
    ],
)
def test_the_embedded_model_has_its_own_defaults_and_anything_set_wins(
    flags: dict[str, dict[str, object]], env: dict[str, str], expected: tuple[int, int]
) -> None:
    config = load_config(flags=flags, env=env)
    assert (config.llm.candidates, config.loop.max_rounds) == expected


def test_defaults_apply_when_nothing_is_set() -> None:
    config = load_config(env={})
    assert config.llm.model == "local"
    assert (config.llm.candidates, config.loop.max_rounds) == (2, 2)  # the embedded model's own defaults
    assert config.runs.dir == Path("runs")
    assert config.package.enabled is True


def test_aegis_toml_in_the_current_folder_overrides_defaults() -> None:
    write_toml(TOML)
    config = load_config(env={})
    assert (config.llm.model, config.llm.temperature) == ("ollama:qwen2.5-coder", 0.5)
    assert config.loop.max_rounds == 6
    assert config.runs.dir == Path("toml-runs")
    assert config.llm.seed == 1  # untouched fields keep their defaults


def test_an_explicit_toml_path_is_read_instead_of_the_local_one() -> None:
    write_toml("[loop]\nmax_rounds = 2\n")
    other = write_toml("[loop]\nmax_rounds = 9\n", name="other.toml")
    assert load_config(env={}, toml_path=other).loop.max_rounds == 9


def test_env_vars_override_toml() -> None:
    write_toml(TOML)
    config = load_config(env={"AEGIS_LLM_MODEL": "openai:gpt-4o-mini", "AEGIS_LOOP_MAX_ROUNDS": "3"})
    assert config.llm.model == "openai:gpt-4o-mini"
    assert config.loop.max_rounds == 3
    assert config.llm.temperature == 0.5  # still from aegis.toml


def test_env_values_are_parsed_to_the_field_types() -> None:
    config = load_config(
        env={"AEGIS_PACKAGE_ENABLED": "false", "AEGIS_LLM_MAX_RETRIES": "0", "AEGIS_RUNS_DIR": "/tmp/somewhere"}
    )
    assert config.package.enabled is False
    assert config.llm.max_retries == 0
    assert config.runs.dir == Path("/tmp/somewhere")


def test_flags_override_env_and_a_none_flag_means_not_given() -> None:
    write_toml(TOML)
    config = load_config(
        flags={"llm": {"model": "gemini:gemini-2.0-flash", "seed": None}, "loop": {"max_rounds": None}},
        env={"AEGIS_LLM_MODEL": "openai:gpt-4o-mini", "AEGIS_LLM_SEED": "7", "AEGIS_LOOP_MAX_ROUNDS": "3"},
    )
    assert config.llm.model == "gemini:gemini-2.0-flash"
    assert config.llm.seed == 7
    assert config.loop.max_rounds == 3


def test_unrelated_aegis_env_vars_are_ignored() -> None:
    env = {"AEGIS_CACHE_DIR": "/x", "AEGIS_API_KEY": "secret-value", "AEGIS_": "", "AEGIS_LLM": "y", "OTHER": "z"}
    assert load_config(env=env) == load_config(env={})


def test_the_process_environment_is_used_when_none_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AEGIS_LOOP_MAX_ROUNDS", "5")
    assert load_config().loop.max_rounds == 5


@pytest.mark.parametrize(
    ("source", "field"),
    [
        ({"env": {"AEGIS_LOOP_MAX_ROUNDS": "many"}}, "loop.max_rounds"),
        ({"env": {"AEGIS_LOOP_MAX_ROUNDS": "0"}}, "loop.max_rounds"),
        ({"env": {"AEGIS_PACKAGE_MODE": "zip"}}, "package.mode"),
        ({"flags": {"llm": {"max_tokens": -5}}}, "llm.max_tokens"),
        ({"flags": {"runs": {"retention_days": -1}}}, "runs.retention_days"),
        ({"toml": '[llm]\ntemperature = "hot"\n'}, "llm.temperature"),
        ({"toml": "[probe]\ntimeout = 0\n"}, "probe.timeout"),
        ({"toml": '[llm]\nmodle = "local"\n'}, "llm.modle"),
    ],
)
def test_a_bad_value_raises_config_error_naming_the_field(source: dict[str, object], field: str) -> None:
    toml = write_toml(str(source["toml"])) if "toml" in source else None
    with pytest.raises(ConfigError, match=rf"^bad setting {field}: "):
        load_config(flags=source.get("flags"), env=source.get("env", {}), toml_path=toml)  # type: ignore[arg-type]


def test_unknown_toml_section_is_named_with_the_known_ones() -> None:
    write_toml("[lm]\nmodel = 'local'\n")
    with pytest.raises(ConfigError, match=r"aegis\.toml: unknown section \[lm\]; known: llm, loop"):
        load_config(env={})


def test_a_section_that_is_not_a_table_is_a_config_error() -> None:
    write_toml('llm = "openai:gpt-4o-mini"\n')
    with pytest.raises(ConfigError, match=r"aegis\.toml: llm must be a \[llm\] table"):
        load_config(env={})


def test_broken_toml_syntax_is_a_config_error_naming_the_file() -> None:
    write_toml("[llm\nmodel = 'local'\n")
    with pytest.raises(ConfigError, match=r"^aegis\.toml: "):
        load_config(env={})


def test_config_is_frozen() -> None:
    config = load_config(env={})
    with pytest.raises(ValueError, match="frozen"):
        config.loop.max_rounds = 10  # type: ignore[misc]


def sections() -> list[tuple[str, type[BaseModel]]]:
    found = []
    for name, field in AegisConfig.model_fields.items():
        assert isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel)
        found.append((name, field.annotation))
    return found


@pytest.mark.parametrize(("section", "model"), sections())
def test_every_config_field_has_a_docstring(section: str, model: type[BaseModel]) -> None:
    missing = [name for name, field in model.model_fields.items() if not (field.description or "").strip()]
    assert not missing, f"[{section}] fields without a docstring: {missing}"
    assert len(model.model_fields) >= 2


OLD_STYLE = """\
[llm]
model = "ollama:qwen2.5-coder"

[check]
timeout = 7
max_actions = 12
require_acceptance = false
"""


def test_an_old_style_toml_with_a_check_section_still_works_and_warns(caplog: pytest.LogCaptureFixture) -> None:
    write_toml(OLD_STYLE)
    config = load_config(env={})
    assert (config.probe.timeout, config.probe.max_actions, config.probe.require_acceptance) == (7, 12, False)
    assert "the [check] section is now [probe]" in caplog.text


def test_a_new_section_wins_over_its_old_name_and_an_old_env_var_still_works(
    caplog: pytest.LogCaptureFixture,
) -> None:
    write_toml("[probe]\ntimeout = 9\n[check]\ntimeout = 7\nseed = 3\n")
    config = load_config(env={"AEGIS_CHECK_MAX_ACTIONS": "5"})
    assert (config.probe.timeout, config.probe.seed, config.probe.max_actions) == (9, 3, 5)
    assert "AEGIS_CHECK_MAX_ACTIONS is deprecated: use AEGIS_PROBE_MAX_ACTIONS" in caplog.text


def test_a_bad_value_under_the_old_name_is_still_one_clear_error() -> None:
    write_toml("[check]\ntimeout = 0\n")
    with pytest.raises(ConfigError, match=r"^bad setting probe\.timeout: "):
        load_config(env={})


def test_a_config_saved_by_an_older_version_loads() -> None:
    """A bench folder's bench.json keeps the whole config, under the section names of its day."""
    saved = AegisConfig().model_dump(mode="json")
    saved["check"] = {**saved.pop("probe"), "timeout": 4.0}
    assert AegisConfig.model_validate(saved).probe.timeout == 4.0
