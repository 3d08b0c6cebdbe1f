"""Text normalisation applied before anything else reads a report.

Owns: NFKC folding (Kangxi radicals such as ⼀ ⼊ ⽀ become 一 入 支), punctuation folding,
whitespace clean-up of labels, and the parsing of a printed cell into a value: blank, dash,
number or text.  Numbers keep the text the report printed; the parsed number is a Decimal so
that 0.1 + 0.2 sums exactly.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"“”‘’（）《》、，。：；！？【】"
_SPACE_AROUND_CJK = re.compile(rf"(?<=[{_CJK}{_CJK_PUNCT}])\s+|\s+(?=[{_CJK}{_CJK_PUNCT}])")
_MULTI_SPACE = re.compile(r"[ \t\u3000\xa0]+")

# NFKC turns full-width ASCII into ASCII but also turns Chinese punctuation that reports use on
# purpose into ASCII; these keep their Chinese form so labels read as printed.
_KEEP_AFTER_NFKC = str.maketrans({"(": "（", ")": "）", ":": "："})


# CJK Radicals Supplement code points have no NFKC mapping, yet PDF fonts emit them for the
# ordinary characters (部⻔ for 部门).  Simplified and common forms seen in reports:
_RADICALS = str.maketrans({
    "⺠": "民", "⻔": "门", "⻓": "长", "⻰": "龙", "⻅": "见", "⻋": "车", "⻆": "角", "⻛": "风",
    "⻘": "青", "⻝": "食", "⻩": "黄", "⻬": "齐", "⻚": "页", "⻢": "马", "⺰": "纟", "⻑": "長",
    "⻨": "麦", "⻖": "阝", "⻣": "骨", "⻉": "贝", "⻈": "讠", "⻜": "飞", "⻥": "鱼", "⻦": "鸟",
    "⻄": "西", "⻁": "虎", "⺟": "母", "⻙": "韦", "⻤": "鬼", "⻡": "首", "⻭": "齿", "⻐": "钅",
    "⻟": "饣", "⺁": "厂", "⺇": "几", "⺌": "小", "⺩": "王", "⺮": "竹", "⻊": "足", "⺶": "羊",
})


# Kangxi radicals whose NFKC form is the traditional character, where reports print the
# simplified one (⼾ → 戶 under NFKC, 户 in the report); long dashes that PDF fonts draw as one glyph.
_KANGXI_SIMPLIFIED = str.maketrans({"⸺": "——", "⸻": "———",  # two- and three-em dashes: fonts' form of ——
                                    "⼾": "户", "⾨": "门", "⾧": "长", "⾙": "贝", "⾞": "车",
                                    "⾒": "见", "⾴": "页", "⾵": "风", "⾺": "马", "⿓": "龙", "⻌": "辶"})


def nfkc(text: str) -> str:
    """Unicode NFKC, CJK radicals to characters, no zero-width characters or soft hyphens."""
    text = unicodedata.normalize("NFKC", text.translate(_KANGXI_SIMPLIFIED)).translate(_RADICALS)
    return text.replace("\u200b", "").replace("\ufeff", "").replace("\xad", "")


def clean_line(text: str) -> str:
    """A line of running text: NFKC, collapsed spaces, no spaces between Chinese characters."""
    text = nfkc(text).replace("\t", " ")
    text = _MULTI_SPACE.sub(" ", text).strip()
    return _SPACE_AROUND_CJK.sub("", text)


def clean_label(text: str | None) -> str:
    """A table label (header, row name): like clean_line, with full-width brackets and colons."""
    if not text:
        return ""
    # a cell wrapped onto several lines: the break is a space only between two ASCII words
    text = re.sub(r"(?<=[A-Za-z0-9])\n(?=[A-Za-z0-9])", " ", text).replace("\n", "")
    text = clean_line(text)
    text = text.translate(_KEEP_AFTER_NFKC)
    return text.strip()


# a year as people write it: 2023年, 2023年度, 2023度 or the bare 2023 (机关运行经费2023), never the
# digits inside a longer number (a subject code 2010601, an amount 12023.5)
YEAR_WORDS = r"(?<![\d.])(?:19|20)\d{2}(?![\d.])(?:年度|年|度)?"


# a bracket that says how the answer is wanted, not what it is of: 增长了多少（百分比）, 是多少（万元）, ()
ASKING_GLOSS = re.compile(r"[(（](?:百分比|百分数|百分率|%|万元|元|金额|比例|增幅|幅度|数字|数额|单位[^()（）]{0,6})?[)）]")


def compact(text: str) -> str:
    """A label with every space removed: the key used to compare labels across documents."""
    return re.sub(r"\s+", "", clean_label(text))


# --- values -------------------------------------------------------------------------------

DASHES = {"-", "—", "–", "－", "——", "--", "/", "—-", "-—", "―"}

# "292. 90" (OCR space after the point), "1,238.58", "-3.20", "(3.20)", "12.5%".
_NUMBER = re.compile(
    r"^(?P<sign>[-−+]?)\s*(?P<int>\d{1,3}(?:[,，]\s?\d{3})+|\d+)(?:\s*\.\s*(?P<frac>\d+))?\s*(?P<pct>%?)$"
)


@dataclass(frozen=True)
class Value:
    """A printed cell read as a value.

    state: "blank" (nothing printed), "dash" (a dash printed for nil), "number", or "text".
    text: what the report printed, normalised (NFKC, OCR spaces inside numbers removed).
    """

    state: str
    text: str
    number: Decimal | None = None
    percent: bool = False


BLANK = Value("blank", "")


def parse_value(raw: str | None) -> Value:
    """Read one printed cell.  None (a merged cell) and "" are both blank here; the caller keeps
    merged cells apart where that matters (the raw grid is stored as printed)."""
    if raw is None:
        return BLANK
    text = clean_label(raw)
    if not text:
        return BLANK
    if text in DASHES:
        return Value("dash", text)
    m = _NUMBER.match(text.replace("−", "-"))
    if m:
        digits = re.sub(r"[,，\s]", "", m.group("int"))
        frac = m.group("frac")
        number_text = digits + ("." + frac if frac is not None else "")
        try:
            number = Decimal(number_text)
        except InvalidOperation:  # pragma: no cover - regex admits only digits
            return Value("text", text)
        if m.group("sign") == "-":
            number = -number
        printed = re.sub(r"\s+", "", text)
        return Value("number", printed, number, bool(m.group("pct")))
    if len(text) > 2 and text[0] in "(（" and text[-1] in ")）":
        inner = parse_value(text[1:-1])
        if inner.state == "number" and inner.number is not None:
            return Value("number", text, -inner.number, inner.percent)
    return Value("text", text)


def is_amount(raw: str | None) -> bool:
    """True for a printed number with a decimal point or thousands separator: an amount, not a
    code, a row number or a year."""
    v = parse_value(raw)
    return v.state == "number" and ("." in v.text or "," in v.text or "，" in v.text)


_CODE_JUNK = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})


def code_digits(raw: str | None) -> str:
    """The digits of a subject-code cell ("2080 0501" -> "20800501"); "" if the cell holds
    anything but digits and spaces (after folding O/o/l/I, which OCR confuses with 0 and 1)."""
    if not raw:
        return ""
    text = nfkc(raw).strip().translate(_CODE_JUNK)
    if not re.fullmatch(r"[\d\s]+", text):
        return ""
    return re.sub(r"\s+", "", text)


# --- amounts written in Chinese numerals (what people type: 一千二百多万, 百分之五十七) --------

_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_MAGNITUDE = {"十": 10, "百": 100, "千": 1000}
# a numeral run that states an amount: it opens with a digit or 十, holds a magnitude (十百千) or
# stands before 万/亿, and is followed by what amounts are counted in.  A run before anything else
# (一般, 三公, 十三五, 哪一个) is a word, not an amount.
_NUMERAL_AMOUNT = re.compile(r"([一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*)(多|余|来)?"
                             r"(?=万|亿|元|个|名|人|辆|台|套|项|次|家|倍|%)")
_PERCENT_WORDS = re.compile(r"百分之([零〇一二两三四五六七八九十百]+)(点[零〇一二三四五六七八九]+)?")
_TENTHS = re.compile(r"(?<![\u4e00-\u9fff])([一二两三四五六七八九])成(?=多|左右|以上|以下|[,，。？?！!]|$)|(?<=[了到近约超过])([一二两三四五六七八九])成")


def _numeral(run: str) -> int | None:
    total, digit = 0, None
    for ch in run:
        if ch in _DIGIT:
            if digit is not None and digit != 0:
                return None  # two digits in a row (一二): not a number as people write amounts
            digit = _DIGIT[ch]
        else:
            total += (1 if digit is None else digit) * _MAGNITUDE[ch]
            digit = None
    return total + (digit or 0)


def arabic_amounts(text: str) -> str:
    """`text` with the amounts it writes in Chinese numerals written in digits, the rest as it
    was: 少了一千二百多万 → 少了1200多万, 涨了百分之五十七 → 涨了57%, 三千万元 → 3000万元,
    降了八成多 → 降了80%多."""
    def amount(m: re.Match) -> str:
        run = m.group(1)
        if not (set(run) & set(_MAGNITUDE)) and not text.startswith(("万", "亿"), m.end()):
            return m.group(0)
        value = _numeral(run)
        return m.group(0) if value is None else f"{value}{m.group(2) or ''}"

    def percent(m: re.Match) -> str:
        value = _numeral(m.group(1))
        if value is None:
            return m.group(0)
        decimals = "".join(str(_DIGIT[c]) for c in (m.group(2) or "")[1:])
        return f"{value}{'.' + decimals if decimals else ''}%"

    def tenths(m: re.Match) -> str:  # 八成 is 80%
        return f"{_DIGIT[m.group(1) or m.group(2)] * 10}%"

    return _NUMERAL_AMOUNT.sub(amount, _TENTHS.sub(tenths, _PERCENT_WORDS.sub(percent, text)))


def held_stretch(text: str, start: int, end: int, names) -> str:
    """text[start:end] grown one character at a time, left then right, while one of `names` still
    holds it: the longest stretch around it that a printed name holds."""
    held = [n for n in names if text[start:end] in n]
    while start > 0 and any(text[start - 1:end] in n for n in held):
        start -= 1
    while end < len(text) and any(text[start:end + 1] in n for n in held):
        end += 1
    return text[start:end]


def without_shared(question: str, label: str, least: int = 4) -> str:
    """The question with every stretch of at least `least` characters it shares with the label cut out."""
    while True:
        best = ""
        for i in range(len(question)):
            for j in range(i + max(least, len(best) + 1), len(question) + 1):
                if question[i:j] in label:
                    best = question[i:j]
                else:
                    break
        if not best:
            return question
        question = question.replace(best, "|")


def covered(text: str, within: str) -> int:
    """How many characters of the text lie in stretches of two or more that `within` also holds."""
    marks = [False] * len(text)
    for i in range(len(text)):
        for j in range(len(text), i + 1, -1):
            if text[i:j] in within:
                for k in range(i, j):
                    marks[k] = True
                break
    return sum(marks)
