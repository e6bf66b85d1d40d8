"""What is read aloud: number readings, byline phrasing, pauses, file names."""

from __future__ import annotations

import pytest

from converter.audio.narration import article_file_stem, safe_title
from converter.audio.speech_text import (
    PAUSE_AFTER_HEADLINE,
    PAUSE_AT_END,
    PAUSE_BEFORE_BYLINE,
    PAUSE_BETWEEN_PARAGRAPHS,
    PAUSE_BETWEEN_SENTENCES,
    spoken_units,
)
from converter.speech.blocks import headline_speech, paragraph_speech
from converter.speech.bylines import byline_speech
from converter.speech.spoken import numbers_to_words
from converter.model import Article, Headline
from converter.sentences import reading_units

# From samples/000_6f7615cd0b320972.txt (the 工商联 article, shortened to its frame).
ARTICLE = Article(
    headline=Headline(title="倡议全县非公经济人士积极应对新冠肺炎疫情打好防控阻击战", kicker="兴县工商联"),
    dateline="本报讯",
    paragraphs=[
        "当前新型冠状病毒肺炎疫情的防控工作正处于关键时刻。并向全县非公经济人士发出倡议，积极应对新冠肺炎疫情，坚决打好防控阻击战。",
        "截至2月11日，全县民营企业和非公经济人士已向指定账户捐款240.75万元。",
    ],
    byline=["张明提"],
)


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("2020年", "二零二零年"),
        ("3.5%", "百分之三点五"),
        ("截至2月11日", "截至二月十一日"),
        ("本报讯 2月7日，吕梁市委", "本报讯 二月七日，吕梁市委"),
        ("捐款240.75万元。", "捐款二百四十点七五万元。"),
        ("24小时值守", "二十四小时值守"),
        ("价值18000余元的物资", "价值一万八千余元的物资"),
        ("COVID-19疫情", "COVID 十九疫情"),
        ("2019-nCoV病毒", "二零一九 nCoV病毒"),
        ("电话0358-6321234", "电话零三五八，六三二幺二三四"),
        ("9:00开会", "九点开会"),
        ("8:05出发", "八点零五分出发"),
        ("2019-2020年度", "二零一九到二零二零年度"),
        ("18,000人", "一万八千人"),
        ("3~5天", "三到五天"),
        ("气温19.5℃", "气温十九点五摄氏度"),
        ("第１２３４期", "第一千二百三十四期"),
        ("没有数字的句子。", "没有数字的句子。"),
    ],
)
def test_numbers_are_read_as_chinese(written: str, spoken: str) -> None:
    assert numbers_to_words(written) == spoken


def test_byline_is_read_as_printed() -> None:
    """No role is added: （张明提 康东） names two people and says nothing of what they are."""
    assert byline_speech(["张明提", "康东"]) == "张明提、康东。"
    assert byline_speech(["张明提"]) == "张明提。"
    assert byline_speech(["记者王丽", "通讯员张三"]) == "记者王丽、通讯员张三。"
    assert byline_speech(["通讯员 李华"]) == "通讯员 李华。"
    assert byline_speech([]) == ""


def test_layout_spaces_are_not_read_but_headline_spaces_pause() -> None:
    assert paragraph_speech("兴县工商联时刻 与 党 委 、政 府 保 持 高 度 一致") == "兴县工商联时刻与党委、政府保持高度一致"
    assert paragraph_speech("过去 14 天的旅行史") == "过去14天的旅行史"
    assert headline_speech("走进一线 送去温暖") == "走进一线，送去温暖"


def test_spoken_units_follow_reading_units_with_pauses() -> None:
    units = spoken_units(ARTICLE)
    assert [u.anchor for u in units] == [r.anchor for r in reading_units(ARTICLE)]
    by_text = {u.text: u for u in units}
    assert by_text["倡议全县非公经济人士积极应对新冠肺炎疫情打好防控阻击战"].pause_after == PAUSE_AFTER_HEADLINE
    assert by_text["当前新型冠状病毒肺炎疫情的防控工作正处于关键时刻。"].pause_after == PAUSE_BETWEEN_SENTENCES
    assert by_text["并向全县非公经济人士发出倡议，积极应对新冠肺炎疫情，坚决打好防控阻击战。"].pause_after == PAUSE_BETWEEN_PARAGRAPHS
    last_sentence = by_text["截至2月11日，全县民营企业和非公经济人士已向指定账户捐款240.75万元。"]
    assert last_sentence.speech == "截至二月十一日，全县民营企业和非公经济人士已向指定账户捐款二百四十点七五万元。"
    assert last_sentence.pause_after == PAUSE_BEFORE_BYLINE
    assert units[-1].text == "（张明提）"
    assert units[-1].speech == "张明提。"
    assert units[-1].pause_after == PAUSE_AT_END


def test_both_voices_get_the_numbers_written_out() -> None:
    """The online voice gets what the offline one gets, less the polyphone spelling."""
    online = [u.speech for u in spoken_units(ARTICLE)]
    offline = [u.speech for u in spoken_units(ARTICLE, polyphones_in_pinyin=True)]
    assert "截至二月十一日，全县民营企业和非公经济人士已向指定账户捐款二百四十点七五万元。" in online
    assert not any(ch.isdigit() for speech in online for ch in speech)
    assert [len(s) for s in online] != [len(s) for s in offline]  # pinyin spelled out offline only


@pytest.mark.parametrize(
    ("title", "safe"),
    [
        ("走进一线 送去温暖", "走进一线 送去温暖"),
        ('宅家抗"疫"：AC/DC?', "宅家抗疫：ACDC"),
        ("  ..隐藏\t标题\n第二行 ", "隐藏 标题 第二行"),
        ("///", "article"),
        ("倡议县直党组织和广大党员干部在打赢疫情防控阻击战中走在前作表率" * 2, ("倡议县直党组织和广大党员干部在打赢疫情防控阻击战中走在前作表率" * 2)[:40]),
    ],
)
def test_titles_become_safe_file_names(title: str, safe: str) -> None:
    assert safe_title(title) == safe


def test_file_stems_number_the_articles() -> None:
    assert article_file_stem(1, 7, "兴县召开疫情设卡防控工作协调会") == "01-兴县召开疫情设卡防控工作协调会"
    assert article_file_stem(12, 120, "会") == "012-会"


def test_offline_speech_spells_polyphones_as_their_context_reads_them() -> None:
    article = Article(
        headline=Headline(title="银行行长表示要长期发展"),
        paragraphs=["新型冠状病毒肺炎疫情防控工作正处于关键时刻。"],
    )
    offline = {u.text: u.speech for u in spoken_units(article, polyphones_in_pinyin=True)}
    online = {u.text: u.speech for u in spoken_units(article)}
    assert offline["银行行长表示要长期发展"] == "银hang2hang2zhang3表示yao4chang2期fa1展"
    assert "guan1状" in offline["新型冠状病毒肺炎疫情防控工作正处于关键时刻。"]
    assert online["银行行长表示要长期发展"] == "银行行长表示要长期发展"


def test_the_offline_voice_reads_spelled_pinyin_with_its_tone() -> None:
    """Why polyphones are spelled: alone, espeak-ng's Mandarin says guàn in 冠状 (tone 51)."""
    import ctypes

    from converter.audio.espeak import PROCESS_LIBRARY

    lib = PROCESS_LIBRARY.get().lib
    lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
    lib.espeak_TextToPhonemes.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_int]

    def phonemes(text: str) -> str:
        buffer = ctypes.create_string_buffer(text.encode() + b"\0")
        pointer = ctypes.c_void_p(ctypes.addressof(buffer))
        return lib.espeak_TextToPhonemes(ctypes.byref(pointer), 1, 0).decode()

    assert "kw'a51n" in phonemes("冠状")
    assert "kw'a55n" in phonemes("guan1状")
