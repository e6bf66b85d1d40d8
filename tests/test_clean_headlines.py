from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.clean import parse_pages
from converter.clean.articles import page_lines
from converter.clean.headlines import best_assignment, derive_title, place_headlines, split_fragments
from tests import layout_sim

MORE_ARTICLES = Path(__file__).parent / "data" / "articles" / "local_news_more.jsonl"
ARTICLES = [
    "当前疫情防控正处于关键时刻。兴县工商联向全县非公经济人士发出倡议，积极应对新冠肺炎疫情，打好防控阻击战。",
    "兴县县委统战部新联会走进坚守在疫情防控一线的工作人员中，为他们送去口罩、消毒液等物资。",
    "兴县召开疫情设卡防控工作协调会。副县长及相关单位、乡镇负责人参加会议。",
    "市委召开脱贫攻坚工作暨农村工作会议，兴县组织收听收看，县领导在分会场参会。",
]


def _place(text: str):
    return place_headlines(split_fragments(page_lines("p", text)), ARTICLES)


def test_wide_spacing_separates_two_headlines_and_a_single_space_stays() -> None:
    fragments = split_fragments(page_lines("p", "兴县召开协调会    走进一线 送去温暖\n"))
    assert [f.text for f in fragments] == ["兴县召开协调会", "走进一线 送去温暖"]


def test_kicker_and_title_stay_together_on_their_article() -> None:
    placement = _place("兴县县委统战部新联会\n\n走进一线 送去温暖\n\n兴县工商联\n\n倡议全县非公经济人士积极应对疫情\n")
    assert placement.headlines[1].kicker == "兴县县委统战部新联会"
    assert placement.headlines[1].title == "走进一线 送去温暖"
    assert placement.headlines[0].kicker == "兴县工商联"
    assert placement.unplaced == []


def test_a_title_wrapped_over_two_lines_is_joined() -> None:
    placement = _place("倡议全县非公经济人士积极应对\n新冠肺炎疫情打好防控阻击战\n")
    assert placement.headlines[0].title == "倡议全县非公经济人士积极应对新冠肺炎疫情打好防控阻击战"


def test_two_consecutive_lines_matching_different_articles_stay_apart_and_a_stray_glyph_is_reported() -> None:
    placement = _place("兴县召开疫情设卡防控工作协调会 兴\n 兴县县委统战部新联会\n\n走进一线 送去温暖\n")
    assert placement.headlines[2].title == "兴县召开疫情设卡防控工作协调会"
    assert placement.headlines[1].parts == ["兴县县委统战部新联会", "走进一线 送去温暖"]
    assert len(placement.warnings) == 1 and "“兴”" in placement.warnings[0]


def test_subtitle_with_a_dash_follows_its_title() -> None:
    placement = _place("兴县组织收听收看市委脱贫攻坚工作会议\n\n——县领导在分会场参会\n")
    assert placement.headlines[3].title == "兴县组织收听收看市委脱贫攻坚工作会议"
    assert placement.headlines[3].subtitle == "——县领导在分会场参会"


def test_fragments_matching_no_article_are_unplaced_and_de_doubled() -> None:
    placement = _place("万家灯火兴县城万家灯火兴县城\n\n宅家抗宅家抗““疫疫””\n")
    assert placement.headlines == {}
    assert placement.unplaced == ["万家灯火兴县城", "宅家抗“疫”"]


def test_assignment_is_one_to_one() -> None:
    placement = _place("兴县召开疫情设卡防控工作协调会\n\n兴县组织收听收看脱贫攻坚工作会议\n\n召开疫情设卡防控协调会\n")
    assert placement.headlines[2].title == "兴县召开疫情设卡防控工作协调会"
    assert placement.headlines[3].title == "兴县组织收听收看脱贫攻坚工作会议"
    assert placement.unplaced == ["召开疫情设卡防控协调会"]


def test_derived_title_skips_time_clauses() -> None:
    assert derive_title(["2月5日，兴县召开疫情设卡防控工作协调会。"]) == "兴县召开疫情设卡防控工作协调会"
    assert derive_title(["自疫情发生以来，县委统战部高度重视。"]) == "县委统战部高度重视"
    long = derive_title(["兴县县委统战部新的社会阶层人士联谊会走进坚守在疫情防控一线的工作人员中。"])
    assert len(long) <= 24 and long.endswith("…")


@settings(max_examples=100, deadline=None)
@given(
    st.integers(1, 5).flatmap(
        lambda rows: st.integers(1, 5).flatmap(
            lambda columns: st.lists(
                st.lists(st.floats(0, 1), min_size=columns, max_size=columns), min_size=rows, max_size=rows
            )
        )
    )
)
def test_assignment_total_is_the_best_possible(scores: list[list[float]]) -> None:
    pairs = best_assignment(scores)
    rows, columns = len(scores), len(scores[0])
    assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs}) == min(rows, columns)
    total = sum(scores[r][c] for r, c in pairs)
    best = max(
        sum(scores[r][c] for r, c in zip(order, range(columns)) if r < rows)
        for order in itertools.permutations(range(max(rows, columns)))
    )
    assert total == pytest.approx(best)


def test_a_headline_gives_way_to_one_that_fits_only_there() -> None:
    # Greedy would give article 0 to the first group (0.9) and leave the second unplaced.
    assert best_assignment([[0.9, 0.8], [0.85, 0.0]]) == [(0, 1), (1, 0)]


# Articles of other papers, for the headline rules measured on the layout simulator's pages.
OTHER = [
    "3月28日下午，大竹县越洋电子电脑配件生产、环州机电技改扩能等8个项目在东湖公园入口处集中开工。",
    "12月3日，安县28个重点项目集中开工仪式在安县工业园区进行。",
    "“媒体看福州乡村”日前正式启动。此次活动计划走进40个村庄，媒体代表将围绕五个主题内容讲述乡村故事。",
    "白色垃圾不见了、乱堆乱放没有了。双牌县上梧江瑶族乡开展农村人居环境整治，建设美丽乡村。",
    "5月10日，汉阴县人民医院医疗队冒雨来到龙垭镇，开展健康扶贫巡回医疗义诊活动。",
    "11月1日，王浩屯镇工业园区的工厂里，工人正在生产。园区产业兴旺，带动村民增加收入。",
]


def _place_other(text: str):
    return place_headlines(split_fragments(page_lines("p", text)), OTHER)


@pytest.mark.parametrize("blank", ["", "\n"])
def test_a_title_broken_between_words_is_one_title_with_or_without_a_blank(blank: str) -> None:
    assert _place_other(f"大竹8个项目\n{blank}集中开工\n").headlines[0].parts == ["大竹8个项目集中开工"]
    assert _place_other(f"大竹8\n{blank}个项目集中开工\n").headlines[0].parts == ["大竹8个项目集中开工"]


def test_a_couplet_title_over_two_lines_under_its_kicker() -> None:
    placement = _place_other("双牌上梧江瑶族乡\n\n环境整治进行时\n\n美丽乡村入画来\n")
    assert placement.headlines[3].kicker == "双牌上梧江瑶族乡"
    assert placement.headlines[3].title == "环境整治进行时美丽乡村入画来"


def test_title_and_subtitle_without_a_dash() -> None:
    placement = _place_other("“媒体看福州乡村”启动\n\n媒体代表将带你逛遍40个村庄\n")
    assert placement.headlines[2].title == "“媒体看福州乡村”启动"
    assert placement.headlines[2].subtitle == "媒体代表将带你逛遍40个村庄"


def test_a_headline_scoring_alike_on_two_articles_is_not_the_kicker_of_the_next() -> None:
    placement = _place_other("大竹8个项目集中开工\n\n安县28个重\n点项目集中开工\n")
    assert placement.headlines[0].parts == ["大竹8个项目集中开工"]
    assert placement.headlines[1].parts == ["安县28个重点项目集中开工"]


def test_a_lone_glyph_that_repeats_nothing_is_the_title_broken_inside_a_word() -> None:
    fragments = split_fragments(page_lines("p", "产业兴旺 增\n\n收“有道”\n\n春风化雨润心田 —\n——记一位乡村医生\n"))
    assert [(f.text, f.stray) for f in fragments] == [
        ("产业兴旺 增", False),
        ("收“有道”", False),
        ("春风化雨润心田", False),
        ("—", True),
        ("——记一位乡村医生", False),
    ]


def test_a_dash_line_is_the_subtitle_of_the_line_above_even_when_that_line_matches_weakly() -> None:
    placement = _place_other("义诊送健康，风雨无阻藏真情\n\n——汉阴县人民医院“健康扶贫巡回医疗义诊”到龙垭镇\n")
    assert placement.headlines[4].title == "义诊送健康，风雨无阻藏真情"
    assert placement.headlines[4].subtitle == "——汉阴县人民医院“健康扶贫巡回医疗义诊”到龙垭镇"


def test_a_shadowed_photo_title_is_never_part_of_a_headline() -> None:
    placement = _place_other("双牌上梧江瑶族乡\n\n环境整治进行时\n\n美丽乡村美丽乡村\n")
    assert placement.headlines[3].parts == ["双牌上梧江瑶族乡", "环境整治进行时"]
    assert placement.unplaced == ["美丽乡村"]


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        ("义诊送健康，风雨\n\n无阻藏真情\n", "义诊送健康，风雨无阻藏真情"),  # a clause of two characters cut off
        ("义诊送健\n康，风雨无阻藏真情\n", "义诊送健康，风雨无阻藏真情"),  # 健康, the second line matching nothing
        ("环境整治进行\n\n时 美丽乡村入画来\n", "环境整治进行时 美丽乡村入画来"),  # a lone glyph ends the word above
        ("产业兴旺 增 收\n 收“有道”\n", "产业兴旺 增收“有道”"),  # the same, a stray glyph after it
    ],
)
def test_a_title_cut_inside_a_word_or_a_clause_is_joined(lines: str, title: str) -> None:
    subtitle = "——汉阴县人民医院“健康扶贫巡回医疗义诊”到龙垭镇\n"
    placement = _place_other(lines + ("\n" + subtitle if lines.startswith("义诊") else ""))
    article = {"义": 4, "环": 3, "产": 5}[lines[0]]
    assert placement.headlines[article].title == title
    assert placement.unplaced == []


def test_half_a_title_leaning_to_an_article_titled_already_joins_the_half_beside_it() -> None:
    # A simulated page of real articles: 我县举办 / 戏曲名段展演, the first half sharing more words with
    # another article (我县, 举办), which has its own title printed.
    sim = layout_sim.page(434, "fresh", layout_sim.pool("fresh"))
    issue = parse_pages([("p.txt", sim.text)])
    assert "我县举办戏曲名段展演" in [a.headline.title for a in issue.articles]
    assert "我县举办" not in issue.unplaced_headlines


def test_a_couplet_of_ten_character_halves_broken_before_its_space_is_one_title() -> None:
    articles = ["永年区有个小小乡村书屋，世界读书日这天，书香溢满村里的每个角落。", "".join(OTHER[0])]
    lines = "永年有个小小乡村\n书屋 书香溢满世界读书日\n"
    placement = place_headlines(split_fragments(page_lines("p", lines)), articles)
    assert placement.headlines[0].parts == ["永年有个小小乡村书屋 书香溢满世界读书日"]


def test_half_a_title_no_article_took_joins_the_half_printed_beside_it() -> None:
    articles = [
        "“请再往里面挤一挤。”一场大雪过后，早晚高峰的公交车“一票难求”。",
        "3月28日下午，大竹县8个项目在东湖公园入口处集中开工。",
    ]
    # The stray glyph 车 (the shadow of the next line's first character) keeps the weak half apart at first.
    lines = "雪后上下班高峰 公交 车\n 车“一票难求”\n\n大竹8个项目集中开工\n\n山乡春早\n"
    placement = place_headlines(split_fragments(page_lines("p", lines)), articles)
    assert placement.headlines[0].parts == ["雪后上下班高峰 公交车“一票难求”"]
    assert placement.unplaced == ["山乡春早"]


TITLES_IN_TWO = [
    "汛期来临，怀宁县腊树镇扎实做好防汛抗旱各项工作，切实落实防汛抗旱各项任务。",
    "爱国卫生专项行动开展以来，我县部分村镇的巷道、水沟还有垃圾乱扔乱放现象，影响环境卫生。",
    "红星街道万华凤凰城社区积极发挥志愿者作用，社区志愿者在行动，清理楼道垃圾。",
]


@pytest.mark.parametrize(
    ("lines", "article", "title"),
    [
        # A place named, then words its article prints as they stand: one title, not a kicker.
        ("怀宁腊树镇\n\n落实防汛抗旱各项任务\n", 0, "怀宁腊树镇落实防汛抗旱各项任务"),
        # Nothing says the two lines are two parts: each leans to the article, the first is no slogan.
        ("我县部分村镇垃圾乱扔乱放\n\n影响环境卫生\n", 1, "我县部分村镇垃圾乱扔乱放影响环境卫生"),
        # A line describing many places names no one place: no kicker.
        ("我县部分村镇\n\n垃圾乱扔乱放影响环境卫生\n", 1, "我县部分村镇垃圾乱扔乱放影响环境卫生"),
        # A line with a space in it names no body.
        ("有力量 万华凤凰城社区\n\n志愿者在行动\n", 2, "有力量 万华凤凰城社区志愿者在行动"),
    ],
)
def test_a_title_broken_in_two_is_neither_kicker_nor_subtitle(lines: str, article: int, title: str) -> None:
    placement = place_headlines(split_fragments(page_lines("p", lines)), TITLES_IN_TWO)
    assert placement.headlines[article].parts == [title]


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # A number cut by the break, though the second half alone matches 安县…'s opening better.
        ("大竹8\n\n个项目集中开工\n", "大竹8个项目集中开工"),
        # A couplet whose inner space is not where the line breaks.
        ("特色产业铺\n\n路子 村民增收有奔头\n", "特色产业铺路子 村民增收有奔头"),
        # A line too short for a headline of its own ends the one above; one that starts the next does not.
        ("产业兴旺 增收\n\n“有道”\n", "产业兴旺 增收“有道”"),
    ],
)
def test_structure_joins_a_title_whatever_its_halves_match(lines: str, title: str) -> None:
    articles = [
        "3月28日下午，大竹县越洋电子等8个项目在东湖公园入口处集中开工。",
        "12月3日，安县28个重点项目集中开工仪式在安县工业园区进行，全县共有36个项目集中开工。",
        "近年来，沼山镇发展特色产业，不断壮大村集体经济，有效拓宽村民就业渠道、提升收入水平。",
        "11月1日，王浩屯镇工业园区的工厂里，工人正在生产。园区产业兴旺，带动村民增加收入。",
    ]
    placement = place_headlines(split_fragments(page_lines("p", lines)), articles)
    assert [h.parts for h in placement.headlines.values()] == [[title]]


def test_a_short_line_that_starts_the_next_title_is_not_the_end_of_the_one_above() -> None:
    placement = _place_other("“媒体看福州乡村”启动\n\n媒体代表将带你逛遍40个村庄\n\n产业兴\n\n旺 增收“有道”\n")
    assert placement.headlines[2].parts == ["“媒体看福州乡村”启动", "媒体代表将带你逛遍40个村庄"]


def test_a_whole_couplet_title_is_nobody_s_subtitle_nor_the_end_of_a_title() -> None:
    articles = [
        "眼下正是榨菜丰收的季节，重庆丰都树人镇的万亩榨菜鼓起了村民的腰包，全镇产业兴旺，群众增收有门道。",
        "近年来，沼山镇发展特色产业，铺路子，拓宽村民就业渠道，村民收入有奔头。",
    ]
    lines = "重庆丰都树人镇\n\n万亩榨菜鼓起了村民腰包\n\n产业兴旺 增收“有道”\n\n特色产业铺路子 村民增收有奔头\n"
    placement = place_headlines(split_fragments(page_lines("p", lines)), articles)
    assert placement.headlines[0].parts == ["重庆丰都树人镇", "万亩榨菜鼓起了村民腰包"]
    assert placement.headlines[1].parts == ["特色产业铺路子 村民增收有奔头"]
    assert placement.unplaced == ["产业兴旺 增收“有道”"]


def test_a_couplet_half_matching_little_joins_the_half_its_few_bigrams_point_to() -> None:
    articles = [
        "近年来，沼山镇深挖资源潜力，发展特色产业，不断壮大村集体经济，提升村民收入水平。",
        "4月3日，漳浦官浔镇康庄村的农户忙活春耕，村民们有的采收土豆，有的灌水备耕，增加收入。",
    ]
    placement = place_headlines(split_fragments(page_lines("p", "特色产业铺路子\n\n村民增收有奔头\n")), articles)
    assert placement.headlines == {0: placement.headlines[0]}
    assert placement.headlines[0].parts == ["特色产业铺路子村民增收有奔头"]


@pytest.mark.parametrize("title", ["兴县：工商联倡议积极应对疫情\n", "兴县：\n\n工商联倡议积极应对疫情\n"])
def test_a_title_led_by_a_place_and_a_colon_has_the_line_above_as_its_kicker(title: str) -> None:
    # A lead and a colon (兴县：) open a title: the line above is its kicker, not its title, and
    # a lead printed alone at a line's end goes on into the next line, never into the one above.
    placement = _place("防控阻击战倡议活动\n" + title)
    assert placement.headlines[0].kicker == "防控阻击战倡议活动"
    assert placement.headlines[0].title == "兴县：工商联倡议积极应对疫情"



def test_a_line_with_words_set_apart_is_no_half_of_a_couplet_over_two_lines() -> None:
    # 集中农机保春耕 / 老革命 情牵宏志生 are as long as a couplet's halves, but a half is one phrase:
    # the second line, two words set apart, is a headline of its own (three real articles, as printed).
    printed = {json.loads(line)["title"]: json.loads(line) for line in MORE_ARTICLES.read_text("utf-8").splitlines()}
    titles = ["老革命 情牵宏志生", "122座免费公园秩序井然", "集中农机保春耕"]
    texts = ["".join(printed[title]["paragraphs"]) for title in titles]
    page = "雪后初晴\n\n集中农机保春耕 老\n\n 老革命 情牵宏志生\n\n金秋硕果\n\n122座免费公\n\n园秩序井然\n"
    placement = place_headlines(split_fragments(page_lines("p", page)), texts)
    assert [placement.headlines[n].parts for n in range(3)] == [[title] for title in titles]
