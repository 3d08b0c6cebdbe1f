"""Answers from what the narrative says about a quantity (see `statements`):

- why it changed, or why it is what it is: the report's own reason, quoted;
- how much it changed on the previous year: the change as printed (增加/减少 → 万元,
  增长/下降 → %);
- how much of the budget it used: the completion rate as printed, or, when the report prints
  the budget and the final figure but no rate, their ratio, marked computed;
- the previous year's amount: this year's amount minus the printed increase (plus the decrease),
  marked computed with its formula; from a percentage only when the question asks roughly
  (大约, 大概), and then said to be approximate.

A question none of this fits, or a quantity the narrative states in two different ways, gets
None: the caller goes on to the other kinds of answer, or refuses.

Below that, `quotes`: the sentences a report prints about what a question asks in words — the
reason for a change or an under-spent project, what money or a vehicle is used for, a duty, when
a unit was founded, what kind of unit it is, a list printed only in prose — found by the words
the question asks about (`subject_of`), whole sentences only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from domain.normalize import compact

from domain.statements import GLOSSARY, Statement, about, asked_quantity, statements
from domain.vocabulary import FALL, RISE, SPENT_SHARE, WHERE_TO

WHY = re.compile(r"为什么|为何|原因|理由|怎么回事|为啥|" + WHERE_TO)
CHANGE = re.compile(r"(?:比|较|与)(?:上年|上一年|去年|\d{4}年).{0,8}(?:增加|减少|增长|下降|变化|多|少)(?:了)?(?:百分之)?(?:多少|几)")
COMPLETION = re.compile(r"完成.{0,6}预算|预算.{0,4}完成|完成率|执行率|执行了?(?:多少|百分之)|" + SPENT_SHARE)
PREVIOUS = re.compile(r"上一年|上年度?(?!增|减|相比)|去年")
ROUGHLY = re.compile(r"大约|大概|约|左右|估计")
ASKS_BUDGET = re.compile(r"(?:全年|年初)预算|预算(?:是|为|有|多少|大约|大概)")

@dataclass(frozen=True)
class Explained:
    kind: str  # why | change | completion | previous | budget
    value: str
    unit: str | None
    computed: bool
    formula: str | None
    statement: Statement
    approximate: bool = False


def intent(question: str) -> str | None:
    text = compact(question)
    if WHY.search(text):
        return "why"
    if COMPLETION.search(text):
        return "completion"
    if CHANGE.search(text):
        return "change"
    if ASKS_BUDGET.search(text) and ROUGHLY.search(text):
        return "budget"
    return None


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _shown(value: Decimal, like: str) -> str:
    value = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{value:,}" if "," in like else str(value)


def _residue(subject: str, asked: list[str]) -> int:
    """How much more than the asked quantity a statement's subject says (its code and a trailing
    remark aside)."""
    plain = re.sub(r"^\d{3,}-|\([^()]*\)$", "", subject).replace("“", "").replace("”", "")
    # the funds a subject names and its 支出 say no more than the quantity (一般公共预算拨款三公经费支出)
    funds = re.compile(r"^(?:一般公共预算(?:财政)?拨款|财政拨款|政府性基金预算(?:财政)?拨款)|(?:支出|决算数?)$")
    plain = funds.sub("", plain)
    words = [w for v in asked if (w := funds.sub("", v))]
    return min((len(plain) - len(w) for w in words if w in plain), default=99)


def explain(question: str, passages: list[dict], departments: list[str], kind: str | None = None) -> Explained | None:
    """`question` without the words that named the department."""
    kind = kind or intent(question)
    if kind is None:
        return None
    text = compact(question)
    asked = asked_quantity(question)
    if not asked:
        return None
    found = statements(passages, departments)
    if kind == "why":
        if re.search(r"是0|为0|为零|是零|没花|没有花|一分钱", text):
            want = lambda s: bool(s.reasons) and s.amount is not None and _number(s.amount) == 0
        else:
            direction = 1 if RISE.search(text) else -1 if FALL.search(text) else None
            want = lambda s: bool(s.reasons) and (s.change or s.change_pct or s.flat) and (
                direction is None or s.direction == direction)
        # the statement must be about the quantity asked, not about one that merely holds its
        # words (支出 asked: not 机关事业单位职业年金缴费支出)
        chosen = [s for s in about(found, asked, want) if _residue(s.subject, asked) <= 4]
        # the reason for what the question asks about: the change on the year before, or the budget
        asked_against = "预算" if re.search(r"预算", text) and not re.search(r"上年|去年|比上|同比", text) else "上年"

        def reason_of(s) -> str:
            told = [r for r, a in zip(s.reasons, s.against or ("",) * len(s.reasons)) if a in (asked_against, "")]
            return (told or list(s.reasons))[0]

        reasons = {reason_of(s) for s in chosen}
        if len(reasons) != 1:
            return None
        return Explained("why", reason_of(chosen[0]), None, False, None, chosen[0])
    if kind == "change":
        pct = bool(re.search(r"增长|下降|百分", text)) and not re.search(r"万元|多少钱", text)
        field = "change_pct" if pct else "change"
        chosen = about(found, asked, lambda s: getattr(s, field) is not None)
        values = {getattr(s, field) for s in chosen}
        if len(values) != 1:
            return None
        return Explained("change", values.pop(), "%" if pct else "万元", False, None, chosen[0])
    if kind == "completion":
        chosen = about(found, asked, lambda s: s.completion is not None)
        if chosen:
            values = {s.completion for s in chosen}
            return Explained("completion", values.pop(), "%", False, None, chosen[0]) if len(values) == 1 else None
        chosen = about(found, asked, lambda s: s.amount is not None and s.budget is not None and _number(s.budget))
        results = {(s.amount, s.budget) for s in chosen}
        if len(results) != 1:
            return None
        amount, budget = results.pop()
        value = _shown(_number(amount) / _number(budget) * 100, "")
        return Explained("completion", value, "%", True, f"{amount} ÷ {budget} × 100%", chosen[0])
    if kind == "budget":
        chosen = about(found, asked, lambda s: s.budget is not None)
        if chosen:
            values = {s.budget for s in chosen}
            return Explained("budget", values.pop(), "万元", False, None, chosen[0]) if len(values) == 1 else None
        chosen = about(found, asked, lambda s: s.amount is not None and s.completion and _number(s.completion))
        results = {(s.amount, s.completion) for s in chosen}
        if len(results) != 1:
            return None
        amount, rate = results.pop()
        value = _shown(_number(amount) / _number(rate) * 100, amount)
        return Explained("budget", value, "万元", True, f"{amount} ÷ {rate}%", chosen[0], approximate=True)
    if kind == "previous":
        chosen = about(found, asked, lambda s: s.amount is not None and (s.change is not None or s.flat))
        results = {(s.amount, s.change, s.direction, s.flat) for s in chosen}
        if len(results) == 1:
            amount, change, direction, flat = results.pop()
            if flat:
                return Explained("previous", amount, "万元", True, f"{amount}（与上年持平）", chosen[0])
            value = _number(amount) - direction * _number(change)
            sign = "−" if direction > 0 else "+"
            return Explained("previous", _shown(value, amount), "万元", True, f"{amount} {sign} {change}", chosen[0])
        if results or not ROUGHLY.search(text):
            return None
        chosen = about(found, asked, lambda s: s.amount is not None and s.change_pct is not None)
        results = {(s.amount, s.change_pct, s.direction) for s in chosen}
        if len(results) != 1:
            return None
        amount, pct, direction = results.pop()
        base = 1 + direction * _number(pct) / 100
        if base <= 0:
            return None
        sign = "+" if direction > 0 else "−"
        return Explained("previous", _shown(_number(amount) / base, amount), "万元", True,
                         f"{amount} ÷ (1 {sign} {pct}%)", chosen[0], approximate=True)
    return None


# --- quoting the report's own sentences ------------------------------------------------------
#
# What a question asks about is quoted from the sentence the report prints it in: the reason for
# a change or an under-spent project (为什么 …), what money or a vehicle is used for, a duty, when
# a unit was founded, what kind of unit it is, or a list printed only in prose.  A sentence is
# chosen when every word the question asks about appears in it (or in its heading, or in the
# sentences just before it: "该专项…" speaks of the project the paragraph before names), and it
# says what is asked (a reason, a use …); the sentence is quoted whole, with the one before it
# when it opens with 其中 / 该 / 此.

FACETS: tuple[tuple[str, re.Pattern], ...] = (
    ("nature", re.compile(r"性质|什么(?:样的|类型的?)单位|哪(?:一)?(?:类|种)单位|单位类型|单位类别")),
    ("founded", re.compile(r"(?:哪一?年|何时|什么时候|哪个时间|几几年).{0,4}(?:成立|组建|设立|建立)|(?:成立|组建|设立)(?:于|的时间|时间|多久|几年|的)")),
    ("duty", re.compile(r"职责|职能|负责(?:什么|哪些)|主要(?:做|干)什么|是干什么的|是做什么的|管什么")),
    ("use", re.compile(r"用途|用在|用于|干什么用|做什么用|花在|用来|用处|派什么用|去了?哪(?:里|儿)")),
)
# what a sentence must say for each facet (why: a reason; use: a use …)
MARKERS = {
    "why": re.compile(r"主要原因|原因(?:是|为|在于|系|:)|主要是|主要系|主要由于|由于|因为|系因|导致"),
    "use": re.compile(r"主要用于|用于|用途|用来|主要是"),
    # a sentence that says what the unit is: 为区政府直属工作机构, 是全额拨款事业单位, 单位性质为…
    "nature": re.compile(r"(?:单位|经费)性质(?:为|是|:)|(?:^|[,;:])(?:是|为|系|属于?)[^,;。]{0,16}?(?:行政单位|事业单位|参公单位"
                         r"|参照公务员法管理|行政机关|工作机构|直属机构|派出机构|群团组织)"),
    "founded": re.compile(r"(?:成立|组建|设立|始建|挂牌)(?:于|时间为?)?.{0,4}(?:19|20)\d{2}|(?:19|20)\d{2}\s*年.{0,12}(?:成立|组建|设立|始建|挂牌)"),
    "duty": re.compile(r"职责|职能"),
    "list": re.compile(r"、|包括|分别"),
}
_SAYS_USE = re.compile(r"用于|用途|用来")
_USE_KIND = re.compile(r"[\u4e00-\u9fff]{2}用(?:车|房|地)[1-9]\d*")  # a kind named by its use, counted: 机要通信用车1辆
_ITEM = re.compile(r"^-?(?:\(?[一二三四五六七八九十\d]+[)、.．]|[一二三四五六七八九十]+、)")
_REFERS_BACK = re.compile(r"该|此项|此类|上述|以上|这些|这项|本项目|本专项")
_ANAPHORA = re.compile(r"^(?:其中|该|此|这|上述|以上|其)")
# words a question asks with, not what it asks about
_ASKED_WITH = re.compile(
    r"为什么|为何|为啥|何故|怎么回事|什么导致|是什么原因|什么原因|原因是什么|的原因|原因|是因为什么|因为什么|因为啥|是何原因"
    r"|(?:给|讲|列|说)?(?:出)?的?理由(?:是什么|有哪些|有什么)?|理由|" + WHERE_TO +
    r"|是?怎么解释的?|是?如何解释的?|作何解释|报告(?:里|中)?(?:是)?(?:怎么)?说的?"
    r"|是什么性质的单位|什么性质的单位|性质的单位|是什么性质的?|什么性质的?|性质|是什么样的|什么样的|什么类型的?|哪一类|哪类|哪一种|单位类型|单位类别"
    r"|是哪一年|哪一年|哪年|什么时候|何时|几几年|成立的?|成立于|成立时间|组建的?|设立的?"
    r"|的职责里|职责里|职责中|的职责|职责|职能|主要做什么|主要干什么|是干什么的|是做什么的|管什么"
    r"|是干什么用的?|干什么用的?|做什么用的?|干什么的?|做什么的?|什么用途的?|用途|主要用在了?哪(?:里|儿|些方面)?"
    r"|用在了?哪(?:里|儿|些方面)?|用于哪(?:些|里)?|花在了?哪(?:里|儿)?|用来干什么|用来做什么|用处|派什么用场?"
    r"|(?:是)?去了?哪(?:里|儿)了?"  # where a trip went (出国经费是去了哪里): what it was used for
    r"|(?:用|花|使用)(?:在|到|于)了?(?:什么|哪些|哪个)(?:地方|方面|事情|事|项目|上)?"
    r"|提到了?|提及|涉及到?|说到|讲到|写到|分别是|分别|是哪一条|哪一条|哪条|是哪一项|哪一项|哪项|是哪些|哪些|哪几个|哪几|是哪两个|哪两个|哪个|是什么|什么|有关的?|相关的?|关于"
    r"|比上年|较上年|与上年相比|和上年相比|比去年|较去年|同比|上一年|上年|去年"
    r"|(?:比|较|与|和|跟|同)(?:19|20)\d{2}年度?(?:相比|比)?|(?:会|才)?(?:这样|如此)(?:子)?"
    r"|这么多|那么多|很多|不少|大量|略有|略微|稍有|明显|大幅|远远|远|一下子|请问|一下|唯一的?|那辆|那笔|这笔|那个|这个"
    r"|下面|底下|下属|旗下|里面|一共|总共|共有|总共有")  # where or how many things are: 下面有几个…
# the direction a why-question asks about, and the words a sentence says it with
DIRECTIONS: tuple[tuple[str, re.Pattern, re.Pattern], ...] = (
    ("below", re.compile(r"(?:远)?(?:小于|低于|少于|不到|未达到?)预算(?:数)?|没(?:有)?(?:花|用)[完满]"
                         r"|没(?:有)?把[^，,。？?！!]{0,10}?(?:花|用)(?:完|光)|没(?:有)?花出去|一分钱(?:都|也)?没(?:有)?(?:花|用)(?:出去|掉)?"
                         r"|没(?:有)?(?:花|执行|支出)完?|未执行完?|结余|使用率不高|使用率低|(?:执行|完成|使用)率(?:低|不高|偏低|(?:才|只|仅)有?)|偏低"
                         # a rate below the whole said as a shortfall: 只完成了年初预算的88%, 才执行了40%
                         r"|(?:只|才|仅)(?:完成|执行|使用|花)了?(?:年初|全年)?(?:预算)?的?(?=\d)"),
     re.compile(r"小于|低于|结余|未|没有|偏差|不高|0万元|为0|滞后|推迟|推至|延期|迟")),
    ("above", re.compile(r"(?:大于|高于|超过|超出|超了)(?:年初|全年)?预算(?:数)?|超支|超预算"), re.compile(r"大于|高于|超过|超出|超支")),
    ("up", RISE, re.compile(r"增加|增长|上升|提高|上涨")),
    ("down", FALL, re.compile(r"减少|下降|降低|下滑")),
)
_STOP_WORDS = set("的 了 是 呢 吗 啊 那 这 该 其 里 中 和 与 跟 及 在 有 为 把 被 对 也 都 就 又 还 个 辆 些 吧 么 之 哪 谁 "
                  "万元 元 多少 情况 方面 部分 怎么 如何 哪里 哪儿 出去 掉 花 用 钱 年 年度 本年 今年 当年 主要 具体 "
                  "哪一 一条 一项 进 了解 负责 承担 会 没有 没 地方 只 才 仅 仅仅 反而 竟然 居然 文件 报告 一分 分文 "
                  # how suddenly or how much a change came (一下涨了, 突然少了, 大幅增加): no subject
                  "一下 一下子 突然 猛 猛然 陡然 大幅 大幅度 明显 一口气".split())
# words that say what kind of quantity is asked without naming it (公务用车费用 is printed 公务用车购置费
# 和运行费): a sentence need not hold them, one that does is a closer match
_GENERIC_WORDS = {"费用", "金额", "开支", "花销", "钱款", "经费"}
# funds a sentence may be about that a question does not name: a sentence about them is a lesser match
_FUNDS_WORDS = ("财政拨款", "一般公共预算", "政府性基金", "国有资本经营")
_NUMBER_TOKEN = re.compile(r"^\d+(?:\.\d+)?%?$")  # 515, 100% (a rate is matched as its number)
_SPLIT = re.compile(r"(?<=[。！？!?])")
_QUOTES = re.compile(r"[“”\"'‘’《》「」『』\s]")


def _jieba():
    """The word segmenter the search index uses, taught the fiscal terms (index.tokens)."""
    from index.tokens import engine

    return engine()


def facet_of(text: str, operation: str) -> str | None:
    """What a question asks to have quoted: why (a reason), nature, founded, duty, use, a list
    printed in prose, or None when it asks for none of these."""
    if operation == "why":
        return "why"
    found = next((name for name, pattern in FACETS if pattern.search(text)), None)
    if found:
        return found
    return "list" if operation == "list" else None


@dataclass(frozen=True)
class Subject:
    """What a question asks about, as words each of which a quoted sentence must contain."""
    words: tuple[str, ...]
    numbers: tuple[str, ...]
    key: str | None  # a quoted name (“创建各类专业基地”): it must appear as printed
    direction: str | None  # below | above | up | down
    terms: tuple[tuple[str, ...], ...] = ()  # the words asked together (一般公共预算 拨款 支出): one term

    @property
    def empty(self) -> bool:
        return not (self.words or self.numbers or self.key)


def _plain(text: str) -> str:
    """The text as it is matched: no quotes, ASCII brackets and colons; a subject's level mark gone
    before what it is an amount of (其他人大事务(项)支出 names 其他人大事务支出) and a break between a
    parent's name and its child's (人大事务(款)人大会议(项)支出: 人大事务|人大会议支出)."""
    text = _QUOTES.sub("", compact(text)).replace("（", "(").replace("）", ")").replace("：", ":")
    text = re.sub(r"\((?:类|款|项)\)(?=支出|收入|拨款|预算|决算|[\d,，。;；]|$)", "", text)
    return re.sub(r"\((?:类|款|项)\)", "|", text)


def subject_of(rest: str) -> Subject:
    """The words of `rest` (the question without its department and year) that say what it asks
    about: without the words it asks with, its direction (增加, 小于预算 …) apart."""
    text = re.sub(r"(?:差(?:得|了)?)?(?:这么多|那么多|这么少|那么少)|很多|不少", "", compact(rest))
    # a number given roughly (40%多, 1200多万元, 30余人): "1200+" — any printed number from it up
    # to its next step (1200 … 1299.99)
    text = re.sub(r"(\d)(万元|万|元)(多|余|来|左右)", r"\1\3\2", text)  # 468万多: 468多万
    rough = {m.group(1) for m in re.finditer(r"(\d+)%?(?:多|余|来)", text)}
    text = re.sub(r"(\d)(%?)(?:多|余|来|左右)", r"\1\2", text)
    text = re.sub(r"(\d)(?:万元|万|元)", r"\1", text)  # 多了480万: the amount, its unit no word of the subject
    key = next((compact(m) for m in re.findall(r"[“\"‘'「『]([^”\"’'」』]{2,40})[”\"’'」』]", text)), None)
    # where an increase went (多出来的钱用在哪, 钱加在哪) asks why it rose, in words of its own
    went = re.search(WHERE_TO, text)
    direction = "up" if went and re.search(r"多|加|增|涨", went.group(0)) else None
    if went:
        text = text[:went.start()] + "|" + text[went.end():]
    for name, asked, _ in DIRECTIONS:
        m = asked.search(text.rstrip("?？。!！"))
        if m:
            direction = name
            text = text[:m.start()] + "|" + text[m.end():]
            break
    text = _ASKED_WITH.sub("|", text.replace("收支", "收入支出"))
    text = re.sub(r"[^\w\u4e00-\u9fff.%]+", "|", text)
    words: list[str] = []
    numbers: list[str] = []
    terms: list[tuple[str, ...]] = []
    engine = _jieba()
    for piece in re.split(r"\||的", text):
        term: list[str] = []
        for token in engine.lcut(piece) if piece else ():
            token = token.strip()
            if not token or token in _STOP_WORDS or not re.search(r"[\w\u4e00-\u9fff]", token):
                continue
            if _NUMBER_TOKEN.match(token):
                numbers.append(token.rstrip("%") + ("+" if token.rstrip("%") in rough else ""))
                continue
            if "车" in token and len(token) <= 2:
                token = "车辆"  # a bare 车 (那辆车, 2辆车) is what reports count as 车辆
            if len(token) == 1 and not re.match(r"[\u4e00-\u9fff]", token):
                continue
            term.append(token)
            if token not in words:
                words.append(token)
        if len(term) >= 2:
            terms.append(tuple(term))
    return Subject(tuple(words), tuple(numbers), key, direction, tuple(terms))


@dataclass(frozen=True)
class Quote:
    text: str  # the sentence(s) as printed, whole
    document: str
    page: int | None
    line: int | None
    section: str
    score: float


def _has(word: str, text: str) -> bool:
    """Whether `text` holds `word`, or every part of it (专项资金 in 专项预算资金)."""
    if word in text:
        return True
    if len(word) < 3:
        return False
    parts = [p for p in _jieba().cut_for_search(word) if len(p) >= 2 and p != word]
    if len(parts) < 2:
        return False
    # the parts in order, close together: 专项资金 in 专项预算资金, not 政务 … 公开 a clause apart
    pattern = ".{0,4}".join(re.escape(p) for p in parts)
    return bool(re.search(pattern, text))


def _listed_only(words: tuple[str, ...], said: str, within: str = r"包括|包含") -> bool:
    """Whether the asked words first appear after a 包括 / 包含 of the sentence (or what `within`
    says): an item of a list, not what the sentence is about."""
    first = min((said.find(w) for w in words if w in said), default=-1)
    include = re.search(within, said)
    return first >= 0 and include is not None and include.start() < first


def _printed_as(asked: str, printed: set[Decimal]) -> bool:
    """Whether a number the question gives is one the sentence prints, as printed or rounded or
    cut to the question's precision (515万元 for 515.05, 100% for 100.00%)."""
    if asked.endswith("+"):  # given roughly: cut every printed number to the asked one's last nonzero place
        number = Decimal(asked[:-1])
        zeros = len(asked[:-1]) - len(asked[:-1].rstrip("0")) if "." not in asked else 0
        step = Decimal(10) ** zeros
        return any((p // step) * step == number for p in printed)
    number = Decimal(asked)
    step = Decimal(1).scaleb(number.as_tuple().exponent)
    return any(p == number or p.quantize(step, rounding=ROUND_HALF_UP) == number
               or p.quantize(step, rounding=ROUND_DOWN) == number for p in printed)


def _numbers_in(text: str) -> set[Decimal]:
    return {Decimal(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


def _names_self(text: str, department: str) -> bool:
    """Whether a sentence speaks of the department itself: its name, the name without the places
    it opens with (数字经济发展中心), or 本部门 / 本单位 / 我局 …"""
    if department in text or re.search(r"本部门|本单位|我局|我办|我中心|我委|本局|本中心|本办|本委", text):
        return True
    tail = re.sub(r"^(?:[\u4e00-\u9fff]{1,6}?(?:省|市|自治区|区|县))+", "", department)
    return len(tail) >= 4 and tail in text


def quotes(subject: Subject, facet: str, passages: list[dict], department: str,
           ranked: list[tuple[str, str]] = ()) -> list[Quote]:
    """The sentences that say what is asked about `subject`, best first; [] when none holds every
    word of it and says what the facet asks (a reason, a use …).  `ranked` is the search's order
    of passages, as (document, text), used only to break ties between equally good sentences."""
    if subject.empty and facet not in ("founded", "nature", "duty"):
        return []
    marker = MARKERS.get(facet)
    says = next((says for name, _, says in DIRECTIONS if name == subject.direction), None)
    key = _plain(subject.key) if subject.key else None
    ranks = [(document, _plain(text)[:24]) for document, text in ranked]
    if facet == "why":
        passages = _with_single_items(passages)
    out: list[Quote] = []
    joined: set[str] = set()  # quotes of a whole read with its only item
    earlier: list[dict] = []  # the passages just before, in the same section
    next_lead = ""  # the last passage that is not a numbered item: what a list of items is ("主要职责是:")
    for p in passages:
        sentences = [s for s in _SPLIT.split(p["text"] or "") if s.strip()]
        earlier = [e for e in earlier if e["section"] == p["section"] and e["document"] == p["document"]][-2:]
        before = "".join(_plain(e["text"]) for e in earlier)
        earlier.append(p)
        section = _plain(p["section"] or "")
        own = section if p.get("cell") else ""  # a form's cell speaks of the project its form names
        whole = _plain(p["text"] or "")
        item = bool(_ITEM.match(whole))
        lead, heading = next_lead, None
        if not p.get("cell") and (not item or len(whole) <= 30 and whole.endswith(("。", ":"))):
            heading = whole  # what the items after it are: "…的主要职责是:", "(二)当年工作任务。"
        if facet in ("why", "use") and GLOSSARY.search(section):
            continue  # a glossary says what a term means in general, not this report's reason or use
        rank = next((r for r, (document, head) in enumerate(ranks)
                     if document == p["document"] and head and (head in whole or whole[:24] in head)), None)
        spans = _spans(sentences, facet, marker)
        if facet == "why" and p.get("reason") and sentences:
            spans = [(list(range(len(sentences))), None, None)] + spans  # a 偏差原因 cell, whole
        for chosen, told, stated in spans:
            if told is not None and subject.direction and _told_about(told) not in (None, subject.direction):
                continue  # a reason for another thing (决算数小于预算数的主要原因 … when asked about the change)
            said = _plain("".join(sentences[j] for j in chosen))
            near = own + said
            # the paragraphs before speak of what "该专项 / 此项目 / 上述…" refers to
            wide = section + (before if _REFERS_BACK.search(said) else "") + _plain("".join(sentences[:chosen[0]]))
            if facet in ("why", "nature", "founded", "list") and not marker.search(said) \
                    and not (facet == "why" and p.get("reason")):
                continue  # a form's 偏差原因 cell is a reason without saying 原因
            if facet == "duty" and not (marker.search(section) or item and marker.search(lead) and lead.endswith(":")):
                continue
            if key and key not in near and key not in wide:
                continue
            if subject.direction in ("up", "down", "above") and not says.search(said):
                continue  # asked why it rose: a sentence about a fall does not answer it
            if facet in ("founded", "nature") and subject.empty and not _names_self(said, department):
                continue
            if any(not _has(w, near) and not _has(w, wide) for w in subject.words if w not in _GENERIC_WORDS):
                continue
            if subject.numbers and not all(_printed_as(n, _numbers_in(near)) for n in subject.numbers):
                continue
            # the sentence itself must name the subject, before the reason or use it gives
            named = own + stated if stated is not None else near
            use = _SAYS_USE.search(said) if facet == "use" and stated is None else None
            if use:
                named = own + said[:use.start()]  # what a sentence says a use of is named before its 用于
            elif facet == "use" and not marker.search(said) and (_listed_only(subject.words, said)
                                                                 or not _USE_KIND.search(said)):
                # without 用于/主要是 a sentence says a use only by a kind's name (机要通信用车1辆), and not
                # where the thing is an item of what something includes (公用经费…主要包括:…公务用车运行维护费…)
                continue
            in_near = [w for w in subject.words if _has(w, named)]
            if subject.words and not in_near and not (key and key in named):
                continue
            if not subject.numbers and any(_broken(term, named) for term in subject.terms):
                continue  # the figure a question points at (那2000万元…) names its item itself
            score = 2.0 * sum(len(w) for w in in_near) + sum(len(w) for w in subject.words if w not in in_near)
            score += 4 if key and key in near else 0
            score -= 0.4 * sum(_qualified(w, named) for w in in_near) / max(1, len(in_near))
            score += 3 if says is not None and says.search(said) else 0
            score += 1 if any(w in section for w in subject.words) else 0
            score += 1 if facet == "use" and MARKERS["use"].search(near) else 0
            score += 0.5 if facet == "use" and _SAYS_USE.search(said) else 0  # 用于 says a use; 主要是 may be a reason
            score += 3 if facet == "duty" and item else 0  # a numbered item of the duties, not a sentence about them
            score -= 1.5 * sum(1 for w in _FUNDS_WORDS if w in said and not any(w in x for x in subject.words))
            score += 1.0 / (2 + rank) if rank is not None else 0
            score -= 2 if facet == "why" and not marker.search(said) else 0  # a cell under 偏差原因: a less sure reason
            # a reason for the whole a sentence opens with, the thing asked only an item of its use
            # (一般公共服务支出…主要用于…政协会议和委员视察等…主要原因是…): not that item's reason
            score -= 3 if facet == "why" and _listed_only(subject.words, named, r"包括|包含|主要用于|用于") else 0
            quote = "".join(sentences[j] for j in chosen).strip()
            out.append(Quote(quote, p["document"], p["page"], p["line"], p["section"] or "", score))
            if p.get("joined"):
                joined.add(quote)
        if heading is not None:
            next_lead = heading
    best: dict[str, Quote] = {}
    for q in out:  # the same sentence printed twice is one, cited where it is printed first
        if q.text not in best or q.score > best[q.text].score:
            best[q.text] = q
    # a quote that holds another as good one whole adds nothing to it
    kept = [q for q in best.values() if not any(o.text != q.text and o.text in q.text and o.score >= q.score
                                                 for o in best.values())]
    # nor does a whole read with its only item where the item answers by itself: the item, cited where it is
    kept = [q for q in kept if not (q.text in joined and any(o.text != q.text and o.text in q.text for o in kept))]
    return sorted(kept, key=lambda q: -q.score)


# a sentence that opens a breakdown (具体情况如下(按项级科目统计):, 其中:)
_LEADS_ITEMS = re.compile(r"(?:如下|其中)[^。:：]{0,16}[:：]$")


def _with_single_items(passages: list[dict]) -> list[dict]:
    """The passages, with a whole that a breakdown of one item explains (政府性基金支出515.05万元,
    具体情况如下: then only (一)2120899…515.05万元…主要原因是…) also read as one passage, the whole's
    sentence before its item's: the item's reason is the whole's.  Never for two items or more."""
    out: list[dict] = []
    for i, p in enumerate(passages):
        out.append(p)
        if not _LEADS_ITEMS.search((p["text"] or "").strip()):
            continue
        items = []
        for q in passages[i + 1:]:
            if q["document"] != p["document"] or q["section"] != p["section"] or not _ITEM.match(_plain(q["text"] or "")):
                break
            items.append(q)
        if len(items) == 1:
            out.append({**p, "text": (p["text"] or "").strip() + (items[0]["text"] or "").strip(), "joined": True})
    return out


def nearest(subject: Subject, passages: list[dict], k: int = 3) -> list[Quote]:
    """The sentences that hold most of what a question asks about (its words, by length, and its
    numbers), best first: what a refusal shows when no sentence says what was asked."""
    weight = sum(len(w) for w in subject.words) + 2 * len(subject.numbers)
    if not weight:
        return []
    out = []
    for p in passages:
        section = _plain(p["section"] or "")
        for sentence in (x for x in _SPLIT.split(p["text"] or "") if x.strip()):
            said = _plain(sentence)
            score = sum(len(w) for w in subject.words if _has(w, said) or _has(w, section))
            score += 2 * sum(_printed_as(n, _numbers_in(said)) for n in subject.numbers)
            if score * 2 >= weight and any(_has(w, said) for w in subject.words):
                out.append(Quote(sentence.strip(), p["document"], p["page"], p["line"], p["section"] or "", score))
    return sorted(out, key=lambda q: -q.score)[:k]


def _spans(sentences: list[str], facet: str, marker) -> list[tuple[list[int], str | None, str | None]]:
    """The runs of whole sentences a quote may be: one sentence; for a reason or a use, a sentence
    and the next one or two up to the one that gives it ("…增加1092.19万元。主要是新增…",
    "…增加0.39万元。当年决算数小于全年预算数的主要原因是…。当年决算数大于上年决算数的主要原因是…");
    a sentence that opens with 其中 / 该 / 此 with the one before it; a duty as its whole item.
    Each with what the reason says it explains (the words just before its marker) and everything
    before its marker (where the thing explained must be named), for a run that gives a reason."""
    if facet == "duty":
        return [(list(range(len(sentences))), None, None)] if len("".join(sentences)) <= 400 else \
            [([i], None, None) for i in range(len(sentences))]
    if facet == "use":  # a use may be said without 用于: "机要通信用车1辆、应急保障用车1辆"
        out = [([i - 1, i] if _ANAPHORA.match(_plain(x)) and i > 0 else [i], None, None)
               for i, x in enumerate(sentences)]
    else:
        out = []
    plain = [_plain(x) for x in sentences]
    for i in range(len(sentences)):
        first = [i - 1] if _ANAPHORA.match(plain[i]) and i > 0 else []
        if facet not in ("why", "use"):
            out.append((first + [i], None, None))
            continue
        for j in range(i, min(i + 3, len(sentences))):
            # every reason of the sentence: "…下降40.57%,主要原因:…;年末结转和结余0.00万元,…,主要原因:…"
            for m in marker.finditer(plain[j]):
                if j > i and _STATES_AMOUNT.search(plain[j][:m.start()]):
                    continue  # a later sentence that states its own figure gives the reason for that
                head = re.split(r"[,;:]", plain[j][:m.start()])
                told = head[-1] or (head[-2] if len(head) > 1 else "") or (
                    re.split(r"[,;:]", plain[j - 1].rstrip("。"))[-1] if j > i else "")
                before = "".join(plain[k] for k in first + list(range(i, j))) + plain[j][:m.start()]
                out.append((first + list(range(i, j + 1)), told, before))
    return out


_STATES_AMOUNT = re.compile(r"\d[\d,]*(?:\.\d+)?\s*(?:万元|元|亿元)")


_TOLD = (("below", re.compile(r"(?:小于|低于|少于|未达到?)(?:全年|年初|调整后)?预算|未完成|结余|偏差|使用率|执行率")),
         ("above", re.compile(r"(?:大于|高于|超过|超出)(?:全年|年初|调整后)?预算|超支")),
         ("up", re.compile(r"(?:大于|高于|多于)上年|增加|增长|上升|提高")),
         ("down", re.compile(r"(?:小于|低于|少于)上年|减少|下降|降低")))


_FILLER = re.compile(r"(?:年度|本部门|本单位|本级|全年|当年|本年|其中|我局|我中心|我办)$")


def _qualified(word: str, text: str) -> int:
    """How many characters qualify `word` where `text` names it best: 0 for "支出总计…" or
    "…,支出…", 12 for "机关事业单位职业年金缴费支出" — a word inside a longer name is another thing."""
    best = 10
    for m in re.finditer(re.escape(word), text):
        run = re.search(r"[\u4e00-\u9fff]*$", text[:m.start()]).group(0)
        while _FILLER.search(run):
            run = _FILLER.sub("", run)
        best = min(best, len(run))
    return best


# words that may stand inside a term as printed without making it another thing: 三公经费支出决算
_NEUTRAL = ("支出", "费用", "经费", "资金", "的", "数", "总额", "年度", "和", "与", "及")  # 和: a term asked whole (网络安全和等级保护)


def _broken(term: tuple[str, ...], text: str) -> bool:
    """Whether `text` names the last word of a term asked (支出 of 一般公共预算拨款支出) only as part
    of another thing: with something between it and the term's other words (一般公共预算拨款
    “三公”经费支出), or inside a longer name (提租补贴支出).  A qualifier before the whole term
    (…经费 of 经常性专项经费 asked as 专项经费) is no break."""
    head, others = term[-1], term[:-1]
    found = [m.start() for m in re.finditer(re.escape(head), text)]
    if not found:
        return False
    parts = {p for w in others for p in [w, *_jieba().cut_for_search(w)] if len(p) >= 2 or p == w}
    for start in found:
        run = re.search(r"[\u4e00-\u9fff]*$", text[:start]).group(0)
        consumed = False
        while True:  # the term's own words and neutral words just before the head are its own
            step = next((w for w in sorted(parts | set(_NEUTRAL), key=len, reverse=True) if run.endswith(w)), None)
            if step is None:
                break
            consumed = consumed or step in parts
            run = run[:-len(step)]
        while _FILLER.search(run):
            run = _FILLER.sub("", run)
        if not any(p in run for p in parts if len(p) >= 2) and (consumed or len(run) <= 2):
            return False  # this occurrence names the term whole (perhaps after a qualifier)
    return True


def _told_about(head: str) -> str | None:
    """What a reason explains, from the words just before it: a figure below or above its
    budget, or a rise or fall on the year before; None when they say neither."""
    return next((name for name, pattern in _TOLD if pattern.search(head)), None)


def table_passages(tables: list[dict], document: str) -> list[dict]:
    """The sentences tables print in their cells (a 绩效 form's 偏差原因, 资金使用管理情况 …) as
    passages, under the table's title, the project it names and the row's label."""
    out = []
    for table in tables:
        grid = table["grid"]
        project = ""
        title = table.get("title") or ""
        reasons: set[int] = set()  # the columns headed 偏差原因 / 未执行原因 …: their cells are reasons
        for row in grid:
            named = _form_project(row)  # a form's 项目名称 row; one grid may hold several forms one after another
            if named:
                project, reasons = named, set()
                title = (table.get("title") or "") + f" / {project}"
            labels = [compact(c["text"] or "") for c in row if c["text"] and len(compact(c["text"])) <= 12]
            texts = [compact(c["text"] or "") for c in row]
            heads = [i for i, t in enumerate(texts) if _HEADING_CELL.match(t)]
            if len(heads) >= 2 and not any(re.search(r"\d", t) for t in texts):
                # a header row: the columns it heads with 原因 (and the empty cells its merged heading
                # spans) until the next header row
                reasons = set()
                for i in (i for i in heads if "原因" in texts[i]):
                    j = i + 1
                    while j < len(texts) and not texts[j]:
                        j += 1
                    reasons.update(range(i, j))
            for i, cell in enumerate(row):
                text = (cell["text"] or "").strip()
                if len(re.findall(r"[\u4e00-\u9fff]", text)) >= 10 and re.search(r"[，,。；;]", text):
                    out.append({"cell": True, "document": document, "section": title + " / " + "".join(labels[:3]),
                                "text": clean_text(text), "page": cell.get("page"), "line": cell.get("line"),
                                "reason": i in reasons or any("原因" in label for label in labels)})
    return out


_HEADING_CELL = re.compile(r"^[\u4e00-\u9fff()（）]{2,20}$")  # a column's heading: a few words, no number
_PROJECT_LABEL = re.compile(r"^(?:项目?|专项)[^\u4e00-\u9fff]?(?:项|目)*[^\u4e00-\u9fff]?名称[:：]?")


def _form_project(row: list[dict]) -> str:
    """The project a 绩效 form's 项目名称 row names, its cells joined (a scanned form splits the label
    and the name over cells: 项目|名称|网络|安全和等级保|护建设：|经费); "" for any other row."""
    texts: list[str] = []
    for cell in row:
        text = compact(cell["text"] or "")
        if text and (not texts or texts[-1] != text):  # a merged cell repeats its text
            texts.append(text)
    label = _PROJECT_LABEL.match("".join(texts))
    if not label:
        return ""
    return re.sub(r"[^\w\u4e00-\u9fff()（）]", "", "".join(texts)[label.end():])


def clean_text(text: str) -> str:
    """A cell's text as one line (a PDF cell breaks its lines where the column is narrow)."""
    from domain.normalize import clean_line

    return clean_line(re.sub(r"\s*\n\s*", "", text))
