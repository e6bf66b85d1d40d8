"""Rules found on the twenty-fifth set of real articles (tests/data/articles/local_news_twenty_fifth_held_out.jsonl),
after its single held-out measurement, and on more seeded pages of the earlier sets.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from tests.test_parse_rules_tenth import _titles, _whole


def test_a_title_broken_inside_a_word_the_text_never_prints_is_one_anchor() -> None:
    # 库区基金项 / 目扮靓新农村: the break cuts 项目, which the story never prints next to 库区基金; each half was an
    # anchor of its own, the story after 甘谷：清淤渠 畅灌溉 保春耕 was read as its end and both were lost.
    story = _whole(200183, "“亭子好漂亮啊！”", "fourteenth-held-out")
    assert story is not None and story.headline.title == "库区基金项目扮靓新农村"
    assert _whole(200183, "2月14日，记者在甘谷县", "fourteenth-held-out") is not None
    assert ("", "甘谷：清淤渠畅灌溉保春耕", "") in _titles(200183, "fourteenth-held-out")


def test_words_most_stories_print_do_not_place_a_headline_in_the_story_before_its_own() -> None:
    # 项城法院院长带队开展扫黑除恶宣传活动 after a story of 普法 that prints 开展, 宣传 and 活动: read by all its
    # bigrams, the headline lay partly in the story before and said no story begins after it; the two read as one.
    story = _whole(25005, "为提高群众对“扫黑除恶”专项斗争", "twenty-fourth-held-out")
    assert story is not None and story.headline.title == "项城法院院长带队开展扫黑除恶宣传活动"
    assert _whole(25005, "4月19日，皋兰县积极组织", "twenty-fourth-held-out") is not None
