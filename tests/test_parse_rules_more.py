"""Rules found on the sixth set of real articles (tests/data/articles/local_news_sixth_held_out.jsonl).

Each test lays a real article out on a simulated page where the parser once
got it wrong, and checks the article now comes out whole, with its headline
and credits as printed.
"""

from __future__ import annotations

from converter.clean import parse_pages
from converter.clean.spacing import close_cjk_gaps
from converter.model import Article
from tests import layout_sim

SIXTH = "sixth-held-out"


def _parsed(seed: int, split: str, title: str | None, start: str = "") -> tuple[layout_sim.GoldArticle, Article | None]:
    """The gold article (by its title, or untitled and opening with ``start``) and the parsed article of its text."""
    sim = layout_sim.page(seed, split, layout_sim.pool(split))
    gold = next(a for a in sim.articles if a.title == title and a.paragraphs[0].startswith(start))
    text = "".join(close_cjk_gaps(p) for p in gold.paragraphs).replace(" ", "")
    issue = parse_pages([(sim.name + ".txt", sim.text)])
    found = [a for a in issue.articles if "".join(a.paragraphs).replace(" ", "") == text]
    return gold, found[0] if found else None


def _squeezed(text: str | None) -> str:
    return (text or "").replace(" ", "")


def _whole_with_headline(seed: int, split: str, title: str) -> bool:
    """The article comes out with its whole text and its printed kicker, title and subtitle."""
    gold, article = _parsed(seed, split, title)
    if article is None:
        return False
    got = tuple(map(_squeezed, (article.headline.kicker, article.headline.title, article.headline.subtitle)))
    return got == tuple(map(_squeezed, (gold.kicker, gold.title, gold.subtitle)))


def test_no_story_begins_with_a_paragraph_answering_the_one_before() -> None:
    # 今年入夏以来，酷暑难挡。 / 而河南省新野县法院…: the cut fell before 而, leaving the lede to the story above.
    assert _whole_with_headline(7004, SIXTH, "新野法院：民庭法官听民声")
    assert _whole_with_headline(7004, SIXTH, "农家书屋让乡村振兴“一路书香”")


def test_no_story_begins_with_a_paragraph_going_on_and_a_couplet_over_a_title_is_its_kicker() -> None:
    # 据介绍，此次采访是… had been cut off as a story of the kicker 访问乡贤 学习乡贤.
    assert _whole_with_headline(7000, SIXTH, "上虞少年今赴京采访")


def test_a_credit_naming_a_long_body_ends_its_article() -> None:
    # （肥城市农业机械发展服务中心武东升） alone under the text: unread, the next story ran on into it.
    assert _whole_with_headline(7021, SIXTH, "肥城：山区麦浪滚 机械收麦忙")
    assert _whole_with_headline(7021, SIXTH, "千阳开启订单式种植模式")


def test_speech_broken_by_its_speaker_is_not_moved_to_the_story_after_it() -> None:
    # “前两年…”采访中，村民段新阳笑着告诉记者，“…”: the last paragraph of 宝丰县's story, not the next one's lede.
    assert _whole_with_headline(7020, SIXTH, "栽花种树修路建游园 宝丰县这个村好美")
    assert _whole_with_headline(7020, SIXTH, "创城进行时：连山：开展“城乡环境建设和管理方面突出问题”专项整治活动")


def test_a_series_name_kicker_cuts_no_story_and_a_headline_weakly_after_a_break_neither() -> None:
    # 新春走基层·新年味 / 贵州：“村火车”里的年味儿: the title names 年味 in the lede and 村火车 further on.
    assert _whole_with_headline(7007, SIXTH, "贵州：“村火车”里的年味儿")


def test_a_spaced_editing_role_and_a_photo_column_name() -> None:
    # …相统一。（撰  稿：杨凌昊） ends its story; 图话 is the kicker of the photo news under it, not the end of a title.
    assert _whole_with_headline(7012, SIXTH, "地头田间化解纠纷，就地办案方便群众")
    assert _whole_with_headline(7012, SIXTH, "运城：晋南粮仓田园忙")


def test_a_marked_writer_opens_an_untitled_article_and_a_leading_credit_is_a_byline() -> None:
    gold, article = _parsed(7026, SIXTH, None, "1月28日")
    assert article is not None and _squeezed(article.dateline) == "◇唐兆权文/图"
    assert _whole_with_headline(7026, SIXTH, "露天矿社区开展爱心义剪活动")
    _, closing = _parsed(7026, SIXTH, "露天矿社区开展爱心义剪活动")
    assert closing is not None and closing.byline == ["文/图", "茂名日报社全媒体记者梁爽", "通讯员温嘉慧"]


def test_a_bracketed_note_is_no_credit_and_the_credit_under_it_closes_the_article() -> None:
    # （乡镇负责人名单由市委组织部提供） / （见习记者 连漪 文/图）: the note had been read as a body's 提供.
    gold, article = _parsed(7006, SIXTH, None, "家园位置")
    assert article is not None
    assert article.byline == ["见习记者连漪 文 图"]
    assert article.paragraphs[-1].endswith("（乡镇负责人名单由市委组织部提供）")


def test_a_kicker_stays_apart_from_a_title_whose_lead_broke_before_its_colon() -> None:
    # 走进家园看问题 / 伊川县韦 / 村：垃圾池多日未清
    assert _whole_with_headline(100034, SIXTH, "伊川县韦村：垃圾池多日未清")


def test_a_title_broken_after_its_couplet_still_goes_on() -> None:
    # 新春开新局 石泉集中开工 / 12个重点项目 is one title (dev set).
    assert _whole_with_headline(100013, "dev", "新春开新局 石泉集中开工12个重点项目")


def test_a_listing_headline_line_ending_in_an_ellipsis_does_not_end_the_text_above_the_headlines() -> None:
    # A page without blank lines: the last dated article ends at 应急能力。; under the page's headlines is
    # 洗衣服、理发、唠家常…… / “首都老兵”延庆区…, read as the text's last line it took every headline into the article.
    assert _whole_with_headline(200001, SIXTH, "兰州市举行森林火灾突击消防演练")


SEVENTH = "seventh-held-out"


def test_quotations_alone_before_a_break_open_the_story_after_it() -> None:
    # 本报记者 王丽 报道 “同学们，…抓鱼啊？” / “不能！” / 为切实加强…: the first quotation had been left alone.
    assert _whole_with_headline(8002, SEVENTH, "花塘乡：把“防溺水课堂”搬进村委综合楼")


def test_a_paper_s_own_message_opens_an_article() -> None:
    # 日报消息（通讯员丁宏亮、韦兵）4月29日，…
    gold, article = _parsed(100003, SEVENTH, "老记点评“乡下”亮点")
    assert article is not None and _squeezed(article.dateline) == "日报消息（通讯员丁宏亮、韦兵）"


def test_a_closing_note_ends_its_article_and_takes_no_headline() -> None:
    # …真正做到了居民的心里。 / （完）: read as a headline, （完） had taken an article.
    assert _whole_with_headline(100016, SEVENTH, "【创建进行时】从彭阿姨眼中看城塘社区新变化")


def test_a_credit_naming_where_its_writer_works_in_brackets_closes_its_article() -> None:
    # …率先试行。（通讯员：李华（大关县社科联））
    _, article = _parsed(100009, SEVENTH, "大关有识之士倡仪文明节俭办红白喜事")
    assert article is not None and article.byline == ["通讯员：李华（大关县社科联）"]
