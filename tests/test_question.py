"""The question parsed once (answer/question.py), on generated variations: every department ×
short form × year placement × quotes × punctuation names that department and that year, and
never swallows its neighbours; tables by title or code are exact kinds; operations and units."""
import itertools
import re
from dataclasses import dataclass, field

import pytest

from answer.question import parse
from index.departments import _subsequence

DEPARTMENTS = [
    "泉州市数字泉州建设办公室", "晋城市大数据应用局", "福州市“智慧福州”管理服务中心", "晋江市经信部门",
    "九江市浔阳区数字经济发展中心", "上海市普陀区财政局", "上海市普陀区规划和自然资源局", "中共上海市普陀区委社会工作部",
    # made up, of other provinces and layouts
    "青岚市数字经济发展中心", "江苏省人大常委会办公厅", "广西壮族自治区南宁市青秀区教育局", "黑龙江省农业农村厅",
]
FISCAL = ["三公经费", "本年支出合计", "基本支出", "差旅费", "财政拨款", "支出", "收入", "经费", "多少"]


@dataclass
class Catalog:
    departments: list = field(default_factory=lambda: sorted(DEPARTMENTS))
    fiscal_words: list = field(default_factory=lambda: FISCAL)
    units: dict = field(default_factory=dict)
    labels: list = field(default_factory=list)


def short_forms(name: str) -> list[str]:
    """The printed name, without its leading place, and in-order shortenings people write."""
    from index.departments import short_names

    forms = {name, short_names(DEPARTMENTS)[name]}
    forms.add(re.sub(r"[省市区县]", "", name, count=2))  # 上海普陀财政局
    return sorted(f for f in forms if len(f) >= 4)


YEARS = ["{d}{y}年{i}", "{y}年{d}{i}", "{y}年度{d}{i}", "{d}{y}年度的{i}", "{i}{y}年{d}", "{d}{i}"]
QUOTES = ["“{q}”", "\"{q}\"", "「{q}」"]
ITEMS = ["三公经费是多少？", "“三公”经费一共多少", "本年支出合计，是多少?", "的差旅费、是多少"]


def cases():
    for name in DEPARTMENTS:
        for form, year, item in itertools.product(short_forms(name), YEARS, ITEMS):
            yield name, form, year, item


@pytest.mark.parametrize("name, form, year, item", list(cases()))
def test_every_department_short_form_and_year_placement_is_read(name, form, year, item):
    text = year.format(d=form, y=2023, i=item)
    q = parse(text, Catalog())
    fits = [n for n in DEPARTMENTS if _subsequence(form, n)]
    if len(fits) == 1:
        assert q.departments == (name,), (text, q.departments, q.span)
    else:  # a shortening that fits several names is ambiguous, with each of them as an option
        assert set(q.departments) == set(fits), (text, q.departments)
    assert q.years == ((2023,) if "{y}" in year else ())
    assert q.unknown is None, (text, q.unknown)
    # (quotes only where the name prints them: 福州市“智慧福州”管理服务中心 named whole)
    assert "年度" not in q.span and "2023" not in q.span and ("“" not in q.span or q.span in name)


@pytest.mark.parametrize("name", DEPARTMENTS)
@pytest.mark.parametrize("quote", QUOTES)
def test_a_quoted_project_name_is_no_unknown_organisation(name, quote):
    text = f"{name}2023年" + quote.format(q="某某市政府网站及网站群费用") + "项目全年执行数是多少"
    assert parse(text, Catalog()).unknown is None


@pytest.mark.parametrize("text, org", [("北京市教育局2023年差旅费是多少", "北京市教育局"),
                                       ("“北京市教育局”差旅费", "北京市教育局"),
                                       ("2022年度杭州市西湖区财政局三公经费", "杭州市西湖区财政局")])
def test_an_organisation_the_index_lacks_is_named_whole(text, org):
    q = parse(text, Catalog())
    assert q.unknown == org and q.departments == ()


@pytest.mark.parametrize("title, kind", [
    ("财政拨款收入支出决算总表", "财政拨款收入支出决算总表"), ("收入支出决算总表", "收入支出决算总表"),
    ("收支决算总表", "收入支出决算总表"), ("支出决算表", "支出决算表"), ("收入决算表", "收入决算表"),
    ("一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表"), ("基本支出决算表", "基本支出决算表"),
    ("政府性基金预算财政拨款收入支出决算表", "政府性基金预算财政拨款收入支出决算表"),
])
@pytest.mark.parametrize("frame", ["{t}里{d}2023年的合计是多少", "{d}{t}中合计是多少", "{d}2023年“{t}”的总计"])
def test_a_table_named_by_title_is_that_kind_and_no_other(title, kind, frame):
    q = parse(frame.format(t=title, d="晋城大数据局"), Catalog())
    assert q.table_kind == kind and q.table_title == title
    assert q.departments == ("晋城市大数据应用局",)


@pytest.mark.parametrize("text, code", [("公开04表里的合计", "公开04表"), ("公开 4 表", "公开04表"), ("公开12表", "公开12表")])
def test_a_table_code(text, code):
    assert parse(text, Catalog()).table_code == code


@pytest.mark.parametrize("text, code", [("2010350事业运行", "2010350"), ("“行政运行”（201 06 01）", "2010601"),
                                        ("20106 财政事务", "20106"), ("2023年的201类支出", "201"), ("2023年支出", None)])
def test_a_subject_code_and_never_a_year(text, code):
    assert parse(text, Catalog()).subject_code == code


@pytest.mark.parametrize("text, operation", [
    ("泉州数字办三公经费为什么比上年增加？", "why"), ("哪个单位的差旅费最多", "rank"), ("从高到低排一下", "rank"),
    ("人均人员经费是多少", "per_person"), ("服务类占了多少比例", "share"), ("与上年相比增加还是减少", "change"),
    ("比上年多还是少", "change"), ("预算和执行数差了多少", "difference"), ("还剩多少没执行", "difference"),
    ("差旅费和会议费加起来是多少", "sum"), ("有哪些单位", "list"), ("是什么性质的单位", "text"),
    ("三公经费支出合计是多少", "lookup"), ("年末结转和结余有多少", "lookup"),
    ("平均每个项目的自评得分", "average"), ("项目绩效自评平均得分", "average"), ("平均每人多少", "per_person"),
    ("机关运行经费和2023年比是增是减", "change"), ("收支比上年增长100%，怎么解释的", "why"),
    ("各类支出按金额从大到小排个序", "rank"), ("这三项支出比大小", "rank"), ("三个项目自评分谁高谁低", "rank"),
])
def test_the_operation(text, operation):
    assert parse(text, Catalog()).operation == operation


@pytest.mark.parametrize("text, unit", [("自评总分是多少", "分"), ("在职人员有几个人", "人"), ("有几辆车", "辆"),
                                        ("占比多少", "%"), ("接待了多少批次", "count"), ("三公经费是多少", None),
                                        ("年末在职人员有几个", "人"), ("人员经费是多少", None), ("资产总额是多少元", "元"),
                                        ("差旅费多少万元", None), ("因公出国团组数是多少", "count")])
def test_the_unit_an_answer_must_carry(text, unit):
    assert parse(text, Catalog()).unit == unit


@pytest.mark.parametrize("joiner", ["和", "与", "及", "以及", "、"])
def test_a_department_joined_in_a_list_is_no_unknown_organisation(joiner):
    text = f"2023年泉州数字办{joiner}九江市浔阳区数字经济发展中心的本年支出合计哪个多"
    assert parse(text, Catalog()).unknown is None


@pytest.mark.parametrize("text, years", [("2024年初结转和结余", (2024,)), ("截至2023年底有几辆车", (2023,)),
                                         ("2023年末资产总额", (2023,)), ("2022年度收入", (2022,))])
def test_a_year_before_年初_or_年末_is_read_and_leaves_the_row_its_words(text, years):
    q = parse(text, Catalog())
    assert q.years == years and q.unknown is None


@pytest.mark.parametrize("lead", ["为什么", "为何", "请问", "关于", "想问一下", "帮我查一下"])
@pytest.mark.parametrize("name", ["江苏省人大常委会办公厅", "晋城市大数据应用局", "上海市普陀区财政局", "黑龙江省农业农村厅"])
def test_a_word_the_question_opens_with_is_no_part_of_the_name(lead, name):
    for form in short_forms(name):
        q = parse(f"{lead}{form}2023年基本支出比上年少了", Catalog())
        fits = [n for n in DEPARTMENTS if _subsequence(form, n)]
        assert name in q.departments and len(q.departments) == len(fits), (lead, form, q.departments)
        assert q.unknown is None and q.years == (2023,)


@pytest.mark.parametrize("text, code", [
    ("智慧福州中心2022年12345热线受理了多少诉求", None),  # a hotline, not a subject
    ("泉州数字办2023年2010301行政运行是多少", "2010301"),
    ("泉州数字办2023年30201办公费是多少", "30201"),
    ("泉州数字办2023年201类支出是多少", "201"),
    ("泉州数字办2023年10086号文件", None),
])
def test_subject_codes_are_functional_or_economic(text, code):
    assert parse(text, Catalog()).subject_code == code


@pytest.mark.parametrize("text, unknown", [
    ("东郊国宾馆2019年的收入和支出各是多少？", "东郊国宾馆"),
    ("南京大学2019年三公经费", "南京大学"),
    ("第一人民医院2023年基本支出", "第一人民医院"),
])
def test_an_organisation_named_without_its_place_is_not_a_department(text, unknown):
    q = parse(text, Catalog())
    assert q.departments == () and q.unknown == unknown


def test_a_unit_a_report_lists_is_not_unknown():
    q = parse("示例大学附属医院2019年支出", Catalog(units={"青岚市数字经济发展中心": ["示例大学附属医院"]}))
    assert q.unknown is None


def _place_swapped():
    """Each department's name after its place, with the place it prints inside (数字泉州建设办公室)
    and before it changed for another department's place: another organisation of that place."""
    from domain.names import place, place_words

    places = sorted({w for n in DEPARTMENTS for w in place_words(n)})
    for name in DEPARTMENTS:
        body = name[len(place(name)):]
        if len(body) < 3:
            continue
        for other in places:
            if other in name:
                continue
            swapped = body
            for own in place_words(name):
                swapped = swapped.replace(own, other)
            yield name, other, swapped


@pytest.mark.parametrize("frame", ["{p}{b}的三公经费是多少", "{p}市{b}2023年支出合计", "2023年{p}{b}差旅费"])
def test_a_name_of_another_place_is_not_the_department_it_resembles(frame):
    catalog = Catalog()
    swapped = list(_place_swapped())
    assert len(swapped) > 50
    wrong = [(frame.format(p=p, b=b), parse(frame.format(p=p, b=b), catalog).departments)
             for name, p, b in swapped if name in parse(frame.format(p=p, b=b), catalog).departments]
    assert not wrong, wrong[:5]


def test_a_unit_whose_name_holds_its_place_is_not_the_department_of_another_place():
    # 数字晋江建设办公室 (a unit of 晋江's department) ends as 泉州市数字泉州建设办公室 does
    catalog = Catalog()
    assert parse("数字晋江建设办公室的在职人数是多少", catalog).departments != ("泉州市数字泉州建设办公室",)
    assert parse("晋江经信部门数字晋江建设办公室在职人数", catalog).departments == ("晋江市经信部门",)


@pytest.mark.parametrize("text, operation", [
    ("2024年新成立，那它的全年预算是多少", "lookup"),
    ("单位性质是事业单位，编制有几个", "lookup"),
    ("主要职责里，和数字城管有关的是哪一条", "text"),  # a premise that names what is asked stays
    ("2024年新成立的单位主要职责是什么", "text"),
])
def test_what_a_premise_says_is_not_what_is_asked(text, operation):
    assert parse(text, Catalog()).operation == operation


@pytest.mark.parametrize("name", ["晋城市大数据应用局", "泉州市数字泉州建设办公室", "晋江市经信部门", "九江市浔阳区数字经济发展中心"])
def test_a_project_named_with_its_departments_place_still_names_that_department(name):
    # the project's own words hold another department's (智慧 of “智慧福州”, 人大): its place decides
    from domain.names import place

    text = f"“{place(name)}智慧人大建设项目费用”绩效自评最后打了多少分？"
    assert parse(text, Catalog()).departments == (name,)


def _first_place(name: str) -> str | None:
    return next((p for p in re.findall(r"[\u4e00-\u9fff]{2,3}?(?:省|市|区|县)", name) if p != name), None)


@pytest.mark.parametrize("name", [n for n in DEPARTMENTS if _first_place(n)])
@pytest.mark.parametrize("brackets", ["（{p}）", "({p})"])
def test_a_place_in_brackets_after_a_short_form_belongs_to_the_name(name, brackets):
    """规划资源局（普陀）, 财政局(普陀区), 数字经济发展中心（青岚市） (a short form two departments share):
    the bracket says where the department is, so the span takes it, it picks the department of
    that place, and the quantity asked is read without it."""
    from index.departments import short_names

    places = [_first_place(name)]
    short = short_names(DEPARTMENTS)[name]
    tried = 0
    for place in (places[0], places[0][:-1]):
        if place in short:
            continue
        tried += 1
        text = f"{short}{brackets.format(p=place)}2023年三公经费是多少"
        q = parse(text, Catalog())
        assert q.departments == (name,), (text, q.departments)
        assert q.span.endswith(brackets.format(p=place).replace("(", "（").replace(")", "）")), (text, q.span)
    assert tried  # the short form leaves the place out, so the bracket is what names it
