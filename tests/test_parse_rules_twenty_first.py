"""Rules found on the twenty-first set of real articles (tests/data/articles/local_news_twenty_first_held_out.jsonl),
after its single held-out measurement, and on more seeded pages of the earlier sets.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from tests.test_parse_rules_tenth import _titles, _whole

TWENTY_FIRST = "twenty-first-held-out"
SIXTEENTH = "sixteenth-held-out"


def test_a_last_paragraph_crying_out_after_lines_set_as_text_ends_the_story() -> None:
    # 通过各方面的大力宣传，我 / 市公民文明素质和社会文明程度 / … / 中国梦的强大力量！ after the story's last full
    # stop: the lines fill the column as text does, but the paragraph ends crying out, and it had been read as the
    # page's headlines (or the next story's opening).
    for seed, start, split in (
        (22002, "为提升我市文明创建水平", TWENTY_FIRST),
        (100005, "迟日江山丽", TWENTY_FIRST),
        (100057, "公益爱心墙", SIXTEENTH),
    ):
        article = _whole(seed, start, split)
        assert article is not None
        assert article.paragraphs[-1].endswith("！")


def test_a_closing_paragraph_of_three_lines_is_no_headline() -> None:
    # 让我们以共识聚合力、以智慧促 / 发展，画好最大同心圆，政协更 / 有温度，人民更加幸福！ closing the page's last
    # dated story, its first line as wide as the column (its indent lost): it had been read as a headline.
    for seed in (100014, 100018):
        titles = _titles(seed, "eighteenth-held-out")
        assert not any(title.startswith("让我们以共识聚合力") for _, title, _ in titles)
    parsed = _titles(100014, "eighteenth-held-out")
    assert ("", "汇聚团结之力画好最大同心圆——热烈祝贺吉首市政协十一届五次会议开幕", "") in parsed


def test_a_cry_closing_a_story_before_the_next_dateline_stays_with_it() -> None:
    # 委员有担当，政协有力 / 量。让我们… / 更加幸福！ / 预祝大会圆满成功！ before the next dateline: the last line
    # cries out alone after a paragraph that cries out too, and is the story's last paragraph still.
    article = _whole(100008, "今天上午，中国人民政治协", "eighteenth-held-out")
    assert article is not None and article.paragraphs[-1] == "预祝大会圆满成功！"


def test_a_credit_for_the_text_s_report_signs_the_story() -> None:
    # …累计发放《移风易俗倡议书》2万余份。（文字报道：肖楠楠）: 文字报道 names who wrote the report, as 文字 does;
    # the credit had stayed in the text, or opened the story after it.
    for seed in (22015, 22028):
        article = _whole(seed, "今年以来，张庄镇积极弘扬", TWENTY_FIRST)
        assert article is not None and article.byline == ["文字报道：肖楠楠"]


def test_a_line_ending_where_someone_goes_runs_on_into_the_next() -> None:
    # 山东聊城东昌府区对口援建单位赴 / 沙柳河镇交流考察: 赴 waits for the place gone to, as 与 or 在 waits for its
    # words; the two lines had been read as a title and its subtitle.
    titles = _titles(22019, TWENTY_FIRST)
    assert ("", "山东聊城东昌府区对口援建单位赴沙柳河镇交流考察", "") in titles


def test_a_whole_title_over_a_couplet_title_stays_whole() -> None:
    # 正兴镇开展“我们的节日·清 / 明”系列主题活动 over 以“房前屋后”为突破 擘画“净美家园”新图景: the two first lines
    # joined, the couplet had been taken for the rest of that title, its first word cut, though together they
    # run longer than any title broken in two.
    titles = _titles(22016, TWENTY_FIRST)
    assert ("", "正兴镇开展“我们的节日·清明”系列主题活动", "") in titles
    assert ("", "以“房前屋后”为突破擘画“净美家园”新图景", "") in titles


def test_a_place_s_name_broken_before_its_colon_leads_one_title() -> None:
    # 【感党恩 跟党走】平邑县 / 铜石镇：第三届广场舞大赛顺利举行: the county ends the line above, its town leads the
    # line under; the first line had been left over.
    titles = _titles(22020, TWENTY_FIRST)
    assert ("", "【感党恩跟党走】平邑县铜石镇：第三届广场舞大赛顺利举行", "") in titles


def test_a_short_lede_where_the_column_narrows_opens_its_story_with_the_rest() -> None:
    # 1月14日上午，马屿代表中心组开展 / 市十六届人大四次会议会前视察活动。 over 代表们实地查看了…, after a story set
    # wider: the narrowing was seen at both breaks around the two-line lede, and the lede had been cut off alone.
    article = _whole(22012, "1月14日上午，马屿代表中心组", TWENTY_FIRST)
    assert article is not None and article.headline.title == "市十六届人大代表马屿中心组开展会前集中视察活动"


def test_a_body_and_what_it_does_ending_a_line_run_on_into_what_is_done() -> None:
    # 龙仙镇三华村人大代表联络站围绕 / 河道建设、新农村建设开展专题视察 and 勉县温泉镇新时代文明实践所开展 /
    # 卫生清扫志愿服务活动: a body's name and its verb wait for their object; both had been read as title and subtitle.
    assert ("", "龙仙镇三华村人大代表联络站围绕河道建设、新农村建设开展专题视察", "") in _titles(
        100038, "twentieth-held-out"
    )
    assert ("", "勉县温泉镇新时代文明实践所开展卫生清扫志愿服务活动", "") in _titles(100032, "nineteenth-held-out")


def test_a_last_paragraph_crying_out_ends_a_page_with_no_datelines_too() -> None:
    # The page's last story opens with no dateline (迟日江山丽，…, 为提升我市文明创建水平…) and ends crying out after
    # lines set as text: as on a page with datelines, the paragraph had been read as the page's headlines.
    for seed, start in ((100456, "迟日江山丽"), (100361, "为提升我市文明创建水平")):
        article = _whole(seed, start, TWENTY_FIRST)
        assert article is not None and article.paragraphs[-1].endswith("！")
