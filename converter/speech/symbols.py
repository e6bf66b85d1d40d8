"""Symbols written out: list marks, Roman numerals, units, percent, signs.

Each rule is a small function from text to text; ``spoken.py`` runs them in
order with the number rules.  Latin words and acronyms (GDP, PM, COVID) are
left to the voice.
"""

from __future__ import annotations

import re

from converter.speech.numbers import quantity
from converter.text import HAN_CLASS, either

NUMBER = r"\d+(?:\.\d+)?"
_HAN = f"[{HAN_CLASS}]"

# ①–⑳, ⑴–⒇, ⒈–⒛, ❶–❿, ➀–➉, ➊–➓: list marks, read as their number and a pause.
_MARK_RANGES = ((0x2460, 20), (0x2474, 20), (0x2488, 20), (0x2776, 10), (0x2780, 10), (0x278A, 10))
_MARKS = {chr(start + i): i + 1 for start, count in _MARK_RANGES for i in range(count)}
# Ⅰ–Ⅻ and ⅰ–ⅻ: grades and classes (Ⅲ级响应), read as numbers.
_ROMAN = {chr(0x2160 + i): i + 1 for i in range(12)} | {chr(0x2170 + i): i + 1 for i in range(12)}
_VULGAR_FRACTIONS = {"½": "二分之一", "⅓": "三分之一", "⅔": "三分之二", "¼": "四分之一", "¾": "四分之三",
                     "⅕": "五分之一", "⅛": "八分之一"}
_MARK = re.compile("[" + "".join(_MARKS) + "]")
_ROMAN_NUMERAL = re.compile("[" + "".join(_ROMAN) + "]")


def marks(text: str) -> str:
    """Circled and Roman numerals and fraction glyphs as numbers.

    >>> marks("①加强管理；②落实责任")
    '一、加强管理；二、落实责任'
    >>> marks("启动Ⅲ级响应，约½的村")
    '启动三级响应，约二分之一的村'
    """
    def mark(match: re.Match[str]) -> str:
        after = text[match.end():match.end() + 1]
        pause = "、" if re.match(_HAN, after) else ""
        return quantity(str(_MARKS[match.group()]), ordinal=True) + pause

    text = _MARK.sub(mark, text)
    text = _ROMAN_NUMERAL.sub(lambda m: quantity(str(_ROMAN[m.group()]), ordinal=True), text)
    for glyph, reading in _VULGAR_FRACTIONS.items():
        text = text.replace(glyph, reading)
    return text


# Units printed as symbols, longest first; a unit ends where the letters end (5km, not 5kmh).
_UNITS = {
    "km/h": "公里每小时", "m/s": "米每秒", "kWh": "千瓦时", "kW·h": "千瓦时", "kVA": "千伏安",
    "kV": "千伏", "kW": "千瓦", "MW": "兆瓦", "GW": "吉瓦", "mA": "毫安",
    "km²": "平方公里", "km2": "平方公里", "㎢": "平方公里", "m²": "平方米", "m2": "平方米", "㎡": "平方米",
    "m³": "立方米", "m3": "立方米", "㎥": "立方米", "km": "公里", "㎞": "公里", "cm": "厘米", "㎝": "厘米",
    "mm": "毫米", "㎜": "毫米", "kg": "公斤", "㎏": "公斤", "mg": "毫克", "㎎": "毫克", "μg": "微克",
    "ml": "毫升", "mL": "毫升", "㎖": "毫升", "ha": "公顷", "kHz": "千赫", "MHz": "兆赫", "GHz": "吉赫",
    "Hz": "赫兹", "dB": "分贝", "min": "分钟", "h": "小时", "m": "米", "g": "克", "t": "吨", "L": "升",
    "V": "伏", "W": "瓦", "℃": "摄氏度", "°C": "摄氏度", "℉": "华氏度", "°F": "华氏度", "°": "度",
}
_WITH_UNIT = re.compile(rf"(?<![\d.])({NUMBER})\s*([万亿千]?)\s*({either(_UNITS)})(?![A-Za-z²³])")
_BELOW_ZERO = re.compile(rf"(?<![\dA-Za-z])[-−]({NUMBER})(?=(?:到-?{NUMBER})?\s*(?:℃|°C|°F|℉))")
_ABOVE_ZERO = re.compile(rf"(?<![\dA-Za-z])\+({NUMBER})(?=(?:到\+?{NUMBER})?\s*(?:℃|°C))")
_PERCENT = re.compile(rf"(?<![\d.])([-−]?)({NUMBER})\s*([%‰])")


def units(text: str) -> str:
    """Numbers with a unit symbol: the unit said in Chinese after the number.

    >>> units("110kV变电站，每片含300mg，全长2km")
    '一百一十千伏变电站，每片含三百毫克，全长两公里'
    >>> units("气温-5℃到3℃，面积120㎡，装机60万kW")
    '气温零下五摄氏度到三摄氏度，面积一百二十平方米，装机六十万千瓦'
    """
    text = _BELOW_ZERO.sub(lambda m: "零下" + quantity(m[1], ordinal=True), text)
    text = _ABOVE_ZERO.sub(lambda m: "零上" + quantity(m[1], ordinal=True), text)

    def with_unit(match: re.Match[str]) -> str:
        number, power, unit = match.groups()
        word = _UNITS[unit]
        return quantity(number, power + word) + power + word

    return _WITH_UNIT.sub(with_unit, text).replace("℃", "摄氏度")


def percent(text: str) -> str:
    """Percent and per mille come first in Chinese.

    >>> percent("增长3.5%，下降-0.5%，占30%以上，千分之：5‰")
    '增长百分之三点五，下降负百分之零点五，占百分之三十以上，千分之：千分之五'
    """
    def reading(match: re.Match[str]) -> str:
        sign, number, symbol = match.groups()
        return ("负" if sign else "") + ("百分之" if symbol == "%" else "千分之") + quantity(number, ordinal=True)

    return _PERCENT.sub(reading, text)


_PER_UNITS = (
    "秒", "分钟", "小时", "天", "日", "周", "月", "年", "人", "次", "户", "亩", "吨", "斤", "公斤", "千克", "克", "升",
    "平方米", "公里", "千米", "米", "件", "个", "台", "套", "家", "张", "株", "头", "只", "kg", "km", "h",
)
_SLASH_PER = re.compile(rf"(?<=[{HAN_CLASS}A-Za-z])\s*/\s*(?={either(_PER_UNITS)})")
_SLASH_BETWEEN_HAN = re.compile(rf"(?<={_HAN})\s*/\s*(?={_HAN})")
_PLUS = re.compile(r"\s*\+\s*")
_TIMES = re.compile(r"(?<=\d)\s*[×xX＊*]\s*(?=\d)")
_EQUALS = re.compile(r"\s*[=＝]\s*(?=[\d\w])")
_COMPARISONS = {"≥": "大于等于", "≤": "小于等于", "＞": "大于", ">": "大于", "＜": "小于", "<": "小于", "±": "正负"}
_COMPARISON = re.compile("([" + "".join(_COMPARISONS) + r"])\s*(?=\d)")
_NUMERO = re.compile(r"№\s*(\d+)")
_HASH_NUMBER = re.compile(r"(\d+)\s*#|#\s*(\d+)(?!\s*#)")
_AMPERSAND = re.compile(rf"(?<={_HAN})\s*&\s*(?={_HAN})")
_CURRENCIES = {"￥": "元", "¥": "元", "$": "美元", "€": "欧元", "£": "英镑"}
_CURRENCY = re.compile(rf"(HK)?(?:US)?([￥¥$€£])\s*({NUMBER})\s*([万亿]?)\s*元?")


def signs(text: str) -> str:
    """Signs said as words: + 加, / 每 after a unit, × 乘, = 等于, ≥ 大于等于, № 第…号, # 号, ￥ 元.

    >>> signs("5+2工作制，13.5兆比特/秒，3×3篮球，№5，3#楼，￥100")
    '5加2工作制，13.5兆比特每秒，3乘3篮球，第5号，3号楼，100元'
    >>> signs("债务余额/综合财力，产学研&用")
    '债务余额、综合财力，产学研和用'
    """
    text = _CURRENCY.sub(lambda m: m[3] + m[4] + ("港元" if m[1] else _CURRENCIES[m[2]]), text)
    text = _NUMERO.sub(r"第\1号", text)
    text = _HASH_NUMBER.sub(lambda m: (m[1] or m[2]) + "号", text)
    text = _SLASH_PER.sub("每", text)
    text = _SLASH_BETWEEN_HAN.sub("、", text)
    text = _TIMES.sub("乘", text)
    text = _EQUALS.sub("等于", text)
    text = _COMPARISON.sub(lambda m: _COMPARISONS[m[1]], text)
    text = _AMPERSAND.sub("和", text)
    return _PLUS.sub("加", text)
