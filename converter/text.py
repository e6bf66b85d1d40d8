"""The vocabulary every part shares: which characters are Han.

One home for character classes, so the parser, the spoken text and the
pinyin agree on what a Chinese character is.
"""

from __future__ import annotations

# Han characters: the unified ideographs, extension A, compatibility ideographs and the
# supplementary planes (extension B on, where rare name characters such as 𠮷 live).
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

# What the name of a place or a public body ends with (双牌上梧江瑶族乡, 兴县县委统战部新联会,
# 兴县工商联, 裕园社区): a headline line that is such a name is a kicker naming who or where.
BODY_SUFFIXES = (
    "省", "市", "县", "区", "乡", "镇", "村", "街道", "社区", "小区", "委", "会", "联", "管理局", "厅", "部",
    "办", "院", "所", "站", "队", "校", "处", "中心", "公司", "集团", "协会", "支部", "党组",
)
# Words that make a phrase a description of many places rather than the name of one
# (我县部分村镇: "some villages of our county"): such a line is no kicker naming who or where.
NOT_ONE_PLACE = ("我县", "我市", "我区", "我省", "部分", "一些", "多个", "各地", "各村", "各乡")
