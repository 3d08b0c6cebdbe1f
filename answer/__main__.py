"""python -m answer --index DIR [--json] "QUESTION" | --jsonl : answers with cited figures."""
from __future__ import annotations

import argparse
import json
import sys

from index.store import index_target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m answer", description="用报告中的原始数字回答问题，并注明出处。")
    parser.add_argument("--index", required=True, type=index_target)
    parser.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
    parser.add_argument("--jsonl", action="store_true", help="从标准输入逐行读问题，每行输出一个 JSON 对象")
    parser.add_argument("--no-search", action="store_true", help="不附相关段落（不加载向量模型）")
    parser.add_argument("question", nargs="?", default="")
    args = parser.parse_args(argv)

    from index.store import StoreError

    from . import Answerer

    try:
        answerer = Answerer(args.index, search=not args.no_search)
    except StoreError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    if answerer.search_problem:
        print(f"提示：回答照常给出，但不附相关段落。{answerer.search_problem}", file=sys.stderr)
    try:
        if args.jsonl:
            for line in sys.stdin:
                print(json.dumps(answerer.ask(line.strip()), ensure_ascii=False), flush=True)
            return 0
        result = answerer.ask(args.question)
        if args.json:
            print(json.dumps(result, ensure_ascii=False))
        else:
            print(result["answer"])
            for w in result["warnings"]:
                print(f"注意：{w}")
            for p in result["passages"]:
                where = f"第{p['page']}页" if p["page"] else f"第{p['line']}行"
                print(f"  相关段落（{p['document']} {where}）：{p['text'][:120]}")
        return 0
    finally:
        answerer.close()


if __name__ == "__main__":
    sys.exit(main())
