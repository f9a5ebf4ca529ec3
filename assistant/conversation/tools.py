"""The tools a language model may call: the rule engine and the notice, nothing else.

Each tool returns JSON text for the model and the clause ids it returned, which are the only ids
the model may cite in this turn.
"""

from __future__ import annotations

import json
from typing import Any

from langchain_core.tools import StructuredTool

from assistant.errors import UserError
from assistant.rules.engine import QUESTIONS, check
from assistant.rules.facts import parse_facts


class NoticeTools:
    def __init__(self, offline):
        self.offline = offline
        self.corpus = offline.corpus

    def definitions(self) -> list[StructuredTool]:
        return [
            StructuredTool.from_function(self.check_eligibility, name="check_eligibility",
                                         description=f"用规则引擎判断。question 取值：{', '.join(QUESTIONS)}；facts 为事实 JSON 对象。"),
            StructuredTool.from_function(self.compute_ce_hours, name="compute_ce_hours",
                                         description="核算继续教育学时。ce 形如 {\"2019\": {\"professional\": 60, \"public\": 30}}。"),
            StructuredTool.from_function(self.check_photo, name="check_photo", description="检查证件照格式、大小、像素、宽高比。"),
            StructuredTool.from_function(self.check_deadline, name="check_deadline",
                                         description="检查某环节（网上申报、单位审核、原件核查）在某日（YYYY-MM-DD）是否在规定时间内。"),
            StructuredTool.from_function(self.search_notice, name="search_notice", description="检索通知条款，返回条款编号、名称和原文。"),
            StructuredTool.from_function(self.get_clause, name="get_clause", description="按条款编号取原文。"),
        ]

    def run(self, name: str, args: dict[str, Any]) -> tuple[str, set[str]]:
        tool = {t.name: t for t in self.definitions()}.get(name)
        if tool is None:
            return json.dumps({"error": f"没有名为 {name} 的工具"}, ensure_ascii=False), set()
        try:
            payload = getattr(self, name)(**args)
        except (UserError, TypeError, ValueError) as exc:
            message = exc.message if isinstance(exc, UserError) else "参数有误"
            return json.dumps({"error": message}, ensure_ascii=False), set()
        ids = {c["id"] for c in payload.get("citations", []) + payload.get("clauses", [])}
        return json.dumps(payload, ensure_ascii=False), ids

    def _verdict(self, question: str, facts: dict) -> dict:
        verdict = check(question, parse_facts(facts), self.corpus)
        return {"outcome": verdict.outcome, "route": verdict.route,
                "reasons": [s.sentence for s in verdict.trace if s.depth <= 1],
                "missing": [m.question for m in verdict.missing],
                "citations": [{"id": c.id, "label": c.label} for c in verdict.citations]}

    def check_eligibility(self, question: str, facts: dict) -> dict:
        return self._verdict(question, facts)

    def compute_ce_hours(self, ce: dict) -> dict:
        return self._verdict("ce_hours", {"ce": ce})

    def check_photo(self, format: str | None = None, bytes: int | None = None,  # noqa: A002 (the fact names)
                    width: int | None = None, height: int | None = None) -> dict:
        return self._verdict("photo", {"photo": {"format": format, "bytes": bytes, "width": width, "height": height}})

    def check_deadline(self, action: str, date: str) -> dict:
        return self._verdict("deadline", {"action": action, "action_date": date})

    def search_notice(self, query: str) -> dict:
        hits = self.offline.searcher.search(query, k=3)
        return {"clauses": [{"id": h.clause.id, "label": h.clause.label, "text": h.clause.text} for h in hits]}

    def get_clause(self, id: str) -> dict:  # noqa: A002 (the tool's argument name)
        clause = self.corpus.get(id)
        return {"clauses": [{"id": clause.id, "label": clause.label, "text": clause.text}]}
