"""python -m ingest --index DIR PATH... [--workers N] [--ray ADDRESS]: ingest report files and
folders into the store, parsing N files at a time (default: the machine's cores) in worker
processes, or as tasks on a Ray cluster; this process writes each document in its own transaction."""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import asdict
from pathlib import Path

from index.store import index_target

from . import ingest_paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description="把部门决算报告（PDF、TXT、Markdown）导入索引。")
    parser.add_argument("--index", required=True, type=index_target, help="索引目录（不存在则新建），或 postgresql://… 数据库")
    parser.add_argument("paths", nargs="+", type=Path, help="报告文件或目录")
    parser.add_argument("--department", help="部门名称（文件中无法识别时指定）")
    parser.add_argument("--year", type=int, help="年度（文件中无法识别时指定）")
    parser.add_argument("--force", action="store_true", help="即使文件未变化也重新导入")
    parser.add_argument("--replace", action="append", default=[], metavar="NAME",
                        help="用同名的新文件替换索引中已有的报告 NAME（不指定时，同名而内容不同的报告另起名字导入，两份都保留）")
    parser.add_argument("--json", action="store_true", help="每个文件输出一行 JSON")
    parser.add_argument("--model", help="检索用向量模型（默认沿用索引已有的，或 multilingual-e5-small；hashing 为无模型的快速方案）")
    parser.add_argument("--no-search", action="store_true", help="只导入数据，不更新检索索引")
    parser.add_argument("--workers", type=_positive, default=os.cpu_count() or 1, metavar="N",
                        help="同时解析的文件数（工作进程数，默认为本机核数；1 为逐个解析）")
    parser.add_argument("--ray", metavar="ADDRESS",
                        help="在 Ray 集群上解析文件（集群地址，如 ray://host:10001；auto 为在本机启动一个）")
    args = parser.parse_args(argv)

    from index.store import Store, StoreError

    try:
        store = Store(args.index)
    except StoreError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1

    started = time.perf_counter()

    def show(i: int, n: int, r) -> None:
        left = _left(started, i, n)
        if args.json:
            print(json.dumps(asdict(r), ensure_ascii=False), flush=True)
        elif r.duplicate_of:
            print(f"[{i}/{n}] = {r.message}{left}", flush=True)
        elif r.ok:
            state = (r.message or "未变化，跳过") if r.skipped else f"{r.seconds:.1f}s"
            if r.name_taken_by:
                print(f"[{i}/{n}] ! {r.message}", flush=True)
            print(f"[{i}/{n}] ✓ {r.name}  {r.department or '部门未识别'} {r.year or '年度未识别'}  "
                  f"{r.pages} 页 · {r.tables} 表 · {r.facts} 个数据 · {r.passages} 段 · {r.warnings} 条提示  ({state}){left}", flush=True)
        else:
            print(f"[{i}/{n}] ✗ {r.message}{left}", flush=True)

    with store:
        try:
            results = ingest_paths(args.paths, store, args.department, args.year, args.force, show, replace=args.replace,
                                   ocr_progress=None if args.json else _ocr_progress, workers=args.workers, ray=args.ray)
        except RuntimeError as exc:  # a Ray cluster that cannot be reached
            print(f"错误：{exc}", file=sys.stderr)
            return 1
    if not results:
        print("没有找到可导入的报告文件（支持 .pdf .txt .md）", file=sys.stderr)
        return 1
    ok = sum(r.ok for r in results)
    if not args.json:
        print(f"完成：{ok}/{len(results)} 个文件已导入索引 {args.index}")
    if ok and not args.no_search:
        from index.indexing import refresh_search
        from index.search import SearchIndexMismatch

        try:
            stats = refresh_search(args.index, args.model, progress=None if args.json else _progress)
        except SearchIndexMismatch as exc:
            print(f"检索索引未更新：{exc}", file=sys.stderr)
            return 0
        for message in stats.get("repairs", []):
            print(f"检索索引修复：{message}", file=sys.stderr)
        if not args.json:
            print(f"检索索引：{stats['units']} 个段落和表格行，新向量化 {stats['units_embedded']} 个（{stats['seconds']}s）")
    return 0 if ok else 1


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"应为正整数，现为“{value}”")
    return n


def _left(started: float, done: int, total: int) -> str:
    """Time left over all workers, at the pace of the files done so far."""
    if done >= total:
        return ""
    return f"  · 约剩 {(time.perf_counter() - started) / done * (total - done):.0f} 秒"


def _ocr_progress(i: int, n: int, name: str, done: int, total: int, left: float) -> None:
    print(f"\r[{i}/{n}] {name}：文字识别（OCR）{done}/{total} 页，约剩 {left:.0f} 秒", end="" if done < total else "\n",
          file=sys.stderr, flush=True)


def _progress(done: int, total: int) -> None:
    print(f"\r向量化 {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
