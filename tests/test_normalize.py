from decimal import Decimal

import pytest

from domain.normalize import clean_label, clean_line, code_digits, parse_value


def test_kangxi_and_supplement_radicals_become_characters():
    assert clean_label("⼀般公共预算财政拨款收⼊") == "一般公共预算财政拨款收入"
    assert clean_label("部⻔") == "部门"
    assert clean_label("⾏政运⾏") == "行政运行"


def test_spaces_between_chinese_characters_are_layout():
    assert clean_label("合 计") == "合计"
    assert clean_line("2023 年度 部门决算") == "2023年度部门决算"
    assert clean_label("项目(按功能分类)") == "项目（按功能分类）"


def test_blank_dash_zero_and_number_stay_distinct():
    assert parse_value("").state == "blank"
    assert parse_value(None).state == "blank"
    assert parse_value("  ").state == "blank"
    assert parse_value("-").state == "dash" and parse_value("—").state == "dash"
    zero = parse_value("0.00")
    assert zero.state == "number" and zero.number == Decimal("0.00") and zero.text == "0.00"


def test_numbers_keep_their_printed_text():
    v = parse_value("1,238.58")
    assert v.number == Decimal("1238.58") and v.text == "1,238.58"
    ocr = parse_value("292. 90")  # OCR put a space after the point
    assert ocr.number == Decimal("292.90") and ocr.text == "292.90"
    pct = parse_value("12.5%")
    assert pct.percent and pct.number == Decimal("12.5")
    assert parse_value("(3.20)").number == Decimal("-3.20")
    assert parse_value("全额拨款事业单位").state == "text"


def test_subject_code_digits():
    assert code_digits("2080 0501") == "20800501"
    assert code_digits("201") == "201"
    assert code_digits("类 款 项") == ""
    assert code_digits("") == ""


def test_kangxi_radicals_become_the_simplified_characters_reports_print():
    assert clean_label("⽤⼾") == "用户"
    assert clean_label("⾨户⽹站") == "门户网站"


@pytest.mark.parametrize("text, expected", [
    ("项目支出比上年少了一千二百多万，原因", "项目支出比上年少了1200多万，原因"),
    ("预算涨了三千多万", "预算涨了3000多万"),
    ("两千万元", "2000万元"),
    ("一百零五万", "105万"),
    ("增长了百分之五十七点五", "增长了57.5%"),
    ("十五个人", "15个人"),
    ("一万元", "1万元"),
    # words, not amounts
    ("一般公共预算三公经费", "一般公共预算三公经费"),
    ("哪一个单位", "哪一个单位"),
    ("十三五规划", "十三五规划"),
    ("三个部门", "三个部门"),
    ("第十一中学", "第十一中学"),
    ("百分之几", "百分之几"),
    ("千万不要", "千万不要"),
])
def test_amounts_in_chinese_numerals_are_read_as_digits(text, expected):
    from domain.normalize import arabic_amounts

    assert arabic_amounts(text) == expected
