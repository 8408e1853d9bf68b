"""What each PySide6 class has, and the hints for a name it lacks, from the shipped member table.

The table (`data/pyside6_members.json`, written by `scripts/gen_pyside_members.py`) holds for each class of
the modules it covers (QtCore, QtGui, QtWidgets, QtPrintSupport) its bases, its own members and its nested
enums. A lookup walks the bases, and counts enum members as members of the class too, as PySide6 does
(`QEvent.KeyPress` works like `QEvent.Type.KeyPress`).
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources

# Where a name is missing, the classes that do have it are named in this order first.
COMMON_CLASSES = (
    "QTextEdit",
    "QPlainTextEdit",
    "QLineEdit",
    "QLabel",
    "QFormLayout",
    "QGridLayout",
    "QBoxLayout",
    "QListWidget",
    "QComboBox",
    "QTableWidget",
    "QPushButton",
    "QMainWindow",
    "QWidget",
)
# Members every class has as a type (`QLabel.mro()`), not listed in the table.
TYPE_MEMBERS = frozenset({"mro"})
# Attributes of an enum member that are not members of the enum (`Qt.Key.Key_A.value`).
ENUM_ATTRIBUTES = frozenset(
    (  # noqa: SIM905
        "name value real imag numerator denominator bit_length bit_count to_bytes from_bytes as_integer_ratio "
        "conjugate is_integer"
    ).split()
)
SUGGESTIONS = 3


@dataclass(frozen=True)
class QtClass:
    module: str
    """The PySide6 module that defines it, e.g. "QtWidgets"."""
    bases: tuple[str, ...]
    """Its direct PySide6 bases."""
    members: frozenset[str]
    """Its own public attributes: methods, signals, properties, nested classes."""
    enums: dict[str, frozenset[str]]
    """Its own nested enums and their members."""


@dataclass(frozen=True, eq=False)
class MemberTable:
    version: str
    """The PySide6 version the table was generated from."""
    modules: frozenset[str]
    """The PySide6 modules it covers ("QtWidgets", ...); names from other modules are never checked."""
    classes: dict[str, QtClass]
    _names: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def lineage(self, name: str) -> Iterator[QtClass]:
        """The class and all its bases, each once."""
        seen: set[str] = set()
        todo = [name]
        while todo:
            current = todo.pop(0)
            if current in seen or current not in self.classes:
                continue
            seen.add(current)
            todo += self.classes[current].bases
            yield self.classes[current]

    def inherits(self, name: str, base: str) -> bool:
        """Whether class `name` is `base` or derives from it."""
        return base in self.classes and any(cls is self.classes[base] for cls in self.lineage(name))

    def names(self, name: str) -> frozenset[str]:
        """Every attribute an instance or the class itself has (enum members included)."""
        if name not in self._names:
            self._names[name] = self._collect_names(name)
        return self._names[name]

    def _collect_names(self, name: str) -> frozenset[str]:
        found: set[str] = set()
        for cls in self.lineage(name):
            found |= cls.members | set(cls.enums)
            for members in cls.enums.values():
                found |= members
        return frozenset(found)

    def has(self, name: str, member: str) -> bool:
        return member in self.names(name)

    def enum(self, name: str, enum: str) -> frozenset[str] | None:
        """The members of the enum `enum` of class `name` (or of a base), None if it has no such enum."""
        for cls in self.lineage(name):
            if enum in cls.enums:
                return cls.enums[enum]
        return None

    def owners(self, member: str) -> list[str]:
        """The classes that define `member` themselves, the common ones first."""
        found = [name for name, cls in self.classes.items() if member in cls.members]
        return sorted(found, key=lambda name: (_rank(name), name))

    def similar(self, name: str, member: str) -> list[str]:
        """The members of class `name` spelled most like `member`."""
        return similar_names(member, self.names(name))

    def enum_homes(self, member: str) -> list[str]:
        """`Class.Enum.member` for each enum that has `member` (e.g. "QEvent.Type.KeyPress")."""
        return list(_enum_index(self).get(member, ()))

    def enum_homes_like(self, member: str) -> list[str]:
        """`Class.Enum.Member` for the enum members spelled most like `member` (KeyPressEvent: KeyPress)."""
        index = _enum_index(self)
        close = difflib.get_close_matches(member, list(index), n=SUGGESTIONS, cutoff=0.7)
        return [home for name in close for home in index[name]][:SUGGESTIONS]


def similar_names(member: str, names: frozenset[str]) -> list[str]:
    """The names that contain `member` (count: rowCount), then those spelled most like it."""
    candidates = sorted(names - {member})
    longer = [name for name in candidates if len(member) > 3 and member.lower() in name.lower()]
    close = difflib.get_close_matches(member, candidates, n=SUGGESTIONS, cutoff=0.6)
    return list(dict.fromkeys(sorted(longer, key=len) + close))[:SUGGESTIONS]


def likeness(member: str, name: str) -> float:
    """How alike `member` and the last part of `name` are spelled, 0 to 1 (QEvent.Type.KeyPress: KeyPress)."""
    return difflib.SequenceMatcher(None, member, name.rsplit(".", 1)[-1]).ratio()


def _rank(name: str) -> int:
    return COMMON_CLASSES.index(name) if name in COMMON_CLASSES else len(COMMON_CLASSES)


@functools.cache
def _enum_index(table: MemberTable) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for name, cls in table.classes.items():
        for enum, members in cls.enums.items():
            for member in members:
                index.setdefault(member, []).append(f"{name}.{enum}.{member}")
    return {member: tuple(sorted(homes, key=lambda h: (_rank(h.split(".")[0]), h))) for member, homes in index.items()}


@functools.cache
def load_members() -> MemberTable:
    text = resources.files("aegis.data").joinpath("pyside6_members.json").read_text(encoding="utf-8")
    data = json.loads(text)
    classes = {
        name: QtClass(
            module=entry["module"],
            bases=tuple(entry["bases"]),
            members=frozenset(entry["members"]),
            enums={enum: frozenset(members) for enum, members in entry["enums"].items()},
        )
        for name, entry in data["classes"].items()
    }
    return MemberTable(version=data["version"], modules=frozenset(data["modules"]), classes=classes)
