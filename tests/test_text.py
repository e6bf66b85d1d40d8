"""The shared vocabulary (converter/text.py): one Han class, used everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from converter.clean.articles import split_dateline
from converter.clean.bylines import split_byline
from converter.clean.spacing import close_cjk_gaps
from converter.pinyin import is_han

PACKAGE = Path(__file__).resolve().parent.parent / "converter"


def test_dateline_keeps_a_reporter_named_with_a_supplementary_plane_character() -> None:
    # 𠮷 (U+20BB7) is outside the basic block: the dateline must run on to 报道 all the same.
    dateline, text = split_dateline("本报讯 记者 王𠮷祥 报道 近日，县里召开会议")
    assert (dateline, text) == ("本报讯 记者 王𠮷祥 报道", "近日，县里召开会议")


def test_the_same_name_is_one_name_everywhere() -> None:
    assert split_byline("确保安全度汛。（记者 王𠮷祥）") == ("确保安全度汛。", ["记者王𠮷祥"])
    assert close_cjk_gaps("𠮷 𪚥") == "𠮷𪚥"  # two extension B characters set wide
    assert all(is_han(c) for c in "王𠮷祥\uf900")  # \uf900: a compatibility ideograph


@pytest.mark.parametrize("written", [r"\u4e00", r"\u3400", r"\u9fff", r"\U00020000", "一-龥"])
def test_only_text_py_writes_the_han_ranges(written: str) -> None:
    writers = [
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if path.name != "text.py" and written in path.read_text(encoding="utf-8")
    ]
    assert writers == []


def test_only_text_py_writes_the_sentence_ends() -> None:
    # The sentence-end marks side by side, as a class or a string, belong to converter/text.py.
    pattern = re.compile(r"[\[\"][^]\"\s]*。！？")
    writers = [
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if path.name != "text.py" and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert writers == []
