"""Parameters per policy year: every threshold, date and list the rules read, with its clause ids."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import UserError

FOLDER = Path(__file__).with_name("parameters")


@dataclass(frozen=True)
class Param:
    name: str
    value: Any
    clauses: tuple[str, ...]
    note: str = ""


class Parameters:
    def __init__(self, tree: dict):
        self._flat: dict[str, Param] = {}
        self._walk(tree, "")

    def _walk(self, node: dict, prefix: str) -> None:
        for key, value in node.items():
            name = f"{prefix}{key}"
            if isinstance(value, dict) and "value" in value and "clauses" in value:
                self._flat[name] = Param(name, value["value"], tuple(value["clauses"]), value.get("note", ""))
            elif isinstance(value, dict):
                self._walk(value, f"{name}.")
            else:
                raise ValueError(f"parameter {name} has no value/clauses")

    def __getitem__(self, name: str) -> Param:
        return self._flat[name]

    def value(self, name: str) -> Any:
        return self._flat[name].value

    def all(self) -> list[Param]:
        return list(self._flat.values())


@lru_cache(maxsize=4)
def parameters_for(year: int = 2022) -> Parameters:
    path = FOLDER / f"{year}.yaml"
    if not path.exists():
        raise UserError(f"没有 {year} 年度的评审参数；本助手只覆盖 2022 年度通知。")
    return Parameters(yaml.safe_load(path.read_text(encoding="utf-8")))
