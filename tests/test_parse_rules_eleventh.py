"""Rules found on the eleventh set of real articles (tests/data/articles/local_news_eleventh_held_out.jsonl),
after its single held-out measurement, and on more seeded pages of the earlier sets.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from tests.test_parse_rules_tenth import _titles, _whole

ELEVENTH = "eleventh-held-out"


def test_a_title_broken_inside_a_word_is_one_title() -> None:
    # 南宁交警做 / 好交通疏导全力保畅 (做好), 海湖新区市 / 民逛公园“如厕难” (市民), 爱心助农 传递温 / 暖与希望 (温暖):
    # the first line names a place or matches no article, and was read as a kicker or left over.
    assert ("", "南宁交警做好交通疏导全力保畅", "") in _titles(12017, ELEVENTH)
    assert ("", "海湖新区市民逛公园“如厕难”", "") in _titles(12020, ELEVENTH)
    assert ("", "爱心助农传递温暖与希望", "") in _titles(12000, ELEVENTH)


def test_a_paper_s_name_and_its_reporters_in_brackets_over_three_lines_is_a_dateline() -> None:
    # 鞍山日报消息（见习记者 / 董鹏飞 首席记者 伏怡 记者 / 胡永士） 昔日…: the article had run on into the one above.
    article = _whole(12009, "昔日垃圾场", ELEVENTH)
    assert article is not None and article.dateline and article.dateline.startswith("鞍山日报消息")


def test_a_credit_before_the_writer_s_name_is_a_dateline() -> None:
    # ■文/图 本报记者 胡亚华 本报讯 “江滩防洪堤上…: the article had been cut at a later line.
    assert _whole(12002, "“江滩防洪堤上", ELEVENTH) is not None


def test_a_place_and_xun_with_a_blank_after_it_is_a_dateline() -> None:
    # 柳州讯 7月3日晚11时许，…: the page's only dateline; its articles had been cut at their headlines' words.
    article = _whole(12005, "7月3日晚11时许", ELEVENTH)
    assert article is not None and article.dateline == "柳州讯"
    assert _whole(12005, "每天清晨", ELEVENTH) is not None


def test_a_lead_and_its_colon_alone_head_the_title_under_them_as_one_anchor() -> None:
    # 什邡市峨眉山路： / 围墙年久失修 群众好担忧: the lead's words fill the first paragraph, the title's the
    # second; read as two headlines, they had cut the article in two between its paragraphs.
    for seed in (12011, 12014):
        assert _whole(seed, "3月30日上午，记者在什邡市", ELEVENTH) is not None


def test_a_story_goes_on_where_a_paragraph_opens_with_who_says_or_the_same_person_is_quoted() -> None:
    # 晚报讯 75岁的许秀兰…: 许秀兰说 on both sides of a break, and a paragraph opening 向阳社区书记王翼说，…:
    # the headline's words, spread over the story, had cut it twice.
    article = _whole(12018, "75岁的许秀兰", ELEVENTH)
    assert article is not None and article.dateline == "晚报讯"


def test_a_title_ending_in_a_noun_after_a_quote_is_whole() -> None:
    # 节前慰问温暖“好人”心 / 女子古运河里扑腾，…: one character after a quote had always read as a word the
    # break cut; a noun (心) ends the title, a verb (“银龄互助”有 / 爱有温度) does not.
    titles = _titles(12013, ELEVENTH)
    assert ("", "节前慰问温暖“好人”心", "") in titles
    assert ("", "女子古运河里扑腾，男子下河救人后悄悄离去", "") in titles
    assert ("", "“银龄互助”有爱有温度", "") in _titles(100022, "second-held-out")



def test_a_body_s_name_over_a_title_matching_no_article_is_its_kicker() -> None:
    # 成章实验中学 / 教师比武喜报频传: the title's words (比武, 喜报) are not the text's; the name alone had been
    # the title and the title left over.
    assert ("成章实验中学", "教师比武喜报频传", "") in _titles(12007, ELEVENTH)
    # A longer line ending in a body's name is a title: no title under it is its subtitle.
    titles = _titles(200065, "sixth-held-out")
    assert ("", "西洋江镇召开民情走访院落恳谈会", "") in titles


def test_a_headline_crying_out_after_a_clause_ends_no_text_under_lines_of_headline_widths() -> None:
    # …奠定了坚实的基础。 / “好日子就要唱着过”——… / 唐洞街道高牌村：… / 西江千户苗寨：苗寨稻田 / 美如画，金谷飘香迎丰收！:
    # the page's headlines after the last story, read as its last paragraph (the last line ends a sentence).
    assert _whole(100034, "为深入贯彻落实自治区", "eighth-held-out") is not None
    assert ("", "西江千户苗寨：苗寨稻田美如画，金谷飘香迎丰收！", "") in _titles(100034, "eighth-held-out")


def test_a_headline_still_left_over_goes_to_the_untitled_article_it_leans_to_far_more_than_to_others() -> None:
    # 天公吹响“集结号”环卫职工除雪忙 over a story of 初雪 that names only 环卫 and 除雪 of it (0.18, against 0.05
    # for the other untitled story), 冬季蔬菜供应足 over a story of a vegetable garden: both had been left over.
    assert ("", "天公吹响“集结号”环卫职工除雪忙", "") in _titles(3001, "second-held-out")
    assert ("", "冬季蔬菜供应足", "") in _titles(3003, "second-held-out")
    # A title's second half printed under its first (热心村民 / 新春义务除雪保出行) joins it first: it goes to no
    # untitled story by a word it shares.
    assert ("", "热心村民新春义务除雪保出行", "") in _titles(5027, "fourth-held-out")
    # A line still left over that says where a second story begins cuts it first (“彩虹岛”上的幸福底色 heads the
    # story of 鸡山岛, run on after another with no dateline between them).
    assert ("", "“彩虹岛”上的幸福底色", "") in _titles(100045, "second-held-out")


def test_a_capital_letter_alone_after_chinese_closes_up_with_its_number() -> None:
    # 本 报 7 月 1 4 日 A 1 0 版 曾 以 《…: the page's number A10 had kept a justified blank (A 10版).
    article = _whole(200019, "7月20日，城区小里庄", ELEVENTH)
    assert article is not None and "本报7月14日A10版" in "".join(article.paragraphs)
