"""python -m index --index DIR facts|stats|warnings|passages : read the store."""
from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path


def _default(value):
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(type(value).__name__)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m index", description="查看索引中的文档、数据和段落。")
    parser.add_argument("--index", required=True, type=Path, help="索引目录")
    sub = parser.add_subparsers(dest="command", required=True)
    facts = sub.add_parser("facts", help="每个数据一行 JSON")
    facts.add_argument("--document", help="只输出该文件（导入时的文件名）")
    facts.add_argument("--full", action="store_true", help="同时输出坐标、行层级等全部字段")
    sub.add_parser("stats", help="索引概况")
    warn = sub.add_parser("warnings", help="导入时记录的提示")
    warn.add_argument("--document")
    pas = sub.add_parser("passages", help="每个段落一行 JSON")
    pas.add_argument("--document")
    args = parser.parse_args(argv)

    from .store import Store, StoreError, public_fact

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


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into head and the like
        sys.stderr.close()
        sys.exit(0)
