"""Chinese word segmentation for keyword search: jieba, taught the fiscal vocabulary.

The user dictionary is the fiscal terms below plus every row label and department name found in
the store, so that 公务接待费, 机关事业单位基本养老保险缴费 or 泉州市数字泉州建设办公室 stay whole words
(and jieba's search mode still adds their parts).  jieba is loaded on first use, not at import.
"""
from __future__ import annotations

import re
import threading
from typing import Iterable

from domain.normalize import clean_line

# Terms of final-accounts reports that jieba's general dictionary splits apart.
FISCAL_TERMS = (
    "三公经费", "因公出国（境）费", "公务用车购置及运行维护费", "公务用车购置费", "公务用车运行维护费",
    "公务接待费", "差旅费", "会议费", "培训费", "办公费", "印刷费", "邮电费", "物业管理费", "劳务费",
    "委托业务费", "工会经费", "福利费", "基本支出", "项目支出", "人员经费", "公用经费", "财政拨款",
    "财政拨款收入", "一般公共预算", "政府性基金", "国有资本经营", "结转和结余", "年初结转和结余",
    "年末结转和结余", "本年收入合计", "本年支出合计", "机关运行经费", "政府采购", "绩效自评",
    "绩效目标", "住房公积金", "基本工资", "津贴补贴", "绩效工资", "离退休", "事业收入", "经营收入",
    "其他收入", "上级补助收入", "附属单位上缴收入", "决算数", "预算数", "完成率", "执行率",
)

_STOP = set("的 了 是 和 与 及 在 有 为 对 多少 什么 哪些 哪个 怎么 如何 吗 呢 啊 请问 一下 情况 年 年度 万元 元 ？ ? ， , 。 、 ： : （ ） ( ) “ ” \" ' % / - —".split())
_WORD = re.compile(r"[\w\u4e00-\u9fff]", re.U)

_lock = threading.Lock()
_loaded_words: set[str] = set()
_jieba = None


def engine():
    """jieba, initialised once and taught the fiscal terms (shared by search and the answers)."""
    global _jieba
    if _jieba is None:
        with _lock:
            if _jieba is None:
                import logging

                import jieba

                jieba.setLogLevel(logging.WARNING)
                jieba.initialize()
                for term in FISCAL_TERMS:
                    jieba.add_word(term, freq=200000)
                _jieba = jieba
    return _jieba


def teach(words: Iterable[str]) -> None:
    """Add words (row labels, department names) to the dictionary; cheap for known words."""
    segmenter = engine()
    for word in words:
        word = clean_line(word or "")
        word = re.sub(r"^[一二三四五六七八九十\d]+[、.．]|^[（(][一二三四五六七八九十\d]+[）)]|^其中[:：]", "", word)
        if 2 <= len(word) <= 30 and word not in _loaded_words and re.search(r"[\u4e00-\u9fff]{2}", word):
            segmenter.add_word(word, freq=100000)
            _loaded_words.add(word)


def tokens(text: str) -> list[str]:
    """Search-mode segmentation of normalised text, without stop words and punctuation."""
    text = clean_line(text).lower()
    out = []
    for tok in engine().cut_for_search(text):
        tok = tok.strip()
        if tok and tok not in _STOP and _WORD.search(tok):
            out.append(tok)
    # single characters too: 车 still meets 车辆, 招待 meets 接待费's 待; IDF keeps them light
    out.extend(ch for ch in text if "\u4e00" <= ch <= "\u9fff" and ch not in _STOP)
    return out
