"""Blanks left by justified text, and the display width of a printed line."""

from __future__ import annotations

import re
from functools import lru_cache

from converter.text import CJK_PUNCTUATION_CLASS, HAN_CLASS

# Han characters and the punctuation Chinese typesetting prints full width.
CJK_CLASS = HAN_CLASS + CJK_PUNCTUATION_CLASS
HAN = re.compile(f"[{HAN_CLASS}]")
_GAP_BEFORE_CJK = re.compile(rf"[ \t\u00a0\u3000]+(?=[{CJK_CLASS}])")
_GAP_AFTER_CJK = re.compile(rf"(?<=[{CJK_CLASS}])[ \t\u00a0\u3000]+")
_BLANK = re.compile("[ \t\u00a0\u3000]")
# Justified blanks inside a number: 2 1日, 0. 35元, 95 %, 93 .5, 10 ℃, 1500 ㎡ (a number is never printed with a
# blank in it, nor with one before a unit set as one glyph: ㎡ ㎞ ㎏ ㎥ are U+3380–U+33DF).
_GAP_IN_NUMBER = re.compile(
    r"(?<=[0-9０-９])[ \t\u00a0]+(?=[0-9０-９.．%％‰℃℉°\u3380-\u33df])|(?<=[0-9０-９][.．])[ \t\u00a0]+(?=[0-9０-９])"
)
# Justified blanks between one to three capital letters standing alone after Chinese text and the number they
# head: 日A 10版, 乘坐K 8次, 公司LT 24班 (a page, a road, a train, a class: printed closed up; iPhone 15, COVID 19
# keep theirs).
_GAP_AFTER_CODE_LETTER = re.compile(
    rf"(?:(?<=[{CJK_CLASS}][A-Z])|(?<=[{CJK_CLASS}][A-Z]{{2}})|(?<=[{CJK_CLASS}][A-Z]{{3}}))[ \t\u00a0]+(?=[0-9０-９])"
)
# Justified blanks between a number and its unit in Latin letters, before Chinese text: 5.4 mm，, 3 kg的
# (a unit is printed closed up; a unit is short and opens in lower case: mm, kg, kWh).
_GAP_BEFORE_UNIT = re.compile(rf"(?<=[0-9０-９])[ \t\u00a0]+(?=[a-z][A-Za-z]{{0,2}}(?:[{CJK_CLASS}]|$))")
# Justified blanks around a sign between numbers: “2 + 7 +N”, 1 ∶ 500, 1 - 5月 (a formula or a range is
# printed closed up).
_SIGN = "+＋×÷=＝∶:~～/－–-"
_GAP_AT_SIGN = re.compile(
    rf"(?<=[0-9０-９])[ \t\u00a0]+(?=[{_SIGN}])|(?<=[0-9０-９][ \t\u00a0][{_SIGN}])[ \t\u00a0]+(?=[0-9A-Za-z])"
)

# Justified blanks after a sign that follows a word, a number or a mark, or opens the line, before a
# number or a letter: 20日- 21日, 小雪，- 4℃, (line) - 8吨, 实践站+ N个 (a range, a minus or a sum is printed
# closed up).
_GAP_AFTER_SIGN = re.compile(
    rf"(?:(?<=[{CJK_CLASS}0-9０-９][{_SIGN}])|(?<=^[{_SIGN}]))[ \t\u00a0]+(?=[0-9０-９A-Za-z])"
)
# Justified blanks between two hyphens printed as a dash: 传统节日- -古尔邦节 (--).
_GAP_IN_DASH = re.compile(r"(?<=-)[ \t\u00a0]+(?=-)")
# Justified blanks between quotes Chinese text prints in Latin type: "大白话" "家常话" (quoted terms side by side
# are printed closed up).
_GAP_BETWEEN_QUOTES = re.compile(rf"(?<=[{CJK_CLASS}][\"'])[ \t\u00a0]+(?=[\"'][{CJK_CLASS}])")
# Justified blanks inside a bracket Chinese text opens in Latin type: 印发< 2023年 (printed closed up).
_GAP_IN_BRACKET = re.compile(rf"(?<=[{CJK_CLASS}][<(\[])[ \t\u00a0]+|[ \t\u00a0]+(?=[>)\]][{CJK_CLASS}])")
# Single letters (or a digit and letters) parted by justified blanks before Chinese text, or after it at a
# line's end or before figures: S G S农残, 5 G基站, 机构S G S, 反诈中心A p p”, 公司L T 2 4班, 微信“c g t s 0 4 5 1
# (an abbreviation, a code or a word set letter-spaced is printed closed up; words of a Latin phrase are longer
# than a letter).
_LETTERS_RUN = r"[A-Za-z0-9](?:[ \t\u00a0]+[A-Za-z](?![A-Za-z]))+"
_SPACED_LETTERS = re.compile(
    rf"(?<![A-Za-z0-9]){_LETTERS_RUN}(?=[{CJK_CLASS}])|(?<=[{CJK_CLASS}]){_LETTERS_RUN}(?:$|[ \t\u00a0]+(?=[0-9]))"
)


def close_cjk_gaps(text: str) -> str:
    """Remove every blank touching a Han character or CJK punctuation; keep blanks between Latin words.

    >>> close_cjk_gaps("刻 与 党 委 、政 府")
    '刻与党委、政府'
    >>> close_cjk_gaps("价值 18000 余元, COVID 19 test")
    '价值18000余元, COVID 19 test'
    >>> close_cjk_gaps("治 理 率 达 9 3 . 5 % ， 每 斤 0. 35 元")
    '治理率达93.5%，每斤0.35元'
    >>> close_cjk_gaps("停 车 场 1500 ㎡ ， 占 地 3 ㎞")
    '停车场1500㎡，占地3㎞'
    >>> close_cjk_gaps("构 建 “ 2 + 7 +N” 产 业 布 局 ， 比 例 1 ∶ 5")
    '构建“2+7+N”产业布局，比例1∶5'
    >>> close_cjk_gaps("从 1 - 5 月 的 情 况"), close_cjk_gaps("A - B test")
    ('从1-5月的情况', 'A - B test')
    >>> close_cjk_gaps("2 月 20 日- 21 日 ， 经 S G S 检 测"), close_cjk_gaps("建 5 G 基 站 ， A B test")
    ('2月20日-21日，经SGS检测', '建5G基站，A B test')
    >>> close_cjk_gaps("权 威 机 构 S G S"), close_cjk_gaps("see A B"), close_cjk_gaps("中 心 A p p ” 。")
    ('权威机构SGS', 'see A B', '中心App”。')
    >>> close_cjk_gaps("小 雪 ， - 4 ℃"), close_cjk_gaps("- 8 吨"), close_cjk_gaps("印 发 < 2 0 2 3 年 报 告 >")
    ('小雪，-4℃', '-8吨', '印发<2023年报告>')
    >>> close_cjk_gaps("个 实 践 站 + N 个 实 践 点")
    '个实践站+N个实践点'
    >>> close_cjk_gaps("降 水 量 为 5 . 4 mm ， 积 雪"), close_cjk_gaps("iPhone 15 Pro手机, 3 kg of")
    ('降水量为5.4mm，积雪', 'iPhone 15 Pro手机, 3 kg of')
    >>> close_cjk_gaps("节 日 - - 古 尔 邦 节"), close_cjk_gaps("对 唱 ─ ─ 特 色"), close_cjk_gaps("a - - b")
    ('节日--古尔邦节', '对唱──特色', 'a -- b')
    >>> close_cjk_gaps("本 报 7 月 1 4 日 A 1 0 版"), close_cjk_gaps("使 用 iPhone 15 手 机")
    ('本报7月14日A10版', '使用iPhone 15手机')
    >>> close_cjk_gaps("公 司 LT 24 班"), close_cjk_gaps("公 司 L T 2 4 班"), close_cjk_gaps("新 冠 COVID 19 疫 情")
    ('公司LT24班', '公司LT24班', '新冠COVID 19疫情')
    >>> close_cjk_gaps("加 微 信 “ c g t s 0 4 5 1 - 8 5 9 9 ”")
    '加微信“cgts0451-8599”'
    >>> close_cjk_gaps('用 " 大 白 话 " " 家 常 话 " ， 向'), close_cjk_gaps('say "yes" "no"')
    ('用"大白话""家常话"，向', 'say "yes" "no"')
    """
    if not _BLANK.search(text):
        return text.strip()  # nothing to close (most lines that are not justified)
    text = _GAP_IN_NUMBER.sub("", _GAP_IN_NUMBER.sub("", text))  # twice: 3 . 5 needs 3. first
    text = _GAP_AFTER_CJK.sub("", _GAP_BEFORE_CJK.sub("", _GAP_AT_SIGN.sub("", text))).strip()
    # The blanks by the Chinese text closed first:
    text = _GAP_AFTER_SIGN.sub("", _GAP_IN_BRACKET.sub("", _GAP_BETWEEN_QUOTES.sub("", text)))
    # Letters set apart closed up before a code's gap (公司L T 24班: LT, then LT24).
    text = _SPACED_LETTERS.sub(lambda m: re.sub(r"[ \t\u00a0]", "", m.group()), text)
    return _GAP_IN_DASH.sub("", _GAP_BEFORE_UNIT.sub("", _GAP_AFTER_CODE_LETTER.sub("", text)))


def squeezed(text: str) -> str:
    """The text with every blank left out (the words printed across a line break, or around a justified blank).

    >>> squeezed("产业兴旺 增收 “有道”")
    '产业兴旺增收“有道”'
    """
    return re.sub(r"\s", "", text)


@lru_cache(maxsize=4096)
def han_chars(text: str) -> str:
    """The Han characters of ``text`` in order (what must never be lost)."""
    return "".join(HAN.findall(text))


def han_count(text: str) -> int:
    """How many Han characters ``text`` holds.

    >>> han_count("兴县 12 个项目")
    5
    """
    return len(han_chars(text))
