"""Rules found on the eighth set of real articles (tests/data/articles/local_news_eighth_held_out.jsonl).

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out whole: dateline and paragraphs,
character for character, as the benchmark counts an article recovered.
"""

from __future__ import annotations

from converter.clean import parse_pages
from converter.clean.spacing import close_cjk_gaps
from converter.model import Article
from tests import layout_sim

EIGHTH = "eighth-held-out"


def _text(dateline: str | None, paragraphs: list[str]) -> str:
    return close_cjk_gaps(dateline or "") + "".join(close_cjk_gaps(p) for p in paragraphs)


def _page(seed: int) -> tuple[layout_sim.Page, list[Article]]:
    sim = layout_sim.page(seed, EIGHTH, layout_sim.pool(EIGHTH))
    return sim, parse_pages([(sim.name + ".txt", sim.text)]).articles


def _whole(seed: int, start: str) -> Article | None:
    """The parsed article holding the whole text of the gold article whose first paragraph opens with ``start``."""
    sim, articles = _page(seed)
    gold = next(a for a in sim.articles if a.paragraphs[0].startswith(start))
    want = _text(gold.dateline, gold.paragraphs)
    return next((a for a in articles if _text(a.dateline, a.paragraphs) == want), None)


def test_a_spaced_abbreviation_and_a_spaced_range_are_closed_up() -> None:
    # 国际权威机构S G S农残检测 and 2月20日- 21日, justified wide, cost two articles their exact text.
    sgs = _whole(9004, "春意渐浓")
    assert sgs is not None and "机构SGS农残检测" in "".join(sgs.paragraphs)
    ranged = _whole(9012, "为深入贯彻落实")
    assert ranged is not None and "2月20日-21日" in "".join(ranged.paragraphs)


def test_a_credit_line_whose_last_name_runs_on_opens_its_article() -> None:
    # ■记者 严利君 通讯员 熊建 / 辉 国庆期间，…: the names open the text, they sign no article.
    article = _whole(9028, "国庆期间")
    assert article is not None
    assert "".join(article.paragraphs).replace(" ", "").startswith("■记者严利君通讯员熊建辉国庆期间")
    assert article.byline == []
    _, articles = _page(9028)
    before = next(a for a in articles if "".join(a.paragraphs).endswith("几位逛街累了的市民正在休息。"))
    assert before.byline == ["记者郑宇", "通讯员王雄 摄"]


def test_a_title_broken_after_a_place_s_name_cuts_no_article_in_two() -> None:
    # 循化撒拉族自治县 / 黑滩群众又喝上了自来水: the county is named in the lede, 黑滩 after it;
    # the two lines are one headline, so the article is not cut between them.
    article = _whole(9020, "3月15日一大早")
    assert article is not None and article.byline == ["作者：陈学菊"]
    _, articles = _page(9020)
    assert not any("".join(a.paragraphs).startswith("黑滩属上庄村七社") for a in articles)


def test_a_couplet_title_after_a_whole_couplet_is_a_title_of_its_own() -> None:
    # 爱在莲城 志愿有我 / “枣”当家 / “枣”致富: the first couplet is whole; the short line after it
    # begins the next title, not the end of this one.
    sim, articles = _page(9018)
    titles = {a.headline.title.replace(" ", "") for a in articles if a.headline.source == "page"}
    assert {"爱在莲城志愿有我", "“枣”当家“枣”致富"} <= titles


def test_a_couplet_title_whose_first_word_the_break_cut_is_joined_again() -> None:
    # 云阳20亩杨 / 梅进入采摘期 果农采摘忙: the couplet line would be a whole title, but the line
    # above holds no article's words and the break cuts 杨梅, which its article prints.
    sim = layout_sim.page(3020, "second-held-out", layout_sim.pool("second-held-out"))
    issue = parse_pages([(sim.name + ".txt", sim.text)])
    titles = [a.headline.title.replace(" ", "") for a in issue.articles]
    assert "云阳20亩杨梅进入采摘期果农采摘忙" in titles
    assert "云阳20亩杨" not in issue.unplaced_headlines


def test_a_headline_crying_out_at_the_page_s_end_is_no_text() -> None:
    # 尊老敬老爱老 / 荷地镇重阳活动超暖心！ last on the page: the headlines above it are not read
    # as an article of text, and each goes to its article.
    sim = layout_sim.page(5019, "fourth-held-out", layout_sim.pool("fourth-held-out"))
    issue = parse_pages([(sim.name + ".txt", sim.text)])
    assert len(issue.articles) == len(sim.articles)
    titles = {a.headline.title.replace(" ", "") for a in issue.articles if a.headline.source == "page"}
    assert {"女职工诗歌朗诵比赛举办", "尊老敬老爱老荷地镇重阳活动超暖心！"} <= titles
    # Text that cries out after a clause still ends its article (您一定会赞叹，定西真美！).
    sim = layout_sim.page(7008, "sixth-held-out", layout_sim.pool("sixth-held-out"))
    issue = parse_pages([(sim.name + ".txt", sim.text)])
    assert any("".join(a.paragraphs).endswith("您一定会赞叹，定西真美！") for a in issue.articles)


def test_two_short_halves_of_a_title_say_where_an_untitled_article_ends() -> None:
    # 本报讯 opens an untitled article; the one after it has no dateline and its title is printed
    # as two halves (“枣”当家 / “枣”致富), each too short to say anything alone: together they cut the text.
    article = _whole(9018, "秋天的永靖县")
    assert article is not None and article.headline.title.replace(" ", "") == "“枣”当家“枣”致富"
    assert _whole(9018, "10月30日是农历重阳节") is not None


def test_the_paper_s_reporters_named_before_the_text_open_an_article() -> None:
    # 本报记者 申力 通讯员 裴琳曼 冬日 / 的午后，…: a dateline of reporters, one name after each role.
    sim = layout_sim.page(100074, "sixth-held-out", layout_sim.pool("sixth-held-out"))
    articles = parse_pages([(sim.name + ".txt", sim.text)]).articles
    first = articles[0]
    assert first.dateline == "本报记者 申力 通讯员 裴琳曼" and first.byline == []
    assert "".join(first.paragraphs).startswith("冬日的午后")


def test_a_paragraph_set_wider_than_its_column_is_text_not_a_headline() -> None:
    # The last paragraph of 双鸭山北宝村… is set wider than the column above it; its lines hold commas,
    # and its last full line runs on into 运会的开幕。: the article keeps it to its end.
    article = _whole(100003, "双鸭山市七星河乡")
    assert article is not None and article.paragraphs[-1].endswith("庆祝奥运会的开幕。")


def test_spaced_capitals_at_a_line_s_end_close_up() -> None:
    # 权 威 机 构 S G S / 农残检测: the abbreviation ends its line.
    article = _whole(100023, "春意渐浓")
    assert article is not None and "机构SGS农残检测" in "".join(article.paragraphs)


def test_a_page_s_first_line_running_on_into_a_wider_paragraph_is_no_headline() -> None:
    # 第21届自贡国际恐龙灯会于3月15日晚落 / 下帷幕，…: the first line is narrow, the line under it as full
    # as the lines under that; the next paragraph is set wider, which must not make the first line a headline.
    article = _whole(100083, "第21届自贡国际恐龙灯会")
    assert article is not None and article.headline.title == "自贡灯会迎181万人次观灯"


def test_a_long_title_broken_inside_a_word_of_its_text_cuts_no_article() -> None:
    # 第二批全省乡村振兴示范乡镇创建 / 对象公布 福州5个乡镇入选: longer than most two-line titles, but both
    # spans across the break (创建对, 建对象) are words of the text: one title, one article.
    sim = layout_sim.page(100049, "seventh-held-out", layout_sim.pool("seventh-held-out"))
    articles = parse_pages([(sim.name + ".txt", sim.text)]).articles
    assert articles[0].headline.title == "第二批全省乡村振兴示范乡镇创建对象公布 福州5个乡镇入选"
    assert articles[0].dateline == "本报讯" and articles[0].byline == ["记者阮冠达"] and len(articles[0].paragraphs) == 2


def test_a_couplet_after_a_lead_and_its_colon_keeps_its_other_half() -> None:
    # 叠石：消防安全 / 防范未然: the line under the title is the other half of the couplet after the colon.
    sim = layout_sim.page(100004, "fifth-held-out", layout_sim.pool("fifth-held-out"))
    issue = parse_pages([(sim.name + ".txt", sim.text)])
    assert "叠石：消防安全防范未然" in {a.headline.title.replace(" ", "") for a in issue.articles}
    assert "防范未然" not in issue.unplaced_headlines


def test_a_place_s_two_character_name_alone_is_a_kicker() -> None:
    # 沿河 / “绿挎包”播撒文明种子: no title breaks after two characters; the name heads it as its kicker.
    for seed, kicker in ((3019, "沿河"), (3008, "箬横")):
        sim = layout_sim.page(seed, "second-held-out", layout_sim.pool("second-held-out"))
        gold = next(a for a in sim.articles if a.kicker == kicker)
        articles = parse_pages([(sim.name + ".txt", sim.text)]).articles
        article = next(a for a in articles if a.headline.title.replace(" ", "") == gold.title.replace(" ", ""))
        assert article.headline.kicker == kicker


def test_a_line_opening_with_the_paper_s_name_and_a_word_of_电_opens_no_article() -> None:
    # …就给 / 本报打来电话。前晚，…: the line break puts 本报 first, but 电话 is no dateline's 电.
    sim = layout_sim.page(100084, "second-held-out", layout_sim.pool("second-held-out"))
    articles = parse_pages([(sim.name + ".txt", sim.text)]).articles
    article = next(a for a in articles if a.dateline == "晚报讯" and "".join(a.paragraphs).startswith("“这个小伙子"))
    assert "就给本报打来电话。前晚" in "".join(article.paragraphs)


def test_a_title_line_ending_in_one_character_after_a_quoted_term_goes_on() -> None:
    # 围场：“民心路”修 / 进百姓心坎里: no word is the one character after a quoted term; a quoted
    # single character is a pun that may end a title (田间赏“莓”好 舌尖享“莓”妙).
    sim = layout_sim.page(100010, "third-held-out", layout_sim.pool("third-held-out"))
    issue = parse_pages([(sim.name + ".txt", sim.text)])
    assert "围场：“民心路”修进百姓心坎里" in {a.headline.title for a in issue.articles}
    assert "进百姓心坎里" not in issue.unplaced_headlines
    sim = layout_sim.page(9025, EIGHTH, layout_sim.pool(EIGHTH))
    titles = {a.headline.title.replace(" ", "") for a in parse_pages([(sim.name + ".txt", sim.text)]).articles}
    assert "田间赏“莓”好舌尖享“莓”妙" in titles
