from __future__ import annotations

import pytest

from converter.clean.doubled import collapse_doubled, doubled_pieces


@pytest.mark.parametrize(
    ("printed", "title"),
    [
        ("宅家抗宅家抗““疫疫””", "宅家抗“疫”"),
        ("万家灯火兴县城万家灯火兴县城", "万家灯火兴县城"),
        ("春节春节快快乐乐", "春节快乐"),
    ],
)
def test_doubled_glyph_fragments_collapse(printed: str, title: str) -> None:
    assert collapse_doubled(printed) == title


@pytest.mark.parametrize("word", ["人人", "一一", "谢谢", "高高兴兴", "研究研究", "人人有责", "兴县召开协调会"])
def test_real_reduplication_and_plain_titles_stay(word: str) -> None:
    assert collapse_doubled(word) == word


def test_pieces_are_the_fewest() -> None:
    assert doubled_pieces("万家万家万家万家") == ["万家万家"]
    assert doubled_pieces("兴县城") is None
