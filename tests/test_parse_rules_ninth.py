"""Rules found on the ninth set of real articles (tests/data/articles/local_news_ninth_held_out.jsonl),
after its single held-out measurement.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from converter.clean import parse_pages
from converter.clean.spacing import close_cjk_gaps
from converter.model import Article
from tests import layout_sim

NINTH = "ninth-held-out"


def _articles(seed: int) -> tuple[layout_sim.Page, list[Article]]:
    sim = layout_sim.page(seed, NINTH, layout_sim.pool(NINTH))
    return sim, parse_pages([(sim.name + ".txt", sim.text)]).articles


def _text(dateline: str | None, paragraphs: list[str]) -> str:
    return close_cjk_gaps(dateline or "") + "".join(close_cjk_gaps(p) for p in paragraphs)


def _whole(seed: int, start: str) -> Article | None:
    sim, articles = _articles(seed)
    gold = next(a for a in sim.articles if a.paragraphs[0].startswith(start))
    want = _text(gold.dateline, gold.paragraphs)
    return next((a for a in articles if _text(a.dateline, a.paragraphs) == want), None)


def test_marked_writers_with_their_credits_and_a_place_s_讯_open_articles() -> None:
    # ■本报记者叶祯/文 宋延康/图 and 靖远讯 （特约通讯员冯文强）: datelines, so each article starts there.
    for seed, start, dateline in ((10016, "南宁持续多日的高温", "■本报记者叶祯/文 宋延康/图"),
                                  (10014, "近年来，靖远县", "靖远讯 （特约通讯员冯文强）")):
        article = _whole(seed, start)
        assert article is not None and article.dateline is not None
        assert article.dateline.replace(" ", "") == dateline.replace(" ", "")


def test_a_title_broken_before_its_couplet_line_inside_a_word_is_one_title() -> None:
    # 前10月临夏实施500万元以上重 / 点项目605项 总投资1002.85亿元: 以上重点项目 is in the text.
    _, articles = _articles(10020)
    titles = {a.headline.title.replace(" ", "") for a in articles}
    assert "前10月临夏实施500万元以上重点项目605项总投资1002.85亿元" in titles


def test_an_untitled_article_after_a_cut_is_cut_from_the_one_after_it() -> None:
    # 临夏… | 龙潭镇 (its title names none of its words) | 庆城县举办徒手秧歌大赛: the first cut leaves
    # 龙潭镇 and 庆城县 together; the 庆城县 headline, found only after their break, cuts them too.
    assert _whole(10027, "“感谢国家，感谢党委政府") is not None
    assert _whole(10027, "为更好地宣传、保护、传承庆城县") is not None


def test_a_column_s_opening_bracket_after_a_shadowed_photo_title_is_a_stray() -> None:
    # 丰收时节丰收时节 【 / 【新春走基层】醒狮镇：关 / 爱留守儿童 传递新春温暖: the 【 is the shadow
    # of the next line's first glyph; the photo title stays apart, the title whole.
    _, articles = _articles(10026)
    titles = {a.headline.title.replace(" ", "") for a in articles}
    assert "【新春走基层】醒狮镇：关爱留守儿童传递新春温暖" in titles


def test_a_title_broken_before_a_lead_and_its_colon_inside_a_word_is_one_title() -> None:
    # 通城县北港镇筑牢防溺水安 / 全网：入户宣传强意识 设备保障护平安: 全网： looks like a lead opening a
    # title, but the break cuts 安全 (水安全 is in the text): one title.
    _, articles = _articles(10022)
    titles = {a.headline.title.replace(" ", "") for a in articles}
    assert "通城县北港镇筑牢防溺水安全网：入户宣传强意识设备保障护平安" in titles
