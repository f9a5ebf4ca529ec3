"""`python -m assistant …`: search, look up clauses, build the index, evaluate.

Every user mistake ends with a Chinese message on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys

from assistant.errors import UserError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        raise UserError(f"命令参数有误：{message}。使用 --help 查看用法。")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m assistant", description="机电工程师职称评审通知助手")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("search", help="检索通知条款")
    p.add_argument("query", help="问题；写 - 则从标准输入读取")
    p.add_argument("-k", type=int, default=5)
    p.add_argument("--mode", choices=["hybrid", "lexical", "dense"])
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("clause", help="按编号查看条款原文")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("check", help="按事实判断申报资格（规则引擎）")
    p.add_argument("facts", help="事实 JSON 文件；写 - 则从标准输入读取")
    p.add_argument("--question", help="问题类型，如 engineer、assistant_engineer、ce_hours、photo、deadline")
    p.add_argument("--explain", action="store_true", help="列出完整推理过程")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("ask", help="提问（离线模式：规则引擎 + 检索）")
    p.add_argument("question", nargs="?")
    p.add_argument("--json", action="store_true")
    p.add_argument("--jsonl", action="store_true", help="从标准输入逐行读取 {\"id\", \"turns\"}")

    sub.add_parser("chat", help="终端对话")

    p = sub.add_parser("index", help="建立（或重建）检索索引")
    p.add_argument("--rebuild", action="store_true")

    p = sub.add_parser("eval", help="评测：默认跑 FAQ 评测（含基线）；retrieval 只跑检索评测")
    p.add_argument("suite", nargs="?", choices=["faq", "retrieval", "realistic", "sample"], default="faq")
    p.add_argument("-v", "--verbose", action="store_true", help="realistic/sample：列出 dev 部分的未通过项")
    p.add_argument("--no-baselines", action="store_true")
    p.add_argument("--publish", action="store_true",
                   help="写入提交的 eval/report.md 和 report.png（默认写入 git 忽略的 eval/out/）")
    return parser


def _read_stdin() -> str:
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UserError("标准输入不是 UTF-8 编码的文字。") from exc


MAX_K = 50  # more clauses than a person reads


def _cmd_search(args) -> int:
    from assistant.retrieval.search import get_searcher

    query = _read_stdin() if args.query == "-" else args.query
    if not 1 <= args.k <= MAX_K:
        raise UserError(f"-k 须为 1 到 {MAX_K} 之间的整数（现为 {args.k}）。")
    searcher = get_searcher()
    hits = searcher.search(query, k=args.k, mode=args.mode)
    if searcher.fallback:
        print(f"提示：{searcher.fallback}。", file=sys.stderr)
    if args.json:
        rows = [{"id": h.clause.id, "label": h.clause.label, "score": round(h.score, 6), "text": h.clause.text}
                for h in hits]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not hits:
        from assistant.rules.params import hotline

        print(f"没有找到相关条款。可致电 {hotline()} 咨询。")
    for rank, h in enumerate(hits, 1):
        print(f"{rank}. [{h.clause.id}] {h.clause.label}  (score {h.score:.4f})")
        print("   " + h.clause.text.replace("\n", "\n   "))
    return 0


def _cmd_clause(args) -> int:
    from assistant.config import load_settings
    from assistant.documents.corpus import load_corpus

    clause = load_corpus(load_settings().corpus_dir).get(args.id)
    if args.json:
        print(clause.model_dump_json(indent=2))
    else:
        print(f"[{clause.id}] {clause.label}\n{clause.text}")
    return 0


def _cmd_index(args) -> int:
    from assistant.config import load_settings
    from assistant.documents.corpus import load_corpus
    from assistant.retrieval.search import Searcher

    settings = load_settings()
    searcher = Searcher(load_corpus(settings.corpus_dir), settings)
    if settings.embedding == "none":
        print(f"已就绪：{len(searcher.clauses)} 条条款（仅关键词检索，未配置向量模型）。")
        return 0
    searcher.open_dense(progress=True, rebuild=args.rebuild)
    info = searcher.build_info
    where = settings.chroma_url or settings.index_dir
    print(f"已就绪：{info['clauses']} 条条款，向量模型 {settings.embedding}，索引 {info['key']}（{where}）。")
    return 0


def _cmd_eval(args) -> int:
    if args.suite == "retrieval":
        from eval.retrieval import main as retrieval_main

        return retrieval_main()
    if args.suite in ("realistic", "sample"):
        from eval.realistic import main as realistic_main

        return realistic_main(args.suite, args.verbose)
    from eval.faq import main as faq_main

    return faq_main(with_baselines=not args.no_baselines, publish=args.publish)


def _load_json(source: str):
    from pathlib import Path

    try:
        text = _read_stdin() if source == "-" else Path(source).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"无法读取事实文件 {source}。") from exc
    try:
        return json.loads(text.removeprefix("\ufeff"))  # a UTF-8 BOM, as Windows editors write it
    except json.JSONDecodeError as exc:
        raise UserError(f"事实文件不是有效的 JSON（第 {exc.lineno} 行）。") from exc


def _cmd_check(args) -> int:
    from assistant.rules.engine import check
    from assistant.rules.explain import render
    from assistant.rules.facts import parse_facts

    data = _load_json(args.facts)
    question = args.question or (data.pop("question", None) if isinstance(data, dict) else None)
    facts = parse_facts(data.get("facts", data) if isinstance(data, dict) else data)
    if question is None:
        question = {"助理工程师": "assistant_engineer", "工程师": "engineer"}.get(facts.target or "")
    if question is None:
        raise UserError("请用 --question 指明问题类型，或在事实中给出 target（助理工程师/工程师）。")
    verdict = check(question, facts)
    print(verdict.model_dump_json(indent=2) if args.json else render(verdict, explain=args.explain))
    return 0


def _cmd_ask(args) -> int:
    from assistant.conversation import cli as conversation

    if args.jsonl:
        return conversation.ask_jsonl()
    if args.question is None:
        raise UserError("请给出问题，例如：python -m assistant ask \"照片要多大\"。")
    return conversation.ask(_read_stdin() if args.question == "-" else args.question, args.json)


def _cmd_chat(args) -> int:
    from assistant.conversation import cli as conversation

    return conversation.chat()


COMMANDS = {"ask": _cmd_ask, "chat": _cmd_chat, "check": _cmd_check, "search": _cmd_search, "clause": _cmd_clause,
            "index": _cmd_index, "eval": _cmd_eval}


def main(argv: list[str] | None = None) -> int:
    try:
        args = _build_parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except UserError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
