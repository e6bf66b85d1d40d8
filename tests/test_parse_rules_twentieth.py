"""Rules found on the twentieth set of real articles (tests/data/articles/local_news_twentieth_held_out.jsonl),
after its single held-out measurement, and on more seeded pages of the earlier sets.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from tests.test_parse_rules_tenth import _whole

TWENTIETH = "twentieth-held-out"


def test_a_couplet_no_article_holds_heads_the_title_under_it() -> None:
    # 祥龙携瑞辞旧岁 灵蛇纳福启新程 over 金山区各界人士春节团拜会举行: a New Year's wish naming nothing of the
    # story, the couplet had been left among the unplaced headlines.
    for seed in (100003, 100027, 100037):
        article = _whole(seed, "1月26日上午，2025年金山区", TWENTIETH)
        assert article is not None
        assert article.headline.parts == ["祥龙携瑞辞旧岁 灵蛇纳福启新程", "金山区各界人士春节团拜会举行"]
