"""What the narrative says about a quantity: its amount, its change on the previous year, how
much of the budget it used, and why — read from sentences such as

    2022年度一般公共预算拨款“三公”经费支出2.42万元，完成全年预算的16.13%；较上年增加0.45万元，
    增长22.84%。主要原因是公务用车支出增加。
    与2023年度相比，收入支出总计增加1062.85万元，增长12.08%。主要原因：项目支出增加……

A statement is one subject with whatever of those the sentence prints.  Everything is kept as
printed; the answer layer decides what may be derived from it (the previous year's amount is
amount − increase or amount + decrease, and says so).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .normalize import ASKING_GLOSS, YEAR_WORDS, compact
from .vocabulary import EMPHASIS

NUMBER = r"\d[\d,]*(?:\.\d+)?"
_AMOUNT = re.compile(rf"^(?P<subject>.*?)(?:为|是|达)?(?P<amount>{NUMBER})万元")
_CHANGE = re.compile(rf"(?:比|较|与)(?:上年度?|上一年度?|\d{{4}}年度?)(?:决算数?|预算数?)?(?:相比)?,?(?P<subject>[^,;。\d]{{0,20}}?)"
                     rf"净?(?P<direction>增加|减少|增长|下降|下降\(增长\))了?(?P<delta>{NUMBER})(?P<unit>万元|%)")
_FLAT = re.compile(r"(?:与|和)(?:上年度?|上一年度?|\d{4}年度?)(?:决算数?|预算数?)?(?:相比)?,?(?P<subject>[^,;。\d]{0,20}?)(?:持平|相同|一致)")
# "本年数小于上年预算数403.75万元": the change said as a comparison with the year before
_CHANGE_VS = re.compile(rf"(?P<subject>)(?:本年(?:预算)?数?)?(?P<direction>大于|小于|高于|低于|多于|少于)(?:上年度?|上一年度?)"
                        rf"(?:决算数?|预算数?)?(?P<delta>{NUMBER})(?P<unit>万元|%)")
_PCT_CHANGE = re.compile(rf"^(?:增长|下降|减少|增加)(?P<pct>{NUMBER})%")
_COMPLETION = re.compile(rf"完成(?:了)?(?:全年|年初)?预算(?:数)?的(?P<pct>{NUMBER})%")
# a reason, and what it says it explains: "当年决算数大于上年决算数的主要原因是…" (the change on the
# year before), "决算数小于全年预算数的主要原因…" (the budget)
_REASON = re.compile(r"^(?P<against>(?:当年|本年)?(?:决算数?|支出)?[大小高低]于(?:上年(?:度)?(?:决算)?数?|(?:全年|年初)?预算数?)的)?"
                     r"主要(?:原因(?:是|为|在于)?|是|由于|系)[:]?(?P<why>.+)$")
_BUDGET_WORDS = re.compile(r"(?:全年|年初)?预算(?:数|为)?$")
_FINAL_WORDS = re.compile(r"^(?:支出)?决算(?:数)?(?:为)?$")
_LEAD = re.compile(r"^(?:\(?[一二三四五六七八九十\d]+[)、.]|[一二三四五六七八九十]+、|其中:?|本部门|本单位|本级)+")
_YEARS = re.compile(r"(?:19|20)\d{2}年度?")


# the heading of a report's glossary (第四部分 名词解释): it says what a term means in any report,
# not what this department spent or why
GLOSSARY = re.compile(r"名词解释|术语解释|名词说明")


@dataclass(frozen=True)
class Statement:
    subject: str  # what the sentence is about, as printed without years, numbering or quotes
    sentence: str  # the sentence as printed
    document: str
    page: int | None
    line: int | None
    amount: str | None = None  # 万元, as printed
    budget: str | None = None  # 万元, as printed
    completion: str | None = None  # % of the budget, as printed
    change: str | None = None  # the change on the previous year in 万元, as printed
    change_pct: str | None = None  # the change on the previous year in %, as printed
    direction: int = 0  # +1 increase, −1 decrease, 0 the same as the year before
    flat: bool = False
    reasons: tuple[str, ...] = field(default=())
    against: tuple[str, ...] = field(default=())  # for each reason what it explains: 上年, 预算 or ''
    whole: str | None = None  # the subject of the total a 其中 breakdown is part of (政府采购金额 for 货物采购金额)

    def names(self) -> tuple[str, ...]:
        """What the statement is about: its subject, and for a part of a total also the part in
        the total's words (货物采购金额 of 政府采购金额 → 政府采购货物)."""
        if not self.whole:
            return (_plain(self.subject),)
        whole, part = (_TAIL.sub("", _TOTAL_TAIL.sub("", _plain(x))) for x in (self.whole, self.subject))
        shared = _longest_common(whole, part)
        own = part.replace(shared, "") if len(shared) >= 2 else part
        return (_plain(self.subject),) + ((whole + own, own + whole) if len(own) >= 2 else ())


def _clean_subject(text: str, departments: list[str]) -> str:
    for name in departments:
        text = text.replace(name, "")
    text = _YEARS.sub("", text)
    text = re.sub(r"[“”\"'‘’《》]", "", text)
    text = _LEAD.sub("", text)
    return text.strip(",;:")


def subject_key(subject: str) -> str:
    """Subjects compared loosely: 公务接待费支出 is 公务接待费."""
    return re.sub(r"(?:支出|费用)?(?:决算数?|决算)?$", "", subject)


def statements(passages: list[dict], departments: list[str] = ()) -> list[Statement]:
    """Every statement in the passages, in reading order."""
    out: list[Statement] = []
    for p in passages:
        text = compact(p["text"]).replace("（", "(").replace("）", ")").replace("：", ":")
        text = re.sub(r"相比,", "相比", text)  # "与上年相比，收入总计减少…" is one clause
        last: int | None = None  # the statement the passage is talking about
        pending: list[int] = []  # statements a following "主要原因…" explains

        def find(subject: str) -> int | None:
            return next((i for i in range(len(out) - 1, -1, -1)
                         if subject_key(out[i].subject) == subject_key(subject)), None)

        before: list[int] = []  # the previous sentence's statements
        first = re.split(r"(?<=。)", text)[0].rstrip("。")
        # "8、城乡社区支出(类)城乡社区管理事务(款)行政运行(项)。…年初预算为1115.48万元": the item
        # the passage opens with is the subject of sentences that name none
        topic = _clean_subject(first, departments) if "万元" not in first and len(first) <= 80 else ""
        for sentence in re.split(r"(?<=。)", text):
            # a reason explains the statements of its own sentence, or, opening a sentence, the last one's
            before, pending = (pending or before), []
            # clauses end at commas and semicolons, not inside brackets or a number (7,176.23)
            clauses = [c for c in re.split(r"(?:(?<!\d),|,(?!\d))(?![^()]*\))|;|、(?=[^、,;]*万元)",
                                           sentence.rstrip("。")) if c]
            whole = None  # the statement a 其中 breakdown in this sentence is part of
            for i, clause in enumerate(clauses):
                if clause.startswith("其中") and last is not None and out[last].amount is not None and whole is None:
                    whole = out[last].subject
                reason = _REASON.match(clause)
                if reason and last is not None:
                    start = sentence.find(clause)  # the reason as printed, to the end of its sentence
                    why = _REASON.match(sentence[start:].rstrip("。")).group("why").rstrip("。:")
                    why = re.sub(r"(?:其中|具体情况如下)[:]?$", "", why)
                    if not why:
                        break
                    told = pending or before
                    targets = [j for j in told if out[j].change or out[j].change_pct or out[j].flat
                               or out[j].completion] or [last]
                    said = reason.group("against") or ""
                    against = "上年" if "上年" in said else "预算" if "预算" in said else ""
                    for j in targets:
                        out[j] = replace(out[j], reasons=out[j].reasons + (why,), against=out[j].against + (against,))
                    pending, before = [], []
                    break
                change, flat = _CHANGE.search(clause) or _CHANGE_VS.search(clause), _FLAT.search(clause)
                said = change or flat
                amount = _AMOUNT.match(clause)
                if amount and said and amount.end() > said.start():
                    amount = None  # the number is the change itself
                if amount:
                    subject = _clean_subject(amount.group("subject"), departments)
                    if _BUDGET_WORDS.search(subject) and (len(_BUDGET_WORDS.sub("", subject)) >= 2 or topic):
                        out.append(Statement(_BUDGET_WORDS.sub("", subject) if len(_BUDGET_WORDS.sub("", subject)) >= 2
                                             else topic, sentence, p["document"], p["page"], p["line"],
                                             budget=amount.group("amount")))
                        last = len(out) - 1
                    elif _FINAL_WORDS.match(subject) and last is not None and out[last].amount is None:
                        out[last] = replace(out[last], amount=amount.group("amount"))
                    elif subject and not _FINAL_WORDS.match(subject):
                        out.append(Statement(subject, sentence, p["document"], p["page"], p["line"],
                                             amount=amount.group("amount"), whole=whole))
                        last = len(out) - 1
                elif said:
                    # the subject named after 相比 or before 比: "…相比，收入支出总计增加", "…决算数比2023年度减少"
                    subject = _clean_subject(said.group("subject") or clause[:said.start()], departments)
                    subject = re.sub(r"(?:决算数?|支出决算数?)$", "", subject)
                    if subject:
                        j = find(subject)
                        if j is None:
                            out.append(Statement(subject, sentence, p["document"], p["page"], p["line"]))
                            j = len(out) - 1
                        last = j
                if last is None:
                    continue
                if last not in pending:
                    pending.append(last)
                if change:
                    field_name = "change" if change.group("unit") == "万元" else "change_pct"
                    if getattr(out[last], field_name) is None:
                        up = change.group("direction") in ("增加", "增长", "大于", "高于", "多于")
                        out[last] = replace(out[last], **{field_name: change.group("delta")}, direction=1 if up else -1)
                elif flat:
                    out[last] = replace(out[last], flat=True, direction=0)
                rate = _PCT_CHANGE.match(clause)  # "…增加0.45万元，增长22.84%": the rate follows
                if rate and out[last].change_pct is None and out[last].change:
                    out[last] = replace(out[last], change_pct=rate.group("pct"))
                completion = _COMPLETION.search(clause)
                if completion and out[last].completion is None:
                    out[last] = replace(out[last], completion=completion.group("pct"))
    return out


# Words a question wraps around the quantity it asks for: what is asked (why, how much, the change,
# the budget's share), when, and filler.  What is left is the quantity, in the asker's words.
_QUESTION_WORDS = re.compile(
    r"[(（](?:19|20)\d{2}年?[)）]|" + YEAR_WORDS + r"|部门(?:预算|决算)(?:公开)?|(?:增幅|降幅|涨幅|增速)(?:有)?(?:多大|多少)?|有多大"
    r"|报告(?:里|中)?(?:是)?(?:怎么)?说的?|主要是?|一下子?|\d+(?:\.\d+)?%(?:多)?|去哪(?:儿|里)?了?|到哪(?:儿|里)?去了?|" + EMPHASIS + r"|为什么|为何|原因是什么|的原因|原因|怎么回事|为啥"
    r"|(?:比|较|与|和|跟|同)(?:上年度?|上一年度?|去年|(?:\d{2}){1,2}年度?)(?:相比|比)?|上一年度?|上年度?|去年|同比"
    r"|是增(?:加)?(?:是|还是)减(?:少)?|增(?:加)?还是减(?:少)?|多还是少|增减|相差了?(?:多少|几)?|差了?(?:多少|几)"
    r"|(?:增加|减少|增长|下降|变化|上升|降低|上涨|涨|跌|降|[增减](?=了|多少|几)|压缩|缩减|削减)了?(?:百分之)?(?:多少万元|多少|几)?|[多少]了?(?:多少|几)"
    r"|完成了?(?:全年|年初)?预算(?:数)?的?|预算完成率|完成率|执行率|执行(?=了|率|数|情况|多少|得|的?比例)了?|百分之多少|百分之几|百分比|比例|比重"
    r"|(?:全年|年初)预算(?:数)?|大约|大概|约(?=\d)|左右|估计|是0|为0|是零|为零|一分钱没花|没花"
    r"|[多少]花了?|[多少]出来了?|这一?项|那一?项|该项|多少钱|多少|怎么样|怎样|如何|咋样|什么样|什么|是|的|少了|多了|了|一年|全年|年度|花了|花得|花的|花费|花|用了|钱|情况|为|有|呢|吗|[(（][)）]"
    r"|[？?，,。！!“”\"]|请问|一下|一共|总共|共计|(?<!\()决算数?"
    r"|(?<=[\u4e00-\u9fff]{2})(?:里面|里|当中|之中)(?=[\u4e00-\u9fff]{2})"  # X里Y: X's Y (政府采购里货物)
    r"|(?<=[\u4e00-\u9fff]{2})(?<![分种门大各哪几此该这那])类(?![别型似级款项目])")  # 工程类政府采购: 工程 of 政府采购
# a quantity asked as "…费用", "…金额": the report's subject names the thing without it
_TAIL = re.compile(r"(?:费用|金额|开支|花销|预算|支出)$")
# "…总额" asked: the total a statement gives, whatever it calls the amount (…支出总额, …总计)
_TOTAL_TAIL = re.compile(r"(?:总额|总计|合计|总数)$")
_WHOLE_ROOT = re.compile(r"(?:本年)?(?:收入|支出|收入支出)")
_CODE = re.compile(r"^\d{3,}-|\([^()]*\)$")  # a subject code, or a trailing remark: (以合同签订为准), (项)


def asked_quantity(question: str, department_span: str = "") -> list[str]:
    """The quantity a question asks about, in its own words and with each everyday word in it
    replaced by the report's term (公车 → 公务用车运行维护费 …); empty when nothing is left."""
    from domain.vocabulary import EVERYDAY_TERMS, TABLE_WORDS

    # brackets as the statements read them (因公出国（境）费 is printed 因公出国(境)费 there)
    text = compact(question)
    if department_span:  # (before the brackets are rewritten: a span may hold one, 财政局（普陀区）)
        text = text.replace(compact(department_span), "", 1)
    text = ASKING_GLOSS.sub("", text).replace("收支", "收入支出").replace("（", "(").replace("）", ")").replace("|", "")
    text = re.sub(r"(?<=收入|支出)预算(?=总计|合计)", "", text)  # 收支预算总计 is the 收入支出总计 of a budget
    glossed = re.findall(r"\(([\u4e00-\u9fff][^()]{3,39})\)", text)  # 对中小企业的补助(其他支持中小企业…支出)
    # (a bracket that names the table asked in, 租办公房要花多少(政府采购预算), says where, not what)
    glossed = [g for g in glossed if not any(w in g for w in TABLE_WORDS)]
    core = _QUESTION_WORDS.sub("", re.sub(r"[？?，,。！!、；;：:]", "", text))
    core = re.sub(r"(?:万元?|元)$", "", core)  # 是多少万元, 减了多少万: the unit asked, not the quantity
    if len(_TOTAL_TAIL.sub("", core)) >= 4 and not _WHOLE_ROOT.fullmatch(_TOTAL_TAIL.sub("", core)):
        # 政府采购总额 is the 政府采购支出总额 stated; 收入总额, 收入支出总计 stay
        core = _TOTAL_TAIL.sub("", core)
    if len(_TAIL.sub("", core)) >= 2 and not core.endswith("收入支出"):  # 支出 alone is the quantity; 政府采购支出 is 政府采购
        core = _TAIL.sub("", core)
    if not core:
        return []
    variants = [_TAIL.sub("", _QUESTION_WORDS.sub("", g)) or g for g in glossed] + [core]
    # the whole's word said again with the part (政府采购里服务类采购 → 政府采购服务)
    repeated = next((core[:j] + core[j + 2:] for i in range(len(core) - 1)
                     if re.fullmatch(r"[\u4e00-\u9fff]{2}", core[i:i + 2])
                     and (j := core.find(core[i:i + 2], i + 2)) > 0 and len(core) - 2 >= 4), None)
    if repeated:
        variants.append(repeated)
    for word in sorted((w for w in EVERYDAY_TERMS if w in core), key=len, reverse=True):
        if any(term in core for term in EVERYDAY_TERMS[word]):
            continue  # 政府采购 is already the report's word; its 采购 needs no translating
        variants += [v.replace(word, term) for v in list(variants) if word in v for term in EVERYDAY_TERMS[word]]
    return list(dict.fromkeys(variants))


def _longest_common(a: str, b: str) -> str:
    best = ""
    for i in range(len(a)):
        for j in range(i + len(best) + 1, len(a) + 1):
            if a[i:j] in b:
                best = a[i:j]
            else:
                break
    return best


def _plain(subject: str) -> str:
    return _CODE.sub("", subject).replace("“", "").replace("”", "")


def about(found: list[Statement], asked: list[str], need, prefer_whole: bool = False) -> list[Statement]:
    """The statements that print what `need` asks and whose subject holds the asked quantity
    whole, closest first (a subject that is the quantity itself before one that only contains it);
    among equally close ones, with prefer_whole, those that say they are a total (总额, 合计)."""
    scored = []
    for s in found:
        if not need(s):
            continue
        # a part's name in its total's words counts only for words that say more than the total's
        # (政府采购货物 is the 货物 part; 政府采购 alone is the total)
        whole = _TAIL.sub("", _TOTAL_TAIL.sub("", _plain(s.whole))) if s.whole else ""
        hits = [len(subject) - len(v) for k, subject in enumerate(s.names()) for v in asked
                if v and v in subject and (k == 0 or v not in whole)]
        if hits:
            scored.append((min(hits), s))
    if not scored:
        return []
    best = min(score for score, _ in scored)
    chosen = [s for score, s in scored if score == best]
    if prefer_whole and len(chosen) > 1:
        # a total before the parts its 其中 breaks it into, and one that says it is a total first
        chosen = [s for s in chosen if s.whole is None] or chosen
        chosen = [s for s in chosen if re.search(r"总额|总计|合计", s.subject)] or chosen
    return chosen
