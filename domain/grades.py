"""The grade words 绩效 forms print (评价等级, or the word of the 总分 row): 优秀 / 良好 / 优 / 良 /
中 / 合格 / 差 / 不合格, in quotes or not.  Answers list projects by them; checks hold a score
against the band of its grade."""
from __future__ import annotations

import re

GRADE_WORD = re.compile(r"[“\"'‘]?(优秀|良好|优|良|中|合格|差|不合格)[”\"'’]?")
