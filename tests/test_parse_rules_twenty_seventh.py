"""Rules found on the twenty-seventh set of real articles
(tests/data/articles/local_news_twenty_seventh_held_out.jsonl), after its single held-out measurement, and on more
seeded pages of the earlier sets.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from tests.test_parse_rules_tenth import _titles

TWENTY_SEVENTH = "twenty-seventh-held-out"


def test_a_title_broken_after_its_dash_goes_on_into_what_a_body_does() -> None:
    # 雨中粽香飘法院 端午温情聚一堂—— / 大关法院开展端午节包粽子活动 and 检察助创城 文明我先行---- /
    # 老边区人民检察院开展社区清洁活动: the line ending with the dash was read as a kicker over a title of its own.
    assert ("", "雨中粽香飘法院端午温情聚一堂——大关法院开展端午节包粽子活动", "") in _titles(28029, TWENTY_SEVENTH)
    assert ("", "检察助创城文明我先行----老边区人民检察院开展社区清洁活动", "") in _titles(28025, TWENTY_SEVENTH)
