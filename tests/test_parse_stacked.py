"""Pages whose headlines stand over their articles (People's Daily): headline blocks read top to bottom."""

from __future__ import annotations

import pytest

from converter.clean import parse_pages
from converter.model import Headline, Issue
from tests.conftest import SAMPLE
from tests.pdf_gold import SHARED_PAGES, Score, load_gold, score_page

HEADER = "2018 年 1 月 5 日 星期五\n\n7 理论\n\n"

FIRST_TEXT = """\
党 的 十 九 大 报 告 指 出 ，中 国 特
色 社 会 主 义 进 入 新 时 代 ，在 中 华 人
民 共 和 国 发 展 史 上 具 有 重 大 意 义 。
深 入 理 解 和 把 握 新 时 代 的 意 义 ，是
把 思 想 统 一 到 党 的 十 九 大 精 神 上 来
的重要思想认识基础。
"""

SECOND_TEXT = """\
确 保 到 2020 年 我 国 现 行 标 准 下 农
村 贫 困 人 口 实 现 脱 贫 ，是 一 项 重 大
而 紧 迫 的 任 务 ，需 要 各 地 积 极 探 索
切 实 有 效 的 扶 贫 脱 贫 办 法 ，增 加 贫
困 人 口 的 收 入 ，探 索 持 续 增 收 的 路 径。
"""


def _parse(text: str) -> Issue:
    return parse_pages([("rmrb.txt", text)])


def test_a_kicker_longer_than_its_title_is_still_the_kicker() -> None:
    # The longest line is not the title here: the title is the last line over the author.
    page = HEADER + "让中国特色社会主义展现出更加强大生命力\n\n深刻理解新时代划时代意义\n刘志明\n\n" + FIRST_TEXT
    [article] = _parse(page).articles
    kicker = "让中国特色社会主义展现出更加强大生命力"
    assert article.headline == Headline(title="深刻理解新时代划时代意义", kicker=kicker)
    assert article.byline == ["刘志明"]


def test_a_dash_led_line_under_the_title_is_its_subtitle() -> None:
    page = HEADER + "深化对政治经济学的研究\n——《政治经济学通论》简评\n胡培兆\n\n" + FIRST_TEXT
    [article] = _parse(page).articles
    assert article.headline == Headline(title="深化对政治经济学的研究", subtitle="——《政治经济学通论》简评")


@pytest.mark.parametrize(
    "between",
    [
        "\n\n",  # banner, blank, kicker, blank, title and author: the kicker is no line of the text above
        "\n",  # two unpunctuated lines between blanks are headline lines, not the end of a text
    ],
)
def test_a_banner_and_a_kicker_head_the_next_article(between: str) -> None:
    page = (
        HEADER + "新时代的意义\n刘志明\n\n" + FIRST_TEXT
        + f"\n认真学习宣传贯彻党的十九大精神{between}积极开展资产收益扶贫\n\n探索贫困人口持续稳定增收的路径\n陈名财\n\n"
        + SECOND_TEXT
    )
    issue = _parse(page)
    first, second = issue.articles
    assert first.paragraphs[-1].endswith("的重要思想认识基础。")
    # Each line a part of its own: the banner is not joined to the kicker under it.
    assert second.headline == Headline(title="探索贫困人口持续稳定增收的路径", kicker="积极开展资产收益扶贫")
    assert second.byline == ["陈名财"]
    assert issue.unplaced_headlines == ["认真学习宣传贯彻党的十九大精神"]


def test_a_page_header_line_inside_a_headline_block_is_no_part_of_the_headline() -> None:
    page = HEADER + "新时代的意义\n刘志明\n\n" + FIRST_TEXT + "\n划时代的思想火炬\n\n7 理论\n\n肖伟光\n\n" + SECOND_TEXT
    issue = _parse(page)
    assert issue.articles[1].headline == Headline(title="划时代的思想火炬")
    assert "7理论" not in issue.unplaced_headlines
    assert "rmrb.txt: page header: 7理论" in issue.warnings


def test_a_signed_headline_set_inside_a_sentence_heads_the_text_it_interrupts() -> None:
    # 加强金融 / 活实体 / 胡瑞华 / 监管能力建设: the text runs on across the block.
    page = (
        HEADER + "新时代的意义\n刘志明\n\n" + FIRST_TEXT + "（作者为中央党校教授）\n\n"
        + "党 的 十 八 大 以 来 ，要 建 立 全 面 审 慎\n的风险监管体系。加强金融\n\n全面把握现代金融发展要义\n胡瑞华\n"
        + "监 管 能 力 建 设 ，提 高 监 管 有 效 性 。\n（作者单位：河北金融学院）\n"
    )
    first, second = _parse(page).articles
    assert first.byline == ["刘志明"]
    assert "".join(second.paragraphs).startswith("党的十八大以来，要建立全面审慎的风险监管体系。加强金融监管能力建设")
    assert second.headline == Headline(title="全面把握现代金融发展要义")
    assert second.byline == ["胡瑞华"]


THIRD_TEXT = """\
创 新 创 业 教 育 是 建 设 创 新 型 国 家
的 重 要 举 措 ，高 校 要 全 面 推 进 创 新
创业教育，培养学生的创新精神。
（作者为山东大学校长）
"""


def test_headlines_stacked_over_another_headline_go_to_the_articles_they_name() -> None:
    # Two whole lines over a kicker and title are no banner: each is the headline of an
    # untitled article (the extraction stacked them), placed by the words they share with it.
    page = (
        HEADER + "刘志明\n\n" + FIRST_TEXT + "（作者为中央党校教授）\n\n" + THIRD_TEXT
        + "\n全面推进创新创业教育\n\n深刻理解新时代的重要思想\n\n"
        + "积极开展资产收益扶贫\n\n探索贫困人口持续稳定增收的路径\n陈名财\n\n"
        + SECOND_TEXT
    )
    issue = _parse(page)
    first, third, second = issue.articles
    assert first.headline == Headline(title="深刻理解新时代的重要思想")
    assert third.headline == Headline(title="全面推进创新创业教育")
    assert second.headline == Headline(title="探索贫困人口持续稳定增收的路径", kicker="积极开展资产收益扶贫")
    assert issue.unplaced_headlines == []


def test_a_county_page_keeps_its_headlines_read_the_county_way() -> None:
    # Its headlines are printed after its articles: the stacked reading never applies.
    text = SAMPLE.read_text(encoding="utf-8")
    with_datelines = parse_pages([(SAMPLE.name, text)])
    without = parse_pages([(SAMPLE.name, text.replace("本报讯", ""))])
    assert [a.headline for a in without.articles] == [a.headline for a in with_datelines.articles]


@pytest.mark.skipif(not SHARED_PAGES.is_dir(), reason="the People's Daily pages are not here")
def test_people_s_daily_dev_pages_give_articles_with_both_ends_and_their_headline() -> None:
    from converter.reader import read_text

    total = Score()
    for page, gold in load_gold()["dev"].items():
        path = SHARED_PAGES / f"{page}.txt"
        total.add(score_page(parse_pages([(path.name, read_text(path))]).articles, gold))
    # Two of 33 before headline blocks were read top to bottom.
    assert total.whole >= 10
    assert total.both_ends >= 16
