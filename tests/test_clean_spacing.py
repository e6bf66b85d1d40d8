from __future__ import annotations

import pytest

from converter.clean.spacing import close_cjk_gaps, han_chars


@pytest.mark.parametrize(
    ("printed", "clean"),
    [
        ("刻 与 党 委 、政 府", "刻与党委、政府"),
        ("2 月 7 日", "2月7日"),
        ("价值 18000 余元", "价值18000余元"),
        ("员 ，分 别 为 他 们", "员，分别为他们"),
        ("“ 四 个 伟 大 ”紧 密", "“四个伟大”紧密"),
        ("一方有难\u3000八方支援", "一方有难八方支援"),
        ("使用 COVID 19 test kits 检测", "使用COVID 19 test kits检测"),
        ("Hello world", "Hello world"),
        # a formula between numbers set justified: its blanks closed, a Latin letter in it kept
        ("构 建 “ 2 + 7 +N” 产 业 布 局", "构建“2+7+N”产业布局"),
        ("比 例 1 ∶ 5 0 0 ， 8 : 3 0 开 始 ， 1 / 3", "比例1∶500，8:30开始，1/3"),
        ("a + b", "a + b"),
        ("降 温 超 10 ℃ ， 倾 角 5 °", "降温超10℃，倾角5°"),
    ],
)
def test_blanks_touching_cjk_are_removed_latin_spaces_kept(printed: str, clean: str) -> None:
    assert close_cjk_gaps(printed) == clean


def test_han_chars() -> None:
    assert han_chars("本报讯 2月7日，“疫”") == "本报讯月日疫"
