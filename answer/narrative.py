"""Counts the narrative states in words: 在职人员7人, 公务用车保有量为2辆, 接待19批次.

Only for questions that ask for a count (人, 人次, 辆, 批次, 个 …): a sentence of the report's
passages qualifies when it prints a number followed by the asked unit and shares the question's
topic words; the answer is that number as printed, cited with the sentence.  Several sentences
giving different numbers, or none, is not an answer.

Below that, `asked_count` / `stated_count`: a count of a named thing only a sentence states
(把多少条热线归并进了12345 → "…32条热线通过…归并至12345…"): the number printed right before the
counter and the thing, in a sentence holding the question's other words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from domain.grades import grade_named
from domain.normalize import compact

# the units a count question can ask for, and how the report prints them
UNIT_PATTERNS = {
    "人": r"人(?!次|民|员|大)|名(?![称单义额字录次])",
    "人次": r"人次",
    "辆": r"辆",
    "count": r"(?:批次|个|次|项|台|套)(?!数)",
}
# words that say what is counted; a qualifying sentence must share one with the question
TOPICS = ("在职", "编制", "离退休", "退休", "人员", "车", "接待", "出国", "团组", "项目", "设备", "单位", "会议", "培训")


@dataclass(frozen=True)
class NarrativeFigure:
    value: str
    unit: str
    sentence: str
    document: str
    page: int | None
    line: int | None


def count_from_narrative(question: str, unit: str, passages: list[dict], qualified: bool = True) -> list[NarrativeFigure]:
    """Qualifying sentences, best first; the caller answers only when they agree."""
    text = compact(question)
    asked_unit = "人次" if "人次" in text else unit
    counted = UNIT_PATTERNS.get(asked_unit, UNIT_PATTERNS["count"])
    counter = _COUNTER.search(text) if asked_unit == "count" else None
    if counter:  # 多少台服务器 is counted in 台 (or 台（套）), not in the 个 of another count
        counted = _COUNTERS[counter.group(1)]
    pattern = re.compile(r"(\d+(?:\.\d+)?)\s*(" + counted + ")")
    topics = [t for t in TOPICS if t in text]
    if not topics:
        return []
    # the question's words that say which of the things counted (执法执勤用车 of 车辆, the unit named)
    specific = text
    for word in topics + list(_QUALIFIERS):
        specific = specific.replace(word, "|")
    # a count of projects by grade (几个被评为“中”): only a count its own clause grades so
    grade = grade_named(text) if re.search(r"自评|评价|等级|等次|评为", text) else None
    kinds = [k for k in _PEOPLE_KINDS if k in text]
    out = []
    for p in passages:
        for sentence in re.split(r"(?<=[。；;！？])", p["text"]):
            whole = compact(sentence)
            if grade:
                out += [NarrativeFigure(m.group(1), m.group(2), sentence.strip(), p["document"], p["page"], p["line"])
                        for m in pattern.finditer(whole) if grade_named(re.split(r"[,，;；。、]", whole[m.end():])[0]) == grade]
                continue
            named = _named_count(whole, pattern, specific)
            # else the count a sentence states comes before its breakdown (其中：…)
            s = whole if named else whole.split("其中")[0]
            if not any(t in s for t in topics):
                continue
            m = named or next((m for m in pattern.finditer(s) if any(t in s[max(0, m.start() - 14):m.start()]
                                                                   for t in topics)), None)
            if m is None:
                continue
            if kinds and not all(k in _own_clause(s, m) for k in kinds):
                # a kind of staff asked (离退休人员) is the count its own clause names, not the
                # sentence's first count (实际在编在职人员274名,离退休人员150名): named before the
                # count, else right after it (…办公室9名在职人员)
                # (its breakdown too: 人员编制数16人,其中实有人数8人,在职人数:6人)
                s = whole
                m = next((o for side in (0, 1) for o in pattern.finditer(s)
                          if all(k in _own_clause(s, o).split("|")[side] for k in kinds)), None)
                if m is None:
                    continue
            before = s[max(0, m.start() - 14):m.start()]
            if re.search(r"购置|购买|新增|减少|增加", before) and not re.search(r"购|买|新增|减少|增加", text):
                continue  # bought or added this year is not how many there are
            out.append(NarrativeFigure(m.group(1), m.group(2), sentence.strip(), p["document"], p["page"], p["line"]))
    # a count of posts (编制), of staff in post (在职) or of the retired is another quantity than a
    # count of people: only a sentence that says the kind asked (辞职安置人员50人 is no 在职人员)
    if kinds:
        out = [f for f in out if all(k in compact(f.sentence) for k in kinds)]
    # "年末在职人员" asks for the sentence that says 年末, not another count of staff
    qualifiers = [q for q in _QUALIFIERS if q in text]
    said = [f for f in out if qualified and qualifiers and all(q in compact(f.sentence) for q in qualifiers)]
    return said or out


_PEOPLE_KINDS = ("编制", "在职", "离退休", "退休")
_QUALIFIERS = ("年末", "年初", "实有", "本级", "编制")
# the counter a count question names, and the counters a report may print that count with it
_COUNTERS = {"台": r"台|套", "套": r"套|台", "个": r"个(?!数)", "项": r"项|个(?!数)", "次": r"批次|次", "批次": r"批次|次",
             "批": r"批次|批"}
_COUNTER = re.compile(r"(?:多少|几)(批次|台|套|个|项|次|批)")


def _own_clause(sentence: str, m: re.Match) -> str:
    """The words of a count's own clause: back to the last comma, 、 or earlier number, and on to
    the next (…办公室9名在职人员, 实际在编在职人员274名)."""
    before = re.split(r"[,，、;；]|\d", sentence[:m.start()])[-1]  # (a colon binds its label: 在职人数:6人)
    return before + "|" + re.split(r"[,，、;；:：。]|\d", sentence[m.end():])[0]


def _named_count(sentence: str, pattern: re.Pattern, specific: str):
    """The count of a sentence whose own clause (back to the last comma or 、) names what the
    question's specific words name — four characters or more in common (执法执勤用车40辆 for 执法执勤用车,
    南京中国近代史…办公室在职10名 for 近代史遗址博物馆…): the best such, when one is best."""
    scored = []
    for m in pattern.finditer(sentence):
        clause = re.split(r"[,，、;；:：]", sentence[:m.start()])[-1]
        scored.append((_shared(clause, specific), m))
    if not scored:
        return None
    best = max(n for n, _ in scored)
    top = [m for n, m in scored if n == best]
    return top[0] if best >= 4 and len(top) == 1 else None


def _shared(a: str, b: str) -> int:
    """The length of the longest stretch of `a` found in `b`."""
    return max((j - i for i in range(len(a)) for j in range(i + 2, len(a) + 1) if a[i:j] in b), default=0)


# --- a count asked of a thing the report counts only in prose: 32条热线, 引进企业5家 ------------------

# "多少条热线", "几家企业": the counter and the thing counted, as the question asks them
_ASKED_COUNT = re.compile(r"(?:多少|几)(?P<counter>条|项|家|场|篇|件|期|所|座|个|次|批)(?P<thing>[\u4e00-\u9fff]{2,12})")


def asked_count(question: str) -> tuple[str, str, str] | None:
    """(counter, the word counted, the question's other words) when a question asks how many of a
    named thing (把多少条热线归并进了… → 条, 热线, 把归并进了…); None otherwise."""
    from index.tokens import engine

    m = _ASKED_COUNT.search(compact(question))
    if m is None:
        return None
    words = [w for w in engine().lcut(m.group("thing")) if w.strip()]
    thing = words[0] if words and len(words[0]) >= 2 else None
    if thing is None:
        return None
    text = compact(question)
    return m.group("counter"), thing, text[:m.start()] + "|" + text[m.end("counter") + len(thing):]


def stated_count(counter: str, thing: str, words: list[str], numbers: list[str],
                 passages: list[dict]) -> list[NarrativeFigure]:
    """The sentences that print a number with the counter right before the thing counted (32条热线)
    and hold every other word and number the question asks with (归并, 12345), in reading order."""
    pattern = re.compile(rf"(\d+)\s*{counter}\s*{re.escape(thing)}")
    out = []
    for p in passages:
        for sentence in re.split(r"(?<=[。！？])", p["text"] or ""):
            s = compact(sentence)
            if any(w not in s for w in words) or any(n not in s for n in numbers):
                continue
            # every count of the thing the sentence prints (6家企业获评…, 8家企业获评…: the caller refuses)
            out += [NarrativeFigure(m.group(1), counter, sentence.strip(), p["document"], p["page"], p["line"])
                    for m in pattern.finditer(s)]
    return out


# --- a named project's score the narrative states: “X”项目综合得分为94.49分, X专项自评得分为 90 分 ----

_SCORE = re.compile(r"得分(?:为|是)?(\d+(?:\.\d+)?)分")
_QUOTED_NAME = re.compile(r"[“\"]([^”\"]{2,60})[”\"]")
_NAME_TAIL = re.compile(r"(?:项目|专项)*(?:绩效)?(?:自评价|自评|评价|综合)*$")


def stated_scores(question: str, passages: list[dict]) -> list[NarrativeFigure]:
    """The scores the narrative states of a project the question names, in reading order: the
    project is the nearest quoted name before the score in its sentence, else the clause's own
    words before 得分 (without 项目, 专项, 绩效, 自评 …); a name of fewer than 4 characters, or one
    the question does not hold whole, names no project asked (本项目绩效自评得分 95 分)."""
    asked = compact(question).replace("“", "").replace("”", "").replace('"', "")
    named = [q for q in _QUOTED_NAME.findall(compact(question)) if len(q) >= 4]  # “赣服通5.0版…” asked in quotes
    out = []
    for p in passages:
        for sentence in re.split(r"(?<=[。；;！？])", p["text"] or ""):
            s = compact(sentence)
            for m in _SCORE.finditer(s):
                before = s[:m.start()]
                quoted = _QUOTED_NAME.findall(before)
                name = quoted[-1] if quoted else _NAME_TAIL.sub("", re.split(r"[,，:：;；、]", before)[-1])
                name = re.sub(r"^(?:(?:19|20)\d{2}年度?)+", "", name)
                if len(name) >= 4 and (name in asked or any(q in name for q in named)):
                    out.append(NarrativeFigure(m.group(1), "分", sentence.strip(), p["document"], p["page"], p["line"]))
    return out


# --- a share the narrative prints: “…因公出国(境)费支出222.5万元,占“三公”经费的8.75%” -------------------

_PRINTED_SHARE = re.compile(r"占(?:了)?(?P<whole>[^,，;；。]{2,24}?)(?:总额|总数)?的?(?:比重|比例)?(?:为|是)?(?P<pct>\d+(?:\.\d+)?)%")


def stated_share(part: str, whole: str, passages: list[dict]) -> list[NarrativeFigure]:
    """The shares a sentence prints of the part in the whole: "占<whole>的N%" with the part's words
    in the forty characters before 占 and the whole's words (quotes aside) in what it is 占 of."""
    def bare(text: str) -> str:
        return re.sub(r"[“”\"'‘’()（）]", "", compact(text))

    part, whole = bare(part), bare(whole)
    out = []
    for p in passages:
        for sentence in re.split(r"(?<=[。；;！？])", p["text"] or ""):
            s = bare(sentence)
            for m in _PRINTED_SHARE.finditer(s):
                before = s[max(0, m.start() - 40):m.start()]
                if part and part in before[before.rfind(part):] and whole and whole in m.group("whole") \
                        and not any(other in before[before.rfind(part) + len(part):] for other in ("占",)):
                    out.append(NarrativeFigure(m.group("pct"), "%", sentence.strip(), p["document"], p["page"],
                                               p["line"]))
    return out
