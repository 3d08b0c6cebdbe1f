"""Rankings and lists of what one report prints row by row, on the real text reports:

* projects a question lists by name or by a short form of it, ranked by a column of their 绩效
  forms (全年执行数, 全年预算数, 总分); a short form that fits two printed forms is refused;
* the units of a department's 单位构成 table ranked by a column (在职人数, 人员编制数);
* departments compared each in its own report year (泉州数字办（2023年）、智慧福州中心（2022年）);
* projects listed by a funds condition, read again where a header spans two body cells, and
  refused where a table prints forms the reading did not recognise;
* projects listed by the grade the narrative states in words (自评等次为良好).
"""
import pytest

from conftest import ingested

QZ, FZ, JJ, XY = "泉州市数字泉州建设办公室", "福州市“智慧福州”管理服务中心", "晋江市经信部门", "九江市浔阳区数字经济发展中心"


def _in_order(text, labels):
    at = [text.find(label) for label in labels]
    assert all(p >= 0 for p in at) and at == sorted(at), (labels, text)


def _ranked(result, labels, values):
    assert result["status"] == "answered", result["answer"]
    assert result["kind"] == "rank"
    chain = result["answer"].split("。")[0]
    _in_order(chain, [f"{label} {value}" for label, value in zip(labels, values)])
    assert [f["value"] for f in result["figures"]] == list(values)
    for f in result["figures"]:
        assert f["source"]["document"] and (f["source"]["page"] or f["source"]["line"])


@pytest.mark.parametrize("question, labels, values", [
    ("智慧福州中心这三个项目按全年执行数从高到低：12345政务服务便民热线座席服务外包经费、数字城管信息采集服务费等项目经费、福州市“e福州”便民服务自助终端。",
     ["12345政务服务便民热线座席服务外包经费", "数字城管信息采集服务费等项目经费", "福州市“e福州”便民服务自助终端"],
     ["412.12", "357.19", "258.34"]),
    # short forms: the name without its 经费 tail, without its place
    ("智慧福州中心的数字城管信息采集服务费、12345综合服务大厅场地改造及设施采购、e福州综合指挥平台三个项目按全年预算数从高到低排",
     ["数字城管信息采集服务费", "12345综合服务大厅场地改造及设施采购", "e福州综合指挥平台"], ["830.87", "600.00", "45.94"]),
    ("泉州数字办的政府网站及网站群费用、专网光纤租用、数字泉州发展专项资金这三个项目按全年执行数从低到高",
     ["专网光纤租用", "政府网站及网站群费用", "数字泉州发展专项资金"], ["12.00", "60.20", "365.06"]),
])
def test_projects_named_in_full_or_short_are_ranked_by_the_column_asked(text_ask, question, labels, values):
    result = text_ask(question)
    _ranked(result, labels, values)
    assert {f["column"] for f in result["figures"]} == {"全年预算数" if "预算" in question else "全年执行数"}


def test_a_short_form_that_fits_two_printed_forms_is_refused_with_both(text_ask):
    result = text_ask("智慧福州中心的规划馆三楼及四楼智慧城市综合项目、缴费平台服务器采购项目、数字城管采集服务费等项目，全年执行数从低到高排一下")
    assert result["status"] == "not_found" and result["figures"] == []
    assert "150.00" in result["answer"] and "0.75" in result["answer"]


@pytest.mark.parametrize("question, labels, values", [
    ("晋江经信部门4家单位按在职人数从多到少排一下。",
     ["晋江市经济和信息化局", "晋江市经济和信息化行政执法大队", "晋江市数字晋江建设办公室", "晋江市节能监测中心"],
     ["12", "10", "8", "6"]),
    ("晋江经信各单位的人员编制数从少到多排序",
     ["晋江市节能监测中心", "晋江市数字晋江建设办公室", "晋江市经济和信息化行政执法大队", "晋江市经济和信息化局"],
     ["7", "9", "11", "13"]),
    ("泉州数字办两家单位谁的在职人数最多", ["泉州市数字泉州建设办公室", "泉州市大数据服务中心"], ["15", "14"]),
])
def test_units_of_a_department_ranked_by_a_column_of_its_units_table(text_ask, question, labels, values):
    result = text_ask(question)
    _ranked(result, labels, values)
    assert all(f["unit"] == "人" for f in result["figures"])


def test_a_unit_count_the_table_does_not_print_is_refused(text_ask):
    result = text_ask("晋江经信部门3家单位按在职人数排一下")
    assert result["status"] == "not_found" and result["figures"] == []
    assert "4 个单位" in result["answer"]


@pytest.mark.parametrize("question, order, years", [
    ("福建这三家单位各自报告年度的“三公”经费谁最高？泉州数字办（2023年）、智慧福州中心（2022年）、晋江经信部门（2018年），从高到低排。",
     [QZ, JJ, FZ], {2023, 2018, 2022}),
    ("2022年智慧福州中心和2023年泉州数字办的三公经费谁多", [QZ, FZ], {2022, 2023}),
])
def test_departments_compared_each_in_its_own_year(text_ask, question, order, years):
    result = text_ask(question)
    assert result["status"] == "answered", result["answer"]
    assert [c["department"] for c in result["comparison"]] == order
    assert {c["year"] for c in result["comparison"]} == years


def test_own_years_only_when_every_department_has_one():
    from answer.ranking import named_in, own_years

    names = [QZ, FZ, JJ, XY]
    both = named_in("泉州数字办（2023年）、智慧福州中心（2022年）三公经费谁高", names, [])
    assert own_years("泉州数字办（2023年）、智慧福州中心（2022年）三公经费谁高", both) == {QZ: 2023, FZ: 2022}
    one = "泉州数字办（2023年）、智慧福州中心三公经费谁高"
    assert own_years(one, named_in(one, names, [])) == {}
    same = "泉州数字办和浔阳数经中心2023年三公经费谁高"
    assert own_years(same, named_in(same, names, [])) == {}


def test_projects_not_spent_at_all_are_listed_where_every_form_reads(text_ask):
    result = text_ask("智慧福州中心2022年哪些自评项目全年执行数为0？")
    assert result["status"] == "answered", result["answer"]
    assert [f["label"] for f in result["figures"]] == [
        "12345综合服务大厅场地改造及设施采购经费", "福州市规划馆三楼及四楼智慧城市综合项目及消防改造项目", "平台系统日常运维保障服务专项经费"]
    assert all(f["value"] == "0.00" and f["column"] == "全年执行数" for f in result["figures"])


def test_a_funds_row_read_under_shifted_headers_is_read_again_against_its_own_header_line(tmp_path):
    from answer.lists import form_funds
    from answer.lookup import Catalog
    from conftest import TEXTS
    from index.store import Store
    from ingest import ingest_paths

    with Store(tmp_path) as store:
        ingest_paths([p for p in TEXTS if p.name.startswith("002")], store)
    with Store(tmp_path, readonly=True) as store:
        catalog = Catalog(store)
        doc = catalog.documents[0]["name"]
        forms = {compact_name(f.name["value_text"]): f for f in form_funds(catalog.facts(doc), store.tables(doc))}
        unread = {compact_name(f.name["value_text"]): f for f in form_funds(catalog.facts(doc))}
    name = "12345便民（惠企）服务平台坐席服务外包经费"
    assert unread[name].problem  # read as printed: 全年预算数 twice, the rest shifted
    form = forms[name]
    assert form.problem is None
    assert (form.budget["value_text"], form.spent["value_text"], form.rate["value_text"]) == ("197.49", "197.49", "100.00")


def compact_name(text):
    from domain.normalize import compact

    return compact(text)


def test_forms_the_reading_did_not_recognise_refuse_the_list(text_ask):
    result = text_ask("浔阳数经中心2023年哪些自评项目全年执行数为0？")
    assert result["status"] != "answered" and result["figures"] == []
    assert "可能漏项" in result["answer"] and "共 0 个" not in result["answer"]


@pytest.mark.parametrize("question, members, count", [
    ("晋江经信2018年绩效自评里，自评等次为“良好”的有哪些？",
     ["智慧城市运营管理中心及智慧城市数据中心", "创建各类专业基地", "晋江市节能监测中心经常性专项业务费"], 3),
    ("晋江经信部门哪些项目自评等次是优秀", ["经济发展鼓励扶持政策资金", "电子政务系统运行维护费"], 10),
])
def test_projects_listed_by_the_grade_the_narrative_states(text_ask, question, members, count):
    result = text_ask(question)
    assert result["status"] == "answered", result["answer"]
    assert len(result["figures"]) == count
    labels = "；".join(f["label"] for f in result["figures"])
    assert all(m in labels for m in members)
    assert all(f["column"] == "自评等次" and f["source"]["line"] or f["source"]["page"] for f in result["figures"])


def test_departments_ranked_by_their_mean_self_assessment_score(reports_ask):
    # printed averages (the Shanghai reports print 平均得分 in their narrative), cited to the sentence
    result = reports_ask("2024年普陀区财政局、规划和自然资源局、区委社会工作部的项目绩效自评平均得分，从高到低排。")
    assert result["status"] == "answered"
    assert [f["value"] for f in result["figures"]] == ["100.00", "99.43", "99.33"]
    assert not any(f["computed"] for f in result["figures"])
    # a mean worked out over the forms is labelled computed, with its formula, never cited as one cell
    mixed = reports_ask("泉州数字办、智慧福州中心的项目自评平均得分谁高")
    assert mixed["status"] == "answered" and all(f["computed"] and f["formula"] for f in mixed["figures"])
    assert "计算" in mixed["answer"]
    # a department whose forms cannot all be read is left out of no ranking: the ranking is refused
    refused = reports_ask("泉州数字办和浔阳数经中心的项目自评平均得分谁高")
    assert refused["status"] == "not_found" and not refused["figures"]


def test_projects_listed_by_eight_characters_of_a_long_name(text_ask):
    result = text_ask("泉州数字办这几个项目2023年全年执行数从高到低怎么排：政府网站及网站群、非涉密信息网运维、电子政务外网租金运维、政务云购买云资源")
    assert result["status"] == "answered"
    assert [f["value"] for f in result["figures"]] == ["1900.00", "122.88", "98.74", "60.20"]
    # a short form that fits no printed project is still refused by name
    refused = text_ask("泉州数字办这几个项目全年执行数从高到低：政府网站及网站群、城市大脑二期运维工程")
    assert refused["status"] == "not_found" and not refused["figures"]


def test_items_compared_by_size_in_other_words(reports_ask):
    result = reports_ask("普陀区财政局 行政单位离退休、基本养老保险缴费、职业年金缴费 这三项支出比大小")
    assert result["kind"] == "rank" and [f["value"] for f in result["figures"]] == ["160.75", "84.65", "80.38"]


@pytest.mark.parametrize("listed", [
    "（经信局、执法大队、节能监测中心、数字晋江建设办公室）",
    "：数字晋江建设办公室、节能监测中心、执法大队和经信局",
    "（包括数字晋江建设办公室等4家）",
])
def test_units_listed_by_their_short_names_are_the_departments_units(text_ask, listed):
    # a unit's short name holds another department's words (数字晋江建设办公室 ends as 泉州市数字泉州建设
    # 办公室 does): the place it names (晋江) is not that department's, so it is not that department
    result = text_ask(f"晋江经信部门下面几个单位在职人数怎么排？{listed}")
    _ranked(result, ["晋江市经济和信息化局", "晋江市经济和信息化行政执法大队", "晋江市数字晋江建设办公室", "晋江市节能监测中心"],
            ["12", "10", "8", "6"])


def test_a_name_with_another_place_is_not_the_department_it_resembles():
    from answer.ranking import named_in

    names = ["泉州市数字泉州建设办公室", "晋江市经信部门", "福州市“智慧福州”管理服务中心"]
    assert named_in("数字晋江建设办公室和数字泉州建设办公室的在职人数", names, []).departments == ["泉州市数字泉州建设办公室"]
    assert named_in("数字福州建设办公室的在职人数谁多", names, []).departments == []
