"""The vocabulary every part shares: which characters are Han, what punctuation means, which words are roles.

One home for character classes and word lists, so the parser, the spoken
text, the subtitles and the pinyin agree on what a Chinese character, a
sentence end or a reporter is.  The classes are strings of characters (or
ranges) to put inside a regular expression's ``[...]``; the short ones also
serve ``char in CLASS``.  None holds ``]``, ``\\`` or ``^``, and ``-`` only
between the ends of a range, so they combine freely:
``f"[{SENTENCE_ENDS}][{CLOSING}]*"``.  ``__test__`` shows each on examples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Han characters: the unified ideographs, extension A, the compatibility
# ideographs, and the supplementary planes 2 and 3, which hold nothing but
# ideographs (extension B on, where rare name characters such as 𠮷 live).
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"

# What words are made of, for comparing texts: Han characters, digits and
# Latin letters; punctuation and blanks vary with the layout.
WORD_CLASS = HAN_CLASS + "0-9A-Za-z"

# Punctuation Chinese typesetting prints full width: the CJK symbols block,
# the full-width forms, and the curly quotes, dashes, ellipsis and middle
# dot (and the katakana middle dot some papers print for it: 邻居・2025, and the box
# rule some print for a dash: 对唱──特色).  A blank next to one is a justified gap,
# never a word space.
CJK_PUNCTUATION_CLASS = "\u3000-\u303f\uff00-\uffef\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u00b7\u30fb\u2500\u2501"

# The full-width marks that stop a sentence.  Counted alone where a
# Latin ! or ? (in a name, a URL, a slogan) must not count.
CHINESE_STOPS = "。！？"
# Every mark that stops a sentence, as pages print them.
SENTENCE_STOPS = CHINESE_STOPS + "!?"
# A sentence also ends at an ellipsis (……) trailing off.
SENTENCE_ENDS = SENTENCE_STOPS + "…"
# The marks a headline may cry out or ask with (险！宁都一蚊香厂发生火灾).
CRIES = "！？!?"
# Full-width marks that break a clause inside a sentence.  Their half-width
# forms are left out: , and : also sit inside numbers (1,000, 18:00).
CLAUSE_BREAKS = "，、；："
# Marks only running text holds: a headline, a name or a credit has none.
RUNNING_TEXT_MARKS = "，；" + CHINESE_STOPS
# Where a headline's or a lead's first phrase ends, full or half width: a
# title is cut at its first (a list number follows one, too).
PHRASE_BREAKS = "，,；;：:"
# Opening and closing quotes and brackets; a closing one stays with the
# sentence end before it (他说：“走吧。”).
OPENING = "“‘「『《（("
CLOSING = "”’」』》）)"
# Round brackets, full and half width: a byline's, a note's, a jump's.
OPEN_PARENS = "（("
CLOSE_PARENS = "）)"

# A paper's own reporters, named before their names in a byline or a
# dateline: （记者 王丽 通讯员 张三）, 本报讯（记者 王丽）, 本报特约记者 李华; a district's 信息员 sends
# its news as a 通讯员 does (（信息员：叶秋希、程越）).
REPORTER_ROLES = ("记者", "通讯员", "拍客", "信息员")
# Other roles a bracketed byline names: a photo's or a text's author.
CREDIT_ROLES = ("摄影报道", "摄影", "摄", "文", "图", "报道")
# Marks a paper prints before a byline's or an author's names (□记者 陈永团, ■ 张三).
NAME_MARKS = "□■●◎"
# Roles a bracketed credit names before a colon and a name: （撰稿：方慧娟 审核：张志平）, （作者：周家山）, the person
# doing it named as web pages print it (（撰稿人：蔡慧琪）).
EDITING_ROLES = (
    "撰稿", "供稿", "审核", "审校", "编辑", "校对", "作者", "撰稿人", "供稿人", "审核人",
    "来源", "图片", "制作", "编审", "监制", "责编", "责任编辑", "责任编审", "策划", "综合",
    "文图", "图文", "视频", "文字", "供图", "撰文", "整理", "出品", "主编", "美编", "统筹", "摄像", "剪辑",
    "文字报道", "图片报道", "视频报道",
    # The three reviews a county media centre signs each story with (一审/二审/三审, 初审/复审/终审).
    "初审", "复审", "终审", "一审", "二审", "三审",
)
# Roles that sign a dateline's report (本报评论员…报道).
REPORTING_ROLES = (*REPORTER_ROLES, "评论员", "特约记者")
# The label of a figure note: the source of a chart, the credit of a graphic
# or a photo, the page's editors (数据来源：, 本版制图：, 责任编辑：).
FIGURE_NOTE_LABELS = ("来源", "出处", "制图", "绘图", "摄影", "供图", "漫画", "责编", "责任编辑", "美编", "校对")

# The dateline vocabulary.  News agencies and central papers whose copy a
# county paper reprints (新华社北京1月2日电, 据人民日报报道).
NEWS_AGENCIES = ("新华社", "中新社", "人民日报", "人民网", "新华网", "央视网", "光明日报", "经济日报", "中国新闻社")
# How a paper names itself before 讯 (本报3月2日讯, 本网讯, 晚报讯).
OWN_MEDIUM = ("本报", "本网", "晚报", "日报")
# The last word of a medium's name before a place and 讯 (娄底新闻网新化讯, 红网祁东站讯, 湖南民生在线讯).
MEDIUM_KINDS = ("网", "报", "台", "站", "社", "中心", "融媒", "在线", "客户端")


# Headline vocabulary.  What the name of a place or a public body ends with
# (双牌上梧江瑶族乡, 兴县县委统战部新联会, 兴县工商联, 裕园社区): a headline line
# that is such a name is a kicker naming who or where.
BODY_SUFFIXES = (
    "省", "市", "县", "区", "乡", "镇", "村", "街道", "社区", "小区", "委", "会", "管理局", "厅", "部",
    "办", "办公室", "院", "所", "站", "队", "校", "小学", "中学", "大学", "幼儿园", "处", "中心", "公司", "集团",
    "协会",
    # A procuratorate's office in a township, a court's in a town, a named worker's studio; delegations, teams
    # and groups sent to do something (宣讲团, 督导组).
    "检察室", "法庭", "工作室", "代表团", "宣讲团", "服务团", "艺术团", "考察团", "工作组", "督导组", "考察组",
    "调研组", "督查组",
    # State farms, forest farms and ranches, and the corps' regiments' farms (土墩子农场, 前哨农场).
    "农场", "林场", "牧场",
    "支部", "总支", "党组",
    "工商联", "妇联", "文联", "残联", "侨联",
    # Inner Mongolia's banners and leagues, townships and villages (乌拉特前旗, 兴安盟, 嘎查).
    "旗", "盟", "苏木", "嘎查", "自治州",
    # Broadcasters and papers signing a story they sent (（封丘电视台）).
    "电视台", "电台", "报社",
)
# Gatherings that end in 会 and name no body (新春游园会, 老干部座谈会): an event, not who holds it.
GATHERINGS = (
    "游园会", "运动会", "座谈会", "茶话会", "表彰会", "团拜会", "音乐会", "晚会", "博览会", "展销会", "庙会",
    "招聘会", "交流会", "推介会", "发布会", "动员会", "培训会", "推进会", "现场会", "观摩会", "分享会", "恳谈会",
    "联欢会", "演唱会", "宣讲会", "故事会", "见面会", "年会", "舞会", "赛诗会", "读书会", "美食会", "灯会",
)
# Flags that end in 旗 and name no banner (挂国旗, 五星红旗).
FLAGS = ("国旗", "红旗", "彩旗", "党旗", "团旗", "队旗", "锦旗", "战旗", "旌旗")
# Words that make a phrase a description of many places rather than the name of one
# (我县部分村镇: "some villages of our county"): such a line is no kicker naming who or where.
NOT_ONE_PLACE = ("我县", "我市", "我区", "我省", "部分", "一些", "多个", "各地", "各村", "各乡", "全国", "全省")
# What stands before 村, 镇 or 乡 in running text without naming a place (在农村, 美丽乡村, 示范村, 全镇).
NOT_A_PLACE_NAME = "在的了和与及到从向对为是有全该本各每个等农乡城新"
KINDS_OF_PLACE = (
    "示范", "贫困", "行政", "自然", "中心", "重点", "试点", "先进", "文明", "美丽", "特色", "脱贫", "城关",
)
# Verbs that make a line ending in a body's suffix a clause, not a name (宣传大餐送进社区, 义诊走进乡村).
INTO_A_PLACE = ("走进", "送进", "走入", "进入", "深入", "来到", "回到", "走向", "送到", "进驻", "扎根", "助力", "服务")

# The bar a paper prints between a column's name and its title (乡村振兴 | 甘蔗丰收…, 皖美宝藏小城丨陈汉乡：…).
COLUMN_BARS = "丨|｜"

# How a paragraph goes on with a story already told: no story opens with these (据了解，今年我市…), nor with
# what points back to what it has told: the event, its day, the place or body it named (此次活动…, 当天…,
# 该镇…: of the collected articles' 882 first paragraphs none, of their later ones 205); nor with the meeting
# told (会议强调…), the interview (采访中，…) or now after then (如今，…): of 1,063 first paragraphs none, of the
# later ones 43; nor with the meeting's floor (会场外，…, 会上，…, 启动仪式上，…): of 1,095 first paragraphs none,
# of 2,481 later ones 19 (现场 opens titles too: 现场直击！…).
GOING_ON = (
    "据了解", "据悉", "据介绍", "此外", "另外", "同时", "与此同时", "截至目前", "目前", "下一步", "接下来",
    "此次", "本次", "这次", "通过此次", "活动", "当天", "当日", "随后", "如今", "会议", "采访中",
    "该镇", "该村", "该县", "该区", "该乡", "该市", "该社区", "该街道", "该局", "该院", "该校", "该公司",
    "会场", "会上", "仪式上", "启动仪式", "开幕式上", "座谈会上", "大会上", "晚会上",
)
# How the name of a recurring column ends or starts (抗击疫情特别报道, 聚焦两会): printed over a
# title as its kicker, it names the series, not the story, so it matches no article.  Words that
# end titles as often (环境整治进行时, 驻村手记) are left out.
COLUMN_ENDS = ("报道", "专栏", "系列", "巡礼", "专题")
COLUMN_STARTS = ("聚焦", "关注", "直击")
# Whole names of columns a paper runs on most pages, photo news above all (图话 over 运城：晋南粮仓田园忙).
COLUMN_NAMES = (
    "图话", "图说", "图片新闻", "新闻图片", "图片报道", "快讯", "简讯", "短讯", "一线传真", "新闻速递",
    # A reporter's column from the field: the reporter went and saw (记者在一线 over “说理堂” 群众说理有地方).
    "记者在一线", "记者走基层", "记者手记", "记者观察", "记者调查", "走基层", "新春走基层",
)


def either(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, the longest first (so 摄影 wins over 摄).

    >>> either(CREDIT_ROLES)
    '(?:摄影报道|摄影|报道|摄|文|图)'
    >>> re.fullmatch(either(REPORTING_ROLES), "特约记者") is not None
    True
    """
    return "(?:" + "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)) + ")"


# Each class on the characters it is for, and on those it is not (run by doctest).
__test__ = {
    "classes": """
    >>> han = re.compile(f"[{HAN_CLASS}]+")
    >>> [bool(han.fullmatch(t)) for t in ("字", "㐀", "\uf900", "𠮷", "𪚥", "，", "A", "ㄅ")]
    [True, True, True, True, True, False, False, False]
    >>> re.findall(f"[{WORD_CLASS}]+", "“十四五”规划，GDP增长 5%")
    ['十四五', '规划', 'GDP增长', '5']
    >>> punctuation = re.compile(f"[{CJK_PUNCTUATION_CLASS}]")
    >>> [bool(punctuation.fullmatch(c)) for c in "，。“”—…·、（\u3000 ,字"]
    [True, True, True, True, True, True, True, True, True, True, False, False, False]
    >>> [c in CHINESE_STOPS for c in "。！？!…"]
    [True, True, True, False, False]
    >>> re.findall(f"[{SENTENCE_ENDS}]+[{CLOSING}]*", "他说：“走吧！”好……对吗?")
    ['！”', '……', '?']
    >>> re.split(f"[{PHRASE_BREAKS}]", "坚持稳中求进,推动高质量发展：记者王丽")
    ['坚持稳中求进', '推动高质量发展', '记者王丽']
    >>> running = re.compile(f"[{RUNNING_TEXT_MARKS}]")
    >>> [bool(running.search(t)) for t in ("全县开展汛期安全大检查", "确保安全度汛。", "张三、李四")]
    [False, True, False]
    >>> re.split(f"[{CLAUSE_BREAKS}]", "会议强调，要加强、落实；记者：王丽，1,000人")
    ['会议强调', '要加强', '落实', '记者', '王丽', '1,000人']
    >>> re.findall(f"[{OPENING}][^{CLOSING}]*[{CLOSING}]", "学习《党章》（张三）“好”")
    ['《党章》', '（张三）', '“好”']
    >>> re.findall(f"[{OPEN_PARENS}][^{CLOSE_PARENS}]*[{CLOSE_PARENS}]", "（张三）(李四)《五》")
    ['（张三）', '(李四)']
    >>> re.match(either(REPORTER_ROLES), "通讯员张三").group()
    '通讯员'
    >>> re.match(either(OWN_MEDIUM) + "讯", "本网讯").group(), re.match(either(NEWS_AGENCIES), "新华社北京").group()
    ('本网讯', '新华社')
    >>> re.match(either(FIGURE_NOTE_LABELS), "责任编辑：李四").group()
    '责任编辑'
    >>> re.search(either(MEDIUM_KINDS) + "讯", "红网祁东站讯").group()
    '站讯'
"""
}
