"""The grade words 绩效 forms print (评价等级, or the word of the 总分 row): 优秀 / 良好 / 优 / 良 /
中 / 合格 / 差 / 不合格, in quotes or not.  Answers list projects by them; checks hold a score
against the band of its grade."""
from __future__ import annotations

import re

GRADE_WORD = re.compile(r"[“\"'‘]?(优秀|良好|优|良|中|合格|差|不合格)[”\"'’]?")

# a grade a sentence or question names: after 是 / 为 / 评 / 等级, or in quotes (“良”); a grade
# character inside another word (中心, 其中, 中央) is not one
_NAMED_AFTER = re.compile(r"(?:是|为|评了?|等级|等次|得了?)[“\"'‘]?(优秀|良好|优|良|中|合格|差)(?![心国间期央等])")
_NAMED_QUOTED = re.compile(r"[“\"'‘](优秀|良好|优|良|中|合格|不合格|差)[”\"'’]")


def grade_named(text: str) -> str | None:
    """The grade word `text` (normalised) names, or None."""
    m = _NAMED_AFTER.search(text) or _NAMED_QUOTED.search(text)
    return m.group(1) if m else None
