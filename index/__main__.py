"""python -m index --index DIR facts|stats|warnings|passages : read the store; build|search : the
search index (what was found broken and repaired is printed on stderr)."""
from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal

from .store import index_target


def _default(value):
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(type(value).__name__)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m index", description="查看索引中的文档、数据和段落。")
    parser.add_argument("--index", required=True, type=index_target, help="索引目录，或 postgresql://… 数据库")
    sub = parser.add_subparsers(dest="command", required=True)
    facts = sub.add_parser("facts", help="每个数据一行 JSON")
    facts.add_argument("--document", help="只输出该文件（导入时的文件名）")
    facts.add_argument("--full", action="store_true", help="同时输出坐标、行层级等全部字段")
    sub.add_parser("stats", help="索引概况")
    build = sub.add_parser("build", help="建立或更新检索索引（关键词 + 向量）")
    build.add_argument("--model", help="向量模型：默认 multilingual-e5-small（离线），或本地路径、模型名、hashing")
    build.add_argument("--rebuild", action="store_true", help="丢弃现有检索索引后重建")
    search = sub.add_parser("search", help="检索段落和表格行")
    search.add_argument("query")
    search.add_argument("--k", type=int, default=10)
    search.add_argument("--department")
    search.add_argument("--year", type=int)
    search.add_argument("--document")
    search.add_argument("--mode", choices=["hybrid", "bm25", "dense"], default="hybrid")
    search.add_argument("--json", action="store_true")
    warn = sub.add_parser("warnings", help="导入时记录的提示")
    warn.add_argument("--document")
    pas = sub.add_parser("passages", help="每个段落一行 JSON")
    pas.add_argument("--document")
    args = parser.parse_args(argv)

    from .store import Store, StoreError, public_fact

    if args.command in ("build", "search"):
        return _search_command(args)
    try:
        store = Store(args.index, readonly=True)
    except StoreError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    with store:
        if args.command == "facts":
            if args.document and not any(d["name"] == args.document for d in store.documents()):
                print(f"错误：索引中没有文件“{args.document}”", file=sys.stderr)
                return 1
            for fact in store.facts(args.document):
                out = fact if args.full else public_fact(fact)
                sys.stdout.write(json.dumps(out, ensure_ascii=False, default=_default) + "\n")
        elif args.command == "stats":
            print(json.dumps(store.stats(), ensure_ascii=False, indent=2))
        elif args.command == "warnings":
            for w in store.warnings(args.document):
                print(json.dumps(w, ensure_ascii=False))
        elif args.command == "passages":
            for p in store.passages(args.document):
                print(json.dumps(p, ensure_ascii=False))
    return 0


def _search_command(args) -> int:
    from .search import SearchIndexMismatch
    from .store import StoreError

    try:
        if args.command == "build":
            from .indexing import refresh_search

            stats = refresh_search(args.index, args.model, rebuild=args.rebuild, progress=_progress)
            _say(stats["repairs"])
            print(json.dumps(stats, ensure_ascii=False))
            return 0
        from .search import open_for_search

        with open_for_search(args.index) as index:
            _say(index.repairs)
            results = index.search(args.query, args.k, args.department, args.year, args.document, args.mode)
    except (SearchIndexMismatch, StoreError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps([r.as_dict() for r in results], ensure_ascii=False))
    elif not results:
        print("没有找到相关内容。")
    else:
        for i, r in enumerate(results, 1):
            where = f"第 {r.page} 页" if r.page else f"第 {r.line} 行"
            print(f"{i}. [{'表格行' if r.kind == 'row' else '段落'}] {r.document} {where}  ({r.score:.4f})\n   {r.text[:300]}")
    return 0


def _say(repairs: list[str]) -> None:
    for message in repairs:
        print(f"检索索引修复：{message}", file=sys.stderr)


def _progress(done: int, total: int) -> None:
    print(f"\r向量化 {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into head and the like
        sys.stderr.close()
        sys.exit(0)
