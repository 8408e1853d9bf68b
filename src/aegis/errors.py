"""The exceptions AEGIS raises on purpose.

    AegisError                 one clear line for the user; the CLI prints it and exits non-zero
    ├── ConfigError            bad flag, env var, aegis.toml value or model spec
    ├── DatasetError           unreadable or malformed dataset (message is `file:line:col: reason`)
    ├── AcceptanceError        acceptance checks that do not follow the check language (names check and step)
    ├── ModelStoreError        the embedded model cannot be fetched, assembled or verified
    ├── LLMError               the model backend failed for good (after retries)
    │   └── LLMAuthError       missing or rejected credentials; never retried
    ├── ProbeError             the probe itself (not the app under test) could not run
    ├── DependencyError        an app's packages are refused or cannot be installed into its environment
    ├── PackagingError         the packaging tools themselves (build environment, PyInstaller) cannot run
    └── RunFolderError         the run folder cannot be written (disk full, permissions)

    BuildCancelled             (a BaseException, like KeyboardInterrupt) someone cancelled the build in progress
                               (`aegis serve`); the run folder is finalized as cancelled

Exceptions carry data and never log or print when built.
"""

from __future__ import annotations


class AegisError(Exception):
    """Base class: str(error) is the one line shown to the user."""


class ConfigError(AegisError):
    pass


class DatasetError(AegisError):
    pass


class AcceptanceError(AegisError):
    """Its text is also what the model reads when a spec it wrote is invalid."""


class ModelStoreError(AegisError):
    pass


class LLMError(AegisError):
    pass


class LLMAuthError(LLMError):
    pass


class ProbeError(AegisError):
    pass


class DependencyError(AegisError):
    """`modules` are the refused import names, if that is the cause."""

    def __init__(self, message: str, *, modules: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.modules = modules


class PackagingError(AegisError):
    pass


class RunFolderError(AegisError):
    pass


class BuildCancelled(BaseException):
    """Raised in a build's thread when someone cancels it; no `except Exception` may swallow it."""
