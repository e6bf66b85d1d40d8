"""Rules found on the sixteenth set of real articles (tests/data/articles/local_news_sixteenth_held_out.jsonl),
after its single held-out measurement, and on more seeded pages of the earlier sets.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from tests.test_parse_rules_tenth import _titles, _whole

SIXTEENTH = "sixteenth-held-out"


def test_a_byline_may_credit_the_text_or_name_the_township_that_sent_it_before_a_colon() -> None:
    # （文字：郑振华） and （鸡林乡：付超）: read as text, both stayed in the story's last paragraph.
    article = _whole(17001, "8月5日-9日，香洲区前山街道", SIXTEENTH)
    assert article is not None and article.byline == ["文字：郑振华"]
    article = _whole(17014, "为扎实推进农村人居环境整治工作", SIXTEENTH)
    assert article is not None and article.byline == ["鸡林乡：付超"]


def test_a_byline_may_name_the_medium_that_reported_the_story() -> None:
    # （迁安信息港报道）, on a line of its own: read as text, it opened the next story.
    article = _whole(17005, "6月2日上午，我市举", SIXTEENTH)
    assert article is not None and article.byline == ["迁安信息港报道"]
    assert _whole(17005, "9月16日12时", SIXTEENTH) is not None


def test_a_title_line_naming_who_and_what_they_do_goes_on_with_what_is_done() -> None:
    # 榆阳区金榆社区开展 / 节前卫生清理营造整洁舒适节日环境: too long together for the lengths alone, the two lines
    # had been read as a title and its subtitle; a body's name and its verb leave the title open.
    assert ("", "榆阳区金榆社区开展节前卫生清理营造整洁舒适节日环境", "") in _titles(17018, SIXTEENTH)


def test_a_line_naming_its_report_s_kind_is_the_subtitle_of_the_title_over_it() -> None:
    # 风景这边正好！ / 后溪镇新春群众文体活动侧记, the subtitle printed without its dash: read as one title, or as two
    # headlines of two stories.
    for seed in (17011, 17014, 17024):
        assert ("", "风景这边正好！", "后溪镇新春群众文体活动侧记") in _titles(seed, SIXTEENTH)
    # A title holding a dash holds its own subtitle: “好日子就要唱着过”——中心 / 镇同心村文化广场见闻 is one title.
    assert ("", "“好日子就要唱着过”——中心镇同心村文化广场见闻", "") in _titles(100012, "eighth-held-out")


def test_a_detail_on_a_line_of_its_own_is_the_text_s_never_a_headline() -> None:
    # ●时间：23日晚10时许 / ●地点：集美东辉村田洋社, opening the page's first story: the first had been read as
    # the story's title and the story's own title left over.
    article = _whole(17000, "●时间：23日晚10时许", SIXTEENTH)
    assert article is not None and article.headline.title.replace(" ", "") == "新装50盏路灯点亮村民归途"


def test_a_headline_whose_story_lies_after_a_cut_tells_no_story_before_it() -> None:
    # 林州：爱心墙让我们走的更近 over a story whose later paragraphs hold more of its words than its lede, before the
    # story of 高椅古村开展“学雷锋纪念日”主题志愿服务活动: that headline's 开展, 志愿服务 and 活动 in the lede had
    # read as a story of its own there, and the 林州 story was cut in two.
    assert _whole(17012, "公益爱心墙，传递正能量！", SIXTEENTH) is not None


def test_a_couplet_over_a_short_line_naming_a_list_is_its_kicker() -> None:
    # 乘坐文明车 争做文明人 / 文明直通车开进杏滨街道、灌口镇: the list's 、 had read the second line as a subtitle.
    for seed in (17002, 17008, 17010):
        assert ("乘坐文明车 争做文明人", "文明直通车开进杏滨街道、灌口镇", "") in _titles(seed, SIXTEENTH)


def test_a_title_line_ending_with_the_paper_s_own_place_goes_on() -> None:
    # 解禁！我市 / 最后一批渔船出海捕鱼: 我市 does what the next line tells; it had been read as a kicker.
    assert ("", "解禁！我市最后一批渔船出海捕鱼", "") in _titles(17002, SIXTEENTH)


def test_two_stories_under_two_titles_are_cut_apart_though_both_share_a_few_words() -> None:
    # “笔墨送福韵·志愿暖新春”志愿服务项目启动 / 喜报！黄州区在全省社区公益创投大赛上再创佳绩, read as a title and
    # its subtitle over both stories: each title mostly on its side of the break, both of 志愿服务项目.
    assert _whole(17016, "1月26日上午，襄都区", SIXTEENTH) is not None
    assert _whole(17016, "12月16日，湖北省", SIXTEENTH) is not None


def test_a_closing_note_broken_after_its_bracket_still_ends_the_story() -> None:
    # …舒适的环境。（ / 完）: the story's last paragraph, ending on the bracket, had been read as headline lines.
    article = _whole(100073, "9月29日，国庆节即将到来之际", SIXTEENTH)
    assert article is not None and article.paragraphs[-1].endswith("舒适的环境。（完）")


def test_a_dateline_may_put_a_colon_before_its_reporters() -> None:
    # 视点网讯：（通讯员 赵娜） on a line of its own: the names had been read as the byline of an article of its own.
    article = _whole(100023, "9月29日，国庆节即将到来之际", SIXTEENTH)
    assert article is not None and article.dateline == "视点网讯：（通讯员赵娜）"


def test_a_story_s_last_sentence_may_end_crying_out_after_clause_breaks() -> None:
    # 下一步，新光社区将以社区治理为抓手，以文明提升为契机， / 开展更多文明实践活动，为文明城市创建增光添彩！ before the
    # page's headlines: its lines had been read as headline lines, the story ending at its last full stop.
    article = _whole(17001, "近日，滨河新区街道新光社区", SIXTEENTH)
    assert article is not None and article.paragraphs[-1].endswith("为文明城市创建增光添彩！")
