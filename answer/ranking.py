"""Rankings: the same quantity for each department a question names (all, when it names none),
or for several items of one department (差旅费、培训费、会议费; projects by 自评总分), every
figure stated in order with its citation.

Which departments are named is read from the question's pieces: the question is cut at its
punctuation, 、, years and quotes (`answer.question.masked`) and at 和 / 与 / 及 where the word is
not inside a name, and each piece is matched on its own against the printed names, so that
"2024年普陀区财政局、规划和自然资源局、区委社会工作部" names three departments and nothing else.
A piece that could mean several departments is narrowed by the place the list named before it;
one that still means several, or a piece inside the list that names none, makes the ranking
ambiguous.  A department that lacks the figure makes the ranking refused: leaving it out could
crown the wrong one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from domain.names import place as _place, place_words as _place_words
from domain.normalize import compact
from domain.vocabulary import EVERYDAY_TERMS, TABLE_WORDS
from index.aliases import department_key
from index.departments import DepartmentMatch, match_departments, other_place

from .cite import figure, row_name, where
from .lookup import Catalog, bare_label, lookup
from .question import Question, masked

# the words that ask for the order, and those that ask for it from the lowest
ASCENDING = re.compile(r"从低到高|由低到高|从少到多|由少到多|从小到大|由小到大|升序")
DESCENDING = re.compile(r"从高到低|由高到低|从多到少|由多到少|从大到小|由大到小|降序")
LOWEST = re.compile(r"最少|最低|最小")
HIGHEST = re.compile(r"最多|最高|最大")
# what a ranking question wraps around its quantity: the ranking, the group compared, filler
_RANKING_WORDS = re.compile(
    r"(?:按|以)?(?:金额|数额|数值|大小|多少|高低)?(?:从高到低|由高到低|从低到高|由低到高|从多到少|由多到少|从少到多|由少到多"
    r"|从大到小|由大到小|从小到大|由小到大|升序|降序)(?:的顺序|顺序)?(?:排列|排序|排名|排一下|排个序|排|列出来|列出|列)?"
    r"|(?:按|以)(?:金额|数额|数值|大小|多少|高低|得分|分数)?(?:排列|排序|排名|排一下|排个序|排)"
    r"|怎么排(?:序|列)?|如何排(?:序|列)?|排一下|排个序|排序|排列|排名|排第几|请|比较一下|比一比|比较|对比"
    r"|各是多少|各为多少|分别是多少|分别为多少|各自|分别|各|谁的|谁|哪个单位|哪个部门|哪一家|哪家|哪个|哪项"
    r"|(?:谁|哪个|哪家|哪一个)?(?:最|更|比较|较)?(?:多|高|少|低|大|小)(?:一些|一点)?(?=$|[?？。,，!！吧呢啊]|谁)"
    r"|最多|最高|最少|最低|最大|最小|(?:给|把|对|将)(?=[|、])|(?<![^|])(?:按照|按|根据|依据)"
    r"|[一二两三四五六七八九十几\d]+(?:家单位|家|个单位|个部门|份报告|份|个项目|个)"
    r"|这些单位|这几个单位|这几家|单位|部门|报告|里面|里|之中|当中|中|这|[、，,（）()?？。！!:：;；]")
# words that say which group is compared, around a department's name (三家, 这几个单位)
_GROUP_WORDS = re.compile(r"[一二两三四五六七八九十几\d]+(?:家单位|家|个单位|个部门|个)|这些单位|这几个单位|这几家|各单位|各部门|单位|部门")
# list words between the items of a list
_CONJUNCTION = re.compile(r"以及|还有|还是|或者|和|与|及|跟|同|或")
_CLAUSE = re.compile(r"[,，。；;？?！!：:]")
_BUDGET_MEASURES = ("预算数", "年初预算", "全年预算")


@dataclass
class Named:
    """What a ranking question names, read piece by piece."""
    departments: list[str] = field(default_factory=list)  # in the order named
    spans: list[str] = field(default_factory=list)  # every stretch that named one of them
    problems: list[str] = field(default_factory=list)  # why the departments named are not clear
    options: list[str] = field(default_factory=list)  # the departments a problem piece could mean


def _pieces(text: str, protected) -> list[list[tuple[int, int]]]:
    """The question cut into clauses, each clause into its pieces as (start, end) offsets of
    `text`: at the separators `masked` replaces (punctuation, 、, years, quotes) and at list words
    (和, 与 …) that `protected(start, end)` does not place inside a name."""
    clauses: list[list[tuple[int, int]]] = []
    start = 0
    for clause in _CLAUSE.split(text):
        pieces: list[tuple[int, int]] = []
        cursor = start
        for piece in masked(clause).split("|"):
            if not piece:
                continue
            at = text.find(piece, cursor)
            if at < 0:  # masked() only replaces separators: every piece is in the text
                continue
            cursor = at + len(piece)
            a = at
            for m in _CONJUNCTION.finditer(piece):
                s, e = at + m.start(), at + m.end()
                if protected(s, e) or s == a:
                    continue
                pieces.append((a, s))
                a = e
            if a < cursor:
                pieces.append((a, cursor))
        clauses.append(pieces)
        start += len(clause) + 1
    return clauses


def named_in(text: str, names: list[str], fiscal_words: list[str], words: list[str] = ()) -> Named:
    """The departments the question names, one piece at a time (see the module docstring).
    `words` are names of other things (row names, projects) whose 和 / 与 is not a list word.
    A name never runs into the ranking's words (高院从高到低排: 高院)."""
    text = ASCENDING.sub("|", DESCENDING.sub("|", compact(text)))
    covered: list[tuple[int, int]] = []
    for word in list(names) + [w for w in words if _CONJUNCTION.search(w)]:
        for m in re.finditer(re.escape(word), text):
            covered.append((m.start(), m.end()))

    def in_name(s: int, e: int) -> bool:
        if any(a <= s and e <= b for a, b in covered):
            return True
        # a short form that runs through the list word (规划和自然资源局): the piece around it
        # names one department as a whole, and no longer one on either side of the word
        left = re.split(r"[|、]", masked(text[:s]))[-1]
        right = re.split(r"[|、]", masked(text[e:]))[0]
        right = _CONJUNCTION.split(right)[0]
        whole = left + text[s:e] + right
        both = _strong(match_departments(whole, names, fiscal_words), whole)
        if len(both) != 1:
            return False
        if text[s:e] not in both[0].span:
            return False
        sides = {m.name for side in (left, right) for m in _strong(match_departments(side, names, fiscal_words), side)}
        return sides <= {both[0].name}

    out = Named()
    last_piece: tuple[int, int] | None = None
    for clause in _pieces(text, in_name):
        found_in_clause: list[int] = []
        for i, (a, b) in enumerate(clause):
            piece = text[a:b]
            found = _departments_in(piece, names, fiscal_words, out.departments)
            if found is None:
                continue
            if isinstance(found, str):  # several departments, none preferred
                options = [m.name for m in _strong(match_departments(piece, names, fiscal_words), piece)]
                out.problems.append(f"“{text[a:b]}”可以指{'、'.join(options)}")
                out.options += [o for o in options if o not in out.options]
                found_in_clause.append(i)
                continue
            for name, span in found:
                if out.departments and name == out.departments[-1] and last_piece is not None \
                        and _QUOTES_ONLY.fullmatch(text[last_piece[1]:a]) and out.spans:
                    # a name its quotes cut in pieces (“智慧福州”中心): one stretch naming one department
                    out.spans[-1] = text[last_piece[0]:b]
                    continue
                if _GENERIC_ORG.fullmatch(span):
                    continue
                if name not in out.departments:
                    out.departments.append(name)
                out.spans.append(span)
            last_piece = (a, b)
            found_in_clause.append(i)
        if len(found_in_clause) >= 2 and len(out.departments) >= 2:
            # a piece between two that name departments is one of the list
            first, last = found_in_clause[0], found_in_clause[-1]
            for i in range(first + 1, last):
                if i not in found_in_clause:
                    a, b = clause[i]
                    out.problems.append(f"“{text[a:b]}”是报告里的一项而不是部门：一次只能按一项比较几个部门"
                                        if text[a:b] in words else f"“{text[a:b]}”不是索引中任何一个部门的名称")
    return out


def _strong(matches, piece: str) -> list:
    """Matches that name a department: three characters in order, or two that are a place of
    its name (泉州, 普陀) or all the piece says (规划); two characters of a longer word (城市 of
    城市云平台运维服务费用) name none."""
    return [m for m in matches if m.strength >= 3 or m.span in _place_words(m.name)
            or _GROUP_WORDS.sub("", piece) == m.span]


def _departments_in(piece: str, names: list[str], fiscal_words: list[str], before: list[str]):
    """The departments one piece names: [(name, span)], None for none, or the piece itself when
    it could mean several and neither the place named before it nor a shared place decides."""
    found: list[tuple[str, str]] = []
    rest = piece
    places = {w for n in names for w in _place_words(n)}
    while True:
        matches = _strong(match_departments(rest, names, fiscal_words), rest)
        # a piece that names another place beside the words matched (数字晋江建设办公室, a unit of
        # 晋江's department, for 泉州市数字泉州建设办公室) names another organisation
        matches = [m for m in matches if not other_place(rest, m.span, m.name, places)]
        if found:  # a second department in the same piece must be named plainly
            matches = [m for m in matches if m.strength >= 3]
        if not matches and not found:
            # a list item that is how exactly one printed name ends (法院 of 江苏省高级人民法院), even where
            # the words are also a subject's (20405 法院): that department
            item = _GROUP_WORDS.sub("", rest)
            ending = [n for n in names if len(item) >= 2 and n.endswith(item)]
            if len({department_key(n) for n in ending}) == 1 and ending[0] not in before:
                # (a department already named, its name's end is a word of the question: “法院”款)
                matches = [DepartmentMatch(ending[0], item, len(item))]
        if not matches:
            break
        if len(matches) > 1:
            places = {_place(n) for n in before[-1:]} - {""}
            near = [m for m in matches if _place(m.name) in places]
            shared = _shared_place(matches)
            if len(near) == 1:
                matches = near
            elif shared:  # 普陀三家: a place names each of its departments
                found += [(m.name, m.span) for m in matches if m.name not in dict(found)]
                rest = rest.replace(matches[0].span, "|", 1)
                continue
            elif not found:
                return piece
            else:
                break
        m = matches[0]
        if m.name in dict(found):
            break
        found.append((m.name, m.span))
        rest = rest.replace(m.span, "|", 1)
    return found or None


def _shared_place(matches) -> bool:
    """Whether the tied matches name the place their departments share (普陀 of 上海市普陀区)."""
    places = {_place(m.name) for m in matches}
    return len(places) == 1 and all(_in_order(m.span, _place(m.name)) for m in matches)


def _in_order(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def compare(question: Question, catalog: Catalog, out: dict) -> dict:
    """The ranking the question asks for (see the module docstring), into the answer object."""
    text = question.compact
    named = named_in(text, catalog.departments, catalog.fiscal_words, catalog.labels)
    # (哪家最大哪家最小: both extremes asked, the one asked first leads)
    lowest, highest = LOWEST.search(text), HIGHEST.search(text)
    ascending = bool(ASCENDING.search(text)) or (not DESCENDING.search(text) and bool(lowest)
                                                 and not (highest and highest.start() < lowest.start()))
    if question.unknown and not any(span in question.unknown for span in named.spans):
        # (an organisation read across a list word, 和浔阳区数字经济发展中心, is a department named)
        out["status"] = "not_found"
        out["answer"] = (f"无法比较：索引中没有“{question.unknown}”的报告，不能断定谁最高或最低"
                         f"（已有：{'、'.join(catalog.departments)}）。")
        return out
    if named.problems:
        out["status"] = "ambiguous"
        out["answer"] = "问题里的部门不明确：" + "；".join(named.problems) + "。请写明要比较的部门。"
        if named.options:
            out["options"] = named.options
        return out
    if len(named.departments) == 1:
        only = named.departments[0]
        if _document(question, only, catalog) is None:
            out["status"] = "not_found"
            out["answer"] = (f"没有{only}{question.year}年度的报告（已有：{'、'.join(map(str, catalog.years(only))) or '无'}）。")
            return out
        items = _items(question, named, catalog)
        if items:
            return _rank_items(question, named.departments[0], named.spans, items, catalog, out, ascending)
        if _rank_units(question, only, catalog, out, ascending) or _rank_projects(question, only, catalog, out, ascending):
            return out
        out["status"] = "not_found"
        out["answer"] = (f"问题只指明了{named.departments[0]}一个部门，也没有列出要排序的几项"
                         "（例如“差旅费、培训费、会议费”），无法排序。")
        return out
    comparable, converted, missing = same_quantity(question, catalog, named.departments or _all_compared(question, catalog),
                                                   named)
    if not comparable:
        out["status"] = "not_found"
        out["answer"] = "没有找到可以比较的数字：" + "；".join(missing)
        return out
    if missing:  # a ranking that leaves departments out could crown the wrong one
        out["status"] = "not_found"
        out["answer"] = "无法比较：并非每个部门的报告都印了同一项，不能断定谁最高或最低。" + "；".join(missing)
        return out
    comparable.sort(key=lambda f: f["number"], reverse=not ascending)
    columns = {f["column"] for f in comparable}
    heading = _plain_name(comparable[0]) + (f"“{columns.pop()}”" if len(columns) == 1 and "" not in columns else "")
    _state(out, heading, [(f["department"], f) for f in comparable], ascending,
           f"共比较 {len(comparable)} 个部门，")
    out["comparison"] = [{"department": f["department"], "year": f["year"], "value": f["value_text"],
                          "number": float(f["number"]), "unit": f["unit"]} for f in comparable]
    if len({f["year"] for f in comparable}) > 1:
        out["warnings"].append("参与比较的报告年度不同：" + "、".join(sorted({str(f['year']) for f in comparable})))
    for f in converted:
        out["warnings"].append(f"{f['department']}的报告以元为单位印出 {f['value_text']}元，比较时换算为"
                               f" {_in_wan(f)['value_text']}万元（÷10000，计算所得，不是报告印出的数字）。")
    return out


def _in_wan(f: dict) -> dict:
    """A figure printed in 元 as 万元, to compare it with figures in 万元: computed, four decimals."""
    number = (Decimal(str(f["number"])) / 10000).quantize(Decimal("0.0001"))
    return dict(f, number=number, value_text=str(number), unit="万元", computed=True,
                formula=f"{f['value_text']}元 ÷ 10000")


_OWN_YEAR_AFTER = re.compile(r"^\s*[（(]\s*((?:19|20)\d{2})\s*(?:年度|年)?\s*[）)]|^\s*((?:19|20)\d{2})\s*(?:年度|年)")
_OWN_YEAR_BEFORE = re.compile(r"((?:19|20)\d{2})\s*(?:年度|年)的?$")


def same_quantity(question: Question, catalog: Catalog, names: list[str], named: Named, text: str | None = None,
                  ranking: bool = True):
    """The same quantity from each department's report (each in its own year when the question
    gives one beside every name), with those printed in 元 converted to 万元 (and listed apart):
    (figures, converted, missing) — missing says, for each department whose report does not print
    that quantity, why.  `text`: the question as each department is asked it (the whole question's
    compact form, unless the caller takes words out), its ranking words taken out (`ranking`)."""
    text = question.compact if text is None else text
    neutral = _neutral(text, named.spans, ranking, names)
    own = own_years(text, named)
    if own:  # each department asked of its own report year: the years go with their departments
        neutral = re.sub(r"[（(]?(?<!\d)(?:19|20)\d{2}(?!\d)\s*(?:年度|年|度)?[）)]?", "", neutral)
    # a count asked in the ranking's own words (谁的车辆多): each department is asked it as a count
    from .question import UNITS

    if question.unit in _COUNT_ASKED and not any(p.search(neutral) for u, p in UNITS if u == question.unit):
        neutral += _COUNT_ASKED[question.unit]
    found, missing = [], []
    for name in names:
        fact, why = _figure_of(f"{own[name]}年{neutral}" if own else neutral, catalog, name, question)
        if fact is not None:
            found.append(fact)
        else:
            missing.append(f"{name}：{why}")
    if not found:
        return [], [], missing
    # amounts printed in 元 beside others in 万元: converted to 万元 to be compared, and said so
    converted = []
    if {f["unit"] for f in found} == {"元", "万元"}:
        converted = [f for f in found if f["unit"] == "元"]
        found = [_in_wan(f) if f["unit"] == "元" else f for f in found]
    # only figures of the same quantity and unit are compared
    from domain.statements import asked_quantity

    asked = (asked_quantity(neutral) or [""])[0]
    common = max({_key(f, asked) for f in found}, key=lambda k: sum(_key(f, asked) == k for f in found))
    comparable = []
    for f in found:
        if _key(f, asked) != common and common[0] == asked and not f.get("asked"):
            # the table row another department prints differently: what its narrative states
            stated, _ = _figure_of(neutral, _Within(catalog, lambda _f: False), f["department"], question)
            f = stated if stated is not None and _key(stated, asked) == common else f
        if _key(f, asked) == common:
            comparable.append(f)
        else:
            missing.append(f"{f['department']}：相关的行是“{f['row_label']}”（{f['unit']}），不是同一项，未参与比较")
    return comparable, converted, missing


_COUNT_ASKED = {"辆": "有多少辆", "人": "有多少人"}
# what names a kind of organisation, not one of them (专门委员会, 下属中心): no department's name
_GENERIC_ORG = re.compile(r"委员会|办公厅|办公室|中心|部门|局|厅|委|办|院|所|站|馆|大队|单位")
_QUOTES_ONLY = re.compile(r"[“”\"'‘’「」『』]*")


def own_years(text: str, named: Named) -> dict[str, int]:
    """Each named department's own year, when the question writes one beside every department
    (泉州数字办（2023年）、智慧福州中心（2022年）; 2023年泉州数字办和2022年福州中心) and they are not all
    one year; {} otherwise (the question's years then apply to all)."""
    if len(named.departments) < 2 or len(named.spans) != len(named.departments):
        return {}
    out: dict[str, int] = {}
    cursor = 0
    for name, span in zip(named.departments, named.spans):
        at = text.find(span, cursor)
        if at < 0:
            return {}
        # a year just before the name that the name before it took as its own is not this one's
        before = _OWN_YEAR_BEFORE.search(text[max(cursor, at - 8):at])
        cursor = at + len(span)
        after = _OWN_YEAR_AFTER.match(text[cursor:])
        if after:
            cursor += after.end()
        if after and before:
            return {}
        year = (after.group(1) or after.group(2)) if after else (before.group(1) if before else None)
        if year is None:
            return {}
        out[name] = int(year)
    return out if len(set(out.values())) > 1 else {}


def _plain_name(f: dict) -> str:
    """What a figure's row is, without its list numbering (二、机关运行经费 → 机关运行经费)."""
    name = row_name(f)
    return name if name != f["row_label"] else bare_label(name)


def _all_compared(question: Question, catalog: Catalog) -> list[str]:
    """The departments a ranking that names none compares: those with a final-accounts report
    (of the year asked, when one is)."""
    docs = [d for d in catalog.documents if d["department"] and d.get("report_kind") in (None, "决算")
            and (not question.years or d["year"] in question.years)]
    return sorted({d["department"] for d in docs}) or list(catalog.departments)


def _neutral(text: str, spans: list[str], ranking: bool = True, names: list[str] = ()) -> str:
    """The question without the departments that were named and (`ranking`) without its ranking
    words: what is asked of each department — nor the place written before the first of them that
    every department's name holds (2017年江苏的人大常委会办公厅、省检察院…: 江苏的)."""
    for span in sorted(spans, key=len, reverse=True):
        text = text.replace(span, "|")
    if names and "|" in text:
        before, after = text.split("|", 1)
        bare = before[:-1] if before.endswith("的") else before
        common = [n for n in range(2, min(len(bare), 6) + 1) if all(bare[-n:] in compact(d) for d in names)]
        if common:
            text = bare[:len(bare) - max(common)] + "|" + after
    # the list words between the departments went with them
    text = re.sub(r"(?:(?:、|" + _CONJUNCTION.pattern + r")?\|)+(?:、|" + _CONJUNCTION.pattern + r")?", "|", text)
    return (_RANKING_WORDS.sub("", text) if ranking else text).replace("|", "")


def _key(f: dict, asked: str) -> tuple:
    """The quantity a figure is: a stated amount and a table's total under the asked words (政府
    采购's 合计 row in 相关信息统计表, the 三公 table's 合计) are what the question names."""
    if f.get("asked"):
        return f["asked"], f["unit"]
    where_ = compact(f.get("row_section") or "") + compact(f["table_title"] or "").replace("“", "").replace("”", "")
    if asked and bare_label(f["row_label"]) in ("合计", "总计") and asked in where_:
        return asked, f["unit"]
    # a total row of the table a whole-table word names (三公: 合计, （一）支出合计)
    word = next((w for w in TABLE_WORDS if w in asked and w in where_), None)
    if word and re.fullmatch(r"(?:支出)?(?:合计|总计)", bare_label(f["row_label"])):
        return asked, f["unit"]
    return bare_label(f["row_label"]), f["unit"]


def _figure_of(question_text: str, catalog, department: str, question: Question) -> tuple[dict | None, str]:
    """The one printed figure the question asks of a department, or why there is none."""
    if "平均" in question.compact and re.search(r"得分|评分|分数|总分", question.compact):
        return _average_of(question_text, catalog, department)
    result = lookup(question_text, catalog, department=department)
    if question.measure in _BUDGET_MEASURES and not (result.facts and _is_measure(result.facts[0], question.measure)):
        stated = _stated_budget(question_text, catalog, department, question.measure, result)
        if stated is not None:
            return stated, ""
        return None, f"问题问的是{question.measure}，报告里找到的数字不是{question.measure}"
    if result.status != "answered" or not result.facts:
        return None, result.missing or "没有这一项"
    if result.parts:
        return None, "报告把这一项分几行印出，没有一个印出的合计"
    fact = result.facts[0]
    if fact["number"] is None:
        return None, f"“{fact['row_label']}”印的是“{fact['value_text']}”，不是数字"
    if result.narrative and "asked" not in fact:
        counted = counted_thing(fact)
        if counted is None:
            return None, "只有说明文字里的数字，不能确定是同一项"
        # (the count's row is the thing it counts; the sentence stays its citation's place)
        fact = dict(fact, asked=counted, row_label=counted.split("（")[0])
    return fact, ""


# what a count's own clause says before the thing counted: who holds it and how it is said
_HOLDER = re.compile(r"^(?:截至|截止)?(?:(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末)?)?"
                     r"(?:本部门|本单位|部门|单位|机关)?(?:共有|现有|实有|拥有|共计|共|有)?")


def counted_thing(fact: dict) -> str | None:
    """The thing a count stated in a sentence counts, as its own clause prints it before the
    number (本部门共有车辆127辆 → 车辆), so that counts of different departments are compared only
    when each counts the same thing; None for an amount, or a clause that names nothing."""
    if fact["unit"] in ("万元", "元") or not fact.get("row_label"):
        return None
    sentence = compact(fact["row_label"])
    at = sentence.find(f"{fact['value_text']}{fact['unit']}")
    if at < 0:
        return None
    clause = re.split(r"[,，、;；:：。（(]", sentence[:at])[-1]
    thing = re.sub(r"(?:合计|总计|共计|共|为|是|有|达)$", "", _HOLDER.sub("", clause))
    return f"{thing}（{fact['unit']}）" if re.fullmatch(r"[\u4e00-\u9fff]{2,12}", thing) else None


def _average_of(question_text: str, catalog, department: str) -> tuple[dict | None, str]:
    """A department's mean self-assessment score (answer.aggregate.average_score): printed, or
    computed over its forms and labelled so."""
    from .aggregate import average_score

    years = [y for y in catalog.years(department) if str(y) in question_text] or catalog.years(department)[-1:]
    document = catalog.document_for(department, years[0]) if years else None
    if document is None:
        return None, "没有这个部门的报告"
    average = average_score(catalog, document)
    if average.value is None:
        return None, average.reason
    # a computed mean is cited by its formula over the forms, never as one form's printed cell
    base = {} if average.computed or not average.inputs else dict(average.inputs[0])
    if average.computed:
        base = {"table_title": "项目支出绩效自评表", "table_kind": "项目支出绩效自评表",
                "sentence": f"按 {average.count} 个项目绩效自评表印出的总分计算"}
    fact = dict(base, row_label="平均得分", value_text=average.value, number=Decimal(average.value), unit="分",
                department=department, year=years[0], asked="平均得分", computed=average.computed,
                formula=average.formula)
    fact.setdefault("document", document)
    fact["column"] = fact.get("column") or ""
    for key in ("page", "line", "table_code", "row_section"):
        fact.setdefault(key, None)
    fact.setdefault("table_kind", "情况说明")
    fact.setdefault("table_title", "情况说明")
    return fact, ""


# the columns and sentences that print each budget measure a question may ask for
_MEASURE_WORDS = {"年初预算": "年初预算", "全年预算": "全年预算|调整后?预算", "预算数": "预算"}


def _is_measure(fact: dict, measure: str) -> bool:
    """Whether a table's figure is the budget measure asked (年初预算数 for 年初预算 …)."""
    if fact.get("table_kind") in ("项目支出绩效自评表", "情况说明"):
        return fact.get("table_kind") == "项目支出绩效自评表"
    return bool(re.search(_MEASURE_WORDS[measure], fact.get("column") or ""))


def _stated_budget(question_text: str, catalog, department: str, measure: str, result) -> dict | None:
    """The budget the narrative prints for the asked quantity ("一般公共预算财政拨款支出年初预算为
    2993.92万元"), when its sentence names the measure asked right before the amount."""
    from domain.statements import asked_quantity

    from .explain import explain

    if result.document is None:
        return None
    asked = asked_quantity(question_text)
    found = explain(question_text, catalog.store.passages(result.document), catalog.departments, "budget")
    if found is None or found.computed or not asked:
        return None
    s = found.statement
    printed = rf"(?:{_MEASURE_WORDS[measure]})数?(?:为|是)?{re.escape(found.value)}万元"
    if not re.search(printed, compact(s.sentence)):
        return None
    return {"row_label": f"{s.subject}{measure}", "value_text": found.value,
            "number": Decimal(found.value.replace(",", "")), "unit": "万元", "department": department,
            "year": result.year, "table_code": None, "table_kind": "情况说明", "table_title": "情况说明",
            "column": "", "document": s.document, "page": s.page, "line": s.line, "value_state": "number",
            "row_code": None, "row_section": None, "sentence": s.sentence, "asked": asked[0]}


class _Within:
    """The catalog with each document's facts narrowed to those `keep` accepts (one table, one
    project's form; none at all, for what the narrative states): the lookup then reads only them."""

    def __init__(self, catalog: Catalog, keep):
        self._catalog = catalog
        self._keep = keep

    def __getattr__(self, name):
        return getattr(self._catalog, name)

    def facts(self, document: str) -> list[dict]:
        return [f for f in self._catalog.facts(document) if self._keep(f)]


# ---- several items of one department -------------------------------------------------------

@dataclass(frozen=True)
class Item:
    name: str  # as the question writes it
    start: int  # where the list of items starts and ends in the question
    end: int
    project: object | None = None  # answer.projects.Project, when the item names a project


def _items(question: Question, named: Named, catalog: Catalog) -> list[Item]:
    """The items a question lists for one department: the pieces of one clause cut at 、 and at
    list words that are not inside a name the department's report prints, when the first piece
    ends and the last begins with a row name, a project name or an everyday word of that report;
    the pieces between are items as they stand (so that an item the report lacks is asked for,
    not dropped)."""
    from .projects import projects

    text = question.compact
    document = _document(question, named.departments[0], catalog)
    if document is None:
        return []
    facts = catalog.facts(document)
    forms = projects(facts)
    names = {p.name: p for p in forms}
    labels = {bare_label(f["row_label"]) for f in facts if f["row_label"]}
    known = sorted((w for w in labels | set(names) | set(EVERYDAY_TERMS) if len(w) >= 2), key=len, reverse=True)
    inside = [(m.start(), m.end()) for w in list(names) + [w for w in labels if _CONJUNCTION.search(w)]
              + named.spans for m in re.finditer(re.escape(w), text)]
    start = 0
    for clause in _CLAUSE.split(text):
        cuts = [(start + m.start(), start + m.end()) for m in re.finditer("、|" + _CONJUNCTION.pattern, clause)]
        cuts = [(a, b) for a, b in cuts if not any(x <= a and b <= y and y - x > b - a for x, y in inside)
                and not (text[a:b] != "、" and any(text[a - 1:b + 1] in n for n in names))]  # 三楼及四楼 of a project
        bounds = [start] + [x for cut in cuts for x in cut] + [start + len(clause)]
        pieces = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
        start += len(clause) + 1
        if len(pieces) >= 2 and all(b > a for a, b in pieces):
            listed = _listed(text, pieces, known, names, named.spans, forms, named.departments[0])
            if listed:
                return listed
    return _two_asked(text, named.spans)


# "A和B哪个多": two items set against each other right before the ranking's question word, each
# from a boundary (the department's name, a year, 里/中/的, punctuation) to the list word
_TWO = re.compile(r"(?<=[里中的|，,：:])(?P<a>[\u4e00-\u9fff]{2,10}?)(?:和|与|跟|同|还是)(?P<b>[\u4e00-\u9fff]{2,10}?)"
                  r"(?=哪个|哪一个|哪项|哪一项|谁)")


def _two_asked(text: str, spans: list[str]) -> list[Item]:
    """The two items of "A和B哪个多" as they stand, whether or not the report prints them by
    those words (货物和服务: each is then looked up with the words around it)."""
    blanked = re.sub(r"(?<!\d)(?:19|20)\d{2}(?!\d)(?:年度|年|度)?", lambda m: "|" * len(m.group(0)), text)
    for span in spans:
        blanked = blanked.replace(span, "|" * len(span))
    m = _TWO.search(blanked)
    if m is None:
        return []
    # the first item starts after the whole it is part of (政府采购里货物: 货物)
    cut = max((w.end() for w in re.finditer(r"里面|里|当中|之中|中|的", m.group("a"))
               if w.start() >= 2 and w.end() <= len(m.group("a")) - 2), default=0)
    start = m.start("a") + cut
    return [Item(text[start:m.end("a")], start, m.end("b")), Item(m.group("b"), start, m.end("b"))]


def _document(question: Question, department: str, catalog: Catalog) -> str | None:
    """The department's report of the year asked (its latest, when none is)."""
    years = catalog.years(department)
    year = question.year if question.years else (years[-1] if years else None)
    return catalog.document_for(department, year) if year in years else None


def _listed(text: str, pieces: list[tuple[int, int]], known: list[str], projects: dict, spans: list[str],
            forms: list = (), owner: str = "") -> list[Item]:
    """The items of a clause's pieces, or [] when they are not a list of items.  The first piece
    ends, and the last begins, with a printed name or word, or with a short form of a project's
    name (新冠疫情防控资金 of 新冠疫情防控资金, 信息系统通信运维费 of 信息系统通信、运维费)."""
    (a0, b0), (an, bn) = pieces[0], pieces[-1]
    head = text[a0:b0]
    first = next((w for w in known if head.endswith(w) and not any(w in s or s.endswith(w) for s in spans)), None)
    tail = text[an:bn]
    last = next((w for w in known if tail.startswith(w)), None)
    if forms and (first is None or last is None or first not in projects or last not in projects):
        short_first = _project_stretch(head, forms, owner, at_end=True)
        short_last = _project_stretch(tail, forms, owner, at_end=False)
        if short_first and short_last:  # a list of projects, named in short
            first, last = short_first, short_last
    if first is None or last is None:
        return []
    start, end = b0 - len(first), an + len(last)
    names = [first] + [text[a:b] for a, b in pieces[1:-1]] + [last]
    if len(set(names)) != len(names):
        return []
    return [Item(n, start, end, projects.get(n) or _short_project(n, forms, owner)) for n in names]


def _short_project(name: str, forms: list, owner: str):
    """The one project a short form names, else None."""
    from .projects import named as projects_named

    found = projects_named(name, forms, owner, enough=_ITEM_ENOUGH) if forms else []
    return found[0] if len(found) == 1 else None


# an item a list sets apart (、) names a project by eight characters of its name in order, however long the name
_ITEM_ENOUGH = 8


def _project_stretch(piece: str, forms: list, owner: str, at_end: bool) -> str | None:
    """The longest end (at_end) or beginning of `piece` that is, in order, a short form of one
    printed project's name covering at least half of it (`answer.projects.named`); None when none
    is, or when it is as short a form of several projects."""
    from index.departments import _subsequence

    from .projects import _without_owner, named as projects_named

    for k in range(len(piece), 3, -1):
        stretch = piece[-k:] if at_end else piece[:k]
        found = projects_named(stretch, forms, owner, enough=_ITEM_ENOUGH)
        if found and all(_subsequence(stretch, _without_owner(p.name, compact(owner))) or _subsequence(stretch, p.name)
                         for p in found):
            return stretch
    return None


def _project_figure(question: Question, project, forms: list, facts: list[dict]) -> tuple[dict | None, str]:
    """The figure a ranking of projects asks of one project, read from its form: the total score
    (自评得分 / 总分), the 执行率, the 全年执行数 or the 全年预算数 of its funds row."""
    from .projects import RATE, SPENT

    text = question.compact
    tables = _form_tables(project, forms, facts)
    if question.unit == "分" or re.search(r"得分|总分|评分|分数", text):
        total = _form_total([f for f in facts if f["table_index"] in tables])
        return (total, "") if total else (None, "自评表里没有读到一个印出的总分")
    if RATE.search(text):
        return (project.rate, "") if project.rate else (None, "自评表的资金一行没有读到执行率")
    if SPENT.search(text):
        return (project.spent, "") if project.spent else (None, "自评表的资金一行没有读到全年执行数")
    if re.search(r"预算", text):
        return (project.budget, "") if project.budget else (None, "自评表的资金一行没有读到全年预算数")
    return None, "问题没有说按自评表的哪一项（总分、全年预算数、全年执行数、执行率）排序"


def _rank_items(question: Question, department: str, spans: list[str], items: list[Item], catalog: Catalog,
                out: dict, ascending: bool) -> dict:
    """Each listed item's printed figure in the department's report, the same quantity for all
    (one table and column; a project's form, its row), ranked; refused when any is missing."""
    from .projects import projects

    text = question.compact
    start, end = items[0].start, items[-1].end
    before, after = text[:start], text[end:]
    asked = {it.name: _neutral(before + it.name + after, spans) for it in items}
    document = _document(question, department, catalog)
    if document is None:
        out["status"] = "not_found"
        out["answer"] = f"没有{department}{question.year or ''}年度的报告。"
        return out
    facts = catalog.facts(document)
    forms = projects(facts)
    results: dict[str, dict] = {}
    missing: list[str] = []
    if any(it.project is not None for it in items):  # a list of projects: each item is one of the report's
        from .projects import named as projects_named

        resolved = []
        for it in items:
            found = [p for p in forms if p.name == it.name] or projects_named(it.name, forms, department, enough=_ITEM_ENOUGH)
            if len(found) != 1:
                missing.append(f"“{it.name}”：报告里没有这个名称的项目" if not found else
                               f"“{it.name}”可以指" + "、".join(_form_label(p) for p in found))
            resolved.append(Item(it.name, it.start, it.end, found[0] if len(found) == 1 else None))
        items = resolved
    for it in items:
        if missing:
            break
        if it.project is not None:
            fact, why = _project_figure(question, it.project, forms, facts)
        else:
            fact, why = _figure_of(asked[it.name], catalog, department, question)
        if fact is None:
            missing.append(f"“{it.name}”：{why}")
        else:
            results[it.name] = fact
    cells = [(f["document"], f.get("table_index"), f.get("row_index"), f["column"], f["line"], f["page"],
              f["row_label"] if f["table_kind"] == "情况说明" else "") for f in results.values()]
    if not missing and len(set(cells)) < len(cells):  # two items read as one printed cell: not what was asked
        missing.append("几项对应到报告里的同一个数字，无法分别排序")
    one_row = len({(f["document"], f.get("table_index"), f.get("row_index"), f.get("unit")) for f in results.values()}) == 1
    if not missing and not one_row and len({_where_key(f) for f in results.values()}) > 1:
        # (columns of one printed row, 基本支出 and 项目支出 of the total, are parts of one whole: comparable)
        # the items found in different tables or columns: all of them read from the first's
        first = results[items[0].name]
        for it in items[1:]:
            if it.project is not None or _where_key(results[it.name]) == _where_key(first):
                continue
            within = _Within(catalog, lambda f, t=first["table_index"]: f["table_index"] == t)
            fact, _ = _figure_of(asked[it.name], within, department, question)
            if fact is not None and _where_key(fact) == _where_key(first) and _same_row(fact, results[it.name]):
                results[it.name] = fact
        if len({_where_key(f) for f in results.values() if f}) > 1:
            missing.append("这几项印在不同的表格或栏目里，不是同一口径的数字：" + "；".join(
                f"“{n}”在{f['table_title']}“{f['column'] or ''}”" for n, f in results.items()))
    if missing:
        out["status"] = "not_found"
        out["answer"] = f"无法排序：{department}的报告里" + "；".join(missing) + "。排序需要每一项都有同一口径的印出数字。"
        return out
    ranked = sorted(((_as_printed(it.name, results[it.name], one_row) if it.project is None else it.name,
                      results[it.name]) for it in items), key=lambda p: p[1]["number"], reverse=not ascending)
    first = ranked[0][1]
    if items[0].project is not None:
        note = (f"以上均为各项目绩效自评表“{row_name(first)}”行" + (f"“{first['column']}”栏" if first["column"] else "")
                + "的数字，")
    elif one_row and len({f["column"] for _, f in ranked}) > 1:  # columns of one row
        note = (f"以上均为{first['table_title']}“{bare_label(first['row_label'])}”行的数字（"
                + "、".join(f"“{f['column']}”栏" for _, f in ranked) + "），")
    else:
        note = f"以上均为{first['table_title']}" + (f"“{first['column']}”栏" if first["column"] else "") + "的数字，"
    _state(out, f"{department}{first['year']}年度", ranked, ascending, note)
    out["comparison"] = [{"department": department, "item": name, "year": f["year"], "value": f["value_text"],
                          "number": float(f["number"]), "unit": f["unit"]} for name, f in ranked]
    return out


def _same_row(fact: dict, found: dict) -> bool:
    """Whether a figure read again from another table is the same item as the one found first (one
    label holds the other, or one subject code), never its section's total (公用经费合计 for 公务用车运行维护费)."""
    if fact.get("sentence") or found.get("sentence"):
        return False
    codes = (fact.get("row_code") or "").replace(" ", ""), (found.get("row_code") or "").replace(" ", "")
    a, b = (re.sub(r"支出$", "", bare_label(f["row_label"] or "")) for f in (fact, found))
    # (the same item printed by its economic and its functional subject: 机关事业单位基本养老保险缴费[支出])
    return bool(a and b and (a in b or b in a)) or (all(codes) and codes[0] == codes[1])


_NO_NAME = re.compile(r"^(?:小计|合计|总计|金额|决算数|预算数|统计数)$")


def _as_printed(asked: str, fact: dict, across: bool) -> str:
    """An item as the report prints it, with the words it was asked by when they are others
    (公务用车购置及运行维护费（公车）): the row's label, or of a row printed across, its column's name."""
    if fact.get("sentence"):
        return asked
    if across:
        parts = [p for p in (fact["column"] or "").split("/") if p and not _NO_NAME.match(compact(p))]
        printed = compact(parts[-1]) if parts else ""
    else:
        printed = bare_label(fact["row_label"] or "")
    if not printed:
        return asked
    return printed if asked in printed else f"{printed}（{asked}）"


def _form_label(project) -> str:
    """A project as the report prints it, with the funds that tell apart two forms of one name."""
    budget = f"全年预算数{project.budget['value_text']}" if project.budget else ""
    return project.name + (f"（{budget}）" if budget else "")


def _form_tables(project, forms: list, facts: list[dict]) -> set[int]:
    """The tables of a project's 绩效 form: its own and those continuing it up to the next form."""
    starts = sorted(p.table_index for p in forms)
    later = [t for t in starts if t > project.table_index]
    stop = later[0] if later else None
    return {f["table_index"] for f in facts if f["table_index"] >= project.table_index
            and (stop is None or f["table_index"] < stop)
            and (f["table_index"] == project.table_index or f["table_kind"] == "项目支出绩效自评表")}


# a 绩效 form's total-score row, and the columns its score is printed under
_TOTAL_ROW = re.compile(r"^(?:绩效指标/)?(?:总分|总分值、?评价总分|评价总分|自评总分|合计得分)")
_SCORE_COLUMN = re.compile(r"得分|评分")


def _form_total(facts: list[dict]) -> dict | None:
    """A form's total score: its total row's cell under 得分 / 评分, else the row's only number
    (总分值、评价总分 (S) … 95); None when the row prints several numbers and none is named the score."""
    row = [f for f in facts if _TOTAL_ROW.match(compact(f["row_label"] or "")) and f["number"] is not None]
    scored = [f for f in row if _SCORE_COLUMN.search(f["column"] or "")]
    if scored:
        return scored[0]
    if len(row) != 1:
        return None
    # the row's only number: the score where the row's label names the score (总分值、评价总分), or
    # the grade is printed beside it (总分 … 90 优); under another column's header it may be the points
    # an indicator is worth (分值), a target or what was achieved (指标值, 完成值)
    only = row[0]
    graded = any(f.get("row_index") == only.get("row_index") and f.get("table_index") == only.get("table_index")
                 and f["number"] is None and _GRADE_WORD.fullmatch(compact(f["value_text"] or "")) for f in facts)
    if graded or _SCORE_LABEL.search(compact(only["row_label"] or "")) or not _NOT_SCORE_COLUMN.search(only["column"] or ""):
        return only
    return None


_NOT_SCORE_COLUMN = re.compile(r"分值|权重|指标值|完成值|预算|执行数|资金")
_SCORE_LABEL = re.compile(r"评价总分|自评总分|合计得分|总得分")
_GRADE_WORD = re.compile(r"优秀?|良好?|中|合格|差|不合格")


def _where_key(f: dict) -> tuple:
    """The quantity an item's figure is: one table's column; for a project, its form's total
    score or the row asked."""
    if f.get("table_kind") == "项目支出绩效自评表":
        if _TOTAL_ROW.match(compact(f["row_label"] or "")):
            return f["table_kind"], "总分", f.get("unit") or ""
        return f["table_kind"], bare_label(f["row_label"]), f.get("column"), f.get("unit")
    return f.get("table_index"), f.get("table_title"), f.get("column"), f.get("unit")


# ---- the units of one department -----------------------------------------------------------

_UNITS_ASKED = re.compile(r"[一二两三四五六七八九十几\d]+(?:家|个)(?:下属)?单位|各(?:个|家)?(?:下属)?单位|下属单位|所属单位|这些单位|几家单位")
_COUNT = re.compile(r"([一二两三四五六七八九十\d]+)(?:家|个)(?:下属)?单位")
_CHINESE_COUNT = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}
# a count the units table prints: 12, 25名, 12人
_HEADCOUNT = re.compile(r"^(\d+(?:\.\d+)?)(?:人|名)?$")


def _units_column(question: Question, headers: list[str]) -> str | None:
    """The units table's column the question ranks by: one whose header it writes, or whose
    everyday word (domain.vocabulary.COLUMN_WORDS: 在职 → 在职人数) it uses; None for none or several."""
    from domain.vocabulary import COLUMN_WORDS

    text = question.compact
    found = {h for h in headers if h and h in text}
    found |= {h for word, term in COLUMN_WORDS.items() if word in text for h in headers if term in h}
    found = {h for h in found if not any(h != o and h in o for o in found)}  # 人员编制数 over 编制数
    return found.pop() if len(found) == 1 else None


SCORE_ASKED = re.compile(r"(?:自评|绩效|评价).{0,12}(?:得分|分数|评分|总分|分)|(?:得分|分数|评分|总分).{0,12}(?:自评|绩效|项目)")


def _rank_projects(question: Question, department: str, catalog: Catalog, out: dict, ascending: bool) -> bool:
    """The department's projects ranked by their 绩效 self-assessment total score, each cited from
    its form (answer.aggregate.form_scores); False when the question does not rank scores, and
    refused when not every form's total can be read."""
    from .aggregate import form_scores

    if not SCORE_ASKED.search(question.compact):
        return False
    document = _document(question, department, catalog)
    scores, why = form_scores(catalog, document) if document else ([], "没有这个部门的报告")
    year = catalog.documents[document]["year"] if document in getattr(catalog, "documents", {}) else question.year
    if why:
        out["status"] = "not_found"
        out["answer"] = f"无法排序：{department}：{why}，不能断定哪个项目得分最高或最低。"
        return True
    ranked = sorted(scores, key=lambda f: f["number"], reverse=not ascending)
    _state(out, f"{department}{ranked[0]['year'] or year or ''}年度项目绩效自评总分", [(f["label"], f) for f in ranked],
           ascending, f"共 {len(ranked)} 个自评项目，")
    out["comparison"] = [{"department": department, "item": f["label"], "year": f["year"], "value": f["value_text"],
                          "number": float(f["number"]), "unit": f["unit"]} for f in ranked]
    return True


def _rank_units(question: Question, department: str, catalog: Catalog, out: dict, ascending: bool) -> bool:
    """The units of the department's units table (answer.lists.units_table) ranked by the column
    asked (在职人数, 人员编制数), each cited from its row; False when the question does not rank
    units or the table has no such column, and refused when the count asked differs from the
    units printed or a unit's cell is not a plain number."""
    from .lists import units_table

    if not _UNITS_ASKED.search(question.compact):
        return False
    document = _document(question, department, catalog)
    rows = units_table(catalog.store.tables(document)) if document else []
    if not rows:
        return False
    column = _units_column(question, [h for r in rows for h in r["columns"]])
    if column is None:
        return False
    count = _COUNT.search(question.compact)
    asked = None
    if count:
        digits = count.group(1)
        asked = int(digits) if digits.isdigit() else (10 + _CHINESE_COUNT.get(digits[-1], 0) if digits.startswith("十")
                                                      else _CHINESE_COUNT.get(digits))
    out["status"] = "not_found"
    if asked is not None and asked != len(rows):
        out["answer"] = (f"{department}的单位构成表列了 {len(rows)} 个单位（{'、'.join(r['name'] for r in rows)}），"
                         f"不是问题说的 {asked} 家，无法按问题排序。")
        return True
    table = rows[0]["table"]
    facts = [f for f in catalog.facts(document) if f["table_index"] == table["idx"] and f["column"] == column]
    ranked, problems = [], []
    for r in rows:
        fact = next((f for f in facts if compact(f["row_label"] or "").startswith(r["name"])), None)
        printed = compact((fact or {}).get("value_text") or "")
        m = _HEADCOUNT.match(printed)
        if fact is None or fact["number"] is None or not m or Decimal(m.group(1)) != Decimal(str(fact["number"])):
            problems.append(f"{r['name']}的“{column}”印的是“{printed or '空白'}”")
            continue
        ranked.append((r["name"], dict(fact, unit=fact["unit"] or "")))
    if problems:
        out["answer"] = f"无法排序：{department}的单位构成表里" + "；".join(problems) + "，不是可以比较的数字。"
        return True
    ranked.sort(key=lambda p: p[1]["number"], reverse=not ascending)
    first = ranked[0][1]
    _state(out, f"{department}{first['year']}年度各单位“{column}”", ranked, ascending,
           f"以上均为{first['table_title']}“{column}”栏印出的数字，")
    out["comparison"] = [{"department": department, "item": name, "year": f["year"], "value": f["value_text"],
                          "number": float(f["number"]), "unit": f["unit"]} for name, f in ranked]
    return True


# ---- the answer ----------------------------------------------------------------------------

def _state(out: dict, heading: str, ranked: list[tuple[str, dict]], ascending: bool, note: str) -> None:
    """The ranking in words — every figure in order, then the highest (lowest), then where each
    is printed — and the figures cited.  The labels come first in the order ranked and nothing
    before them repeats them."""
    order = "从低到高" if ascending else "从高到低"
    chain = f"{ranked[0][0]} {ranked[0][1]['value_text']}{ranked[0][1]['unit'] or ''}"
    for (_, prev), (label, f) in zip(ranked, ranked[1:]):
        sign = "=" if f["number"] == prev["number"] else ("<" if ascending else ">")
        chain += f" {sign} {label} {f['value_text']}{f['unit'] or ''}"
    top = [label for label, f in ranked if f["number"] == ranked[0][1]["number"]]
    word = "最低" if ascending else "最高"
    sources = "；".join(f"{label}：{f['value_text']}（" + (f"计算：{f['formula']}，" + (where(f) if f.get("page") or f.get("line") else f["document"]) if f.get("computed")
                                                          else where(f) + (f"，“{f['column']}”栏" if f["column"] else ""))
                       + "）" for label, f in ranked)
    out["status"] = "answered"
    out["answer"] = (f"{heading}{order}：{chain}。{note}{word}的是{'、'.join(top)}"
                     f"{'（并列）' if len(top) > 1 else ''}。出处：{sources}。")
    out["figures"] = [_figure(f) for _, f in ranked]


def _figure(fact: dict) -> dict:
    """A figure of the answer object; an amount a sentence states is cited as the narrative's."""
    fig = figure(fact)
    if fact.get("sentence"):
        fig.update(row="（情况说明）", table=None)
    if fact.get("computed"):
        fig.update(computed=True, formula=fact.get("formula"), row=None, column=None)
    return fig
