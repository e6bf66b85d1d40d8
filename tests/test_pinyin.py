"""Pinyin readings: styles, polyphones in newspaper sentences, CPP accuracy, the CLI."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.cli import main
from converter.pinyin import canonical_readings_batch, is_han, readings, readings_batch
from converter.pinyin.context import context_model

TESTS = Path(__file__).parent
WORD_MARK = re.compile(r"\{([^|}]+)\|([^}]+)\}")

# Words whose reading in context the converter must always get right.
REQUIRED_WORDS = {
    "为了", "作为", "长大", "长期", "还是", "还款", "重要", "重新", "行业", "行动", "得到",
    "得去", "都是", "首都", "差", "出差", "差别", "当时", "上当", "朝阳", "朝代", "觉得",
    "睡觉", "银行", "行走", "音乐", "快乐", "调查", "调整", "空调", "参加", "参", "人参",
    "了解", "了结", "好了", "会计", "的确", "目的",
}


def load_newspaper_set(name: str = "newspaper_polyphones.txt") -> list[tuple[str, list[tuple[int, str, str]]]]:
    """Sentences with (index, gold syllable, marked word) for each marked character."""
    cases = []
    for line in (TESTS / name).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        text, targets, done = "", [], 0
        for mark in WORD_MARK.finditer(line):
            text += line[done:mark.start()]
            word, syllables = mark.group(1), mark.group(2).split()
            assert len(word) == len(syllables), line
            targets += [(len(text) + k, s, word) for k, s in enumerate(syllables)]
            text += word
            done = mark.end()
        cases.append((text + line[done:], targets))
    return cases


NEWSPAPER_SET = load_newspaper_set()


def test_newspaper_set_is_large_enough() -> None:
    assert len(NEWSPAPER_SET) >= 60
    assert sum(len(t) for _, t in NEWSPAPER_SET) >= 200


def newspaper_results() -> list[tuple[str, int, str, str, str | None]]:
    predicted = canonical_readings_batch([text for text, _ in NEWSPAPER_SET])
    return [(text, i, gold, word, got[i])
            for (text, targets), got in zip(NEWSPAPER_SET, predicted)
            for i, gold, word in targets]


def test_common_news_words_are_read_from_context() -> None:
    wrong = [(text, word, gold, got) for text, _, gold, word, got in newspaper_results()
             if word in REQUIRED_WORDS and got != gold]
    assert wrong == []


@pytest.mark.parametrize(("text", "word", "expected"), [
    # Sentences of the sample county page whose readings the dictionaries get wrong.
    ("兴县召开疫情设卡防控工作协调会。", "设卡", ["shè", "qiǎ"]),
    ("助力各个卡口提升检测水平，提高检测效率。", "卡口", ["qiǎ", "kǒu"]),
    ("“一方有难八方支援”，民营企业要进一步增强社会责任感。", "有难", ["yǒu", "nàn"]),
    ("坚守岗位，守好西大门，一定不辱使命，加油干。", "加油干", ["jiā", "yóu", "gàn"]),
    ("号召牢记使命担当，同心同向同行，把围绕中心、服务大局这一政治要求落到实处。", "同行", ["tóng", "xíng"]),
    # 中选 (zhòng xuǎn) is a word, but here the cut is 事迹/中/选树/典型.
    ("从全县民营企业参与抗击和防控疫情的突出事迹中选树典型。", "中选", ["zhōng", "xuǎn"]),
    ("各单位积极地开展防控工作。", "地", ["de"]),  # adverbial 地 after an adjective
    ("他认真地完成了任务。", "地", ["de"]),
    ("不断地学习新知识。", "地", ["de"]),
    ("这块地种了玉米。", "地", ["dì"]),  # a noun: no rule
    ("他和同行交流经验。", "同行", ["tóng", "háng"]),  # 同行 alone stays the noun
    ("他在比赛中选了第一个项目。", "中", ["zhōng"]),
    ("虽然是长期任务，但应把阶段性目标分解为年度任务。", "应", ["yīng"]),  # modal "should"
    ("全县积极应对寒潮天气。", "应对", ["yìng", "duì"]),
])
def test_readings_in_context(text: str, word: str, expected: list[str]) -> None:
    start = text.index(word)
    assert readings(text)[start:start + len(word)] == expected


def test_hand_words_fire_only_as_whole_words() -> None:
    # 得去 (děi qù) is a hand-written word: final where the cut makes it a word, not in 获得/去年.
    assert readings("天黑之前我们得去镇上一趟。")[6] == "děi"
    assert readings("他获得去年的冠军。")[2] == "dé"


def test_newspaper_set_accuracy_floor() -> None:
    results = newspaper_results()
    right = sum(got == gold for _, _, gold, _, got in results)
    assert right / len(results) >= 0.97


REAL_NEWS_SET = load_newspaper_set("newspaper_polyphones_real.txt")


def test_real_news_set_accuracy() -> None:
    """Sentences of real newspaper pages, never tuned on: 175 sentences, 498 marked characters."""
    assert len(REAL_NEWS_SET) >= 150
    predicted = canonical_readings_batch([text for text, _ in REAL_NEWS_SET])
    marks = [(got[i], gold) for (_, targets), got in zip(REAL_NEWS_SET, predicted) for i, gold, _ in targets]
    assert sum(got == gold for got, gold in marks) / len(marks) >= 0.96


@pytest.mark.parametrize(("text", "expected"), [
    ("三百人参加了比赛", "can1"),  # 人参 and 参加 overlap: no word reading, the model decides
    ("这里出产的人参", "shen1"),
])
def test_overlapping_dictionary_words_do_not_decide(text: str, expected: str) -> None:
    assert canonical_readings_batch([text])[0][text.index("参")] == expected


def test_degree_complement_de() -> None:
    assert readings("他跑得很快")[2] == "de"
    assert readings("他得到了表扬")[1] == "dé"
    assert readings("获得更多支持")[1] == "dé"  # inside the dictionary word 获得


@pytest.mark.parametrize(("text", "char", "expected"), [
    ("村里养了一百多只羊。", "只", "zhī"),  # measure word after a numeral
    ("他只是说说而已。", "只", "zhǐ"),  # inside the dictionary word 只是
    ("为确保安全，景区限流。", "为", "wèi"),  # opening a clause
    ("蛭（学名）为舌蛭科动物。", "为", "wéi"),  # after a bracket: "X is Y"
])
def test_grammar_rules(text: str, char: str, expected: str) -> None:
    assert readings(text)[text.index(char)] == expected


def test_yi_and_bu_keep_citation_tones() -> None:
    assert readings("不是一样") == ["bù", "shì", "yī", "yàng"]


def load_cpp_slice() -> list[tuple[str, int, str]]:
    rows = []
    for line in (TESTS / "data" / "cpp_dev_slice.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        marked, gold = line.split("\t")
        rows.append((marked.replace("▁", ""), marked.index("▁"), gold.replace("u:", "v")))
    return rows


def test_cpp_slice_accuracy_floor() -> None:
    rows = load_cpp_slice()
    assert len(rows) == 495
    texts = [text for text, _, _ in rows]
    combined = canonical_readings_batch(texts)
    model = context_model().probabilities(texts)
    combined_right = sum(got[i] == gold for got, (_, i, gold) in zip(combined, rows))
    model_right = sum(max(p[i], key=p[i].__getitem__) == gold for p, (_, i, gold) in zip(model, rows))
    assert combined_right / len(rows) >= 0.97
    assert combined_right >= model_right


@pytest.mark.parametrize(("style", "expected"), [
    ("tone", ["lǜ", "sè", "de", None]),
    ("tone3", ["lv4", "se4", "de", None]),
    ("zhuyin", ["ㄌㄩˋ", "ㄙㄜˋ", "ㄉㄜ˙", None]),
])
def test_styles(style: str, expected: list[str | None]) -> None:
    assert readings("绿色的!", style) == expected


def test_unknown_style_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown pinyin style"):
        readings("字", "pinyin")


def test_batch_equals_one_by_one() -> None:
    texts = ["为了孩子。", "他去银行出差", "", "ABC"]
    assert readings_batch(texts) == [readings(t) for t in texts]


MIXED_TEXT = st.text(
    alphabet=st.sampled_from(list("为了行长重还得都差当朝觉乐调参的地中和一不 ，。！A1\n\t㐀𠀀")),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(MIXED_TEXT)
def test_one_entry_per_character(text: str) -> None:
    result = readings(text)
    assert len(result) == len(text)
    assert [r is not None for r in result] == [is_han(c) for c in text]


# ---------------------------------------------------------------- command line


def test_cli_text_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.txt"
    source.write_bytes("\ufeff为了2020年，他去银行。\r\nABC 出差\n".encode())
    assert main(["pinyin", str(source)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "wèi le 2020 nián ， tā qù yín háng 。",
        "ABC chū chāi",
    ]


def test_cli_jsonl_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.txt"
    source.write_text("会计 A\n\n", encoding="utf-8")
    assert main(["pinyin", "--format", "jsonl", "--style", "tone3", str(source)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line) for line in lines] == [["kuai4", "ji4", " ", "A"], []]


def test_cli_reads_stdin(monkeypatch: pytest.MonkeyPatch,
                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("字\n".encode())))
    assert main(["pinyin", "--style", "zhuyin", "-"]) == 0
    assert capsys.readouterr().out == "ㄗˋ\n"


@pytest.mark.parametrize(("content", "message"), [
    (None, "cannot read"),
    (b"\xff\xfe\x00", "is not UTF-8 text"),
])
def test_cli_unreadable_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          content: bytes | None, message: str) -> None:
    source = tmp_path / "in.txt"
    if content is not None:
        source.write_bytes(content)
    assert main(["pinyin", str(source)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and message in captured.err


def test_a_character_without_a_known_reading_gets_none_not_itself() -> None:
    assert readings("王𠮷祥") == ["wáng", None, "xiáng"]
