from __future__ import annotations

import pytest

from converter.clean.articles import (
    author_names,
    blanks_are_structure,
    is_author_name,
    page_lines,
    split_by_datelines,
    split_by_headings,
    split_dateline,
)


@pytest.mark.parametrize(
    ("text", "dateline", "rest"),
    [
        ("本报讯2月7日，吕梁市委", "本报讯", "2月7日，吕梁市委"),
        ("本报讯（记者张三）今天", "本报讯（记者张三）", "今天"),
        ("本报记者李四王五报道今天", "本报记者李四王五报道", "今天"),
        ("本报北京1月2日电今天", "本报北京1月2日电", "今天"),
        ("新华社北京1月2日电（记者张三）今天", "新华社北京1月2日电（记者张三）", "今天"),
        ("据新华社报道，今天", "据新华社报道，", "今天"),
        # A county's app as the medium, its name of four characters and 讯 before a blank (a sentence's
        # 发布消息 names no medium).
        ("掌上城关讯 近日，", "掌上城关讯", "近日，"),
        ("城关发布讯 近日，", "城关发布讯", "近日，"),
        ("市应急管理局发布消息：近日", None, "市应急管理局发布消息：近日"),
        ("据悉，此次爱心", None, "据悉，此次爱心"),
        ("会议强调，当前", None, "会议强调，当前"),
    ],
)
def test_datelines(text: str, dateline: str | None, rest: str) -> None:
    assert split_dateline(text) == (dateline, rest)


PAGE = """\
本报讯 2 月 5 日，兴县召开会议。

会议强调，要加强防控。（张明提）

本报讯 当天，志愿者送去口罩。

据悉，此次活动共发放物资。

（张明提 康东）

兴县召开会议

志愿者送去口罩
"""


def test_articles_run_from_dateline_to_byline_and_the_rest_is_headline_lines() -> None:
    split = split_by_datelines(page_lines("p1", PAGE))
    assert split is not None
    articles, outside = split
    assert [a.byline for a in articles] == [["张明提"], ["张明提", "康东"]]
    assert [l.text for l in articles[0].lines] == ["本报讯2月5日，兴县召开会议。", "会议强调，要加强防控。"]
    assert [l.text for l in articles[1].lines][-1] == "据悉，此次活动共发放物资。"
    assert [l.raw for l in outside] == ["兴县召开会议", "志愿者送去口罩"]


@pytest.mark.parametrize(
    ("credit", "names"),
    [
        ("记者 张三 通讯员 李四", ["记者张三", "通讯员李四"]),
        ("文/张三 图/李四", ["文/张三", "图/李四"]),
        ("通讯员：李四", ["通讯员：李四"]),
    ],
)
def test_a_credit_without_brackets_alone_before_the_next_dateline_is_the_byline(credit: str, names: list[str]) -> None:
    # Printed without brackets on its own line, it had been read as a headline line (or glued to one).
    story = "本报讯 近日，城关镇开展了人居环境整治。\n下一步，城关镇将持续推进整治。\n"
    text = f"{story}{credit}\n本报讯 近日，河口乡举办丰收节。\n"
    split = split_by_datelines(page_lines("p", text))
    assert split is not None
    articles, outside = split
    assert articles[0].byline == names and articles[0].lines[-1].text == "下一步，城关镇将持续推进整治。"
    assert outside == []


def test_a_headline_naming_reporters_is_no_credit() -> None:
    # 记者节座谈会: the role runs on into the title with no blank, colon or slash after it.
    text = "本报讯 近日，城关镇开展了人居环境整治。\n记者节座谈会\n本报讯 近日，河口乡举办丰收节。\n"
    split = split_by_datelines(page_lines("p", text))
    assert split is not None and split[0][0].byline == []


def test_a_page_without_datelines_is_not_split_by_datelines() -> None:
    assert split_by_datelines(page_lines("p", "会议强调，要加强防控。\n")) is None


def test_dateline_inside_a_sentence_does_not_start_an_article() -> None:
    text = "会议强调，要加强防控，\n本报讯员工参加了会议。\n"
    assert split_by_datelines(page_lines("p", text)) is None


ESSAY = """\
2018 年 1 月 3 日 星期三

7 理论

历史永远眷顾奋进者
李忠杰

中华民族伟大复兴是全体中
国人民的伟大梦想，也是中国人民
的根本利益所在，表达了全体中华
儿女的共同愿景。习近平同志深
刻指出，实现伟大梦想，必须进行
伟大斗争，必须建设伟大工程。
（作者为中央党史研究室原副
主任）

担当新使命
何民捷

新时代中国共产党的历史使
命，源自历史、植根国情、立足
时代，这是全党的共同任务所在
的根本要求，也是人民的期待。
"""


def test_signed_essays_split_at_headline_blocks_with_the_author_under_the_headline() -> None:
    articles, _outside = split_by_headings(page_lines("rmrb", ESSAY))
    assert [a.byline for a in articles] == [["李忠杰"], ["何民捷"]]
    assert articles[0].headings[-1] == "历史永远眷顾奋进者"
    assert articles[1].headings == ["担当新使命"]
    assert articles[0].lines[-1].text == "（作者为中央党史研究室原副主任）"
    assert articles[0].lines[-1].standalone


def test_author_names() -> None:
    assert is_author_name("李忠杰") and is_author_name("欧阳修")
    assert not is_author_name("活实体") and not is_author_name("时代前列")


RUN_ON = """\
新使命：中国共产党的历史担当
李忠杰

新时代中国共产党的历史使
命，源自历史、植根国情、立足
时代。在新时代，这一历史使命
有着与以往不同的新特点，具有
崭新的时代高度和变革的深度。

勇担重任回应
人民期待
中华民族伟大复兴是全体中
国人民的伟大梦想，也是中国人民
的根本利益所在，表达了全体中华
儿女的共同愿景和历史使命。
"""


def test_a_narrow_line_running_on_into_the_body_is_no_headline() -> None:
    articles, _outside = split_by_headings(page_lines("rmrb", RUN_ON))
    assert len(articles) == 1
    texts = [line.text for line in articles[0].lines]
    assert texts[0] == "新时代中国共产党的历史使" and not articles[0].lines[0].standalone
    # A subhead over an indented first line, with no word across the break, stays a subhead.
    assert "勇担重任回应人民期待" in texts
    assert next(l for l in articles[0].lines if l.text == "勇担重任回应人民期待").standalone


SIGNED_AT_THE_END = """\
历史上、现实中，很多人以顽强
拼搏为人生信条，不断提升自己，立
志追求卓越，因而创造了优秀业绩。

何民捷

新时代中国共产党的历史使
命，源自历史、植根国情、立足
时代，这是全党的共同任务。
"""


def test_a_name_alone_under_a_finished_text_signs_it() -> None:
    articles, _outside = split_by_headings(page_lines("rmrb", SIGNED_AT_THE_END))
    assert [a.byline for a in articles] == [["何民捷"], []]
    assert articles[0].lines[-1].text == "志追求卓越，因而创造了优秀业绩。"
    assert articles[1].lines[0].text == "新时代中国共产党的历史使"


# A county page without datelines: a blank after every printed line, a
# bracketed byline closing each article, the headlines printed at the end.
COUNTY = """\
当前新型冠状病\n\n毒肺炎疫情的防控工作正处\n\n于关键时刻。兴县工商联时\n\n刻与党委、政府保持高度一\n\n致，积极引导非公经济人士\n\n投身疫情防控。（张明提）\n\n\
2月5日，兴县县\n\n委统战部新的社会阶层人士\n\n走进坚守在一线的卡点，送\n\n去口罩、消毒液等物资。\n\n （张明提 康东）\n\n\
兴县县委统战部新联会\n\n走进一线 送去温暖\n\n兴县工商联\n\n倡议全县非公经济人士积极投身疫情防控\n"""


def test_bylines_close_articles_and_the_closing_headlines_are_outside() -> None:
    lines = page_lines("county", COUNTY)
    assert not blanks_are_structure(lines)
    articles, outside = split_by_headings(lines)
    assert [a.byline for a in articles] == [["张明提"], ["张明提", "康东"]]
    assert [a.lines[0].text for a in articles] == ["当前新型冠状病", "2月5日，兴县县"]
    assert all(not a.headings for a in articles)
    assert [l.text for l in outside] == ["兴县县委统战部新联会", "走进一线送去温暖", "兴县工商联", "倡议全县非公经济人士积极投身疫情防控"]


def test_blanks_mean_structure_only_when_some_lines_have_one_and_most_do_not() -> None:
    assert blanks_are_structure(page_lines("p", RUN_ON))
    assert not blanks_are_structure(page_lines("p", RUN_ON.replace("\n\n", "\n")))
    assert not blanks_are_structure(page_lines("p", RUN_ON.replace("\n", "\n\n")))


def test_an_author_line_with_a_role_and_several_names() -> None:
    page = (
        "让绿水青山成为金山银山\n本报记者 王小明  李 华\n\n"
        "山区县把生态优势转化为发展\n优势，走出了一条新路子。\n"
    )
    articles, _outside = split_by_headings(page_lines("p", page))
    assert [(a.headings, a.byline) for a in articles] == [(["让绿水青山成为金山银山"], ["王小明", "李华"])]
    assert author_names("记者了解到，目前") == [] and author_names("活实体") == []


def test_a_narrow_line_with_a_clause_break_and_no_end_is_the_start_of_a_sentence() -> None:
    body = ["会议要求，要加大物资多方筹集力度，做好物", "资调配和市场稳定工作。要加强出入市县、社", "区、农村检查检疫口的核查工作，严防死守，",
            "确保万无一失。会议强调，所有人要提高政治", "站位，各部门要通力协作，明确属地管理责任"]
    page = "\n\n".join(body + ["。（康东）", "截至2月11日，全县", "企业捐款240万元。", "（张明提）"]) + "\n"
    articles, _outside = split_by_headings(page_lines("p", page))
    assert [(a.headings, a.byline) for a in articles] == [([], ["康东"]), ([], ["张明提"])]
    assert [line.text for line in articles[1].lines] == ["截至2月11日，全县", "企业捐款240万元。"]
