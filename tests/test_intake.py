"""Issue 11: any question gets an answer or a refusal at once, whatever its length, and a
question that names nothing the reports are about is told so, with example questions."""
import time

import pytest

from answer.intake import MAX_QUESTION_CHARS
from index.departments import _best_span, match_departments


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    from conftest import REAL_REPORTS, TEXTS
    from answer import Answerer
    from ingest import ingest_paths
    from index.store import Store

    folder = tmp_path_factory.mktemp("intake")
    with Store(folder) as store:
        ingest_paths([*TEXTS, REAL_REPORTS[0]], store)
    answerer = Answerer(folder, search=False)
    yield answerer.ask
    answerer.close()


@pytest.mark.parametrize("length", [MAX_QUESTION_CHARS + 1, 1_200, 20_000, 200_000])
def test_a_question_past_the_limit_is_refused_at_once_with_the_limit(ask, length):
    question = ("泉州数字办2023年三公经费是多少" * (length // 15 + 1))[:length]
    start = time.perf_counter()
    result = ask(question)
    assert time.perf_counter() - start < 1.0
    assert result["status"] == "not_found" and result["figures"] == [] and result["reason"] == "too_long"
    assert str(MAX_QUESTION_CHARS) in result["answer"] and str(length) in result["answer"]


@pytest.mark.parametrize("filler", ["泉州市数字泉州建设办公室", "的", "2023年度", "abc，。", "晋城大数据局与泉州数字办"])
def test_a_question_at_the_limit_is_answered_or_refused_within_a_second(ask, filler):
    question = (filler * MAX_QUESTION_CHARS)[:MAX_QUESTION_CHARS - 8] + "三公经费是多少？"
    start = time.perf_counter()
    result = ask(question)
    assert time.perf_counter() - start < 1.0, len(question)
    assert result["status"] in ("answered", "not_found", "ambiguous")


def test_department_matching_is_linear_in_the_question():
    names = ["泉州市数字泉州建设办公室", "上海市普陀区规划和自然资源局", "晋城市大数据应用局"]
    question = "泉州市数字泉州" * 3_000
    start = time.perf_counter()
    matches = match_departments(question, names)
    assert time.perf_counter() - start < 1.0
    assert matches[0].name == names[0]


@pytest.mark.parametrize("question, name, span", [
    ("泉州数字办2023年三公经费", "泉州市数字泉州建设办公室", "泉州数字办"),
    ("普陀规划资源局的基本支出", "上海市普陀区规划和自然资源局", "普陀规划资源局"),
    ("晋城大数据局出差", "晋城市大数据应用局", "晋城大数据局"),
    ("泉州的", "泉州市数字泉州建设办公室", "泉州"),
    ("州泉", "泉州市数字泉州建设办公室", ""),  # two characters count only when printed together
])
def test_the_longest_in_order_stretch_names_the_department(question, name, span):
    assert _best_span(question, name) == span


@pytest.mark.parametrize("question", ["😀😀😀", "🙂", "How much did they spend on travel?", "SELECT * FROM facts; --",
                                      "DROP TABLE documents", "你好", "今天天气怎么样", "12345", "？？？", "asdf qwer"])
def test_junk_is_not_understood_and_gets_examples_not_department_buttons(ask, question):
    result = ask(question)
    assert result["status"] == "not_found" and result["reason"] == "not_understood"
    assert "没有看懂" in result["answer"] and not result.get("options") and result["figures"] == []
    examples = result["examples"]
    assert 2 <= len(examples) <= 3 and all(e.endswith("？") for e in examples)
    assert ask(examples[0])["status"] == "answered"  # the examples are questions the index answers


@pytest.mark.parametrize("question", ["出差花了多少钱？", "三公经费是多少", "北京市教育局差旅费是多少", "哪个单位的政府采购最多？",
                                      "泉州数字办是什么单位？"])
def test_real_questions_are_not_mistaken_for_junk(ask, question):
    assert ask(question).get("reason") != "not_understood"


def test_chat_box_and_config_state_the_limits_the_code_enforces():
    import tomllib

    from conftest import ROOT
    from index.library import MAX_UPLOAD_BYTES

    app = (ROOT / "app.py").read_text(encoding="utf-8")
    assert "max_chars=MAX_QUESTION_CHARS" in app and "from answer.intake import MAX_QUESTION_CHARS" in app
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == MAX_UPLOAD_BYTES
