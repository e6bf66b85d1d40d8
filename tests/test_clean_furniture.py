from __future__ import annotations

from converter.clean.articles import page_lines
from converter.clean.furniture import (
    drop_repeated_lines,
    is_figure_note,
    join_broken_lines,
    split_figure_notes,
    split_page_header,
)

BANNER = "新使命：\n新使命\n：中国共产党的历史担当\n李忠杰\n"


def test_a_line_starting_with_closing_punctuation_continues_the_one_before() -> None:
    lines = join_broken_lines(page_lines("p", BANNER))
    assert [l.text for l in lines] == ["新使命：", "新使命：中国共产党的历史担当", "李忠杰"]


def test_the_extraction_copy_of_a_banner_is_dropped_and_returned() -> None:
    lines, dropped = drop_repeated_lines(join_broken_lines(page_lines("p", "\n" + BANNER)))
    assert [l.text for l in lines] == ["新使命：中国共产党的历史担当", "李忠杰"]
    assert dropped == ["新使命："]
    assert lines[0].gap_before  # the copy's blank line stays with the banner


def test_a_line_of_text_printed_twice_keeps_one_copy_but_equal_headlines_and_refrains_stay() -> None:
    text = (
        "数据来源：国家统计局发布的党的十八大以\n来我国经济社会发展相关数据 。\n来我国经济社会发展相关数据。\n\n"
        "走进一线送去温暖\n\n走进一线送去温暖\n歌中唱道：\n春天来了，花开了。\n春天来了，花开了。\n"
    )
    lines, dropped = drop_repeated_lines(page_lines("p", text))
    assert [l.text for l in lines] == [
        "数据来源：国家统计局发布的党的十八大以",
        "来我国经济社会发展相关数据。",
        "走进一线送去温暖",
        "走进一线送去温暖",
        "歌中唱道：",
        "春天来了，花开了。",
        "春天来了，花开了。",
    ]
    assert dropped == ["来我国经济社会发展相关数据。"]


def test_page_header_only_at_the_head_of_the_page() -> None:
    lines, header = split_page_header(page_lines("p", "2018 年 1 月 3 日 星期三\n\n7 理论\n\n新使命\n\n3 版\n"))
    assert header == ["2018年1月3日星期三", "7理论"]
    assert [l.text for l in lines] == ["新使命", "3版"]


def test_figure_notes_leave_the_text_with_the_lines_they_wrap_onto() -> None:
    text = (
        "驶向胜利的彼岸。\n（作者为山东社会科学院研究员）\n\n数据来源：\n"
        "《十八届中央纪律检查委员会向中国共产党第\n十九次全国代表大会的工作报告》。\n本版制图：李姿阅\n"
        "历史上、现实中，很多人以顽强\n"
    )
    lines = page_lines("p", text)
    kept, notes = split_figure_notes(lines, "".join(l.text for l in lines))
    assert notes == [
        "数据来源：《十八届中央纪律检查委员会向中国共产党第十九次全国代表大会的工作报告》。",
        "本版制图：李姿阅",
    ]
    assert [l.text for l in kept] == ["驶向胜利的彼岸。", "（作者为山东社会科学院研究员）", "历史上、现实中，很多人以顽强"]


def test_a_label_inside_a_running_sentence_is_text() -> None:
    lines = page_lines("p", "这些资金的\n来源：一是财政拨款，二是社会捐赠。\n")
    kept, notes = split_figure_notes(lines, "".join(l.text for l in lines))
    assert notes == [] and len(kept) == 2


def test_figure_note_words() -> None:
    assert is_figure_note("图片来源：新华社", 14) and is_figure_note("责任编辑：王五", 14)
    assert not is_figure_note("收入来源：工资", 14) and not is_figure_note("总体设计：一是", 14)


def test_where_every_line_has_a_blank_a_label_after_an_unfinished_sentence_is_text() -> None:
    lines = page_lines("p", "这些资金的\n\n来源：一是财政拨款，\n\n二是社会捐赠。\n\n数据来源：县统计局\n")
    kept, notes = split_figure_notes(lines, "".join(l.text for l in lines))
    assert notes == ["数据来源：县统计局"]
    assert [l.text for l in kept] == ["这些资金的", "来源：一是财政拨款，", "二是社会捐赠。"]
