from __future__ import annotations

import pytest

from converter.clean.articles import (
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
