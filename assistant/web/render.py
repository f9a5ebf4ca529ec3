"""HTML for the page: verdict badges, citation cards, the trace, the notice tree.

Every piece of text that came from a user, a model or the notice is escaped here, so a message
such as `<img src=x onerror=alert(1)>` is shown as text and never runs.
"""

from __future__ import annotations

from html import escape

from assistant.conversation.contract import Answer
from assistant.documents.corpus import Corpus
from assistant.rules.verdict import Verdict

BADGE = {"eligible": ("可以申报", "ok"), "not_eligible": ("暂不符合", "no"), "need_more_info": ("还需补充信息", "ask")}
MARK = {"met": "✓", "not_met": "✗", "unknown": "?"}
CSS = """
.badge{display:inline-block;padding:4px 12px;border-radius:14px;font-weight:600;margin:4px 0}
.badge.ok{background:#e6f4ea;color:#137333}.badge.no{background:#fce8e6;color:#a50e0e}
.badge.ask{background:#fef7e0;color:#8a5a00}
.cite{border:1px solid #ddd;border-radius:8px;margin:6px 0;padding:6px 10px;background:#fafafa}
.cite summary{cursor:pointer;font-weight:600}.cite pre,.clause pre{white-space:pre-wrap;font-family:inherit;margin:6px 0}
.trace div{margin:2px 0}.clause{margin-left:14px}.clause summary{cursor:pointer}
.keyinfo td{padding:2px 10px}.clause.target>summary{background:#fff3c4}
.facts{border:1px solid #d6e4f0;border-radius:8px;padding:6px 10px;background:#f5f9fc;margin:4px 0}
.facts-title{font-weight:600;margin-bottom:4px}.facts ul{margin:0;padding-left:18px}
.facts li{margin:2px 0}.facts .said{display:block;color:#555;font-size:90%}.facts.empty{color:#555}
.chip button,button.chip{border:1px solid #c6d3e0 !important;background:#eef4fa !important;color:#1a3d5c !important;
  min-height:40px;white-space:normal;text-align:left}
button.primary,#send{background:#b4470d !important;color:#fff !important}
#c-result{position:sticky;top:8px;align-self:flex-start;max-height:100vh;overflow-y:auto}
#chatbot .message{white-space:pre-wrap}
#chatbot button[aria-label="Clear"]{display:none}
.field-error{color:#a50e0e;background:#fce8e6;border-radius:6px;padding:6px 10px}
.has-error textarea,.has-error input{border:2px solid #a50e0e !important}.has-error [data-testid="block-info"]{color:#a50e0e}
"""
# A citation card's link opens the 通知原文 tab at that clause (tabs render lazily, so wait for it).
GOTO_CLAUSE_JS = """<script>
document.addEventListener('click', function (event) {
  const link = event.target.closest('a.goto-clause');
  if (!link) return;
  event.preventDefault();
  const tab = Array.from(document.querySelectorAll('button[role="tab"]')).find(b => b.textContent.trim() === '通知原文');
  if (tab) tab.click();
  let tries = 0;
  const show = function () {
    const node = document.getElementById('clause-' + link.dataset.clause);
    if (!node) { if (tries++ < 40) setTimeout(show, 100); return; }
    for (let n = node; n; n = n.parentElement) { if (n.tagName === 'DETAILS') n.open = true; }
    node.classList.add('target');
    node.scrollIntoView({block: 'start'});
  };
  show();
});
</script>"""


def outcome_badge(outcome: str, route: str | None) -> str:
    text, kind = BADGE[outcome]
    route_text = f"（{escape(route)}）" if route else ""
    return f'<div class="badge {kind}" data-outcome="{outcome}">{text}{route_text}</div>'


def badge(answer: Answer) -> str:
    if answer.verdict is None:
        return ""
    return (outcome_badge(answer.verdict.outcome, answer.verdict.route)
            + f'<div class="question">问题：{escape(answer.verdict.question)}</div>')


def cards(clauses) -> str:
    """Clause cards (anything with id, label and text) that open to the verbatim text and link into the notice."""
    return "".join(f'<details class="cite" data-clause="{escape(c.id)}"><summary>{escape(c.label)} '
                   f'<span class="cid">[编号 {escape(c.id)}]</span></summary>'
                   f'<pre>{escape(c.text)}</pre><a class="goto-clause" href="#clause-{escape(c.id)}" '
                   f'data-clause="{escape(c.id)}">在通知原文中查看</a></details>' for c in clauses)


def citation_cards(answer: Answer) -> str:
    if not answer.citations:
        return ""
    return "<div><b>依据条款</b>（点击展开原文）</div>" + cards(answer.citations)


def trace_html(verdict: Verdict) -> str:
    rows = [f'<div style="margin-left:{18 * s.depth}px">{MARK[s.result]} {escape(s.sentence)} '
            f'<small>[{escape(", ".join(s.clauses))}]</small></div>' for s in verdict.trace]
    return '<div class="trace">' + "".join(rows) + "</div>"


def notice_tree(corpus: Corpus) -> str:
    """The whole notice as nested clauses, each with its id; a citation's id finds its place."""
    by_parent: dict[str | None, list] = {}
    for clause in corpus.clauses:
        by_parent.setdefault(clause.parent, []).append(clause)
    source = {d.id: d.text for d in corpus.documents}

    def node(clause) -> str:
        own = escape(source[clause.doc][clause.start:clause.end].strip())
        kids = "".join(node(k) for k in by_parent.get(clause.id, []))
        return (f'<details class="clause" id="clause-{escape(clause.id)}"><summary><b>{escape(clause.id)}</b> '
                f"{escape(clause.label)}</summary><pre>{own}</pre>{kids}</details>")

    return "".join(node(c) for c in by_parent.get(None, []))
