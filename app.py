"""部门决算问答助手 — the Streamlit front end: layout and calls only.

    streamlit run app.py

The index folder is $BUDGET_QA_INDEX (default var/index); the report folder it is kept in line
with is $BUDGET_QA_REPORTS (default ../shared/corpus when present).  Text from documents is shown
as text, never as HTML.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import streamlit as st

from answer.intake import MAX_QUESTION_CHARS
from index.store import index_target
from ui.charts import comparison_chart, line_chart

ROOT = Path(__file__).resolve().parent
INDEX = index_target(os.environ.get("BUDGET_QA_INDEX", ROOT / "var" / "index"))  # a folder or postgresql://…
_default_reports = ROOT.parent / "shared" / "corpus"
REPORTS = os.environ.get("BUDGET_QA_REPORTS", str(_default_reports) if _default_reports.exists() else "")
EXAMPLES = ("泉州数字办2023年三公经费是多少？", "哪个单位的公务接待费最多？", "晋城大数据局出差花了多少钱？",
            "智慧福州中心三公经费为什么比上年增加？", "普陀规划资源局的部门决算包括哪些单位？")
MODEL = os.environ.get("BUDGET_QA_MODEL") or None  # the embedding model for new indexes (default e5-small)
PAGES = ("对话", "部门浏览", "勾稽核对", "文档库")
SHOWN_EXCHANGES = 8  # exchanges drawn on each rerun; earlier ones behind a toggle


# --- resources, loaded once -------------------------------------------------------------------

@st.cache_resource(show_spinner="正在载入索引和模型…")
def answerer():
    from answer import Answerer

    loaded = Answerer(INDEX)
    loaded.warm()
    return loaded


@st.cache_data(show_spinner=False, max_entries=64)
def page_picture(path: str, page: int, bbox: tuple | None):
    from ingest.render import page_image

    return page_image(path, page, bbox)


@st.cache_data(show_spinner=False, max_entries=2048)
def cited_source(figure_json: str) -> dict:
    import json

    from index.library import source_of

    return source_of(INDEX, json.loads(figure_json))


@st.cache_data(show_spinner=False, max_entries=64)
def cached_history(department: str) -> list[dict]:
    """The 历年 rows (index.browse.years_side_by_side): each key figure, year, 预算 and 决算."""
    from answer.overview import KEY_FIGURES
    from answer.series import series
    from index.browse import ALSO_BY_YEAR, years_side_by_side
    from index.store import Store

    catalog = answerer().catalog
    with Store(INDEX, readonly=True) as store:
        return years_side_by_side(department, catalog.reports_of(department), KEY_FIGURES + ALSO_BY_YEAR, store,
                                  lined_up=lambda words: series(catalog, department, words).points, ask=answerer().ask)


@st.cache_data(show_spinner=False, max_entries=256)
def cached_key_figures(department: str, year: int) -> list[dict]:
    from answer.overview import key_figures

    return key_figures(answerer(), department, year)


def _plain(text) -> str:
    """Document text for st.markdown: every markdown character escaped, so it shows as printed."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|>~<$])", r"\\\1", str(text or ""))


def _refresh_resources() -> None:
    answerer.clear()
    page_picture.clear()
    cited_source.clear()
    cached_key_figures.clear()
    cached_history.clear()


def prepare_index() -> None:
    """Ingest the report folder when the index lacks it or holds an older reading of it."""
    from index.library import ingest_files, search_is_current, stale_files

    if st.session_state.get("prepared") or not REPORTS:
        return
    stale = stale_files(INDEX, [Path(p) for p in REPORTS.split(os.pathsep) if p])
    if stale or not search_is_current(INDEX):
        bar = st.progress(0.0, text="正在导入报告…")
        ingest_files(INDEX, stale, progress=lambda f, msg: bar.progress(min(f, 1.0), text=f"正在导入：{msg}"),
                     model=MODEL)
        bar.empty()
        _refresh_resources()
    st.session_state["prepared"] = True


# --- chat ------------------------------------------------------------------------------------

def _queue(question: str) -> None:
    """A clicked example, option or suggestion: asked on the run the click starts."""
    st.session_state["pending"] = question


def _ask(question: str) -> None:
    result = answerer().ask(question)
    st.session_state.setdefault("messages", []).append({"question": question, "result": result})


def _citation(fig: dict, key: str) -> None:
    import json

    src = fig["source"]
    place = f"第{src['page']}页" if src.get("page") else (f"第{src['line']}行" if src.get("line") else "")
    title = " · ".join(x for x in (src["document"], place, fig.get("table_title") or fig.get("table"),
                                    fig.get("row"), fig.get("column")) if x)
    with st.expander(f"出处：{_plain(title)}"):
        st.markdown(f"**{_plain(fig['label'])}**：{_plain(fig['value'])}{_plain(fig.get('unit') or '')}"
                    + ("（计算得出：" + _plain(fig["formula"]) + "）" if fig.get("computed") else ""))
        where = cited_source(json.dumps(fig, ensure_ascii=False, sort_keys=True))
        if where["row"]:
            st.markdown(f"{_plain(fig['row'])}：" + "；".join(
                f"{_plain(column)} " + (f"**{_plain(value)}**" if column == fig["column"] else _plain(value))
                for column, value, _ in where["row"]))
        elif where["text"]:
            value = str(fig["value"])
            shown = _plain(where["text"]).replace(_plain(value), f"**{_plain(value)}**") if value else _plain(where["text"])
            st.markdown(shown)
        if where["source"] == "pdf" and src.get("page") and where["path"] and Path(where["path"]).exists():
            if st.toggle("显示原页", key=f"page-{key}"):
                st.image(page_picture(where["path"], src["page"], where["bbox"]),
                         caption=f"{src['document']} 第{src['page']}页" + ("（红框为所引单元格）" if where["bbox"] else ""))


def _show(message: dict, n: int, latest: bool) -> None:
    """One exchange.  Earlier ones are drawn cheaply (the figure and the answer, details on
    request), so that a long conversation does not slow every rerun down."""
    result = message["result"]
    with st.chat_message("user"):
        st.text(message["question"])
    with st.chat_message("assistant"):
        if not latest and not st.toggle("显示出处和详情", key=f"detail-{n}"):
            main = result["figures"][0] if result["status"] == "answered" and result["figures"] else None
            if main:
                st.markdown(f"**{_plain(main['label'] or '结果')}：{_plain(main['value'])}{_plain(main.get('unit') or '')}**")
            st.markdown(_plain(result["answer"]))
            return
        if result["status"] == "answered" and result["figures"]:
            main = result["figures"][0]
            st.metric(_plain(main["label"] or "结果"), f"{main['value']}{main.get('unit') or ''}",
                      help="计算得出：" + main["formula"] if main.get("computed") else "报告原文印出的数字")
        elif result["status"] == "ambiguous":
            st.warning("问题不够明确")
        elif result["status"] == "not_found":
            st.info("没有找到")
        st.markdown(_plain(result["answer"]))
        for w in result["warnings"]:
            st.warning(_plain(w))
        for i, example in enumerate(result.get("examples") or []):
            st.button(_plain(example), key=f"ex-{n}-{i}", on_click=_queue, args=(example,))
        for i, option in enumerate(result.get("options") or []):
            st.button(_plain(option), key=f"opt-{n}-{i}", on_click=_queue, args=(f"{option} {message['question']}",))
        for i, label in enumerate(result.get("suggestions") or []):
            st.button(f"问：{_plain(label)}", key=f"sug-{n}-{i}", on_click=_queue, args=(f"{message['question']}（{label}）",))
        if result.get("comparison"):
            import pandas as pd

            rows = pd.DataFrame(result["comparison"])
            items = "item" in rows  # items of one department ranked, rather than departments
            frame = rows[["item" if items else "department", "year", "value", "number", "unit"]]
            frame.columns = ["项目" if items else "部门", "年度", "印出的数字", "数值", "单位"]
            st.dataframe(frame, hide_index=True)
            chart = comparison_chart(frame, label="项目") if items else comparison_chart(frame)
            if chart is not None:
                st.altair_chart(chart)
        for i, fig in enumerate(result["figures"][:8]):
            _citation(fig, f"{n}-{i}")
        for i, finding in enumerate(result.get("findings") or []):
            _finding(finding, f"{n}-f{i}")
        for p in result["passages"][:3]:
            place = f"第{p['page']}页" if p.get("page") else f"第{p.get('line')}行"
            st.caption(f"相关段落（{p['document']}，{place}）：" + _plain(p["text"][:200]))


def chat_page() -> None:
    st.header("对话")
    question = st.chat_input(f"输入问题（{MAX_QUESTION_CHARS} 字以内），例如：泉州数字办2023年三公经费是多少？",
                             max_chars=MAX_QUESTION_CHARS)
    pending = st.session_state.pop("pending", None)
    if question is not None or pending:
        _ask(question if question is not None else pending)
    messages = st.session_state.setdefault("messages", [])
    if not messages:
        from index.library import documents

        docs = documents(INDEX)
        left, middle, right = st.columns(3)
        left.metric("报告", len(docs))
        middle.metric("部门", len({d["department"] for d in docs if d["department"]}))
        right.metric("数据（单元格）", sum(d["n_facts"] for d in docs))
        with st.expander("怎么问"):
            st.markdown("说出部门（简称也可以，例如“泉州数字办”“晋城大数据局”）、年度和想查的项目；"
                        "也可以比较部门、问原因、问比上年的变化、列出项目。每个数字都注明出处，"
                        "报告里没有的不会编造。")
        st.write("可以这样问：")
        for i, example in enumerate(EXAMPLES):
            st.button(example, key=f"example-{i}", on_click=_queue, args=(example,))
    # the cost of a rerun stays bounded however long the conversation: the latest answer in full,
    # the few before it cheaply, older ones only when asked for
    earlier = max(0, len(messages) - SHOWN_EXCHANGES)
    first = 0 if earlier and st.toggle(f"显示更早的 {earlier} 条对话", key="history") else earlier
    for n in range(first, len(messages)):
        _show(messages[n], n, latest=n == len(messages) - 1)


# --- reconciliation -------------------------------------------------------------------------

_SEVERITY = {"error": ("不一致", ":material/error:"), "rounding": ("尾数差异", ":material/rounded_corner:"),
             "notice": ("提示", ":material/info:")}


def _finding(finding: dict, key: str) -> None:
    """One finding: what disagrees, expected against printed, and every cell involved."""
    import pandas as pd

    from checks.rules import RULES

    word, icon = _SEVERITY[finding["severity"]]
    title = next((r.title for r in RULES if r.id == finding["rule"]), finding["rule"])
    with st.expander(f"{word} · {_plain(finding['message'][:80])}", icon=icon):
        st.markdown(f"**规则**：{_plain(title)}（{finding['rule']}）　**应为**：{_plain(finding['expected'])}　"
                    f"**印为**：{_plain(finding['printed'])}")
        st.markdown(_plain(finding["message"]))
        cells = pd.DataFrame([{"文档": c["document"], "页": str(c["page"] or ""), "行": str(c["line"] or ""),
                               "表": c["table"] or "（情况说明）",
                               "行名": c["row"], "栏": c["column"], "印出的数字": c["value"]} for c in finding["cells"]])
        st.dataframe(cells, hide_index=True, key=f"cells-{key}")


def checks_page() -> None:
    import pandas as pd

    from checks import badge, counts
    from checks.rules import RULES
    from index.library import documents

    st.header("勾稽核对")
    st.caption("逐条核对报告自身：合计与明细、各表之间、说明文字与表格、绩效得分与等级。"
               "相差 0.01–0.02 万元记为尾数差异，与真正的不一致分开列出。")
    docs = documents(INDEX)
    if not docs:
        st.info("索引里还没有报告，请先在“文档库”导入。")
        return
    found = {d["name"]: answerer().findings(d["name"]) for d in docs}
    st.dataframe(pd.DataFrame([{"文件": name, **{_SEVERITY[k][0]: v for k, v in counts(f).items()}}
                               for name, f in found.items()]), hide_index=True)
    name = st.selectbox("查看报告", list(found), format_func=lambda n: f"{n}（{badge(found[n])}）")
    shown = st.multiselect("显示", ["不一致", "尾数差异", "提示"], default=["不一致", "提示"])
    wanted = [f for f in found[name] if _SEVERITY[f.severity][0] in shown]
    if not wanted:
        st.success("所选类别下没有发现问题。")
    for i, finding in enumerate(wanted):
        _finding(finding.public(), f"doc-{i}")
    with st.expander("核对规则"):
        for rule in RULES:
            st.markdown(f"**{_plain(rule.title)}**（{rule.id}）：{_plain(rule.description)}")


# --- department browser ------------------------------------------------------------------

def browser_page() -> None:
    from answer.series import departments_over_years

    st.header("部门浏览")
    years = departments_over_years(answerer().catalog)
    if not years:
        st.info("索引里还没有报告，请先在“文档库”导入。")
        return
    department = st.selectbox("部门", sorted(years))
    this_year, by_year, several = st.tabs(["当年", "历年", "多个部门对比"])
    with this_year:
        _year_section(department, years[department])
    with by_year:
        _history_section(department)
    with several:
        _comparison_section(years)


def _year_section(department: str, held: list[int]) -> None:
    """One year's report: its key figures, each with its source, and its printed tables.  A year
    with both a 预算 and a 决算 offers the two."""
    from checks import badge
    from index.browse import table_frames, to_csv, to_excel
    from index.store import Store

    year = st.selectbox("年度", sorted(held, reverse=True))
    reports = [r for r in answerer().catalog.reports_of(department) if r["year"] == year]
    report = reports[0]
    if len(reports) > 1:
        report = st.selectbox("报告", reports, format_func=lambda r: f"部门{r['report_kind'] or '报告'}（{r['name']}）")
    _key_figure_metrics(department, year, report, main=report["name"] == reports[0]["name"])
    document = report["name"]
    st.caption(f"勾稽核对（{document}）：{badge(answerer().findings(document))}，详见“勾稽核对”页。")
    with Store(INDEX, readonly=True) as store:
        tables = table_frames(store, document)
    st.subheader(f"标准表格（{document}）")
    if tables:
        st.download_button("下载全部表格（Excel）", to_excel(tables), file_name=f"{department}{year}.xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    for i, t in enumerate(tables):
        place = f"第{t['page']}页" if t["page"] else f"第{t['line']}行"
        with st.expander(f"{t['title']}" + (f"（{t['code']}）" if t["code"] else "") + f" · {place}"):
            st.dataframe(t["frame"], hide_index=True)
            st.download_button("下载 CSV", to_csv(t["frame"]), file_name=f"{department}{year}-{t['title']}.csv",
                               mime="text/csv", key=f"csv-{i}")


def _key_figure_metrics(department: str, year: int, report: dict, main: bool) -> None:
    """The key figures, each with its source: the year's answers for its first report, the
    历年 rows' figures of the report's kind for the other report of the year."""
    from answer.overview import KEY_FIGURES

    columns = st.columns(4)
    if main:
        shown = []
        for item in cached_key_figures(department, year):
            a = item["answer"]
            fig = a["figures"][0] if a["status"] == "answered" and a["figures"] else None
            src = fig["source"] if fig else None
            place = (f"第{src['page']}页" if src.get("page") else f"第{src.get('line')}行") if fig else ""
            shown.append((item["name"], f"{fig['value']}{fig.get('unit') or ''}" if fig else "—",
                          f"{src['document']}，{fig.get('table_title') or '情况说明'}，{place}" if fig else "报告中没有直接给出"))
    else:
        from index.browse import PRINTED

        kind = report["report_kind"]
        rows = {r["项目"]: r[kind] for r in cached_history(department) if r["年度"] == year}
        shown = [(name, f"{rows[name].value}{rows[name].unit}" if rows[name].state == PRINTED else "—",
                  rows[name].source) for name, _ in KEY_FIGURES]
    for i, (name, value, source) in enumerate(shown):
        columns[i % 4].metric(name, value, help=source)


def _history_section(department: str) -> None:
    """历年: the key figures of every year the department's reports hold, each cell as printed or
    why there is none; 预算 and 决算 side by side, each with its own source, where a year has both;
    every cell's source; a line chart."""
    from index.browse import both_kinds, chart_rows, history_frame, side_by_side_frame, sources_frame

    rows = cached_history(department)
    if not rows:
        st.info("没有可以按年度对比的数字。")
        return
    st.caption("每个数字都取自该年度报告印出的单元格并注明出处；没有印出的写明原因（空白、未印此表、没有该类报告），不记为 0。")
    st.dataframe(history_frame(rows), key="history-table")
    if both_kinds(rows):
        st.markdown("**预算与决算对照**（同一项目、同一年度，各自的出处）")
        # a static table, so that the long sources wrap and show whole; its cells are markdown: escaped
        st.table(side_by_side_frame(rows).map(_plain), hide_index=True)
    with st.expander("各年度数字的出处"):
        st.dataframe(sources_frame(rows), hide_index=True, key="history-sources")
    names = list(dict.fromkeys(r["项目"] for r in rows))
    metric = st.selectbox("历年图表项目", names, key="history-metric")
    points = chart_rows(rows, metric)
    units = sorted({p["单位"] for p in points if p["单位"]})
    chart = line_chart(points, units[0] if len(units) == 1 else "", title=metric)
    if chart is not None:
        st.altair_chart(chart)
    else:
        st.caption(f"各年度报告都没有直接印出{metric}。")


def _comparison_section(years: dict[str, list[int]]) -> None:
    """Several departments side by side: each one's latest key figures, a table and a chart."""
    import pandas as pd

    from answer.overview import KEY_FIGURES

    chosen = st.multiselect("选择部门", sorted(years), default=[])
    if not chosen:
        st.caption("选择两个或更多部门，比较它们最近一年的主要数字。")
        return
    rows = []
    for name in chosen:
        latest = max(years[name])
        for item in cached_key_figures(name, latest):
            a = item["answer"]
            fig = a["figures"][0] if a["status"] == "answered" and a["figures"] else None
            rows.append({"部门": name, "年度": latest, "项目": item["name"],
                         "数值": fig["number"] if fig else None, "印出的数字": fig["value"] if fig else "—",
                         "单位": (fig.get("unit") or "") if fig else ""})
    frame = pd.DataFrame(rows)
    st.dataframe(frame.pivot(index="项目", columns="部门", values="印出的数字"))
    metric = st.selectbox("图表项目", [name for name, _ in KEY_FIGURES])
    chart = comparison_chart(frame[frame["项目"] == metric], title=metric)
    if chart is not None:
        st.altair_chart(chart)


# --- library -----------------------------------------------------------------------------

def library_page() -> None:
    import pandas as pd

    from index.library import documents, refused_files, removed_files, restorable

    st.header("文档库")
    docs = documents(INDEX)
    if docs:
        from checks import badge

        frame = pd.DataFrame([{"文件": d["name"], "部门": d["department"], "年度": d["year"], "类型": d["source"],
                               "页数": d["pages"], "表格": d["n_tables"], "数据": d["n_facts"],
                               "段落": d["n_passages"], "读取提示": d["n_warnings"],
                               "勾稽核对": badge(answerer().findings(d["name"]))} for d in docs])
        st.dataframe(frame, hide_index=True)
    else:
        st.info("索引里还没有报告。")
    removed = removed_files(INDEX)
    if removed:
        with st.expander(f"已删除的报告（{len(removed)}，报告目录中的同一文件不再自动导入）"):
            for i, name in enumerate(removed):
                left, right = st.columns([4, 1])
                left.text(name)
                if restorable(INDEX, name) and right.button("恢复", key=f"restore-{i}"):
                    from index.library import restore_document

                    restore_document(INDEX, name, MODEL)
                    _refresh_resources()
                    st.session_state["library_notes"] = [(True, f"已恢复：{name}")]
                    st.rerun()
    refused = refused_files(INDEX)
    if refused:
        with st.expander(f"未能导入的文件（{len(refused)}）"):
            for name, info in refused.items():
                st.text(f"{name}：{info['message']}")
    _upload_section()
    if docs:
        _remove_section(docs)


def _upload_section() -> None:
    from index.library import MAX_UPLOAD_BYTES, check_upload, ingest_files, save_upload

    st.subheader("上传报告")
    limit = MAX_UPLOAD_BYTES // 1024 // 1024
    # every type is accepted here so that a wrong one gets a message in words, not a red icon
    files = st.file_uploader(f"PDF、TXT 或 Markdown 格式的部门决算、预算报告，每个文件不超过 {limit} MB",
                             accept_multiple_files=True, key=f"uploader-{st.session_state.get('uploads', 0)}")
    if files and st.button("导入"):
        notes, paths = [], []
        for f in files:
            problem = check_upload(f.name, f.size)
            if problem:
                notes.append((False, problem))
            else:
                paths.append(save_upload(INDEX, f.name, f.getvalue()))
        if paths:
            bar = st.progress(0.0, text="正在导入…")
            results = ingest_files(INDEX, paths, progress=lambda frac, msg: bar.progress(min(frac, 1.0), text=msg),
                                   model=MODEL)
            bar.empty()
            _refresh_resources()
            for r in results:
                if not r.ok:
                    notes.append((False, r.message))
                elif r.duplicate_of:
                    notes.append((None, r.message))
                else:
                    notes.append((True, f"已导入：{r.name}（{r.department or '部门未识别'} {r.year or ''}）"))
                if r.name_taken_by:
                    notes.append((None, r.message.replace(f"请用 --replace {r.name_taken_by}", "可点下面的按钮")))
                    st.session_state.setdefault("taken", []).append((r.name, r.name_taken_by))
        st.session_state["library_notes"] = notes
        st.session_state["uploads"] = st.session_state.get("uploads", 0) + 1  # an empty uploader next time
        st.rerun()
    # what the last upload did, here beside the uploader where the user is looking; as text
    for ok, message in st.session_state.get("library_notes", []):
        {True: st.success, False: st.error, None: st.warning}[ok](_plain(message))
    for i, (new, old) in enumerate(st.session_state.get("taken", [])):
        _confirmed(f"用新上传的 {new} 替换原报告 {old}", f"replace-{i}",
                   f"确定用 {new} 替换 {old}？{old} 的数据和检索内容会被删除，新报告改名为 {old}。",
                   lambda new=new, old=old: _replace(new, old))


def _replace(new: str, old: str) -> None:
    from index.library import replace_document

    replace_document(INDEX, new, old, MODEL)
    _refresh_resources()
    st.session_state["taken"] = [t for t in st.session_state.get("taken", []) if t != (new, old)]
    st.session_state["library_notes"] = [(True, f"已替换：{old} 现在是新上传的报告")]


def _remove_section(docs: list[dict]) -> None:
    st.subheader("删除报告")
    name = st.selectbox("要删除的报告", [d["name"] for d in docs])
    _confirmed("删除", "remove", f"确定删除 {name}？它的数据、段落和检索内容都会从索引中删除"
               "（之后可以在“已删除的报告”里恢复）。", lambda: _remove(name))


def _remove(name: str) -> None:
    from index.library import remove_document

    remove_document(INDEX, name, MODEL)
    _refresh_resources()
    st.session_state["library_notes"] = [(True, f"已删除：{name}（可在“已删除的报告”里恢复）")]


def _confirmed(label: str, key: str, question: str, action) -> None:
    """A button whose action runs only after a second, explicit confirmation."""
    asking = st.session_state.get("confirm") == key
    if not asking:
        if st.button(_plain(label), key=f"ask-{key}"):
            st.session_state["confirm"] = key
            st.rerun()
        return
    st.warning(_plain(question))
    yes, no = st.columns(2)
    if yes.button("确定", key=f"yes-{key}", type="primary"):
        st.session_state.pop("confirm", None)
        action()
        st.rerun()
    if no.button("取消", key=f"no-{key}"):
        st.session_state.pop("confirm", None)
        st.rerun()


# --- the app -------------------------------------------------------------------------------

st.set_page_config(page_title="部门决算问答助手", layout="wide")
st.title("部门决算问答助手")
prepare_index()
answerer()  # the store, the catalog and the embedding model, loaded before the first question
for repair in (answerer().searcher.repairs if answerer().searcher else []):  # a damaged vector file, rebuilt
    st.sidebar.warning(_plain(f"检索索引修复：{repair}"))
page = st.sidebar.radio("页面", PAGES)
st.sidebar.caption(f"索引：{INDEX}")
{"对话": chat_page, "部门浏览": browser_page, "勾稽核对": checks_page, "文档库": library_page}[page]()
