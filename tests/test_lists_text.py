"""Lists and quoted answers on the real reports: the 类-level subjects a table shows spending
under, the units a department covers, 绩效 projects by a printed funds figure; and the report's
own sentences, quoted whole with where they are printed — reasons, uses, duties, when a unit was
founded, what kind of unit it is.  Several departments and phrasings for each, and refusals
where the report does not say it (or cannot be read well enough to list)."""
import pytest

from conftest import REAL_REPORTS, TEXTS
from index.store import Store

QUANZHOU, JINCHENG, FUZHOU, JINJIANG, XUNYANG = (p.name for p in TEXTS)
PLANNING, FINANCE, SOCIAL = (next(p.name for p in REAL_REPORTS if word in p.name) for word in ("规划", "财政", "社会工作"))


@pytest.fixture(scope="module")
def folder(reports_folder):  # the five text reports and the real PDFs, ingested once per session (conftest)
    return reports_folder


@pytest.fixture(scope="module")
def ask(reports_ask):
    return reports_ask


@pytest.fixture(scope="module")
def passages(folder):
    store = Store(folder, readonly=True)
    yield store.passages
    store.close()


def _listed(result):
    assert result["status"] == "answered", result["answer"]
    assert result["kind"] == "list"
    return [f["label"] for f in result["figures"]]


def _refused(result):
    assert result["status"] == "not_found", result["answer"]
    assert not [f for f in result["figures"] if f.get("number") is not None]


# --- the 类-level subjects with spending ---------------------------------------------------------

@pytest.mark.parametrize("question", ["晋城大数据局2023年钱花在了哪几个类级功能科目上？",
                                      "晋城大数据局支出决算表里有支出的类级科目有哪些？",
                                      "晋城市大数据应用局2023年有支出的是哪几类科目"])
def test_class_subjects_are_listed_in_printed_order_with_their_total(ask, question):
    result = ask(question)
    assert _listed(result) == ["一般公共服务支出", "社会保障和就业支出", "卫生健康支出", "住房保障支出"]
    assert [f["value"] for f in result["figures"]] == ["7,123.60", "19.17", "13.76", "19.69"]
    assert [f["source"]["line"] for f in result["figures"]] == [181, 186, 189, 193]
    assert {f["column"] for f in result["figures"]} == {"本年支出合计"}
    assert all(f["source"]["document"] == JINCHENG for f in result["figures"])
    assert "7,123.60" in result["answer"] and "201" in result["answer"]


def test_class_subjects_of_other_departments_and_pages(ask):
    social = ask("社工部支出决算表里有哪几类科目有支出？")
    assert _listed(social) == ["一般公共服务支出", "社会保障和就业支出", "卫生健康支出", "住房保障支出"]
    assert [f["source"]["page"] for f in social["figures"]] == [8, 8, 8, 9]
    jinjiang = ask("晋江经信2018年支出决算表里有支出的类级科目有哪些？")
    assert _listed(jinjiang) == ["一般公共服务支出", "科学技术支出", "社会保障和就业支出", "医疗卫生与计划生育支出",
                                 "节能环保支出", "城乡社区支出", "资源勘探信息等支出", "商业服务业等支出", "住房保障支出",
                                 "其他支出"]


def test_the_funds_or_table_named_pick_the_table(ask):
    """规划资源局 prints 城乡社区支出 as 3845.24 in 支出决算表 (all funds) and 3832.36 in the
    一般公共预算财政拨款支出决算表: the question's words decide which table is listed."""
    general = ask("普陀规划资源局2024年一般公共预算支出用在了哪几类科目？")
    assert _listed(general) == ["社会保障和就业支出", "卫生健康支出", "城乡社区支出", "自然资源海洋气象等支出", "住房保障支出"]
    assert {f["table_title"] for f in general["figures"]} == {"一般公共预算财政拨款支出决算表"}
    assert general["figures"][2]["value"] == "3832.36"
    every = ask("普陀规划资源局支出决算表里有支出的类级科目有哪些？")
    assert every["figures"][2]["value"] == "3845.24" and every["figures"][2]["table_title"] == "支出决算表"
    finance = ask("普陀财政局2024年一般公共预算财政拨款支出用在了哪几类科目上？")
    assert _listed(finance) == ["一般公共服务支出", "社会保障和就业支出", "卫生健康支出", "住房保障支出"]
    assert [f["source"]["page"] for f in finance["figures"]] == [15] * 4
    summary = ask("智慧福州中心2022年财政拨款收入支出决算总表中有支出的类级科目是哪些？")  # no codes: numbered 支出 lines
    assert _listed(summary) == ["一般公共服务支出", "科学技术支出", "社会保障和就业支出", "卫生健康支出", "城乡社区支出",
                                "住房保障支出"]
    assert summary["figures"][-1]["value"] == "92.55" and summary["figures"][-1]["column"] == "支出/合计"


def test_a_table_read_with_warnings_lists_names_only_and_names_a_blank_row_from_its_code(ask):
    """002's 支出决算表 is printed with its rows shifted against the header and without the names
    of three 类 rows: the names come from the same codes in another table, and no amount is said."""
    result = ask("智慧福州中心2022年有支出的类级功能科目是哪些？")
    assert _listed(result) == ["一般公共服务支出", "科学技术支出", "社会保障和就业支出", "卫生健康支出", "城乡社区支出",
                               "住房保障支出"]
    assert all(f["number"] is None for f in result["figures"])
    assert "2,894.30" not in result["answer"] and "名称见一般公共预算财政拨款支出决算表" in result["answer"]
    assert any("错位" in w for w in result["warnings"])


def test_class_list_refused_when_the_table_prints_no_class_rows(ask):
    _refused(ask("泉州数字办2023年国有资本经营预算财政拨款支出决算表里有支出的类级科目有哪些？"))


# --- the units a department covers --------------------------------------------------------------

@pytest.mark.parametrize("question, units", [
    ("纳入泉州数字办2023年部门决算编制范围的单位有哪些？", ["泉州市大数据服务中心", "泉州市数字泉州建设办公室"]),
    ("列入晋江经信部门2018年决算编制范围的单位有哪几个？",
     ["晋江市经济和信息化局", "晋江市经济和信息化行政执法大队", "晋江市节能监测中心", "晋江市数字晋江建设办公室"]),
    ("普陀财政局2024年部门决算包括哪些单位？", ["上海市普陀区财政局（本级）", "上海市普陀区财政局财政所", "上海市普陀区国库收付中心"]),
    ("社工部的下属单位有哪些？", ["中共上海市普陀区委社会工作部（本级）", "上海市普陀区社会工作发展服务中心"]),
    ("普陀规划资源局纳入决算编制范围的单位都有哪些", None),
])
def test_units_are_listed_in_the_phrasings_people_use(ask, question, units):
    names = _listed(ask(question))
    if units:
        assert names == units
    else:
        assert len(names) == 5 and names[0] == "上海市普陀区规划和自然资源局（本级）"


def test_units_refused_where_the_report_prints_no_units_table(ask):
    _refused(ask("晋城大数据局纳入编制范围的单位有哪些？"))


# --- 绩效 projects by a printed funds figure -------------------------------------------------------

def test_projects_below_a_printed_execution_rate(ask):
    result = ask("泉州数字办2023年绩效自评的项目里，哪些执行率没到100%？")
    assert _listed(result) == ["泉州市政府网站及网站群费用", "非涉密信息网网络系统运行维护管理费用",
                               "泉州市电子政务外网（含数据中心）租金及运行维护监测费用"]
    assert [f["value"] for f in result["figures"]] == ["80.27", "94.52", "98.12"]
    assert all(f["source"]["document"] == QUANZHOU and f["source"]["line"] for f in result["figures"])
    below = ask("泉州数字办执行率低于90%的项目有哪些")
    assert _listed(below) == ["泉州市政府网站及网站群费用"]


def test_no_project_meets_the_condition_is_said_as_none(ask):
    result = ask("泉州数字办哪些自评项目全年执行数为0？")
    assert _listed(result) == [] and "共 0 个" in result["answer"]


def test_projects_by_funds_refused_when_a_form_cannot_be_read(ask):
    # 001's forms print no funds (002's form read under shifted headers is read again: tests/test_rank_items.py)
    _refused(ask("晋城大数据局哪些项目执行率没到100%？"))
    # 004's name holds 中: it is not read as the grade 中
    xunyang = ask("浔阳数经中心2023年哪些自评项目全年执行数为0？")
    _refused(xunyang)
    assert "评价等级" not in xunyang["answer"]


def test_a_grade_asked_for_one_project_still_lists(ask):
    assert _listed(ask("泉州数字办2023年项目支出绩效自评里，评价等级为“良”的是哪个项目？")) == ["数字泉州发展专项资金"]


# --- quoted: reasons -------------------------------------------------------------------------------

def _quoted(result, *printed, document=None, line=None, page=None):
    """The answer quotes the report: each printed string in it, whole sentences, cited."""
    assert result["status"] == "answered", result["answer"]
    for text in printed:
        assert text in result["answer"], result["answer"]
    assert "…" not in result["answer"]
    cited = result["passages"][0]
    if document:
        assert cited["document"] == document
    if line:
        assert cited["line"] == line
    if page:
        assert cited["page"] == page
    return cited


@pytest.mark.parametrize("question, printed, document, line, page", [
    ("泉州数字办2023年收支总计为什么比上年增加？",
     "2023年度本部门收入总计6335.07万元,支出总计6335.07万元,与上年决算数相比,各增加1092.19万元,增长20.83%。主要是新增产业集群专项资金等。",
     QUANZHOU, 422, None),
    ("泉州数字办2023年那2000万元政府性基金支出是因为什么？", "主要原因是本年度新增专项基础设施专项债券基金。", QUANZHOU, 499, None),
    ("泉州数字办2023年公务接待费为什么比上年多？", "当年决算数大于上年决算数的主要原因是:新增招商引资接待费用。", QUANZHOU, 531, None),
    ("晋城大数据局2023年收入为什么比上年少？", "主要原因是特定目标类项目较上年预算减少,相应支出减少。", JINCHENG, 422, None),
    ("浔阳数经中心2023年收入为什么比上年少了这么多？", "主要原因:上年度有5G+智能税务官二期项目经费", XUNYANG, 388, None),
    ("普陀财政局2024年机关运行经费为什么略有增加？",
     "机关运行经费支出184.65万元,比2023年度增加2.55万元,增长1.40%。主要原因是优化办公环境、提升照明效率,更换了老旧照明设施,导致相关支出略有增加。",
     FINANCE, None, 24),
    ("普陀规划资源局三公经费决算为什么远小于预算？",
     "2024年度“三公”经费支出决算数小于预算数的主要原因:严格落实中央八项规定,控制“三公”经费支出。", PLANNING, None, 25),
])
def test_a_reason_is_quoted_whole_from_the_sentence_about_the_asked_subject(ask, question, printed, document, line, page):
    _quoted(ask(question), printed, document=document, line=line, page=page)


def test_a_reason_for_another_thing_is_not_quoted(ask):
    # 000's 公务接待费 sentence gives two reasons: the one for the budget is not the one for the year before
    budget = ask("泉州数字办2023年公务接待费为什么没用完预算？")
    _quoted(budget, "当年决算数小于全年预算数的主要原因是:减少预算内公务接待,费用减少。")
    assert "新增招商引资接待费用" not in budget["answer"]
    # 规划资源局's 公务接待费 fell for the same reason its 三公 stayed under budget; asked why it fell
    fell = ask("普陀规划资源局2024年公务接待费为什么减少？")
    _quoted(fell, "公务接待费支出减少的主要原因是严格落实中央八项规定,控制“三公”经费支出。", page=25)


def test_a_project_or_unit_reason_comes_from_its_form_or_the_paragraph_that_names_it(ask):
    # the project is named only by its form (no department in the question)
    unspent = ask("应用系统适配改造及资源租用项目为什么一分钱没花出去？")
    _quoted(unspent, "存在偏差的原因为签订合同时间迟(12月19日),2023年工期暂太短。", document=JINCHENG, line=957)
    # a unit of 晋江经信, named by its units table
    unit = ask("晋江市节能监测中心的业务费为什么大量结余？")
    _quoted(unit, "人员混编混岗,所以大部分办公经费在工信局支出,所以经费有结余。", document=JINJIANG, line=1500)
    # "该专项…": the project is named in the paragraph before
    project = ask("晋江经信“创建各类专业基地”专项资金使用率不高是什么原因？")
    _quoted(project, "第四次复评", document=JINJIANG, line=1011)


@pytest.mark.parametrize("question", [
    "晋城大数据局2023年收入为什么比上年增加？",  # the report says it fell
    "泉州数字办一般公共预算拨款支出为什么增加？",  # only items of it, and 三公, are explained
    "普陀财政局2024年办公费为什么增加？",
    "泉州数字办2023年差旅费为什么减少？",
])
def test_a_reason_the_report_does_not_give_is_refused(ask, question):
    _refused(ask(question))


# --- quoted: uses, duties, founding, kind of unit --------------------------------------------------

def test_what_money_or_a_vehicle_is_used_for(ask):
    _quoted(ask("社工部“其他社会工作事务支出”主要用在哪？"),
            "3、一般公共服务支出(类)社会工作事务(款)其他社会工作事务支出(项)。主要用于:新建部门开办费、基层政权和社区建设项目支出。",
            document=SOCIAL, page=18)
    _quoted(ask("普陀规划资源局“行政单位离退休”主要用在哪？"), "主要用于:行政单位退休人员支出。", document=PLANNING, page=21)
    _quoted(ask("晋城大数据局唯一的那辆车是干什么用的？"), "其他用车主要是因工作需要配置一辆公务用车", document=JINCHENG, line=534)
    # listed in prose only: the vehicles' kinds
    _quoted(ask("智慧福州中心的2辆车分别是什么用途的车？"), "机要通信用车1辆、应急保障用车1辆", document=FUZHOU, line=538)


def test_the_duty_that_mentions_the_asked_words_is_quoted_whole(ask):
    _quoted(ask("晋城大数据局的职责里，和市长热线有关的是哪一条？"), "(八)负责市长热线的运行和管理,负责处理市长信箱、省长信箱来信;",
            document=JINCHENG, line=55)
    _quoted(ask("智慧福州中心的职责里和数字城管有关的是哪一条？"),
            "(五)负责智慧城市综合管理服务总平台、数字城管系统等子系统的日常运行管理工作。", document=FUZHOU, line=51)
    # duties listed after "…的主要职责是:" with no heading of their own
    _quoted(ask("普陀财政局负责政府采购的是哪一条职责？"), "拟订本区政府采购实施意见并监督管理;负责公务车辆控购管理。",
            document=FINANCE, page=4)
    _quoted(ask("普陀规划资源局哪一条职能和历史文化风貌区有关？"), "6.负责历史文化风貌区、优秀历史建筑和历史文物古迹的规划管理。",
            document=PLANNING, page=5)
    # a whole item, not one sentence of it
    whole = ask("泉州数字办的职责中关于电子政务绩效考核的是哪一条？")
    _quoted(whole, "(二)具体承担数字经济牵头抓总", "负责电子政务绩效考核工作。", document=QUANZHOU, line=47)


@pytest.mark.parametrize("question", ["晋城大数据局的职责里，和食品安全有关的是哪一条？",
                                      "浔阳数经中心的职责中哪一条提到政务公开？"])  # it prints 信息公开, 办事公开
def test_a_duty_the_report_does_not_list_is_refused(ask, question):
    _refused(ask(question))


def test_when_a_unit_was_founded(ask):
    _quoted(ask("浔阳区数字经济发展中心是哪一年成立的？"), "数字经济发展中心成立于2003年", document=XUNYANG, line=837)
    for question in ("泉州数字办是哪一年成立的？", "普陀财政局是什么时候成立的？", "晋城大数据局是哪一年成立的？"):
        _refused(ask(question))


@pytest.mark.parametrize("question, kind, document, line, page", [
    ("泉州市大数据服务中心是什么性质的单位？", "全额拨款事业单位", QUANZHOU, 60, None),
    ("泉州数字办是什么性质的单位？", "行政单位", QUANZHOU, 61, None),
    ("福州市“智慧福州”管理服务中心是什么性质的单位？", "财政全额拨款", FUZHOU, 68, None),
    ("晋江市节能监测中心是什么性质的单位？", "全额拨款", JINJIANG, 84, None),  # its 经费性质 column
    ("上海市普陀区土地发展中心是什么性质的单位？", "下属事业单位", PLANNING, None, 6),  # printed after its name
    ("上海市普陀区规划和自然资源局执法大队是什么性质的单位？", "下属参公事业单位", PLANNING, None, 6),
])
def test_a_units_kind_comes_from_its_units_table(ask, question, kind, document, line, page):
    result = ask(question)
    assert result["status"] == "answered", result["answer"]
    fig = result["figures"][0]
    assert fig["value"] == kind and f"“{kind}”" in result["answer"] and fig["number"] is None
    assert fig["source"]["document"] == document
    assert (fig["source"]["line"], fig["source"]["page"]) == (line, page)


def test_a_kind_said_only_in_prose_is_quoted_and_otherwise_refused(ask):
    _quoted(ask("浔阳区数字经济发展中心是什么性质的单位？"), "为区政府直属工作机构", document=XUNYANG, line=837)
    _refused(ask("晋城大数据局是什么性质的单位？"))  # no units table, no sentence that says it
    _refused(ask("普陀财政局是什么性质的单位？"))  # its units table prints no kind; no sentence says it


def test_every_quote_is_a_whole_sentence_of_the_cited_passage(ask, passages):
    """What is quoted is printed as quoted: a run of whole sentences of the passage it cites."""
    for question in ("泉州数字办2023年收支总计为什么比上年增加？", "普陀规划资源局三公经费决算为什么远小于预算？",
                     "社工部“其他社会工作事务支出”主要用在哪？", "晋城大数据局的职责里，和市长热线有关的是哪一条？"):
        result = ask(question)
        for cited in result["passages"]:
            texts = [p["text"] for p in passages(cited["document"])
                     if (p["line"], p["page"]) == (cited["line"], cited["page"])]
            holder = next(t for t in texts if cited["text"] in t)
            start = holder.index(cited["text"])
            assert start == 0 or holder[start - 1] in "。！？!?"
            assert cited["text"].endswith(("。", ";", "；", "！", "？")) or holder.endswith(cited["text"])
