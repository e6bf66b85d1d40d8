"""Builds page text laid out like the county paper's extracted pages, from
articles given as plain text: column lines separated by blank lines, paragraph
indents lost, the byline in brackets on the last line, headlines at the end."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PageArticle:
    title: str
    paragraphs: list[str]
    byline: list[str]
    kicker: str | None = None


def wrap(text: str, width: int, first_indent: int = 2) -> list[str]:
    """Cut ``text`` into column lines of ``width`` characters, the first one
    ``first_indent`` narrower (the printed indent the extraction loses)."""
    lines, start, limit = [], 0, width - first_indent
    while start < len(text):
        lines.append(text[start : start + limit])
        start += limit
        limit = width
    return lines


def make_page(articles: list[PageArticle], width: int = 13) -> str:
    blocks: list[str] = []
    for article in articles:
        for number, paragraph in enumerate(article.paragraphs):
            text = ("本报讯 " + paragraph) if number == 0 else paragraph
            lines = wrap(text, width, first_indent=0 if number == 0 else 2)
            if number == len(article.paragraphs) - 1:
                lines[-1] += "（" + " ".join(article.byline) + "）"
            blocks += lines
    for article in articles:
        if article.kicker:
            blocks.append(article.kicker)
        blocks.append(article.title)
    return "\n\n".join(blocks) + "\n"


FLOOD = PageArticle(
    kicker="县应急管理局",
    title="全县开展汛期安全大检查",
    paragraphs=[
        "6月3日，县应急管理局组织专项检查组，对全县重点河道、水库和地质灾害隐患点开展汛期安全大检查。",
        "检查组一行先后来到蔚汾河沿岸、城区排水泵站等地，详细了解防汛物资储备、值班值守和应急预案落实情况。",
        "检查组要求，各乡镇和有关部门要克服麻痹思想，压实防汛责任，确保安全度汛。",
    ],
    byline=["王丽"],
)

SCHOOL = PageArticle(
    title="城关小学举办读书节活动",
    paragraphs=[
        "4月23日，城关小学举办以书香满校园为主题的读书节活动，全校一千二百余名师生参加。",
        "活动中，同学们分享了自己最喜爱的图书，老师们为大家推荐了适合不同年级阅读的书目。",
    ],
    byline=["李华", "张强"],
)

MARKET = PageArticle(
    title="农贸市场改造完成投入使用",
    paragraphs=[
        "近日，经过三个月的改造，县城农贸市场正式投入使用，新增摊位二百余个。",
        "改造后的市场划分为蔬菜、肉类、水产等区域，地面硬化、排水和照明设施全部更新，群众购物更加方便。",
    ],
    byline=["赵敏"],
)
