"""Rules found on the twelfth set of real articles (tests/data/articles/local_news_twelfth_held_out.jsonl),
after its single held-out measurement, and on more seeded pages of the earlier sets.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from tests.test_parse_rules_tenth import _articles, _titles, _whole

TWELFTH = "twelfth-held-out"


def test_a_person_named_before_a_break_and_quoted_after_it_is_one_story() -> None:
    # 本报洛阳讯 75岁的王德清正在… / …”王德清说。: the headline's village (洲岭村) named only after the break had
    # cut the story's first paragraphs off as an article with a derived title.
    article = _whole(13018, "75岁的王德清", TWELFTH)
    assert article is not None and article.dateline == "本报洛阳讯"


def test_a_title_line_as_much_before_a_break_as_after_it_says_no_story_began_earlier() -> None:
    # 铺就群众幸福路 / ——沔城回族镇洲岭村见闻: 幸福 in the story before (幸福生活) and after (幸福路); the title had
    # kept the cut a paragraph too early, taking the last paragraph of the story before.
    assert _whole(13023, "75岁的王德清", TWELFTH) is not None
    assert _whole(13023, "远处青山环绕", TWELFTH) is not None


def test_one_character_after_a_stop_ends_no_title() -> None:
    # 通州如意园小区今日解封！居 / 民：解封后想第一时间见到他们 (居民): read as two headlines, the title's halves
    # had cut its article in two between its paragraphs.
    titles = _titles(100061, "eleventh-held-out")
    assert ("", "通州如意园小区今日解封！居民：解封后想第一时间见到他们", "") in titles
    assert _whole(100061, "通州区新华街道如意园小区", "eleventh-held-out") is not None


def test_the_medium_s_xun_after_a_marked_writer_and_credit_is_the_dateline_s() -> None:
    # □记者 杨元琪 文/图 本报讯 / 近日，本报接到…: 本报讯 had been left to open the first paragraph.
    _, articles = _articles(13017, TWELFTH)
    article = next(a for a in articles if a.paragraphs[0].startswith("近日，本报接到市民反映"))
    assert article.dateline is not None and article.dateline.replace(" ", "") == "□记者杨元琪文/图本报讯"


def test_a_line_opening_with_one_character_and_a_colon_goes_on_with_the_line_above() -> None:
    # 社区居民陈 / 凤：小区干净了住着更舒心 (陈凤): no lead is one character; the name's first half had been read as
    # the kicker.
    assert ("", "社区居民陈凤：小区干净了住着更舒心", "") in _titles(100052, TWELFTH)


def test_a_lone_character_set_wide_in_a_title_is_no_stray_glyph() -> None:
    # 海头村侨企捐资  兴 / 建老人活动中心 and 海头村侨企捐 / 资  兴建…: the title prints two blanks before 兴建; the
    # character alone on its side had been dropped as a shadow's stray glyph.
    for seed in (100029, 100039):
        assert ("", "海头村侨企捐资兴建老人活动中心", "") in _titles(seed, "ninth-held-out")


def test_a_line_not_set_in_goes_on_where_its_first_character_doubles_the_last_one_above() -> None:
    # 热闹邻里节 满 / 满“烟火气” (满满): the shadow of a stray glyph sets its line in (兴 / 兴县… on the sample
    # page); a line flush with the column whose first character makes a word with the one before goes on.
    assert ("", "热闹邻里节满满“烟火气”", "") in _titles(100003, "fresh")


def test_a_word_opened_by_cun_xiang_or_zhen_names_no_place() -> None:
    # 宜居乡村, 丰富村民, 依托村乡贤: read as places (宜居乡, 丰富村), they were "named on both sides" of the break
    # between two stories and kept them one article.
    assert _whole(100098, "11月7日，由人民日报", "sixth-held-out") is not None


def test_a_headline_s_faint_word_before_its_story_does_not_pull_its_start_earlier() -> None:
    # 县消防救援大队开展节前消防安全检查 over a story after one of a park (消防 once in the park's last paragraph):
    # the break after that paragraph scored lower, and the park's last paragraph had opened the fire story.
    assert _whole(100015, "为进一步加强春节前的消防安全工作", "fresh") is not None
    # 天等：春日里的“甜蜜事业” (甘蔗 in its own lede): the lede stays with its story.
    assert _whole(11016, "眼下正值甘蔗收购的旺季", "tenth-held-out") is not None


def test_a_quoted_term_opening_a_lone_paragraph_is_no_speech() -> None:
    # 本报记者 王丽 报道 “五一”期间，丹东地产的草莓…: one paragraph alone before an undated story opening with a
    # quoted term, not a quotation; it had been read as that story's lede and run on into it.
    assert _whole(100067, "清晨的洱海", "seventh-held-out") is not None
    assert _whole(100067, "“五一”期间", "seventh-held-out") is not None


def test_an_undated_story_s_last_paragraphs_without_their_stop_stay_its_text() -> None:
    # 麻姑峰村… / …新的休闲娱乐场所 / 记者了解到，…充满憧憬, then a dateline: the story's last two paragraphs,
    # printed without their final stops, had been read as headlines and made articles of their own.
    article = _whole(100084, "麻姑峰村是罗浮山管委会", "ninth-held-out")
    assert article is not None and article.headline.title.startswith("麻姑峰村")
