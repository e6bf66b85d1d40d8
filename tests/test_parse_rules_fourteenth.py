"""Rules found on the fourteenth set of real articles (tests/data/articles/local_news_fourteenth_held_out.jsonl),
after its single held-out measurement, and on more seeded pages of the earlier sets.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from converter.clean import parse_pages
from tests.test_parse_rules_tenth import _titles, _whole

FOURTEENTH = "fourteenth-held-out"
THIRTEENTH = "thirteenth-held-out"


def test_a_blank_before_a_unit_set_as_one_glyph_closes() -> None:
    # 停车场1500 ㎡，安装路灯…: the blank left in, the story's text was no longer the one printed.
    assert _whole(15021, "10月21日，市政协孙桥镇", FOURTEENTH) is not None


def test_two_stories_run_together_are_cut_where_each_headline_is_found_on_its_own_side_alone() -> None:
    # 【民生】绵竹：民生微实事 件件暖民心 over a story of village roads, 孙桥镇：凝聚政协之力 助力基层治理 over the
    # next, neither with a dateline or byline: each headline holds only a quarter of its story's words, too little
    # for a cut until each is found on its own side of the break and not at all on the other.
    assert _whole(15010, "10月21日，市政协孙桥镇", FOURTEENTH) is not None
    assert _whole(15010, "“这条路以后再也不是", FOURTEENTH) is not None
    assert _whole(100100, "7月20日下午，来安县", "fourth-held-out") is not None
    assert _whole(100460, "8月27日，在莒县库山乡", "fresh") is not None


def test_two_characters_set_apart_at_a_line_s_start_finish_the_couplet_half_above() -> None:
    # 瑞雪纷飞兆 / 丰年 什邡蓥华别样美 (瑞雪兆丰年): read as two anchors, the halves had cut their story in two.
    assert _whole(100070, "2018年春节的脚步", FOURTEENTH) is not None
    # 暖暖敬 / 老心 浓浓爱老情: the same at a couplet's first half cut after three characters.
    assert _whole(100158, "10月18日，义乌市城市有爱", "ninth-held-out") is not None


def test_a_title_line_ending_with_a_conjunction_goes_on_into_the_next() -> None:
    # 泸州市委宣传部与 / 杜家街社区开展包保工作联席活动: read as a title and its subtitle.
    for seed in (100012, 100021):
        assert ("", "泸州市委宣传部与杜家街社区开展包保工作联席活动", "") in _titles(seed, FOURTEENTH)


def test_a_long_line_under_a_couplet_parted_by_a_comma_is_its_subtitle() -> None:
    # 服务为大家，社区在行动 / 薛家岛街道各社区大力营造…的良好创城氛围: the comma had made the couplet a kicker.
    subtitle = "薛家岛街道各社区大力营造“人人文明，人人参与”的良好创城氛围"
    for seed in (15008, 15013, 15029):
        assert ("", "服务为大家，社区在行动", subtitle) in _titles(seed, FOURTEENTH)


def test_a_column_line_led_by_a_dash_the_sentence_above_runs_on_into_is_text() -> None:
    # …三坪村还有特色产业 / ——土生土长的跑山鸡、油牡: the dash line had been read as a subtitle and cut the story.
    assert _whole(100043, "2017年7月22日绵阳电视台", FOURTEENTH) is not None
    # …户户有能人 / — — 东昌府区'乡村振兴 好戏之: the same in a story of the tenth set, the stories after it lost.
    assert _whole(100056, "为助力打造乡村文化振兴", "tenth-held-out") is not None
    assert _whole(100056, "10月10号，正值寒露深秋", "tenth-held-out") is not None


def test_a_line_opening_with_a_column_s_name_in_brackets_opens_a_title() -> None:
    # 寻找绵阳最美乡村：探秘云朵上的三坪村 / 【新春走基层】春雪过后，张家川县…: joined as one title, two stories
    # had run together under it.
    titles = _titles(100105, FOURTEENTH)
    assert ("", "寻找绵阳最美乡村：探秘云朵上的三坪村", "") in titles
    assert ("", "【新春走基层】春雪过后，张家川县北关山犹如一幅水墨丹青画", "") in titles


def test_a_stray_bracket_repeating_the_next_line_s_first_is_no_part_of_the_title() -> None:
    # 幸福路垃圾桶 / 影响环境 [ / [徐汇]争当时代…: the shadow of [ had stayed at the end of the title above.
    assert ("", "幸福路垃圾桶影响环境", "") in _titles(100452, "eleventh-held-out")


def test_a_blank_between_capital_letters_and_the_number_they_head_closes() -> None:
    # 温州亚美信公司LT 24班21位同学: the blank left in, the story's text was no longer the one printed.
    assert _whole(100010, "12月26日，星期五", FOURTEENTH) is not None


def test_a_headline_sharing_no_words_with_any_story_cuts_the_one_article_holding_two() -> None:
    # 沙土地种出“黑金子” over a story of 黑木耳 that never says 沙土地: its story had run on from 黑河市举行共创国家
    # 园林城主题宣传活动's, the two sharing almost no words across the break, the second opening with its date.
    assert _whole(8018, "6月3日，五河县大新镇", "seventh-held-out") is not None
    assert ("", "沙土地种出“黑金子”", "") in _titles(8018, "seventh-held-out")


def test_a_story_cut_in_two_by_the_halves_of_its_couplet_title_is_joined_again() -> None:
    # 下沉社区开展志愿服务 / 创造干净整洁社区环境 on two lines: each half found on its own side of a paragraph break
    # had cut the story in two, each part under a half.
    for seed in (100013, 100117):
        assert _whole(seed, "近日，红安县城管执法局", THIRTEENTH) is not None
    assert _whole(100290, "“热热闹闹的现场", "fresh") is not None


def test_a_body_s_name_over_a_line_the_story_prints_it_with_is_the_start_of_one_title() -> None:
    # 柳林县中医院 / 举行首届中国医师节义诊活动 and 岳阳县长湖乡 / 卫生院新院落成: the stories print the words across
    # the break (中医院举行, 长湖乡卫生院), which none of the sets' kickers naming a body do with their titles.
    assert ("", "柳林县中医院举行首届中国医师节义诊活动", "") in _titles(100004, "second-held-out")
    assert ("", "岳阳县长湖乡卫生院新院落成", "") in _titles(100203, "third-held-out")


def test_two_title_lines_the_story_prints_across_their_break_are_one_title() -> None:
    # 有力量 万华凤凰城 / 社区志愿者在行动 (凤凰城社区) and 我县对节日期间消防 / 安全工作进行检查 (消防安全): read
    # as two headlines each, the first half left a title of its own.
    assert ("", "有力量万华凤凰城社区志愿者在行动", "") in _titles(100119, "dev")
    assert ("", "我县对节日期间消防安全工作进行检查", "") in _titles(100137, "fresh")


# Two articles of the property test's sample paragraphs, each with its dateline and byline, and two of their
# text's lines printed as headlines (found once by the property test).
_TWO_DATED = (
    "本报讯 与会人\n\n"
    "员纷纷表示，尽快将\n\n"
    "人员配备到位，使全\n\n"
    "县卡口的疫情检测更\n\n"
    "加规范全面。\n\n"
    " （张明提）\n\n"
    "本报讯 据悉，此\n\n"
    "次爱心慰问善款，由\n\n"
    "县委统战部新联会、\n\n"
    "知联会以及宗教人士\n\n"
    "共同筹集，活动共发\n\n"
    "放了价值18000余元\n\n"
    "的物资。\n\n"
    "当前新型冠状病\n\n"
    "毒肺炎疫情的防控工\n\n"
    "作正处于关键时刻。\n\n"
    "作为党委联系非公有\n\n"
    "制经济人士的桥梁和\n\n"
    "纽带，兴县工商联时\n\n"
    "刻与党委、政府保持\n\n"
    "高度一致。\n\n"
    "一是积极采取疫\n\n"
    "情综合防控措施。倡\n\n"
    "导文明过节，自觉停\n\n"
    "止一切走亲访友活动\n\n"
    "，不聚会、不聚餐，减\n\n"
    "少人员聚集；出门戴\n\n"
    "口罩，回家先洗手，室\n\n"
    "内常通风。\n\n"
    " （张明提）\n\n"
    "将人员配备到位使全县\n\n"
    "据悉此次爱心慰问善款\n"
)


def test_the_lines_of_one_headline_found_on_two_sides_of_a_break_say_nothing_of_it() -> None:
    # 将人员配备到位使全县 / 据悉此次爱心慰问善款, kept together as one headline by the anchors: the second line all
    # before a break and the first's one word (人员) after it had read as two headlines and cut a dated story.
    issue = parse_pages([("page.txt", _TWO_DATED)])
    assert [article.byline for article in issue.articles] == [["张明提"], ["张明提"]]


def test_a_label_and_its_colon_under_a_title_is_its_subtitle() -> None:
    # 这处人行道冒水一个多月了 / 地点：光明路与联盟路交叉口西北侧: 地点： read as a lead like 武汉：, the title
    # above had become its kicker.
    for seed in (100000, 100003):
        assert ("", "这处人行道冒水一个多月了", "地点：光明路与联盟路交叉口西北侧") in _titles(seed, "twelfth-held-out")


def test_a_place_s_name_over_a_title_of_two_phrases_is_its_kicker() -> None:
    # 大石街道 / 修建便民桥 方便400余名村民出行: by their lengths the lines made a couplet broken across the line
    # (大石街道修建便民桥 / 方便400余名村民出行), and the name was read as the start of the title.
    for seed in (100009, 100022):
        assert ("大石街道", "修建便民桥方便400余名村民出行", "") in _titles(seed, "ninth-held-out")


def test_a_title_opened_by_a_column_s_name_goes_on_into_the_line_under_it() -> None:
    # 【新春走基层】春雪过后，张家川县 / 北关山犹如一幅水墨丹青画 and 【记者走基层】云集镇： / 快递引进乡村…: no
    # kicker of the sets opens with a column's name in brackets; the first lines had been read as kickers.
    assert ("", "【新春走基层】春雪过后，张家川县北关山犹如一幅水墨丹青画", "") in _titles(100099, FOURTEENTH)
    assert ("", "【记者走基层】云集镇：快递引进乡村血脐热销全国", "") in _titles(100096, "twelfth-held-out")
