"""The general rules that hold the parser on pages it was not built on, each with the example it handles."""

from __future__ import annotations

import pytest

from converter.clean import is_text_line, parse_pages
from converter.clean.anchors import cut_points
from converter.clean.articles import page_lines, split_dateline
from converter.clean.bylines import split_byline
from converter.clean.headlines import place_headlines, split_fragments
from converter.clean.spacing import close_cjk_gaps
from tests import layout_sim
from tests.conftest import SAMPLE

FLOOD = [
    "汛期来临，怀宁县腊树镇扎实做好防汛抗旱各项工作。",
    "各村成立防汛抗旱领导小组，组建防汛队伍，筹备防汛物资，切实落实防汛抗旱各项任务。",
]
SCHOOL = ["城关小学举办读书节活动，全校师生分享了自己最喜爱的图书。", "老师们为大家推荐了适合不同年级阅读的书目。"]
HOSPITAL = ["县人民医院专家到龙垭镇三柳村开展义诊，为村民测血压、看病开方。"]


def _page(*blocks: list[str]) -> str:
    return "\n\n".join(line for block in blocks for line in block) + "\n"


def _wrap(text: str, width: int = 12) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


def _lines(paragraphs: list[str], first: str = "") -> list[str]:
    lines: list[str] = []
    for number, paragraph in enumerate(paragraphs):
        lines += _wrap((first if number == 0 else "") + paragraph)
    return lines


def test_numbers_split_by_justified_blanks_are_joined() -> None:
    assert close_cjk_gaps("治理率达 9 3 . 5 % ，每斤 0. 35 元，共 2016 年") == "治理率达93.5%，每斤0.35元，共2016年"
    assert close_cjk_gaps("COVID 19") == "COVID 19"


def test_a_number_broken_before_its_decimal_point_is_one_number() -> None:
    # Justified spacing and a line break inside 38.6: the line after starts with the point.
    lines = ["本报讯 登高活动中，沼山胡柚等农", "副产品销售额达 38", ". 6 万元。王铺村布局", "“景区+农家乐”。（潘黎）"]
    text = _page(lines)
    article = parse_pages([("p.txt", text)]).articles[0]
    assert article.paragraphs == ["登高活动中，沼山胡柚等农副产品销售额达38.6万元。王铺村布局“景区+农家乐”。"]


def test_other_papers_datelines() -> None:
    assert split_dateline("本报3月2日讯 近日") == ("本报3月2日讯", "近日")
    assert split_dateline("本报洛阳讯 近日")[0] == "本报洛阳讯"
    assert split_dateline("晚报讯 近日")[0] == "晚报讯"
    assert split_dateline("5月9日消息：近日")[0] == "5月9日消息："
    assert split_dateline("娄底新闻网新化讯（通讯员 蔡汉平）3月4日")[0] == "娄底新闻网新化讯（通讯员 蔡汉平）"
    assert split_dateline("云上嘉鱼报道（通讯员王云）3月5日")[0] == "云上嘉鱼报道（通讯员王云）"
    assert split_dateline("喜讯传来，全县")[0] is None


def test_a_byline_set_wide_is_read_name_by_name() -> None:
    assert split_byline("0 亩 。 （ 张 磊   尹 雪 ）") == ("0 亩 。", ["张磊", "尹雪"])


def test_an_undated_first_article_is_an_article_not_headlines() -> None:
    text = _page(_lines(FLOOD), _lines(SCHOOL, "本报讯 ") + ["（李华）"], ["怀宁腊树镇落实防汛抗旱各项任务", "城关小学举办读书节活动"])
    issue = parse_pages([("p.txt", text)])
    assert [a.headline.title for a in issue.articles] == ["怀宁腊树镇落实防汛抗旱各项任务", "城关小学举办读书节活动"]
    assert "".join(issue.articles[0].paragraphs) == "".join(FLOOD) and issue.articles[0].dateline is None
    assert issue.unplaced_headlines == []


def test_a_dateline_broken_over_two_lines_starts_its_article() -> None:
    text = _page(_lines(FLOOD, "本报讯 ") + ["（王丽）"], ["县融媒体中心新闻网11月6", "日消息：" + SCHOOL[0]], _wrap(SCHOOL[1]))
    issue = parse_pages([("p.txt", text)])
    assert [a.dateline for a in issue.articles] == ["本报讯", "县融媒体中心新闻网11月6日消息："]


@pytest.mark.parametrize("first_line", ["红网祁东站讯 " + SCHOOL[0][:8], " ".join("红网祁东站讯") + "   " + " ".join(SCHOOL[0][:8])])
def test_a_medium_dateline_followed_by_its_blank_starts_an_article_after_one_without_byline(first_line: str) -> None:
    # The article before ends with no byline; the medium's 讯 is known for a dateline only by the blank after it.
    text = _page(_lines(FLOOD, "本报讯 "), [first_line], _wrap(SCHOOL[0][8:]), _wrap(SCHOOL[1]))
    issue = parse_pages([("p.txt", text)])
    assert [a.dateline for a in issue.articles] == ["本报讯", "红网祁东站讯"]
    assert "".join(issue.articles[1].paragraphs) == "".join(SCHOOL)


def test_a_headline_crying_out_after_an_article_without_byline_is_no_line_of_it() -> None:
    # 300期啦！ ends a sentence, but a headline's: the article runs to its last full stop.
    text = _page(_lines(SCHOOL, "本报讯 "), ["宁波志愿服务大篷车", "300期啦！"], ["城关小学举办读书节活动"])
    issue = parse_pages([("p.txt", text)])
    assert "".join(issue.articles[0].paragraphs) == "".join(SCHOOL)


def test_one_sentence_signed_at_the_top_of_a_page_is_an_article() -> None:
    # One full stop only, but the byline after it says an article ends there, not headlines.
    top = _wrap("在秋收农忙时节，为确保当事人农忙、诉讼两不误，法庭干警驱车二十余里，促成该案成功调解。") + ["（胡继锋）"]
    text = _page(top, _lines(FLOOD, "本报讯 ") + ["（李华）"], ["怀宁腊树镇落实防汛抗旱各项任务"])
    issue = parse_pages([("p.txt", text)])
    assert issue.articles[0].paragraphs[0].startswith("在秋收农忙时节") and issue.articles[0].byline == ["胡继锋"]


def test_a_credit_printed_over_two_lines_closes_one_article() -> None:
    # Real articles: （全媒体记者 李普兵） / （通讯员 廖霖 杨敏丽） under one text; the second line was lost.
    sim = layout_sim.page(958133, "third-held-out", layout_sim.pool("third-held-out"))
    issue = parse_pages([("p.txt", sim.text)])
    assert ["全媒体记者李普兵", "通讯员廖霖", "杨敏丽"] in [a.byline for a in issue.articles]


def _place(headline_text: str, articles: list[str]):
    return place_headlines(split_fragments(page_lines("p", headline_text)), articles)


def test_a_title_broken_inside_a_word_is_one_title() -> None:
    # 落 / 实: the break falls inside a word of the article.
    placement = _place("\n怀宁腊树镇落\n实防汛抗旱各项任务\n\n城关小学举办读书节活动\n", ["".join(FLOOD), "".join(SCHOOL)])
    assert placement.headlines[0].parts == ["怀宁腊树镇落实防汛抗旱各项任务"]


def test_a_title_broken_after_a_comma_or_an_open_quote_is_one_title() -> None:
    placement = _place("“俺们\n\n社区有群热心人”\n", ["俺们社区有群热心的志愿者，定期维护花坛卫生。"])
    assert placement.headlines[0].title == "“俺们社区有群热心人”"


def test_a_stray_dash_before_a_subtitle_is_a_stray_and_the_dash_line_a_subtitle() -> None:
    articles = ["县人民医院专家到龙垭镇义诊，春风化雨润心田，为村民送去健康。"]
    placement = _place("春风化雨润心田 —\n——记县人民医院送医下乡\n", articles)
    assert placement.headlines[0].title == "春风化雨润心田"
    assert placement.headlines[0].subtitle == "——记县人民医院送医下乡"
    assert any("stray glyph “—”" in w for w in placement.warnings)


def test_a_stray_digit_shadowing_the_next_line_is_a_stray_not_part_of_a_number() -> None:
    articles = ["宜宾县横江镇三千农户用电不再难，新线路通电。", "全市122座免费公园秩序井然，游客众多。"]
    placement = _place("宜宾：三千农户用电不再难 1\n 122座免费公园秩序井然\n", articles)
    assert [placement.headlines[n].title for n in (0, 1)] == ["宜宾：三千农户用电不再难", "122座免费公园秩序井然"]
    assert any("stray glyph “1”" in w for w in placement.warnings)


def test_a_comma_line_under_a_title_is_its_subtitle() -> None:
    articles = ["槐荫区裕园社区有群热心居民，他们维护花坛、清理楼道垃圾和小广告。"]
    placement = _place("裕园社区热心人\n维护花坛、清理楼道垃圾和小广告，他们啥都干\n", articles)
    assert placement.headlines[0].subtitle == "维护花坛、清理楼道垃圾和小广告，他们啥都干"


@pytest.mark.parametrize("between", ["\n", "\n\n"])
def test_a_quoted_phrase_alone_over_a_title_is_its_kicker(between: str) -> None:
    # “一村一策” and 通城推进乡村振兴 together are short enough for one title; the closed quotation says otherwise.
    articles = ["去年以来，通城县各村镇在“一村一策”的思路下推进乡村振兴。", "".join(SCHOOL)]
    placement = _place(f"“一村一策”{between}通城推进乡村振兴\n\n城关小学举办读书节活动\n", articles)
    assert (placement.headlines[0].kicker, placement.headlines[0].title) == ("“一村一策”", "通城推进乡村振兴")


@pytest.mark.parametrize("between", ["\n", "\n\n"])
def test_a_column_name_over_a_title_is_its_kicker_though_it_matches_no_story(between: str) -> None:
    # 抗击疫情特别报道 names the series: alone it would take the other story, whose words it shares as little.
    articles = ["".join(FLOOD), "".join(SCHOOL)]
    text = f"抗击疫情特别报道{between}怀宁腊树镇落实防汛抗旱各项任务\n\n城关小学举办读书节活动\n"
    headline = _place(text, articles).headlines[0]
    assert (headline.kicker, headline.title) == ("抗击疫情特别报道", "怀宁腊树镇落实防汛抗旱各项任务")
    # Printed under another title, it opens the next headline, though the two would pass for a couplet.
    school = "城关小学办读书节，师生特别喜爱的图书一同分享，共同抗击浮躁。"
    text = "城关小学办读书节\n抗击疫情特别报道\n怀宁腊树镇落实防汛抗旱各项任务\n"
    placed = _place(text, ["".join(FLOOD), school]).headlines
    assert (placed[1].title, placed[0].kicker) == ("城关小学办读书节", "抗击疫情特别报道")
    # A couplet whose first half ends like a column's name is still one title.
    couplet = _place("环境整治进行时\n美丽乡村入画来\n", ["上梧江瑶族乡开展环境整治，美丽乡村画卷徐徐展开。"])
    assert couplet.headlines[0].parts == ["环境整治进行时美丽乡村入画来"]


def test_an_abbreviated_headline_matches_on_characters() -> None:
    # 县医院 for 县人民医院, 义诊 in the body: few shared bigrams, most characters shared.
    placement = _place("县医院下乡送医\n\n城关小学读书节\n", ["".join(HOSPITAL), "".join(SCHOOL)])
    assert placement.headlines[0].title == "县医院下乡送医"
    assert placement.headlines[1].title == "城关小学读书节"


def test_articles_run_together_are_cut_where_their_headlines_say() -> None:
    paragraphs = FLOOD + SCHOOL
    assert cut_points(paragraphs, ["怀宁腊树镇落实防汛抗旱各项任务", "城关小学举办读书节活动"]) == [2]
    assert cut_points(paragraphs, ["怀宁腊树镇落实防汛抗旱各项任务"]) == []


def test_a_headline_partly_in_a_text_that_shares_few_words_with_the_one_before_starts_it() -> None:
    # 城关小学师生共度读书好时光: under half its bigrams are in the school story (a headline words its
    # story its own way), none in the flood story before it, and the two stories share almost no words.
    dyke = ["连日来，受持续强降雨影响，蛟塘镇龙溪坝水位持续上升，镇村干部迅速奔赴堤坝巡查值守。",
            "经过一天的努力，镇村干部齐心协力搭建防汛帐篷、装沙袋，切实保障平稳度汛。"]
    school = ["4月23日，城关小学举办以书香满校园为主题的读书节活动，全校一千二百余名师生参加。",
              "活动中，同学们分享了自己最喜爱的图书，老师们为大家推荐了适合不同年级阅读的书目。"]
    assert cut_points(dyke + school, ["城关小学师生共度读书好时光"], open_start=True) == [2]
    # A short paragraph alone before it is the lede of the same story; a long one is a story of its own.
    assert cut_points(dyke[:1] + school, ["城关小学师生共度读书好时光"], open_start=True) == []
    brief = "".join(dyke) + "镇党委主要领导带领镇村干部二十四小时守在堤坝上，吃住在第一线，"
    brief += "认真细致地巡查排险，确保安全度汛。"
    assert cut_points([brief, *school], ["城关小学师生共度读书好时光"], open_start=True) == [1]


def test_a_headline_with_one_word_in_a_story_that_shares_none_with_the_one_before_starts_it() -> None:
    # 集中农机保春耕 has one word of six (农机) in its story, none in the flood story, and the two stories
    # share almost no words: the break between them is where the headline's story starts.
    machines = ["3月12日，澧县涔南镇曾家河社区，多台农机在万亩双季稻示范片里来回穿梭，翻耕土地。",
                "今年该镇调配耕整机上千台，确保早稻适时下田。"]
    assert cut_points(FLOOD + machines, ["集中农机保春耕"], open_start=True) == [2]
    # Within one story, as few shared words say nothing.
    assert cut_points(FLOOD + machines, ["防汛农机保春耕"], open_start=True) == []


def test_a_paragraph_holding_neither_headline_goes_with_the_story_it_shares_words_with() -> None:
    # Real articles: the break after 该县今年初… and the one after 截至目前，该县… hold both headlines
    # alike; the last paragraph of the first story shares 该县 with it and nothing with the next.
    sim = layout_sim.page(352, "fresh", layout_sim.pool("fresh"))
    first = next(a for a in sim.articles if a.title == "实施十万农户增收工程")
    second = next(a for a in sim.articles if a.title == "支部领办合作社 强村富民产业兴")
    paragraphs = [close_cjk_gaps(p) for p in first.paragraphs + second.paragraphs]
    assert cut_points(paragraphs, [first.title, second.title]) == [len(first.paragraphs)]


def test_a_quotation_opening_the_next_story_goes_with_it() -> None:
    dyke = ["连日来，受持续强降雨影响，蛟塘镇龙溪坝水位持续上升，镇村干部迅速奔赴堤坝巡查值守。",
            "经过一天的努力，镇村干部齐心协力搭建防汛帐篷、装沙袋，切实保障平稳度汛。"]
    bus = ["“请再往里面挤一挤，还有人在外面。”",
           "昨天上午7时许，雪后的市区各个公交站点，都是人们挤公交车的情景，一票难求。"]
    assert cut_points(dyke + bus, ["雪后公交车一票难求"], open_start=True) == [2]


def test_text_is_never_an_unplaced_headline() -> None:
    assert is_text_line("各村成立防汛抗旱领导小组，组建防汛队伍，")
    assert is_text_line("各村成立防汛抗旱领导小组组建防汛队伍筹备防汛物资切实落实防汛抗旱各项任务全面提升防汛能力")
    assert not is_text_line("怀宁腊树镇落实防汛抗旱各项任务")


@pytest.mark.slow
def test_a_page_of_560_articles_gets_every_headline_its_copy_of_the_sample_gets() -> None:
    # Headlines are matched within the run of articles they follow, so the work stays linear
    # (benchmarks/parse_long_page.py times it); the answer must be the sample's, 80 times over.
    text = SAMPLE.read_text(encoding="utf-8")
    once = parse_pages([("s.txt", text)])
    many = parse_pages([("s.txt", "\n".join([text] * 80))])
    assert [a.headline for a in many.articles] == [a.headline for a in once.articles] * 80
    assert many.unplaced_headlines == once.unplaced_headlines * 80


def test_a_title_the_lead_repeats_is_one_title_across_a_blank() -> None:
    articles = ["12月3日，安县28个重点项目集中开工仪式在安县工业园区进行。", "".join(SCHOOL)]
    placement = _place("\n安县28个重\n\n点项目集中开工\n\n城关小学举办读书节活动\n", articles)
    assert placement.headlines[0].parts == ["安县28个重点项目集中开工"]


def test_a_lede_naming_the_village_of_the_story_after_it_is_that_story() -> None:
    # A scene opens the story (土豆 harvest) in words its headline does not use; the same village
    # named on both sides of the break says it is one story, however few other words they share.
    lede = ("5月的山乡大地，绿意盎然，生机勃勃。走进青山镇石桥村的蔬果种植园区，几十名村民正在大棚内采收土豆，"
            "一派繁忙景象。“今年土豆价格高、行情好，在市场上供不应求，仅这一茬每棚就可以收入1万多元。”"
            "5月28日，石桥村党支部书记高兴地说。园区种植的土豆个大皮薄，远近客商纷纷上门收购。")
    story = ["今年以来，全县坚持把建强支部、发展产业作为带富群众的重要抓手，积极实施支部联建，以强带弱促进共同发展。",
             "作为全省首批五星支部，石桥村强化支部引领，动员群众入股，成立种植合作社，安排就业群众120多名。"]
    headline = ["支部联建兴产业以强带弱促振兴"]
    assert cut_points([lede, *story], headline, open_start=True) == []
    elsewhere = lede.replace("青山镇石桥村", "东岭乡黄沙村").replace("石桥村", "黄沙村")
    assert cut_points([elsewhere, *story], headline, open_start=True) == [1]


def _whole_with_title(seed: int, split: str, title: str) -> bool:
    """The gold article titled ``title`` on a simulated page comes out with its whole text and that title."""
    sim = layout_sim.page(seed, split, layout_sim.pool(split))
    gold = next(a for a in sim.articles if a.title == title)
    issue = parse_pages([(sim.name + ".txt", sim.text)])
    text = "".join(close_cjk_gaps(p) for p in gold.paragraphs).replace(" ", "")
    return any(
        "".join(a.paragraphs).replace(" ", "") == text and a.headline.title.replace(" ", "") == title.replace(" ", "")
        for a in issue.articles
    )


def test_two_stories_with_nothing_between_them_are_cut_where_the_headline_no_article_took_says() -> None:
    # Two undated stories without bylines run together; the assignment gave their article the second story's
    # headline (菜农忙采摘…) and left the first story's (小龙虾“跃”出…) over: both say where the first ends.
    assert _whole_with_title(6011, "fifth-held-out", "小龙虾“跃”出乡村振兴新篇章")
    assert _whole_with_title(6011, "fifth-held-out", "菜农忙采摘 抢抓年市场")


def test_a_headline_with_a_word_before_the_break_too_cuts_far_apart_stories() -> None:
    # 四川开江：“家门口”法庭上门化解… shares 上门 with the haircut story before its own (上门理发).
    assert _whole_with_title(6029, "fifth-held-out", "四川开江：“家门口”法庭上门化解邻里纠纷")


def test_a_line_no_article_took_under_a_one_line_headline_its_article_holds_well_is_the_rest_of_it() -> None:
    # Real article (fourth-held-out set): the kicker names a body and leans to no article, so it was not
    # grouped with its title; placed alone as the title, it left the real title over.
    sim = layout_sim.page(100042, "fourth-held-out", layout_sim.pool("fourth-held-out"))
    gold = next(a for a in sim.articles if a.kicker == "安康市总工会")
    issue = parse_pages([(sim.name + ".txt", sim.text)])
    assert [gold.kicker, gold.title] in [a.headline.parts for a in issue.articles]
    assert gold.title not in issue.unplaced_headlines


def test_texts_sharing_as_many_words_as_one_story_does_are_not_cut_by_a_title_and_its_subtitle() -> None:
    # Real article (fourth-held-out set): its title is in its lede (东埔二村一处民房发生火灾), its subtitle
    # further on (无人员被困); the two sides of the break between share as many words as one story does.
    assert _whole_with_title(100009, "fourth-held-out", "东埔二村一处民房发生火灾")


def test_a_short_title_left_over_goes_to_the_untitled_article_it_leans_to_clearly() -> None:
    # Real photo news (fifth-held-out set): 田园飘稻香 over a caption that says 稻田, 稻谷 matches too weakly
    # for a short line in the assignment; of the untitled articles left, it leans to that one alone.
    assert _whole_with_title(100010, "fifth-held-out", "田园飘稻香")


def test_a_dated_article_opening_with_a_long_quotation_is_not_cut_after_it() -> None:
    # Real article (third-held-out set): 晚报讯 “说起法律，…”这是6月3日，…开场白。 then the story its headline
    # (检察官送法进校园) names; the quotation opening it is its lede, however long.
    assert _whole_with_title(100010, "third-held-out", "检察官送法进校园")


def test_with_one_headline_before_a_break_another_twice_as_much_after_it_cuts_stories_apart() -> None:
    # Real articles (third-held-out set): the story of 开化两村开办老年食堂… follows, with nothing between,
    # one of 宁波18个“最美长寿村”出炉… that names 老人 too.
    assert _whole_with_title(100080, "third-held-out", "开化两村开办老年食堂 六旬以上老人吃得又香又实惠")


def test_between_stories_sharing_few_words_a_headline_partly_before_and_not_after_says_where_one_ends() -> None:
    # Real photo news (fifth-held-out set): 震区村民砍蔗忙 is a third in the quotation-led caption before the
    # break and nowhere after it; 1100名师生“火海逃生” is in the story after it.
    assert _whole_with_title(200026, "fifth-held-out", "1100名师生“火海逃生”")
    assert _whole_with_title(200026, "fifth-held-out", "震区村民砍蔗忙")


def test_a_title_line_leaving_a_quote_open_goes_on_however_long_the_title() -> None:
    # Real article (third-held-out set): 宁波18个“最美长寿 / 村”出炉 慈溪百岁老人数量居宁波之首, 27 characters;
    # its halves, read as two headlines, cut their own article.
    assert _whole_with_title(300002, "third-held-out", "宁波18个“最美长寿村”出炉 慈溪百岁老人数量居宁波之首")
