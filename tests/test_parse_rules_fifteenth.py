"""Rules found on the fifteenth set of real articles (tests/data/articles/local_news_fifteenth_held_out.jsonl),
after its single held-out measurement, and on more seeded pages of the earlier sets.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from tests.test_parse_rules_tenth import _titles, _whole

FIFTEENTH = "fifteenth-held-out"


def test_a_title_line_ending_with_a_middle_dot_or_a_column_s_bar_goes_on_into_the_next() -> None:
    # “书记坝坝茶”· / 助力乡村振兴: the dot joins the two; read as two headlines, the second half went astray.
    assert ("", "“书记坝坝茶”·助力乡村振兴", "") in _titles(16014, FIFTEENTH)
    # [网络中国节· / 春节]夏邑县“乡村春晚”别样火: the dot inside a column's name in brackets.
    assert ("", "[网络中国节·春节]夏邑县“乡村春晚”别样火", "") in _titles(100031, FIFTEENTH)


def test_a_title_line_opening_with_a_column_s_bar_goes_on_from_the_line_above() -> None:
    # 冬至大如年 人间小团圆 / 丨杭州道街道社区暖冬行动温情绽放: the couplet had been read as a kicker.
    assert ("", "冬至大如年人间小团圆丨杭州道街道社区暖冬行动温情绽放", "") in _titles(100263, "sixth-held-out")
    assert ("", "向不文明行为说“不”丨牛皮癣“爬上”线杆，太扎眼！", "") in _titles(100153, "eleventh-held-out")


def test_a_line_over_a_title_opening_with_a_column_s_name_in_brackets_is_its_kicker() -> None:
    # 擦亮乡村底色 建设美丽家园 / [西固镇]西固镇开展人居环境集中整治行动: the bracketed name opens a title, never a
    # subtitle, so the couplet over it is its kicker (it had been read as the title, the line under as its subtitle).
    for seed in (16014, 16021, 16023):
        assert ("擦亮乡村底色 建设美丽家园", "[西固镇]西固镇开展人居环境集中整治行动", "") in _titles(seed, FIFTEENTH)


def test_two_stories_of_one_kind_run_together_are_cut_where_their_headlines_places_part() -> None:
    # 济南市莱芜区茶业口镇上王庄村：整治人居环境 助力乡村振兴 over a dated story, 蒙古营镇持续开展环境卫生整治工作 over
    # the undated one after it: both of 环境卫生整治, their words shared on both sides; 上王庄村 is named only
    # before the break, 蒙古营镇 only after it. Cut there, the first headline no longer cuts the second story again.
    assert _whole(16007, "为进一步改善卫生环境", FIFTEENTH) is not None
    assert _whole(16007, "近日，蒙古营镇", FIFTEENTH) is not None
    # 白帝镇：开展“渝见石榴红・奉上民族情”活动 and 先滩镇：扎实开展民族团结进步宣传月活动…, both of 民族团结.
    assert _whole(100184, "近日，白帝镇积极开展", "tenth-held-out") is not None
    assert _whole(100184, "为铸牢中华民族共同体意识", "tenth-held-out") is not None


def test_a_couplet_after_a_column_s_bar_goes_on_into_the_line_under() -> None:
    # 乡村振兴 | 甘蔗丰收口口甜 / 增收致富节节高: the couplet's halves, on two lines, had each cut the story as a
    # headline of its own.
    assert ("", "乡村振兴|甘蔗丰收口口甜增收致富节节高", "") in _titles(100026, "thirteenth-held-out")
    assert _whole(100026, "时下正值甘蔗丰收之际", "thirteenth-held-out") is not None


def test_a_byline_may_credit_the_text_and_photos_or_the_video_before_a_colon() -> None:
    # （文图：罗素玲 视频：罗素玲 胡东和）: read as text, the story ran on into the next one.
    for seed in (9012, 100117):
        article = _whole(seed, "从化是广东省荔枝晚熟", "ninth-held-out")
        assert article is not None and article.byline == ["文图：罗素玲", "视频：罗素玲", "胡东和"]


def test_no_story_opens_with_what_points_back_to_an_event_told() -> None:
    # 此次活动不仅是一次环境卫生整治… ends 双红村：志愿服务“扮靓”省道沿线; cut before it, it went to the story after.
    assert _whole(100048, "3月19日，双峰县沙塘乡", "thirteenth-held-out") is not None


def test_no_story_opens_with_the_day_or_the_place_it_has_named() -> None:
    # 当天的开幕活动… ends the 忠县首届栀子花文化旅游节开幕 story; cut before it, the story after lost its start too.
    assert _whole(100133, "5月30日，以“栀子飘香", "fourth-held-out") is not None
    assert _whole(100133, "“您看咱家这黑木耳", "fourth-held-out") is not None


def test_two_stories_under_two_titles_read_as_one_headline_are_cut_apart() -> None:
    # 徐家楼街道各社区扮靓美好家园 over 【新春走基层】甘谷：干群携手扩渠清淤备春耕, two stories run together,
    # had been read as a title and its subtitle over one article; each title is found on its own side of a break.
    assert ("", "徐家楼街道各社区扮靓美好家园", "") in _titles(100117, "fourteenth-held-out")
    assert _whole(100117, "近日，徐家楼街道全面开展", "fourteenth-held-out") is not None
    assert _whole(100117, "目前，正是春耕生产的关键时期", "fourteenth-held-out") is not None


def test_a_couplet_broken_across_two_lines_after_its_title_s_lead_is_one_title() -> None:
    # 皖美宝藏小城丨陈汉乡：志愿服务 / 迎新春 洁净乡村过大年: the halves 志愿服务迎新春 and 洁净乡村过大年 are read
    # without the column's name and the lead before them (it had been a title and its subtitle).
    title = "皖美宝藏小城丨陈汉乡：志愿服务迎新春洁净乡村过大年"
    assert ("", title, "") in _titles(15013, "fourteenth-held-out")
    # A place's name after the break opens a title of its own: 镇原春节见闻：和煦春风暖民心 / 翠屏区 推进新时代文明实践.
    assert ("", "镇原春节见闻：和煦春风暖民心", "") in _titles(200191, "tenth-held-out")
