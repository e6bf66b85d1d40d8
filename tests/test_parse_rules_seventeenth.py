"""Rules found on the seventeenth set of real articles (tests/data/articles/local_news_seventeenth_held_out.jsonl),
after its single held-out measurement, and on more seeded pages of the earlier sets.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from tests.test_parse_rules_tenth import _whole

SEVENTEENTH = "seventeenth-held-out"


def test_one_word_of_a_long_title_in_a_story_s_last_paragraph_starts_no_story_there() -> None:
    # 艾粽传情兵地融，一脉同心筑梦圆 over a story of three paragraphs, its one word 兵地融 (兵地融合) in the last: read
    # as the start of the title's story, the last paragraph had been cut off under half the title.
    for seed in (18008, 18011):
        article = _whole(seed, "5月28日，正值端午佳节来临之际", SEVENTEENTH)
        assert article is not None and article.headline.title == "艾粽传情兵地融，一脉同心筑梦圆"
