from __future__ import annotations

from converter.clean.paragraphs import continues_into, ends_sentence, join_paragraphs, paragraph_breaks, set_width

COLUMN = [
    "当前新型冠状病毒肺炎疫情",  # full column: 12
    "的防控工作正处于关键时刻。",
    "作为党委联系非公有制经济",
    "人士的桥梁和纽带，作为政",
    "府服务和管理非公经济的助",
    "手，工商联时刻保持高度一",
]


def test_set_width_squeezes_cjk_punctuation() -> None:
    assert set_width("纽带，作为政府服务和管理非") == 12.5
    assert set_width("毒肺炎疫情的防控工作正处") == 12


def test_short_line_after_a_sentence_end_closes_the_paragraph() -> None:
    lines = COLUMN[:3] + ["士的桥梁。"] + COLUMN[3:]
    assert join_paragraphs(lines) == ["".join(COLUMN[:3]) + "士的桥梁。", "".join(COLUMN[3:])]


def test_indented_line_after_a_full_sentence_end_opens_a_paragraph() -> None:
    # A full line ending in 。 and then a line two characters narrower (the lost indent).
    lines = COLUMN[:3] + ["情况及时向有关部门报告。", "二是积极投入疫情防控"] + COLUMN[3:]
    assert paragraph_breaks(lines)[3] is True
    assert len(join_paragraphs(lines)) == 2


def test_full_line_ending_in_a_full_stop_followed_by_a_full_line_runs_on() -> None:
    lines = COLUMN[:3] + ["情况及时向有关部门报告。", "要加强居家隔离和集中隔离"] + COLUMN[3:]
    assert join_paragraphs(lines) == ["".join(lines)]


def test_a_line_not_ending_a_sentence_never_breaks_even_when_short() -> None:
    lines = [COLUMN[0], "的防控工作正处于关键时刻作", "为党委", "人士的桥梁和纽带，作为政"]
    assert paragraph_breaks(lines)[:3] == [False, False, False]


def test_local_column_width_follows_a_widening_column() -> None:
    narrow = ["兴县县委统战部高度重视迅速作出安排部署发出"] * 6  # 21
    wide = ["兴县县委统战部高度重视迅速作出安排部署发出倡议号召牢记"] * 6  # 27
    # The last narrow line is full and ends a sentence; the wide column
    # that follows does not make it look short.
    lines = narrow[:5] + ["兴县县委统战部高度重视迅速作出安排部署了。"] + wide
    assert paragraph_breaks(lines)[5] is False
    # A short line before the widened column still ends its paragraph.
    lines = narrow[:5] + ["兴县县委统战部高度。"] + wide
    assert paragraph_breaks(lines)[5] is True
    # A line two characters narrower than the wide column opens a paragraph.
    lines = narrow[:5] + ["兴县县委统战部高度重视迅速作出安排部署了。", wide[0][2:]] + wide
    assert paragraph_breaks(lines)[5] is True


def test_ends_sentence() -> None:
    assert ends_sentence("表示慰问。")
    assert ends_sentence("他说：“走吧。”")
    assert not ends_sentence("“一方有难八方支援”，")


def test_latin_words_split_over_lines_keep_a_space() -> None:
    assert join_paragraphs(["使用 COVID", "test 检测。"]) == ["使用 COVID test 检测。"]


def test_a_word_across_the_break_or_an_open_bracket_runs_on() -> None:
    page = "新时代中国共产党的历史使命，源自历史。肩负历史使命。人民期待中华民族伟大复兴"
    assert continues_into("新时代中国共产党的历史使", "命，源自历史", page)
    assert continues_into("为认真落实中共中央《关于加强", "党的领导", page)
    assert not continues_into("人民期待", "中华民族伟大复兴", page)
    assert not continues_into("肩负历史使命。", "命运与共", page + "命运与共")
