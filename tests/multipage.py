"""Builds issues of several pages laid out like the county paper, with articles continued on another page.

A continued article stops on its first page with a jump line (（下转第2版）,
at the end of its last line or on a line of its own) and goes on on a later
page after the answering line (（上接第1版）), split between two paragraphs
or in the middle of one, its byline only at the end of the second part and
its headline only among the first page's headlines.  Seeded: the same seed
gives the same issue, with the gold articles to compare the parse with.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from converter.clean.paragraphs import set_width
from converter.model import Article, Issue
from tests.pagemaker import FLOOD, MARKET, SCHOOL, PageArticle

ROAD = PageArticle(
    kicker="打通群众出行“最后一公里”",
    title="全县新改建农村公路一百二十公里",
    paragraphs=[
        "今年以来，县交通运输局把农村公路建设作为民生实事来抓，全县新改建农村公路一百二十公里，完成投资一点二亿元，惠及十二个乡镇的八十六个行政村。",
        "在魏家滩镇的施工现场，压路机来回碾压，工人们正在铺设沥青路面。镇党委书记介绍，这条路修通以后，沿线六个村的群众到镇上赶集的时间将缩短一半以上。",
        "为保证工程质量，县交通运输局实行项目建设全过程监管，聘请第三方检测机构对每一段路面进行抽检，发现问题立即整改，确保建一条、成一条、群众满意一条。",
        "县交通运输局负责人表示，下一步将继续加大投入，推进农村公路与产业园区、旅游景点连接，让农村公路真正成为群众的致富路、幸福路。",
    ],
    byline=["刘伟", "高峰"],
)

HEALTH = PageArticle(
    title="家庭医生签约服务走进千家万户",
    paragraphs=[
        "近日，县人民医院家庭医生团队来到蔚汾镇城东社区，为辖区老年人开展免费体检和健康咨询，现场为二百余名群众测量血压、血糖，发放健康宣传资料三百余份。",
        "家庭医生签约服务是推进分级诊疗、提升基层医疗服务能力的重要举措。目前，全县已组建家庭医生团队六十二个，重点人群签约率达到百分之八十以上。",
        "签约居民可以享受基本医疗、公共卫生和健康管理等服务。对行动不便的老年人，家庭医生定期上门随访，建立健康档案，做到小病不出村、慢病有人管。",
        "城东社区居民王大爷说，以前看病要跑好几趟医院，现在家庭医生定期上门，有什么不舒服打个电话就能咨询，心里踏实多了。",
    ],
    byline=["孙丽娟"],
)

HARVEST = PageArticle(
    kicker="抢抓农时",
    title="十万亩谷子喜获丰收",
    paragraphs=[
        "金秋时节，走进高家村镇的田间地头，沉甸甸的谷穗压弯了枝头，农民们正忙着收割、晾晒、脱粒，处处是一派繁忙的丰收景象。",
        "今年，全县种植谷子十万余亩，通过推广优良品种、测土配方施肥和病虫害统防统治，平均亩产达到三百五十公斤，比去年增长百分之十二。",
        "为帮助农民把丰收的谷子卖上好价钱，县农业农村局组织小米加工企业与种植合作社签订收购协议，保底收购价每公斤高于市场价零点二元，让种粮农民吃下定心丸。",
    ],
    byline=["张建国", "李明"],
)

LIBRARY = PageArticle(
    title="县图书馆开设周末少儿阅读课堂",
    paragraphs=[
        "为培养少年儿童的阅读兴趣，县图书馆从本月起开设周末少儿阅读课堂，每周六、周日上午邀请中小学教师和志愿者为孩子们讲故事、读绘本、做手工。",
        "课堂开设第一天，就有四十多名小读者在家长的陪伴下来到图书馆。志愿者声情并茂地讲述了成语故事，孩子们听得津津有味，还争着上台复述故事内容。",
        "县图书馆馆长介绍，图书馆新购置少儿图书五千余册，设立了低幼阅读区和亲子阅读区，周末延长开放时间，方便孩子们借阅图书。",
    ],
    byline=["赵红梅"],
)

WATER = PageArticle(
    kicker="巩固提升农村饮水安全",
    title="二十三个村用上放心自来水",
    paragraphs=[
        "随着最后一段管网铺设完成，东会乡的二十三个村全部通上了自来水，五千余名群众告别了挑水吃、吃苦水的日子。",
        "这项工程是今年县里确定的十件民生实事之一，共铺设供水管网八十六公里，新建蓄水池十二座，安装净化消毒设备二十三套，总投资一千六百余万元。",
        "为了让群众长期喝上放心水，县水利局建立了农村供水工程管护机制，每个村都有专人负责日常维护，水质检测每季度进行一次，检测结果在村务公开栏公示。",
        "村民刘大娘拧开水龙头，清澈的自来水哗哗流出。她高兴地说，过去要走二里多路去挑水，遇上天旱还得排队，现在在家里就能用上干净的自来水了。",
    ],
    byline=["韩冰", "郭亮"],
)

ARTICLES = [FLOOD, SCHOOL, MARKET, ROAD, HEALTH, HARVEST, LIBRARY, WATER]

_CHINESE = "一二三四五六七八九"
# The printed forms of jump lines: {n} Arabic, {c} Chinese numeral.
DOWN_FORMS = ["（下转第{n}版）", "（下转{n}版）", "（转第{c}版）", "(转{n}版)", "（下转第{c}版）"]
UP_FORMS = ["（上接第{n}版）", "（接第{c}版）", "（紧接第{n}版）", "（上接{n}版）", "(接第{n}版)"]


def jump_line(form: str, page: int, spaced: bool = False) -> str:
    """A jump line naming ``page``: （下转第2版）, spaced by justification as （ 下 转 第 2 版 ）."""
    line = form.format(n=page, c=_CHINESE[page - 1])
    return " ".join(line) if spaced else line


def wrap(text: str, width: int, indent: int = 2) -> list[str]:
    """Fill lines to ``width`` em as a compositor does, the first one ``indent`` characters narrower;
    closing punctuation hangs at the end of a line rather than start the next."""
    lines: list[str] = []
    line = ""
    limit = width - indent
    for char in text:
        if line and set_width(line + char) > limit and char not in "，。、；：！？）》”’":
            lines.append(line)
            line, limit = "", width
        line += char
    return lines + [line]


def justify(line: str, rng: random.Random) -> str:
    """Blanks between some characters, as justified column lines extract."""
    return "".join((" " if i and rng.random() < 0.15 else "") + c for i, c in enumerate(line))


@dataclass
class Jump:
    """How a continued article is cut and marked."""

    to_page: int  # 2 or 3
    mid_paragraph: bool
    down_form: str = DOWN_FORMS[0]
    up_form: str = UP_FORMS[0]
    own_line: bool = True  # each jump line on a line of its own, or at the end/start of a text line
    spaced: bool = False


@dataclass
class Gold:
    """An article as it must come back: whole, with the pages it is printed on."""

    article: PageArticle
    pages: list[str]
    continued: bool = False


@dataclass
class MadeIssue:
    pages: list[tuple[str, str]]
    gold: list[Gold]
    jump_lines: list[str] = field(default_factory=list)  # as printed, to be found in no output


def _body_lines(article: PageArticle, paragraphs: list[str], width: int, first: bool, cut_start: bool) -> list[str]:
    """Column lines of some of an article's paragraphs; ``first`` carries the dateline, ``cut_start`` continues a cut one."""
    lines: list[str] = []
    for number, paragraph in enumerate(paragraphs):
        if first and number == 0:
            lines += wrap("本报讯 " + paragraph, width, indent=0)
        else:
            lines += wrap(paragraph, width, indent=0 if cut_start and number == 0 else 2)
    return lines


def _split(article: PageArticle, rng: random.Random, mid: bool) -> tuple[list[str], list[str]]:
    """The paragraphs printed on the first page and those continued, cut between or inside paragraphs."""
    paragraphs = article.paragraphs
    at = rng.randrange(1, len(paragraphs)) if len(paragraphs) > 1 else 0
    if not mid:
        return paragraphs[:at], paragraphs[at:]
    text = paragraphs[at]
    # Inside a sentence, never right after its end (that is a cut between sentences, seen too).
    cuts = [i for i in range(6, len(text) - 6) if text[i - 1] not in "。！？，、；：“”"]
    cut = rng.choice(cuts)
    return paragraphs[:at] + [text[:cut]], [text[cut:]] + paragraphs[at + 1 :]


def make_issue(seed: int, jumps: list[Jump] | None = None, pages: int = 3) -> MadeIssue:
    """An issue of ``pages`` pages; the first articles of page 1 are continued as ``jumps`` say (random when None)."""
    rng = random.Random(seed)
    names = [f"{number:02d}.txt" for number in range(1, pages + 1)]
    if jumps is None:
        jumps = [
            Jump(
                to_page=rng.randrange(2, pages + 1),
                mid_paragraph=rng.random() < 0.7,
                down_form=rng.choice(DOWN_FORMS),
                up_form=rng.choice(UP_FORMS),
                own_line=rng.random() < 0.5,
                spaced=rng.random() < 0.3,
            )
            for _ in range(rng.choice([1, 1, 2]))
        ]
    pool = rng.sample(ARTICLES, len(ARTICLES))
    continued, pool = pool[: len(jumps)], pool[len(jumps) :]
    own: list[list[PageArticle]] = [[] for _ in names]
    for number, article in enumerate(pool):
        own[number if number < pages else rng.randrange(pages)].append(article)
    widths = [rng.randint(11, 16) for _ in names]
    blocks: list[list[str]] = [[] for _ in names]
    heads: list[list[str]] = [[] for _ in names]
    continuations: list[list[list[str]]] = [[] for _ in names]
    gold: list[Gold] = []
    printed_jumps: list[str] = []
    for article, jump in zip(continued, jumps):
        start, rest = _split(article, rng, jump.mid_paragraph)
        down = jump_line(jump.down_form, jump.to_page, jump.spaced)
        up = jump_line(jump.up_form, 1, jump.spaced)
        printed_jumps += [down, up]
        lines = [justify(line, rng) for line in _body_lines(article, start, widths[0], True, False)]
        lines = lines + [down] if jump.own_line else lines[:-1] + [lines[-1] + down]
        blocks[0] += lines
        heads[0] += ([article.kicker] if article.kicker else []) + [article.title]
        page = jump.to_page - 1
        tail = [justify(line, rng) for line in _body_lines(article, rest, widths[page], False, jump.mid_paragraph)]
        tail[-1] += "（" + " ".join(article.byline) + "）"
        tail = [up] + tail if jump.own_line else [up + tail[0]] + tail[1:]
        continuations[page].append(tail)
        gold.append(Gold(article, [names[0], names[page]], continued=True))
    for page, articles in enumerate(own):
        # A continuation stands before, between or after the page's own articles.
        places = sorted(rng.randint(0, len(articles)) for _ in continuations[page])
        for number, article in enumerate(articles + [None]):
            while places and places[0] == number:
                places.pop(0)
                blocks[page] += continuations[page].pop(0)
            if article is None:
                break
            lines = [justify(line, rng) for line in _body_lines(article, article.paragraphs, widths[page], True, False)]
            lines[-1] += "（" + " ".join(article.byline) + "）"
            blocks[page] += lines
            heads[page] += ([article.kicker] if article.kicker else []) + [article.title]
            gold.append(Gold(article, [names[page]]))
    texts = ["\n\n".join(lines + head) + "\n" for lines, head in zip(blocks, heads)]
    order = {name: index for index, name in enumerate(names)}
    gold.sort(key=lambda g: (order[g.pages[0]], not g.continued))
    return MadeIssue(list(zip(names, texts)), gold, printed_jumps)


# Seeds from here on are the held-out issues: measured by benchmarks/continuations.py, never tuned on.
HELD_OUT = range(1000, 1200)
DEV = range(0, 200)


def _key(text: str) -> str:
    return "".join(text.split())


def found(made: MadeIssue, issue: Issue) -> list[tuple[Gold, Article | None]]:
    """Each gold article with the parsed article holding its text (blanks aside), or None."""
    by_text = {_key((a.dateline or "") + "".join(a.paragraphs)): a for a in issue.articles}
    return [(gold, by_text.get(_key("本报讯" + "".join(gold.article.paragraphs)))) for gold in made.gold]


def rebuilt_whole(gold: Gold, article: Article | None) -> bool:
    """One article holds all of the text, in order, with its byline and the pages it is printed on."""
    return article is not None and article.byline == gold.article.byline and article.pages == gold.pages
