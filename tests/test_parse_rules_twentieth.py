"""Rules found on the twentieth set of real articles (tests/data/articles/local_news_twentieth_held_out.jsonl),
after its single held-out measurement, and on more seeded pages of the earlier sets.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from tests.test_parse_rules_tenth import _titles, _whole

TWENTIETH = "twentieth-held-out"


def test_a_couplet_no_article_holds_heads_the_title_under_it() -> None:
    # 祥龙携瑞辞旧岁 灵蛇纳福启新程 over 金山区各界人士春节团拜会举行: a New Year's wish naming nothing of the
    # story, the couplet had been left among the unplaced headlines.
    for seed in (100003, 100027, 100037):
        article = _whole(seed, "1月26日上午，2025年金山区", TWENTIETH)
        assert article is not None
        assert article.headline.parts == ["祥龙携瑞辞旧岁 灵蛇纳福启新程", "金山区各界人士春节团拜会举行"]


def test_a_broadcaster_in_brackets_after_the_last_sentence_signs_the_story() -> None:
    # …为群众的生命健康继续保驾护航。（封丘电视台）: a county television station sending the story, read as its
    # text or, on a line of its own, as a headline no article took.
    for seed in (100005, 100016, 100048):
        article = _whole(seed, "3月5日，2025年全县卫生健康工作会议", TWENTIETH)
        assert article is not None and article.byline == ["封丘电视台"]


def test_a_place_a_left_over_headline_leads_with_begins_its_story_where_the_text_first_names_it() -> None:
    # 金集镇：最美人间四月天 志愿服务助创建, no article taking it, after a district's volunteer day whose title is of
    # 志愿服务 too: the story of 金集镇 opens with 为巩固全国文明城市创建成果 and names its town, the one before never.
    for seed in (21007, 100063):
        article = _whole(seed, "为巩固全国文明城市创建成果", TWENTIETH)
        assert article is not None and article.headline.title == "金集镇：最美人间四月天 志愿服务助创建"


def test_a_sum_after_a_word_is_closed_up_before_its_letter() -> None:
    # 1个实践所+12个实践站+N个实践点 set justified as 实 践 站 + N 个: the blank after the plus sign had stayed.
    for seed in (100029, 100042):
        article = _whole(seed, "近年来，罕台镇以新时代文明实践所", TWENTIETH)
        assert article is not None and "实践站+N个实践点" in "".join(article.paragraphs)


def test_a_gathering_is_no_body_a_kicker_names() -> None:
    # 新春游园会 / 欢乐享不停, a couplet title broken at its inner blank: 游园会 ends as 协会 does, and the first half
    # had been read as a kicker naming who held it.
    for seed in (100152, 100186):
        article = _whole(seed, "在春节来临之际，为丰富春节期间", TWENTIETH)
        assert article is not None
        assert [part.replace(" ", "") for part in article.headline.parts] == ["新春游园会欢乐享不停"]


def test_a_title_whose_lead_the_next_story_names_first_is_that_story_s_though_its_words_are_on_both_sides() -> None:
    # 新时代文明实践赋能乡村治理新活力 / 塔湾镇：志愿服务显真情 助农秋收暖人心, read as kicker and title over two
    # stories of 志愿服务: the second opens 霜降已过，塔湾镇付园则村…, the first names no 塔湾镇.
    article = _whole(21016, "霜降已过，塔湾镇", TWENTIETH)
    assert article is not None and article.headline.title.replace(" ", "") == "塔湾镇：志愿服务显真情助农秋收暖人心"
    for seed in (100302, 100352):
        assert _whole(seed, "霜降已过，塔湾镇", TWENTIETH) is not None


def test_a_line_whose_lead_only_the_story_below_names_opens_that_story_s_title() -> None:
    # 金集镇：最美人间四月天 / 志愿服务助创建, a couplet title broken at its inner blank: the first half's other words
    # are in no story, and it had been left among the unplaced headlines.
    article = _whole(21009, "为巩固全国文明城市创建成果", TWENTIETH)
    assert article is not None and article.headline.title.replace(" ", "") == "金集镇：最美人间四月天志愿服务助创建"


def test_the_place_a_lead_names_weighs_twice_in_matching_its_line() -> None:
    # 金集镇：最美人间四月天 / 志愿服务助创建: the first half's characters (人, 月, 天) are in every story, its
    # 金集镇 in one; it had gone to another story as a title of its own.
    for seed in (100045, 100056):
        article = _whole(seed, "为巩固全国文明城市创建成果", TWENTIETH)
        assert article is not None and article.headline.title.replace(" ", "") == "金集镇：最美人间四月天志愿服务助创建"


def test_a_paragraph_opening_on_the_meeting_s_floor_opens_no_story() -> None:
    # 会场外，“万副春联送万家”活动火热举行…, the fourth paragraph of a story of a New Year's reception, sends 祝福 as
    # the next story's title 为老人们带去祝福 says: it had opened that story.
    article = _whole(21018, "1月26日上午，2025年金山区", TWENTIETH)
    assert article is not None and article.paragraphs[-1].startswith("会场外")


def test_a_body_doing_something_for_a_place_is_no_name_of_a_kicker() -> None:
    # 大庆市林甸县妇联为兴隆村 / 及示范户授牌, one title broken in its middle third: the first line ends as a village's
    # name does, and had been read as a kicker naming who.
    article = _whole(21026, "6月6日，林甸县妇联", TWENTIETH)
    assert article is not None and article.headline.parts == ["大庆市林甸县妇联为兴隆村及示范户授牌"]


def test_a_body_at_a_place_with_its_verb_on_the_next_line_is_one_title() -> None:
    # 邓州市农办在彭桥镇 / 召开扶贫开发整村推进项目现场观摩办公会: the first line says who and where, the verb is on
    # the second; no kicker, nor a title with a subtitle.
    titles = _titles(100298, "thirteenth-held-out")
    assert ("", "邓州市农办在彭桥镇召开扶贫开发整村推进项目现场观摩办公会", "") in titles
