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
