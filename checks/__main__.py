"""python -m checks --index DIR [--document NAME] [--json]: the reconciliation findings of each
indexed document (or one), as text or as a JSON list."""
from __future__ import annotations

import argparse
import json
import sys

from index.store import index_target

from .model import NOTICE, ROUNDING_DIFF
from .rules import RULES
from .run import check_index, counts

_SEVERITY = {"error": "不一致", ROUNDING_DIFF: "尾数差异", NOTICE: "提示"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks", description="报告内部勾稽核对：找出报告自相矛盾之处，并列出涉及的单元格。")
    parser.add_argument("--index", required=True, type=index_target, help="索引目录或 postgresql://… 数据库（python -m ingest --index 建立的）")
    parser.add_argument("--document", help="只核对这一份文档（文档名，如 000_d038eb9fb139e057.txt）")
    parser.add_argument("--json", action="store_true", help="输出 JSON 列表，每条含 document 与 rule、severity、cells 等")
    parser.add_argument("--summary", action="store_true", help="每份文档只印一行：各类发现的数目")
    parser.add_argument("--rules", action="store_true", help="列出核对规则及其说明")
    args = parser.parse_args(argv)
    if args.rules:
        for rule in RULES:
            print(f"{rule.id}\t{rule.title}\t{rule.description}")
        return 0
    from index.store import StoreError

    try:
        results = check_index(args.index, args.document)
    except StoreError as err:
        print(err, file=sys.stderr)
        return 2
    except KeyError:
        print(f"索引中没有文档“{args.document}”。可用 python -m index --index {args.index} stats 查看已导入的文档。",
              file=sys.stderr)
        return 2
    if args.json:
        rows = [{"document": name, **f.public()} for name, findings in results.items() for f in findings]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for name, findings in results.items():
        c = counts(findings)
        print(f"== {name}：不一致 {c['error']} 处，尾数差异 {c['rounding']} 处，提示 {c['notice']} 处")
        if args.summary:
            continue
        for f in findings:
            print(f"  [{_SEVERITY[f.severity]}] {f.rule}：{f.message}")
            for cell in f.cells:
                place = f"第{cell.page}页" if cell.page else f"第{cell.line}行"
                where = f"{cell.table}，{cell.row}，{cell.column}" if cell.table else cell.row[:60]
                print(f"      {cell.value}\t{place}\t{where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
