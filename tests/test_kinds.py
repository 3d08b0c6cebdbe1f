"""The registry of answer kinds (answer/kinds/): every kind module is in it once, in one order,
with its own name, and an answer records the kind that gave it."""
import importlib
import pkgutil

import answer.kinds as kinds


def test_every_kind_module_is_registered_once_with_its_own_name():
    modules = {m.name for m in pkgutil.iter_modules(kinds.__path__)}
    registered = [k.__name__.rsplit(".", 1)[-1] for k in kinds.KINDS]
    assert sorted(registered) == sorted(modules) and len(set(registered)) == len(registered)
    names = [k.name for k in kinds.KINDS]
    assert len(set(names)) == len(names)
    for module in modules:
        kind = importlib.import_module(f"answer.kinds.{module}")
        assert callable(kind.claims) and callable(kind.answer) and isinstance(kind.name, str)


def test_an_answer_records_the_kind_that_gave_it(text_ask):
    names = {k.name for k in kinds.KINDS}
    for question in ["泉州数字办2023年三公经费是多少？", "晋江经信2018年机关运行经费为什么增加？",
                     "泉州数字办和晋城大数据局的基本支出哪个多？"]:
        result = text_ask(question)
        assert result["status"] == "answered" and result["kind"] in names, result
    assert text_ask("泉州数字办2023年三公经费是多少？")["kind"] == "figure"
