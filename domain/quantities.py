"""What a report's cells mean: one model for the answers and the checks.

A printed figure is a quantity — (subject, funds, measure): the 合计 of 一般公共预算财政拨款
支出, 2010350's 全部资金 基本支出 — read from its table's kind, its column's header path and its
row (`quantity_of`).  A subject as people or the narrative write it (财政拨款支出, 基本支出,
三公经费) means some of those quantities strictly and others loosely (`subject_quantities`).
`checks/` compares the cells of one quantity across tables and against the narrative; `answer/`
finds the cell of the quantity a question asks for and refuses a cell that is another quantity.
"""
from __future__ import annotations

import re

from .normalize import ASKING_GLOSS, YEAR_WORDS, compact
from .vocabulary import EMPHASIS

# the funds a figure is of
ALL, FISCAL, GENERAL, FUND = "全部资金", "财政拨款", "一般公共预算财政拨款", "政府性基金预算财政拨款"

# a budget table's amount of the year: 金额, 合计, 本年预算 (not 上年预算, not 比上年增减)
_BUDGET_AMOUNT = r"^(?:金额|合计|小计|本年预算|预算数)(?:/(?:金额|合计|小计))?$"

# (table kind, column pattern over the column path) -> (funds, measure); first match wins
QUANTITY_COLUMNS: tuple[tuple[str, str, str, str], ...] = (
    ("支出决算表", r"^本年支出合计(?:/合计)?$|^合计$", ALL, "支出"),
    ("支出决算表", r"^基本支出$", ALL, "基本支出"),
    ("支出决算表", r"^项目支出$", ALL, "项目支出"),
    ("收入决算表", r"^本年收入合计(?:/合计)?$|^合计$", ALL, "收入"),
    ("一般公共预算财政拨款支出决算表", r"^(?:本年支出/)?(?:小计|合计|本年支出合计)$", GENERAL, "支出"),
    ("一般公共预算财政拨款支出决算表", r"^(?:本年支出/)?基本支出$", GENERAL, "基本支出"),
    ("一般公共预算财政拨款支出决算表", r"^(?:本年支出/)?项目支出$", GENERAL, "项目支出"),
    ("政府性基金预算财政拨款收入支出决算表", r"^(?:本年支出/)?(?:小计|合计|本年支出合计)$", FUND, "支出"),
    ("收入支出决算总表", r"^支出/[^/]*(?:决算数|金额)$|^支出/[^/]*$", ALL, "支出"),
    ("收入支出决算总表", r"^收入/[^/]*(?:决算数|金额)$|^收入/[^/]*$", ALL, "收入"),
    ("财政拨款收入支出决算总表", r"^支出/[^/]*一般公共预算", GENERAL, "支出"),
    ("财政拨款收入支出决算总表", r"^支出/[^/]*政府性基金", FUND, "支出"),
    ("财政拨款收入支出决算总表", r"^支出/(?:[^/]*(?:合计|小计|决算数|金额))$", FISCAL, "支出"),
    ("基本支出决算表", r"^合计$", GENERAL, "基本支出"),
    # budgets (预算): the same quantities of the budget year, read from the budget tables'
    # columns (金额, or 本年预算 beside 上年预算 and 比上年增减 — the year's own column only)
    ("支出预算总表", r"^(?:本年预算/)?(?:合计|总计)$", ALL, "支出"),
    ("支出预算总表", r"^(?:本年预算/)?基本支出$", ALL, "基本支出"),
    ("支出预算总表", r"^(?:本年预算/)?项目支出$", ALL, "项目支出"),
    ("收入预算总表", _BUDGET_AMOUNT, ALL, "收入"),
    ("收支预算总表", r"^支出/", ALL, "支出"),
    ("收支预算总表", r"^收入/", ALL, "收入"),
    ("财政拨款收支预算总表", r"^支出/", FISCAL, "支出"),
    ("财政拨款收支预算总表", r"^收入/", FISCAL, "收入"),
    ("财政拨款支出预算表", _BUDGET_AMOUNT, FISCAL, "支出"),
    ("一般公共预算支出预算表", _BUDGET_AMOUNT, GENERAL, "支出"),
    ("政府性基金预算支出表", _BUDGET_AMOUNT, FUND, "支出"),
    ("财政拨款基本支出预算表", _BUDGET_AMOUNT, FISCAL, "基本支出"),
    ("一般公共预算基本支出预算表", _BUDGET_AMOUNT, GENERAL, "基本支出"),
)
_COLUMNS = tuple((kind, re.compile(p), funds, measure) for kind, p, funds, measure in QUANTITY_COLUMNS)
# the tables every figure of which is of all funds (财政拨款 and the unit's other income together:
# 收支预算总表, 支出决算表 …), by the model above: a figure asked of 财政拨款 or 一般公共预算 is not theirs
# unless its row or column names those funds
ALL_FUNDS_KINDS = frozenset(k for k, _, f, _ in QUANTITY_COLUMNS if f == ALL) - frozenset(
    k for k, _, f, _ in QUANTITY_COLUMNS if f != ALL)
_NUMBERING = re.compile(r"^[一二三四五六七八九十]+、")
_YEAR_TOTAL = re.compile(r"^本年(收入|支出)合计$")
_SUMMARY = ("收入支出决算总表", "财政拨款收入支出决算总表")
_BUDGET_SUMMARY = ("收支预算总表", "财政拨款收支预算总表")
_BASIC = ("基本支出决算表", "财政拨款基本支出预算表", "一般公共预算基本支出预算表")
# a budget summary's total of the year (当年支出小计, 本年收入合计), and its grand total
_BUDGET_YEAR_TOTAL = re.compile(r"^(?:当年|本年)(收入|支出)(?:小计|合计)$")
_BUDGET_GRAND_TOTAL = re.compile(r"^(收入|支出)(?:合计|总计)$")


def quantity_of(fact: dict, names: dict[str, str]) -> tuple | None:
    """(subject, funds, measure) of a printed figure, or None when it is no such quantity."""
    kind = fact["table_kind"]
    if kind == "基本支出决算表" and "财政拨款" not in compact(fact["table_title"]):
        return None
    column = compact(fact["column"])
    hit = next(((funds, measure) for k, pattern, funds, measure in _COLUMNS if k == kind and pattern.search(column)), None)
    if hit is None:
        return None
    funds, measure = hit
    label = compact(fact["row_label"])
    if kind in _SUMMARY:
        side = "收入" if fact["row_group"] == 0 else "支出"
        if measure != side and not (measure in ("基本支出", "项目支出") and side == "支出"):
            return None
        if _YEAR_TOTAL.match(label):
            return ("合计", funds, measure)
        if side == "收入" or not _NUMBERING.match(label):
            return None
        name = _NUMBERING.sub("", label)
        return (names.get(name, name), funds, measure)
    if kind in _BUDGET_SUMMARY:
        return _budget_summary(fact, label, funds, measure)
    if kind == "收入预算总表":
        return ("合计", funds, measure) if label in ("收入总计", "收入合计", "合计", "总计") else None
    if kind == "支出预算总表" and not label and not fact["row_code"]:
        return ("合计", funds, measure)  # the one row of figures, printed without a name
    if kind in _BASIC:
        return ("合计", funds, measure) if label == "合计" and not fact["row_code"] else None
    if fact["row_code"] and fact["row_level"]:
        return (fact["row_code"], funds, measure)
    if label in ("合计", "总计") and not fact["row_code"]:
        return ("合计", funds, measure)
    return None


def _budget_summary(fact: dict, label: str, funds: str, measure: str) -> tuple | None:
    """A budget summary table's cell: its side's total of the year (当年支出小计, or 支出合计 where
    nothing is carried over), the spending by use (一、基本支出 二、项目支出) as the totals of
    those measures."""
    side = "收入" if fact["row_group"] == 0 else "支出"
    if measure != side:
        return None
    m = _BUDGET_YEAR_TOTAL.match(label) or _BUDGET_GRAND_TOTAL.match(label)
    if m and m.group(1) == side:
        return ("合计" if _BUDGET_YEAR_TOTAL.match(label) else "总计", funds, measure)
    name = _NUMBERING.sub("", label)
    if side == "支出" and name in ("基本支出", "项目支出"):
        return ("合计", funds, name)
    return None


def subject_names(facts) -> dict[str, str]:
    """类 names as the coded tables print them, to their codes: 住房保障支出 → 221."""
    out: dict[str, str] = {}
    for f in facts:
        if f["row_level"] == "类" and f["row_code"] and f["row_label"] and f["table_kind"] not in _BASIC:
            out.setdefault(compact(f["row_label"]), f["row_code"])
    return out


# 三公 parts, most specific first: a segment naming the purchase is not the car total
_SLOTS = (
    ("purchase", re.compile(r"公务用车购置费$")),
    ("running", re.compile(r"公务用车运行(?:维护)?费$")),
    ("car", re.compile(r"公务用车购置及运行(?:维护)?费")),
    ("abroad", re.compile(r"因公出国[（(]境[)）](?:费|经费)$")),
    ("reception", re.compile(r"公务接待费$")),
    ("total", re.compile(r"^(?:[（(][一二三四五六七八九十]+[)）])?(?:支出)?合计$|三公.{0,3}经费(?:支出)?(?:合计)?$")),
)


def sangong_slot(fact: dict) -> tuple[str | None, tuple]:
    """Which 三公 part a cell holds, and what else tells it apart (its column's other headings,
    or its row): cells of one variant are one 预算数 or one 决算数 column of one table."""
    label = re.sub(r"^(?:其中[:：])?(?:[（(]\d+[)）]|\d+[.、．])", "", compact(fact["row_label"]))
    segments = [compact(s) for s in fact["column"].split("/")]
    found = None
    for name, pattern in _SLOTS:
        if pattern.search(label):
            found = name
            break
    if found:
        return found, (fact["table_index"], "row", tuple(segments))
    for name, pattern in _SLOTS:
        hits = [s for s in segments if pattern.search(s)]
        if hits:
            rest = tuple(s for s in segments if s != "小计" and not any(p.search(s) for _, p in _SLOTS))
            return name, (fact["table_index"], fact["row_group"], fact["row_index"], rest)
    return None, ()


_BESIDE_SANGONG = re.compile(r"会议费|培训费")
_TITLED_ITEM = re.compile(r"会议费|培训费")


def total_beside_sangong(f: dict) -> bool:
    """Whether a cell is the grand 合计 of a 三公 table whose title adds 会议费 and 培训费 to it
    (“三公”经费、会议费、培训费支出预算表): the total of all three, not the 三公's."""
    if f["table_kind"] not in ("三公经费支出预算表", "三公经费支出决算表") or not _BESIDE_SANGONG.search(compact(f["table_title"])):
        return False
    slot, _ = sangong_slot(f)
    return slot == "total" and "三公" not in compact(f["column"]) + compact(f["row_label"])


_GRAND_TOTAL = re.compile(r"^(?:总计|合计)$")
_OFFICE = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]+[)）、.]?)?机关运行经费(?:支出)?(?:合计)?$")


def named_quantities(f: dict) -> list[tuple]:
    """The named figures a cell is, beside its (subject, funds, measure): 总计, 人员经费, 公用经费,
    a 三公 part (("三公", slot) — of a 决算's 决算数, of a budget's year), 机关运行经费, a summary
    row or a total's column by its name (("行", name))."""
    label = compact(f["row_label"])
    kind = f["table_kind"]
    out = []
    if kind in ("收入支出决算总表", "财政拨款收入支出决算总表") and _GRAND_TOTAL.match(label) and not f["row_code"]:
        out.append(("总计", FISCAL if kind.startswith("财政拨款") else ALL))
    if kind in _BUDGET_SUMMARY and (q := quantity_of(f, {})) and q[0] == "总计":  # 收入总计 / 支出总计 of a budget
        out.append(("总计", q[1]))
    if kind == "基本支出决算表":
        column = compact(f["column"])
        if label == "人员经费合计" or (label == "合计" and column == "人员经费"):
            out.append(("人员经费",))
        if label == "公用经费合计" or (label == "合计" and column == "公用经费"):
            out.append(("公用经费",))
    if (kind == "三公经费支出决算表" and "预算" not in f["column"]) or (kind == "三公经费支出预算表"
                                                                  and "上年" not in f["column"]):
        slot, _ = sangong_slot(f)
        # (a table of 三公 beside 会议费 and 培训费 prints its grand 合计 over all of them: not the 三公 total)
        if slot and not total_beside_sangong(f):
            out.append(("三公", slot))
    if kind in ("三公经费支出预算表", "三公经费支出决算表") and (item := _TITLED_ITEM.search(compact(f["column"]) + "/" + label)) \
            and item.group(0) in compact(f["table_title"]) and "上年" not in f["column"] and not (
                kind == "三公经费支出决算表" and "预算" in f["column"]):
        out.append((item.group(0),))  # 会议费, 培训费 of the table whose title names them beside the 三公
    if _OFFICE.match(label):
        out.append(("机关运行经费",))
    if kind == "收入支出决算总表" and not f["row_code"] and not _GRAND_TOTAL.match(label):
        name = re.sub(r"^(?:其中[:：])?(?:[一二三四五六七八九十]+、)?", "", label)
        if len(name) >= 4:
            out.append(("行", name))  # 一、一般公共预算财政拨款收入, 八、其他收入
    if kind in ("收入决算表", "支出决算表") and not f["row_code"] and label in ("合计", "总计"):
        out.append(("行", compact(f["column"]).split("/")[-1]))  # 合计 row: 财政拨款收入, 经营支出 …
    return out


# subject as the narrative writes it (compacted, without 支出/决算 tails) -> (quantity keys it
# means, quantity keys it may loosely mean).  A key is (subject, funds, measure) as in
# quantity_of, or one of the named figures of named_quantities().
NARRATIVE_QUANTITIES: tuple[tuple[str, tuple, tuple], ...] = (
    (r"收入支出总计|收入总计|支出总计", (("总计", ALL),), (("合计", ALL, "收入"), ("合计", ALL, "支出"))),
    (r"财政拨款收入支出总计|财政拨款收入总计|财政拨款支出总计", (("总计", FISCAL),),
     (("合计", FISCAL, "支出"), ("合计", GENERAL, "支出"), ("合计", ALL, "收入"), ("合计", ALL, "支出"))),
    (r"本年收入合计|本年收入|收入合计|收入", (("合计", ALL, "收入"),), ()),
    (r"本年支出合计|本年支出|支出合计|支出", (("合计", ALL, "支出"),), ()),
    (r"基本支出", (("合计", ALL, "基本支出"),), (("合计", GENERAL, "基本支出"),)),
    (r"项目支出", (("合计", ALL, "项目支出"),), (("合计", GENERAL, "项目支出"),)),
    (r"一般公共预算(?:财政)?拨款(?:决算)?(?:本年)?支出", (("合计", GENERAL, "支出"),), (("合计", FISCAL, "支出"),)),
    (r"(?:一般公共预算)?财政拨款基本支出|一般公共预算基本支出", (("合计", GENERAL, "基本支出"),), (("合计", ALL, "基本支出"),)),
    (r"财政拨款(?:本年)?支出", (("合计", FISCAL, "支出"), ("合计", GENERAL, "支出")), ()),
    (r"财政拨款项目支出", (("合计", FISCAL, "项目支出"),), ()),
    (r"一般公共预算(?:财政)?(?:拨款)?项目支出", (("合计", GENERAL, "项目支出"),), (("合计", FISCAL, "项目支出"),)),
    (r"政府性基金(?:预算)?(?:财政拨款)?支出", (("合计", FUND, "支出"),), ()),
    (r"(?:一般公共预算财政拨款)?人员经费(?:支出)?", (("人员经费",),), ()),
    (r"(?:一般公共预算财政拨款)?公用经费(?:支出)?", (("公用经费",),), ()),
    (r"(?:一般公共预算(?:财政)?拨款|财政拨款)?三公经费(?:财政拨款|一般公共预算(?:财政)?拨款)?(?:支出)?",
     (("三公", "total"),), ()),
    (r"因公出国[(（]境[)）](?:经)?费(?:支出)?", (("三公", "abroad"),), ()),
    (r"公务用车购置及运行(?:维护)?费(?:支出)?", (("三公", "car"),), ()),
    (r"公务用车购置(?:费)?(?:支出)?", (("三公", "purchase"),), ()),
    (r"公务用车运行(?:维护)?(?:费)?(?:支出)?", (("三公", "running"),), ()),
    (r"公务接待费(?:支出)?", (("三公", "reception"),), ()),
    (r"机关运行经费(?:支出)?", (("机关运行经费",),), ()),
    (r"会议费(?:支出)?", (("会议费",),), ()),
    (r"培训费(?:支出)?", (("培训费",),), ()),
)
_PATTERNS = tuple((re.compile(f"^(?:{p})$"), strict, loose) for p, strict, loose in NARRATIVE_QUANTITIES)


def subject_quantities(subject: str) -> tuple[list, list] | None:
    """The quantities a subject written in words means (strictly, loosely), when the table of
    NARRATIVE_QUANTITIES names it; None otherwise."""
    for candidate in dict.fromkeys((subject, re.sub(r"(?<=.{2})(?:合计|总额|总计|总数)$", "", subject))):
        # (财政拨款支出合计 is the total of 财政拨款支出)
        for pattern, strict, loose in _PATTERNS:
            if pattern.match(candidate):
                return list(strict), list(loose)
    return None


# the words a question wraps around the quantity it asks for (who, when, how much), and 的
_ASKING = re.compile(YEAR_WORDS + r"|部门(?:预算|决算)(?:公开)?|用(?=财政拨款|一般公共预算|政府性基金)|" + EMPHASIS + r"|(?<=[\u4e00-\u9fff]{2})(?:里面的?|里的?|当中的?|之中的?|中的|安排的?)(?=[\u4e00-\u9fff]{2})|请问|一共|总共|合计是|共计|是多少|有多少|多少万元|多少钱|多少|是|为|花了|用了"
                     r"|了|的|钱|呢|吗|[？?。，,！!、：:]|决算数|决算|预算数|(?<=支出)预算|^预算"
                     r"|预算(?=是|为|有|多少|[？?]|$)")  # 会议费预算是多少: the budget measure, not the subject


def asked_subject(question: str, department_span: str = "") -> str:
    """What a question asks the amount of, in its own words, without the department, the year
    and the asking (泉州数字办2023年财政拨款支出是多少 → 财政拨款支出; 收支预算总计 → 收入支出总计)."""
    text = ASKING_GLOSS.sub("", compact(question)).replace("收支", "收入支出").replace("|", "")  # | : a name taken out
    text = re.sub(r"(?<=收入|支出)预算(?=总计|合计)", "", text)
    if department_span:
        text = text.replace(department_span, "", 1)
    subject = _ASKING.sub("", text)
    subject = _ASKING.sub("", subject)  # what the first pass uncovers (预算最后是: 预算 once 最后 is out)
    # the funds said after the quantity they pay part of (基本支出里靠财政拨款安排的) qualify it, as
    # when said before it (财政拨款基本支出)
    if m := _FUNDS_AFTER.fullmatch(subject):
        funds = next(f for f in ("一般公共预算", "政府性基金", "财政拨款") if m.group("funds").startswith(f))
        subject = funds + m.group("whole")
    return subject


_FUNDS_AFTER = re.compile(r"(?P<whole>[\u4e00-\u9fff]{2,12}?)(?:里面|里|当中|之中|中|(?<=支出))(?:靠|用|由|从|来自|属于)?"
                          r"(?P<funds>财政拨款|一般公共预算(?:财政)?(?:拨款)?|政府性基金(?:预算)?(?:财政)?(?:拨款)?)"
                          r"(?:安排|资金|拨款)?(?:的?部分)?")
