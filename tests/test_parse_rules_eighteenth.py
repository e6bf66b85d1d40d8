"""Rules found on the eighteenth set of real articles (tests/data/articles/local_news_eighteenth_held_out.jsonl),
after its single held-out measurement, and on more seeded pages of the earlier sets.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from tests.test_parse_rules_tenth import _titles, _whole

EIGHTEENTH = "eighteenth-held-out"


def test_a_place_named_down_to_its_community_over_a_couplet_is_the_couplet_s_kicker() -> None:
    # 离石区凤山街道久安社区 / 银装素裹迎新春 扫雪除冰保畅通: a name longer than most kickers over a couplet leaning
    # to no story; the name had been read as the title and the couplet left unplaced.
    for seed in (19009, 19013, 19017):
        assert ("离石区凤山街道久安社区", "银装素裹迎新春扫雪除冰保畅通", "") in _titles(seed, EIGHTEENTH)


def test_a_couplet_s_halves_on_two_lines_under_its_kicker_are_the_title() -> None:
    # 离石区凤山街道久安社区 / 银装素裹迎新春 / 扫雪除冰保畅通: kicker, title and subtitle by their order alone.
    for seed in (19005, 19015, 19025):
        assert ("离石区凤山街道久安社区", "银装素裹迎新春扫雪除冰保畅通", "") in _titles(seed, EIGHTEENTH)


def test_a_title_line_ending_in_a_place_s_name_after_a_comma_goes_on() -> None:
    # 垃圾分类我参与，平谷区 / 王辛庄镇开展周末卫生大扫除活动: the first line, a clause by its comma, had been read
    # as the kicker of the second.
    assert ("", "垃圾分类我参与，平谷区王辛庄镇开展周末卫生大扫除活动", "") in _titles(19012, EIGHTEENTH)


def test_a_headline_mostly_before_a_break_the_two_sides_sharing_almost_no_words_lies_before_it() -> None:
    # 六石义工：志愿服务进山区 文明实践暖人心 over its story and 震湖乡春节文化活动丰富多彩 over the next: the first
    # title's 暖人心 quoted in the second story (“党的政策暖人心…”) had kept the two stories one.
    for start in ("3月10日上午，一行车辆驶出六石街道", "春节期间，西吉县震湖乡"):
        article = _whole(19028, start, EIGHTEENTH)
        assert article is not None and not article.headline.subtitle


def test_a_line_naming_who_said_the_quotation_above_ends_its_paragraph() -> None:
    # “…岛石是我家，环境靠大家。” / 巾帼志愿者小方笑着说。: the short speech tag, read as a paragraph of its own, had
    # gone with the next story.
    article = _whole(19026, "近日，临安区岛石集镇", EIGHTEENTH)
    assert article is not None and article.paragraphs[-2].endswith("”巾帼志愿者小方笑着说。")


def test_a_few_words_ending_with_an_exclamation_under_an_open_line_end_its_title() -> None:
    # 好榜样！蕉城这里来了一群志愿 / 服务“热心人”！, neither line leaning to a story: the short second line had been
    # left unplaced as if it were a photo's title.
    assert ("", "好榜样！蕉城这里来了一群志愿服务“热心人”！", "") in _titles(19008, EIGHTEENTH)


def test_a_title_line_ending_in_a_word_that_binds_the_next_goes_on() -> None:
    # 徐家楼街道各 / 社区扮靓美好家园: 各 (each) ends no title; the second line, leaning to no story, had been left
    # unplaced under half a title.
    for seed in (100016, 100035):
        assert ("", "徐家楼街道各社区扮靓美好家园", "") in _titles(seed, "fourteenth-held-out")


def test_a_closing_line_sharing_no_words_with_either_story_ends_the_story_before() -> None:
    # 全市各乡镇及部分村相关负责人参加了会议。, the last line of a meeting's report, before an untitled story of 怀集
    # sharing no words with it either: it had opened the story after.
    article = _whole(100003, "4月17日，黄骅市在吕桥镇", EIGHTEENTH)
    assert article is not None and article.paragraphs[-1] == "全市各乡镇及部分村相关负责人参加了会议。"


def test_a_closing_paragraph_opened_as_stories_close_runs_on_into_its_cry() -> None:
    # 下一步，新光社区将以 / 社区治理为抓手，以文明提 / … / 光添彩！: the indented first line, narrower than its column
    # and ending at no clause break, had ended the text; the paragraph was listed among the headlines.
    article = _whole(100072, "近日，滨河新区街道新光社区", "sixteenth-held-out")
    assert article is not None and article.paragraphs[-1].startswith("下一步，新光社区将以社区治理为抓手")


def test_a_lede_opening_with_verse_opens_its_story() -> None:
    # 春风暖暖茶园绿，层层叠叠上小峰。…, the lede of 凤庆县大寺乡：绿芽茶飘香 茶农采茶忙, shares no words with either
    # story; read as the last paragraph of the story before, it had gone with that story.
    article = _whole(16026, "春风暖暖茶园绿", "fifteenth-held-out")
    assert article is not None and "绿芽茶飘香" in article.headline.title
