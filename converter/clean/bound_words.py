"""Words that bind a headline line to the next: a particle opening a line, a conjunction or a waiting verb ending one.

No title opens or ends with them, so a line doing so is half of a title broken over two lines.
"""

from __future__ import annotations

import re

# What no title opens with: a particle bound to the word before it (里的表彰会, 们的致富路, 之路), or 赴, whose goer is
# named before it (五泉镇组织干部群众 / 赴眉县参观学习…), or 将 and 被, whose subject is (今年我省百万农民 / 将进大学
# 课堂; no headline part of the 1,202 worked on opens with either); nor do particles and suffixes ending the word
# before (世丰园成 / 了世外桃源; 了, 着, 吗, 呢, 吧, 么, 者, 式, 型, 性, 率, save in 了解, 着力, 性别, 率先 and the
# like).
_BOUND_START = re.compile(
    r"^(?:[里中上下]?的|们|之|赴|将(?!军)|被(?!子)"
    r"|了(?!解|不起)|着(?![力眼手重])|[吗呢吧么者式型]|性(?![别格])|率(?![先队领]))"
)
# What no title ends with: a conjunction or 于 bound to the words after it (泸州市委宣传部与 / 杜家街社区…); 参与
# and 普及 end titles, and so do the words 和 ends (祥和, 平和). Nor a paper's own place named as the one doing
# what the next line tells (解禁！我市 / 最后一批渔船出海捕鱼), nor a determiner or a preposition (徐家楼街道各 /
# 社区扮靓美好家园; 对, 在, 为, 向, 将, 被, 从, 给, 让, save where they end a word: 面对, 存在, 成为, 方向), nor
# 赴 waiting for where one goes (…对口援建单位赴 / 沙柳河镇交流考察; 双向奔赴 ends one), nor 前往, nor a team's or
# a group's 到 or 深入 (…领导带队到 / 新乡县调研…, …文艺轻骑兵团深入 / 勐遮镇…; 走向深入 ends one), nor 的 of a
# phrase going on (“彩虹岛”上的 / 幸福底色), 由, 以, 并, 而 or 或 (save in 目的, 自由, 可以…), nor a verb waiting for
# what one is or does, 当, 是, 做, 帮, 叫 or 把 (彝良法官当 / 老师把法庭搬进校园上课; save 担当, 正当, 就是, 火把), nor
# a verb waiting for what it builds, guards or brings (…严管严查筑牢 / 采摘季道路交通安全防线; 助力, 走进, 守护, 打造,
# 迎来, 喜获, 传递, 绘就, each inside 1 to 32 of the sets' titles): no headline of the sets ends with one (of their
# 1,830 phrases, one ends with 担当, one with 火把).
_BOUND_END = re.compile(
    r"(?:(?<!参)与|(?<!普)及|于|(?<![祥平温柔缓饱暖谦随调附总共人])和|我[省市县区州旗镇乡]"
    r"|各|(?<![面反针应绝相核配结])对|(?<![存现实所健自正])在|(?<![成作行认以])为|(?<![方导走志意动风航转外内])向"
    r"|(?<![即])将|被|从|给|让|(?<!奔)赴|(?<=[队团组])(?:到|深入)|前往"
    r"|(?<![自理缘])由|(?<![可所难予加足得])以|(?<![目似有真是])的|并|而|或"
    r"|(?<![担相妥适应充正恰得])当|(?<![就总还要凡正也都但可于])是|做|帮|叫|(?<!火)把"
    r"|助力|走进|筑牢|守护|打造|迎来|喜获|传递|绘就)$"
)


def opens_bound(line: str) -> bool:
    """A line opening with a particle that binds it to the words before it: no title opens so, it goes on with the
    line before (…系列活动 / 之“空间提升，惠民共享”活动, 开在村委会 / 里的表彰会).

    >>> opens_bound("之“空间提升，惠民共享”活动"), opens_bound("们的致富路"), opens_bound("赴眉县参观学习")
    (True, True, True)
    >>> opens_bound("将进大学课堂"), opens_bound("村里的表彰会"), opens_bound("将军岭村开展…")
    (True, False, False)
    >>> opens_bound("了世外桃源"), opens_bound("了解民情"), opens_bound("着力打造…")
    (True, False, False)
    """
    return _BOUND_START.match(line.strip()) is not None


def bound_at_the_end(text: str) -> bool:
    """A line ending with a word bound to the words after it (a conjunction, 于, a preposition, a verb waiting for
    what is done): it goes on into the next (泸州市委宣传部与 / 杜家街社区开展…).

    >>> bound_at_the_end("泸州市委宣传部与"), bound_at_the_end("百姓舞台 百姓参与"), bound_at_the_end("一派祥和")
    (True, False, False)
    >>> bound_at_the_end("解禁！我市"), bound_at_the_end("云南省文联文艺轻骑兵团深入")
    (True, True)
    >>> bound_at_the_end("推动主题教育走向深入"), bound_at_the_end("“彩虹岛”上的"), bound_at_the_end("达到目的")
    (False, True, False)
    >>> bound_at_the_end("彝良法官当"), bound_at_the_end("巾帼心显担当"), bound_at_the_end("彝家火把")
    (True, False, False)
    >>> bound_at_the_end("五大连池市公安局严管严查筑牢"), bound_at_the_end("桓仁县木盂子村入选")
    (True, False)
    """
    return bool(_BOUND_END.search(text.rstrip()))
