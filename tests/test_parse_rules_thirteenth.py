"""Rules found on the thirteenth set of real articles (tests/data/articles/local_news_thirteenth_held_out.jsonl),
after its single held-out measurement, and on more seeded pages of the earlier sets.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from tests.test_parse_rules_tenth import _titles, _whole

THIRTEENTH = "thirteenth-held-out"


def test_two_characters_set_wide_after_a_title_half_begin_its_second_half() -> None:
    # 下沉社区开展志愿服务  创造 / 干净整洁社区环境: 创造 read as a headline of its own had joined the next line,
    # and the couplet's halves, two headlines, had cut the article's last paragraph off under the second.
    for seed in (14000, 14002):
        assert ("", "下沉社区开展志愿服务创造干净整洁社区环境", "") in _titles(seed, THIRTEENTH)
        assert _whole(seed, "近日，红安县城管执法局", THIRTEENTH) is not None


def test_a_line_ending_with_a_dash_is_the_kicker_of_the_line_under_it() -> None:
    # 北碚区政协与巴中市政协—— / 挖掘合作“闪光点” 联合履职助“双圈”: the dash leads into the title; the first line had
    # been read as the title and the second as its subtitle.
    for seed in (14010, 14015, 100000):
        assert ("北碚区政协与巴中市政协——", "挖掘合作“闪光点”联合履职助“双圈”", "") in _titles(seed, THIRTEENTH)


def test_a_lone_character_set_apart_at_a_line_s_start_joins_the_title_line_above() -> None:
    # 心往一块想劲往一块 / 使 省文联赴双联帮扶点开展送万福活动: 使 ends the word cut at the break; the two lines read as
    # two headlines had cut the story in two.
    assert _whole(100030, "近日，省文联组织部分知名书法家", "twelfth-held-out") is not None


def test_a_long_line_under_a_couplet_is_its_subtitle() -> None:
    # 沧海桑田话变迁 旧貌新颜颂党恩 / 州委群工局组织职工赴蓉参观“壮丽七十年 阔步新时代”甘孜展馆: the couplet had
    # been read as the kicker of a 27-character title.
    titles = _titles(14006, THIRTEENTH)
    subtitle = "州委群工局组织职工赴蓉参观“壮丽七十年 阔步新时代”甘孜展馆"
    assert ("", "沧海桑田话变迁旧貌新颜颂党恩", subtitle) in titles
    # A short line under a couplet stays its title: 防疫有我 爱卫同行 / 箭塘社区搭建趣味小擂台.
    assert any(kicker == "防疫有我 爱卫同行" for kicker, _, _ in _titles(14001, THIRTEENTH))


def test_a_short_headline_of_common_words_bids_less_for_a_story_than_one_that_names_it() -> None:
    # 工作进行检查 (the end of a title broken in two) is found whole in a story of a lost purse handed back; it had
    # taken that story from its own title, 国庆节群众不慎丢包 开封繁塔交警忙送还, left unplaced.
    assert ("", "国庆节群众不慎丢包开封繁塔交警忙送还", "") in _titles(100057, "fresh")
    # A photo's title (山乡春早) had taken the story of 镇原春节见闻：和煦春风暖民心.
    assert ("", "镇原春节见闻：和煦春风暖民心", "") in _titles(100014, "tenth-held-out")


def test_a_short_line_over_a_placed_title_that_reads_as_its_kicker_is_taken_as_such() -> None:
    # 大美宁德 / 寿宁福厚村：梨花曼妙舞春分: the title placed on its own, the line over it was left unplaced.
    assert ("大美宁德", "寿宁福厚村：梨花曼妙舞春分", "") in _titles(100054, "second-held-out")


def test_a_medium_s_name_and_xiaoxi_alone_before_a_blank_is_a_dateline() -> None:
    # 红安网消息 红安县七里坪镇草鞋店村…: not read as a dateline, the story had run on from the one before it.
    article = _whole(100088, "红安县七里坪镇草鞋店村", THIRTEENTH)
    assert article is not None and article.dateline == "红安网消息"


def test_a_medium_s_own_name_opens_a_story_with_its_xun_or_xiaoxi_and_no_blank_after() -> None:
    # 荆州新闻网消息：4月11日起… and 拂晓新闻网--拂晓报讯6月27日上午…: unread, each story had run on from the one
    # before it.
    article = _whole(100067, "4月11日起，荆州中心城区", "sixth-held-out")
    assert article is not None and article.dateline == "荆州新闻网消息："
    article = _whole(100050, "6月27日上午，埇桥区桃园镇", "ninth-held-out")
    assert article is not None and article.dateline == "拂晓新闻网--拂晓报讯"


def test_a_medium_s_name_with_its_reporters_in_brackets_opens_a_story() -> None:
    # 重庆彭水网（融媒体首席记者 赵勇） 8月23日…: unread, the story had run on from the one before it.
    article = _whole(100083, "8月23日，在鹿鸣乡漆园村", "third-held-out")
    assert article is not None and (article.dateline or "").startswith("重庆彭水网（")


def test_a_long_line_over_a_couplet_is_its_kicker() -> None:
    # 潞州区东街街道长兴社区积极组织开展环境卫生整治活动 / 清洁家园齐行动 扮美社区共参与: the long line had been
    # read as the title and the couplet as its subtitle.
    kicker = "潞州区东街街道长兴社区积极组织开展环境卫生整治活动"
    assert (kicker, "清洁家园齐行动扮美社区共参与", "") in _titles(13010, "twelfth-held-out")


def test_justified_blanks_between_latin_quotes_in_chinese_text_close() -> None:
    # 用通俗易懂的" 大 白 话 " " 家 常 话 " ，: the blank between the two quoted terms had stayed in the text.
    assert _whole(100023, "11月17日，在淝田镇集凤村", "ninth-held-out") is not None


def test_a_line_going_on_into_the_next_inside_a_word_ends_no_title_above_it() -> None:
    # 沙土地种出“黑金子” / 黑河市举行共创国 / 家园林城主题宣传活动 (国家): the middle line, read as the second half of
    # a couplet, had joined the title above it.
    assert ("", "黑河市举行共创国家园林城主题宣传活动", "") in _titles(8018, "seventh-held-out")


def test_the_halves_of_a_couplet_leaning_weakly_to_one_story_are_one_title() -> None:
    # 九月秋收农人忙 / 百里果林柑橘香: neither half leans to a story on its own; the second had been left over.
    assert ("", "九月秋收农人忙百里果林柑橘香", "") in _titles(100046, "second-held-out")


def test_a_title_line_ending_with_a_comma_goes_on_for_the_anchors_too() -> None:
    # 女子桥边想轻生， / 民警一把抓住她: the two halves, two anchors, had cut the story at 民警到达现场后.
    assert _whole(100069, "9月27日下午3时多", "eleventh-held-out") is not None
