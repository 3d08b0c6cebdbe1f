"""The check every figure passes before it is stated (answer.lookup.mismatch), over every cell of
the five text reports and the real PDFs: a cell of another column, funds, table, state or unit than the question
asks is never stated, and the cell the question does ask passes."""
import pytest

from answer.lookup import mismatch
from answer.question import parse


@pytest.fixture(scope="module")
def cells(reports_folder):
    from index.store import Store

    with Store(reports_folder, readonly=True) as store:
        return list(store.facts())


from test_question import Catalog as _Empty  # a catalog of no departments: the question alone


def _q(text):
    return parse(text, _Empty())


def test_a_final_figure_is_never_stated_for_a_budget_asked(cells):
    q = _q("差旅费的预算数是多少")
    final = [f for f in cells if f["number"] is not None and "预算" not in (f["column"] or "")
             and f["table_kind"] not in ("项目支出绩效自评表",)]
    assert final and all(mismatch(f, q) for f in final)
    budget = [f for f in cells if f["number"] is not None and "预算数" in (f["column"] or "") and f["unit"] in ("万元", "元")]
    assert budget and not any(mismatch(f, q) for f in budget)


@pytest.mark.parametrize("funds", ["政府性基金", "国有资本经营"])
def test_a_figure_of_other_funds_is_never_stated_for_funds_asked(cells, funds):
    q = _q(f"{funds}预算财政拨款支出是多少")
    other = [f for f in cells if f["number"] is not None and funds not in
             " ".join(str(f.get(k) or "") for k in ("table_kind", "table_title", "row_label", "row_section", "column"))]
    assert other and all(mismatch(f, q) for f in other)


def test_a_table_named_by_its_word_is_the_only_source(cells):
    q = _q("三公经费是多少")
    outside = [f for f in cells if f["number"] is not None and f["table_kind"] not in ("三公经费支出决算表", "情况说明")
               and "三公" not in " ".join(str(f.get(k) or "") for k in ("table_title", "row_label", "row_section", "column"))]
    assert outside and all(mismatch(f, q) for f in outside)


def test_a_dash_or_a_blank_is_no_amount(cells):
    q = _q("差旅费是多少")
    dashes = [f for f in cells if f["number"] is None]
    assert dashes and all(mismatch(f, q) for f in dashes)


def test_a_score_comes_from_a_form_and_money_is_not_a_count(cells):
    score = _q("这个项目自评得了多少分")
    assert all(mismatch(f, score) for f in cells if f["number"] is not None
               and f["table_kind"] not in ("项目支出绩效自评表", "情况说明"))
    money = _q("这个单位花了多少钱")
    counts = [f for f in cells if f["number"] is not None and (f["unit"] or "") in ("人", "辆", "个")]
    assert counts and all(mismatch(f, money) for f in counts)
