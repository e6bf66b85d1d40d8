"""The layout simulator: real articles of many papers, seeded pages, a held-out split of their own."""

from __future__ import annotations

import re

import pytest

from benchmarks.parse_quality import score_page
from converter.clean import parse_pages
from tests import layout_sim


def test_the_articles_are_real_and_from_many_papers() -> None:
    articles = layout_sim.load_articles()
    assert len(articles) >= 40
    assert len({a["paper"] for a in articles}) >= 15
    for article in articles:
        assert article["url"] and article["title"] and article["paragraphs"]
        # Copied as published: Chinese punctuation set full width.
        assert not any(mark in "".join(article["paragraphs"]) for mark in (",", ";", "(", ")"))


def test_pages_are_seeded_and_the_splits_share_no_article() -> None:
    pools = layout_sim.split_articles(layout_sim.load_articles())
    assert not {a["title"] for a in pools["dev"]} & {a["title"] for a in pools["first-held-out"]}
    first, again = layout_sim.pages("dev")[:2], layout_sim.pages("dev")[:2]
    assert [p.text for p in first] == [p.text for p in again]
    assert len(layout_sim.pages()) >= 30


# Floors a little under the measured figures (benchmarks/parse_quality.py): articles whole, headlines exact.
WORKED_ON = {
    "dev": (0.97, 0.97),
    "first-held-out": (0.97, 0.95),
    "fresh": (0.96, 0.94),
    # Its floor gave one page to headlines read without the words most stories print (活动, 开展, 群众…): the page's
    # 集体庆生 共度重阳 and 龙飞舞 年味浓 no longer part their stories; the stress pages gain 334 articles by it.
    "second-held-out": (0.94, 0.90),
    "third-held-out": (0.95, 0.93),
    "fourth-held-out": (0.99, 0.94),
    # Measured once at 88.6% and 87.7% before its articles were looked at. Its floor gave one page to a title
    # broken inside a word of the word list read as one anchor (庆阳法庭调解工 / 作走进田间地头: 工作): the whole
    # title holds words of the story before it (田间, 走进) that its first half did not, and that story is read as
    # the title's lede; the split's 1,000 stress pages read the same, the stress pages as a whole gain 26 articles.
    "fifth-held-out": (0.93, 0.94),
    # Measured once at 87.3% and 86.2%. Its headlines' floor gave one headline of 123 to the quoted term's
    # weight in matching (旧砖砌花园 磨盘变景观 宜阳县乔 / 庄村留住“原味”乡愁, another story printing 原味), which
    # gains 79 more than it loses on the stress pages.
    "sixth-held-out": (0.99, 0.94),
    # Measured once at 90.2% and 84.9%.
    "seventh-held-out": (0.96, 0.90),
    # Measured once at 89.8% and 91.1%. Its floor gave one page to headlines read without the words most stories
    # print (镇沅县冬农 / 开发成为群众增收大产业, its second line without 群众, now cuts the story before it).
    "eighth-held-out": (0.97, 0.96),
    # Measured once at 91.9% and 79.4%.
    "ninth-held-out": (0.97, 0.92),
    # Measured once at 85.8% and 79.7%.
    "tenth-held-out": (0.98, 0.88),
    # Measured once at 91.2% and 82.9%.
    "eleventh-held-out": (0.97, 0.90),
    # Measured once at 92.3% and 85.1%.
    "twelfth-held-out": (0.95, 0.90),
    # Measured once at 95.4% and 82.3%.
    "thirteenth-held-out": (0.98, 0.90),
    # Measured once at 94.4% and 81.4%.
    "fourteenth-held-out": (0.97, 0.87),
    # Measured once at 95.7% and 86.8%.
    "fifteenth-held-out": (0.95, 0.89),
    # Measured once at 86.0% and 84.2%.
    "sixteenth-held-out": (0.97, 0.95),
    # Measured once at 91.7% and 92.6%.
    "seventeenth-held-out": (0.99, 0.97),
    # Measured once at 92.6% and 83.5%.
    "eighteenth-held-out": (0.95, 0.92),
    # Measured once at 97.6% and 96.5%.
    "nineteenth-held-out": (0.99, 0.97),
    # Measured once at 87.2% and 81.6%.
    "twentieth-held-out": (0.96, 0.92),
    # Measured once at 90.6% and 89.7%.
    "twenty-first-held-out": (0.94, 0.95),
    # Measured once at 99.3% and 95.5%.
    "twenty-second-held-out": (0.99, 0.97),
    # Measured once at 96.1% and 87.9%.
    "twenty-third-held-out": (0.96, 0.88),
    # Measured once at 94.2% and 93.5%.
    "twenty-fourth-held-out": (0.94, 0.93),
    # Measured once at 90.5% and 88.9%.
    "twenty-fifth-held-out": (0.90, 0.88),
    # Measured once at 87.4% and 88.1%.
    "twenty-sixth-held-out": (0.87, 0.88),
    # Measured once at 89.9% and 89.4%.
    "twenty-seventh-held-out": (0.89, 0.89),
}


# The held-out split, never worked on: a floor at the figure it was measured at once.
MEASURED_ONCE = {"held-out": (0.92, 0.91)}


@pytest.mark.parametrize("split", sorted(WORKED_ON) + sorted(MEASURED_ONCE))
def test_the_splits_stay_parsed(split: str) -> None:
    # So a change that breaks what the rules already do shows.
    total: dict[str, int] = {}
    for sim in layout_sim.pages(split):
        for key, value in score_page(sim, parse_pages([(sim.name + ".txt", sim.text)])).items():
            total[key] = total.get(key, 0) + value
    articles, headlines = {**WORKED_ON, **MEASURED_ONCE}[split]
    assert total["whole"] / total["articles"] >= articles
    assert total["headlines_ok"] / total["headlines"] >= headlines


def test_the_fresh_split_is_articles_of_other_papers_on_pages_of_their_own() -> None:
    # Collected after the rules were written: no article and few papers in common with the first set.
    first, fresh = layout_sim.load_articles(), layout_sim.load_articles(layout_sim.FRESH_ARTICLES)
    assert len(fresh) >= 24
    assert not {a["title"] for a in first} & {a["title"] for a in fresh}
    assert len({a["paper"] for a in fresh} - {a["paper"] for a in first}) >= 10
    for article in fresh:
        assert article["url"] and article["title"] and article["paragraphs"]
        assert not any(mark in "".join(article["paragraphs"]) for mark in (",", ";", "(", ")"))
    pages = layout_sim.pages("fresh")
    assert len(pages) == 15 and {p.split for p in pages} == {"fresh"}
    others = [p for split in layout_sim.SPLITS if split != "fresh" for p in layout_sim.pages(split)]
    assert {p.name for p in pages}.isdisjoint({p.name for p in others})


ARTICLE_FIELDS = {"paper", "url", "kicker", "title", "subtitle", "dateline", "paragraphs", "byline", "title_printed"}
# An ASCII mark touching a Chinese character: "村民,今年" where the paper printed "村民，今年".
ASCII_MARK_AT_CHINESE = re.compile(r"[\u4e00-\u9fff][,.:;()?]|[,.:;()?][\u4e00-\u9fff]")
# The sets collected after the first two, each of papers none of the sets before it come from, with the
# least number of articles, of papers and of headlines with a kicker or subtitle each holds.
LATER_SETS = [
    (layout_sim.SECOND_HELD_OUT_ARTICLES, 45, 18, 12),
    (layout_sim.THIRD_HELD_OUT_ARTICLES, 50, 30, 2),
    (layout_sim.FOURTH_HELD_OUT_ARTICLES, 45, 25, 7),
    (layout_sim.FIFTH_HELD_OUT_ARTICLES, 38, 36, 1),
    (layout_sim.SIXTH_HELD_OUT_ARTICLES, 106, 91, 10),
    (layout_sim.SEVENTH_HELD_OUT_ARTICLES, 99, 94, 8),
    (layout_sim.EIGHTH_HELD_OUT_ARTICLES, 32, 29, 0),
    (layout_sim.NINTH_HELD_OUT_ARTICLES, 75, 69, 9),
    (layout_sim.TENTH_HELD_OUT_ARTICLES, 46, 44, 2),
    (layout_sim.ELEVENTH_HELD_OUT_ARTICLES, 61, 47, 6),
    (layout_sim.TWELFTH_HELD_OUT_ARTICLES, 46, 42, 6),
    (layout_sim.THIRTEENTH_HELD_OUT_ARTICLES, 36, 27, 5),
    (layout_sim.FOURTEENTH_HELD_OUT_ARTICLES, 34, 27, 1),
    (layout_sim.FIFTEENTH_HELD_OUT_ARTICLES, 59, 54, 4),
    (layout_sim.SIXTEENTH_HELD_OUT_ARTICLES, 41, 35, 2),
    (layout_sim.SEVENTEENTH_HELD_OUT_ARTICLES, 40, 38, 3),
    (layout_sim.EIGHTEENTH_HELD_OUT_ARTICLES, 40, 36, 1),
    (layout_sim.NINETEENTH_HELD_OUT_ARTICLES, 60, 52, 2),
    (layout_sim.TWENTIETH_HELD_OUT_ARTICLES, 32, 30, 1),
    (layout_sim.TWENTY_FIRST_HELD_OUT_ARTICLES, 28, 27, 0),
    (layout_sim.TWENTY_SECOND_HELD_OUT_ARTICLES, 40, 38, 1),
    (layout_sim.TWENTY_THIRD_HELD_OUT_ARTICLES, 39, 39, 2),
    (layout_sim.TWENTY_FOURTH_HELD_OUT_ARTICLES, 48, 47, 3),
    (layout_sim.TWENTY_FIFTH_HELD_OUT_ARTICLES, 58, 57, 0),
    (layout_sim.TWENTY_SIXTH_HELD_OUT_ARTICLES, 59, 57, 3),
    (layout_sim.TWENTY_SEVENTH_HELD_OUT_ARTICLES, 56, 53, 2),
    (layout_sim.HELD_OUT_ARTICLES, 55, 49, 2),
]


@pytest.mark.parametrize("number", range(len(LATER_SETS)))
def test_each_later_set_is_of_papers_of_its_own(number: int) -> None:
    # A split of its own: no paper and no article shared with the sets before it.
    others = layout_sim.load_articles() + layout_sim.load_articles(layout_sim.FRESH_ARTICLES)
    others += [a for path, *_ in LATER_SETS[:number] for a in layout_sim.load_articles(path)]
    path, least_articles, least_papers, least_kickers = LATER_SETS[number]
    held_out = layout_sim.load_articles(path)
    papers = {a["paper"] for a in held_out}
    assert len(held_out) >= least_articles and len(papers) >= least_papers
    # Headlines of more than one line: a kicker above the title or a subtitle under it.
    assert sum(1 for a in held_out if a["kicker"] or a["subtitle"]) >= least_kickers
    assert not papers & {a["paper"] for a in others}
    assert not {a["title"] for a in held_out} & {a["title"] for a in others}
    assert len({a["title"] for a in held_out}) == len(held_out)
    for article in held_out:
        assert set(article) == ARTICLE_FIELDS and article["title_printed"] is True
        assert article["url"].startswith("http") and article["title"] and all(article["paragraphs"])
        assert isinstance(article["byline"], list)
        # Credits as printed inside the brackets: the page sets the brackets around them.
        assert not any(credit.strip()[:1] in "（(" for credit in article["byline"]), article["byline"]
        for text in [article["title"], *article["paragraphs"]]:
            assert not ASCII_MARK_AT_CHINESE.search(text), text
