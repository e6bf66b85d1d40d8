"""How one number is said: as a quantity, a year, or digit by digit.

The rules in ``rules.py`` find numbers and decide which reading each one
gets; the readings themselves live here.  cn2an turns a quantity into
characters; what it does not know is when an announcer says 两.
"""

from __future__ import annotations

import re

import cn2an

DIGIT_NAMES = str.maketrans("0123456789", "零一二三四五六七八九")
# In numbers one dials, 1 is 幺 (yāo), as operators and announcers say it, so it is not heard as 七.
DIALLED_DIGIT_NAMES = str.maketrans("0123456789", "零幺二三四五六七八九")

# Words after which a lone 2 is 两: measure words, units and the large powers.  Not 号, 日, 月
# (dates), 期, 级, 版, 楼, 班 (ordinals: 二期工程, 二级响应), which keep 二.
_LIANG_WORDS = [
    "个", "人", "名", "位", "天", "岁", "次", "项", "家", "所", "条", "种", "件", "张", "台", "辆", "架", "艘",
    "座", "栋", "幢", "间", "套", "户", "份", "批", "轮", "场", "组", "支", "只", "头", "匹", "本", "篇", "部",
    "首", "句", "段", "层", "道", "门", "类", "起", "例", "笔", "块", "元", "角", "分", "分钟", "秒", "小时", "周",
    "星期", "倍", "米", "公里", "千米", "厘米", "毫米", "克", "千克", "公斤", "斤", "吨", "亩", "公顷", "升",
    "毫升", "千伏", "千瓦", "瓦", "伏", "点", "时", "趟", "遍", "回", "届", "万", "千", "亿", "年", "多万", "余万",
    "平方米", "平方公里", "立方米", "毫克", "微克", "公分", "成", "份儿", "所", "节", "堂", "棵", "株", "处", "片",
    "根", "面", "杯", "瓶", "包", "箱", "袋", "通", "宗",
]
_TIME_UNITS = "月日号时点分秒"
LIANG_AFTER = re.compile("(?:" + "|".join(sorted(set(_LIANG_WORDS), key=len, reverse=True)) + ")(?!级|度|代)")


def digits(text: str, *, dialled: bool = False) -> str:
    """Digit by digit, for codes and names (C919, “4336”) and for numbers one dials (幺).

    >>> digits("4336")
    '四三三六'
    >>> digits("12345", dialled=True)
    '幺二三四五'
    """
    return text.translate(DIALLED_DIGIT_NAMES if dialled else DIGIT_NAMES)


def year(text: str) -> str:
    """A year is read digit by digit.

    >>> year("2020")
    '二零二零'
    """
    return text.translate(DIGIT_NAMES)


def quantity(number: str, following: str = "", *, ordinal: bool = False) -> str:
    """A quantity (integer or decimal, no sign), with 两 where an announcer says it;
    ``following`` is the text after the number, which decides 两.

    A lone 2 before a measure word or 万/千/亿 is 两 (2个人 两个人, 2万 两万), and so is a
    leading 二 before 千, 万 or 亿 (2000 两千, 22000 两万二千); never in an ordinal (第2名),
    before a decimal point (2.5万 二点五万) or in a date (2月, 2日).

    >>> quantity("2", "个人"), quantity("2000", "人"), quantity("2", "月"), quantity("2", "名", ordinal=True)
    ('两', '两千', '二', '二')
    >>> quantity("240.75", "万元"), quantity("12", "个"), quantity("18,000"), quantity("05", "月")
    ('二百四十点七五', '十二', '一万八千', '五')
    """
    number = number.replace(",", "")
    if len(number) == 2 and number.startswith("0") and following[:1] in _TIME_UNITS:
        number = number[1:]  # 02月05日, 08时: the zero only pads the printed form
    if "." not in number and len(number) > 1 and number.startswith("0"):
        return digits(number)  # a leading zero makes it a code: 033600
    try:
        reading: str = cn2an.an2cn(number)  # cn2an is untyped
    except (ValueError, KeyError, IndexError):
        reading = digits(number)
    if not ordinal:
        if reading == "二" and LIANG_AFTER.match(following):
            reading = "两"
        elif reading[:2] in ("二千", "二万", "二亿"):
            reading = "两" + reading[1:]  # 2907.23 两千九百零七点二三
    return reading
