"""Rules found on the seventeenth set of real articles (tests/data/articles/local_news_seventeenth_held_out.jsonl),
after its single held-out measurement, and on more seeded pages of the earlier sets.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from tests.test_parse_rules_tenth import _titles, _whole

SEVENTEENTH = "seventeenth-held-out"


def test_one_word_of_a_long_title_in_a_story_s_last_paragraph_starts_no_story_there() -> None:
    # 艾粽传情兵地融，一脉同心筑梦圆 over a story of three paragraphs, its one word 兵地融 (兵地融合) in the last: read
    # as the start of the title's story, the last paragraph had been cut off under half the title.
    for seed in (18008, 18011):
        article = _whole(seed, "5月28日，正值端午佳节来临之际", SEVENTEENTH)
        assert article is not None and article.headline.title == "艾粽传情兵地融，一脉同心筑梦圆"


def test_a_district_s_information_officer_signs_as_a_correspondent_does() -> None:
    # （信息员：叶秋希、程越）: read as text, it stayed in the story's last paragraph or opened the next story.
    for seed in (18002, 18005, 18015):
        article = _whole(seed, "为深化政务公开，增进政民互动", SEVENTEENTH)
        assert article is not None and article.byline == ["信息员：叶秋希", "程越"]


def test_a_body_alone_in_brackets_after_the_last_sentence_signs_the_story() -> None:
    # （望谟县融媒体中心）: a body's name with no person's after it had been read as text.
    for seed in (18018, 18026):
        article = _whole(seed, "元宵节临近，为丰富群众的精神文化生活", SEVENTEENTH)
        assert article is not None and article.byline == ["望谟县融媒体中心"]


def test_a_headline_line_opening_with_a_binding_particle_goes_on_with_the_line_before() -> None:
    # 坪山区坑梓街道开展“坪山区政府开放日”系列活动 / 之“空间提升，惠民共享”活动: too long for one title by the lengths
    # alone, the two lines had been two anchors, and 提升 and 活动 of the second in the story before kept the
    # story apart from the one before it.
    article = _whole(18022, "为深化政务公开，增进政民互动", SEVENTEENTH)
    assert article is not None
    assert article.headline.title == "坪山区坑梓街道开展“坪山区政府开放日”系列活动之“空间提升，惠民共享”活动"


def test_a_reporter_s_column_name_over_a_title_is_its_kicker() -> None:
    # 记者在一线 / “说理堂” 群众说理有地方: the couplet the two lines seemed to make had joined them into one title.
    for seed in (18016, 18024):
        assert ("记者在一线", "“说理堂”群众说理有地方", "") in _titles(seed, SEVENTEENTH)


def test_a_farm_is_a_body_whose_verb_leaves_its_title_open() -> None:
    # 土墩子农场举办 / 拔河比赛: a farm was no body's name, and the two lines had been read as kicker and title.
    assert ("", "土墩子农场举办拔河比赛", "") in _titles(18019, SEVENTEENTH)


def test_a_line_ending_where_someone_goes_goes_on_with_what_they_do_there() -> None:
    # 市长杨维到新抚区 / 视察创建文明城区工作情况: the two verbs of one sentence had been read as kicker and title.
    assert ("", "市长杨维到新抚区视察创建文明城区工作情况", "") in _titles(18022, SEVENTEENTH)


def test_a_story_sharing_no_words_with_the_dated_one_before_it_begins_where_a_headline_s_word_does() -> None:
    # 多方合力战冰雪 共筑出行“平安路”, only its 出行 printed in its story (11月25日晚，科左中旗迎来降雪天气…), after a
    # dated story of 乌拉特前旗 sharing almost no words with it: the two had been read as one.
    article = _whole(10000, "11月25日晚，科左中旗迎来降雪天气", "ninth-held-out")
    assert article is not None and article.headline.title.replace(" ", "") == "多方合力战冰雪共筑出行“平安路”"
