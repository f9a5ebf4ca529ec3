"""Parameters per policy year: every threshold, date and list the rules read, with its clause ids."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import UserError

FOLDER = Path(__file__).with_name("parameters")


@dataclass(frozen=True)
class Param:
    """A value with its clauses. Where one attachment governs another (Catala's `exception`), `base`
    is the governed attachment's value and `by` the clause that gives the exception its authority."""

    name: str
    value: Any
    clauses: tuple[str, ...]
    note: str = ""
    reads: str = ""  # how the clause words it, with {value}
    base: Param | None = None
    by: str = ""

    def wording(self, key: Any = None) -> str:
        value = self.value if key is None else self.value[key]
        return self.reads.format(value=value, key=key) if self.reads else str(value)

    def override_sentence(self, key: Any = None) -> str:
        """“附件1写…，机电按附件2…执行（通知二（一））”, built from the parameters, never typed in code."""
        if self.base is None:
            return ""
        return (f"{_document(self.base.clauses[0])}写“{self.base.wording(key)}”，机电按{_document(self.clauses[0])}"
                f"“{self.wording(key)}”执行（通知{self.by.replace('/', '')}）")

    @property
    def all_clauses(self) -> tuple[str, ...]:
        """The exception's clauses, then the base's and the authority's, for citation."""
        if self.base is None:
            return self.clauses
        return (*self.clauses, *self.base.clauses, self.by)


def _document(clause_id: str) -> str:
    head = clause_id.split("/")[0]
    return head if head.startswith("附件") else "通知"


class Parameters:
    def __init__(self, tree: dict):
        self._flat: dict[str, Param] = {}
        self._walk(tree, "")

    def _walk(self, node: dict, prefix: str) -> None:
        for key, value in node.items():
            name = f"{prefix}{key}"
            if isinstance(value, dict) and "exception" in value and "base" in value:
                base, exception = value["base"], value["exception"]
                self._flat[name] = Param(name, exception["value"], tuple(exception["clauses"]), value.get("note", ""),
                                         exception.get("reads", ""), self._leaf(f"{name}.base", base), exception["by"])
            elif isinstance(value, dict) and "value" in value and "clauses" in value:
                self._flat[name] = self._leaf(name, value)
            elif isinstance(value, dict):
                self._walk(value, f"{name}.")
            else:
                raise ValueError(f"parameter {name} has no value/clauses")

    @staticmethod
    def _leaf(name: str, node: dict) -> Param:
        return Param(name, node["value"], tuple(node["clauses"]), node.get("note", ""), node.get("reads", ""))

    def __getitem__(self, name: str) -> Param:
        return self._flat[name]

    def value(self, name: str) -> Any:
        return self._flat[name].value

    def projected(self, name: str, value: Any) -> Parameters:
        """A copy with one value changed: "那明年呢" counts years to the next year's end under these rules."""
        copy = Parameters({})
        copy._flat = {**self._flat, name: replace(self._flat[name], value=value)}
        return copy

    def all(self) -> list[Param]:
        return list(self._flat.values())


@lru_cache(maxsize=4)
def parameters_for(year: int = 2022) -> Parameters:
    path = FOLDER / f"{year}.yaml"
    if not path.exists():
        raise UserError(f"没有 {year} 年度的评审参数；本助手只覆盖 2022 年度通知。")
    return Parameters(yaml.safe_load(path.read_text(encoding="utf-8")))


def hotline() -> str:
    """The notice's contact number (七), for every message that sends a caller to the hotline."""
    return str(parameters_for(2022).value("hotline"))
