"""Numbers and symbols written out in Chinese characters, as an announcer says them.

Both voices get this text: the offline voice reads digits badly (2020年 without
its 零, 3.5% half in English), and the online one reads them as quantities
where a listener expects digits (a hotline, “4336”) or ranges as minus signs.
Each rule turns what it recognises into characters, so a later rule never
sees those digits again; the order below is the order of precedence, from
the most specific shape (a phone number) to the plainest (a quantity).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from converter.speech.numbers import LIANG_AFTER, digits, quantity, year
from converter.speech.symbols import NUMBER, marks, percent, signs, units
from converter.text import HAN_CLASS, PHRASE_BREAKS

_HAN = f"[{HAN_CLASS}]"
_FULLWIDTH = str.maketrans(
    {chr(0xFF10 + i): str(i) for i in range(10)}
    | {chr(0xFF21 + i): chr(0x41 + i) for i in range(26)}
    | {chr(0xFF41 + i): chr(0x61 + i) for i in range(26)}
    | {"％": "%", "＋": "+", "／": "/", "−": "-", "﹣": "-", "＃": "#", "＆": "&"}
)
# The dashes a range is printed with (3-5, 3～5, 2014—2016), and the words: 至, 到.
_DASHES = "[-~～—–]+"
_TO = rf"(?:{_DASHES}|至|到)"
_BETWEEN_DIGITS = re.compile(r"(?<=\d)\s*([．：－])\s*(?=\d)")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def _before(text: str, match: re.Match[str], width: int) -> str:
    """The ``width`` characters of ``text`` just before ``match`` (fewer at its start)."""
    return text[max(0, match.start() - width) : match.start()]


def _after(text: str, match: re.Match[str], width: int) -> str:
    """The ``width`` characters of ``text`` just after ``match``."""
    return text[match.end() : match.end() + width]


def prepare(text: str) -> str:
    """Full-width digits, letters and signs as ASCII; 1,300 as 1300.

    >>> prepare("第１２３４期，18,000人，2.5％，9：30，5，110")
    '第1234期，18000人，2.5%，9:30，5，110'
    """
    text = text.translate(_FULLWIDTH)
    text = _BETWEEN_DIGITS.sub(lambda m: {"．": ".", "：": ":", "－": "-"}[m[1]], text)
    return _THOUSANDS.sub("", text)


# Numbers one dials: phone numbers by their shape, short ones by the words around them.
_PHONE = re.compile(
    r"(?<![\d.])(?:[（(]0\d{2,3}[）)]\s*\d{7,8}|0\d{2,3}-\d{7,8}(?:-\d{1,5})?|1[3-9]\d{9}|[48]00-?\d{3}-?\d{4})(?![\d.])"
)
_SHORT_NUMBER = re.compile(r"(?<![\d.\-])\d{3,8}(?![\d.%\-])")
_DIAL_BEFORE = re.compile(r"(?:拨打|拨|致电|电话|热线|号码|手机|传真|专线|客服|短信)[是为：:\s]*$")
_DIAL_AFTER = re.compile(
    rf"^{_HAN}{{0,8}}?(?:热线|专线|电话|报警|急救|救护|求助|举报|投诉|服务平台|指挥中心|短信|消防)"
)
_NOT_DIALLED_AFTER = re.compile(rf"(?:{LIANG_AFTER.pattern}|[多余万亿千百]|\s*[A-Za-z])")


def dialled_numbers(text: str) -> str:
    """Phone numbers, hotlines and service numbers digit by digit (1 as 幺).

    >>> dialled_numbers("拨打110报警，或拨打12345政务服务便民热线，电话0358-6321234")
    '拨打幺幺零报警，或拨打幺二三四五政务服务便民热线，电话零三五八，六三二幺二三四'
    >>> dialled_numbers("120名医务人员，110kV线路")
    '120名医务人员，110kV线路'
    """
    text = _PHONE.sub(lambda m: re.sub(r"\s*[-（）()]\s*", "，", m.group()).strip("，").translate(
        str.maketrans("0123456789", "零幺二三四五六七八九")), text)

    def short(match: re.Match[str]) -> str:
        before, after = _before(text, match, 8), _after(text, match, 12)
        if _NOT_DIALLED_AFTER.match(after):
            return match.group()
        if _DIAL_BEFORE.search(before) or _DIAL_AFTER.match(after):
            return digits(match.group(), dialled=True)
        return match.group()

    return _SHORT_NUMBER.sub(short, text)


_CODE_BEFORE = re.compile(
    r"(?:邮编|邮政编码|编号|代码|账号|帐号|卡号|QQ|微信号|文号|身份证号码?|证号|车次|航班号?|房间号?|工号|学号|验证码)[是为：:\s]*$"
)
_CODE_NUMBER = re.compile(r"(?<![\d.])\d{2,}(?![\d.])")
_NUMBERED_PLACE = re.compile(r"(?<![\d.])(\d{3,})(?=室|国道|省道|县道|次列车|次航班|号房)")
_QUOTED_NAME = re.compile(r"(?<=[“\"「『‘'])(\d+(?:[·•・.\-]\d+)*)(?=[”\"」』’'])")
_DOTTED_NAME = re.compile(r"(?<![\d.])(\d{1,2})[·•・](\d{1,2})(?![\d.])")
_GENERATION = re.compile(r"(?<![\d.])(\d{2})(?=后)")
_LONG_RUN = re.compile(r"(?<![\d.])\d{11,}(?![\d.])")


def code_numbers(text: str) -> str:
    """Codes and number names digit by digit: postcodes, rooms, roads, “4336”, 5·12, 90后.

    >>> code_numbers("大力实施“4336”行动计划，“1·18”演讲，5·12地震")
    '大力实施“四三三六”行动计划，“一一八”演讲，五一二地震'
    >>> code_numbers("邮编033600，208国道旁301室，90后和00后")
    '邮编零三三六零零，二零八国道旁三零一室，九零后和零零后'
    """
    text = _QUOTED_NAME.sub(lambda m: digits(re.sub(r"\D", "", m.group())), text)
    text = _DOTTED_NAME.sub(lambda m: digits(m[1] + m[2]), text)
    text = _CODE_NUMBER.sub(
        lambda m: digits(m.group()) if _CODE_BEFORE.search(_before(text, m, 8)) else m.group(), text
    )
    text = _NUMBERED_PLACE.sub(lambda m: digits(m[1]), text)
    text = _GENERATION.sub(lambda m: digits(m[1]), text)
    return _LONG_RUN.sub(lambda m: digits(m.group()), text)


_YEAR = r"(?:1[6-9]|20)\d{2}"
_FULL_DATE = re.compile(rf"(?<![\d.])({_YEAR})([.\-/])(\d{{1,2}})\2(\d{{1,2}})(?![\d.])日?")
_DOCUMENT_NUMBER = re.compile(rf"[〔［\[【（(]({_YEAR})[〕］\]】）)]\s*第?(\d+)\s*号")
_YEAR_RANGE = re.compile(rf"(?<![\d.])({_YEAR})\s*{_TO}\s*({_YEAR})(?=\s*(?:年|学年|赛季|财年))")
_YEAR_WORD = re.compile(rf"(?<![\d.])({_YEAR})(?=\s*年)(?!\s*年(?:的?历史|之久|多|以上|左右))")
# A year-like number inside a quoted or titled name, and not a count: “中国制造2025”.
_YEAR_IN_NAME = re.compile(rf"(?<![\d.])({_YEAR})(?![\d.%])(?!\s*(?:{LIANG_AFTER.pattern}|[多余万亿]))")
# Before these a four-digit number with 年 is a length of time: 近2000年, 历经1500年
# (and so is one followed by 历史, 之久, 多, 以上, 左右: 2000多年, 有2000年历史).
_DURATION_BEFORE = re.compile(r"(?:近|约|逾|余|超过|达|历经|经过|整整|长达)\s*$")


def dates(text: str) -> str:
    """Dates, years and document numbers; a year is read digit by digit.

    >>> dates("2020.2.12出版，2020-02-12，国发〔2020〕5号")
    '二零二零年二月十二日出版，二零二零年二月十二日，国发二零二零年五号'
    >>> dates("2014—2016年，1949年，近2000年，“中国制造2025”")
    '二零一四到二零一六年，一九四九年，近2000年，“中国制造二零二五”'
    """
    def full_date(match: re.Match[str]) -> str:
        y, _, month, day = match.groups()
        if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
            return match.group()
        return f"{year(y)}年{quantity(str(int(month)), ordinal=True)}月{quantity(str(int(day)), ordinal=True)}日"

    text = _FULL_DATE.sub(full_date, text)
    text = _DOCUMENT_NUMBER.sub(lambda m: f"{year(m[1])}年{quantity(m[2], ordinal=True)}号", text)
    text = _YEAR_RANGE.sub(lambda m: f"{year(m[1])}到{year(m[2])}", text)
    text = _YEAR_WORD.sub(
        lambda m: m.group() if _DURATION_BEFORE.search(_before(text, m, 4)) else year(m[1]), text
    )
    return _YEAR_IN_NAME.sub(lambda m: year(m[1]) if _inside_a_name(text, m.start()) else m.group(), text)


def _inside_a_name(text: str, position: int) -> bool:
    """Whether ``position`` lies inside “…” or 《…》: 《世界能源展望2017中国特别报告》."""
    before = text[:position]
    return before.rfind("“") > before.rfind("”") or before.rfind("《") > before.rfind("》")


_CLOCK = r"([01]?\d|2[0-4]):([0-5]\d)"
_TIME = re.compile(rf"(?<![\d:.]){_CLOCK}(?:\s*{_TO}\s*{_CLOCK})?(?![\d:])")


def _clock(hour: str, minute: str) -> str:
    """9:00 → 九点, 2:30 → 两点三十分, 8:05 → 八点零五分."""
    spoken = quantity(str(int(hour)), "点") + "点"
    if int(minute) == 0:
        return spoken
    return spoken + ("零" if int(minute) < 10 else "") + quantity(str(int(minute)), ordinal=True) + "分"


def times(text: str) -> str:
    """Clock times, and spans of them read with 到.

    >>> times("开放时间18:00-20:00，24:00前，8:05出发")
    '开放时间十八点到二十点，二十四点前，八点零五分出发'
    """
    def time(match: re.Match[str]) -> str:
        h1, m1, h2, m2 = match.groups()
        if (h1 == "24" and m1 != "00") or (h2 == "24" and m2 != "00"):
            return match.group()
        return _clock(h1, m1) + (f"到{_clock(h2, m2)}" if h2 else "")

    return _TIME.sub(time, text)


_RATIO = re.compile(rf"(?<![\d.])({NUMBER}(?:\s*[∶:]\s*{NUMBER})+)(?![\d.])")
_FRACTION = re.compile(r"(?<![\d./])(\d{1,5})/(\d{1,5})(?![\d/])")


def ratios_and_fractions(text: str) -> str:
    """Ratios 比 and fractions 分之.

    >>> ratios_and_fractions("由12.7∶50.5∶36.8调整，以3:1获胜，占全球的1/5")
    '由十二点七比五十点五比三十六点八调整，以三比一获胜，占全球的五分之一'
    """
    text = _RATIO.sub(lambda m: "比".join(quantity(n.strip(), ordinal=True) for n in re.split("[∶:]", m[1])), text)
    return _FRACTION.sub(
        lambda m: m.group() if int(m[2]) == 0 else quantity(m[2], ordinal=True) + "分之" + quantity(m[1], ordinal=True),
        text,
    )


_RANGE_SEPARATOR = re.compile(rf"(?<=[\d%℃‰日月号岁])\s*(?:{_DASHES}|至)\s*(?=[-−]?\d)")
_PERCENT_RANGE = re.compile(rf"(?<![\d.])({NUMBER})到(?=(?:{NUMBER})\s*([%‰]))")


def ranges(text: str) -> str:
    """A range between numbers read with 到; a percent sign printed once counts for both ends.

    >>> ranges("30-40岁，6%—8%的分红，6—8%，3～5天，7%至8%，1月26日-27日")
    '30到40岁，6%到8%的分红，6%到8%，3到5天，7%到8%，1月26日到27日'
    """
    text = _RANGE_SEPARATOR.sub("到", text)
    return _PERCENT_RANGE.sub(lambda m: f"{m[1]}{m[2]}到", text)


_LATIN_HYPHEN = re.compile(r"(?<=[A-Za-z])-(?=\d)|(?<=\d)-(?=[A-Za-z])")
_LATIN_CODE = re.compile(r"(?<=[A-Za-z])\d{3,}|(?<![\d.])\d{3,}(?=\s?[A-Za-z])")


def latin_codes(text: str) -> str:
    """Digits inside Latin codes: three or more digit by digit (C919), fewer as a number (G20).

    >>> latin_codes("C919首飞，COVID-19，G108国道，2019-nCoV")
    'C九一九首飞，COVID 19，G一零八国道，二零一九 nCoV'
    """
    text = _LATIN_HYPHEN.sub(" ", text)
    return _LATIN_CODE.sub(lambda m: digits(m.group()), text)


_LIST_NUMBER = re.compile(rf"(?:^|(?<=[。{PHRASE_BREAKS}\s]))(\d{{1,2}})[.．](?={_HAN})")
_NEGATIVE = re.compile(r"(?<![\dA-Za-z])-(?=\d)")
_QUANTITY = re.compile(rf"(?<![\d.])({NUMBER})")
_ORDINAL_BEFORE = re.compile(r"(?:第|初|星期|周|礼拜)\s*$")


def quantities(text: str) -> str:
    """What digits are left are quantities: 两 where it is said, 第 keeps 二, a leading minus is 负.

    >>> quantities("2个人，2万人，2000多名，第2名，1.加强，12个，-3")
    '两个人，两万人，两千多名，第二名，一、加强，十二个，负三'
    """
    text = _LIST_NUMBER.sub(lambda m: quantity(m[1], ordinal=True) + "、", text)
    text = _NEGATIVE.sub("负", text)

    def reading(match: re.Match[str]) -> str:
        ordinal = _ORDINAL_BEFORE.search(_before(text, match, 2)) is not None
        following = _after(text, match, 4)
        if following.startswith("到"):  # 2到3个: the measure word after the range decides
            following = re.sub(r"^到[\d.]+", "", _after(text, match, 16))
        return quantity(match[1], following, ordinal=ordinal)

    text = _QUANTITY.sub(reading, text)
    # Whatever shape is left (a version 1.2.3) is read digit by digit rather than as digits.
    return re.sub(r"\d+", lambda m: digits(m.group()), text)


# What any rule rewrites: digits, signs, unit symbols, list marks, fractions, currencies.
_SAID_OTHERWISE = re.compile(
    r"[\d\uff10-\uff19%％+/=#&№℃°²³㎡㎢㎞㎏㎎㎖\u2160-\u217f\u2460-\u249b\u2776-\u2793½⅓⅔¼¾⅕⅛￥¥$€£∶×＞＜≥≤±]"
)
RULES: tuple[Callable[[str], str], ...] = (
    prepare, marks, dialled_numbers, code_numbers, dates, times, ranges, ratios_and_fractions,
    units, percent, latin_codes, signs, quantities,
)


def numbers_to_words(text: str) -> str:
    """Every number and symbol of ``text`` written out as it is said.

    >>> numbers_to_words("截至2月11日，捐款240.75万元，增长3.5%")
    '截至二月十一日，捐款二百四十点七五万元，增长百分之三点五'
    """
    if not _SAID_OTHERWISE.search(text):
        return text
    for rule in RULES:
        text = rule(text)
    return text
