"""When two printed names are one department across years: `department_key`.

Reports of one department print its name in several forms from year to year and from file to
file (the narrative 江苏省委办公厅, the tables 中共江苏省委办公厅 one year and
中国共产党江苏省委员会办公厅 another).  The key is the name reduced to one form, derived where the
forms are the official full and short forms of the same words:

- the party: 中国共产党 P 委员会 … → P 委 … and 中共 P … → P … (省委 / 市委 / 区委 already say party;
  中共上海市普陀区委社会工作部 → 上海市普陀区委社会工作部);
- the CPPCC: 中国人民政治协商会议 P 委员会 … → P 政协 …;
- the people's congress: 人民代表大会常务委员会 → 人大常委会, 人民代表大会 → 人大;

where P is a place printed before its level word (江苏省, 南京市, 普陀区 …).  Nothing else is
shortened: a short form people use in questions (省检察院, 江苏省人大办公厅) reaches the printed
name through `index.departments` (its characters in order), never by grouping reports under it.

`ALIASES` is the documented table for the few names that are not derived: a department renamed
by an official decision, or a short form a report prints in place of its full name.  Each entry
says where it was seen.  A name maps to the form it is grouped under; the answer still says the
name as printed in that year's report.
"""
from __future__ import annotations

import re

# (name as printed or published, the form it is one department with, where it is seen)
ALIAS_TABLE: tuple[tuple[str, str, str], ...] = (
    ("江苏省人大办公厅", "江苏省人大常委会办公厅",
     "the publisher's name for the office of the standing committee (budget/jiangsu folder and file names); "
     "its 2017 report prints 省人大办公厅 beside 江苏省人大常委会办公厅"),
)
ALIASES = {printed: same for printed, same, _ in ALIAS_TABLE}

_PLACE = r"[\u4e00-\u9fff]{1,8}?(?:自治区|自治州|省|市|州|盟|地区|县|区|旗)"
_PARTY_FULL = re.compile(rf"^中国共产党({_PLACE})委员会")
_PARTY_SHORT = re.compile(rf"^(?:中共|中国共产党)(?={_PLACE})")
_CPPCC = re.compile(rf"^中国人民政治协商会议({_PLACE})委员会")
_CONGRESS = (("人民代表大会常务委员会", "人大常委会"), ("人民代表大会", "人大"))


def department_key(name: str | None) -> str | None:
    """One form for every printed form of a department's name (see the module's docstring)."""
    if not name:
        return name
    key = ALIASES.get(name, name)
    key = _PARTY_FULL.sub(r"\1委", key)
    key = _PARTY_SHORT.sub("", key)
    key = _CPPCC.sub(r"\1政协", key)
    for full, short in _CONGRESS:
        key = key.replace(full, short)
    return ALIASES.get(key, key)


def same_department(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and department_key(a) == department_key(b)
